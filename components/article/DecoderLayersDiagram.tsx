'use client';
/**
 * The decoder's layers side by side, each with its self-attention, cross-attention and
 * MLP sublayers. Layer i keeps cross-attention iff (i + 1) % K == 0; the others are drawn
 * as an empty dashed slot, because they have no cross-attention weights at all.
 */
import { scaleBand } from 'd3';
import styles from './article.module.css';

const WIDTH = 640;
const HEIGHT = 190;
const MARGIN = { left: 118, right: 8, top: 14, bottom: 36 };
const ROWS = [
  { key: 'mlp', label: 'MLP' },
  { key: 'cross', label: 'cross-attn' },
  { key: 'self', label: 'self-attn' },
] as const;
const ROW_HEIGHT = (HEIGHT - MARGIN.top - MARGIN.bottom) / ROWS.length;
/** Extra height on a slide, where the axis label and the larger layer numbers would otherwise touch. */
const SLIDE_EXTRA_HEIGHT = 8;
/** Row height factor of `tallRows`, which gives a portrait slide's free height to the blocks. */
const TALL_ROW_FACTOR = 2.5;

export function describeLayers(layers: number, keptLayers: readonly number[]): string {
  const kept = keptLayers.length;
  if (kept === layers) return `All ${layers} decoder layers keep cross-attention.`;
  return `${kept} of ${layers} decoder layers keep cross-attention: layers ${keptLayers.join(', ')} (counting from 0). The other ${layers - kept} have self-attention and an MLP only.`;
}

interface DecoderLayersDiagramProps {
  layers: number;
  keptLayers: readonly number[];
  /** Drawn on a lecture slide: adds room under the layer numbers for the larger slide text. */
  slide?: boolean;
  /** Draws the rows TALL_ROW_FACTOR times as tall, for a tall (portrait) slide. */
  tallRows?: boolean;
}

export function DecoderLayersDiagram({ layers, keptLayers, slide = false, tallRows = false }: DecoderLayersDiagramProps) {
  const rowHeight = tallRows ? ROW_HEIGHT * TALL_ROW_FACTOR : ROW_HEIGHT;
  const rowsBottom = MARGIN.top + ROWS.length * rowHeight;
  const height = rowsBottom + MARGIN.bottom + (slide ? SLIDE_EXTRA_HEIGHT : 0);
  const x = scaleBand<number>()
    .domain(Array.from({ length: layers }, (_, i) => i))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.18);
  const kept = new Set(keptLayers);
  const labelEvery = layers > 16 ? 2 : 1;
  const description = describeLayers(layers, keptLayers);

  return (
    <div className={styles.diagram}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={description} className={styles.diagramSvg}>
        {ROWS.map((row, r) => (
          <text key={row.key} x={MARGIN.left - 8} y={MARGIN.top + r * rowHeight + rowHeight / 2 + 5} textAnchor="end" className={styles.svgSmall}>
            {row.label}
          </text>
        ))}
        {x.domain().map((i) => {
          const left = x(i) ?? 0;
          const hasCross = kept.has(i);
          return (
            <g key={i} data-layer={i} data-cross-attention={hasCross ? 'kept' : 'removed'}>
              {ROWS.map((row, r) => {
                const y = MARGIN.top + r * rowHeight + 3;
                const present = row.key !== 'cross' || hasCross;
                let className = styles.decoderBlock;
                if (!present) className = styles.removedBlock;
                else if (row.key === 'cross') className = styles.crossBlock;
                return <rect key={row.key} x={left} y={y} width={x.bandwidth()} height={rowHeight - 6} rx={3} className={className} />;
              })}
              {(i % labelEvery === labelEvery - 1 || hasCross || layers <= 16) && (
                <text x={left + x.bandwidth() / 2} y={rowsBottom + 18} textAnchor="middle" className={hasCross ? styles.svgStrong : styles.svgTiny}>
                  {i}
                </text>
              )}
            </g>
          );
        })}
        <text x={MARGIN.left} y={height - 4} className={styles.svgTiny}>
          decoder layer (0-based) →
        </text>
      </svg>
      <p className={styles.stageText}>{description}</p>
    </div>
  );
}
