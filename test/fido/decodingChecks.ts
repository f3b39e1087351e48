// Cached-versus-recomputed decoding checks, run once per backend by the *.test.ts files.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Config } from '@/lib/config/config';
import { DECODER_START_ID, createFidoModel, disposeCrossKv, disposeState } from '@/lib/fido/model';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION } from '@/lib/fido/sample';
import { encodeInput } from '@/lib/fido/tokenizer';
import { SMALL_CONFIGS } from './configs';

const LOGIT_TOLERANCE = 1e-4;

/** Largest absolute difference between logits of cached steps and of full recomputation, per step. */
async function stepDifferences(config: Config, seed: number): Promise<{ differences: number[]; tokens: number[] }> {
  const model = createFidoModel(tf, config, seed);
  const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
  const encoded = model.encode(ids);
  const crossKv = model.projectCrossKv(encoded, ids);

  let state = model.initialState(crossKv);
  const prefix = [DECODER_START_ID];
  const differences: number[] = [];
  for (let step = 0; step < config.targetTokens; step++) {
    const { logits, state: next } = model.decodeStep(state, prefix[prefix.length - 1]);
    disposeState(state);
    state = next;
    const recomputed = model.decodePrefix(crossKv, prefix);

    const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(logits, recomputed))));
    differences.push((await difference.data())[0]);
    prefix.push(await model.greedyToken(logits));
    [logits, recomputed, difference].forEach((tensor) => tensor.dispose());
  }

  disposeState(state);
  disposeCrossKv(crossKv);
  encoded.dispose();
  ids.dispose();
  model.dispose();
  return { differences, tokens: prefix.slice(1) };
}

export function describeDecodingChecks(backend: string): void {
  describe(`cached decoding on ${backend}`, () => {
    it.each(Object.entries(SMALL_CONFIGS))('%s: step logits match recomputation', async (_, config) => {
      const { differences } = await stepDifferences(config, 3);

      expect(tf.getBackend()).toBe(backend);
      expect(differences).toHaveLength(config.targetTokens);
      differences.forEach((difference, step) => {
        expect(difference, `step ${step}`).toBeLessThan(LOGIT_TOLERANCE);
      });
    });

    it('leaves no tensors behind after generate', async () => {
      const config = SMALL_CONFIGS['FiD-Light k=2 + FiDO'];
      const model = createFidoModel(tf, config, 4);
      const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
      const baseline = tf.memory().numTensors;

      await model.generate(ids, config.targetTokens);
      await model.generateByRecomputation(ids, config.targetTokens);

      expect(tf.memory().numTensors).toBe(baseline);
      ids.dispose();
      model.dispose();
    });

    it.each(['FiD', 'FiDO LSA K=3 + MQA', 'decoder wider than encoder', 'FiD-Light k=3'])(
      '%s: greedy tokens equal recomputed ones',
      async (name) => {
        const config = { ...SMALL_CONFIGS[name], targetTokens: 8 };
        const model = createFidoModel(tf, config, 11);
        const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
        const streamed: number[] = [];

        const cached = await model.generate(ids, config.targetTokens, (id, step) => {
          streamed[step] = id;
        });
        const recomputed = await model.generateByRecomputation(ids, config.targetTokens);

        expect(cached).toHaveLength(8);
        expect(cached).toEqual(recomputed);
        expect(streamed).toEqual(cached);
        ids.dispose();
        model.dispose();
      },
    );
  });
}
