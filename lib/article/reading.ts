/**
 * Numbers the first section quotes: how a FiD input is laid out and how much of it the
 * decoder reads. All taken from the cost model's work shape, so prose and figures agree.
 */
import type { CostResult } from '../cost';

export interface ReadingNumbers {
  passages: number;
  /** Tokens per question+passage, n_p. */
  passageTokens: number;
  /** Encoder output vectors, n_s = P·n_p. */
  encoderVectors: number;
  /** Vectors per passage the decoder cross-attends to: n_p, or k with FiD-Light. */
  decoderVectorsPerPassage: number;
  /** Vectors the decoder cross-attends to at every step. */
  decoderVectors: number;
  targetTokens: number;
  /** Decoder layers that keep cross-attention. */
  crossAttentionLayers: number;
  decoderLayers: number;
}

export function readingNumbers(result: CostResult): ReadingNumbers {
  const s = result.shape;
  return {
    passages: s.passages,
    passageTokens: s.passageTokens,
    encoderVectors: s.passages * s.passageTokens,
    decoderVectorsPerPassage: s.decoderTokensPerPassage,
    decoderVectors: s.passages * s.decoderTokensPerPassage,
    targetTokens: s.targetTokens,
    crossAttentionLayers: s.crossAttentionLayerCount,
    decoderLayers: s.decoder.layers,
  };
}

/** Formats a whole number with thousands separators: 10240 → "10,240". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
