// @vitest-environment node
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '@/lib/config/config';
import { createFidoModel, disposeCrossKv, disposeState, type FidoModel } from '@/lib/fido/model';
import { relativePositionBucket } from '@/lib/fido/positions';
import { SAMPLE_PASSAGES, SAMPLE_QUESTION, type Passage } from '@/lib/fido/sample';
import { encodeInput } from '@/lib/fido/tokenizer';
import { SMALL_CONFIGS, smallConfig } from './configs';

const SEED = 21;
const models: FidoModel[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterAll(() => {
  models.forEach((model) => model.dispose());
});

function build(config: Config): FidoModel {
  const model = createFidoModel(tf, config, SEED);
  models.push(model);
  return model;
}

/** Encoder output rows [P·n_x, d_enc] of `passages` as nested arrays. */
async function encodeRows(model: FidoModel, passages: readonly Passage[]): Promise<number[][]> {
  const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, passages, model.config));
  const encoded = model.encode(ids);
  const rows = (await encoded.array()) as number[][];
  encoded.dispose();
  ids.dispose();
  return rows;
}

function maxDifference(a: number[][], b: number[][]): number {
  let max = 0;
  a.forEach((row, i) => row.forEach((value, j) => (max = Math.max(max, Math.abs(value - b[i][j])))));
  return max;
}

/** Logits of the first decoding step for `passages`. */
async function firstLogits(model: FidoModel, passages: readonly Passage[]): Promise<Float32Array> {
  const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, passages, model.config));
  const encoded = model.encode(ids);
  const crossKv = model.projectCrossKv(encoded, ids);
  const state = model.initialState(crossKv);
  const { logits, state: next } = model.decodeStep(state, 0);
  const values = (await logits.data()) as Float32Array;
  [logits, encoded, ids].forEach((tensor) => tensor.dispose());
  disposeState(next);
  disposeCrossKv(crossKv);
  return values;
}

const OTHER_PASSAGES: readonly Passage[] = [SAMPLE_PASSAGES[0], SAMPLE_PASSAGES[5], SAMPLE_PASSAGES[2]];

describe('fusion in the decoder', () => {
  it('encodes each passage on its own', async () => {
    // The question alone fills about 17 tokens, so rows of 40 tokens differ by passage.
    const model = build(smallConfig({ passageTokens: 40, vocabSize: 1024 }));
    const rows = await encodeRows(model, SAMPLE_PASSAGES.slice(0, 3));
    const changed = await encodeRows(model, OTHER_PASSAGES);
    const n = 40;

    expect(rows).toHaveLength(3 * n);
    expect(maxDifference(changed.slice(0, n), rows.slice(0, n))).toBe(0);
    expect(maxDifference(changed.slice(2 * n), rows.slice(2 * n))).toBe(0);
    expect(maxDifference(changed.slice(n, 2 * n), rows.slice(n, 2 * n))).toBeGreaterThan(0.01);
  });

  it('FiD-Light keeps the first k vectors of each passage', async () => {
    const full = await encodeRows(build(smallConfig()), SAMPLE_PASSAGES);
    const light = await encodeRows(build(smallConfig({ firstK: 3 })), SAMPLE_PASSAGES);
    const expected = [0, 1, 2].flatMap((passage) => full.slice(passage * 8, passage * 8 + 3));

    expect(light).toHaveLength(3 * 3);
    expect(maxDifference(light, expected)).toBe(0);
  });

  it('padding does not change the encoding of real tokens', async () => {
    const short: Passage[] = [{ title: 'tide clock', text: 'a float.' }];
    const tight = await encodeRows(build(smallConfig({ passages: 1, passageTokens: 30, vocabSize: 1024 })), short);
    const padded = await encodeRows(build(smallConfig({ passages: 1, passageTokens: 48, vocabSize: 1024 })), short);
    const realTokens = encodeInput(SAMPLE_QUESTION, short, { passages: 1, passageTokens: 30, vocabSize: 1024 }).indexOf(0);

    expect(realTokens).toBeGreaterThan(20);
    expect(maxDifference(padded.slice(0, realTokens), tight.slice(0, realTokens))).toBeLessThan(1e-5);
  });

  it('cross-attention keys/values exist only in cross-attention layers', () => {
    const config = SMALL_CONFIGS['FiDO LSA K=3 + MQA'];
    const model = build(config);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
    const encoded = model.encode(ids);
    const crossKv = model.projectCrossKv(encoded, ids);

    expect(crossKv.layers.map((layer) => layer !== null)).toEqual([false, false, true, false, false, true]);
    // One key/value head: keys stored transposed [1, d_kv, P·n_x], values [1, P·n_x, d_kv].
    expect(crossKv.layers[2]?.keys.shape).toEqual([1, 4, 3 * 8]);
    expect(crossKv.layers[2]?.keysTransposed).toBe(true);
    expect(crossKv.layers[5]?.values.shape).toEqual([1, 3 * 8, 4]);
    expect(crossKv.keyBias.shape).toEqual([1, 3 * 8]);
    disposeCrossKv(crossKv);
    encoded.dispose();
    ids.dispose();
  });

  it('self-attention cache grows by one per step', () => {
    const config = SMALL_CONFIGS['grouped g=2'];
    const model = build(config);
    const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, config));
    const encoded = model.encode(ids);
    const crossKv = model.projectCrossKv(encoded, ids);
    let state = model.initialState(crossKv);

    for (let step = 1; step <= 3; step++) {
      const { logits, state: next } = model.decodeStep(state, 5);
      disposeState(state);
      logits.dispose();
      state = next;
      expect(state.step).toBe(step);
      expect(state.selfKv).toHaveLength(3);
      expect(state.selfKv[0].keys.shape).toEqual([2, step, 4]);
    }
    disposeState(state);
    disposeCrossKv(crossKv);
    encoded.dispose();
    ids.dispose();
  });

  it('decoder reads the passages only through cross-attention', async () => {
    const withCross = build(smallConfig({ crossAttentionPeriod: 3, passageTokens: 40, vocabSize: 1024 }));
    const without = build(smallConfig({ crossAttentionPeriod: 4, passageTokens: 40, vocabSize: 1024 }));
    const difference = (a: Float32Array, b: Float32Array) => Math.max(...a.map((value, i) => Math.abs(value - b[i])));

    expect(without.crossAttentionLayers).toEqual([]);
    expect(difference(await firstLogits(without, SAMPLE_PASSAGES), await firstLogits(without, OTHER_PASSAGES))).toBe(0);
    expect(difference(await firstLogits(withCross, SAMPLE_PASSAGES), await firstLogits(withCross, OTHER_PASSAGES))).toBeGreaterThan(1e-4);
  });
});

describe('relative position buckets', () => {
  it('give small offsets their own bucket', () => {
    expect(relativePositionBucket(0, true)).toBe(0);
    expect(relativePositionBucket(-1, true)).toBe(1);
    expect(relativePositionBucket(-7, true)).toBe(7);
    expect(relativePositionBucket(1, true)).toBe(17);
    expect(relativePositionBucket(-15, false)).toBe(15);
  });

  it('share the last bucket beyond the max distance', () => {
    expect(relativePositionBucket(-128, true)).toBe(15);
    expect(relativePositionBucket(-1000, true)).toBe(15);
    expect(relativePositionBucket(500, true)).toBe(31);
    expect(relativePositionBucket(-500, false)).toBe(31);
  });

  it('put later keys in bucket 0 when causal', () => {
    expect(relativePositionBucket(3, false)).toBe(0);
  });

  it('never decrease with distance', () => {
    for (const bidirectional of [true, false]) {
      let previous = 0;
      for (let distance = 0; distance < 300; distance++) {
        const bucket = relativePositionBucket(-distance, bidirectional);
        expect(bucket, `distance ${distance}`).toBeGreaterThanOrEqual(previous);
        previous = bucket;
      }
    }
  });
});
