'use client';
/**
 * Decoder time per generated token, measured (solid) and predicted by the cost model for
 * the calibrated device (dashed), one line per variant. D3 computes scales and paths;
 * React renders the SVG. The y axis is logarithmic because on small models the measured
 * step can be many times the roofline time.
 */
import { extent, line, scaleLinear, scaleLog, format } from 'd3';
import { useMemo } from 'react';
import { median } from '@/lib/fido/timing';
import { formatSeconds, logTickValues } from './format';
import styles from './live.module.css';

export interface StepSeries {
  key: string;
  label: string;
  /** Seconds per step, step 0 first; NaN or missing values are left out. */
  seconds: number[];
  color: string;
  dashed?: boolean;
}

// Accessors
interface StepPoint {
  step: number;
  seconds: number;
}
const stepOf = (p: StepPoint) => p.step;
const secondsOf = (p: StepPoint) => p.seconds;

// Bounds
const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 72 };

function pointsOf(series: StepSeries): StepPoint[] {
  return series.seconds
    .map((seconds, step) => ({ step, seconds }))
    .filter((p) => Number.isFinite(p.seconds) && p.seconds > 0);
}

// Scales
function buildScales(series: StepSeries[], steps: number) {
  const all = series.flatMap(pointsOf);
  const [low, high] = extent(all, secondsOf) as [number | undefined, number | undefined];
  const yLow = low ?? 1e-4;
  const yHigh = high ?? 1e-2;
  const x = scaleLinear()
    .domain([0, Math.max(1, steps - 1)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLog()
    .domain(yLow === yHigh ? [yLow / 2, yHigh * 2] : [yLow / 1.3, yHigh * 1.3])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  return { x, y };
}

export function StepChart({ series, steps, title }: { series: StepSeries[]; steps: number; title: string }) {
  const { x, y } = useMemo(() => buildScales(series, steps), [series, steps]);
  const paths = useMemo(() => {
    const path = line<StepPoint>()
      .x((p) => x(stepOf(p)))
      .y((p) => y(secondsOf(p)));
    return series.map((s) => ({ ...s, points: pointsOf(s), d: path(pointsOf(s)) ?? '' }));
  }, [series, x, y]);

  const xTicks = x.ticks(Math.min(steps, 10)).filter(Number.isInteger);
  const [yLow, yHigh] = y.domain();
  const yTicks = logTickValues(yLow, yHigh);
  const tickLabel = format('~s');
  const summary = paths
    .filter((p) => p.points.length)
    .map((p) => `${p.label}: ${p.points.length} steps, median step ${formatSeconds(median(p.points.map(secondsOf)))}`)
    .join('; ');

  return (
    <figure className={styles.figure}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}. ${summary || 'No steps measured yet.'}`}
        className={styles.chart}
      >
        <g>
          {yTicks.map((tick) => (
            <g key={`y${tick}`} transform={`translate(0,${y(tick)})`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} className={styles.grid} />
              <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end" className={styles.tick}>
                {tickLabel(tick)}s
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <text key={`x${tick}`} x={x(tick)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className={styles.tick}>
              {tick}
            </text>
          ))}
          <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle" className={styles.axisLabel}>
            decoder step (generated token)
          </text>
          <text transform={`translate(14,${(HEIGHT - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`} textAnchor="middle" className={styles.axisLabel}>
            seconds per step (log)
          </text>
        </g>
        {paths.map((p) => (
          <g key={p.key}>
            <path d={p.d} fill="none" stroke={p.color} strokeWidth={2} strokeDasharray={p.dashed ? '6 4' : undefined} />
            {!p.dashed && p.points.map((point) => <circle key={point.step} cx={x(point.step)} cy={y(point.seconds)} r={3} fill={p.color} />)}
          </g>
        ))}
      </svg>
      <figcaption>
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
        <details>
          <summary>Table of the decoder step times</summary>
          <StepTable series={series} steps={steps} />
        </details>
      </figcaption>
    </figure>
  );
}

function StepTable({ series, steps }: { series: StepSeries[]; steps: number }) {
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">Seconds per decoder step</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: steps }, (_, step) => (
          <tr key={step}>
            <th scope="row">{step}</th>
            {series.map((s) => (
              <td key={s.key}>{Number.isFinite(s.seconds[step]) ? formatSeconds(s.seconds[step]) : '–'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
