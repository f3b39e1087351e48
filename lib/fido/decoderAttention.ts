/**
 * Attention of the decoder in the layouts its matmuls read directly, so a decoding step
 * needs no transposes and multiplies the cached keys and values as they are.
 *
 * Values, and the keys of self-attention, are stored per key/value head as
 * [g, positions, d_kv], one position per row, and scores are q·kᵀ on those rows. On the wasm
 * backend these products run on the own kernels of kernels/batchMatMul.ts, which read each
 * cached row once and contiguously. All heads of a layer take one kernel per product.
 *
 * A single key/value head (multi-query) is the exception for cross-attention, whose r = h
 * query rows share every key. There the keys are stored transposed, [1, d_kv, P·n_x], and
 * both products are batch-1 products that XNNPACK runs on its own packed copy of the cached
 * tensor (prepared once per input, see `prepareRightOperands`). Its 4 × 8 tiles reuse each
 * loaded key for four query rows, which the row-by-row kernel cannot.
 *
 * The maths is that of `attend` in attention.ts: query heads j·r .. j·r + r - 1 (r = h / g)
 * share key/value head j, and scores are not divided by sqrt(d_kv), as in T5. The FLOPs are
 * 2·2·m·n·h·d_kv. Legend in layers.ts.
 */
import type { FlopCounter } from './flopCounter';
import type { Tensor, Tensor2D, Tensor3D, Tensor4D, Tf } from './tf';

/** Cross-attention keys and values of one layer. */
export interface CrossKeyValues {
  /** [g, P·n_x, d_kv], or [1, d_kv, P·n_x] when `keysTransposed` (a single key/value head). */
  keys: Tensor3D;
  keysTransposed: boolean;
  /** [g, P·n_x, d_kv] */
  values: Tensor3D;
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
 * Attention of queries [m, h·d_kv] over keys [g, n, d_kv] (or [g, d_kv, n] when
 * `keysTransposed`) and values [g, n, d_kv], with `bias` broadcastable to the grouped scores
 * [g, m·r, n]. Returns [m, h·d_kv], heads merged.
 */
function attendGrouped(
  tf: Tf,
  counter: FlopCounter,
  q: Tensor2D,
  keys: Tensor3D,
  keysTransposed: boolean,
  values: Tensor3D,
  bias: Tensor,
): Tensor2D {
  const [kvHeads, , dKv] = values.shape;
  const grouped = groupQueries(tf, q, kvHeads, dKv);
  const products = keysTransposed ? counter.matMul(grouped, keys) : counter.matMul(grouped, keys, false, true);
  const scores: Tensor3D = tf.add(products, bias); // [g, m·r, n]
  const attended = counter.matMul(tf.softmax(scores), values); // [g, m·r, d_kv]
  return ungroupQueries(tf, attended, q.shape[0]);
}

/**
 * Causal self-attention of queries [m, h·d_kv] over keys and values [g, t + m, d_kv], with
 * `bias` from `groupBias`. Returns [m, h·d_kv], heads merged.
 */
export function selfAttend(tf: Tf, counter: FlopCounter, q: Tensor2D, kv: KeyValues, bias: Tensor3D): Tensor2D {
  return attendGrouped(tf, counter, q, kv.keys, false, kv.values, bias);
}

/**
 * Cross-attention of queries [m, h·d_kv] over one layer's cached keys and values, with
 * `keyBias` [1, P·n_x] masking padding. Returns [m, h·d_kv], heads merged.
 */
export function crossAttend(tf: Tf, counter: FlopCounter, q: Tensor2D, cross: CrossKeyValues, keyBias: Tensor2D): Tensor2D {
  return attendGrouped(tf, counter, q, cross.keys, cross.keysTransposed, cross.values, keyBias);
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
  const values = headsFirst(tf, counter.matMul(encoded, valueWeights), kvHeads);
  const projectedKeys = counter.matMul(encoded, keyWeights); // [P·n_x, g·d_kv]
  if (kvHeads > 1) return { keys: headsFirst(tf, projectedKeys, kvHeads), keysTransposed: false, values };

  const [rows, width] = projectedKeys.shape;
  const keys = tf.reshape(tf.transpose(projectedKeys), [1, width, rows]) as Tensor3D;
  prepareRightOperands(tf, counter, [keys, values]);
  return { keys, keysTransposed: true, values };
}

/**
 * Multiplies zero rows by each tensor: 0 FLOPs, and no effect on the cpu and WebGL backends.
 * The wasm backend's XNNPACK packs a matmul's right operand into its own layout on the
 * operand's first use (about 0.5 ms for 512 KiB, measured on a 2-core AMD EPYC). This call
 * moves that once-per-input preparation of a single key/value head's cache into the
 * projection phase, out of the first decoding step. Several heads go to the own kernels,
 * which need no preparation.
 */
function prepareRightOperands(tf: Tf, counter: FlopCounter, operands: readonly Tensor3D[]): void {
  for (const operand of operands) {
    const [batch, rows] = operand.shape;
    counter.matMul(tf.zeros([batch, 0, rows]) as Tensor3D, operand);
  }
}

/** Lists every tensor of a cross-attention layer, keys first. */
export function crossTensors(cross: CrossKeyValues): Tensor[] {
  return [cross.keys, cross.values];
}
