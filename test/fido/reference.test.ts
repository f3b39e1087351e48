// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '@/lib/config/config';
import { createFidoModel, disposeCrossKv, disposeState } from '@/lib/fido/model';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from '@/lib/fido/sample';
import { encodeInput } from '@/lib/fido/tokenizer';
import { smallConfig } from './configs';
import { referenceEncode, referenceLogits, type Weights } from './reference';

const TOLERANCE = 1e-4;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Grouped heads (6 query heads over 3 or 1 key/value heads), head width apart from d_model,
// a decoder wider than the encoder, FiD-Light, and padding among the vectors the decoder reads.
const CASES: Record<string, Config> = {
  'grouped, wider decoder, FiD-Light': smallConfig({
    encoderCustom: { dModel: 8, dFf: 12, heads: 2, dKv: 5, layers: 2 },
    decoderCustom: { dModel: 12, dFf: 10, heads: 6, dKv: 3, layers: 4 },
    crossAttentionPeriod: 2,
    kvHeads: 3,
    firstK: 30,
    passages: 2,
    passageTokens: 40,
    vocabSize: 600,
  }),
  'multi-query, shared embedding': smallConfig({
    encoderCustom: { dModel: 10, dFf: 14, heads: 2, dKv: 4, layers: 1 },
    decoderCustom: { dModel: 10, dFf: 8, heads: 6, dKv: 2, layers: 3 },
    crossAttentionPeriod: 3,
    kvHeads: 1,
    passages: 2,
    passageTokens: 40,
    vocabSize: 600,
  }),
};

// The second row is short, so padding fills its end.
const PASSAGES = [SAMPLE_PASSAGES[1], { title: 'tide clock', text: 'a float.' }];

async function readWeights(model: ReturnType<typeof createFidoModel>): Promise<Weights> {
  const weights: Weights = new Map();
  for (const [name, tensor] of model.weights) weights.set(name, (await tensor.data()) as Float32Array);
  return weights;
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe('tiny model against a loop reference', () => {
  it.each(Object.entries(CASES))('%s: encoder output matches', async (_, config) => {
    const model = createFidoModel(tf, config, 13);
    const inputIds = encodeInput(SAMPLE_QUESTION, PASSAGES, config);
    const ids = model.inputTensor(inputIds);
    const encoded = model.encode(ids);
    const rows = (await encoded.array()) as number[][];
    const expected = referenceEncode(config, await readWeights(model), inputIds);

    expect(inputIds.slice(40, 40 + 30).includes(0)).toBe(true);
    expect(rows).toHaveLength(expected.length);
    expect(maxDifference(rows.flat(), expected.flat())).toBeLessThan(TOLERANCE);
    [encoded, ids].forEach((tensor) => tensor.dispose());
    model.dispose();
  });

  it.each(Object.entries(CASES))('%s: cached step logits match', async (_, config) => {
    const model = createFidoModel(tf, config, 13);
    const weights = await readWeights(model);
    const inputIds = encodeInput(SAMPLE_QUESTION, PASSAGES, config);
    const ids = model.inputTensor(inputIds);
    const encoded = model.encode(ids);
    const crossKv = model.projectCrossKv(encoded, ids);
    const prefix = [0, 57, 300];

    let state = model.initialState(crossKv);
    for (let step = 0; step < prefix.length; step++) {
      const { logits, state: next } = model.decodeStep(state, prefix[step]);
      disposeState(state);
      state = next;
      const expected = referenceLogits(config, weights, inputIds, prefix.slice(0, step + 1));

      expect(maxDifference(await logits.data(), expected), `step ${step}`).toBeLessThan(TOLERANCE);
      logits.dispose();
    }
    disposeState(state);
    disposeCrossKv(crossKv);
    [encoded, ids].forEach((tensor) => tensor.dispose());
    model.dispose();
  });
});
