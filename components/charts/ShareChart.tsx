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
import { AxisBottom, BarLabel, ChartShell, SwatchLegend, phaseClass, type LegendEntry, type Tick } from './parts';

export interface ShareChartProps {
  result: CostResult;
  /** Fixed width in pixels; measured from the container when absent. */
  width?: number;
}

// ---- Accessors -------------------------------------------------------------------

const fractionOf = (part: SharePart) => part.fraction;
const PHASE_NAMES: Record<string, string> = { encoder: 'Encoder', decoder: 'Decoder' };

// ---- Bounds ----------------------------------------------------------------------

const MARGIN = { top: 4, right: 16, left: 8, axis: 40 };
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 30;
/** Room under a bar for the percentage of a segment too narrow to hold it. */
const BELOW_HEIGHT = 16;
const ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + BELOW_HEIGHT;
/** Narrowest segment, in pixels, that prints its percentage inside. */
const INSIDE_LABEL_WIDTH = 40;

const LEGEND: LegendEntry[] = [
  { key: 'encoder', label: 'Encoder', className: styles.encoder },
  { key: 'decoder', label: 'Decoder', className: styles.decoder },
];

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];

// ---- Plot ------------------------------------------------------------------------

interface PlotProps {
  rows: ShareRow[];
  width: number;
  headline: string;
  descriptionId: string;
}

const SharePlot = memo(function SharePlot({ rows, width, headline, descriptionId }: PlotProps) {
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;

  // ---- Scales ----
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([plotLeft, plotRight]), [plotLeft, plotRight]);
  const ticks: Tick[] = PERCENT_TICKS.map((value) => ({ value, position: x(value), label: formatPercent(value) }));

  const axisY = MARGIN.top + rows.length * ROW_HEIGHT;
  const legend = layoutLegend(LEGEND, (e) => e.label, width - MARGIN.left);
  const legendTop = axisY + MARGIN.axis;
  const height = legendTop + legend.height + 4;

  return (
    <svg className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={headline} aria-describedby={descriptionId}>
      <AxisBottom ticks={ticks} start={plotLeft} end={plotRight} y={axisY} label="Share of the total per sample" gridTop={MARGIN.top} />
      {rows.map((row, i) => {
        const top = MARGIN.top + i * ROW_HEIGHT;
        const barTop = top + LABEL_HEIGHT;
        let start = 0;
        return (
          <g key={row.id} data-row={row.id}>
            <BarLabel x={plotLeft} y={top + 13} width={width - MARGIN.left * 2} label={row.label} detail={`${row.total} per sample`} />
            {row.parts.length === 0 && (
              <g data-mark="no-fit">
                <rect className={styles.noFit} x={plotLeft} y={barTop} width={plotRight - plotLeft} height={BAR_HEIGHT} />
                <text className={styles.noFitText} x={plotLeft + 8} y={barTop + BAR_HEIGHT / 2} dy="0.35em">
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
                  <rect className={`${styles.segment} ${phaseClass(part.phase)}`} x={x0} width={Math.max(0, x1 - x0)} y={barTop} height={BAR_HEIGHT}>
                    <title>{`${row.label}: ${text}`}</title>
                  </rect>
                  {inside ? (
                    <text className={styles.insideLabel} x={(x0 + x1) / 2} y={barTop + BAR_HEIGHT / 2} dy="0.35em" textAnchor="middle">
                      {x1 - x0 >= text.length * 7 + 8 ? text : short}
                    </text>
                  ) : (
                    <text
                      className={styles.text}
                      x={Math.min(plotRight, Math.max(plotLeft, (x0 + x1) / 2))}
                      y={barTop + BAR_HEIGHT + 12}
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

export function ShareChart({ result, width }: ShareChartProps) {
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
    <ChartShell width={width} headline={headline} description={description}>
      {(w, descriptionId) => <SharePlot rows={rows} width={w} headline={headline} descriptionId={descriptionId} />}
    </ChartShell>
  );
}
