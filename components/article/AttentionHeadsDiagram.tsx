'use client';
/**
 * Query heads above, key/value heads below, and a line from each query head to the
 * key/value head it shares: with g key/value heads, query head i reads head
 * floor(i / (h / g)). g = h is multi-head attention, g = 1 multi-query attention.
 */
import { scaleBand } from 'd3';
import styles from './article.module.css';

const WIDTH = 640;
const HEIGHT = 170;
/** Extra height on a slide, whose larger labels would otherwise run past the bottom edge. */
const SLIDE_EXTRA_HEIGHT = 8;
const MARGIN = { left: 8, right: 8 };
const QUERY_Y = 34;
const KV_Y = 128;
const BOX_HEIGHT = 18;

export function describeHeads(heads: number, kvHeads: number): string {
  if (kvHeads === heads) return `Multi-head attention: each of the ${heads} query heads has its own key/value head.`;
  if (kvHeads === 1) return `Multi-query attention: all ${heads} query heads share one key/value head.`;
  return `Grouped-query attention: ${heads} query heads in ${kvHeads} groups of ${heads / kvHeads}, each group sharing one key/value head.`;
}

export function AttentionHeadsDiagram({ heads, kvHeads, slide = false }: { heads: number; kvHeads: number; slide?: boolean }) {
  const height = HEIGHT + (slide ? SLIDE_EXTRA_HEIGHT : 0);
  const group = heads / kvHeads;
  const queryX = scaleBand<number>()
    .domain(Array.from({ length: heads }, (_, i) => i))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.25);
  // Each key/value head sits under the middle of its group of query heads.
  const kvCenter = (k: number) => {
    const first = queryX(k * group) ?? 0;
    const last = (queryX((k + 1) * group - 1) ?? 0) + queryX.bandwidth();
    return (first + last) / 2;
  };
  const kvWidth = Math.max(queryX.bandwidth(), Math.min(group * queryX.step() - queryX.step() * 0.25, 60));
  const description = describeHeads(heads, kvHeads);

  return (
    <div className={styles.diagram}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={description} className={styles.diagramSvg}>
        <text x={MARGIN.left} y={QUERY_Y - 10} className={styles.svgSmall}>
          {heads} query heads
        </text>
        <text x={MARGIN.left} y={KV_Y + BOX_HEIGHT + 20} className={styles.svgSmall}>
          {kvHeads} key/value {kvHeads === 1 ? 'head' : 'heads'}
        </text>
        {queryX.domain().map((i) => {
          const x = (queryX(i) ?? 0) + queryX.bandwidth() / 2;
          return (
            <line key={`line-${i}`} x1={x} y1={QUERY_Y + BOX_HEIGHT} x2={kvCenter(Math.floor(i / group))} y2={KV_Y} className={styles.groupLine} />
          );
        })}
        {queryX.domain().map((i) => (
          <rect key={`q-${i}`} x={queryX(i)} y={QUERY_Y} width={queryX.bandwidth()} height={BOX_HEIGHT} rx={2} className={styles.queryHead} />
        ))}
        {Array.from({ length: kvHeads }, (_, k) => (
          <rect
            key={`kv-${k}`}
            x={kvCenter(k) - kvWidth / 2}
            y={KV_Y}
            width={kvWidth}
            height={BOX_HEIGHT}
            rx={2}
            className={styles.kvHead}
            data-kv-head={k}
          />
        ))}
      </svg>
      <p className={styles.stageText}>{description}</p>
    </div>
  );
}
