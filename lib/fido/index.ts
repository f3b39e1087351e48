/**
 * The tiny FiD / FiDO model in TensorFlow.js. The only part of the site that uses
 * TensorFlow.js, and it imports only its types: pass the namespace in.
 *
 *   const tf = await import('@tensorflow/tfjs');           // after choosing a backend
 *   const model = createFidoModel(tf, TINY_FIDO_CONFIG, 1); // throws on an unrunnable config
 *   const ids = model.inputTensor(encodeInput(SAMPLE_QUESTION, SAMPLE_PASSAGES, model.config));
 *   const tokens = await model.generate(ids, model.config.targetTokens, (id, step) => { ... });
 *   decodeTokens(tokens, model.config.vocabSize);
 *   ids.dispose(); model.dispose();
 *
 * Step by step (what `generate` does; use it to time each phase):
 *   encoded = model.encode(ids)                    ids [P, n_p] int32 -> [P·n_x, d_enc]
 *   crossKv = model.projectCrossKv(encoded, ids)   per cross-attention layer and key/value head: keys [d_kv, P·n_x], values [P·n_x, d_kv]
 *   state = model.initialState(crossKv)            empty self-attention cache, t = 0
 *   { logits, state: next } = model.decodeStep(state, token)   logits [V]; cache grows to t + 1
 *   token = await model.greedyToken(logits)        argmax read back from the backend
 * starting from DECODER_START_ID (0) and running exactly `steps` steps (no stop at </s>).
 *
 * Ownership: every returned tensor belongs to the caller. Dispose `encoded` and `logits`
 * with .dispose() and `crossKv` with disposeCrossKv. Dispose each state with disposeState,
 * which leaves the borrowed crossKv alone. decodeStep never disposes its input state.
 *
 * FLOPs: model.flopCounter.counts() returns matmul FLOPs per phase ('encoder',
 * 'crossKvProjection', 'decoder', 'decoderRecomputation') counted from the shapes each
 * matmul received, and reset() zeroes them. After one generate of targetTokens steps they
 * equal modelledFlops(config), which is lib/cost's FLOPs without its norms.
 */
export {
  DECODER_START_ID,
  createFidoModel,
  disposeCrossKv,
  disposeState,
  type DecoderState,
  type FidoModel,
  type StepResult,
  type TokenCallback,
} from './model';
export type { CrossKeyValues, CrossKv, KeyValues } from './decoder';
export { FLOP_PHASES, modelledFlops, type FlopCounter, type FlopCounts, type FlopPhase } from './flopCounter';
export {
  TINY_FIDO_CONFIG,
  TINY_FIDO_WIDE_DECODER_CONFIG,
  TINY_FID_CONFIG,
  TINY_LIMITS,
  validateTinyConfig,
  type TinyLimit,
} from './presets';
export { SAMPLE_PASSAGES, SAMPLE_QUESTION, type Passage } from './sample';
export { decodeTokens, encodeInput, formatPassage, tokenize } from './tokenizer';
export { EOS_ID, MIN_VOCAB_SIZE, PAD_ID, SPACE_PIECE, UNK_ID, pieceOf } from './vocabulary';
export type { Tf } from './tf';
