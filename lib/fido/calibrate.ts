/**
 * The reader's device as an accelerator for the cost model.
 *
 * `measureDevice` runs five microbenchmarks on the active TensorFlow.js backend. A large
 * square matmul gives attainable FLOP/s. A chain of elementwise adds over buffers larger
 * than common last-level caches gives attainable bandwidth. A one-row matmul against a large
 * matrix gives the bandwidth of a matrix-vector product, the form in which a decoding step
 * reads its weights and cached keys and values. A chain of small dependent operations of
 * common kinds (`LAUNCH_MIX`) gives the fixed time of launching one kernel in the best case,
 * and the tiny decoder at negligible sizes (launchProbe.ts) the same time within a decoding
 * step, which the prediction uses.
 *
 * `deviceConfig` turns the measurement into a `Config` whose accelerator is this device (fp32,
 * efficiencies 100%), and `predictPhases` gives the cost model's roofline time for each
 * phase the tiny model reports. `predictRun` refines it for the measured device: the
 * decoder's bytes move at the matrix-vector bandwidth, and every counted kernel adds the
 * measured launch time. Everything except `measureDevice` is pure and runs in Node tests.
 */
import { DEFAULT_CONFIG, type Config } from '../config/config';
import { configQuery } from '../config/url';
import { evaluate, workShape } from '../cost/model';
import { decoderOperations, encoderOperations, type OperationWork } from '../cost/operations';
import { roofline, type Device } from '../cost/roofline';
import type { TensorFlow } from './backends';
import type { LaunchProbe } from './launchProbe';
import type { Tensor, Tensor2D } from './tf';
import type { BackendName, DeviceMeasurement, PhaseKernels, RunResult } from './protocol';
import { median, timeRepeated, type ClockMs, type RepeatOptions } from './stats';

export interface CalibrationOptions {
  /** Smallest and largest side of the square matmul; the size doubles while one run is quick. */
  minMatmulSize: number;
  maxMatmulSize: number;
  /** A matmul faster than this, in seconds, is too short to time well, so the size doubles. */
  minMatmulSeconds: number;
  /** Elements of each float32 operand of the bandwidth kernel. */
  bandwidthElements: number;
  chainedAdds: number;
  /** Side n of the matrix-vector product [1, n] · [n, n]. */
  matvecSize: number;
  /** Matrices the matrix-vector products take in turn, so each product reads one from memory, not from cache. */
  matvecMatrices: number;
  /** Repetitions of `LAUNCH_MIX` in one timed chain of the launch measurement. */
  dispatchCycles: number;
  /** Untimed and timed chains of the dispatch measurement (its own, because one chain is short). */
  dispatchWarmups: number;
  dispatchRepeats: number;
  /** Untimed and timed passes of the launch probe. */
  probeWarmups: number;
  probeRepeats: number;
  /** Launch-probe passes and matrix-vector products timed after each timed pass of a run (`createRunSampler`). */
  runProbePasses: number;
  runMatvecProducts: number;
  warmups: number;
  repeats: number;
}

/**
 * 2^22 float32 elements make 16 MiB per operand and 48 MiB of traffic per add, beyond the
 * last-level cache of common desktop and laptop processors (typically 8 to 36 MiB). Each
 * matrix of the matrix-vector product, 2048 × 2048, is the same 16 MiB, and four of them
 * taken in turn make 64 MiB.
 */
export const DEFAULT_CALIBRATION: Readonly<CalibrationOptions> = Object.freeze({
  minMatmulSize: 256,
  maxMatmulSize: 1024,
  minMatmulSeconds: 0.05,
  bandwidthElements: 2 ** 22,
  chainedAdds: 4,
  matvecSize: 2048,
  // With one matrix, `npm run bench` on a 2-core AMD EPYC measured 15 to 35 GB/s in Node from
  // run to run, as more or less of it stayed in cache. With four, two runs measured 14 and 19 GB/s
  // in Node and 26 and 27 GB/s in Chromium's worker.
  matvecMatrices: 4,
  dispatchCycles: 20,
  // A chain of 240 kernels takes about 1 ms, so these cost little. V8 optimises the op code
  // paths as they run. In Node 20 on wasm the median time per kernel was 15 µs over the first
  // 25 chains of a process, 3 µs after 50 and 2.4 µs after about 150 (one 2-core machine).
  // So 150 warm-up chains (36,000 kernels) come first. 25 repeats steady the median on a busy machine.
  dispatchWarmups: 150,
  dispatchRepeats: 25,
  // A probe pass is about 3,300 kernels, so 12 warm-up passes give V8 about as many kernels
  // to optimise as the 150 warm-up chains above.
  probeWarmups: 12,
  probeRepeats: 15,
  // With 5 timed passes, a run gathers 15 probe passes (as the calibration times) and 20 products.
  runProbePasses: 3,
  runMatvecProducts: 4,
  warmups: 2,
  repeats: 5,
});

/**
 * Steps the page shows as progress: choosing the matmul size, timing it, timing the large
 * adds, timing the matrix-vector product, timing the small-kernel chain, timing the probe.
 */
export const CALIBRATION_STEPS = 6;

/**
 * Kernel kinds of one cycle of the launch measurement, each dispatched once per cycle on
 * [1, 8] tensors, so the arithmetic is negligible. They are the kinds a transformer layer
 * launches (matmul, elementwise, reductions, softmax, layout changes), one of each, not
 * weighted by any model's own mix.
 */
export const LAUNCH_MIX = [
  'matMul',
  'add',
  'mul',
  'sigmoid',
  'softmax',
  'mean',
  'rsqrt',
  'mul (broadcast)',
  'reshape',
  'transpose',
  'concat',
  'slice',
] as const;

/** Side of the small tensors of `LAUNCH_MIX`. */
const LAUNCH_WIDTH = 8;

const now: ClockMs = () => performance.now();

/**
 * Seconds of the product of random matrices [rows, inner] · [inner, columns], read back.
 * The operands stay the same across runs, so a backend that prepares a right operand once
 * (XNNPACK packs it) does so in the warm-up runs, as it does for a model's weights.
 */
async function timeProduct(
  tf: TensorFlow,
  [rows, inner, columns]: [number, number, number],
  options: RepeatOptions,
  clock: ClockMs,
  seed: number,
): Promise<number[]> {
  const a = tf.randomUniform([rows, inner], -1, 1, 'float32', seed);
  const b = tf.randomUniform([inner, columns], -1, 1, 'float32', seed + 1);
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

/** Bytes a matrix-vector product [1, n] · [n, n] moves: the matrix, the vector and the result, float32. */
export function matvecBytes(size: number): number {
  return (size ** 2 + 2 * size) * 4;
}

/**
 * Operands of matrix-vector products [1, n] · [n, n] that take `matrices` matrices in turn,
 * so a product finds its matrix evicted from cache by the others.
 */
export interface MatvecOperands {
  size: number;
  /** Times `products` products, each read back, and returns their seconds. */
  time(products: number, clock?: ClockMs): Promise<number[]>;
  dispose(): void;
}

/**
 * Creates the operands of `MatvecOperands` and runs one product on each matrix, untimed, so
 * a backend that prepares a right operand once (XNNPACK packs it) has done so.
 */
export async function createMatvecOperands(tf: TensorFlow, size: number, matrices: number, seed = 18): Promise<MatvecOperands> {
  const vector = tf.randomUniform([1, size], -1, 1, 'float32', seed) as Tensor2D;
  const matrixList = Array.from({ length: matrices }, (_, i) => tf.randomUniform([size, size], -1, 1, 'float32', seed + 1 + i) as Tensor2D);
  let next = 0;
  const product = async () => {
    const result = tf.matMul(vector, matrixList[next]);
    next = (next + 1) % matrixList.length;
    try {
      await result.data();
    } finally {
      result.dispose();
    }
  };
  const dispose = () => [vector, ...matrixList].forEach((tensor) => tensor.dispose());
  try {
    for (let i = 0; i < matrixList.length; i++) await product();
  } catch (error) {
    dispose();
    throw error;
  }
  return {
    size,
    time: (products, clock = now) => timeRepeated(product, { warmups: 0, repeats: products }, clock),
    dispose,
  };
}

async function timeMatmul(tf: TensorFlow, size: number, options: CalibrationOptions, clock: ClockMs): Promise<number[]> {
  return timeProduct(tf, [size, size, size], options, clock, 11);
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
 * Runs one cycle of `LAUNCH_MIX` on `x` [1, 8]: each kernel reads the previous one's
 * result, so none can be skipped. Returns the cycle's last result [1, 8] and disposes the
 * intermediate ones (one tf.tidy per cycle would add a scope that a model's step does not
 * pay per 12 kernels).
 */
export function launchMixCycle(tf: TensorFlow, x: Tensor2D, other: Tensor2D, matrix: Tensor2D): Tensor2D {
  const intermediates: Tensor[] = [];
  const keep = <T extends Tensor>(tensor: T): T => {
    intermediates.push(tensor);
    return tensor;
  };
  const projected = keep(tf.matMul(x, matrix));
  const mixed = keep(tf.mul(keep(tf.add(projected, other)), other));
  const weights = keep(tf.softmax(keep(tf.sigmoid(mixed))));
  const scale = keep(tf.rsqrt(keep(tf.mean(weights, -1, true)))); // [1, 1]
  const column = keep(tf.reshape(keep(tf.mul(weights, scale)), [LAUNCH_WIDTH, 1]));
  const row = keep(tf.transpose(column)); // [1, 8]
  const result = tf.slice(keep(tf.concat([row, other], 1)), [0, 0], [1, LAUNCH_WIDTH]) as Tensor2D;
  intermediates.forEach((tensor) => tensor.dispose());
  return result;
}

/**
 * Seconds of `options.dispatchCycles` cycles of `LAUNCH_MIX`, each cycle reading the previous
 * one's result, with one readback at the end. The arithmetic is tiny, so each sample is almost
 * all fixed cost: the op call in JavaScript, the engine's bookkeeping, the backend's kernel
 * launch and the disposal of intermediate results. The single readback is shared by the whole
 * chain and left in (its cost is spread over every kernel of the chain).
 */
async function timeDispatch(tf: TensorFlow, options: CalibrationOptions, clock: ClockMs): Promise<number[]> {
  const start = tf.randomUniform([1, LAUNCH_WIDTH], -1, 1, 'float32', 15) as Tensor2D;
  const other = tf.randomUniform([1, LAUNCH_WIDTH], -1, 1, 'float32', 16) as Tensor2D;
  const matrix = tf.randomUniform([LAUNCH_WIDTH, LAUNCH_WIDTH], -1, 1, 'float32', 17) as Tensor2D;
  try {
    return await timeRepeated(
      async () => {
        let current = start;
        for (let i = 0; i < options.dispatchCycles; i++) {
          const next = launchMixCycle(tf, current, other, matrix);
          if (current !== start) current.dispose();
          current = next;
        }
        try {
          await current.data();
        } finally {
          if (current !== start) current.dispose();
        }
      },
      { warmups: options.dispatchWarmups, repeats: options.dispatchRepeats },
      clock,
    );
  } finally {
    [start, other, matrix].forEach((tensor) => tensor.dispose());
  }
}

/**
 * Measures attainable FLOP/s, bandwidth and kernel launch time on the active backend,
 * reporting each step. `probe` is launchProbe.ts `timeLaunchProbe`, passed in so that pages
 * importing this module do not bundle the model.
 */
export async function measureDevice(
  tf: TensorFlow,
  probe: LaunchProbe,
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

  onProgress(3, `timing a [1, ${options.matvecSize}] · [${options.matvecSize}, ${options.matvecSize}] matrix-vector product`);
  const matvec = await createMatvecOperands(tf, options.matvecSize, options.matvecMatrices);
  let matvecSamples: number[];
  try {
    // Each matrix was used once when created. Each is timed `options.repeats` times.
    matvecSamples = await matvec.time(options.repeats * options.matvecMatrices, clock);
  } finally {
    matvec.dispose();
  }
  const matvecSeconds = median(matvecSamples);

  const chainedOps = options.dispatchCycles * LAUNCH_MIX.length;
  onProgress(4, `timing ${chainedOps} chained small kernels`);
  const dispatchSamples = await timeDispatch(tf, options, clock);
  const dispatchSeconds = median(dispatchSamples);

  onProgress(5, 'timing the tiny decoder at negligible sizes');
  const probed = await probe(tf, { warmups: options.probeWarmups, repeats: options.probeRepeats });
  // The runs' own statistic, so that probe and runs filter a busy device's outliers alike.
  const probeSeconds = probed.decoderSeconds;

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
    matvec: {
      size: options.matvecSize,
      matrices: options.matvecMatrices,
      bytes: matvecBytes(options.matvecSize),
      samplesSeconds: matvecSamples,
      medianSeconds: matvecSeconds,
      bytesPerSecond: matvecBytes(options.matvecSize) / matvecSeconds,
    },
    dispatch: {
      mix: [...LAUNCH_MIX],
      chainedOps,
      samplesSeconds: dispatchSamples,
      medianSeconds: dispatchSeconds,
      secondsPerKernel: dispatchSeconds / chainedOps,
    },
    probe: {
      kernels: probed.kernels,
      samplesSeconds: probed.samplesSeconds,
      medianSeconds: probeSeconds,
      secondsPerKernel: probeSeconds / probed.kernels,
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

/**
 * Builds the playground's query for this device: custom hardware with the measured matmul
 * FLOP/s as the peak, the measured add bandwidth and `memoryBytes`, every other key at the
 * playground's default. The shared serializer writes it (`hw`, `peak` in TFLOP/s, `bw` and
 * `mem` in GB).
 */
export function playgroundDeviceQuery(measurement: DeviceMeasurement, memoryBytes = DEFAULT_DEVICE_MEMORY_BYTES): string {
  const device = deviceConfig(DEFAULT_CONFIG, measurement, memoryBytes);
  return configQuery({ ...DEFAULT_CONFIG, hardware: 'custom', customHardware: device.customHardware });
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

/** Calibrated figures that `predictRun` adds to the cost model's roofline. */
export interface LaunchCalibration {
  /** Measured seconds to launch one kernel of a decoding step (the launch probe). */
  secondsPerKernel: number;
  /** Measured bandwidth of a one-row matmul, at which the decoder's bytes move. */
  matvecBytesPerSecond: number;
}

/** Returns the calibrated figures of a measurement. */
export function launchCalibration(measurement: DeviceMeasurement): LaunchCalibration {
  return { secondsPerKernel: measurement.probe.secondsPerKernel, matvecBytesPerSecond: measurement.matvec.bytesPerSecond };
}

/** A phase's predicted time: the cost model's roofline, and the calibrated refinement of it. */
export interface LaunchCost {
  /** Roofline seconds of the cost model on the calibrated device (matmul FLOP/s, add bandwidth). */
  rooflineSeconds: number;
  /** Bandwidth the calibrated term moves this phase's bytes at: matrix-vector for the decoder, add for the rest. */
  bytesPerSecond: number;
  /** Roofline seconds with this phase's bytes at `bytesPerSecond`. */
  calibratedRooflineSeconds: number;
  /** Kernels the tiny model launches in the phase, counted by `countKernels`. */
  kernels: number;
  /** `kernels` times the measured launch seconds per kernel. */
  launchSeconds: number;
  /** `calibratedRooflineSeconds + launchSeconds`. */
  seconds: number;
}

export interface LaunchPrediction {
  encoder: LaunchCost;
  projection: LaunchCost;
  decoder: LaunchCost;
  /** Calibrated seconds of each decoder step, step 0 first. */
  stepSeconds: number[];
}

function launchCost(rooflineSeconds: number, bytesPerSecond: number, calibratedRooflineSeconds: number, kernels: number, secondsPerKernel: number): LaunchCost {
  const launchSeconds = kernels * secondsPerKernel;
  return { rooflineSeconds, bytesPerSecond, calibratedRooflineSeconds, kernels, launchSeconds, seconds: calibratedRooflineSeconds + launchSeconds };
}

/** `device` (a `deviceConfig` result) with its memory bandwidth replaced. */
function withBandwidth(device: Config, bytesPerSecond: number): Config {
  if (!device.customHardware) throw new Error('the device must be a deviceConfig result with custom hardware');
  return { ...device, customHardware: { ...device.customHardware, memoryBytesPerSecond: bytesPerSecond } };
}

/**
 * Predicts each phase of `model` on `device` (a `deviceConfig` result) with the counted
 * `kernels`: the cost model's roofline, and the calibrated prediction, in which the
 * decoder's bytes move at the matrix-vector bandwidth and each kernel adds the measured
 * launch time. Both terms describe the measured device only; lib/cost's accelerators keep
 * their pure roofline.
 */
export function predictWithCalibration(model: Config, device: Config, kernels: PhaseKernels, calibration: LaunchCalibration): LaunchPrediction {
  const roofline = predictPhases(onDevice(model, device));
  const addBytesPerSecond = device.customHardware?.memoryBytesPerSecond ?? Number.NaN;
  const decoderRoofline = predictPhases(onDevice(model, withBandwidth(device, calibration.matvecBytesPerSecond)));
  const perKernel = calibration.secondsPerKernel;
  const stepKernels = decoderRoofline.stepSeconds.map((_, step) => kernels.steps[step] ?? 0);
  return {
    encoder: launchCost(roofline.encoder.seconds, addBytesPerSecond, roofline.encoder.seconds, kernels.encoder, perKernel),
    projection: launchCost(roofline.projection.seconds, addBytesPerSecond, roofline.projection.seconds, kernels.projection, perKernel),
    decoder: launchCost(
      roofline.decoder.seconds,
      calibration.matvecBytesPerSecond,
      decoderRoofline.decoder.seconds,
      stepKernels.reduce((sum, count) => sum + count, 0),
      perKernel,
    ),
    stepSeconds: decoderRoofline.stepSeconds.map((seconds, step) => seconds + stepKernels[step] * perKernel),
  };
}

/**
 * Returns the launch time and matrix-vector bandwidth a run's prediction uses: those measured
 * between its timed passes when it has them, as they share its conditions, else the calibration's.
 */
export function runCalibration(result: RunResult, calibration: LaunchCalibration): LaunchCalibration {
  const during = result.duringRun;
  if (!during) return calibration;
  return { secondsPerKernel: during.secondsPerKernel, matvecBytesPerSecond: during.matvecBytesPerSecond };
}

/** Predicts a finished run on `device` (a `deviceConfig` result) with the figures of `runCalibration`. */
export function predictRun(result: RunResult, device: Config, calibration: LaunchCalibration): LaunchPrediction {
  return predictWithCalibration(result.config, device, result.kernels, runCalibration(result, calibration));
}

/**
 * Returns the passes the worker runs for one variant: the warm-ups, the timed repeats,
 * and one untimed pass that counts the kernels (the `run` handler of worker.ts).
 */
export function runPasses(warmups: number, repeats: number): number {
  return warmups + repeats + 1;
}

/**
 * Estimates the seconds a run spends measuring the device between its `repeats` timed passes
 * (launchProbe.ts `createRunSampler`), from the calibration's probe and matrix-vector times.
 * The sampler's setup (a kernel count, two probe passes and one product per matrix) is left out.
 */
export function estimateSampling(
  measurement: DeviceMeasurement,
  repeats: number,
  options: Pick<CalibrationOptions, 'runProbePasses' | 'runMatvecProducts'> = DEFAULT_CALIBRATION,
): number {
  const perPass = options.runProbePasses * measurement.probe.medianSeconds + options.runMatvecProducts * measurement.matvec.medianSeconds;
  return repeats * perPass;
}

/** A whole run's estimated time, before it starts. */
export interface RunEstimate {
  /** `passes` times the predicted seconds of one pass. */
  seconds: number;
  passes: number;
  /** True when kernel counts were given, so the launch term is included. */
  includesLaunches: boolean;
}

/**
 * Estimates how long a run of `model` takes on `device` (a `deviceConfig` result): `passes`
 * times one pass as `predictWithCalibration` predicts it. Kernel counts come only from a
 * finished run, so without `kernels` the launch term is zero and the estimate is the
 * calibrated roofline alone. Building the model and compiling kernels in the first pass are
 * never in it.
 */
export function estimateRun(model: Config, device: Config, calibration: LaunchCalibration, passes: number, kernels: PhaseKernels | null = null): RunEstimate {
  const counted = kernels ?? { encoder: 0, projection: 0, steps: [] };
  const pass = predictWithCalibration(model, device, counted, calibration);
  const passSeconds = pass.encoder.seconds + pass.projection.seconds + pass.decoder.seconds;
  return { seconds: passes * passSeconds, passes, includesLaunches: kernels !== null };
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
  /** The same ratio from the cost model's roofline alone. */
  predictedDecoder: number;
  /** Encoder, projection and decoder together. */
  measuredTotal: number;
  predictedTotal: number;
  /** The same two predictions calibrated: matrix-vector bandwidth and counted kernel launches (`predictRun`). */
  predictedDecoderCalibrated: number;
  predictedTotalCalibrated: number;
}

function totalOf(result: Pick<RunResult, 'encoderSeconds' | 'projectionSeconds' | 'decoderSeconds'>): number {
  return result.encoderSeconds + result.projectionSeconds + result.decoderSeconds;
}

/**
 * Measured and predicted speedup of FiDO over FiD, both on the calibrated device, the
 * prediction from the roofline alone and calibrated. Each calibrated prediction uses its
 * own run's figures (`predictRun`), as the phase table does. In Node on wasm the first run
 * after calibration measured its launch time about 20% above later runs, whichever model
 * ran first. Its decoder was slower by a similar share, so one figure for both runs would
 * credit that to the models.
 */
export function compareSpeedup(fid: RunResult, fido: RunResult, device: Config, calibration: LaunchCalibration): SpeedupComparison {
  const fidPrediction = predictRun(fid, device, calibration);
  const fidoPrediction = predictRun(fido, device, calibration);
  const roofline = (p: LaunchPrediction) => p.encoder.rooflineSeconds + p.projection.rooflineSeconds + p.decoder.rooflineSeconds;
  const calibrated = (p: LaunchPrediction) => p.encoder.seconds + p.projection.seconds + p.decoder.seconds;
  return {
    measuredDecoder: fid.decoderSeconds / fido.decoderSeconds,
    predictedDecoder: fidPrediction.decoder.rooflineSeconds / fidoPrediction.decoder.rooflineSeconds,
    measuredTotal: totalOf(fid) / totalOf(fido),
    predictedTotal: roofline(fidPrediction) / roofline(fidoPrediction),
    predictedDecoderCalibrated: fidPrediction.decoder.seconds / fidoPrediction.decoder.seconds,
    predictedTotalCalibrated: calibrated(fidPrediction) / calibrated(fidoPrediction),
  };
}
