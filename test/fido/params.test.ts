// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decoderDims, effectiveKvHeads, encoderDims } from '@/lib/config/config';
import { evaluate } from '@/lib/cost/model';
import { createFidoModel } from '@/lib/fido/model';
import { SMALL_CONFIGS, smallConfig } from './configs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('tiny model parameters', () => {
  it.each(Object.entries(SMALL_CONFIGS))('%s: weight sizes sum to countParams', (_, config) => {
    const model = createFidoModel(tf, config, 7);
    let summed = 0;
    for (const tensor of model.weights.values()) summed += tensor.size;

    expect(summed).toBe(evaluate(config).params.total);
    expect(model.paramCount()).toBe(summed);
    model.dispose();
  });

  it('decoder layers own cross-attention only where (i + 1) % K == 0', () => {
    const config = SMALL_CONFIGS['FiDO LSA K=3 + MQA'];
    const model = createFidoModel(tf, config, 7);
    const owners = [...model.weights.keys()]
      .filter((name) => name.endsWith('encoder_decoder_attention/key'))
      .map((name) => Number(/layers_(\d+)/.exec(name)?.[1]));

    expect(model.crossAttentionLayers).toEqual([2, 5]);
    expect(owners).toEqual([2, 5]);
    expect(model.weights.has('decoder/layers_0/pre_cross_attention_layer_norm/scale')).toBe(false);
    expect(model.weights.has('decoder/layers_2/pre_cross_attention_layer_norm/scale')).toBe(true);
    model.dispose();
  });

  it('key/value projections are g·d_kv wide, cross ones read d_enc', () => {
    const config = SMALL_CONFIGS['decoder wider than encoder'];
    const model = createFidoModel(tf, config, 7);
    const dEnc = encoderDims(config).dModel;
    const dec = decoderDims(config);
    const kvWidth = effectiveKvHeads(config) * dec.dKv;

    expect(kvWidth).toBe(4);
    expect(model.weights.get('decoder/layers_1/encoder_decoder_attention/key')?.shape).toEqual([dEnc, kvWidth]);
    expect(model.weights.get('decoder/layers_1/encoder_decoder_attention/value')?.shape).toEqual([dEnc, kvWidth]);
    expect(model.weights.get('decoder/layers_1/encoder_decoder_attention/query')?.shape).toEqual([dec.dModel, dec.heads * dec.dKv]);
    expect(model.weights.get('decoder/layers_0/self_attention/key')?.shape).toEqual([dec.dModel, kvWidth]);
    expect(model.weights.get('encoder/layers_0/attention/key')?.shape).toEqual([dEnc, encoderDims(config).heads * encoderDims(config).dKv]);
    model.dispose();
  });

  it('embedding is shared only when widths match', () => {
    const shared = createFidoModel(tf, SMALL_CONFIGS['equal widths, other dims differ'], 7);
    const separate = createFidoModel(tf, SMALL_CONFIGS['decoder wider than encoder'], 7);

    expect(shared.weights.has('decoder/embedding')).toBe(false);
    expect(separate.weights.get('decoder/embedding')?.shape).toEqual([80, 24]);
    shared.dispose();
    separate.dispose();
  });

  it('position biases sit in the first layer of each stack', () => {
    const model = createFidoModel(tf, smallConfig(), 7);
    const biases = [...model.weights.keys()].filter((name) => name.includes('relative_attention_bias'));

    expect(biases).toEqual(['encoder/relative_attention_bias', 'decoder/relative_attention_bias']);
    expect(model.weights.get('decoder/relative_attention_bias')?.shape).toEqual([32, 4]);
    model.dispose();
  });

  it('rejects configurations it cannot run', () => {
    expect(() => createFidoModel(tf, smallConfig({ kvHeads: 3 }), 1)).toThrow(/multiple of the key\/value heads g = 3/);
    expect(() => createFidoModel(tf, smallConfig({ encoderSize: 'base' }), 1)).toThrow(/custom encoder and decoder sizes, got base/);
    expect(() => createFidoModel(tf, smallConfig({ vocabSize: 20 }), 1)).toThrow(/vocabSize 20 is outside/);
    expect(() => createFidoModel(tf, smallConfig({ passages: 500 }), 1)).toThrow(/passages 500 is above the tiny model's limit 128/);
  });
});
