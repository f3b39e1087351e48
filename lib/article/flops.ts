/**
 * Numbers of the "Where the FLOPs go" section: the per-layer FLOP formulas of the cost
 * model with the reader's sizes substituted. 1 FLOP is one multiply or one add, so a
 * multiply-add counts 2. The formulas cover the matmuls and attention products; the
 * totals come from evaluate() and also count the RMS norms, which add well under 1%.
 */
import type { CostResult } from '../cost';

export interface FlopsSymbols {
  /** Encoder vectors n_s = P·n_p. */
  nS: number;
  /** Tokens per passage n_p. */
  nP: number;
  /** Vectors the decoder reads, n_x (n_s unless FiD-Light). */
  nX: number;
  /** Target tokens n_t. */
  nT: number;
  dEnc: number;
  /** Encoder attention width a = heads·d_kv. */
  aEnc: number;
  fEnc: number;
  layersEnc: number;
  dDec: number;
  aDec: number;
  fDec: number;
  layersDec: number;
  /** Decoder key/value heads g. */
  g: number;
  dKv: number;
  /** Decoder layers with cross-attention. */
  layersCross: number;
  vocab: number;
}

export interface FlopsNumbers {
  symbols: FlopsSymbols;
  /** 2·n_s·(4·d·a + 3·d·f) + 4·n_s·n_p·a */
  encoderLayerFlops: number;
  /** 2·n_x·2·d_enc·g·d_kv, once per sample in each cross-attention layer. */
  kvProjectionLayerFlops: number;
  /** 2·(2·d·a + 2·d·g·d_kv) + 2·3·d·f: one token through one decoder layer, without attention. */
  decoderLayerTokenFlops: number;
  /** 2·2·d·a + 4·n_x·a: what cross-attention adds to one token in one layer. */
  crossAttentionTokenFlops: number;
  /** 4·t·a summed over the steps, per layer: self-attention over the growing cache. */
  selfAttentionFlopsPerLayer: number;
  /** 2·d·V per token. */
  outputTokenFlops: number;
  /** Totals per sample, from evaluate(). */
  encoderFlops: number;
  /** The cross-attention key/value projection over all layers, counted with the decoder. */
  kvProjectionFlops: number;
  decoderFlops: number;
  /** Decoder FLOPs over encoder FLOPs; the same when only multiplications are counted. */
  decoderToEncoder: number;
  /** Shares of the time per sample; null when the model does not fit in memory. */
  encoderTimeShare: number | null;
  decoderTimeShare: number | null;
}

export function flopsNumbers(result: CostResult): FlopsNumbers {
  const s = result.shape;
  const symbols: FlopsSymbols = {
    nS: s.passages * s.passageTokens,
    nP: s.passageTokens,
    nX: s.passages * s.decoderTokensPerPassage,
    nT: s.targetTokens,
    dEnc: s.encoder.dModel,
    aEnc: s.encoder.heads * s.encoder.dKv,
    fEnc: s.encoder.dFf,
    layersEnc: s.encoder.layers,
    dDec: s.decoder.dModel,
    aDec: s.decoder.heads * s.decoder.dKv,
    fDec: s.decoder.dFf,
    layersDec: s.decoder.layers,
    g: s.kvHeads,
    dKv: s.decoder.dKv,
    layersCross: s.crossAttentionLayerCount,
    vocab: s.vocabSize,
  };
  const { nS, nP, nX, nT, dEnc, aEnc, fEnc, dDec, aDec, fDec, g, dKv } = symbols;

  // Self-attention at step t (0-based) reads t + 1 cached positions: 4·a·Σ(t + 1).
  const selfAttentionFlopsPerLayer = 4 * aDec * ((nT * (nT + 1)) / 2);
  const seconds = result.seconds;
  return {
    symbols,
    encoderLayerFlops: 2 * nS * (4 * dEnc * aEnc + 3 * dEnc * fEnc) + 4 * nS * nP * aEnc,
    kvProjectionLayerFlops: 2 * nX * 2 * dEnc * g * dKv,
    decoderLayerTokenFlops: 2 * (2 * dDec * aDec + 2 * dDec * g * dKv) + 2 * 3 * dDec * fDec,
    crossAttentionTokenFlops: 2 * 2 * dDec * aDec + 4 * nX * aDec,
    selfAttentionFlopsPerLayer,
    outputTokenFlops: 2 * dDec * symbols.vocab,
    encoderFlops: result.flops.encoder,
    kvProjectionFlops: result.operations
      .filter((op) => op.name === 'decoder.crossAttention.kvProjection')
      .reduce((sum, op) => sum + op.flops, 0),
    decoderFlops: result.flops.decoder,
    decoderToEncoder: result.flops.encoder > 0 ? result.flops.decoder / result.flops.encoder : 0,
    encoderTimeShare: seconds && seconds.total > 0 ? seconds.encoder / seconds.total : null,
    decoderTimeShare: seconds && seconds.total > 0 ? seconds.decoder / seconds.total : null,
  };
}

/** Formats a ratio as the nearest "1/n" when it is below one half: 0.169 → "1/6". */
export function formatFraction(ratio: number): string {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return '0';
  if (ratio > 0.5) return ratio.toFixed(2);
  return `1/${Math.round(1 / ratio)}`;
}
