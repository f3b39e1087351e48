/**
 * fast-check generators of configurations, built from the URL schema's own ranges so a
 * new key is covered without editing the tests.
 */
import fc from 'fast-check';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { SIZE_NAMES, T5_SIZES, presetDims, type PresetSizeName } from '@/lib/config/models';
import { CONFIG_FIELDS, type Field } from '@/lib/config/schema';
import { normalizeConfig } from '@/lib/config/url';

export const FIELDS = CONFIG_FIELDS as readonly Field<unknown>[];

export const PRESET_SIZES = SIZE_NAMES.filter((size): size is PresetSizeName => size !== 'custom');

/** Significant digits of generated real numbers: short enough to survive the URL's 12. */
const REAL_DIGITS = 6;

/** A value of `field` in config units, as the page could hold it. */
export function fieldValue(field: Field<unknown>): fc.Arbitrary<unknown> {
  if (field.choices) return fc.constantFrom(...field.choices);
  const limits = field.limits;
  if (!limits) throw new Error(`field ${field.key} has neither choices nor limits`);
  const { min, max, integer, scale } = limits;
  if (integer) return fc.integer({ min, max }).map((value) => value * scale);
  // Log-uniform, so ranges such as 1e-6 to 1e6 TFLOP/s are covered at every magnitude.
  return fc
    .double({ min: Math.log10(min), max: Math.log10(max), noNaN: true })
    .map((exponent) => Math.min(max, Math.max(min, Number((10 ** exponent).toPrecision(REAL_DIGITS)))) * scale);
}

/** Any configuration the URL can express, made consistent by `normalizeConfig`. */
export const anyConfig: fc.Arbitrary<Config> = fc
  .tuple(...FIELDS.map(fieldValue))
  .map((values) => {
    let config: Config = { ...DEFAULT_CONFIG };
    FIELDS.forEach((field, i) => (config = field.set(config, values[i] as never)));
    return normalizeConfig(config).config;
  });

/** Divisors of `n`, for key/value heads that need no correction. */
export function divisors(n: number): number[] {
  const result: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) result.push(d);
  return result;
}

/**
 * A FiD-like workload on preset sizes with a modest batch: most of these fit in memory,
 * which the monotonicity properties need.
 */
export const realisticConfig: fc.Arbitrary<Config> = fc
  .record({
    encoderSize: fc.constantFrom(...PRESET_SIZES),
    decoderSize: fc.constantFrom(...PRESET_SIZES),
    passages: fc.integer({ min: 1, max: 100 }),
    passageTokens: fc.integer({ min: 8, max: 512 }),
    targetTokens: fc.integer({ min: 1, max: 128 }),
    batchSize: fc.integer({ min: 1, max: 128 }),
    periodIndex: fc.nat(),
    kvIndex: fc.nat(),
    firstK: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 64 })),
    hardware: fc.constantFrom('tpuv4', 'a100', 'h100', 'h200') as fc.Arbitrary<Config['hardware']>,
    precision: fc.constantFrom('bf16', 'fp32', 'int8') as fc.Arbitrary<Config['precision']>,
  })
  .map(({ periodIndex, kvIndex, ...rest }) => {
    const decoder = T5_SIZES[rest.decoderSize];
    const kvChoices = [0, ...divisors(decoder.heads).filter((d) => d < decoder.heads)];
    const config: Config = {
      ...DEFAULT_CONFIG,
      ...rest,
      crossAttentionPeriod: 1 + (periodIndex % decoder.layers),
      kvHeads: kvChoices[kvIndex % kvChoices.length],
      firstK: Math.min(rest.firstK, rest.passageTokens),
      encoderCustom: presetDims(rest.encoderSize),
      decoderCustom: presetDims(rest.decoderSize),
    };
    return normalizeConfig(config).config;
  });
