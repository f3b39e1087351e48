'use client';
/**
 * Log-log roofline of one device: operational intensity (FLOPs/byte) against attainable
 * FLOP/s, the roof (memory slope, then compute ceiling), the ridge, and one numbered
 * point per operation, coloured by phase and listed by number under the plot.
 */
import { memo, useMemo } from 'react';
import { line } from 'd3';
import { decadeTicks } from '@/lib/charts/domain';
import { formatBytesPerSecond, formatFlopsPerByte, formatFlopsPerSecond, formatNumber, formatSI } from '@/lib/charts/format';
import { LEGEND_ROW_HEIGHT, layoutLegend } from '@/lib/charts/legend';
import { textWidth, truncateText } from '@/lib/charts/text';
import {
  drawablePoints,
  isMemoryBound,
  levelTextBox,
  placePointLabels,
  POINT_RADIUS,
  ridgeFlopsPerByte,
  roofAnnotations,
  roofPolyline,
  rooflineHeadline,
  rooflineScales,
  validDevice,
  type PlotBounds,
  type RooflineDevice,
  type RooflinePoint,
} from '@/lib/charts/roofline';
import styles from './charts.module.css';
import { AxisBottom, AxisLeft, ChartShell, SwatchLegend, phaseClass, slideLayoutHeight, type LegendEntry, type SlideChartLayout, type Tick } from './parts';

export interface RooflineChartProps {
  device: RooflineDevice;
  points: RooflinePoint[];
  title: string;
  /** Fixed width in pixels; measured from the container when absent. */
  width?: number;
  /** Layout for a lecture slide: larger text, and the numbered list beside the plot so the chart fits the height. */
  slide?: SlideChartLayout;
}

// ---- Accessors -------------------------------------------------------------------

const intensityOf = (p: RooflinePoint) => p.flopsPerByte;
const rateOf = (p: RooflinePoint) => p.flopsPerSecond;
const shortSI = (value: number) => formatSI(value, '', { separator: '' });
/** Intensity ticks read as plain numbers below 1000 ("0.1", "10"), then "1k". */
const intensityTick = (value: number) => (value < 1000 ? formatNumber(value) : shortSI(value));

// ---- Bounds ----------------------------------------------------------------------

const MARGIN = { top: 12, right: 24, bottom: 44, left: 60 };
/** Left edge of the phase legend and the numbered list, which need no axis margin. */
const LIST_LEFT = 8;
const LIST_COLUMN_WIDTH = 270;

function plotHeightFor(width: number): number {
  return Math.round(Math.min(380, Math.max(220, width * 0.55)));
}

/** Shortest plot, in pixels, above a list fitted to a slide's height. It still shows the roof and three decades. */
const MIN_STACKED_PLOT_HEIGHT = 110;
/** Narrowest list column under a plot fitted to a slide's height; longer labels are shortened with an ellipsis. */
const MIN_STACKED_LIST_COLUMN_WIDTH = 140;
/** Shortest and narrowest plot, in pixels, that may have the list beside it. A plot this size still shows the roof and a few decades. */
const MIN_SIDE_PLOT_HEIGHT = 140;
const MIN_SIDE_PLOT_WIDTH = 240;
/** Room a list entry needs besides its label: the number, the dot and their gaps. */
const LIST_ENTRY_PREFIX_WIDTH = 34;

/** Sizes the list column beside the plot to the longest label, between LIST_COLUMN_WIDTH and half the chart. */
function sideColumnWidth(points: readonly RooflinePoint[], width: number): number {
  const longest = Math.max(0, ...points.map((p) => textWidth(p.label)));
  // Rounded up, so the longest label is not cut by a fraction of a pixel.
  return Math.floor(Math.min(width * 0.5, Math.max(LIST_COLUMN_WIDTH, Math.ceil(LIST_LEFT + LIST_ENTRY_PREFIX_WIDTH + longest))));
}

function listColumnsFor(width: number): number {
  return Math.max(1, Math.floor((width - LIST_LEFT) / LIST_COLUMN_WIDTH));
}

/** Shown in the plot when there is a roof but no point, such as on /live before a run. */
const NO_POINTS_TEXT = 'No operations to place.';
/** Baseline of `NO_POINTS_TEXT` below the top of the plot, in pixels. */
const NO_POINTS_BASELINE = 24;

const PHASE_LEGEND: LegendEntry[] = [
  { key: 'encoder', label: 'Encoder operation', className: styles.encoder },
  { key: 'decoder', label: 'Decoder operation', className: styles.decoder },
];

function pointText(p: RooflinePoint, index: number): string {
  const detail = p.detail ? `; ${p.detail}` : '';
  return `${index + 1}. ${p.label} (${p.phase}): ${formatFlopsPerByte(p.flopsPerByte)}, ${formatFlopsPerSecond(p.flopsPerSecond)}${detail}`;
}

// ---- Plot ------------------------------------------------------------------------

interface PlotProps {
  device: RooflineDevice;
  points: RooflinePoint[];
  width: number;
  headline: string;
  descriptionId: string;
  /**
   * Total height to fit, in layout pixels. When given and the chart is wide enough, the
   * legend and the numbered list go in a column right of the plot and the plot takes this
   * height, as on a slide.
   */
  fitHeight?: number;
}

const RooflinePlot = memo(function RooflinePlot({ device, points, width, headline, descriptionId, fitHeight }: PlotProps) {
  // Beside the plot only when the plot keeps a usable width, so a portrait slide falls back to the list below.
  const sideWidth = fitHeight !== undefined ? sideColumnWidth(points, width) : 0;
  const beside = fitHeight !== undefined && width - sideWidth - MARGIN.left - MARGIN.right >= MIN_SIDE_PLOT_WIDTH;
  const plotRight = beside ? width - sideWidth - MARGIN.right : width - MARGIN.right;

  // Legend and numbered list below the x axis, or in one column right of the plot. Below a
  // plot fitted to a height (a narrow slide) the list takes two or more columns of
  // shortened labels, so the plot keeps more of the height.
  const listLeft = beside ? width - sideWidth + LIST_LEFT : LIST_LEFT;
  const listWidth = width - listLeft;
  const legend = layoutLegend(PHASE_LEGEND, (e) => e.label, listWidth);
  let columns = listColumnsFor(width);
  if (beside) columns = 1;
  else if (fitHeight !== undefined) columns = Math.max(2, Math.floor((width - LIST_LEFT) / MIN_STACKED_LIST_COLUMN_WIDTH));
  const columnWidth = listWidth / columns;
  const rows = Math.ceil(points.length / columns);
  const listHeight = legend.height + 4 + rows * LEGEND_ROW_HEIGHT + 4;

  let plotHeight = plotHeightFor(width);
  if (beside) plotHeight = Math.round(Math.max(MIN_SIDE_PLOT_HEIGHT, fitHeight - MARGIN.top - MARGIN.bottom));
  else if (fitHeight !== undefined) plotHeight = Math.round(Math.min(plotHeight, Math.max(MIN_STACKED_PLOT_HEIGHT, fitHeight - MARGIN.top - MARGIN.bottom - listHeight)));
  const bounds: PlotBounds = useMemo(
    () => ({ left: MARGIN.left, right: plotRight, top: MARGIN.top, bottom: MARGIN.top + plotHeight }),
    [plotRight, plotHeight],
  );

  // ---- Scales ----
  const scales = useMemo(() => rooflineScales(device, points, bounds), [device, points, bounds]);
  const roof = useMemo(() => roofPolyline(device, scales), [device, scales]);
  const annotations = useMemo(() => {
    const noPointsBox = levelTextBox((bounds.left + bounds.right) / 2, bounds.top + NO_POINTS_BASELINE, textWidth(NO_POINTS_TEXT), 'middle');
    return roofAnnotations(device, points, scales, bounds, roof, points.length === 0 ? [noPointsBox] : []);
  }, [device, points, scales, bounds, roof]);
  const labels = useMemo(() => placePointLabels(points, scales, bounds, annotations, roof), [points, scales, bounds, annotations, roof]);

  const xTicks: Tick[] = decadeTicks(scales.x.domain() as [number, number], Math.max(2, Math.floor((bounds.right - bounds.left) / 60))).map(
    (value) => ({ value, position: scales.x(value), label: intensityTick(value) }),
  );
  const yTicks: Tick[] = decadeTicks(scales.y.domain() as [number, number], Math.max(2, Math.floor(plotHeight / 36))).map((value) => ({
    value,
    position: scales.y(value),
    label: shortSI(value),
  }));

  const toPixels = line<[number, number]>()
    .x((d) => scales.x(d[0]))
    .y((d) => scales.y(d[1]));
  const roofPath = roof.length ? toPixels(roof) : null;
  const areaPath = roof.length
    ? `${roofPath}L${bounds.right},${bounds.bottom}L${scales.x(roof[0][0])},${bounds.bottom}Z`
    : null;

  const legendTop = beside ? MARGIN.top : bounds.bottom + MARGIN.bottom;
  const listTop = legendTop + legend.height + 4;
  const listBottom = listTop + rows * LEGEND_ROW_HEIGHT + 4;
  const height = beside ? Math.max(bounds.bottom + MARGIN.bottom, listBottom) : listBottom;

  return (
    <svg
      className={styles.svg}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={headline}
      aria-describedby={descriptionId}
    >
      {areaPath && <path className={styles.roofArea} d={areaPath} />}
      <AxisLeft ticks={yTicks} start={bounds.bottom} end={bounds.top} x={bounds.left} label="Attainable FLOP/s" gridRight={bounds.right} labelOffset={46} />
      <AxisBottom ticks={xTicks} start={bounds.left} end={bounds.right} y={bounds.bottom} label="Operational intensity (FLOPs/byte)" gridTop={bounds.top} />

      {annotations && (
        <g data-mark="roof">
          <path className={styles.roof} d={roofPath ?? undefined} />
          <line className={styles.ridge} x1={annotations.ridgeX} x2={annotations.ridgeX} y1={annotations.peakY} y2={bounds.bottom} />
          <circle className={styles.ridgeDot} cx={annotations.ridgeX} cy={annotations.peakY} r={3.5} />
          {[annotations.peak, annotations.ridge, annotations.slope].map(
            (a, i) =>
              a && (
                <text
                  key={i}
                  className={`${i === 1 ? styles.muted : styles.text} ${styles.halo}`}
                  data-mark={['peak-label', 'ridge-label', 'slope-label'][i]}
                  transform={`translate(${a.x},${a.y})${a.angle ? ` rotate(${a.angle})` : ''}`}
                  dy={a.dy}
                  textAnchor={a.anchor}
                >
                  {a.text}
                </text>
              ),
          )}
        </g>
      )}
      {!validDevice(device) && (
        <text className={styles.noFitText} x={(bounds.left + bounds.right) / 2} y={(bounds.top + bounds.bottom) / 2} textAnchor="middle">
          No roof: the device needs a peak FLOP/s and a bandwidth above zero.
        </text>
      )}
      {points.length === 0 && annotations && (
        <text className={styles.muted} x={(bounds.left + bounds.right) / 2} y={bounds.top + NO_POINTS_BASELINE} textAnchor="middle">
          {NO_POINTS_TEXT}
        </text>
      )}

      <g data-mark="points">
        {points.map((p, i) => {
          const x = scales.x(intensityOf(p));
          const y = scales.y(rateOf(p));
          const label = labels[i];
          return (
            <g key={p.id} data-point={p.id} data-phase={p.phase}>
              <title>{pointText(p, i)}</title>
              {label?.moved && <line className={styles.leader} x1={x} y1={y} x2={label.x < x ? label.x + 10 : label.x} y2={label.y} />}
              <circle className={`${styles.point} ${phaseClass(p.phase)}`} cx={x} cy={y} r={POINT_RADIUS} />
              {label && (
                <text className={`${styles.pointNumber} ${styles.halo}`} x={label.x} y={label.y} dy="0.35em">
                  {label.text}
                </text>
              )}
            </g>
          );
        })}
      </g>

      <SwatchLegend layout={legend} x={listLeft} y={legendTop} />
      <g transform={`translate(${listLeft},${listTop})`} data-mark="list">
        {points.map((p, i) => {
          const column = Math.floor(i / rows);
          const row = i % rows;
          return (
            <text key={p.id} className={styles.text} x={column * columnWidth} y={row * LEGEND_ROW_HEIGHT + 11}>
              <tspan className={styles.strong}>{i + 1}</tspan>
              <tspan className={phaseClass(p.phase)} dx={4}>
                ●
              </tspan>
              <tspan dx={4}>{truncateText(p.label, columnWidth - LIST_ENTRY_PREFIX_WIDTH)}</tspan>
            </text>
          );
        })}
      </g>
    </svg>
  );
});

// ---- Chart -----------------------------------------------------------------------

export function RooflineChart({ device, points, title, width, slide }: RooflineChartProps) {
  const drawable = useMemo(() => drawablePoints(points), [points]);
  const headline = rooflineHeadline(title, device, drawable);
  const ok = validDevice(device);
  const description = (
    <>
      <p>{headline}</p>
      {ok && (
        <p>
          Roof of {device.label}: memory bandwidth {formatBytesPerSecond(device.bytesPerSecond)}, peak {formatFlopsPerSecond(device.flopsPerSecond)},
          ridge at {formatFlopsPerByte(ridgeFlopsPerByte(device))}.
        </p>
      )}
      {drawable.length > 0 && (
        <ol>
          {drawable.map((p, i) => (
            <li key={p.id}>
              {pointText(p, i).replace(/^\d+\. /, '')}
              {ok ? `; ${isMemoryBound(p, device) ? 'memory-bound' : 'compute-bound'} on this roof` : ''}
            </li>
          ))}
        </ol>
      )}
    </>
  );
  return (
    <ChartShell width={width} textScale={slide?.textScale} headline={headline} description={description}>
      {(w, descriptionId) => (
        <RooflinePlot device={device} points={drawable} width={w} headline={headline} descriptionId={descriptionId} fitHeight={slide ? slideLayoutHeight(slide) : undefined} />
      )}
    </ChartShell>
  );
}
