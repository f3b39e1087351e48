/**
 * Data for the roofline chart: one point per operation (operational intensity against
 * achieved FLOP/s), the device's roof, and the scales and label positions that place
 * them. Pure functions of the data and the plot size.
 */
import { scaleLog, type ScaleLogarithmic } from 'd3';
import type { CostResult } from '../cost/model';
import { decadeDomain, positiveOrNaN } from './domain';
import { columnUnit, formatFlopsPerByte, formatFlopsPerSecond, formatSeconds } from './format';
import { placeLabels, type PlacedLabel } from './labels';
import type { FigureTable } from './table';

export interface RooflineDevice {
  label: string;
  flopsPerSecond: number;
  bytesPerSecond: number;
}

export interface RooflinePoint {
  id: string;
  label: string;
  flopsPerByte: number;
  flopsPerSecond: number;
  phase: 'encoder' | 'decoder' | string;
  /** Extra line for the tooltip and the description, such as the time it takes. */
  detail?: string;
}

/** Returns the attainable device of a cost result: peak and bandwidth times their efficiencies. */
export function rooflineDevice(result: CostResult): RooflineDevice {
  return {
    label: result.device.label,
    flopsPerSecond: result.device.flopsPerSecond,
    bytesPerSecond: result.device.bytesPerSecond,
  };
}

/**
 * Lists one point per operation with FLOPs > 0: its operational intensity and the FLOP/s it
 * achieves (FLOPs / seconds, per sample at the effective batch). Operations without
 * FLOPs (embedding lookups) or without time have no place on a log-log roofline.
 */
export function rooflinePoints(result: CostResult): RooflinePoint[] {
  const points: RooflinePoint[] = [];
  for (const op of result.operations) {
    if (!(op.flops > 0) || !(op.seconds > 0) || !(op.flopsPerByte > 0)) continue;
    points.push({
      id: op.name,
      label: op.label,
      flopsPerByte: op.flopsPerByte,
      flopsPerSecond: op.flops / op.seconds,
      phase: op.phase,
      detail: `${op.bound}-bound, ${formatSeconds(op.seconds)} per sample`,
    });
  }
  return points;
}

/** Points a log-log chart can draw: both coordinates finite and above zero. */
export function drawablePoints(points: readonly RooflinePoint[]): RooflinePoint[] {
  return points.filter((p) => !Number.isNaN(positiveOrNaN(p.flopsPerByte)) && !Number.isNaN(positiveOrNaN(p.flopsPerSecond)));
}

export function ridgeFlopsPerByte(device: RooflineDevice): number {
  return device.flopsPerSecond / device.bytesPerSecond;
}

/** True when the device has a drawable roof: both rates finite and above zero. */
export function validDevice(device: RooflineDevice): boolean {
  return !Number.isNaN(positiveOrNaN(device.flopsPerSecond)) && !Number.isNaN(positiveOrNaN(device.bytesPerSecond));
}

export interface PlotBounds {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface RooflineScales {
  x: ScaleLogarithmic<number, number>;
  y: ScaleLogarithmic<number, number>;
}

/** Log scales covering the ridge, the peak and every drawable point, in whole decades. */
export function rooflineScales(device: RooflineDevice, points: readonly RooflinePoint[], bounds: PlotBounds): RooflineScales {
  const drawable = drawablePoints(points);
  const ok = validDevice(device);
  const ridge = ok ? ridgeFlopsPerByte(device) : NaN;
  const xs = [...drawable.map((p) => p.flopsPerByte), ridge];
  const ys = [...drawable.map((p) => p.flopsPerSecond), ok ? device.flopsPerSecond : NaN];
  const [x0, x1] = decadeDomain(xs);
  const [y0, y1] = decadeDomain(ys);
  // One spare decade above the peak leaves room for the compute-roof label, and one
  // below the lowest value keeps the memory slope visible.
  const x = scaleLog().domain([x0, x1]).range([bounds.left, bounds.right]);
  const y = scaleLog()
    .domain([y0 / 10, y1 * (ok && y1 <= device.flopsPerSecond * 1.001 ? 10 : 1)])
    .range([bounds.bottom, bounds.top]);
  return { x, y };
}

/**
 * Traces the roof as a polyline in data space, clipped to the scales' domains: the memory slope
 * (FLOP/s = intensity × bandwidth) up to the ridge, then the flat compute ceiling.
 */
export function roofPolyline(device: RooflineDevice, scales: RooflineScales): [number, number][] {
  if (!validDevice(device)) return [];
  const [x0, x1] = scales.x.domain();
  const [y0] = scales.y.domain();
  // rooflineScales puts the ridge inside the x domain and the peak inside the y domain.
  const ridge = ridgeFlopsPerByte(device);
  const start = Math.max(x0, y0 / device.bytesPerSecond);
  const line: [number, number][] = [];
  if (start < ridge) line.push([start, start * device.bytesPerSecond]);
  line.push([ridge, device.flopsPerSecond]);
  line.push([x1, device.flopsPerSecond]);
  return line;
}

/** Label box size of a point number such as "12", in pixels at 11 px type. */
export const POINT_LABEL_HEIGHT = 13;
export function pointLabelWidth(number: number): number {
  return String(number).length * 7 + 2;
}

/** Positions of the point numbers, nudged apart; in the order of `points`. */
export function placePointLabels(points: readonly RooflinePoint[], scales: RooflineScales, bounds: PlotBounds): PlacedLabel[] {
  return placeLabels(
    points.map((p, i) => ({
      x: scales.x(p.flopsPerByte),
      y: scales.y(p.flopsPerSecond),
      width: pointLabelWidth(i + 1),
      height: POINT_LABEL_HEIGHT,
    })),
    { bounds },
  );
}

/** True when an operation sits left of the ridge, where memory bandwidth limits it. */
export function isMemoryBound(point: RooflinePoint, device: RooflineDevice): boolean {
  return point.flopsPerByte < ridgeFlopsPerByte(device);
}

/** Writes the headline: the ridge and how many operations are memory-bound. */
export function rooflineHeadline(title: string, device: RooflineDevice, points: readonly RooflinePoint[]): string {
  if (!validDevice(device)) return `${title}: the device has no valid peak FLOP/s or bandwidth.`;
  const drawable = drawablePoints(points);
  const ridge = formatFlopsPerByte(ridgeFlopsPerByte(device));
  const roof = `${device.label}: ${formatFlopsPerSecond(device.flopsPerSecond)} peak, ridge at ${ridge}`;
  if (drawable.length === 0) return `${title}. ${roof}; no operations to place.`;
  const memoryBound = drawable.filter((p) => isMemoryBound(p, device)).length;
  return `${title}. ${roof}; ${memoryBound} of ${drawable.length} operations are memory-bound.`;
}

/** Builds the figure table of `RooflineChart`: one row per drawable point, numbered as on the chart. */
export function rooflineTable(device: RooflineDevice, points: readonly RooflinePoint[]): FigureTable {
  const drawable = drawablePoints(points);
  const rate = columnUnit([...drawable.map((p) => p.flopsPerSecond), device.flopsPerSecond], 'FLOP/s', { minExponent: 0 });
  const ok = validDevice(device);
  return {
    columns: ['#', 'Operation', 'Phase', 'Intensity (FLOPs/byte)', `Achieved (${rate.unit})`, 'Limited by'],
    rows: drawable.map((p, i) => [
      i + 1,
      p.label,
      p.phase,
      p.flopsPerByte,
      p.flopsPerSecond / rate.divisor,
      ok ? (isMemoryBound(p, device) ? 'memory bandwidth' : 'compute') : '',
    ]),
  };
}
