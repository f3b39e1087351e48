// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '@/lib/config/config';
import { createFidoModel, encodeInput, SAMPLE_PASSAGES, SAMPLE_QUESTION, TINY_FIDO_CONFIG } from '@/lib/fido';
import { timeModel } from '@/lib/fido/timing';

const small: Config = {
  ...TINY_FIDO_CONFIG,
  encoderCustom: { dModel: 32, dFf: 64, heads: 2, dKv: 16, layers: 2 },
  decoderCustom: { dModel: 32, dFf: 64, heads: 2, dKv: 16, layers: 2 },
  passages: 3,
  passageTokens: 12,
  targetTokens: 5,
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A clock that moves 1 ms per reading, so every timed span is positive and deterministic. */
function tickingClock() {
  let now = 0;
  return () => ++now;
}

describe('timeModel', () => {
  it('reports only timed repeats, never warm-ups', async () => {
    const model = createFidoModel(tf, small, 7);
    const phases: [string, number][] = [];
    const steps: [number, number][] = [];
    try {
      const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, small);
      const run = await timeModel(tf, model, ids, { warmups: 2, repeats: 3 }, {
        phase: (phase, repeat) => phases.push([phase, repeat]),
        step: (repeat, step) => {
          steps.push([repeat, step]);
        },
      }, tickingClock());
      expect(run.encoderSamples).toHaveLength(3);
      expect(run.steps).toHaveLength(3);
      expect(phases.filter(([phase]) => phase === 'encoder').map(([, r]) => r)).toEqual([0, 1, 2]);
      expect(steps).toHaveLength(3 * small.targetTokens);
      expect(steps.every(([repeat]) => repeat >= 0)).toBe(true);
    } finally {
      model.dispose();
    }
  });

  it('reports phases before the first step of a repeat', async () => {
    const model = createFidoModel(tf, small, 7);
    const order: string[] = [];
    try {
      const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, small);
      await timeModel(tf, model, ids, { warmups: 0, repeats: 1 }, {
        phase: (phase) => order.push(phase),
        step: (_, step) => {
          order.push(`step ${step}`);
        },
      });
      expect(order.slice(0, 3)).toEqual(['encoder', 'projection', 'step 0']);
    } finally {
      model.dispose();
    }
  });

  it('generates the same tokens as generate', async () => {
    const model = createFidoModel(tf, small, 7);
    try {
      const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, small);
      const run = await timeModel(tf, model, ids, { warmups: 1, repeats: 2 }, { phase: () => {}, step: () => {} });
      const input = model.inputTensor(ids);
      const expected = await model.generate(input, small.targetTokens);
      input.dispose();
      expect(run.tokens).toEqual(expected);
    } finally {
      model.dispose();
    }
  });

  it('takes medians over the timed repeats', async () => {
    const model = createFidoModel(tf, small, 7);
    try {
      const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, small);
      const run = await timeModel(tf, model, ids, { warmups: 0, repeats: 3 }, { phase: () => {}, step: () => {} }, tickingClock());
      expect(run.stepSeconds).toHaveLength(small.targetTokens);
      const sorted = [...run.encoderSamples].sort((a, b) => a - b);
      expect(run.encoderSeconds).toBe(sorted[1]);
      expect(run.decoderSeconds).toBeCloseTo(run.stepSeconds.reduce((a, b) => a + b, 0), 12);
    } finally {
      model.dispose();
    }
  });

  it('leaks no tensors', async () => {
    const model = createFidoModel(tf, small, 7);
    const before = tf.memory().numTensors;
    try {
      const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, small);
      const run = await timeModel(tf, model, ids, { warmups: 1, repeats: 2 }, { phase: () => {}, step: () => {} });
      expect(run.leakedTensors).toBe(0);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      model.dispose();
    }
  });

  it('times FiD-Light with first-k vectors', async () => {
    const light = { ...small, firstK: 4 };
    const model = createFidoModel(tf, light, 7);
    try {
      const ids = encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, light);
      const run = await timeModel(tf, model, ids, { warmups: 0, repeats: 1 }, { phase: () => {}, step: () => {} });
      expect(run.tokens).toHaveLength(light.targetTokens);
      expect(run.leakedTensors).toBe(0);
    } finally {
      model.dispose();
    }
  });
});
