/**
 * The FiD / FiDO decoder. Cross-attention keys and values are projected once per input.
 * Each call then runs the decoder over m new tokens at positions t..t+m-1 on top of a
 * self-attention cache of t positions. A decoding step is one token with the cache, and
 * the full recomputation that checks it is the whole prefix with an empty cache. Only
 * layers with (i + 1) % K == 0 own cross-attention and read the encoder. Legend in layers.ts.
 */
import type { StackDims } from '../config/models';
import { MASKED_SCORE, attend, mergeHeads, positionBias, splitHeads } from './attention';
import type { FlopCounter } from './flopCounter';
import type { FidoWeights } from './init';
import { gatedGeluMlp, rmsNorm } from './layers';
import type { Tensor1D, Tensor2D, Tensor4D, Tf } from './tf';

/** Keys and values of one attention layer, [1, g, positions, d_kv] each. */
export interface KeyValues {
  keys: Tensor4D;
  values: Tensor4D;
}

/** Cross-attention keys and values of one input, projected once and read at every step. */
export interface CrossKv {
  /** One entry per decoder layer: [1, g, P·n_x, d_kv] keys and values, or null where the layer has no cross-attention. */
  layers: (KeyValues | null)[];
  /** [1, 1, 1, P·n_x]: MASKED_SCORE on vectors of padding tokens, 0 elsewhere. */
  keyBias: Tensor4D;
}

export interface DecoderOutput {
  /** [V] logits for the token after the last input token. */
  logits: Tensor1D;
  /** Per decoder layer, self-attention keys and values of all t + m positions. */
  selfKv: KeyValues[];
}

/** Bias [1, 1, 1, P·n_x] masking the padding among the first n_x tokens of each row of ids [P, n_p]. */
export function crossAttentionBias(tf: Tf, ids: Tensor2D, keptPerPassage: number): Tensor4D {
  const [passages] = ids.shape;
  const firstIds = tf.slice(ids, [0, 0], [passages, keptPerPassage]); // [P, n_x]
  const isPadding = tf.cast(tf.equal(firstIds, 0), 'float32');
  return tf.reshape(tf.mul(isPadding, MASKED_SCORE), [1, 1, 1, passages * keptPerPassage]) as Tensor4D;
}

/**
 * Projects encoder output [P·n_x, d_enc] to keys and values [1, g, P·n_x, d_kv] for every
 * cross-attention layer: 2·2·P·n_x·d_enc·g·d_kv FLOPs per such layer. Call inside tf.tidy.
 */
export function projectCrossKeyValues(
  tf: Tf,
  counter: FlopCounter,
  weights: FidoWeights,
  kvHeads: number,
  encoded: Tensor2D,
  keyBias: Tensor4D,
): CrossKv {
  const layers = weights.decoderLayers.map((layer) => {
    if (layer.crossAttention === null) return null;
    const { key, value } = layer.crossAttention.attention;
    return {
      keys: splitHeads(tf, counter.matMul(encoded, key), 1, kvHeads),
      values: splitHeads(tf, counter.matMul(encoded, value), 1, kvHeads),
    };
  });
  return { layers, keyBias };
}

/**
 * Runs the decoder over `tokens` (m ids) after `past` (the self-attention cache of t
 * positions per layer, or an empty array when t = 0). Call inside tf.tidy.
 */
export function runDecoder(
  tf: Tf,
  counter: FlopCounter,
  weights: FidoWeights,
  dims: StackDims,
  kvHeads: number,
  tokens: readonly number[],
  past: readonly KeyValues[],
  crossKv: CrossKv,
): DecoderOutput {
  const layerCount = weights.decoderLayers.length;
  if (past.length !== 0 && past.length !== layerCount) {
    throw new Error(`the self-attention cache has ${past.length} layers, the decoder ${layerCount}`);
  }
  if (crossKv.layers.length !== layerCount) {
    throw new Error(`cross-attention keys/values cover ${crossKv.layers.length} layers, the decoder has ${layerCount}`);
  }
  const m = tokens.length;
  const t = past.length === 0 ? 0 : past[0].keys.shape[2];
  const { dModel: d, heads: h } = dims;

  let x = tf.gather(weights.decoderEmbedding, tf.tensor1d(Int32Array.from(tokens), 'int32')) as Tensor2D; // [m, d]
  // Relative position bias plus the causal mask, [1, h, m, t + m], shared by all layers.
  const selfBias = positionBias(tf, weights.decoderPositionBias, t, m, t + m, false);
  const selfKv: KeyValues[] = [];

  weights.decoderLayers.forEach((layer, i) => {
    const normed = rmsNorm(tf, x, layer.selfAttentionNorm);
    const self = layer.selfAttention;
    const q = splitHeads(tf, counter.matMul(normed, self.query), 1, h); // [1, h, m, d_kv]
    let keys = splitHeads(tf, counter.matMul(normed, self.key), 1, kvHeads); // [1, g, m, d_kv]
    let values = splitHeads(tf, counter.matMul(normed, self.value), 1, kvHeads);
    if (past.length > 0) {
      keys = tf.concat([past[i].keys, keys], 2); // [1, g, t + m, d_kv]
      values = tf.concat([past[i].values, values], 2);
    }
    selfKv.push({ keys, values });
    x = tf.add(x, counter.matMul(mergeHeads(tf, attend(tf, counter, q, keys, values, selfBias)), self.output));

    if (layer.crossAttention !== null) {
      const cached = crossKv.layers[i];
      if (cached === null) throw new Error(`decoder layer ${i} has cross-attention but no projected keys/values`);
      const cross = layer.crossAttention.attention;
      const crossQ = splitHeads(tf, counter.matMul(rmsNorm(tf, x, layer.crossAttention.norm), cross.query), 1, h);
      const attended = attend(tf, counter, crossQ, cached.keys, cached.values, crossKv.keyBias); // [1, h, m, d_kv]
      x = tf.add(x, counter.matMul(mergeHeads(tf, attended), cross.output));
    }

    x = tf.add(x, gatedGeluMlp(tf, counter, rmsNorm(tf, x, layer.mlpNorm), layer.mlp));
  });

  const last = tf.slice(x, [m - 1, 0], [1, d]); // [1, d]
  const logits = counter.matMul(rmsNorm(tf, last, weights.decoderFinalNorm), weights.outputLayer); // [1, V]
  return { logits: tf.reshape(logits, [-1]) as Tensor1D, selfKv };
}
