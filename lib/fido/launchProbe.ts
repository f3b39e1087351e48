/**
 * The launch probe: the tiny model's own decoder at negligible sizes, timed on the active
 * backend. Its time per kernel is the fixed cost of one kernel of a decoding step, so the
 * calibrated prediction uses it as the launch time (calibrate.ts `launchCalibration`).
 *
 * A chain of 12 small kernel kinds (calibrate.ts `LAUNCH_MIX`) measures the same thing in
 * the best case, with one op kind after another on [1, 8] tensors. The probe keeps what a
 * decoding step does besides its arithmetic: the model's own sequence of ops, a tf.tidy per
 * step and a greedy readback per step. Widths of 8 and one passage of 16 tokens make its
 * matmuls read a few kilobytes, so bytes and FLOPs add well under 1% to its time. With
 * `npm run bench` on a 2-core AMD EPYC, the probe measured 3.2 to 3.5 µs per kernel on wasm
 * in Node 20, where the chain measured 2.3 to 2.5 µs. In Chromium's worker both were 3.3 to
 * 3.4 µs.
 *
 * NOTE: which part of a step makes its kernels dearer than the chain's in Node is not
 * pinned down. The probe measures the sum and does not split it.
 *
 * The probe is one fixed configuration, the tiny FiDO structure (K = 2, one key/value head,
 * 4 decoder layers), whatever the run being predicted, so the figure describes the device.
 * `createRunSampler` times it again between a run's timed passes, with matrix-vector products.
 * This module imports the model, so only the worker and the bench load it.
 */
import type { Config } from '../config/config';
import type { StackDims } from '../config/models';
import { createMatvecOperands, matvecBytes, type CalibrationOptions, type MatvecOperands } from './calibrate';
import { createFidoModel } from './model';
import { TINY_FIDO_CONFIG } from './presets';
import type { RunDevice } from './protocol';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from './sample';
import { columnMedians, median, type RepeatOptions } from './stats';
import type { Tf } from './tf';
import { countKernels, timeModel } from './timing';
import { encodeInput } from './tokenizer';

const PROBE_DIMS: StackDims = { dModel: 8, dFf: 8, heads: 2, dKv: 4, layers: 4 };

export const LAUNCH_PROBE_CONFIG: Readonly<Config> = Object.freeze({
  ...TINY_FIDO_CONFIG,
  passages: 1,
  passageTokens: 16,
  encoderCustom: PROBE_DIMS,
  decoderCustom: PROBE_DIMS,
} satisfies Config);

/** Decoder kernels of one probe pass, and its decoder seconds. */
export interface LaunchProbeResult {
  kernels: number;
  /** Decoder seconds of each timed pass. */
  samplesSeconds: number[];
  /**
   * Decoder seconds of one pass as runs report them (timing.ts `timeModel`): the sum over
   * steps of each step's median. On a busy device a step that lost the core is an outlier
   * that the per-step median drops, while a pass's sum keeps it.
   */
  decoderSeconds: number;
}

export type LaunchProbe = (tf: Tf, options: RepeatOptions) => Promise<LaunchProbeResult>;

/** Times the decoder steps of `LAUNCH_PROBE_CONFIG` and counts their kernels in one extra pass. */
export async function timeLaunchProbe(tf: Tf, options: RepeatOptions): Promise<LaunchProbeResult> {
  const model = createFidoModel(tf, LAUNCH_PROBE_CONFIG, 1);
  try {
    const inputIds = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, model.config);
    const run = await timeModel(tf, model, inputIds, options, { phase: () => {}, step: () => {} });
    const kernels = await countKernels(tf, model, inputIds);
    const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
    return { kernels: sum(kernels.steps), samplesSeconds: run.steps.map(sum), decoderSeconds: run.decoderSeconds };
  } finally {
    model.dispose();
  }
}

/** Measures the device between a run's timed passes. The owner must call `dispose`. */
export interface RunSampler {
  /** Times `runProbePasses` probe passes and `runMatvecProducts` matrix-vector products, alternating. */
  sample(): Promise<void>;
  /** Returns the figures of every sample so far. */
  result(): RunDevice;
  dispose(): void;
}

const NO_OBSERVER = { phase: () => {}, step: () => {} };

/** Untimed probe passes when a sampler is created, so the probe's weights are prepared first. */
const SAMPLER_WARMUPS = 2;

/**
 * Creates a sampler of the launch probe and of matrix-vector products. Kernel launch and
 * memory bandwidth change over seconds on a shared machine. Figures taken between the
 * timed passes describe the device as the run found it, and an earlier calibration may not.
 */
export async function createRunSampler(
  tf: Tf,
  options: Pick<CalibrationOptions, 'matvecSize' | 'matvecMatrices' | 'runProbePasses' | 'runMatvecProducts'>,
): Promise<RunSampler> {
  const model = createFidoModel(tf, LAUNCH_PROBE_CONFIG, 1);
  let matvec: MatvecOperands | null = null;
  const dispose = () => {
    model.dispose();
    matvec?.dispose();
  };
  const inputIds = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, model.config);
  let probeKernels: number;
  try {
    probeKernels = (await countKernels(tf, model, inputIds)).steps.reduce((total, count) => total + count, 0);
    await timeModel(tf, model, inputIds, { warmups: SAMPLER_WARMUPS, repeats: 0 }, NO_OBSERVER);
    matvec = await createMatvecOperands(tf, options.matvecSize, options.matvecMatrices);
  } catch (error) {
    dispose();
    throw error;
  }
  const operands = matvec;

  const probeRows: number[][] = [];
  const matvecSamples: number[] = [];
  const products = (pass: number) =>
    Math.floor(((pass + 1) * options.runMatvecProducts) / options.runProbePasses) - Math.floor((pass * options.runMatvecProducts) / options.runProbePasses);
  return {
    async sample() {
      for (let pass = 0; pass < options.runProbePasses; pass++) {
        const run = await timeModel(tf, model, inputIds, { warmups: 0, repeats: 1 }, NO_OBSERVER);
        probeRows.push(run.steps[0]);
        matvecSamples.push(...(await operands.time(products(pass))));
      }
    },
    result() {
      const probeSeconds = columnMedians(probeRows).reduce((total, seconds) => total + seconds, 0);
      return {
        probePasses: probeRows.length,
        probeKernels,
        secondsPerKernel: probeSeconds / probeKernels,
        matvecProducts: matvecSamples.length,
        matvecBytesPerSecond: matvecBytes(operands.size) / median(matvecSamples),
      };
    },
    dispose,
  };
}
