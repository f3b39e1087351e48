// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '@/lib/config/config';
import { createFidoModel, encodeInput, SAMPLE_PASSAGES, SAMPLE_QUESTION, TINY_FID_CONFIG } from '@/lib/fido';
import { countKernels, type PhaseKernels } from '@/lib/fido/timing';

const base: Config = {
  ...TINY_FID_CONFIG,
  encoderCustom: { dModel: 32, dFf: 64, heads: 2, dKv: 16, layers: 2 },
  decoderCustom: { dModel: 32, dFf: 64, heads: 2, dKv: 16, layers: 4 },
  passages: 3,
  passageTokens: 12,
  targetTokens: 4,
  crossAttentionPeriod: 1,
  kvHeads: 2,
};

function withDecoder(layers: number, crossAttentionPeriod = 1): Config {
  return { ...base, decoderCustom: { ...base.decoderCustom, layers }, crossAttentionPeriod };
}

async function count(config: Config): Promise<PhaseKernels> {
  const model = createFidoModel(tf, config, 3);
  try {
    return await countKernels(tf, model, encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
  } finally {
    model.dispose();
  }
}

const lastStep = (kernels: PhaseKernels) => kernels.steps[kernels.steps.length - 1];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('countKernels', () => {
  it('repeats the same counts', async () => {
    const first = await count(base);
    const second = await count(base);
    expect(second).toEqual(first);
    expect(first.steps).toHaveLength(base.targetTokens);
    expect(first.encoder).toBeGreaterThan(0);
    expect(first.projection).toBeGreaterThan(0);
  });

  it('counts the same kernels for every step after the first', async () => {
    const kernels = await count(base);
    expect(new Set(kernels.steps.slice(1)).size).toBe(1);
  });

  it('grows per step with decoder layers', async () => {
    const one = await count(withDecoder(1));
    const two = await count(withDecoder(2));
    const three = await count(withDecoder(3));
    const perLayer = lastStep(two) - lastStep(one);
    expect(perLayer).toBeGreaterThan(0);
    expect(lastStep(three) - lastStep(two)).toBe(perLayer);
    expect(two.encoder).toBe(one.encoder);
  });

  it('drops cross-attention kernels under LSA', async () => {
    const everyLayer = await count(withDecoder(4, 1));
    const everySecond = await count(withDecoder(4, 2));
    const lastOnly = await count(withDecoder(4, 4));
    // K = 2 drops cross-attention from 2 of 4 layers, K = 4 from 3 of 4.
    const perLayer = (lastStep(everyLayer) - lastStep(everySecond)) / 2;
    expect(perLayer).toBeGreaterThan(0);
    expect(lastStep(everyLayer) - lastStep(lastOnly)).toBe(3 * perLayer);
    expect(everySecond.projection).toBeLessThan(everyLayer.projection);
    expect(lastOnly.projection).toBeLessThan(everySecond.projection);
    expect(everySecond.encoder).toBe(everyLayer.encoder);
  });

  it('restores the engine and leaks no tensors', async () => {
    const runKernel = tf.engine().runKernel;
    const before = tf.memory().numTensors;
    await count(base);
    expect(tf.engine().runKernel).toBe(runKernel);
    expect(tf.memory().numTensors).toBe(before);
  });
});
