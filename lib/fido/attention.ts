/**
 * Dot-product attention with h query heads over g key/value heads (g = h multi-head,
 * 1 < g < h grouped, g = 1 multi-query), T5 style: scores are not divided by sqrt(d_kv)
 * because the query initialisation already carries that factor. Legend in layers.ts.
 */
import type { FlopCounter } from './flopCounter';
import { relativePositionBuckets } from './positions';
import type { Tensor, Tensor2D, Tensor3D, Tensor4D, Tf } from './tf';

/**
 * Added to the scores of masked keys, so softmax gives them weight exactly 0. A float16
 * WebGL texture turns it into -Infinity, which still gives 0 while a row keeps one
 * unmasked key. Rows from encodeInput always do, since none starts with padding.
 */
export const MASKED_SCORE = -1e9;

/** [B·m, heads·d_kv] -> [B, heads, m, d_kv] */
export function splitHeads(tf: Tf, x: Tensor2D, batch: number, heads: number): Tensor4D {
  const [rows, width] = x.shape;
  if (rows % batch !== 0 || width % heads !== 0) {
    throw new Error(`cannot split [${rows}, ${width}] into batch ${batch} and ${heads} heads`);
  }
  const m = rows / batch;
  const dKv = width / heads;
  return tf.transpose(tf.reshape(x, [batch, m, heads, dKv]) as Tensor4D, [0, 2, 1, 3]); // [B, heads, m, d_kv]
}

/**
 * [B·m, heads·d_kv] -> [B, heads, d_kv, m]: keys already transposed for q·kᵀ, so the scores
 * are a product without a transpose flag.
 */
export function splitHeadsTransposed(tf: Tf, x: Tensor2D, batch: number, heads: number): Tensor4D {
  const [rows, width] = x.shape;
  if (rows % batch !== 0 || width % heads !== 0) {
    throw new Error(`cannot split [${rows}, ${width}] into batch ${batch} and ${heads} heads`);
  }
  return tf.transpose(tf.reshape(x, [batch, rows / batch, heads, width / heads]) as Tensor4D, [0, 2, 3, 1]);
}

/** [B, h, m, d_kv] -> [B·m, h·d_kv] */
export function mergeHeads(tf: Tf, x: Tensor4D): Tensor2D {
  const [batch, heads, m, dKv] = x.shape;
  return tf.reshape(tf.transpose(x, [0, 2, 1, 3]), [batch * m, heads * dKv]) as Tensor2D;
}

/**
 * Computes softmax(q·kᵀ + bias)·v, where query heads j·r .. j·r + r - 1 (r = h / g) share
 * key/value head j. Shapes: q [B, h, m, d_kv], transposed keys [B, g, d_kv, n] (from
 * `splitHeadsTransposed`), values [B, g, n, d_kv], bias broadcastable to [B, h, m, n] or null.
 * Returns [B, h, m, d_kv] for 2·2·B·m·n·h·d_kv FLOPs. Neither product has a transpose flag,
 * so both can run on the wasm backend's own batched kernel (kernels/batchMatMul.ts).
 */
export function attend(
  tf: Tf,
  counter: FlopCounter,
  q: Tensor4D,
  keysTransposed: Tensor4D,
  values: Tensor4D,
  bias: Tensor | null,
): Tensor4D {
  const [batch, heads, m, dKv] = q.shape;
  const [keyBatch, kvHeads, keyDKv, n] = keysTransposed.shape;
  if (keyBatch !== batch || keyDKv !== dKv || heads % kvHeads !== 0) {
    throw new Error(
      `attention shapes do not fit: queries [${q.shape.join(', ')}], transposed keys [${keysTransposed.shape.join(', ')}]; ` +
        'the batch and d_kv must match and the query heads must be a multiple of the key/value heads',
    );
  }
  const group = heads / kvHeads;

  // Queries of one key/value head side by side: [B·g, r·m, d_kv].
  const groupedQueries = tf.reshape(q, [batch * kvHeads, group * m, dKv]) as Tensor3D;
  const flatKeys = tf.reshape(keysTransposed, [batch * kvHeads, dKv, n]) as Tensor3D;
  const flatValues = tf.reshape(values, [batch * kvHeads, n, dKv]) as Tensor3D;

  let scores: Tensor = tf.reshape(counter.matMul(groupedQueries, flatKeys), [batch, heads, m, n]);
  if (bias !== null) scores = tf.add(scores, bias);
  const weights = tf.reshape(tf.softmax(scores), [batch * kvHeads, group * m, n]) as Tensor3D;

  return tf.reshape(counter.matMul(weights, flatValues), [batch, heads, m, dKv]) as Tensor4D;
}

/**
 * Relative position bias [1, h, m, n] for queries at `firstQuery`..`firstQuery + m - 1`
 * against keys 0..n-1, gathered from a [32, h] table. In causal mode, keys after their
 * query also get MASKED_SCORE.
 */
export function positionBias(
  tf: Tf,
  table: Tensor2D,
  firstQuery: number,
  queryCount: number,
  keyCount: number,
  bidirectional: boolean,
): Tensor4D {
  const heads = table.shape[1];
  const queries = Array.from({ length: queryCount }, (_, i) => firstQuery + i);
  const buckets = relativePositionBuckets(queries, keyCount, bidirectional);
  const gathered = tf.gather(table, tf.tensor1d(buckets, 'int32')); // [m·n, h]
  let bias: Tensor = tf.reshape(tf.transpose(gathered), [1, heads, queryCount, keyCount]);

  // Keys after a query exist only if one lies after the first query. So a cached
  // decoding step, one query at the last position, needs no mask.
  if (!bidirectional && keyCount > firstQuery + 1) {
    const mask = new Float32Array(queryCount * keyCount);
    queries.forEach((query, row) => {
      for (let key = query + 1; key < keyCount; key++) mask[row * keyCount + key] = MASKED_SCORE;
    });
    bias = tf.add(bias, tf.tensor4d(mask, [1, 1, queryCount, keyCount]));
  }
  return bias as Tensor4D;
}

/** Bias [P, 1, 1, n] that masks padding keys (id 0) of each row of ids [P, n]. */
export function paddingBias(tf: Tf, ids: Tensor2D): Tensor4D {
  const [rows, n] = ids.shape;
  const isPadding = tf.cast(tf.equal(ids, 0), 'float32');
  return tf.reshape(tf.mul(isPadding, MASKED_SCORE), [rows, 1, 1, n]) as Tensor4D;
}
