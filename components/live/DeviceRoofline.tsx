'use client';
/**
 * The reader's device as a roofline (measured matmul FLOP/s as the flat roof, measured add
 * bandwidth as the slope) with each measured phase of the tiny model placed on it:
 * x = the cost model's FLOPs per byte, y = cost-model FLOPs / measured seconds.
 * D3 computes scales and the roof path; React renders the SVG.
 */
import { format, line, scaleLog } from 'd3';
import { useMemo } from 'react';
import type { RooflinePoint } from '@/lib/fido/calibrate';
import { formatFlopsPerByte, formatFlopsPerSecond, formatPercent, formatSeconds, logTickValues } from './format';
import styles from './live.module.css';

export interface RooflineDevice {
  flopsPerSecond: number;
  bytesPerSecond: number;
  label: string;
}

// Accessors
const intensityOf = (p: RooflinePoint) => p.flopsPerByte;
const rateOf = (p: RooflinePoint) => p.measuredFlopsPerSecond;

// Bounds
const WIDTH = 640;
const HEIGHT = 320;
const MARGIN = { top: 20, right: 20, bottom: 44, left: 84 };

const PHASE_LABELS: Record<RooflinePoint['phase'], string> = {
  encoder: 'encoder',
  projection: 'cross-attention K/V projection',
  decoder: 'decoder (all steps)',
};

const VARIANT_LABELS = { fid: 'FiD', fido: 'FiDO' } as const;
const VARIANT_COLORS = { fid: 'var(--decoder)', fido: 'var(--encoder)' } as const;
const PHASE_SHAPES: Record<RooflinePoint['phase'], string> = {
  encoder: 'M-5,-5H5V5H-5Z',
  projection: 'M0,-6L6,5H-6Z',
  decoder: 'M0,-6A6,6 0 1,1 0,6A6,6 0 1,1 0,-6',
};

function attainable(flopsPerByte: number, device: RooflineDevice): number {
  return Math.min(device.flopsPerSecond, flopsPerByte * device.bytesPerSecond);
}

// Scales
function buildScales(points: RooflinePoint[], device: RooflineDevice) {
  const ridge = device.flopsPerSecond / device.bytesPerSecond;
  const xs = [ridge, ...points.map(intensityOf)].filter((v) => v > 0);
  const ys = [device.flopsPerSecond, ...points.map(rateOf)].filter((v) => v > 0);
  const x = scaleLog()
    .domain([Math.min(...xs) / 4, Math.max(...xs) * 4])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLog()
    .domain([Math.min(...ys, (Math.min(...xs) / 4) * device.bytesPerSecond) / 2, device.flopsPerSecond * 3])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  return { x, y, ridge };
}

export function DeviceRoofline({ points, device }: { points: RooflinePoint[]; device: RooflineDevice }) {
  const visible = points.filter((p) => p.flopsPerByte > 0 && p.measuredFlopsPerSecond > 0);
  const { x, y, ridge } = useMemo(() => buildScales(visible, device), [visible, device]);
  const [x0, x1] = x.domain();
  const roof = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]))([
    [x0, attainable(x0, device)],
    [ridge, device.flopsPerSecond],
    [x1, device.flopsPerSecond],
  ]);
  const tick = format('~s');
  const description = visible
    .map((p) => `${VARIANT_LABELS[p.variant]} ${PHASE_LABELS[p.phase]} at ${formatFlopsPerByte(p.flopsPerByte)} reached ${formatFlopsPerSecond(p.measuredFlopsPerSecond)}`)
    .join('; ');

  return (
    <figure className={styles.figure}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        className={styles.chart}
        aria-label={`Roofline of ${device.label}: ${formatFlopsPerSecond(device.flopsPerSecond)} matmul roof, ridge at ${formatFlopsPerByte(ridge)}. ${description || 'No phases measured yet.'}`}
      >
        {logTickValues(...(y.domain() as [number, number])).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} className={styles.grid} />
            <text x={MARGIN.left - 6} dy="0.32em" textAnchor="end" className={styles.tick}>
              {tick(t)}FLOP/s
            </text>
          </g>
        ))}
        {logTickValues(x0, x1).map((t) => (
          <text key={`x${t}`} x={x(t)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className={styles.tick}>
            {tick(t)}
          </text>
        ))}
        <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 8} textAnchor="middle" className={styles.axisLabel}>
          operational intensity (FLOPs per byte, log)
        </text>
        <path d={roof ?? ''} fill="none" stroke="var(--fg)" strokeWidth={2} />
        <text x={x(ridge)} y={y(device.flopsPerSecond) - 6} textAnchor="middle" className={styles.tick}>
          ridge {formatFlopsPerByte(ridge)}
        </text>
        {visible.map((p) => (
          <path
            key={`${p.variant}-${p.phase}`}
            d={PHASE_SHAPES[p.phase]}
            transform={`translate(${x(intensityOf(p))},${y(rateOf(p))})`}
            fill={VARIANT_COLORS[p.variant]}
            stroke="var(--bg)"
          />
        ))}
      </svg>
      <figcaption>
        <p className={styles.note}>
          Roof: {formatFlopsPerSecond(device.flopsPerSecond)} (measured matmul) and {formatBytesLabel(device.bytesPerSecond)} (measured adds).
          Marks: square encoder, triangle K/V projection, circle decoder; red FiD, blue FiDO.
        </p>
        <details>
          <summary>Table of the roofline points</summary>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Variant</th>
                <th scope="col">Phase</th>
                <th scope="col">Intensity</th>
                <th scope="col">Measured rate</th>
                <th scope="col">Share of the roof</th>
                <th scope="col">Measured</th>
                <th scope="col">Predicted</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((p) => (
                <tr key={`${p.variant}-${p.phase}`}>
                  <td>{VARIANT_LABELS[p.variant]}</td>
                  <td>{PHASE_LABELS[p.phase]}</td>
                  <td>{formatFlopsPerByte(p.flopsPerByte)}</td>
                  <td>{formatFlopsPerSecond(p.measuredFlopsPerSecond)}</td>
                  <td>{formatPercent(p.measuredFlopsPerSecond / attainable(p.flopsPerByte, device))}</td>
                  <td>{formatSeconds(p.measuredSeconds)}</td>
                  <td>{formatSeconds(p.predictedSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}

function formatBytesLabel(bytesPerSecond: number): string {
  return `${format('.3~r')(bytesPerSecond / 1e9)} GB/s`;
}
