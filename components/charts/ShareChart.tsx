'use client';
/**
 * Share of FLOPs against share of time, encoder and decoder: two 100% bars, one above
 * the other, with the percentages printed on them. In FiD the encoder does most of the
 * FLOPs while the decoder takes most of the time.
 */
import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3';
import { formatPercent } from '@/lib/charts/format';
import { layoutLegend } from '@/lib/charts/legend';
import { shareHeadline, shareRows, type SharePart, type ShareRow } from '@/lib/charts/share';
import type { CostResult } from '@/lib/cost/model';
import styles from './charts.module.css';
import { AxisBottom, BarLabel, ChartShell, SwatchLegend, phaseClass, slideLayoutHeight, type LegendEntry, type SlideChartLayout, type Tick } from './parts';

export interface ShareChartProps {
  result: CostResult;
  /** Fixed width in pixels; measured from the container when absent. */
  width?: number;
  /** Layout for a lecture slide: larger text, and bars sized to fill the height. */
  slide?: SlideChartLayout;
}

// ---- Accessors -------------------------------------------------------------------

const fractionOf = (part: SharePart) => part.fraction;
const PHASE_NAMES: Record<string, string> = { encoder: 'Encoder', decoder: 'Decoder' };

// ---- Bounds ----------------------------------------------------------------------

const MARGIN = { top: 4, right: 16, left: 8, axis: 40 };
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 30;
/** Thickest bar of a chart fitted to a height, so a tall (portrait) slide fills with bars. */
const MAX_FITTED_BAR_HEIGHT = 3 * BAR_HEIGHT;
/** Room under a bar for the percentage of a segment too narrow to hold it. */
const BELOW_HEIGHT = 16;
/** Narrowest segment, in pixels, that prints its percentage inside. */
const INSIDE_LABEL_WIDTH = 40;

const LEGEND: LegendEntry[] = [
  { key: 'encoder', label: 'Encoder', className: styles.encoder },
  { key: 'decoder', label: 'Decoder', className: styles.decoder },
];

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Ticks of a slide's plot narrower than WIDE_PLOT_WIDTH pixels, where five labels at slide size would crowd. */
const NARROW_PERCENT_TICKS = [0, 0.5, 1];
const WIDE_PLOT_WIDTH = 320;

/** Bar height: the page's, or on a slide the largest that fits `fitHeight`, between BAR_HEIGHT and MAX_FITTED_BAR_HEIGHT. */
function barHeightFor(rowCount: number, fitHeight: number | undefined, legendHeight: number): number {
  if (fitHeight === undefined) return BAR_HEIGHT;
  const perRow = (fitHeight - MARGIN.top - MARGIN.axis - legendHeight - 4) / Math.max(1, rowCount) - LABEL_HEIGHT - BELOW_HEIGHT;
  return Math.round(Math.min(MAX_FITTED_BAR_HEIGHT, Math.max(BAR_HEIGHT, perRow)));
}

// ---- Plot ------------------------------------------------------------------------

interface PlotProps {
  rows: ShareRow[];
  width: number;
  headline: string;
  descriptionId: string;
  /** Total height to fit, in layout pixels, as on a slide; the bars grow to fill it. */
  fitHeight?: number;
}

const SharePlot = memo(function SharePlot({ rows, width, headline, descriptionId, fitHeight }: PlotProps) {
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;

  // ---- Scales ----
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([plotLeft, plotRight]), [plotLeft, plotRight]);
  const tickValues = fitHeight !== undefined && plotRight - plotLeft < WIDE_PLOT_WIDTH ? NARROW_PERCENT_TICKS : PERCENT_TICKS;
  const ticks: Tick[] = tickValues.map((value) => ({ value, position: x(value), label: formatPercent(value) }));

  const legend = layoutLegend(LEGEND, (e) => e.label, width - MARGIN.left);
  const barHeight = barHeightFor(rows.length, fitHeight, legend.height);
  const rowHeight = LABEL_HEIGHT + barHeight + BELOW_HEIGHT;
  const axisY = MARGIN.top + rows.length * rowHeight;
  const legendTop = axisY + MARGIN.axis;
  const height = legendTop + legend.height + 4;

  return (
    <svg className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={headline} aria-describedby={descriptionId}>
      <AxisBottom ticks={ticks} start={plotLeft} end={plotRight} y={axisY} label="Share of the total per sample" gridTop={MARGIN.top} />
      {rows.map((row, i) => {
        const top = MARGIN.top + i * rowHeight;
        const barTop = top + LABEL_HEIGHT;
        let start = 0;
        return (
          <g key={row.id} data-row={row.id}>
            <BarLabel x={plotLeft} y={top + 13} width={width - MARGIN.left * 2} label={row.label} detail={`${row.total} per sample`} />
            {row.parts.length === 0 && (
              <g data-mark="no-fit">
                <rect className={styles.noFit} x={plotLeft} y={barTop} width={plotRight - plotLeft} height={barHeight} />
                <text className={styles.noFitText} x={plotLeft + 8} y={barTop + barHeight / 2} dy="0.35em">
                  {row.missing.charAt(0).toUpperCase() + row.missing.slice(1)}
                </text>
              </g>
            )}
            {row.parts.map((part) => {
              const x0 = x(start);
              start += fractionOf(part);
              const x1 = x(start);
              const inside = x1 - x0 >= INSIDE_LABEL_WIDTH;
              const text = `${PHASE_NAMES[part.phase] ?? part.phase} ${formatPercent(part.fraction)}`;
              const short = formatPercent(part.fraction);
              return (
                <g key={part.phase} data-segment={part.phase} data-phase={part.phase}>
                  <rect className={`${styles.segment} ${phaseClass(part.phase)}`} x={x0} width={Math.max(0, x1 - x0)} y={barTop} height={barHeight}>
                    <title>{`${row.label}: ${text}`}</title>
                  </rect>
                  {inside ? (
                    <text className={styles.insideLabel} x={(x0 + x1) / 2} y={barTop + barHeight / 2} dy="0.35em" textAnchor="middle">
                      {x1 - x0 >= text.length * 7 + 8 ? text : short}
                    </text>
                  ) : (
                    <text
                      className={styles.text}
                      x={Math.min(plotRight, Math.max(plotLeft, (x0 + x1) / 2))}
                      y={barTop + barHeight + 12}
                      textAnchor={part.phase === 'encoder' ? 'start' : 'end'}
                    >
                      {short}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
      <SwatchLegend layout={legend} x={MARGIN.left} y={legendTop} />
    </svg>
  );
});

// ---- Chart -----------------------------------------------------------------------

export function ShareChart({ result, width, slide }: ShareChartProps) {
  const rows = useMemo(() => shareRows(result), [result]);
  const headline = shareHeadline(rows);
  const description = (
    <>
      <p>{headline}</p>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            {row.label} per sample {row.total}:{' '}
            {row.parts.length ? row.parts.map((p) => `${PHASE_NAMES[p.phase] ?? p.phase} ${formatPercent(p.fraction)}`).join(', ') : row.missing}
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <ChartShell width={width} textScale={slide?.textScale} headline={headline} description={description}>
      {(w, descriptionId) => <SharePlot rows={rows} width={w} headline={headline} descriptionId={descriptionId} fitHeight={slide ? slideLayoutHeight(slide) : undefined} />}
    </ChartShell>
  );
}
