// Small configurations shared by the tiny-model tests; not a test file itself.
import type { Config } from '@/lib/config/config';
import type { StackDims } from '@/lib/config/models';
import { TINY_FID_CONFIG } from '@/lib/fido/presets';

const STACK: StackDims = { dModel: 16, dFf: 24, heads: 4, dKv: 4, layers: 3 };

/** Returns a FiD configuration small enough to run many times on cpu, with `overrides` applied. */
export function smallConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...TINY_FID_CONFIG,
    encoderCustom: STACK,
    decoderCustom: STACK,
    vocabSize: 80,
    passages: 3,
    passageTokens: 8,
    targetTokens: 5,
    ...overrides,
  };
}

/** Named configurations covering each decoder option of FiDO and FiD-Light. */
export const SMALL_CONFIGS: Record<string, Config> = {
  'FiD': smallConfig(),
  'LSA K=2': smallConfig({ crossAttentionPeriod: 2, decoderCustom: { ...STACK, layers: 4 } }),
  'LSA K=4': smallConfig({ crossAttentionPeriod: 4, decoderCustom: { ...STACK, layers: 4 } }),
  'MQA': smallConfig({ kvHeads: 1 }),
  'grouped g=2': smallConfig({ kvHeads: 2 }),
  'FiDO LSA K=3 + MQA': smallConfig({ crossAttentionPeriod: 3, kvHeads: 1, decoderCustom: { ...STACK, layers: 6 } }),
  'decoder wider than encoder': smallConfig({
    crossAttentionPeriod: 2,
    kvHeads: 1,
    decoderCustom: { dModel: 24, dFf: 40, heads: 6, dKv: 4, layers: 4 },
  }),
  'equal widths, other dims differ': smallConfig({
    encoderCustom: { dModel: 16, dFf: 32, heads: 2, dKv: 6, layers: 2 },
    decoderCustom: { dModel: 16, dFf: 20, heads: 4, dKv: 5, layers: 3 },
  }),
  'FiD-Light k=3': smallConfig({ firstK: 3 }),
  'FiD-Light k=2 + FiDO': smallConfig({ firstK: 2, crossAttentionPeriod: 2, kvHeads: 2, decoderCustom: { ...STACK, layers: 4 } }),
};
