/**
 * Pieces shared by the charts: the responsive shell with its text alternative, axes
 * drawn from tick lists, and a swatch legend. D3 computes the numbers; these render SVG.
 */
'use client';
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { SWATCH_SIZE, type LegendLayout } from '@/lib/charts/legend';
import { textWidth, truncateText } from '@/lib/charts/text';
import { useValueAfterPaint } from '@/components/state/useValueAfterPaint';
import styles from './charts.module.css';
import { useElementWidth } from './useElementWidth';

/** Narrowest width, in pixels, at which a chart still draws legibly. */
export const MIN_CHART_WIDTH = 220;

export function phaseClass(phase: string): string {
  if (phase === 'encoder') return styles.encoder;
  if (phase === 'decoder') return styles.decoder;
  return styles.other;
}

/**
 * A chart drawn for a lecture slide. The chart lays out at its width divided by
 * `textScale` and its viewBox scales it back to the full width, so every text, mark and
 * gap grows by `textScale`. `maxHeight` is the height it should fit, in CSS pixels at
 * full scale; charts that can trade plot height or layout for it do so.
 */
export interface SlideChartLayout {
  textScale: number;
  maxHeight: number;
}

/** Converts a slide chart's `maxHeight` to layout pixels, the total height its plot code should fit. */
export function slideLayoutHeight(slide: SlideChartLayout): number {
  return slide.maxHeight / slide.textScale;
}

interface ChartShellProps {
  /** Fixed width in pixels; measured from the container when absent. */
  width?: number;
  minWidth?: number;
  /** Text and marks grow by this factor: the chart lays out at width / textScale and is scaled up; 1 unless given. */
  textScale?: number;
  /** The chart's headline, its accessible name. */
  headline: string;
  /** Text alternative: every number the chart shows, in words. */
  description: ReactNode;
  children: (width: number, descriptionId: string) => ReactNode;
}

/**
 * Measures its container and draws the chart at that width divided by `textScale`. Below
 * `minWidth` (in layout pixels) it shows a short message and the description in place of
 * the chart.
 */
export function ChartShell({ width: fixedWidth, minWidth = MIN_CHART_WIDTH, textScale = 1, headline, description, children }: ChartShellProps) {
  const [ref, measured] = useElementWidth<HTMLDivElement>();
  const scale = Number.isFinite(textScale) && textScale > 0 ? textScale : 1;
  const width = Math.floor((fixedWidth ?? measured) / scale);
  const descriptionId = useId();
  const narrow = !(width >= minWidth);
  // The visually hidden text alternative follows in a task after the frame that draws the
  // chart, because laying out its long lines took about 1 ms of a 5.5 ms playground frame
  // (Chromium trace, main-thread time). Shown in place of a narrow chart, it changes at once.
  const settledDescription = useValueAfterPaint(description);
  return (
    <div
      ref={ref}
      className={scale === 1 ? styles.chart : `${styles.chart} ${styles.scaled}`}
      data-chart-width={width}
      data-text-scale={scale === 1 ? undefined : scale}
    >
      {narrow ? (
        <div role="img" aria-label={headline} aria-describedby={descriptionId} className={styles.message}>
          Too narrow to draw this chart (it needs {minWidth} px); its numbers follow.
        </div>
      ) : (
        children(width, descriptionId)
      )}
      <div id={descriptionId} className={narrow ? undefined : 'visually-hidden'}>
        {narrow ? description : settledDescription}
      </div>
    </div>
  );
}

export interface Tick {
  value: number;
  position: number;
  label: string;
}

interface AxisProps {
  ticks: readonly Tick[];
  /** Pixel range the axis line spans. */
  start: number;
  end: number;
  label: string;
}

/** Text anchor that keeps a tick label at either end of an axis inside the axis span. */
function tickAnchor(position: number, start: number, end: number): 'start' | 'middle' | 'end' {
  if (position - start < 12) return 'start';
  if (end - position < 12) return 'end';
  return 'middle';
}

/** A horizontal axis at `y`, with optional grid lines up to `gridTop`. */
export function AxisBottom({ ticks, start, end, y, label, gridTop }: AxisProps & { y: number; gridTop?: number }) {
  return (
    <g aria-hidden="true">
      {gridTop !== undefined &&
        ticks.map((t) => <line key={`g${t.value}`} className={styles.grid} x1={t.position} x2={t.position} y1={gridTop} y2={y} />)}
      <line className={styles.axisLine} x1={start} x2={end} y1={y} y2={y} />
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(${t.position},${y})`}>
          <line className={styles.axisLine} y2={5} />
          <text className={styles.tickLabel} y={16} textAnchor={tickAnchor(t.position, start, end)}>
            {t.label}
          </text>
        </g>
      ))}
      <text className={styles.axisLabel} x={(start + end) / 2} y={y + 32} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** A vertical axis at `x`, with optional grid lines across to `gridRight` and its label `labelOffset` px to the left. */
export function AxisLeft({ ticks, start, end, x, label, gridRight, labelOffset = 52 }: AxisProps & { x: number; gridRight?: number; labelOffset?: number }) {
  const middle = (start + end) / 2;
  return (
    <g aria-hidden="true">
      {gridRight !== undefined &&
        ticks.map((t) => <line key={`g${t.value}`} className={styles.grid} x1={x} x2={gridRight} y1={t.position} y2={t.position} />)}
      <line className={styles.axisLine} x1={x} x2={x} y1={start} y2={end} />
      {ticks.map((t) => (
        <g key={t.value} transform={`translate(${x},${t.position})`}>
          <line className={styles.axisLine} x2={-5} />
          <text className={styles.tickLabel} x={-8} dy="0.32em" textAnchor="end">
            {t.label}
          </text>
        </g>
      ))}
      <text className={styles.axisLabel} transform={`translate(${x - labelOffset},${middle}) rotate(-90)`} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

export interface LegendEntry {
  key: string;
  label: string;
  className: string;
  opacity?: number;
}

/** A swatch legend laid out by `layoutLegend`, drawn with its top-left corner at (x, y). */
export function SwatchLegend({ layout, x, y }: { layout: LegendLayout<LegendEntry>; x: number; y: number }) {
  return (
    <g transform={`translate(${x},${y})`}>
      {layout.items.map(({ item, text, x: ix, y: iy }) => (
        <g key={item.key} transform={`translate(${ix},${iy})`}>
          <rect className={item.className} width={SWATCH_SIZE} height={SWATCH_SIZE} y={2} fillOpacity={item.opacity} strokeOpacity={item.opacity} />
          <text className={styles.text} x={SWATCH_SIZE + 4} y={11}>
            {text}
            {text !== item.label && <title>{item.label}</title>}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Largest correction BarLabel applies to the text width estimate: drawn text up to twice the estimate. */
const MAX_WIDTH_RATIO = 2;

/**
 * A bar's title line: a bold label, then muted detail in the room that is left, both
 * shortened with an ellipsis to fit `width`. The widths start as estimates. After each
 * layout the drawn line is measured, and when it ends past `x + width` (a page font wider
 * than the estimate) the text is shortened again with the estimate scaled up to match.
 */
export function BarLabel({ x, y, width, label, detail, detailClassName = styles.muted }: { x: number; y: number; width: number; label: string; detail: string; detailClassName?: string }) {
  const textRef = useRef<SVGTextElement>(null);
  // Drawn width over estimated width, as last measured; 1 until a measure shows more.
  const [widthRatio, setWidthRatio] = useState(1);
  const budget = width / widthRatio;
  const bold = { bold: true };
  const shownLabel = truncateText(label, Math.max(budget * 0.6, budget - textWidth(detail) - 8), bold);
  const room = budget - textWidth(shownLabel, bold) - 8;
  const shownDetail = room > 24 ? truncateText(detail, room) : '';

  useLayoutEffect(() => {
    const text = textRef.current;
    // jsdom and the static prerender have no layout, so they keep the estimate.
    if (!text || typeof text.getBBox !== 'function') return;
    const box = text.getBBox();
    const overshoot = (box.x + box.width - x) / width;
    if (overshoot > 1 && widthRatio < MAX_WIDTH_RATIO) {
      // Grow by at least 2% a pass, so a line that shortens unevenly still converges.
      setWidthRatio(Math.min(MAX_WIDTH_RATIO, widthRatio * Math.max(1.02, overshoot)));
    }
  }, [x, width, shownLabel, shownDetail, widthRatio]);

  return (
    <text ref={textRef} className={`${styles.text} ${styles.halo}`} x={x} y={y}>
      <tspan className={styles.strong}>{shownLabel}</tspan>
      {shownDetail && (
        <tspan className={detailClassName} dx={8}>
          {shownDetail}
        </tspan>
      )}
    </text>
  );
}
