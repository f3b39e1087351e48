/**
 * The reader's device as an accelerator for the cost model.
 *
 * `measureDevice` runs three microbenchmarks on the active TensorFlow.js backend. A large
 * square matmul gives attainable FLOP/s. A chain of elementwise adds over buffers larger
 * than common last-level caches gives attainable bandwidth. A long chain of adds on a
 * one-element tensor gives the fixed time of dispatching one kernel. `deviceConfig` turns the measurement
 * into a `Config` whose accelerator is this device (fp32, efficiencies 100%), and
 * `predictPhases` gives the cost model's time for each phase the tiny model reports, and
 * `predictRun` adds to it the run's counted kernels times the measured dispatch time.
 * Everything except `measureDevice` is pure and runs in Node tests.
 */
import type { Config } from '../config/config';
import { evaluate, workShape } from '../cost/model';
import { decoderOperations, encoderOperations, type OperationWork } from '../cost/operations';
import { roofline, type Device } from '../cost/roofline';
import type { TensorFlow } from './backends';
import type { BackendName, DeviceMeasurement, PhaseKernels, RunResult } from './protocol';
import { median, timeRepeated, type ClockMs } from './stats';

export interface CalibrationOptions {
  /** Smallest and largest side of the square matmul; the size doubles while one run is quick. */
  minMatmulSize: number;
  maxMatmulSize: number;
  /** A matmul faster than this, in seconds, is too short to time well, so the size doubles. */
  minMatmulSeconds: number;
  /** Elements of each float32 operand of the bandwidth kernel. */
  bandwidthElements: number;
  chainedAdds: number;
  /** Dependent one-element adds in one timed sample of the dispatch measurement. */
  dispatchChain: number;
  /** Untimed and timed chains of the dispatch measurement (its own, because one chain is short). */
  dispatchWarmups: number;
  dispatchRepeats: number;
  warmups: number;
  repeats: number;
}

/**
 * 2^22 float32 elements make 16 MiB per operand and 48 MiB of traffic per add, beyond the
 * last-level cache of common desktop and laptop processors (typically 8 to 36 MiB).
 */
export const DEFAULT_CALIBRATION: Readonly<CalibrationOptions> = Object.freeze({
  minMatmulSize: 256,
  maxMatmulSize: 1024,
  minMatmulSeconds: 0.05,
  bandwidthElements: 2 ** 22,
  chainedAdds: 4,
  dispatchChain: 200,
  // A chain takes about 1 ms, so these cost little. In Node on wasm the first chains of a
  // process took 30 to 60 µs per add and later ones about 3 µs, because V8 had not yet
  // optimised the JavaScript. So 20 warm-up chains (4,000 adds) come first, just as the
  // model's own warm-up pass runs thousands of kernels before any timed one. 25 repeats steady the median
  // on a busy machine.
  dispatchWarmups: 20,
  dispatchRepeats: 25,
  warmups: 2,
  repeats: 5,
});

/**
 * Steps the page shows as progress: choosing the matmul size, timing it, timing the large
 * adds, timing the one-element adds.
 */
export const CALIBRATION_STEPS = 4;

const now: ClockMs = () => performance.now();

async function timeMatmul(tf: TensorFlow, size: number, options: CalibrationOptions, clock: ClockMs): Promise<number[]> {
  const a = tf.randomUniform([size, size], -1, 1, 'float32', 11);
  const b = tf.randomUniform([size, size], -1, 1, 'float32', 12);
  try {
    return await timeRepeated(
      async () => {
        const c = tf.matMul(a, b);
        try {
          await c.data();
        } finally {
          c.dispose();
        }
      },
      options,
      clock,
    );
  } finally {
    a.dispose();
    b.dispose();
  }
}

async function timeAdds(tf: TensorFlow, options: CalibrationOptions, clock: ClockMs): Promise<number[]> {
  const x = tf.randomUniform([options.bandwidthElements], -1, 1, 'float32', 13);
  const y = tf.randomUniform([options.bandwidthElements], -1, 1, 'float32', 14);
  try {
    return await timeRepeated(
      async () => {
        // Each add depends on the previous one, so none can be skipped. Reading back one
        // element waits for the whole chain without timing a 16 MiB download.
        let current = x;
        for (let i = 0; i < options.chainedAdds; i++) {
          const next = tf.add(current, y);
          if (current !== x) current.dispose();
          current = next;
        }
        const first = tf.slice(current, [0], [1]);
        try {
          await first.data();
        } finally {
          first.dispose();
          if (current !== x) current.dispose();
        }
      },
      options,
      clock,
    );
  } finally {
    x.dispose();
    y.dispose();
  }
}

/**
 * Seconds of `options.dispatchChain` dependent adds of a one-element tensor, with one
 * readback of the last result. The arithmetic is one float add per kernel, so each sample
 * is almost all fixed cost: the op call in JavaScript, the engine's bookkeeping, the
 * backend's kernel launch and the disposal of the previous result. The single readback is
 * shared by the whole chain and left in (its cost is spread over `dispatchChain` kernels).
 */
async function timeDispatch(tf: TensorFlow, options: CalibrationOptions, clock: ClockMs): Promise<number[]> {
  const one = tf.ones([1]);
  try {
    return await timeRepeated(
      async () => {
        let current = one;
        for (let i = 0; i < options.dispatchChain; i++) {
          const next = tf.add(current, one);
          if (current !== one) current.dispose();
          current = next;
        }
        try {
          await current.data();
        } finally {
          if (current !== one) current.dispose();
        }
      },
      { warmups: options.dispatchWarmups, repeats: options.dispatchRepeats },
      clock,
    );
  } finally {
    one.dispose();
  }
}

/** Measures attainable FLOP/s, bandwidth and kernel dispatch time on the active backend, reporting each step. */
export async function measureDevice(
  tf: TensorFlow,
  options: CalibrationOptions = DEFAULT_CALIBRATION,
  onProgress: (done: number, label: string) => void = () => {},
  clock: ClockMs = now,
): Promise<DeviceMeasurement> {
  const backend = tf.getBackend() as BackendName;

  onProgress(0, 'choosing the matmul size');
  let size = options.minMatmulSize;
  while (size < options.maxMatmulSize) {
    const [seconds] = await timeMatmul(tf, size, { ...options, warmups: 1, repeats: 1 }, clock);
    if (seconds >= options.minMatmulSeconds) break;
    size *= 2;
  }

  onProgress(1, `timing a ${size} × ${size} matmul`);
  const matmulSamples = await timeMatmul(tf, size, options, clock);
  const matmulFlops = 2 * size ** 3;
  const matmulSeconds = median(matmulSamples);

  onProgress(2, `timing ${options.chainedAdds} adds over ${(options.bandwidthElements * 4) / 2 ** 20} MiB buffers`);
  const addSamples = await timeAdds(tf, options, clock);
  const addBytes = options.chainedAdds * 3 * options.bandwidthElements * 4;
  const addSeconds = median(addSamples);

  onProgress(3, `timing ${options.dispatchChain} chained one-element adds`);
  const dispatchSamples = await timeDispatch(tf, options, clock);
  const dispatchSeconds = median(dispatchSamples);

  return {
    backend,
    matmul: {
      size,
      flops: matmulFlops,
      samplesSeconds: matmulSamples,
      medianSeconds: matmulSeconds,
      flopsPerSecond: matmulFlops / matmulSeconds,
    },
    bandwidth: {
      elements: options.bandwidthElements,
      chainedAdds: options.chainedAdds,
      bytes: addBytes,
      samplesSeconds: addSamples,
      medianSeconds: addSeconds,
      bytesPerSecond: addBytes / addSeconds,
    },
    dispatch: {
      chainedOps: options.dispatchChain,
      samplesSeconds: dispatchSamples,
      medianSeconds: dispatchSeconds,
      secondsPerKernel: dispatchSeconds / options.dispatchChain,
    },
  };
}

/**
 * Memory capacity given to the device preset when the browser does not report one. It only
 * matters for the cost model's fit check, which the tiny model passes with orders of
 * magnitude to spare.
 */
export const DEFAULT_DEVICE_MEMORY_BYTES = 4e9;

/**
 * Builds the "this device" preset: `config` evaluated on the measured rates, fp32 (the tiny model's
 * precision), efficiencies 100% and batch 1 (the tiny model answers one question at a time).
 */
export function deviceConfig(config: Config, measurement: DeviceMeasurement, memoryBytes = DEFAULT_DEVICE_MEMORY_BYTES): Config {
  return {
    ...config,
    hardware: 'custom',
    customHardware: {
      peakFlopsPerSecond: measurement.matmul.flopsPerSecond,
      memoryBytesPerSecond: measurement.bandwidth.bytesPerSecond,
      memoryBytes,
    },
    precision: 'fp32',
    computeEfficiency: 1,
    bandwidthEfficiency: 1,
    batchSize: 1,
  };
}

export type MeasuredPhase = 'encoder' | 'projection' | 'decoder';

export interface PhaseCost {
  flops: number;
  bytes: number;
  flopsPerByte: number;
  /** Roofline seconds at the configuration's device. */
  seconds: number;
}

export interface PhasePrediction {
  encoder: PhaseCost;
  projection: PhaseCost;
  decoder: PhaseCost;
  /** Roofline seconds of each decoder step, step 0 first; they sum to `decoder.seconds`. */
  stepSeconds: number[];
}

function deviceOf(config: Config): Device {
  const result = evaluate({ ...config, batchSize: 1 });
  return { flopsPerSecond: result.device.flopsPerSecond, bytesPerSecond: result.device.bytesPerSecond };
}

function groupCost(op: OperationWork, groupIndex: number, runs: number, device: Device): PhaseCost {
  const w = op.groups[groupIndex].work;
  const bytes = w.weightBytes + w.activationBytes + w.cacheReadBytes + w.cacheWriteBytes;
  const time = roofline(w.flops, bytes, device);
  return { flops: runs * w.flops, bytes: runs * bytes, flopsPerByte: 0, seconds: runs * time.seconds };
}

function addCost(total: PhaseCost, part: PhaseCost): void {
  total.flops += part.flops;
  total.bytes += part.bytes;
  total.seconds += part.seconds;
}

function emptyCost(): PhaseCost {
  return { flops: 0, bytes: 0, flopsPerByte: 0, seconds: 0 };
}

function finish(cost: PhaseCost): PhaseCost {
  return { ...cost, flopsPerByte: cost.bytes > 0 ? cost.flops / cost.bytes : 0 };
}

/**
 * FLOPs, bytes and roofline seconds of the three phases the tiny model times, per sample at
 * batch 1, from the same operation table `evaluate` uses: the projection is the
 * cross-attention key/value projection, the decoder is every other decoder operation.
 */
export function predictPhases(config: Config): PhasePrediction {
  const single = { ...config, batchSize: 1 };
  const shape = workShape(single);
  const device = deviceOf(single);
  const steps = shape.targetTokens;

  const encoder = emptyCost();
  for (const op of encoderOperations(shape)) {
    op.groups.forEach((group, index) => addCost(encoder, groupCost(op, index, group.runs, device)));
  }

  const projection = emptyCost();
  const decoder = emptyCost();
  const stepSeconds = new Array<number>(steps).fill(0);
  for (const op of decoderOperations(shape)) {
    if (op.name === 'decoder.crossAttention.kvProjection') {
      op.groups.forEach((group, index) => addCost(projection, groupCost(op, index, group.runs, device)));
      continue;
    }
    if (op.groups.length === steps && steps > 1) {
      // One group per step (self-attention over a growing cache).
      op.groups.forEach((group, step) => {
        const cost = groupCost(op, step, group.runs, device);
        addCost(decoder, cost);
        stepSeconds[step] += cost.seconds;
      });
    } else {
      for (const [index, group] of op.groups.entries()) {
        const cost = groupCost(op, index, group.runs, device);
        addCost(decoder, cost);
        for (let step = 0; step < steps; step++) stepSeconds[step] += cost.seconds / steps;
      }
    }
  }

  return { encoder: finish(encoder), projection: finish(projection), decoder: finish(decoder), stepSeconds };
}

/** A phase's predicted time in two terms: the cost model's roofline and the kernel launches. */
export interface LaunchCost {
  /** Roofline seconds of the cost model on the calibrated device. */
  rooflineSeconds: number;
  /** Kernels the tiny model launches in the phase, counted by `countKernels`. */
  kernels: number;
  /** `kernels` times the measured dispatch seconds per kernel. */
  launchSeconds: number;
  /** `rooflineSeconds + launchSeconds`. */
  seconds: number;
}

export interface LaunchPrediction {
  encoder: LaunchCost;
  projection: LaunchCost;
  decoder: LaunchCost;
  /** Roofline plus launch seconds of each decoder step, step 0 first. */
  stepSeconds: number[];
}

function launchCost(rooflineSeconds: number, kernels: number, secondsPerKernel: number): LaunchCost {
  const launchSeconds = kernels * secondsPerKernel;
  return { rooflineSeconds, kernels, launchSeconds, seconds: rooflineSeconds + launchSeconds };
}

/**
 * Adds to each phase of a roofline prediction its launch overhead: the kernels counted in
 * the phase times the measured dispatch time of one kernel. This term describes the
 * measured device only; lib/cost's accelerators keep their pure roofline.
 */
export function withLaunchOverhead(prediction: PhasePrediction, kernels: PhaseKernels, secondsPerKernel: number): LaunchPrediction {
  const stepKernels = prediction.stepSeconds.map((_, step) => kernels.steps[step] ?? 0);
  return {
    encoder: launchCost(prediction.encoder.seconds, kernels.encoder, secondsPerKernel),
    projection: launchCost(prediction.projection.seconds, kernels.projection, secondsPerKernel),
    decoder: launchCost(
      prediction.decoder.seconds,
      stepKernels.reduce((sum, count) => sum + count, 0),
      secondsPerKernel,
    ),
    stepSeconds: prediction.stepSeconds.map((seconds, step) => seconds + stepKernels[step] * secondsPerKernel),
  };
}

/** The prediction for a finished run on `device` (a `deviceConfig` result), launch overhead included. */
export function predictRun(result: RunResult, device: Config, secondsPerKernel: number): LaunchPrediction {
  return withLaunchOverhead(predictPhases(onDevice(result.config, device)), result.kernels, secondsPerKernel);
}

/** One phase of one run placed on the device's roofline, with predicted and measured time. */
export interface RooflinePoint {
  variant: RunResult['variant'];
  phase: MeasuredPhase;
  flops: number;
  flopsPerByte: number;
  measuredSeconds: number;
  predictedSeconds: number;
  /** Cost-model FLOPs divided by the measured seconds. */
  measuredFlopsPerSecond: number;
}

/** Places the three phases of a run on the roofline of `device` (a `deviceConfig` result). */
export function rooflinePoints(result: RunResult, device: Config): RooflinePoint[] {
  const prediction = predictPhases(onDevice(result.config, device));
  const measured: Record<MeasuredPhase, number> = {
    encoder: result.encoderSeconds,
    projection: result.projectionSeconds,
    decoder: result.decoderSeconds,
  };
  return (['encoder', 'projection', 'decoder'] as const).map((phase) => ({
    variant: result.variant,
    phase,
    flops: prediction[phase].flops,
    flopsPerByte: prediction[phase].flopsPerByte,
    measuredSeconds: measured[phase],
    predictedSeconds: prediction[phase].seconds,
    measuredFlopsPerSecond: measured[phase] > 0 ? prediction[phase].flops / measured[phase] : 0,
  }));
}

/** `model` evaluated on the accelerator of `device` (a `deviceConfig` result). */
export function onDevice(model: Config, device: Config): Config {
  return {
    ...model,
    hardware: device.hardware,
    customHardware: device.customHardware,
    precision: device.precision,
    computeEfficiency: device.computeEfficiency,
    bandwidthEfficiency: device.bandwidthEfficiency,
    batchSize: device.batchSize,
  };
}

export interface SpeedupComparison {
  /** FiD time over FiDO time, decoder steps only (FiDO changes only the decoder). */
  measuredDecoder: number;
  predictedDecoder: number;
  /** Encoder, projection and decoder together. */
  measuredTotal: number;
  predictedTotal: number;
  /** The same two predictions with each run's kernels times the measured dispatch time added. */
  predictedDecoderWithLaunch: number;
  predictedTotalWithLaunch: number;
}

function totalOf(result: Pick<RunResult, 'encoderSeconds' | 'projectionSeconds' | 'decoderSeconds'>): number {
  return result.encoderSeconds + result.projectionSeconds + result.decoderSeconds;
}

/**
 * Measured and predicted speedup of FiDO over FiD, both on the calibrated device, the
 * prediction with and without launch overhead (`secondsPerKernel` from the calibration).
 */
export function compareSpeedup(fid: RunResult, fido: RunResult, device: Config, secondsPerKernel: number): SpeedupComparison {
  const fidPrediction = predictPhases(onDevice(fid.config, device));
  const fidoPrediction = predictPhases(onDevice(fido.config, device));
  const fidLaunch = withLaunchOverhead(fidPrediction, fid.kernels, secondsPerKernel);
  const fidoLaunch = withLaunchOverhead(fidoPrediction, fido.kernels, secondsPerKernel);
  const predictedTotal = (p: PhasePrediction | LaunchPrediction) => p.encoder.seconds + p.projection.seconds + p.decoder.seconds;
  return {
    measuredDecoder: fid.decoderSeconds / fido.decoderSeconds,
    predictedDecoder: fidPrediction.decoder.seconds / fidoPrediction.decoder.seconds,
    measuredTotal: totalOf(fid) / totalOf(fido),
    predictedTotal: predictedTotal(fidPrediction) / predictedTotal(fidoPrediction),
    predictedDecoderWithLaunch: fidLaunch.decoder.seconds / fidoLaunch.decoder.seconds,
    predictedTotalWithLaunch: predictedTotal(fidLaunch) / predictedTotal(fidoLaunch),
  };
}
