// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '@/lib/config/config';
import { createFlopCounter, modelledFlops } from '@/lib/fido/flopCounter';
import { createFidoModel } from '@/lib/fido/model';
import { TINY_FIDO_CONFIG, TINY_FIDO_WIDE_DECODER_CONFIG, TINY_FID_CONFIG } from '@/lib/fido/presets';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from '@/lib/fido/sample';
import { encodeInput } from '@/lib/fido/tokenizer';
import { SMALL_CONFIGS, smallConfig } from './configs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function countedFlops(config: Config) {
  const model = createFidoModel(tf, config, 5);
  const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
  await model.generate(ids, config.targetTokens);
  const counts = model.flopCounter.counts();
  ids.dispose();
  model.dispose();
  return counts;
}

describe('modelledFlops', () => {
  it('matches the matmul formulas for FiDO with FiD-Light', () => {
    // 3 passages of 8 tokens, first 2 kept; d 16, d_ff 24, 4 heads of 4; 4 decoder layers, K = 2, g = 2; V 80; 5 steps.
    const config = SMALL_CONFIGS['FiD-Light k=2 + FiDO'];
    const [d, f, a, kv, V] = [16, 24, 16, 8, 80];
    const [nS, nP, nX, steps] = [24, 8, 6, 5];
    const encoderLayer = 2 * nS * d * 4 * a + 4 * nS * nP * a + 2 * nS * 3 * d * f;
    const selfAttention = 5 * (2 * d * (2 * a + 2 * kv)) + 4 * a * (1 + 2 + 3 + 4 + 5);
    const crossAttention = steps * (2 * 2 * d * a + 4 * nX * a);
    const decoderLayer = selfAttention + steps * 2 * 3 * d * f;

    expect(modelledFlops(config)).toEqual({
      encoder: 3 * encoderLayer,
      crossKvProjection: 2 * (2 * nX * d * 2 * kv),
      decoder: 4 * decoderLayer + 2 * crossAttention + steps * 2 * d * V,
      decoderRecomputation: 0,
    });
  });
});

describe('matmul FLOPs of a full generate', () => {
  it.each(Object.entries(SMALL_CONFIGS))('%s: equal the cost model per phase', async (_, config) => {
    const counted = await countedFlops(config);
    const expected = modelledFlops(config);

    expect(counted.encoder).toBe(expected.encoder);
    expect(counted.crossKvProjection).toBe(expected.crossKvProjection);
    expect(counted.decoder).toBe(expected.decoder);
    expect(counted.decoderRecomputation).toBe(0);
  });

  it('preset shapes give the cost model FLOPs too', async () => {
    // The presets' encoders take seconds on cpu, so two passages and three steps keep the shapes but cut the work.
    for (const preset of [TINY_FID_CONFIG, TINY_FIDO_CONFIG, TINY_FIDO_WIDE_DECODER_CONFIG]) {
      const config = { ...preset, passages: 2, targetTokens: 3 };
      const counted = await countedFlops(config);
      const expected = modelledFlops(config);

      expect(counted.encoder).toBe(expected.encoder);
      expect(counted.crossKvProjection).toBe(expected.crossKvProjection);
      expect(counted.decoder).toBe(expected.decoder);
    }
  });

  it('counts the encoder twice for two encodes and resets to zero', async () => {
    const config = smallConfig();
    const model = createFidoModel(tf, config, 5);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));

    model.encode(ids).dispose();
    model.encode(ids).dispose();
    expect(model.flopCounter.counts().encoder).toBe(2 * modelledFlops(config).encoder);

    model.flopCounter.reset();
    expect(model.flopCounter.counts()).toEqual({ encoder: 0, crossKvProjection: 0, decoder: 0, decoderRecomputation: 0 });
    ids.dispose();
    model.dispose();
  });

  it('recomputation costs more decoder FLOPs than caching', async () => {
    const config = SMALL_CONFIGS['FiDO LSA K=3 + MQA'];
    const model = createFidoModel(tf, config, 5);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));

    await model.generateByRecomputation(ids, config.targetTokens);
    const counts = model.flopCounter.counts();

    expect(counts.decoder).toBe(0);
    expect(counts.decoderRecomputation).toBeGreaterThan(modelledFlops(config).decoder);
    ids.dispose();
    model.dispose();
  });
});

describe('flop counter', () => {
  it('adds 2·batch·m·k·n to the current phase', () => {
    const counter = createFlopCounter(tf);
    const a = tf.ones([3, 4, 5]) as tf.Tensor3D;
    const b = tf.ones([3, 6, 5]) as tf.Tensor3D;

    counter.phase = 'decoder';
    const product = counter.matMul(a, b, false, true);

    expect(product.shape).toEqual([3, 4, 6]);
    expect(counter.counts().decoder).toBe(2 * 3 * 4 * 5 * 6);
    expect(counter.counts().encoder).toBe(0);
    [a, b, product].forEach((tensor) => tensor.dispose());
  });

  it('rejects operands that do not fit', () => {
    const counter = createFlopCounter(tf);
    const a = tf.ones([4, 5]) as tf.Tensor2D;
    const b = tf.ones([4, 5]) as tf.Tensor2D;

    expect(() => counter.matMul(a, b)).toThrow('matMul inner dimensions differ: [4, 5] by [4, 5]');
    expect(counter.counts().encoder).toBe(0);
    [a, b].forEach((tensor) => tensor.dispose());
  });
});
