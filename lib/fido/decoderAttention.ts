/**
 * Attention of the decoder in the layouts its matmuls read directly, so a decoding step
 * needs no transposes and multiplies the cached cross-attention keys and values as they are.
 *
 * Cross-attention keys are stored per key/value head as [d_kv, P·n_x] and values as
 * [P·n_x, d_kv]. On the wasm backend of TensorFlow.js 4.22, a one-row matmul whose right
 * operand is a persistent, untransposed 2-D tensor measured about ten times faster than the
 * same product with a batched or transposed right operand (2-core AMD EPYC, Node 20). The
 * self-attention cache is [g, t, d_kv] per layer, so a new position joins it with one concat.
 *
 * The maths is that of `attend` in attention.ts: query heads j·r .. j·r + r - 1 (r = h / g)
 * share key/value head j, and scores are not divided by sqrt(d_kv), as in T5. The FLOPs are
 * 2·2·m·n·h·d_kv. Legend in layers.ts.
 */
import type { FlopCounter } from './flopCounter';
import type { Tensor, Tensor2D, Tensor3D, Tensor4D, Tf } from './tf';

/** Cross-attention keys and values of one layer, one tensor per key/value head. */
export interface CrossKeyValues {
  /** Per key/value head, [d_kv, P·n_x]: the keys already transposed for q·kᵀ. */
  keys: Tensor2D[];
  /** Per key/value head, [P·n_x, d_kv]. */
  values: Tensor2D[];
}

/** Self-attention keys and values of one decoder layer, [g, positions, d_kv] each. */
export interface KeyValues {
  keys: Tensor3D;
  values: Tensor3D;
}

/**
 * Splits the projection [n, heads·d_kv] into [heads, n, d_kv]. One token needs only a
 * reshape, because its rows are already in head order.
 */
export function headsFirst(tf: Tf, x: Tensor2D, heads: number): Tensor3D {
  const [rows, width] = x.shape;
  const dKv = width / heads;
  if (rows === 1) return tf.reshape(x, [heads, 1, dKv]);
  return tf.transpose(tf.reshape(x, [rows, heads, dKv]), [1, 0, 2]);
}

/**
 * Groups queries [m, h·d_kv] by key/value head: [g, m·r, d_kv], row i·r + a holding token i
 * of query head j·r + a.
 */
function groupQueries(tf: Tf, q: Tensor2D, kvHeads: number, dKv: number): Tensor3D {
  const [m, width] = q.shape;
  const group = width / dKv / kvHeads;
  if (m === 1) return tf.reshape(q, [kvHeads, group, dKv]);
  const split = tf.reshape(q, [m, kvHeads, group * dKv]);
  return tf.reshape(tf.transpose(split, [1, 0, 2]), [kvHeads, m * group, dKv]);
}

/** Inverse of `groupQueries`: [g, m·r, d_kv] back to [m, h·d_kv]. */
function ungroupQueries(tf: Tf, x: Tensor3D, m: number): Tensor2D {
  const [kvHeads, rows, dKv] = x.shape;
  const width = kvHeads * rows * dKv / m;
  if (m === 1) return tf.reshape(x, [1, width]);
  const split = tf.reshape(x, [kvHeads, m, (rows / m) * dKv]);
  return tf.reshape(tf.transpose(split, [1, 0, 2]), [m, width]);
}

/**
 * Reorders a position bias [1, h, m, n] to the grouped score layout [g, m·r, n]. The decoder
 * computes it once per call and every layer's self-attention adds it.
 */
export function groupBias(tf: Tf, bias: Tensor4D, kvHeads: number): Tensor3D {
  const [, heads, m, n] = bias.shape;
  const group = heads / kvHeads;
  if (m === 1) return tf.reshape(bias, [kvHeads, group, n]);
  const split = tf.reshape(bias, [kvHeads, group, m, n]);
  return tf.reshape(tf.transpose(split, [0, 2, 1, 3]), [kvHeads, m * group, n]);
}

/**
 * Causal self-attention of queries [m, h·d_kv] over keys and values [g, t + m, d_kv], with
 * `bias` from `groupBias`. Returns [m, h·d_kv], heads merged.
 */
export function selfAttend(tf: Tf, counter: FlopCounter, q: Tensor2D, kv: KeyValues, bias: Tensor3D): Tensor2D {
  const [kvHeads, , dKv] = kv.keys.shape;
  const grouped = groupQueries(tf, q, kvHeads, dKv);
  const scores: Tensor3D = tf.add(counter.matMul(grouped, kv.keys, false, true), bias); // [g, m·r, t + m]
  const attended = counter.matMul(tf.softmax(scores), kv.values); // [g, m·r, d_kv]
  return ungroupQueries(tf, attended, q.shape[0]);
}

/**
 * Cross-attention of queries [m, h·d_kv] over one layer's cached keys and values, with
 * `keyBias` [1, P·n_x] masking padding. Returns [m, h·d_kv], heads merged. Each key/value
 * head costs two 2-D matmuls whose right operands are the cached tensors themselves.
 */
export function crossAttend(tf: Tf, counter: FlopCounter, q: Tensor2D, cross: CrossKeyValues, keyBias: Tensor2D): Tensor2D {
  const kvHeads = cross.keys.length;
  const [dKv] = cross.keys[0].shape;
  const [m, width] = q.shape;
  const group = width / dKv / kvHeads;
  const perHead = kvHeads === 1 ? [q] : (tf.split(q, kvHeads, 1) as Tensor2D[]); // [m, r·d_kv] each

  const outputs = perHead.map((queries, j): Tensor2D => {
    // Rows i·r + a: token i of query head j·r + a.
    const rows: Tensor2D = group === 1 ? queries : tf.reshape(queries, [m * group, dKv]);
    const scores: Tensor2D = tf.add(counter.matMul(rows, cross.keys[j]), keyBias); // [m·r, P·n_x]
    const attended = counter.matMul(tf.softmax(scores), cross.values[j]); // [m·r, d_kv]
    return group === 1 ? attended : tf.reshape(attended, [m, group * dKv]);
  });
  return outputs.length === 1 ? outputs[0] : tf.concat(outputs, 1);
}

/**
 * Projects encoder output [P·n_x, d_enc] through one layer's key and value weights
 * [d_enc, g·d_kv] into the cached layout: 2·2·P·n_x·d_enc·g·d_kv FLOPs.
 */
export function projectCrossLayer(
  tf: Tf,
  counter: FlopCounter,
  encoded: Tensor2D,
  keyWeights: Tensor2D,
  valueWeights: Tensor2D,
  kvHeads: number,
): CrossKeyValues {
  const perHead = (x: Tensor2D): Tensor2D[] => (kvHeads === 1 ? [x] : (tf.split(x, kvHeads, 1) as Tensor2D[]));
  const keys = perHead(counter.matMul(encoded, keyWeights)).map((head) => tf.transpose(head) as Tensor2D);
  const values = perHead(counter.matMul(encoded, valueWeights));
  prepareRightOperands(tf, counter, [...keys, ...values]);
  return { keys, values };
}

/**
 * Multiplies zero rows by each tensor: 0 FLOPs, and no effect on the cpu and WebGL backends.
 * The wasm backend's XNNPACK packs a matmul's right operand into its own layout on the
 * operand's first use (about 0.5 ms for 512 KiB, measured on a 2-core AMD EPYC). This call
 * moves that once-per-input preparation of the cached keys and values into the projection
 * phase, out of the first decoding step.
 */
function prepareRightOperands(tf: Tf, counter: FlopCounter, operands: readonly Tensor2D[]): void {
  for (const operand of operands) counter.matMul(tf.zeros([0, operand.shape[0]]), operand);
}

/** Lists every tensor of a cross-attention layer, keys first. */
export function crossTensors(cross: CrossKeyValues): Tensor[] {
  return [...cross.keys, ...cross.values];
}
