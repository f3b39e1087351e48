/**
 * Configurations of the tiny model and the largest dimensions the live page accepts.
 * Tiny configurations are ordinary `Config` objects with custom encoder and decoder
 * dimensions, so the cost model evaluates exactly what the tiny model runs.
 */
import { DEFAULT_CONFIG, decoderDims, effectiveKvHeads, encoderDims, type Config } from '../config/config';
import type { StackDims } from '../config/models';
import { MIN_VOCAB_SIZE } from './vocabulary';

const TINY_STACK: StackDims = { dModel: 128, dFf: 256, heads: 4, dKv: 32, layers: 4 };

/**
 * Tiny FiD: T5.1.1-shaped encoder and decoder of width 128 (d_ff = 2·d as in T5.1.1
 * Small), 4 heads of 32, 4 layers each, cross-attention in every decoder layer,
 * multi-head attention. 16 passages of 64 tokens, 16 generated tokens, fp32 as run.
 */
export const TINY_FID_CONFIG: Readonly<Config> = Object.freeze({
  ...DEFAULT_CONFIG,
  encoderSize: 'custom',
  decoderSize: 'custom',
  encoderCustom: TINY_STACK,
  decoderCustom: TINY_STACK,
  vocabSize: 1024,
  passages: 16,
  passageTokens: 64,
  targetTokens: 16,
  batchSize: 1,
  crossAttentionPeriod: 1,
  kvHeads: 0,
  firstK: 0,
  precision: 'fp32',
} satisfies Config);

/** Tiny FiDO at the same sizes: cross-attention in decoder layers 1 and 3 (K = 2), one key/value head. */
export const TINY_FIDO_CONFIG: Readonly<Config> = Object.freeze({
  ...TINY_FID_CONFIG,
  crossAttentionPeriod: 2,
  kvHeads: 1,
} satisfies Config);

/**
 * Tiny FiDO with an asymmetric decoder twice as wide as the encoder (width 256, 8 heads),
 * as FiDO pairs an encoder with a larger decoder; K = 2, one key/value head.
 */
export const TINY_FIDO_WIDE_DECODER_CONFIG: Readonly<Config> = Object.freeze({
  ...TINY_FIDO_CONFIG,
  decoderCustom: { dModel: 256, dFf: 512, heads: 8, dKv: 32, layers: 4 },
} satisfies Config);

export interface TinyLimit {
  max: number;
  reason: string;
}

/** Largest dimensions the live page accepts, each with the reason for the bound. */
export const TINY_LIMITS = {
  dModel: { max: 256, reason: 'twice the presets\' width; weights grow with d², and the model has to run in seconds in a browser' },
  dFf: { max: 1024, reason: '4·d_model at the largest width, wider than T5.1.1\'s d_ff/d_model of 2 to 2.75' },
  heads: { max: 8, reason: 'with d_kv at most 64 the attention width stays at most 512, twice the largest d_model' },
  dKv: { max: 64, reason: 'the d_kv of every T5.1.1 size' },
  layers: { max: 8, reason: 'the depth of T5.1.1 Small; deeper stacks only lengthen the run' },
  passages: { max: 128, reason: 'with 128 tokens each, encoder attention scores take at most P·h·n_p²·4 bytes = 64 MiB' },
  passageTokens: { max: 128, reason: 'with 128 passages, encoder attention scores take at most P·h·n_p²·4 bytes = 64 MiB' },
  targetTokens: { max: 64, reason: 'twice the assumed output length of 32; every step reruns all decoder layers' },
  vocabSize: { max: 8192, reason: 'the embedding and the output layer then take at most 8192·256·4 bytes = 8 MiB each' },
} as const satisfies Record<string, TinyLimit>;

function checkStack(name: 'encoder' | 'decoder', dims: StackDims, problems: string[]): void {
  const keys = ['dModel', 'dFf', 'heads', 'dKv', 'layers'] as const;
  for (const key of keys) {
    const value = dims[key];
    if (!Number.isInteger(value) || value < 1) problems.push(`${name} ${key} must be a whole number >= 1, got ${value}`);
    else if (value > TINY_LIMITS[key].max) problems.push(`${name} ${key} ${value} is above the tiny model's limit ${TINY_LIMITS[key].max}`);
  }
}

/** Problems that stop the tiny model from running `config`, as messages; empty when it can run. */
export function validateTinyConfig(config: Config): string[] {
  const problems: string[] = [];
  if (config.encoderSize !== 'custom' || config.decoderSize !== 'custom') {
    problems.push(`the tiny model needs custom encoder and decoder sizes, got ${config.encoderSize} and ${config.decoderSize}`);
  }
  const encoder = encoderDims(config);
  const decoder = decoderDims(config);
  checkStack('encoder', encoder, problems);
  checkStack('decoder', decoder, problems);

  const workload = ['passages', 'passageTokens', 'targetTokens'] as const;
  for (const key of workload) {
    const value = config[key];
    if (!Number.isInteger(value) || value < 1) problems.push(`${key} must be a whole number >= 1, got ${value}`);
    else if (value > TINY_LIMITS[key].max) problems.push(`${key} ${value} is above the tiny model's limit ${TINY_LIMITS[key].max}`);
  }
  if (!Number.isInteger(config.vocabSize) || config.vocabSize < MIN_VOCAB_SIZE || config.vocabSize > TINY_LIMITS.vocabSize.max) {
    problems.push(`vocabSize ${config.vocabSize} is outside [${MIN_VOCAB_SIZE}, ${TINY_LIMITS.vocabSize.max}]`);
  }
  if (!Number.isInteger(config.crossAttentionPeriod) || config.crossAttentionPeriod < 1) {
    problems.push(`cross-attention period K must be a whole number >= 1, got ${config.crossAttentionPeriod}`);
  }
  if (!Number.isInteger(config.firstK) || config.firstK < 0) {
    problems.push(`firstK must be a whole number >= 0, got ${config.firstK}`);
  }

  const g = effectiveKvHeads(config);
  if (!Number.isInteger(g) || g < 1 || decoder.heads % g !== 0) {
    problems.push(`decoder query heads ${decoder.heads} must be a multiple of the key/value heads g = ${g}`);
  }
  return problems;
}
