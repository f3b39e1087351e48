/**
 * The tiny FiD / FiDO encoder-decoder: weights, encode, cross-attention key/value
 * projection, cached greedy decoding and the full-recomputation check path.
 * Tensor ownership: every tensor a method returns belongs to the caller, who disposes it
 * (`disposeCrossKv`, `disposeState` for the compound results); inputs are never disposed.
 * Legend in layers.ts.
 */
import {
  crossAttentionLayers,
  decoderDims,
  decoderTokensPerPassage,
  effectiveKvHeads,
  encoderDims,
  type Config,
} from '../config/config';
import { validateTinyConfig } from './presets';
import { crossAttentionBias, projectCrossKeyValues, runDecoder, type CrossKeyValues, type CrossKv, type KeyValues } from './decoder';
import { crossTensors } from './decoderAttention';
import { runEncoder } from './encoder';
import { createFlopCounter, type FlopCounter } from './flopCounter';
import { initWeights } from './init';
import type { Tensor, Tensor1D, Tensor2D, Tensor3D, Tf } from './tf';

/** T5 starts decoding from the padding id. */
export const DECODER_START_ID = 0;

/** Decoding state after t steps. Holds the cross-attention keys/values by reference only. */
export interface DecoderState {
  /** Tokens already in the self-attention cache, t. */
  readonly step: number;
  /** Per decoder layer, self-attention keys and values [g, t, d_kv]; empty before the first step. */
  readonly selfKv: readonly KeyValues[];
  readonly crossKv: CrossKv;
}

export interface StepResult {
  /** [V] logits of the next token, owned by the caller. */
  logits: Tensor1D;
  /** The state after this step, owned by the caller; the input state stays valid. */
  state: DecoderState;
}

/** Called after each generated token; generation waits for a returned promise. */
export type TokenCallback = (tokenId: number, step: number) => void | Promise<void>;

export interface FidoModel {
  readonly config: Config;
  readonly seed: number;
  /** Decoder key/value heads g actually used. */
  readonly kvHeads: number;
  /** Decoder vectors kept per passage n_x (FiD-Light k, or n_p). */
  readonly keptPerPassage: number;
  /** 0-based decoder layers that own cross-attention weights. */
  readonly crossAttentionLayers: readonly number[];
  /** Every weight by its t5x-style name. Owned by the model. */
  readonly weights: ReadonlyMap<string, Tensor>;
  /** Hash of the initial weight values; the same seed gives the same hash in Node and browsers. */
  readonly weightFingerprint: string;
  /** Matmul FLOPs counted from actual shapes, per phase, since creation or the last reset. */
  readonly flopCounter: FlopCounter;
  readonly disposed: boolean;
  /** Sum of the sizes of all weight tensors. */
  paramCount(): number;
  /** Wraps P·n_p token ids (row-major, as `encodeInput` returns them) into an int32 tensor [P, n_p]. */
  inputTensor(ids: Int32Array): Tensor2D;
  /** Encodes ids [P, n_p] into [P·n_x, d_enc]: passages one batch, FiD-Light first n_x kept. */
  encode(ids: Tensor2D): Tensor2D;
  /** Projects the encoder output to cross-attention keys/values; `ids` supplies the padding mask. */
  projectCrossKv(encoded: Tensor2D, ids: Tensor2D): CrossKv;
  /** A state with an empty self-attention cache; it borrows `crossKv` without copying it. */
  initialState(crossKv: CrossKv): DecoderState;
  /** One cached decoding step: feeds `tokenId` at position t, grows the cache by one. */
  decodeStep(state: DecoderState, tokenId: number): StepResult;
  /** Logits after `prefix`, rerunning the decoder over the whole prefix without a cache. */
  decodePrefix(crossKv: CrossKv, prefix: readonly number[]): Tensor1D;
  /** Greedy id of the logits, read back from the backend. */
  greedyToken(logits: Tensor1D): Promise<number>;
  /** Greedy decoding with the cache: exactly `steps` tokens, no stop at the end-of-sequence id. */
  generate(ids: Tensor2D, steps: number, onToken?: TokenCallback): Promise<number[]>;
  /** Greedy decoding by full recomputation at every step, for checking `generate`. */
  generateByRecomputation(ids: Tensor2D, steps: number, onToken?: TokenCallback): Promise<number[]>;
  /** Disposes every weight; later calls throw. */
  dispose(): void;
}

export function disposeCrossKv(crossKv: CrossKv): void {
  for (const layer of crossKv.layers) {
    if (layer !== null) crossTensors(layer).forEach((tensor) => tensor.dispose());
  }
  crossKv.keyBias.dispose();
}

/** Disposes the state's self-attention cache, not the cross-attention keys/values it borrows. */
export function disposeState(state: DecoderState): void {
  for (const { keys, values } of state.selfKv) {
    keys.dispose();
    values.dispose();
  }
}

/** Builds the model of `config` with weights drawn from `seed`; throws on a configuration the tiny model cannot run. */
export function createFidoModel(tf: Tf, config: Config, seed: number): FidoModel {
  const problems = validateTinyConfig(config);
  if (problems.length > 0) throw new Error(`invalid tiny model configuration: ${problems.join('; ')}`);

  const encoder = encoderDims(config);
  const decoder = decoderDims(config);
  const kvHeads = effectiveKvHeads(config);
  const keptPerPassage = decoderTokensPerPassage(config);
  const counter = createFlopCounter(tf);
  const weights = initWeights(tf, config, seed);
  let disposed = false;

  function checkAlive(): void {
    if (disposed) throw new Error('the tiny model was disposed; create a new one');
  }

  function checkIds(ids: Tensor2D): void {
    const expected = [config.passages, config.passageTokens];
    if (ids.rank !== 2 || ids.shape[0] !== expected[0] || ids.shape[1] !== expected[1] || ids.dtype !== 'int32') {
      throw new Error(
        `input ids must be int32 [${expected.join(', ')}] (passages, tokens per passage), got ${ids.dtype} [${ids.shape.join(', ')}]`,
      );
    }
  }

  function checkToken(tokenId: number): void {
    if (!Number.isInteger(tokenId) || tokenId < 0 || tokenId >= config.vocabSize) {
      throw new Error(`token id ${tokenId} is outside the vocabulary [0, ${config.vocabSize})`);
    }
  }

  function checkSteps(steps: number): void {
    if (!Number.isInteger(steps) || steps < 0) throw new Error(`steps must be a whole number >= 0, got ${steps}`);
  }

  async function greedyToken(logits: Tensor1D): Promise<number> {
    const best = tf.argMax(logits);
    try {
      return (await best.data())[0];
    } finally {
      best.dispose();
    }
  }

  /** Reads the greedy token of `logits` and disposes them. */
  async function takeGreedyToken(logits: Tensor1D): Promise<number> {
    try {
      return await greedyToken(logits);
    } finally {
      logits.dispose();
    }
  }

  /** Encodes `ids` and projects the cross-attention keys/values, disposing the encoder output. */
  function encodeAndProject(ids: Tensor2D): CrossKv {
    const encoded = model.encode(ids);
    try {
      return model.projectCrossKv(encoded, ids);
    } finally {
      encoded.dispose();
    }
  }

  const model: FidoModel = {
    config,
    seed,
    kvHeads,
    keptPerPassage,
    crossAttentionLayers: crossAttentionLayers(decoder.layers, config.crossAttentionPeriod),
    weights: weights.named,
    weightFingerprint: weights.fingerprint,
    flopCounter: counter,
    get disposed() {
      return disposed;
    },

    paramCount() {
      let total = 0;
      for (const tensor of weights.named.values()) total += tensor.size;
      return total;
    },

    inputTensor(ids) {
      const expected = config.passages * config.passageTokens;
      if (ids.length !== expected) {
        throw new Error(`expected ${expected} token ids (${config.passages} passages of ${config.passageTokens}), got ${ids.length}`);
      }
      const outside = ids.findIndex((id) => id < 0 || id >= config.vocabSize);
      if (outside >= 0) throw new Error(`token id ${ids[outside]} at index ${outside} is outside the vocabulary [0, ${config.vocabSize})`);
      return tf.tensor2d(ids, [config.passages, config.passageTokens], 'int32');
    },

    encode(ids) {
      checkAlive();
      checkIds(ids);
      counter.phase = 'encoder';
      return tf.tidy(() => runEncoder(tf, counter, weights, encoder, ids, keptPerPassage));
    },

    projectCrossKv(encoded, ids) {
      checkAlive();
      checkIds(ids);
      const rows = config.passages * keptPerPassage;
      if (encoded.rank !== 2 || encoded.shape[0] !== rows || encoded.shape[1] !== encoder.dModel) {
        throw new Error(`encoder output must be [${rows}, ${encoder.dModel}] (P·n_x, d_enc), got [${encoded.shape.join(', ')}]`);
      }
      counter.phase = 'crossKvProjection';
      // Tensors are kept in a flat list because tf.tidy's return type has no room for null entries.
      const crossKv = tf.tidy(() => {
        const keyBias = crossAttentionBias(tf, ids, keptPerPassage);
        const projected = projectCrossKeyValues(tf, counter, weights, kvHeads, encoded, keyBias);
        return { keyBias, flat: projected.layers.flatMap((layer) => (layer === null ? [] : crossTensors(layer))) };
      });
      let next = 0;
      const take = () => crossKv.flat[next++] as Tensor3D;
      const layers = weights.decoderLayers.map((layer): CrossKeyValues | null => {
        if (layer.crossAttention === null) return null;
        const keys = take();
        return { keys, keysTransposed: kvHeads === 1, values: take() };
      });
      return { layers, keyBias: crossKv.keyBias };
    },

    initialState(crossKv) {
      return { step: 0, selfKv: [], crossKv };
    },

    decodeStep(state, tokenId) {
      checkAlive();
      checkToken(tokenId);
      counter.phase = 'decoder';
      const output = tf.tidy(() => {
        const result = runDecoder(tf, counter, weights, decoder, kvHeads, [tokenId], state.selfKv, state.crossKv);
        return { logits: result.logits, selfKv: result.selfKv.map(({ keys, values }) => [keys, values]) };
      });
      return {
        logits: output.logits,
        state: {
          step: state.step + 1,
          selfKv: output.selfKv.map(([keys, values]) => ({ keys, values }) as KeyValues),
          crossKv: state.crossKv,
        },
      };
    },

    decodePrefix(crossKv, prefix) {
      checkAlive();
      if (prefix.length === 0) throw new Error('the prefix needs at least the start token');
      prefix.forEach(checkToken);
      counter.phase = 'decoderRecomputation';
      return tf.tidy(() => runDecoder(tf, counter, weights, decoder, kvHeads, prefix, [], crossKv).logits);
    },

    greedyToken,

    async generate(ids, steps, onToken) {
      checkSteps(steps);
      const crossKv = encodeAndProject(ids);

      let state = model.initialState(crossKv);
      const generated: number[] = [];
      try {
        let token = DECODER_START_ID;
        for (let step = 0; step < steps; step++) {
          const { logits, state: next } = model.decodeStep(state, token);
          disposeState(state);
          state = next;
          token = await takeGreedyToken(logits);
          generated.push(token);
          await onToken?.(token, step);
        }
      } finally {
        disposeState(state);
        disposeCrossKv(crossKv);
      }
      return generated;
    },

    async generateByRecomputation(ids, steps, onToken) {
      checkSteps(steps);
      const crossKv = encodeAndProject(ids);

      const prefix = [DECODER_START_ID];
      try {
        for (let step = 0; step < steps; step++) {
          const token = await takeGreedyToken(model.decodePrefix(crossKv, prefix));
          prefix.push(token);
          await onToken?.(token, step);
        }
      } finally {
        disposeCrossKv(crossKv);
      }
      return prefix.slice(1);
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const tensor of weights.named.values()) tensor.dispose();
      Object.values(weights.constants).forEach((tensor) => tensor.dispose());
    },
  };
  return model;
}
