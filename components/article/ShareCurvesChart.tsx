'use client';
/**
 * Decoder share of the time per sample against one workload variable (target tokens or
 * batch), one line for FiD and one for FiDO at the reader's sizes, with the reader's
 * configuration marked. D3 builds the scales and paths; React renders the SVG.
 */
import { useMemo } from 'react';
import { line, scaleLinear, scaleLog } from 'd3';
import type { ShareCurves, SharePoint } from '@/lib/article/shareCurves';
import { formatPercent } from '@/lib/charts/format';
import styles from './article.module.css';

// ---- Accessors ----
const xOf = (p: SharePoint) => p.x;
const shareOf = (p: SharePoint) => p.share;

// ---- Bounds ----
const WIDTH = 420;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 46, left: 52 };

const AXIS_LABEL: Record<ShareCurves['variable'], string> = {
  targetTokens: 'target tokens (log scale)',
  batchSize: 'requested batch (log scale)',
};

export function describeShareCurves(data: ShareCurves): string {
  const parts = data.curves.map((c) => {
    if (c.points.length === 0) return `${c.label}: nothing fits in memory.`;
    const first = c.points[0];
    const last = c.points[c.points.length - 1];
    return `${c.label}: ${formatPercent(first.share)} at ${first.x}, ${formatPercent(last.share)} at ${last.x}.`;
  });
  const reader = data.reader ? ` Your configuration: ${formatPercent(data.reader.share)} at ${data.reader.x}.` : '';
  return `Decoder share of time against ${AXIS_LABEL[data.variable].replace(' (log scale)', '')}. ${parts.join(' ')}${reader}`;
}

export function ShareCurvesChart({ data }: { data: ShareCurves }) {
  const xs = data.curves.flatMap((c) => c.points.map(xOf)).concat(data.reader ? [data.reader.x] : []);
  const xMin = Math.max(1, Math.min(...xs, 1));
  const xMax = Math.max(...xs, 2);

  // ---- Scales ----
  const x = useMemo(() => scaleLog().base(2).domain([xMin, xMax]).range([MARGIN.left, WIDTH - MARGIN.right]), [xMin, xMax]);
  const y = useMemo(() => scaleLinear().domain([0, 1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]), []);
  const path = line<SharePoint>()
    .x((p) => x(xOf(p)))
    .y((p) => y(shareOf(p)));
  // Powers of four keep the labels apart when the chart is phone-sized.
  const xTicks = x.ticks().filter((t) => Number.isInteger(Math.log2(t) / 2));
  const description = describeShareCurves(data);
  const readerOnRight = data.reader !== null && x(data.reader.x) > (MARGIN.left + WIDTH - MARGIN.right) / 2;

  return (
    <div className={styles.smallChart}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description} className={styles.diagramSvg}>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} className={styles.grid} />
            <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end" className={styles.svgTiny}>
              {formatPercent(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className={styles.svgTiny}>
            {t}
          </text>
        ))}
        <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 8} textAnchor="middle" className={styles.svgSmall}>
          {AXIS_LABEL[data.variable]}
        </text>
        {data.curves.map((c) => (
          <path key={c.id} data-curve={c.id} d={path(c.points) ?? ''} className={c.id === 'fid' ? styles.fidLine : styles.fidoLine} />
        ))}
        {data.reader && (
          <g data-reader-point>
            <circle cx={x(data.reader.x)} cy={y(data.reader.share)} r={6} className={styles.readerPoint} />
            <text
              x={x(data.reader.x) + (readerOnRight ? -10 : 10)}
              y={y(data.reader.share) + (data.reader.share > 0.85 ? 22 : -10)}
              textAnchor={readerOnRight ? 'end' : 'start'}
              className={styles.svgStrong}
            >
              you: {formatPercent(data.reader.share)}
            </text>
          </g>
        )}
      </svg>
      <ul className={styles.legend} aria-label="Legend">
        {data.curves.map((c) => (
          <li key={c.id}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" className={c.id === 'fid' ? styles.fidLine : styles.fidoLine} />
            </svg>{' '}
            {c.label}
          </li>
        ))}
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" className={styles.readerPoint} />
          </svg>{' '}
          your configuration
        </li>
      </ul>
    </div>
  );
}
