// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { decoderDims, encoderDims } from '@/lib/config/config';
import { createRunSampler, LAUNCH_PROBE_CONFIG, timeLaunchProbe } from '@/lib/fido/launchProbe';
import { createFidoModel, encodeInput, SAMPLE_PASSAGES, SAMPLE_QUESTION } from '@/lib/fido';
import { countKernels, timeModel } from '@/lib/fido/timing';

/** Counts the probe decoder's kernels of one pass per step, as countKernels reports them. */
async function probeStepKernels(): Promise<number[]> {
  const model = createFidoModel(tf, LAUNCH_PROBE_CONFIG, 1);
  try {
    return (await countKernels(tf, model, encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, model.config))).steps;
  } finally {
    model.dispose();
  }
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('launch probe', () => {
  it('is the tiny FiDO structure at widths of 8', () => {
    expect(decoderDims(LAUNCH_PROBE_CONFIG)).toEqual({ dModel: 8, dFf: 8, heads: 2, dKv: 4, layers: 4 });
    expect(encoderDims(LAUNCH_PROBE_CONFIG).dModel).toBe(8);
    expect(LAUNCH_PROBE_CONFIG.crossAttentionPeriod).toBe(2);
    expect(LAUNCH_PROBE_CONFIG.kvHeads).toBe(1);
    expect(LAUNCH_PROBE_CONFIG.passages).toBe(1);
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`times every repeat and frees its tensors on ${backend}`, async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
      const before = tf.memory().numTensors;
      const result = await timeLaunchProbe(tf, { warmups: 1, repeats: 3 });
      expect(tf.memory().numTensors).toBe(before);
      expect(result.samplesSeconds).toHaveLength(3);
      for (const seconds of result.samplesSeconds) expect(seconds).toBeGreaterThan(0);
      expect(Number.isFinite(result.decoderSeconds)).toBe(true);
      expect(result.decoderSeconds).toBeGreaterThan(0);

      // The count is that of the decoder steps of one pass, as countKernels reports it.
      const steps = await probeStepKernels();
      expect(result.kernels).toBe(sum(steps));
      expect(steps).toHaveLength(LAUNCH_PROBE_CONFIG.targetTokens);
    });
  }
});

describe('run sampler', () => {
  const options = { matvecSize: 16, matvecMatrices: 2, runProbePasses: 2, runMatvecProducts: 3 };

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`samples and frees its tensors on ${backend}`, async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
      const before = tf.memory().numTensors;
      const sampler = await createRunSampler(tf, options);
      await sampler.sample();
      await sampler.sample();
      const result = sampler.result();
      sampler.dispose();
      expect(tf.memory().numTensors).toBe(before);

      expect(result.probePasses).toBe(4);
      expect(result.matvecProducts).toBe(6);
      expect(Number.isFinite(result.secondsPerKernel)).toBe(true);
      expect(result.secondsPerKernel).toBeGreaterThan(0);
      expect(Number.isFinite(result.matvecBytesPerSecond)).toBe(true);
      expect(result.matvecBytesPerSecond).toBeGreaterThan(0);

      expect(result.probeKernels).toBe(sum(await probeStepKernels()));
    });
  }

  it('spreads the products over the probe passes', async () => {
    await tf.setBackend('cpu');
    const sampler = await createRunSampler(tf, { ...options, runProbePasses: 3, runMatvecProducts: 4 });
    try {
      await sampler.sample();
      expect(sampler.result().probePasses).toBe(3);
      expect(sampler.result().matvecProducts).toBe(4);
    } finally {
      sampler.dispose();
    }
  });

  it('samples once after each timed pass', async () => {
    await tf.setBackend('cpu');
    const model = createFidoModel(tf, LAUNCH_PROBE_CONFIG, 1);
    const calls: number[] = [];
    try {
      const observer = { phase: () => {}, step: () => {}, afterPass: async (repeat: number) => void calls.push(repeat) };
      await timeModel(tf, model, encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, model.config), { warmups: 2, repeats: 3 }, observer);
    } finally {
      model.dispose();
    }
    expect(calls).toEqual([0, 1, 2]);
  });
});
