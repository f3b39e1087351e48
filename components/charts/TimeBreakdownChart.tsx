'use client';
/**
 * Time per sample, one horizontal bar per configuration, stacked by operation: encoder
 * operations in the encoder colour, then decoder operations in the decoder colour, each
 * operation a lighter shade than the one before. Totals print at the end of each bar; a
 * configuration that does not fit in memory gets a dashed, labelled empty bar.
 */
import { fittingTicks } from '@/lib/charts/ticks';
import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3';
import { zeroBasedDomain } from '@/lib/charts/domain';
import { formatPercent, formatSeconds } from '@/lib/charts/format';
import { layoutLegend } from '@/lib/charts/legend';
import { OPERATION_OPACITY, legendOperations, shapeTimeBars, timeHeadline, type ShapedTimeBar, type TimeBar, type TimeSegment } from '@/lib/charts/timeBreakdown';
import styles from './charts.module.css';
import { AxisBottom, BarLabel, ChartShell, SwatchLegend, phaseClass, slideLayoutHeight, type LegendEntry, type SlideChartLayout, type Tick } from './parts';

export interface TimeBreakdownChartProps {
  bars: TimeBar[];
  /** Fixed width in pixels; measured from the container when absent. */
  width?: number;
  /** Layout for a lecture slide: larger text, a phase legend and bars sized to fill the height. */
  slide?: SlideChartLayout;
}

// ---- Accessors -------------------------------------------------------------------

const totalOf = (bar: ShapedTimeBar) => bar.totalSeconds;
const visibleSegments = (bar: ShapedTimeBar) => bar.segments.filter((s) => s.seconds > 0);

// ---- Bounds ----------------------------------------------------------------------

const MARGIN = { top: 4, right: 72, left: 8, axis: 44 };
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 24;
const BAR_GAP = 14;
/** Thinnest bar, and gap under it, of a chart fitted to a height. */
const MIN_BAR_HEIGHT = 14;
const MIN_BAR_GAP = 6;
/** Thickest bar, and gap under it, of a chart fitted to a height, so a tall (portrait) slide fills with bars. */
const MAX_FITTED_BAR_HEIGHT = 2 * BAR_HEIGHT;
const MAX_FITTED_BAR_GAP = 2 * BAR_GAP;

/** Bar height and gap below it: the page sizes, or on a slide the largest that fit `fitHeight`, between the minimums and maximums. */
function rowSizes(barCount: number, fitHeight: number | undefined, legendHeight: number): { bar: number; gap: number } {
  if (fitHeight === undefined) return { bar: BAR_HEIGHT, gap: BAR_GAP };
  const perRow = (fitHeight - MARGIN.top - MARGIN.axis - legendHeight - 4) / Math.max(1, barCount) - LABEL_HEIGHT;
  const bar = Math.round(Math.min(MAX_FITTED_BAR_HEIGHT, Math.max(MIN_BAR_HEIGHT, perRow * 0.7)));
  const gap = Math.round(Math.min(MAX_FITTED_BAR_GAP, Math.max(MIN_BAR_GAP, perRow - bar)));
  return { bar, gap };
}

/** On a slide the legend names the two phases, not every operation, so it takes one row. */
const PHASE_LEGEND: LegendEntry[] = [
  { key: 'encoder', label: 'Encoder operations', className: phaseClass('encoder') },
  { key: 'decoder', label: 'Decoder operations', className: phaseClass('decoder') },
];

function segmentTitle(bar: ShapedTimeBar, s: TimeSegment): string {
  const share = bar.totalSeconds > 0 ? ` (${formatPercent(s.seconds / bar.totalSeconds)})` : '';
  return `${bar.label}: ${s.label}, ${formatSeconds(s.seconds)}${share}`;
}

function barSummary(bar: ShapedTimeBar): string {
  if (!bar.fits) return bar.note;
  return `encoder ${formatSeconds(bar.encoderSeconds)} · decoder ${formatSeconds(bar.decoderSeconds)} · batch ${bar.effectiveBatch}`;
}

// ---- Plot ------------------------------------------------------------------------

interface PlotProps {
  bars: ShapedTimeBar[];
  width: number;
  headline: string;
  descriptionId: string;
  /** Total height to fit, in layout pixels; when given, bars resize to fill it and the legend lists phases only. */
  fitHeight?: number;
}

const TimePlot = memo(function TimePlot({ bars, width, headline, descriptionId, fitHeight }: PlotProps) {
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;
  const legendEntries: LegendEntry[] = useMemo(
    () =>
      fitHeight === undefined
        ? legendOperations(bars).map((op) => ({ key: op.name, label: op.label, className: phaseClass(op.phase), opacity: op.opacity }))
        : PHASE_LEGEND,
    [bars, fitHeight],
  );
  const legend = layoutLegend(legendEntries, (e) => e.label, width - MARGIN.left);
  const { bar: barHeight, gap: barGap } = rowSizes(bars.length, fitHeight, legend.height);
  const rowHeight = LABEL_HEIGHT + barHeight + barGap;
  const barsHeight = Math.max(1, bars.length) * rowHeight;
  const axisY = MARGIN.top + barsHeight;

  // ---- Scales ----
  const x = useMemo(
    () => scaleLinear().domain(zeroBasedDomain(bars.map(totalOf))).nice().range([plotLeft, plotRight]),
    [bars, plotLeft, plotRight],
  );
  const ticks: Tick[] = fittingTicks({ ticksFor: (count) => x.ticks(count), position: x, format: formatSeconds, maxCount: Math.max(2, Math.floor((plotRight - plotLeft) / 90)) }).map((value) => ({
    value,
    position: x(value),
    label: formatSeconds(value),
  }));

  const legendTop = axisY + MARGIN.axis;
  const height = legendTop + legend.height + 4;

  return (
    <svg className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={headline} aria-describedby={descriptionId}>
      <AxisBottom ticks={ticks} start={plotLeft} end={plotRight} y={axisY} label="Time per sample" gridTop={MARGIN.top} />
      {bars.length === 0 && (
        <text className={styles.muted} x={plotLeft} y={MARGIN.top + LABEL_HEIGHT}>
          No configurations to compare.
        </text>
      )}
      {bars.map((bar, row) => {
        const top = MARGIN.top + row * rowHeight;
        const barTop = top + LABEL_HEIGHT;
        return (
          <g key={bar.id} data-bar={bar.id}>
            <BarLabel x={plotLeft} y={top + 13} width={width - MARGIN.left * 2} label={bar.label} detail={barSummary(bar)} />
            {bar.fits ? (
              <>
                <rect className={styles.barBackground} x={x(0)} width={Math.max(0, x(bar.totalSeconds) - x(0))} y={barTop} height={barHeight} />
                {visibleSegments(bar).map((s) => (
                  <rect
                    key={s.name}
                    data-segment={s.name}
                    data-phase={s.phase}
                    className={`${styles.segment} ${phaseClass(s.phase)}`}
                    fillOpacity={OPERATION_OPACITY[s.name]}
                    x={x(s.startSeconds)}
                    width={Math.max(0, x(s.endSeconds) - x(s.startSeconds))}
                    y={barTop}
                    height={barHeight}
                  >
                    <title>{segmentTitle(bar, s)}</title>
                  </rect>
                ))}
                <text className={styles.strong} x={x(bar.totalSeconds) + 6} y={barTop + barHeight / 2} dy="0.35em" data-mark="total">
                  {formatSeconds(bar.totalSeconds)}
                </text>
              </>
            ) : (
              <g data-mark="no-fit">
                <rect className={styles.noFit} x={plotLeft} y={barTop} width={plotRight - plotLeft} height={barHeight} />
                <text className={styles.noFitText} x={plotLeft + 8} y={barTop + barHeight / 2} dy="0.35em">
                  Does not fit in memory
                </text>
              </g>
            )}
          </g>
        );
      })}
      <SwatchLegend layout={legend} x={MARGIN.left} y={legendTop} />
    </svg>
  );
});

// ---- Chart -----------------------------------------------------------------------

export function TimeBreakdownChart({ bars, width, slide }: TimeBreakdownChartProps) {
  const shaped = useMemo(() => shapeTimeBars(bars), [bars]);
  const headline = timeHeadline(shaped);
  const description = (
    <>
      <p>{headline}</p>
      <ul>
        {shaped.map((bar) => (
          <li key={bar.id}>
            {bar.fits
              ? `${bar.label}: ${formatSeconds(bar.totalSeconds)} per sample; ${barSummary(bar)}. ${bar.note} By operation: ${visibleSegments(bar)
                  .map((s) => `${s.label} ${formatSeconds(s.seconds)}`)
                  .join(', ')}.`
              : `${bar.label}: ${bar.note}`}
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <ChartShell width={width} textScale={slide?.textScale} headline={headline} description={description}>
      {(w, descriptionId) => <TimePlot bars={shaped} width={w} headline={headline} descriptionId={descriptionId} fitHeight={slide ? slideLayoutHeight(slide) : undefined} />}
    </ChartShell>
  );
}
