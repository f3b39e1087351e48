/**
 * The FiD encoder: every question+passage row is encoded on its own (all P rows as one
 * batch, attention only within a row), then the rows' outputs are laid end to end for
 * the decoder. FiD-Light keeps only the first n_x vectors of each row. Legend in layers.ts.
 */
import type { StackDims } from '../config/models';
import { attend, mergeHeads, paddingBias, positionBias, splitHeads, splitHeadsTransposed } from './attention';
import type { FlopCounter } from './flopCounter';
import type { FidoWeights } from './init';
import { gatedGeluMlp, rmsNorm } from './layers';
import type { Tensor, Tensor2D, Tensor3D, Tf } from './tf';

/**
 * Encodes ids [P, n_p] into [P·n_x, d_enc], keeping the first `keptPerPassage` (n_x)
 * vectors of each passage. Call inside tf.tidy.
 */
export function runEncoder(
  tf: Tf,
  counter: FlopCounter,
  weights: FidoWeights,
  dims: StackDims,
  ids: Tensor2D,
  keptPerPassage: number,
): Tensor2D {
  const [passages, tokens] = ids.shape;
  const { dModel: d, heads: h } = dims;

  let x = tf.gather(weights.encoderEmbedding, tf.reshape(ids, [passages * tokens])) as Tensor2D; // [P·n_p, d]
  // Position bias [1, h, n_p, n_p] plus padding mask [P, 1, 1, n_p], shared by all layers.
  const bias: Tensor = tf.add(
    positionBias(tf, weights.encoderPositionBias, 0, tokens, tokens, true),
    paddingBias(tf, ids),
  );

  // Each layer runs in its own tidy and the previous layer's output is freed, so only one
  // layer's intermediates (the [P, h, n_p, n_p] scores, the [P·n_p, d_ff] MLP) are alive
  // at a time. Without it the caller's tidy kept every layer's outputs: 3.3 GiB at 32 passages of 128
  // tokens with the largest widths and 8 layers (tf.profile on wasm, Node 20).
  for (const layer of weights.encoderLayers) {
    const input = x;
    x = tf.tidy(() => {
      const normed = rmsNorm(tf, input, layer.selfAttentionNorm, weights.constants);
      const { query, key, value, output } = layer.selfAttention;
      const q = splitHeads(tf, counter.matMul(normed, query), passages, h); // [P, h, n_p, d_kv]
      const k = splitHeadsTransposed(tf, counter.matMul(normed, key), passages, h); // [P, h, d_kv, n_p]
      const v = splitHeads(tf, counter.matMul(normed, value), passages, h);
      const attended = mergeHeads(tf, attend(tf, counter, q, k, v, bias)); // [P·n_p, h·d_kv]
      const residual = tf.add(input, counter.matMul(attended, output)) as Tensor2D;
      return tf.add(residual, gatedGeluMlp(tf, counter, rmsNorm(tf, residual, layer.mlpNorm, weights.constants), layer.mlp, weights.constants));
    });
    input.dispose();
  }
  x = rmsNorm(tf, x, weights.encoderFinalNorm, weights.constants);

  if (keptPerPassage === tokens) return x;
  const rows = tf.reshape(x, [passages, tokens, d]) as Tensor3D;
  const firstVectors = tf.slice(rows, [0, 0, 0], [passages, keptPerPassage, d]); // [P, n_x, d]
  return tf.reshape(firstVectors, [passages * keptPerPassage, d]) as Tensor2D;
}
