/**
 * The FiD / FiDO decoder. Cross-attention keys and values are projected once per input.
 * Each call then runs the decoder over m new tokens at positions t..t+m-1 on top of a
 * self-attention cache of t positions. A decoding step is one token with the cache, and
 * the full recomputation that checks it is the whole prefix with an empty cache. Only
 * layers with (i + 1) % K == 0 own cross-attention and read the encoder. Legend in layers.ts.
 */
import type { StackDims } from '../config/models';
import { MASKED_SCORE, positionBias } from './attention';
import {
  crossAttend,
  groupBias,
  headsFirst,
  projectCrossLayer,
  selfAttend,
  type CrossKeyValues,
  type KeyValues,
} from './decoderAttention';
import type { FlopCounter } from './flopCounter';
import type { FidoWeights } from './init';
import { gatedGeluMlp, rmsNorm } from './layers';
import type { Tensor1D, Tensor2D, Tf } from './tf';

export type { CrossKeyValues, KeyValues } from './decoderAttention';

/** Cross-attention keys and values of one input, projected once and read at every step. */
export interface CrossKv {
  /** One entry per decoder layer, or null where the layer has no cross-attention. */
  layers: (CrossKeyValues | null)[];
  /** [1, P·n_x]: MASKED_SCORE on vectors of padding tokens, 0 elsewhere. */
  keyBias: Tensor2D;
}

export interface DecoderOutput {
  /** [V] logits for the token after the last input token. */
  logits: Tensor1D;
  /** Per decoder layer, self-attention keys and values of all t + m positions. */
  selfKv: KeyValues[];
}

/** Bias [1, P·n_x] masking the padding among the first n_x tokens of each row of ids [P, n_p]. */
export function crossAttentionBias(tf: Tf, ids: Tensor2D, keptPerPassage: number): Tensor2D {
  const [passages] = ids.shape;
  const firstIds = tf.slice(ids, [0, 0], [passages, keptPerPassage]); // [P, n_x]
  const isPadding = tf.cast(tf.equal(firstIds, 0), 'float32');
  return tf.reshape(tf.mul(isPadding, MASKED_SCORE), [1, passages * keptPerPassage]) as Tensor2D;
}

/**
 * Projects encoder output [P·n_x, d_enc] to the cached keys and values of every
 * cross-attention layer: 2·2·P·n_x·d_enc·g·d_kv FLOPs per such layer. Call inside tf.tidy.
 */
export function projectCrossKeyValues(
  tf: Tf,
  counter: FlopCounter,
  weights: FidoWeights,
  kvHeads: number,
  encoded: Tensor2D,
  keyBias: Tensor2D,
): CrossKv {
  const layers = weights.decoderLayers.map((layer) => {
    if (layer.crossAttention === null) return null;
    const { key, value } = layer.crossAttention.attention;
    return projectCrossLayer(tf, counter, encoded, key, value, kvHeads);
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
  const t = past.length === 0 ? 0 : past[0].keys.shape[1];
  const d = dims.dModel;

  let x = tf.gather(weights.decoderEmbedding, tf.tensor1d(Int32Array.from(tokens), 'int32')) as Tensor2D; // [m, d]
  // Relative position bias plus the causal mask in the grouped layout [g, m·r, t + m], shared by all layers.
  const selfBias = groupBias(tf, positionBias(tf, weights.decoderPositionBias, t, m, t + m, false), kvHeads);
  const selfKv: KeyValues[] = [];

  weights.decoderLayers.forEach((layer, i) => {
    const normed = rmsNorm(tf, x, layer.selfAttentionNorm, weights.constants);
    const self = layer.selfAttention;
    const q = counter.matMul(normed, self.query); // [m, h·d_kv]
    let keys = headsFirst(tf, counter.matMul(normed, self.key), kvHeads); // [g, m, d_kv]
    let values = headsFirst(tf, counter.matMul(normed, self.value), kvHeads);
    if (past.length > 0) {
      keys = tf.concat([past[i].keys, keys], 1); // [g, t + m, d_kv]
      values = tf.concat([past[i].values, values], 1);
    }
    selfKv.push({ keys, values });
    x = tf.add(x, counter.matMul(selfAttend(tf, counter, q, { keys, values }, selfBias), self.output));

    if (layer.crossAttention !== null) {
      const cached = crossKv.layers[i];
      if (cached === null) throw new Error(`decoder layer ${i} has cross-attention but no projected keys/values`);
      const cross = layer.crossAttention.attention;
      const crossQ = counter.matMul(rmsNorm(tf, x, layer.crossAttention.norm, weights.constants), cross.query); // [m, h·d_kv]
      x = tf.add(x, counter.matMul(crossAttend(tf, counter, crossQ, cached, crossKv.keyBias), cross.output));
    }

    x = tf.add(x, gatedGeluMlp(tf, counter, rmsNorm(tf, x, layer.mlpNorm, weights.constants), layer.mlp, weights.constants));
  });

  const last = m === 1 ? x : tf.slice(x, [m - 1, 0], [1, d]); // [1, d]
  const logits = counter.matMul(rmsNorm(tf, last, weights.decoderFinalNorm, weights.constants), weights.outputLayer); // [1, V]
  return { logits: tf.reshape(logits, [-1]) as Tensor1D, selfKv };
}
