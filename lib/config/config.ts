/**
 * The one configuration of the site: read from the URL, evaluated by the cost model and
 * built by the tiny model. Everything derived from it is recomputed, never stored.
 */
import { HARDWARE_PRESETS, type Hardware, type HardwareName, type PrecisionName } from './hardware';
import { T5_SIZES, T5_VOCAB_SIZE, presetDims, type SizeName, type StackDims } from './models';

/** Peak, bandwidth and capacity of a user-defined accelerator, at the chosen precision. */
export interface CustomHardware {
  peakFlopsPerSecond: number;
  memoryBytesPerSecond: number;
  memoryBytes: number;
}

export interface Config {
  encoderSize: SizeName;
  decoderSize: SizeName;
  /** Dimensions used when `encoderSize` is `custom`; mirrors the preset otherwise. */
  encoderCustom: StackDims;
  /** Dimensions used when `decoderSize` is `custom`; mirrors the preset otherwise. */
  decoderCustom: StackDims;
  vocabSize: number;
  /** Retrieved passages P per question. */
  passages: number;
  /** Tokens per passage n_p, question included. */
  passageTokens: number;
  /** Generated tokens n_t. */
  targetTokens: number;
  /** Requested batch; the cost model lowers it to the largest that fits. */
  batchSize: number;
  /** Layer-sparse cross-attention period K: layer i keeps cross-attention iff (i + 1) % K == 0. */
  crossAttentionPeriod: number;
  /** Decoder key/value heads g; 0 means as many as query heads (multi-head). */
  kvHeads: number;
  /** FiD-Light: encoder vectors kept per passage; 0 keeps all of them. */
  firstK: number;
  precision: PrecisionName;
  hardware: HardwareName;
  customHardware: CustomHardware;
  /** Fraction of peak FLOP/s reached, in (0, 1]. */
  computeEfficiency: number;
  /** Fraction of peak memory bandwidth reached, in (0, 1]. */
  bandwidthEfficiency: number;
}

/**
 * FiD-Base on one TPU v4 at the assumed paper setting: 40 passages of 256 tokens,
 * 32 target tokens, batch 64. Passages and target length are assumptions; 256 tokens,
 * batch 64 and TPU v4 are the FiDO paper's (de Jong et al. 2023, section 5).
 * The efficiencies default to 1, the ideal roofline.
 */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  encoderSize: 'base',
  decoderSize: 'base',
  encoderCustom: presetDims('base'),
  decoderCustom: presetDims('base'),
  vocabSize: T5_VOCAB_SIZE,
  passages: 40,
  passageTokens: 256,
  targetTokens: 32,
  batchSize: 64,
  crossAttentionPeriod: 1,
  kvHeads: 0,
  firstK: 0,
  precision: 'bf16',
  hardware: 'tpuv4',
  customHardware: {
    peakFlopsPerSecond: HARDWARE_PRESETS.tpuv4.peakFlopsPerSecond.bf16,
    memoryBytesPerSecond: HARDWARE_PRESETS.tpuv4.memoryBytesPerSecond,
    memoryBytes: HARDWARE_PRESETS.tpuv4.memoryBytes,
  },
  computeEfficiency: 1,
  bandwidthEfficiency: 1,
} satisfies Config);

export function encoderDims(config: Config): StackDims {
  return config.encoderSize === 'custom' ? config.encoderCustom : presetDims(config.encoderSize);
}

export function decoderDims(config: Config): StackDims {
  return config.decoderSize === 'custom' ? config.decoderCustom : presetDims(config.decoderSize);
}

/** Key/value heads g actually used: `kvHeads`, or the query heads when it is 0. */
export function effectiveKvHeads(config: Config): number {
  const heads = decoderDims(config).heads;
  return config.kvHeads === 0 ? heads : Math.min(config.kvHeads, heads);
}

/** Decoder vectors read per passage: first-k when FiD-Light is on, all tokens otherwise. */
export function decoderTokensPerPassage(config: Config): number {
  return config.firstK > 0 ? Math.min(config.firstK, config.passageTokens) : config.passageTokens;
}

/** Indices (0-based) of the decoder layers that keep cross-attention. */
export function crossAttentionLayers(layers: number, period: number): number[] {
  const kept: number[] = [];
  for (let i = 0; i < layers; i++) if ((i + 1) % period === 0) kept.push(i);
  return kept;
}

export function hardwareOf(config: Config): Hardware {
  if (config.hardware !== 'custom') return HARDWARE_PRESETS[config.hardware];
  const { peakFlopsPerSecond, memoryBytesPerSecond, memoryBytes } = config.customHardware;
  return {
    label: 'Custom accelerator',
    peakFlopsPerSecond: { bf16: peakFlopsPerSecond, fp32: peakFlopsPerSecond, int8: peakFlopsPerSecond },
    memoryBytesPerSecond,
    memoryBytes,
    source: 'Entered by the reader; the peak applies to every precision',
  };
}

/** A short name such as "FiDO-Large-XXL" or "FiD-Base + LSA" for a configuration. */
export function describeModel(config: Config): string {
  const enc = config.encoderSize === 'custom' ? 'Custom' : T5_SIZES[config.encoderSize].label;
  const dec = config.decoderSize === 'custom' ? 'Custom' : T5_SIZES[config.decoderSize].label;
  const sizes = enc === dec ? enc : `${enc}-${dec}`;
  const lsa = config.crossAttentionPeriod > 1;
  const g = effectiveKvHeads(config);
  const mqa = g === 1;
  const gqa = g > 1 && g < decoderDims(config).heads;
  // A first-k that keeps every token reads what FiD reads, so the model is named FiD.
  const light = config.firstK > 0 && config.firstK < config.passageTokens;
  if (lsa && mqa && !light) return `FiDO-${sizes}`;
  const parts: string[] = [];
  if (lsa) parts.push(`LSA K=${config.crossAttentionPeriod}`);
  if (mqa) parts.push('MQA');
  if (gqa) parts.push(`GQA g=${g}`);
  const family = light ? `FiD-Light-${sizes} (k=${config.firstK})` : `FiD-${sizes}`;
  return parts.length ? `${family} + ${parts.join(' + ')}` : family;
}
