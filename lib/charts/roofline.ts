/**
 * Data for the roofline chart: one point per operation (operational intensity against
 * achieved FLOP/s), the device's roof, and the scales and label positions that place
 * them. Pure functions of the data and the plot size.
 */
import { interpolateRound, scaleLog, type ScaleLogarithmic } from 'd3';
import type { CostResult } from '../cost/model';
import { decadeDomain, positiveOrNaN } from './domain';
import { columnUnit, formatBytesPerSecond, formatFlopsPerByte, formatFlopsPerSecond, formatSeconds } from './format';
import { boxCorners, convexPolygonsOverlap, placeLabels, type Box, type PlacedLabel, type Point } from './labels';
import { textWidth } from './text';
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
  // Whole pixels: Math.log10 may differ in the last bit between Node and the browser,
  // and unrounded positions would then differ between the prerender and hydration.
  const x = scaleLog().domain([x0, x1]).range([bounds.left, bounds.right]).interpolate(interpolateRound);
  const y = scaleLog()
    .domain([y0 / 10, y1 * (ok && y1 <= device.flopsPerSecond * 1.001 ? 10 : 1)])
    .range([bounds.bottom, bounds.top])
    .interpolate(interpolateRound);
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
  return pointLabelTextWidth(String(number));
}

/** Width of a point label's text ("12" or "1, 5"), in pixels: 7 per digit, 4 per comma or space, 2 of halo. */
export function pointLabelTextWidth(text: string): number {
  let width = 2;
  for (const character of text) width += /[0-9]/.test(character) ? 7 : 4;
  return width;
}

/** Radius of a point mark, in pixels. */
export const POINT_RADIUS = 4.5;

/** A text annotation of the roof: where it goes and the box it covers. */
export interface RoofAnnotation {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** Rotation in degrees about (x, y); 0 for level text. */
  angle: number;
  /** Shift of the baseline from (x, y) along the rotated vertical, as SVG's `dy`; absent for none. */
  dy?: string;
  /** Smallest level box that contains the text, rotated or not. */
  box: Box;
}

export interface RoofAnnotations {
  peak: RoofAnnotation;
  ridge: RoofAnnotation;
  /** Absent when the memory slope is off the plot or no spot along it keeps the label inside the plot and off other text. */
  slope: RoofAnnotation | null;
  ridgeFlopsPerByte: number;
  ridgeX: number;
  peakY: number;
}

const ANNOTATION_HEIGHT = 12;
/** Space, in pixels, between a roof label and the plot's edge or the ridge line. */
const ANNOTATION_INSET = 4;

/**
 * The memory label's text beside the slope, at 11 px type: with `dy` -0.5em it sits above
 * the line, with 1.2em below it. Either way the text's em box (ascent plus descent, about
 * 12.8 px in sans-serif fonts) spans about 3 to 16 px from the line, so the label is taken
 * as a band 14 px high centred 9.5 px from it.
 */
const SLOPE_LABEL_SIDES = [
  { dy: '-0.5em', sign: 1 },
  { dy: '1.2em', sign: -1 },
] as const;
const SLOPE_LABEL_HEIGHT = 14;
const SLOPE_LABEL_OFFSET = 9.5;
/** Spots along the slope tried for the memory label, as fractions of its length, middle first. */
const SLOPE_LABEL_FRACTIONS = [0.5, 0.35, 0.65, 0.2, 0.8];

function pointBoxes(points: readonly RooflinePoint[], scales: RooflineScales): Box[] {
  const r = POINT_RADIUS + 1;
  return points.map((p) => {
    const x = scales.x(p.flopsPerByte);
    const y = scales.y(p.flopsPerSecond);
    return { left: x - r, right: x + r, top: y - r, bottom: y + r };
  });
}

/** Returns the box of level text at 11 px with its baseline at `baseline`, anchored at `x`. */
export function levelTextBox(x: number, baseline: number, width: number, anchor: RoofAnnotation['anchor']): Box {
  let left = x - width / 2;
  if (anchor === 'start') left = x;
  if (anchor === 'end') left = x - width;
  return { left, right: left + width, top: baseline - ANNOTATION_HEIGHT + 2, bottom: baseline + 3 };
}

function level(text: string, x: number, baseline: number, width: number, anchor: RoofAnnotation['anchor']): RoofAnnotation {
  return { text, x, y: baseline, anchor, angle: 0, box: levelTextBox(x, baseline, width, anchor) };
}

/**
 * Places the ridge label at the foot of the ridge line: right of it, or left of it when
 * the right has no room. When neither side has room, the label goes on the roomier side
 * and is shifted back inside the plot, across the dashed line, so it never covers the
 * axis ticks outside the plot.
 */
function ridgeAnnotation(text: string, ridgeX: number, bounds: PlotBounds): RoofAnnotation {
  const width = textWidth(text);
  const baseline = bounds.bottom - 6;
  const rightRoom = bounds.right - ANNOTATION_INSET - (ridgeX + 5);
  const leftRoom = ridgeX - 5 - (bounds.left + ANNOTATION_INSET);
  if (rightRoom >= width) return level(text, ridgeX + 5, baseline, width, 'start');
  if (leftRoom >= width) return level(text, ridgeX - 5, baseline, width, 'end');
  if (rightRoom >= leftRoom) return level(text, bounds.right - ANNOTATION_INSET, baseline, width, 'end');
  return level(text, bounds.left + ANNOTATION_INSET, baseline, width, 'start');
}

interface SlopeCandidate {
  label: RoofAnnotation;
  corners: Point[];
}

function cornersInside(corners: readonly Point[], bounds: PlotBounds): boolean {
  return corners.every(([x, y]) => x >= bounds.left && x <= bounds.right && y >= bounds.top && y <= bounds.bottom);
}

/**
 * Places the memory label along the slope, rotated to match it. It takes the first spot,
 * above the line before below it, that keeps the text inside the plot and off other text
 * (`texts`), the roof and the ridge line (`lines`), and the point marks (`marks`). When every
 * spot covers a point, the first that is otherwise clear is used. Returns null when no spot
 * is clear of text and lines.
 */
function slopeAnnotation(
  text: string,
  from: Point,
  to: Point,
  bounds: PlotBounds,
  marks: readonly Box[],
  texts: readonly Box[],
  lines: readonly Point[][],
): RoofAnnotation | null {
  const [x0, y0] = from;
  const radians = Math.atan2(to[1] - y0, to[0] - x0);
  // Rounded to a tenth of a degree so the prerender and the browser print the same angle.
  const angle = Math.round((radians * 1800) / Math.PI) / 10;
  const along: Point = [Math.cos(radians), Math.sin(radians)];
  // Unit vector at right angles to the slope, pointing above it (up on the screen).
  const normal: Point = [Math.sin(radians), -Math.cos(radians)];
  const halfWidth = textWidth(text) / 2;
  const halfHeight = SLOPE_LABEL_HEIGHT / 2;

  const candidates: SlopeCandidate[] = SLOPE_LABEL_SIDES.flatMap(({ dy, sign }) =>
    SLOPE_LABEL_FRACTIONS.map((fraction) => {
      const x = Math.round(x0 + fraction * (to[0] - x0));
      const y = Math.round(y0 + fraction * (to[1] - y0));
      const cx = x + sign * SLOPE_LABEL_OFFSET * normal[0];
      const cy = y + sign * SLOPE_LABEL_OFFSET * normal[1];
      const corners: Point[] = [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, 1],
      ].map(([a, b]) => [cx + a * halfWidth * along[0] + b * halfHeight * normal[0], cy + a * halfWidth * along[1] + b * halfHeight * normal[1]]);
      const xs = corners.map(([cornerX]) => cornerX);
      const ys = corners.map(([, cornerY]) => cornerY);
      const box = { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
      return { label: { text, x, y, anchor: 'middle' as const, angle, dy, box }, corners };
    }),
  );

  const meets = (candidate: SlopeCandidate, boxes: readonly Box[]) => boxes.some((box) => convexPolygonsOverlap(candidate.corners, boxCorners(box)));
  const clear = candidates.filter(
    (candidate) =>
      cornersInside(candidate.corners, bounds) &&
      !meets(candidate, texts) &&
      !lines.some((line) => line.some((point, i) => i > 0 && convexPolygonsOverlap(candidate.corners, [line[i - 1], point]))),
  );
  const best = clear.find((candidate) => !meets(candidate, marks)) ?? clear[0];
  return best ? best.label : null;
}

/**
 * Places the roof's three labels. The peak goes above the flat part at the right, the
 * ridge at the foot of its dashed line, and the bandwidth along the slope, rotated to
 * match it. Each stays inside the plot, so none covers an axis tick, and the bandwidth
 * label keeps off the other two, the points and `obstacles` (other text drawn in the plot).
 */
export function roofAnnotations(
  device: RooflineDevice,
  points: readonly RooflinePoint[],
  scales: RooflineScales,
  bounds: PlotBounds,
  roof: readonly [number, number][],
  obstacles: readonly Box[] = [],
): RoofAnnotations | null {
  if (!validDevice(device) || roof.length === 0) return null;
  const marks = pointBoxes(points, scales);
  const ridge = ridgeFlopsPerByte(device);
  const ridgeX = scales.x(ridge);
  const peakY = scales.y(device.flopsPerSecond);

  const peakText = `peak ${formatFlopsPerSecond(device.flopsPerSecond)}`;
  const peakX = bounds.right - ANNOTATION_INSET;
  const peak = level(peakText, peakX, peakY - 8, textWidth(peakText), 'end');
  const ridgeLabel = ridgeAnnotation(`ridge ${formatFlopsPerByte(ridge)}`, ridgeX, bounds);

  let slope: RoofAnnotation | null = null;
  if (roof.length > 2) {
    const roofPixels = roof.map(([flopsPerByte, flopsPerSecond]): Point => [scales.x(flopsPerByte), scales.y(flopsPerSecond)]);
    const ridgeLine: Point[] = [
      [ridgeX, peakY],
      [ridgeX, bounds.bottom],
    ];
    slope = slopeAnnotation(
      `memory ${formatBytesPerSecond(device.bytesPerSecond)}`,
      roofPixels[0],
      [ridgeX, peakY],
      bounds,
      marks,
      [peak.box, ridgeLabel.box, ...obstacles],
      [roofPixels, ridgeLine],
    );
  }
  return { peak, ridge: ridgeLabel, slope, ridgeFlopsPerByte: ridge, ridgeX, peakY };
}

/**
 * Positions of the point numbers, in the order of `points`, nudged apart and clear of
 * every point mark and of the roof's labels.
 */
/** A point's placed label, or null for a point whose label another point at the same spot carries. */
export type PointLabel = (PlacedLabel & { text: string }) | null;

/** Points closer than this, in pixels, share one label ("1, 5") rather than two stacked ones. */
const SAME_SPOT_PIXELS = 2;

/**
 * Minimum space between two estimated number boxes, in pixels. The estimates run close to
 * the real glyph widths, so 6 px keeps at least 4 px between the drawn labels (the
 * browser test measures this), and "1, 5" beside "3" does not read as one label.
 */
export const POINT_LABEL_GAP = 6;

/**
 * Places the number labels of the points, clear of the marks, the roof's annotations and
 * the roof line itself (`roof` in data space, as roofPolyline returns it). Points drawn at
 * the same spot share one label that lists their numbers with a comma and space, carried
 * by the first of them.
 */
export function placePointLabels(
  points: readonly RooflinePoint[],
  scales: RooflineScales,
  bounds: PlotBounds,
  annotations: RoofAnnotations | null,
  roof: readonly [number, number][] = [],
): PointLabel[] {
  const marks = pointBoxes(points, scales);
  const fixed = annotations ? [annotations.peak.box, annotations.ridge.box, ...(annotations.slope ? [annotations.slope.box] : [])] : [];
  const anchors = points.map((p) => ({ x: scales.x(p.flopsPerByte), y: scales.y(p.flopsPerSecond) }));

  // Group points by spot; each group is labelled once, at its first point.
  const groups: number[][] = [];
  anchors.forEach((anchor, i) => {
    const group = groups.find((g) => Math.hypot(anchors[g[0]].x - anchor.x, anchors[g[0]].y - anchor.y) < SAME_SPOT_PIXELS);
    if (group) group.push(i);
    else groups.push([i]);
  });
  const texts = groups.map((g) => g.map((i) => String(i + 1)).join(', '));
  const placed = placeLabels(
    groups.map((g, k) => ({ ...anchors[g[0]], width: pointLabelTextWidth(texts[k]), height: POINT_LABEL_HEIGHT })),
    { bounds, obstacles: [...marks, ...fixed], labelGap: POINT_LABEL_GAP, lines: [roof.map(([flopsPerByte, flopsPerSecond]) => [scales.x(flopsPerByte), scales.y(flopsPerSecond)] as const)] },
  );

  const result: PointLabel[] = points.map(() => null);
  groups.forEach((g, k) => {
    result[g[0]] = { ...placed[k], text: texts[k] };
  });
  return result;
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
