/**
 * Estimate of the tiny model's peak tensor memory, from the configuration alone, so /live
 * can reject a run that would exhaust the backend's memory before starting it.
 *
 * The counts follow the kernels the model runs (listed with tf.profile on the wasm
 * backend, TensorFlow.js 4.22). Every kernel output stays alive until the end of the
 * tf.tidy that made it, so the encoder peak is the weights, the encoder state shared
 * by all layers, and every output of the largest layer. Reshapes share their input's
 * buffer and are not counted.
 */
import { crossAttentionLayers, decoderDims, decoderTokensPerPassage, effectiveKvHeads, encoderDims, type Config } from '../config/config';
import { workShape } from '../cost/model';
import { countParams } from '../cost/params';

const FLOAT32_BYTES = 4;

/**
 * Largest estimated peak the bench runs. The wasm heap of TensorFlow.js 4.22 grows to at
 * most 4 GiB (emscripten_get_heap_max in tfjs-backend-wasm.js returns 4294901760), and
 * half of it leaves room for allocator fragmentation and for what the estimate misses,
 * such as the 64 MiB of matrices that the run's device sampler allocates (launchProbe.ts).
 * WebGL's texture memory is not reported to the page, so the same limit is used there.
 */
export const MAX_PEAK_BYTES = 2 * 2 ** 30;

export interface PeakMemoryEstimate {
  /** Bytes of every weight. */
  weightBytes: number;
  /** Peak while encoding: the weights, the shared attention bias and one layer's outputs. */
  encoderBytes: number;
  /** Peak while projecting and decoding: the weights, the encoder output and the cross-attention keys and values. */
  decoderBytes: number;
  /** The larger of the two. */
  peakBytes: number;
  phase: 'encoder' | 'decoder';
}

export function estimatePeakBytes(config: Config): PeakMemoryEstimate {
  const enc = encoderDims(config);
  const dec = decoderDims(config);
  const passages = config.passages;
  const tokens = config.passageTokens;
  const encoderTokens = passages * tokens;
  // The tiny model's weights equal the cost model's parameter count (test/fido/params.test.ts),
  // and reading it from lib/cost keeps the weight initialisation code out of /live's first load.
  const weightFloats = countParams(workShape(config)).total;

  // Outputs of one encoder layer, by shape. [T, d]: two RMS norms and two residual adds
  // (10 outputs). [T, h·d_kv]: the query, key, value and attended rows with their head
  // transposes (8). [P, h, n_p, n_p]: the scores, the biased scores and the softmax (3).
  // [T, d_ff]: the gated GELU MLP's two matmuls, six GELU kernels and gate product (9).
  const hidden = encoderTokens * enc.dModel;
  const headRows = encoderTokens * enc.heads * enc.dKv;
  const scores = passages * enc.heads * tokens * tokens;
  const mlp = encoderTokens * enc.dFf;
  const layerFloats = 10 * hidden + 8 * headRows + 3 * scores + 9 * mlp;
  // Alive across the layers: the ids' embedding rows, the [P, h, n_p, n_p] bias and the layer input.
  const sharedFloats = encoderTokens + scores + 2 * hidden;
  const encoderFloats = weightFloats + sharedFloats + (enc.layers > 0 ? layerFloats : 0);

  // Projection runs in one tidy: each cross-attention layer's key and value matmuls stay
  // alive beside their per-head copies, so twice the stored keys and values.
  const crossRows = passages * decoderTokensPerPassage(config);
  const crossLayers = crossAttentionLayers(dec.layers, config.crossAttentionPeriod).length;
  const crossKvFloats = crossLayers * 2 * crossRows * effectiveKvHeads(config) * dec.dKv;
  const selfKvFloats = dec.layers * 2 * config.targetTokens * effectiveKvHeads(config) * dec.dKv;
  const decoderFloats = weightFloats + crossRows * enc.dModel + 2 * crossKvFloats + selfKvFloats;

  const encoderBytes = encoderFloats * FLOAT32_BYTES;
  const decoderBytes = decoderFloats * FLOAT32_BYTES;
  return {
    weightBytes: weightFloats * FLOAT32_BYTES,
    encoderBytes,
    decoderBytes,
    peakBytes: Math.max(encoderBytes, decoderBytes),
    phase: encoderBytes >= decoderBytes ? 'encoder' : 'decoder',
  };
}

/** Returns the largest passage count at which `config` fits in `limitBytes`, or 0 when none does. */
export function maxPassagesWithin(config: Config, limitBytes = MAX_PEAK_BYTES): number {
  for (let passages = config.passages; passages >= 1; passages--) {
    if (estimatePeakBytes({ ...config, passages }).peakBytes <= limitBytes) return passages;
  }
  return 0;
}

/**
 * Explains why `config` is rejected, or returns null when its estimated peak fits in
 * `limitBytes`. The message names the estimate, the phase that peaks and what would fit.
 */
export function memoryLimitMessage(config: Config, limitBytes = MAX_PEAK_BYTES): string | null {
  const estimate = estimatePeakBytes(config);
  if (estimate.peakBytes <= limitBytes) return null;
  const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
  const fits = maxPassagesWithin(config, limitBytes);
  const advice = fits > 0 ? `With ${fits} passages or fewer it fits.` : 'Reduce the passage length or the model widths until it fits.';
  return (
    `This run would need about ${gib(estimate.peakBytes)} of tensor memory at its peak (${estimate.phase}), ` +
    `above the ${gib(limitBytes)} the bench allows, so it is not started. ${advice}`
  );
}
