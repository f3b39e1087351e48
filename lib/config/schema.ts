/**
 * One table maps each URL key to a field of `Config`: its parser, its range and its
 * formatter. Reading and writing the URL both iterate this table, so a key cannot be
 * read one way and written another.
 */
import type { Config, CustomHardware } from './config';
import { HARDWARE_NAMES, PRECISION_NAMES } from './hardware';
import { SIZE_NAMES, type StackDims } from './models';

/** Report of a URL value that was not used as written: the key, both values and the reason. */
export interface Notice {
  key: string;
  given: string;
  /** Value used in place of the given one; null when the given value was ignored, as it has no effect at these settings. */
  used: string | null;
  reason: string;
}

/** Describes what became of a notice's value, for every page that lists notices: "used 0" or "ignored". */
export function describeNoticeOutcome(notice: Pick<Notice, 'used'>): string {
  return notice.used === null ? 'ignored' : `used ${notice.used}`;
}

/** Result of parsing one raw value: the value to use, and a reason when it was changed. */
export type FieldResult<V> = { value: V; reason?: string };

export interface Field<V> {
  key: string;
  /** Description of the setting and its unit, for help text and notices. */
  description: string;
  /** Accepted range in URL units, for number fields (help text, input limits, tests). */
  limits?: Readonly<Required<NumberOptions>>;
  /** Accepted names, for choice fields. */
  choices?: readonly string[];
  parse(raw: string, fallback: V): FieldResult<V>;
  format(value: V): string;
  get(config: Config): V;
  set(config: Config, value: V): Config;
}

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a decimal number. A well-formed number too large for a double (a 5000-digit
 * string, 1e999) becomes ±Infinity, so the range check reports it as above the maximum or
 * below the minimum, like any other number out of range. Returns null for non-numbers.
 */
function parseNumber(raw: string): number | null {
  const text = raw.trim();
  if (!NUMBER_PATTERN.test(text)) return null;
  const value = Number(text);
  return Number.isNaN(value) ? null : value;
}

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

interface NumberOptions {
  min: number;
  max: number;
  integer: boolean;
  /** URL value times `scale` is the config value (for example TFLOP/s to FLOP/s). */
  scale?: number;
}

function numberField(
  key: string,
  description: string,
  options: NumberOptions,
  get: (c: Config) => number,
  set: (c: Config, v: number) => Config,
): Field<number> {
  const scale = options.scale ?? 1;
  return {
    key,
    description,
    limits: { ...options, scale },
    get,
    set,
    format: (value) => formatNumber(value / scale),
    parse(raw, fallback) {
      const parsed = parseNumber(raw);
      if (parsed === null) return { value: fallback, reason: 'not a number; the default is used' };
      let value = options.integer ? Math.round(parsed) : parsed;
      let reason = options.integer && value !== parsed ? 'rounded to a whole number' : undefined;
      if (value < options.min) {
        value = options.min;
        reason = `below the minimum ${formatNumber(options.min)}`;
      } else if (value > options.max) {
        value = options.max;
        reason = `above the maximum ${formatNumber(options.max)}`;
      }
      return { value: value * scale, reason };
    },
  };
}

function choiceField<V extends string>(
  key: string,
  description: string,
  choices: readonly V[],
  get: (c: Config) => V,
  set: (c: Config, v: V) => Config,
): Field<V> {
  return {
    key,
    description,
    choices,
    get,
    set,
    format: (value) => value,
    parse(raw, fallback) {
      const text = raw.trim().toLowerCase();
      const match = choices.find((choice) => choice === text);
      if (match) return { value: match };
      return { value: fallback, reason: `not one of ${choices.join(', ')}; the default is used` };
    },
  };
}

/** Limits for custom dimensions: wide enough for tiny models and beyond XXL. */
export const DIM_LIMITS: Record<keyof StackDims, { min: number; max: number }> = {
  dModel: { min: 8, max: 65536 },
  dFf: { min: 8, max: 262144 },
  heads: { min: 1, max: 256 },
  dKv: { min: 4, max: 1024 },
  layers: { min: 1, max: 128 },
};

const DIM_KEYS: Record<keyof StackDims, { suffix: string; description: string }> = {
  dModel: { suffix: 'd', description: 'model width d_model' },
  dFf: { suffix: 'ff', description: 'MLP hidden width d_ff' },
  heads: { suffix: 'h', description: 'query heads' },
  dKv: { suffix: 'dkv', description: 'width of one attention head d_kv' },
  layers: { suffix: 'l', description: 'layers' },
};

function dimFields(stack: 'encoder' | 'decoder'): Field<number>[] {
  const prefix = stack === 'encoder' ? 'enc' : 'dec';
  const slot = stack === 'encoder' ? 'encoderCustom' : 'decoderCustom';
  return (Object.keys(DIM_KEYS) as (keyof StackDims)[]).map((dim) =>
    numberField(
      prefix + DIM_KEYS[dim].suffix,
      `custom ${stack} ${DIM_KEYS[dim].description}`,
      { ...DIM_LIMITS[dim], integer: true },
      (c) => c[slot][dim],
      (c, v) => ({ ...c, [slot]: { ...c[slot], [dim]: v } }),
    ),
  );
}

function hardwareField(
  key: string,
  description: string,
  options: NumberOptions,
  slot: keyof CustomHardware,
): Field<number> {
  return numberField(
    key,
    description,
    options,
    (c) => c.customHardware[slot],
    (c, v) => ({ ...c, customHardware: { ...c.customHardware, [slot]: v } }),
  );
}

/** Upper limits of the workload: far beyond any FiD setting, small enough to evaluate fast. */
export const WORKLOAD_LIMITS = {
  passages: { min: 1, max: 1000 },
  passageTokens: { min: 1, max: 8192 },
  targetTokens: { min: 1, max: 4096 },
  batchSize: { min: 1, max: 4096 },
};

/** Every URL key of a configuration, in the order they are written. */
export const CONFIG_FIELDS: readonly Field<never>[] = [
  choiceField('enc', 'encoder size', SIZE_NAMES, (c) => c.encoderSize, (c, v) => ({ ...c, encoderSize: v })),
  choiceField('dec', 'decoder size', SIZE_NAMES, (c) => c.decoderSize, (c, v) => ({ ...c, decoderSize: v })),
  numberField('passages', 'retrieved passages', { ...WORKLOAD_LIMITS.passages, integer: true },
    (c) => c.passages, (c, v) => ({ ...c, passages: v })),
  numberField('ptokens', 'tokens per passage, question included', { ...WORKLOAD_LIMITS.passageTokens, integer: true },
    (c) => c.passageTokens, (c, v) => ({ ...c, passageTokens: v })),
  numberField('ttokens', 'generated target tokens', { ...WORKLOAD_LIMITS.targetTokens, integer: true },
    (c) => c.targetTokens, (c, v) => ({ ...c, targetTokens: v })),
  numberField('batch', 'requested batch size', { ...WORKLOAD_LIMITS.batchSize, integer: true },
    (c) => c.batchSize, (c, v) => ({ ...c, batchSize: v })),
  numberField('k', 'cross-attention period K (1 keeps every layer)', { min: 1, max: 128, integer: true },
    (c) => c.crossAttentionPeriod, (c, v) => ({ ...c, crossAttentionPeriod: v })),
  numberField('kv', 'decoder key/value heads g (0 = as many as query heads)', { min: 0, max: 256, integer: true },
    (c) => c.kvHeads, (c, v) => ({ ...c, kvHeads: v })),
  numberField('firstk', 'FiD-Light encoder vectors kept per passage (0 = all)', { min: 0, max: 8192, integer: true },
    (c) => c.firstK, (c, v) => ({ ...c, firstK: v })),
  choiceField('prec', 'precision of weights and caches', PRECISION_NAMES, (c) => c.precision, (c, v) => ({ ...c, precision: v })),
  choiceField('hw', 'accelerator', HARDWARE_NAMES, (c) => c.hardware, (c, v) => ({ ...c, hardware: v })),
  hardwareField('peak', 'custom accelerator peak in TFLOP/s', { min: 1e-6, max: 1e6, integer: false, scale: 1e12 }, 'peakFlopsPerSecond'),
  hardwareField('bw', 'custom accelerator memory bandwidth in GB/s', { min: 1e-3, max: 1e6, integer: false, scale: 1e9 }, 'memoryBytesPerSecond'),
  hardwareField('mem', 'custom accelerator memory capacity in GB', { min: 1e-3, max: 1e6, integer: false, scale: 1e9 }, 'memoryBytes'),
  numberField('ceff', 'compute efficiency in percent of peak FLOP/s', { min: 1, max: 100, integer: false, scale: 0.01 },
    (c) => c.computeEfficiency, (c, v) => ({ ...c, computeEfficiency: v })),
  numberField('beff', 'bandwidth efficiency in percent of peak bandwidth', { min: 1, max: 100, integer: false, scale: 0.01 },
    (c) => c.bandwidthEfficiency, (c, v) => ({ ...c, bandwidthEfficiency: v })),
  ...dimFields('encoder'),
  ...dimFields('decoder'),
  numberField('vocab', 'vocabulary size', { min: 2, max: 1_000_000, integer: true },
    (c) => c.vocabSize, (c, v) => ({ ...c, vocabSize: v })),
] as unknown as readonly Field<never>[];

/** Keys written only when the matching choice is `custom`. */
export const CUSTOM_ONLY_KEYS: Record<string, (c: Config) => boolean> = {
  peak: (c) => c.hardware === 'custom',
  bw: (c) => c.hardware === 'custom',
  mem: (c) => c.hardware === 'custom',
  ...Object.fromEntries(Object.values(DIM_KEYS).map(({ suffix }) => [`enc${suffix}`, (c: Config) => c.encoderSize === 'custom'])),
  ...Object.fromEntries(Object.values(DIM_KEYS).map(({ suffix }) => [`dec${suffix}`, (c: Config) => c.decoderSize === 'custom'])),
};
