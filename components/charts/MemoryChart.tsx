'use client';
/**
 * Accelerator memory against capacity. Each bar stacks weights, cross-attention cache,
 * self-attention cache and activations for one batch: the effective batch, the requested
 * batch when it did not fit, and the largest batch that fits. The capacity is a dashed
 * line, broken at each label line, and the phase that needs the most memory is named below.
 */
import { fittingTicks } from '@/lib/charts/ticks';
import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3';
import { zeroBasedDomain } from '@/lib/charts/domain';
import { formatBytes } from '@/lib/charts/format';
import { LEGEND_ROW_HEIGHT, layoutLegend } from '@/lib/charts/legend';
import { wrapText } from '@/lib/charts/text';
import {
  MEMORY_PART_LABELS,
  PEAK_PHASE_TEXT,
  PHASE_LABELS,
  memoryData,
  memoryHeadline,
  type MemoryBar,
  type MemoryData,
  type MemoryPart,
} from '@/lib/charts/memory';
import type { CostResult } from '@/lib/cost/model';
import styles from './charts.module.css';
import { AxisBottom, BarLabel, ChartShell, SwatchLegend, type LegendEntry, type Tick } from './parts';

export interface MemoryChartProps {
  result: CostResult;
  /** Fixed width in pixels; measured from the container when absent. */
  width?: number;
}

// ---- Accessors -------------------------------------------------------------------

const totalOf = (bar: MemoryBar) => bar.totalBytes;

const PART_STYLE: Record<MemoryPart, { className: string; opacity: number }> = {
  weights: { className: styles.neutral, opacity: 1 },
  crossCache: { className: styles.decoder, opacity: 1 },
  selfCache: { className: styles.decoder, opacity: 0.5 },
  activations: { className: styles.other, opacity: 0.8 },
};

const LEGEND: LegendEntry[] = (Object.keys(PART_STYLE) as MemoryPart[]).map((part) => ({
  key: part,
  label: MEMORY_PART_LABELS[part],
  className: PART_STYLE[part].className,
  opacity: PART_STYLE[part].opacity,
}));

// ---- Bounds ----------------------------------------------------------------------

const MARGIN = { top: 18, right: 24, left: 8, axis: 40 };
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 24;
const BAR_GAP = 12;
const ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP;

function barSummary(bar: MemoryBar, capacityBytes: number): string {
  return `${formatBytes(bar.totalBytes)} of ${formatBytes(capacityBytes)}${bar.fits ? '' : ', over capacity'}`;
}

// ---- Plot ------------------------------------------------------------------------

interface PlotProps {
  data: MemoryData;
  width: number;
  headline: string;
  descriptionId: string;
}

const MemoryPlot = memo(function MemoryPlot({ data, width, headline, descriptionId }: PlotProps) {
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;

  // ---- Scales ----
  const x = useMemo(
    () => scaleLinear().domain(zeroBasedDomain([data.capacityBytes, ...data.bars.map(totalOf)])).nice().range([plotLeft, plotRight]),
    [data, plotLeft, plotRight],
  );
  const ticks: Tick[] = fittingTicks({ ticksFor: (count) => x.ticks(count), position: x, format: formatBytes, maxCount: Math.max(2, Math.floor((plotRight - plotLeft) / 90)) }).map((value) => ({
    value,
    position: x(value),
    label: formatBytes(value),
  }));

  const axisY = MARGIN.top + data.bars.length * ROW_HEIGHT;
  const capacityX = x(data.capacityBytes);
  const legend = layoutLegend(LEGEND, (e) => e.label, width - MARGIN.left);
  const legendTop = axisY + MARGIN.axis;
  const notesTop = legendTop + legend.height;
  const peakLines = wrapText(`Peak per sample during ${PEAK_PHASE_TEXT[data.peakPhase]}.`, plotRight - plotLeft);
  const height = notesTop + (1 + peakLines.length) * LEGEND_ROW_HEIGHT + 4;

  return (
    <svg className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={headline} aria-describedby={descriptionId}>
      <AxisBottom ticks={ticks} start={plotLeft} end={plotRight} y={axisY} label="Accelerator memory" gridTop={MARGIN.top} />
      {data.bars.map((bar, row) => {
        const top = MARGIN.top + row * ROW_HEIGHT;
        const barTop = top + LABEL_HEIGHT;
        const end = x(bar.totalBytes);
        return (
          <g key={bar.kind} data-bar={bar.kind} data-batch={bar.batch}>
            <BarLabel
              x={plotLeft}
              y={top + 13}
              width={width - MARGIN.left * 2}
              label={bar.label}
              detail={barSummary(bar, data.capacityBytes)}
              detailClassName={bar.fits ? styles.muted : styles.noFitText}
            />
            <rect className={styles.barBackground} x={x(0)} width={Math.max(0, end - x(0))} y={barTop} height={BAR_HEIGHT} />
            {bar.segments
              .filter((s) => s.bytes > 0)
              .map((s) => (
                <rect
                  key={s.part}
                  data-segment={s.part}
                  className={`${styles.segment} ${PART_STYLE[s.part].className}`}
                  fillOpacity={PART_STYLE[s.part].opacity}
                  x={x(s.startBytes)}
                  width={Math.max(0, x(s.endBytes) - x(s.startBytes))}
                  y={barTop}
                  height={BAR_HEIGHT}
                >
                  <title>{`${bar.label}: ${MEMORY_PART_LABELS[s.part]} ${formatBytes(s.bytes)}`}</title>
                </rect>
              ))}
            {!bar.fits && <rect className={styles.overflow} data-mark="overflow" x={capacityX} width={Math.max(0, end - capacityX)} y={barTop - 2} height={BAR_HEIGHT + 4} />}
          </g>
        );
      })}
      <g data-mark="capacity">
        {/* One piece per bar row, from the bar down to the next label line, so no label text is crossed. */}
        {data.bars.map((bar, row) => {
          const barTop = MARGIN.top + row * ROW_HEIGHT + LABEL_HEIGHT;
          return <line key={bar.kind} className={styles.capacity} x1={capacityX} x2={capacityX} y1={barTop} y2={barTop + BAR_HEIGHT + BAR_GAP} />;
        })}
        <text className={`${styles.text} ${styles.halo}`} x={capacityX} y={MARGIN.top - 7} textAnchor={capacityX > (plotLeft + plotRight) / 2 ? 'end' : 'start'}>
          capacity {formatBytes(data.capacityBytes)}
        </text>
      </g>
      <SwatchLegend layout={legend} x={MARGIN.left} y={legendTop} />
      <text className={styles.text} x={plotLeft} y={notesTop + 12}>
        {data.maxBatch > 0 ? `Largest batch that fits: ${data.maxBatch}` : 'Not even batch 1 fits.'}
      </text>
      <text className={styles.muted} data-mark="peak-phase">
        {peakLines.map((line, i) => (
          <tspan key={i} x={plotLeft} y={notesTop + (i + 1) * LEGEND_ROW_HEIGHT + 12}>
            {i < peakLines.length - 1 ? `${line} ` : line}
          </tspan>
        ))}
      </text>
    </svg>
  );
});

// ---- Chart -----------------------------------------------------------------------

export function MemoryChart({ result, width }: MemoryChartProps) {
  const data = useMemo(() => memoryData(result), [result]);
  const headline = memoryHeadline(data, result.device.label);
  const description = (
    <>
      <p>{headline}</p>
      <ul>
        {data.bars.map((bar) => (
          <li key={bar.kind}>
            {bar.label}: {barSummary(bar, data.capacityBytes)};{' '}
            in the peak phase ({PHASE_LABELS[data.peakPhase]}): {bar.segments.map((s) => `${MEMORY_PART_LABELS[s.part]} ${formatBytes(s.bytes)}`).join(', ')}.
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <ChartShell width={width} headline={headline} description={description}>
      {(w, descriptionId) => <MemoryPlot data={data} width={w} headline={headline} descriptionId={descriptionId} />}
    </ChartShell>
  );
}
