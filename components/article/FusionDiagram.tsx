'use client';
/**
 * FiD in one picture, animated in four stages: the question is prepended to each
 * passage, each question+passage is encoded on its own, the encoder outputs are
 * concatenated, and the decoder writes the answer while cross-attending to all of them.
 * React renders the SVG; the positions are plain interpolations of the loop's progress.
 */
import { memo } from 'react';
import { interpolateNumber } from 'd3';
import type { ReadingNumbers } from '@/lib/article/reading';
import { formatCount } from '@/lib/article/reading';
import { usePlayback } from './usePlayback';
import styles from './article.module.css';

// ---- Layout, in viewBox units ----
const WIDTH = 640;
const ROW_TOP = 44;
const ROW_GAP = 62;
const ROW_HEIGHT = 34;
const MAX_ROWS = 4;
const MAX_TOKENS = 5;
const QUESTION_X = 8;
const QUESTION_WIDTH = 34;
const PASSAGE_X = 46;
const PASSAGE_WIDTH = 100;
const ENCODER_X = 172;
const ENCODER_WIDTH = 84;
const STRIP_X = 282;
const STRIP_WIDTH = 90;
const MEMORY_X = 408;
const MEMORY_WIDTH = 30;
const DECODER_X = 500;
const DECODER_WIDTH = 120;
const LOOP_MS = 10_000;

/** Start of each stage in the loop, and its caption. The last stage runs to the end. */
const STAGES = [
  { start: 0, text: 'The question is prepended to each retrieved passage.' },
  { start: 0.18, text: 'The encoder reads each question+passage on its own.' },
  { start: 0.42, text: 'The encoder outputs are concatenated into one memory.' },
  { start: 0.6, text: 'The decoder writes the answer; at every step cross-attention reads the whole memory.' },
] as const;

function stageOf(progress: number): number {
  let stage = 0;
  STAGES.forEach((s, i) => {
    if (progress >= s.start) stage = i;
  });
  return stage;
}

/** Progress within [from, to], clamped to [0, 1]. */
function phase(progress: number, from: number, to: number): number {
  return Math.min(1, Math.max(0, (progress - from) / (to - from)));
}

export function describeFusion(n: ReadingNumbers): string {
  return (
    `The question is prepended to each of ${formatCount(n.passages)} passages, giving inputs of ${formatCount(n.passageTokens)} tokens. ` +
    `The encoder reads each input separately and writes ${formatCount(n.passageTokens)} vectors per passage. ` +
    `The outputs are concatenated into ${formatCount(n.encoderVectors)} vectors. ` +
    `The decoder then writes ${formatCount(n.targetTokens)} tokens, one at a time, and at every step its cross-attention reads ` +
    `${formatCount(n.decoderVectors)} of those vectors in each of its ${n.crossAttentionLayers} cross-attention layers.`
  );
}

interface FusionDiagramProps {
  numbers: ReadingNumbers;
  /** Start playing when mounted (unless the reader prefers reduced motion). */
  autoplay?: boolean;
  /** Drawn on a lecture slide, with larger text. */
  slide?: boolean;
}

interface FusionSvgProps {
  numbers: ReadingNumbers;
  /** Position in the animation loop, in [0, 1]; 1 is the finished diagram. */
  progress: number;
  /** Draws the SVG at its viewBox size in CSS pixels, for export, instead of filling its box. */
  fixedSize?: boolean;
  /** Drawn on a lecture slide: the class for slide text sizes, and the answer's ellipsis kept inside the frame at those sizes. */
  slide?: boolean;
}

/** Draws the diagram at one moment of the animation. */
function FusionSvg({ numbers, progress, fixedSize = false, slide = false }: FusionSvgProps) {
  const rows = Math.min(numbers.passages, MAX_ROWS);
  const hidden = numbers.passages - rows;
  const tokens = Math.min(numbers.targetTokens, MAX_TOKENS);
  const rowsBottom = ROW_TOP + (rows - 1) * ROW_GAP + ROW_HEIGHT;
  const height = rowsBottom + (hidden > 0 ? 40 : 16) + 70;
  const memoryTop = ROW_TOP;
  const memoryHeight = rowsBottom - ROW_TOP;
  const segment = memoryHeight / rows;
  const decoderY = ROW_TOP + memoryHeight / 2 - 30;
  const tokensY = height - 44;

  const prepend = phase(progress, STAGES[0].start, STAGES[1].start - 0.04);
  const encode = phase(progress, STAGES[1].start, STAGES[2].start - 0.04);
  const concat = phase(progress, STAGES[2].start, STAGES[3].start - 0.02);
  const decode = phase(progress, STAGES[3].start, 0.96);
  const tokensShown = Math.min(tokens, Math.floor(decode * tokens + (decode > 0 ? 1 : 0)));
  const stage = stageOf(progress);

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={fixedSize ? WIDTH : undefined}
      height={fixedSize ? height : undefined}
      role={fixedSize ? undefined : 'img'}
      aria-label={fixedSize ? undefined : `Fusion-in-Decoder: ${describeFusion(numbers)}`}
      className={slide ? `${styles.diagramSvg} ${styles.fusionSvg}` : styles.diagramSvg}
    >
      <text x={QUESTION_X} y={24} className={styles.svgLabel}>inputs</text>
      <text x={ENCODER_X} y={24} className={styles.svgLabel}>encoder</text>
      <text x={STRIP_X} y={24} className={styles.svgLabel}>encoder outputs</text>
      <text x={DECODER_X} y={24} className={styles.svgLabel}>decoder</text>

      {Array.from({ length: rows }, (_, i) => {
        const y = ROW_TOP + i * ROW_GAP;
        const questionX = interpolateNumber(QUESTION_X - 60, QUESTION_X)(prepend);
        const stripX = interpolateNumber(STRIP_X, MEMORY_X)(concat);
        const stripY = interpolateNumber(y, memoryTop + i * segment)(concat);
        const stripWidth = interpolateNumber(STRIP_WIDTH * encode, MEMORY_WIDTH)(concat);
        const stripHeight = interpolateNumber(ROW_HEIGHT, segment)(concat);
        return (
          <g key={i}>
            <rect x={questionX} y={y} width={QUESTION_WIDTH} height={ROW_HEIGHT} rx={4} className={styles.question} opacity={prepend} />
            <text x={questionX + QUESTION_WIDTH / 2} y={y + 22} textAnchor="middle" className={styles.svgSmall} opacity={prepend}>Q</text>
            <rect x={PASSAGE_X} y={y} width={PASSAGE_WIDTH} height={ROW_HEIGHT} rx={4} className={styles.passage} />
            <text x={PASSAGE_X + 8} y={y + 22} className={styles.svgSmall}>passage {i + 1}</text>
            <rect
              x={ENCODER_X}
              y={y - 4}
              width={ENCODER_WIDTH}
              height={ROW_HEIGHT + 8}
              rx={6}
              className={stage === 1 ? styles.encoder : styles.encoderIdle}
            />
            <text x={ENCODER_X + ENCODER_WIDTH / 2} y={y + 22} textAnchor="middle" className={stage === 1 ? styles.svgOnFill : `${styles.svgOnFill} ${styles.onIdle}`}>
              encode
            </text>
            <line x1={PASSAGE_X + PASSAGE_WIDTH} x2={ENCODER_X} y1={y + ROW_HEIGHT / 2} y2={y + ROW_HEIGHT / 2} className={styles.arrow} />
            {stripWidth > 0.5 && (
              <rect x={stripX} y={stripY} width={stripWidth} height={stripHeight} className={styles.memory} data-passage={i} />
            )}
          </g>
        );
      })}

      {hidden > 0 && (
        <text x={PASSAGE_X} y={rowsBottom + 26} className={styles.svgSmall}>
          + {formatCount(hidden)} more {hidden === 1 ? 'passage' : 'passages'}, encoded alike
        </text>
      )}

      {concat > 0.98 && (
        <text x={MEMORY_X + MEMORY_WIDTH} y={rowsBottom + (hidden > 0 ? 50 : 24)} textAnchor="end" className={styles.svgSmall}>
          {formatCount(numbers.encoderVectors)} vectors
        </text>
      )}

      <rect x={DECODER_X} y={decoderY} width={DECODER_WIDTH} height={60} rx={6} className={stage === 3 ? styles.decoder : styles.decoderIdle} />
      <text x={DECODER_X + DECODER_WIDTH / 2} y={decoderY + 35} textAnchor="middle" className={stage === 3 ? styles.svgOnFill : `${styles.svgOnFill} ${styles.onIdle}`}>
        decode
      </text>

      {stage === 3 &&
        Array.from({ length: 7 }, (_, j) => {
          const y = memoryTop + ((j + 0.5) / 7) * memoryHeight;
          return (
            <line
              key={j}
              x1={DECODER_X}
              y1={decoderY + 30}
              x2={MEMORY_X + MEMORY_WIDTH}
              y2={y}
              className={styles.attentionLine}
              opacity={0.35 + 0.65 * (1 - ((decode * tokens) % 1))}
            />
          );
        })}

      <text x={DECODER_X} y={tokensY - 10} className={styles.svgSmall}>answer</text>
      {Array.from({ length: tokens }, (_, j) => (
        <g key={j} opacity={j < tokensShown ? 1 : 0.15}>
          <rect x={DECODER_X + j * 24} y={tokensY} width={20} height={24} rx={3} className={styles.token} />
        </g>
      ))}
      {numbers.targetTokens > tokens && (
        <text x={DECODER_X + tokens * 24 + (slide ? -2 : 2)} y={tokensY + 18} className={styles.svgSmall} opacity={tokensShown === tokens ? 1 : 0.15}>…</text>
      )}
    </svg>
  );
}

/** The last frame, drawn again only when the numbers change. */
const FinishedFusionSvg = memo(function FinishedFusionSvg({ numbers }: { numbers: ReadingNumbers }) {
  return <FusionSvg numbers={numbers} progress={1} fixedSize />;
});

export function FusionDiagram({ numbers, autoplay = true, slide = false }: FusionDiagramProps) {
  const { progress, playing, toggle } = usePlayback(LOOP_MS, autoplay);
  const stage = stageOf(progress);

  return (
    <div className={styles.diagram}>
      <FusionSvg numbers={numbers} progress={progress} slide={slide} />
      {/* Figure exports this copy, the finished last frame, so a save during the animation is never partial. */}
      <div hidden data-figure-export="">
        <FinishedFusionSvg numbers={numbers} />
      </div>
      <div className={styles.diagramControls}>
        <button type="button" onClick={toggle}>
          {playing ? 'Pause animation' : 'Play animation'}
        </button>
        <span className={styles.stageText}>
          Step {stage + 1} of {STAGES.length}: {STAGES[stage].text}
        </span>
      </div>
      <details className={styles.textAlternative}>
        <summary>Describe this figure</summary>
        <p>{describeFusion(numbers)}</p>
      </details>
    </div>
  );
}
