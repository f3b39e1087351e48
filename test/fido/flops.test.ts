// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';
import type { OperationName } from '@/lib/cost/operations';
import { createFidoModel } from '@/lib/fido/model';
import { TINY_FIDO_CONFIG, TINY_FIDO_WIDE_DECODER_CONFIG, TINY_FID_CONFIG } from '@/lib/fido/presets';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from '@/lib/fido/sample';
import { encodeInput } from '@/lib/fido/tokenizer';
import { SMALL_CONFIGS, smallConfig } from './configs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const NORMS: readonly OperationName[] = ['encoder.norms', 'decoder.norms'];

/** The cost model's FLOPs without norms, split like the tiny model's counter. */
function costModelFlops(config: Config) {
  const flops = { encoder: 0, crossKvProjection: 0, decoder: 0 };
  for (const op of evaluate(config).operations) {
    if (NORMS.includes(op.name)) continue;
    if (op.phase === 'encoder') flops.encoder += op.flops;
    else if (op.name === 'decoder.crossAttention.kvProjection') flops.crossKvProjection += op.flops;
    else flops.decoder += op.flops;
  }
  return flops;
}

async function countedFlops(config: Config) {
  const model = createFidoModel(tf, config, 5);
  const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
  await model.generate(ids, config.targetTokens);
  const counts = model.flopCounter.counts();
  ids.dispose();
  model.dispose();
  return counts;
}

describe('matmul FLOPs of a full generate', () => {
  it.each(Object.entries(SMALL_CONFIGS))('%s: equal the cost model per phase', async (_, config) => {
    const counted = await countedFlops(config);
    const expected = costModelFlops(config);

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
      const expected = costModelFlops(config);

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
    expect(model.flopCounter.counts().encoder).toBe(2 * costModelFlops(config).encoder);

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
    expect(counts.decoderRecomputation).toBeGreaterThan(costModelFlops(config).decoder);
    ids.dispose();
    model.dispose();
  });
});
