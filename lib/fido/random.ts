/**
 * Seeded random numbers in plain JavaScript, so one seed gives bit-identical weights in
 * Node and in every browser: only 32-bit integer operations, one multiplication and
 * rounding to float32 are involved, all exact under IEEE 754 in every engine.
 * TensorFlow.js's own random ops are not used because their seeding differs by backend.
 */

/** Mixes a 32-bit integer into a well-spread 32-bit hash (the MurmurHash3 finalizer). */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a hash of a string's UTF-16 code units, as an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * Seed of one named weight: the model seed mixed with the weight's name, so a weight's
 * values depend only on (seed, name, shape). FiD and FiDO built with the same seed and
 * encoder dimensions therefore get the same encoder weights.
 */
export function weightSeed(modelSeed: number, name: string): number {
  return mix32(mix32(modelSeed >>> 0) ^ hashString(name));
}

/**
 * Mulberry32 (Tommy Ettinger's public-domain 32-bit generator): returns a function that
 * yields uniform integers in [0, 2^32).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Fills `count` float32 values drawn uniformly from [-limit, limit), with
 * limit = std·sqrt(3) so the standard deviation is `std`. A uniform draw is used instead
 * of Box-Muller because Math.log and Math.cos may round differently between engines.
 */
export function uniformWithStd(seed: number, count: number, std: number): Float32Array {
  const next = mulberry32(seed);
  const limit = std * Math.sqrt(3);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    // next() / 2^31 - 1 lies in [-1, 1) and is exact in float64.
    values[i] = (next() / 2147483648 - 1) * limit;
  }
  return values;
}

/** FNV-1a hash over the bytes of float32 arrays, as 8 hex digits: a weight fingerprint. */
export function fingerprintFloat32(arrays: Iterable<Float32Array>): string {
  let h = 0x811c9dc5;
  for (const array of arrays) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
