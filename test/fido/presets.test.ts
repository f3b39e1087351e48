// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, decoderDims, encoderDims, type Config } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';
import { createFidoModel } from '@/lib/fido/model';
import {
  TINY_FIDO_CONFIG,
  TINY_FIDO_WIDE_DECODER_CONFIG,
  TINY_FID_CONFIG,
  TINY_LIMITS,
  validateTinyConfig,
} from '@/lib/fido/presets';
import { MIN_VOCAB_SIZE } from '@/lib/fido/vocabulary';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const PRESETS: Record<string, Config> = {
  'tiny FiD': TINY_FID_CONFIG,
  'tiny FiDO': TINY_FIDO_CONFIG,
  'tiny FiDO, wide decoder': TINY_FIDO_WIDE_DECODER_CONFIG,
};

describe('tiny presets', () => {
  it.each(Object.entries(PRESETS))('%s: runs within the limits', (_, config) => {
    expect(validateTinyConfig(config)).toEqual([]);
  });

  it.each(Object.entries(PRESETS))('%s: builds the cost model parameter count', (_, config) => {
    const model = createFidoModel(tf, config, 1);

    expect(model.paramCount()).toBe(evaluate(config).params.total);
    model.dispose();
  });

  it('FiDO differs from FiD only in the decoder options', () => {
    expect({ ...TINY_FIDO_CONFIG, crossAttentionPeriod: 1, kvHeads: 0 }).toEqual(TINY_FID_CONFIG);
    expect(TINY_FIDO_CONFIG.crossAttentionPeriod).toBe(2);
    expect(TINY_FIDO_CONFIG.kvHeads).toBe(1);
  });

  it('wide preset has a wider decoder than encoder', () => {
    expect(decoderDims(TINY_FIDO_WIDE_DECODER_CONFIG).dModel).toBeGreaterThan(encoderDims(TINY_FIDO_WIDE_DECODER_CONFIG).dModel);
  });

  it('every limit gives a reason', () => {
    for (const [key, limit] of Object.entries(TINY_LIMITS)) {
      expect(limit.max, key).toBeGreaterThan(0);
      expect(limit.reason.length, key).toBeGreaterThan(20);
    }
  });
});

describe('validateTinyConfig', () => {
  it('names each value above its limit', () => {
    const config: Config = {
      ...TINY_FID_CONFIG,
      decoderCustom: { ...TINY_FID_CONFIG.decoderCustom, dModel: 512, layers: 9 },
      targetTokens: 65,
      vocabSize: 9000,
    };

    expect(validateTinyConfig(config)).toEqual([
      `decoder dModel 512 is above the tiny model's limit ${TINY_LIMITS.dModel.max}`,
      `decoder layers 9 is above the tiny model's limit ${TINY_LIMITS.layers.max}`,
      `targetTokens 65 is above the tiny model's limit ${TINY_LIMITS.targetTokens.max}`,
      `vocabSize 9000 is outside [${MIN_VOCAB_SIZE}, ${TINY_LIMITS.vocabSize.max}]`,
    ]);
  });

  it('rejects preset T5 sizes', () => {
    expect(validateTinyConfig(DEFAULT_CONFIG)[0]).toBe('the tiny model needs custom encoder and decoder sizes, got base and base');
  });

  it('rejects key/value heads that do not divide the query heads', () => {
    expect(validateTinyConfig({ ...TINY_FID_CONFIG, kvHeads: 3 })).toEqual([
      'decoder query heads 4 must be a multiple of the key/value heads g = 3',
    ]);
  });

  it('accepts every divisor of the query heads', () => {
    for (const kvHeads of [0, 1, 2, 4]) {
      expect(validateTinyConfig({ ...TINY_FID_CONFIG, kvHeads }), `g = ${kvHeads}`).toEqual([]);
    }
  });

  it('accepts more key/value heads than query heads, clamped to h', () => {
    expect(validateTinyConfig({ ...TINY_FID_CONFIG, kvHeads: 9 })).toEqual([]);
  });
});
