/**
 * T5 relative position buckets. Each stack learns one bias per (bucket, head) in its
 * first layer and adds it to the attention scores of all its layers. Cross-attention
 * gets no position bias. Buckets follow T5 (Raffel et al. 2020, section 2.1): half the
 * buckets are exact small distances, the rest grow logarithmically up to `max distance`,
 * and farther pairs share the last bucket. Bidirectional attention (the encoder) splits
 * the buckets between keys before and after the query. Causal attention (decoder
 * self-attention) uses all of them for keys at or before the query.
 */
import { T5_RELATIVE_POSITION_BUCKETS } from '../config/models';

/** Distance at which T5's logarithmic buckets stop growing. */
export const T5_MAX_DISTANCE = 128;

/** Bucket of one (key position - query position) offset. */
export function relativePositionBucket(
  relativePosition: number,
  bidirectional: boolean,
  buckets: number = T5_RELATIVE_POSITION_BUCKETS,
  maxDistance: number = T5_MAX_DISTANCE,
): number {
  let bucket = 0;
  let distance: number;
  let span = buckets;
  if (bidirectional) {
    span = buckets / 2;
    if (relativePosition > 0) bucket += span;
    distance = Math.abs(relativePosition);
  } else {
    // Keys after the query are masked anyway; they fall into bucket 0.
    distance = Math.max(-relativePosition, 0);
  }

  const maxExact = span / 2;
  if (distance < maxExact) return bucket + distance;
  const logarithmic =
    maxExact + Math.floor((Math.log(distance / maxExact) / Math.log(maxDistance / maxExact)) * (span - maxExact));
  return bucket + Math.min(logarithmic, span - 1);
}

/**
 * Buckets for queries at `queryPositions` against keys at 0..keyCount-1, row-major
 * [queries, keys].
 */
export function relativePositionBuckets(
  queryPositions: readonly number[],
  keyCount: number,
  bidirectional: boolean,
): Int32Array {
  const result = new Int32Array(queryPositions.length * keyCount);
  queryPositions.forEach((query, row) => {
    for (let key = 0; key < keyCount; key++) {
      result[row * keyCount + key] = relativePositionBucket(key - query, bidirectional);
    }
  });
  return result;
}
