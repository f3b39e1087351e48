'use client';
/**
 * Decoder time per generated token, measured (solid, with a dot per step) and predicted by
 * the cost model for the calibrated device (dashed), one colour per variant. D3 computes
 * the scales and paths; React renders the SVG. The y axis is logarithmic because on a
 * tiny model the measured step can take many times its roofline time. Like the other
 * charts, it is laid out at the width of its container (ChartShell), so its text keeps
 * its CSS size at every width.
 */
import { extent, line, scaleLinear, scaleLog } from 'd3';
import { memo, useMemo } from 'react';
import { ChartShell } from '@/components/charts/parts';
import chartStyles from '@/components/charts/charts.module.css';
import { formatSeconds, formatSI } from '@/lib/charts/format';
import type { FigureTable } from '@/lib/charts/table';
import { median } from '@/lib/fido/stats';
import { pluralize } from '@/lib/text/plural';
import styles from './live.module.css';

export interface StepSeries {
  key: string;
  label: string;
  /** Seconds per step, step 0 first; NaN, missing and non-positive values are left out. */
  seconds: number[];
  color: string;
  dashed?: boolean;
}

// ---- Accessors -------------------------------------------------------------------

interface StepPoint {
  step: number;
  seconds: number;
}
const stepOf = (p: StepPoint) => p.step;
const secondsOf = (p: StepPoint) => p.seconds;

function pointsOf(series: StepSeries): StepPoint[] {
  return series.seconds.map((seconds, step) => ({ step, seconds })).filter((p) => Number.isFinite(p.seconds) && p.seconds > 0);
}

// ---- Bounds ----------------------------------------------------------------------

const MARGIN = { top: 16, right: 16, bottom: 40, left: 64 };
/** Minimum space, in pixels, between two step numbers on the x axis. */
const X_TICK_SPACING = 40;

/** Height for a chart `width` pixels wide: half the width, kept between 200 and 280 pixels. */
function heightFor(width: number): number {
  return Math.round(Math.min(280, Math.max(200, width * 0.5)));
}

// ---- Scales ----------------------------------------------------------------------

function buildScales(series: StepSeries[], steps: number, width: number, height: number) {
  const [low, high] = extent(series.flatMap(pointsOf), secondsOf);
  // Before the first measurement the axis spans 100 µs to 10 ms, typical step times.
  const yLow = low ?? 1e-4;
  const yHigh = high ?? 1e-2;
  const x = scaleLinear()
    .domain([0, Math.max(1, steps - 1)])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLog()
    .domain([yLow / 1.5, yHigh * 1.5])
    .range([height - MARGIN.bottom, MARGIN.top])
    .nice();
  return { x, y };
}

/**
 * Tick values for a log axis over [low, high]: powers of ten, plus 2 and 5 times them when
 * the axis spans fewer than three decades, so labels never crowd.
 */
export function logTickValues(low: number, high: number): number[] {
  if (!(low > 0) || !(high > 0)) return [];
  const [from, to] = low <= high ? [low, high] : [high, low];
  const mantissas = Math.log10(to / from) < 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(from)); exponent <= Math.ceil(Math.log10(to)); exponent++) {
    for (const mantissa of mantissas) {
      const value = mantissa * 10 ** exponent;
      if (value >= from * (1 - 1e-9) && value <= to * (1 + 1e-9)) ticks.push(value);
    }
  }
  return ticks;
}

/** Builds the numbers behind the chart: one row per step, one named column per series, in seconds. */
export function stepTable(series: StepSeries[], steps: number): FigureTable {
  return {
    columns: ['Step', ...series.map((s) => `${s.label} (s)`)],
    rows: Array.from({ length: steps }, (_, step) => [step, ...series.map((s) => (Number.isFinite(s.seconds[step]) ? s.seconds[step] : ''))]),
  };
}

interface PlotProps {
  series: StepSeries[];
  steps: number;
  width: number;
  headline: string;
  descriptionId: string;
}

const StepPlot = memo(function StepPlot({ series, steps, width, headline, descriptionId }: PlotProps) {
  const height = heightFor(width);
  const { x, y } = useMemo(() => buildScales(series, steps, width, height), [series, steps, width, height]);
  const paths = useMemo(() => {
    const path = line<StepPoint>()
      .x((p) => x(stepOf(p)))
      .y((p) => y(secondsOf(p)));
    return series.map((s) => {
      const points = pointsOf(s);
      return { ...s, points, d: path(points) ?? '' };
    });
  }, [series, x, y]);

  const plotWidth = width - MARGIN.left - MARGIN.right;
  const xTicks = x.ticks(Math.max(2, Math.min(steps, Math.floor(plotWidth / X_TICK_SPACING)))).filter(Number.isInteger);
  const [yLow, yHigh] = y.domain();
  const yTicks = logTickValues(yLow, yHigh);

  return (
    <svg
      className={chartStyles.svg}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={headline}
      aria-describedby={descriptionId}
    >
      {yTicks.map((tick) => (
        <g key={`y${tick}`} transform={`translate(0,${y(tick)})`}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} className={styles.grid} />
          <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end" className={styles.tick}>
            {formatSI(tick, 's', { separator: '', maxExponent: 0 })}
          </text>
        </g>
      ))}
      {xTicks.map((tick) => (
        <text key={`x${tick}`} x={x(tick)} y={height - MARGIN.bottom + 16} textAnchor="middle" className={styles.tick}>
          {tick}
        </text>
      ))}
      <text x={MARGIN.left + plotWidth / 2} y={height - 6} textAnchor="middle" className={styles.axisLabel}>
        decoder step (generated token)
      </text>
      <text transform={`translate(14,${(height - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`} textAnchor="middle" className={styles.axisLabel}>
        seconds per step (log)
      </text>
      {paths.map((p) => (
        <g key={p.key} data-series={p.key}>
          <path d={p.d} fill="none" stroke={p.color} strokeWidth={2} strokeDasharray={p.dashed ? '6 4' : undefined} />
          {!p.dashed && p.points.map((point) => <circle key={point.step} cx={x(point.step)} cy={y(point.seconds)} r={3} fill={p.color} />)}
        </g>
      ))}
    </svg>
  );
});

export const StepChart = memo(function StepChart({ series, steps, title }: { series: StepSeries[]; steps: number; title: string }) {
  const summary = series
    .map((s) => ({ label: s.label, seconds: pointsOf(s).map(secondsOf) }))
    .filter((s) => s.seconds.length)
    .map((s) => `${s.label}: ${pluralize(s.seconds.length, 'step')}, median ${formatSeconds(median(s.seconds))} per step`)
    .join('; ');
  const headline = `${title}. ${summary || 'No steps measured yet.'}`;

  return (
    <div>
      <ChartShell headline={headline} description={<p>{headline}</p>}>
        {(width, descriptionId) => <StepPlot series={series} steps={steps} width={width} headline={headline} descriptionId={descriptionId} />}
      </ChartShell>
      <ul className={styles.legend}>
        {series.map((s) => (
          <li key={s.key}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke={s.color} strokeWidth="2" strokeDasharray={s.dashed ? '6 4' : undefined} />
            </svg>{' '}
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
});
