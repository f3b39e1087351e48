// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFidoModel, disposeCrossKv, disposeState } from '@/lib/fido/model';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from '@/lib/fido/sample';
import { encodeInput } from '@/lib/fido/tokenizer';
import { SMALL_CONFIGS, smallConfig } from './configs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function weightValues(seed: number, config = smallConfig()): Promise<Map<string, Float32Array>> {
  const model = createFidoModel(tf, config, seed);
  const values = new Map<string, Float32Array>();
  for (const [name, tensor] of model.weights) values.set(name, (await tensor.data()) as Float32Array);
  model.dispose();
  return values;
}

function fingerprintOf(seed: number): string {
  const model = createFidoModel(tf, smallConfig(), seed);
  model.dispose();
  return model.weightFingerprint;
}

describe('tiny model lifecycle', () => {
  it('leaves no tensors behind after 20 runs', async () => {
    const config = SMALL_CONFIGS['FiDO LSA K=3 + MQA'];
    const beforeModel = tf.memory().numTensors;
    const model = createFidoModel(tf, config, 2);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
    const baseline = tf.memory().numTensors;

    for (let run = 0; run < 20; run++) {
      const encoded = model.encode(ids);
      const crossKv = model.projectCrossKv(encoded, ids);
      let state = model.initialState(crossKv);
      for (let step = 0; step < 3; step++) {
        const { logits, state: next } = model.decodeStep(state, step);
        disposeState(state);
        state = next;
        logits.dispose();
      }
      disposeState(state);
      disposeCrossKv(crossKv);
      encoded.dispose();
      await model.generate(ids, config.targetTokens);
    }
    expect(tf.memory().numTensors).toBe(baseline);

    ids.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(beforeModel);
  });

  it('frees its tensors when a token callback throws', async () => {
    const config = smallConfig();
    const model = createFidoModel(tf, config, 2);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
    const baseline = tf.memory().numTensors;

    const failing = model.generate(ids, 4, (_, step) => {
      if (step === 1) throw new Error('stop at step 1');
    });

    await expect(failing).rejects.toThrow('stop at step 1');
    expect(tf.memory().numTensors).toBe(baseline);
    ids.dispose();
    model.dispose();
  });

  it('waits for an async token callback before the next step', async () => {
    const config = smallConfig();
    const model = createFidoModel(tf, config, 2);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
    const events: string[] = [];

    const tokens = await model.generate(ids, 3, async (_, step) => {
      events.push(`start ${step}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${step}`);
    });

    expect(tokens).toHaveLength(3);
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    ids.dispose();
    model.dispose();
  });

  it('generates nothing for zero steps', async () => {
    const config = smallConfig();
    const model = createFidoModel(tf, config, 2);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
    const baseline = tf.memory().numTensors;

    expect(await model.generate(ids, 0)).toEqual([]);
    expect(await model.generateByRecomputation(ids, 0)).toEqual([]);
    expect(tf.memory().numTensors).toBe(baseline);
    await expect(model.generate(ids, 1.5)).rejects.toThrow('steps must be a whole number >= 0, got 1.5');
    ids.dispose();
    model.dispose();
  });

  it('same seed gives identical weights', async () => {
    const first = await weightValues(42);
    const second = await weightValues(42);

    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, values] of first) expect(second.get(name), name).toEqual(values);
    expect(fingerprintOf(42)).toBe(fingerprintOf(42));
  });

  it('different seed gives different weights', async () => {
    const first = await weightValues(42);
    const other = await weightValues(43);

    expect(other.get('encoder/layers_0/attention/query')).not.toEqual(first.get('encoder/layers_0/attention/query'));
    expect(other.get('decoder/logits_dense/kernel')).not.toEqual(first.get('decoder/logits_dense/kernel'));
    expect(fingerprintOf(43)).not.toBe(fingerprintOf(42));
  });

  it('encoder weights do not depend on decoder options', async () => {
    const fid = await weightValues(9, SMALL_CONFIGS['FiD']);
    const fido = await weightValues(9, SMALL_CONFIGS['FiDO LSA K=3 + MQA']);

    expect(fido.get('encoder/layers_2/mlp/wo')).toEqual(fid.get('encoder/layers_2/mlp/wo'));
    expect(fido.get('encoder/embedding')).toEqual(fid.get('encoder/embedding'));
  });

  it('initial weights have the intended spread', async () => {
    const values = await weightValues(1, smallConfig());
    const query = values.get('encoder/layers_0/attention/query') as Float32Array;
    const mean = query.reduce((sum, v) => sum + v, 0) / query.length;
    const std = Math.sqrt(query.reduce((sum, v) => sum + (v - mean) ** 2, 0) / query.length);

    // d_model 16 and d_kv 4 give 1 / sqrt(64) = 0.125; 256 draws put the sample within 15%.
    expect(std).toBeGreaterThan(0.125 * 0.85);
    expect(std).toBeLessThan(0.125 * 1.15);
    expect(values.get('encoder/encoder_norm/scale')).toEqual(new Float32Array(16).fill(1));
  });

  it('rejects calls after dispose and bad inputs', () => {
    const config = smallConfig();
    const model = createFidoModel(tf, config, 1);
    const wrongShape = tf.zeros([2, 8], 'int32');
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));

    expect(() => model.encode(wrongShape as tf.Tensor2D)).toThrow(/int32 \[3, 8\].*got int32 \[2, 8\]/);
    expect(() => model.inputTensor(new Int32Array(5))).toThrow(/expected 24 token ids/);
    expect(() => model.inputTensor(new Int32Array(24).fill(500))).toThrow(/token id 500 at index 0 is outside the vocabulary \[0, 80\)/);
    model.dispose();
    expect(() => model.encode(ids)).toThrow(/disposed/);
    wrongShape.dispose();
    ids.dispose();
  });
});
