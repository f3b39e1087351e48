// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, effectiveKvHeads, type Config } from '@/lib/config/config';
import { HARDWARE_PRESETS } from '@/lib/config/hardware';
import { presetDims } from '@/lib/config/models';
import { CUSTOM_ONLY_KEYS, type Field } from '@/lib/config/schema';
import { CONFIG_KEYS, configQuery, normalizeConfig, parseConfig, serializeConfig, toSearchParams, unknownKeyNotices } from '@/lib/config/url';
import { FIELDS, anyConfig, fieldValue } from './arbitraries';

/** Selects the choice that makes a custom-only key apply. */
function enableKey(config: Config, key: string): Config {
  if (!CUSTOM_ONLY_KEYS[key]) return config;
  if (key.startsWith('enc')) return { ...config, encoderSize: 'custom' };
  if (key.startsWith('dec')) return { ...config, decoderSize: 'custom' };
  return { ...config, hardware: 'custom' };
}

describe('URL defaults', () => {
  it.each(['', '?', 'http://127.0.0.1:3000/playground/', 'http://127.0.0.1:3000/playground/?#k=6', '#k=6'])(
    'gives the defaults for %j',
    (query) => {
      const { config, notices } = parseConfig(query);

      expect(config).toEqual(DEFAULT_CONFIG);
      expect(notices).toEqual([]);
    },
  );

  it('writes nothing for the defaults', () => {
    expect(serializeConfig(DEFAULT_CONFIG).toString()).toBe('');
    expect(configQuery(DEFAULT_CONFIG)).toBe('');
  });

  it('ignores unknown keys', () => {
    const withUnknown = parseConfig('?foo=1&enc=large&__proto__=x&constructor=1&ENC=xl&b.enc=xxl&utm_source=mail');
    const plain = parseConfig('?enc=large');

    expect(withUnknown.config).toEqual(plain.config);
    expect(withUnknown.notices).toEqual([]);
  });

  it('reads a whole URL and drops the fragment', () => {
    const { config } = parseConfig('http://127.0.0.1:3000/playground/?enc=large&k=6#k=3');

    expect(config.encoderSize).toBe('large');
    expect(config.crossAttentionPeriod).toBe(6);
  });

  it('reads only prefixed keys with a prefix', () => {
    const { config, notices } = parseConfig('?k=3&b.k=6&b.kv=1&kv=4', 'b.');

    expect(config.crossAttentionPeriod).toBe(6);
    expect(config.kvHeads).toBe(1);
    expect(notices).toEqual([]);
  });
});

describe('kv notice', () => {
  it('says multi-head when a clamped kv equals the heads', () => {
    const { config, notices } = parseConfig('?dec=custom&dech=1e9&kv=1e9');
    const kv = notices.filter((notice) => notice.key === 'kv');

    expect(config.kvHeads).toBe(0);
    expect(kv).toHaveLength(1);
    expect(kv[0].given).toBe('1e9');
    expect(kv[0].used).toBe('0');
    expect(kv[0].reason).toContain('multi-head is used');
  });

  it('stays silent when kv equals the heads as given', () => {
    const { config, notices } = parseConfig('?dec=custom&dech=8&kv=8');

    expect(config.kvHeads).toBe(0);
    expect(notices.filter((notice) => notice.key === 'kv')).toEqual([]);
  });
});

describe('URL round trip', () => {
  it.each(FIELDS.map((field) => [field.key, field] as const))('round-trips key %s', (key, field: Field<unknown>) => {
    fc.assert(
      fc.property(fieldValue(field), (value) => {
        const config = normalizeConfig(enableKey(field.set({ ...DEFAULT_CONFIG }, value as never), key)).config;
        const query = serializeConfig(config).toString();
        const parsed = parseConfig(query);

        expect(parsed.config).toEqual(config);
        expect(parsed.notices).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('parses what it serializes', () => {
    fc.assert(
      fc.property(anyConfig, (config) => {
        const parsed = parseConfig(configQuery(config));

        expect(parsed.config).toEqual(config);
        expect(parsed.notices).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips under a prefix', () => {
    fc.assert(
      fc.property(anyConfig, anyConfig, (first, second) => {
        const query = `${serializeConfig(first)}&${serializeConfig(second, 'b.')}`;

        expect(parseConfig(query).config).toEqual(first);
        expect(parseConfig(query, 'b.').config).toEqual(second);
      }),
      { numRuns: 100 },
    );
  });

  it('writes only keys that differ from the defaults', () => {
    fc.assert(
      fc.property(anyConfig, (config) => {
        const written = serializeConfig(config);

        for (const field of FIELDS) {
          const text = field.format(field.get(config));
          const differs = text !== field.format(field.get(DEFAULT_CONFIG));
          const applies = CUSTOM_ONLY_KEYS[field.key]?.(config) ?? true;
          expect(written.get(field.key), field.key).toBe(differs && applies ? text : null);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps normalized configurations unchanged', () => {
    fc.assert(
      fc.property(anyConfig, (config) => {
        const again = normalizeConfig(config);

        expect(again.config).toEqual(config);
        expect(again.notices).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Hostile input

const HOSTILE_VALUES = [
  '', ' ', 'NaN', 'nan', 'Infinity', '-Infinity', '1e400', '-1e400', '1e-400', '1e308', '9'.repeat(400),
  '0x10', '0X1f', '0b11', '0o7', '1_000', '1,5', ' 12 ', '+5', '-0', '.5', '5.', '1e3', '1E3', '-3', '-1e9',
  '3.5', '2.4999999999999999', '0', '00012', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE c;--", '%00', '\u0000', '\u202e12', 'ℵ', '１２', '٣', '🙂', 'null', 'undefined', 'true',
  '[]', '{}', 'custom', 'XXL', ' large ', 'Large', 'tpuv4', 'TPUV4', 'fp32', 'constructor', '__proto__',
  'a'.repeat(20000), '&', '=', '%26k%3D6', '%E0%A4%A', '%',
];

const KEYS = FIELDS.map((field) => field.key);

const hostileKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...KEYS.map((key) => `b.${key}`)) },
  { weight: 1, arbitrary: fc.constantFrom('foo', '__proto__', 'constructor', 'ENC', ' enc', 'enc ', 'k[]', 'b.', '.k', 'hasOwnProperty') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const hostileValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map(String) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3000 }) },
);

const encoders: ((text: string) => string)[] = [(text) => text, encodeURIComponent, (text) => encodeURIComponent(encodeURIComponent(text))];

const hostileQuery = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.array(fc.tuple(hostileKey, hostileValue, fc.nat(encoders.length - 1)), { maxLength: 30 }),
        fc.constantFrom('', '?', 'http://127.0.0.1:3000/playground/?', '??', '/?'),
        fc.constantFrom('&', '&&', ';', '%26', '&amp;'),
        fc.constantFrom('', '#x', '#k=6&kv=1'),
      )
      .map(([pairs, start, separator, end]) =>
        start + pairs.map(([key, value, e]) => `${encoders[e](key)}=${encoders[e](value)}`).join(separator) + end,
      ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

/** Checks every field against its range and the fields against each other. */
function expectValid(config: Config): void {
  for (const field of FIELDS) {
    const value = field.get(config);
    if (field.choices) {
      expect(field.choices, field.key).toContain(value);
      continue;
    }
    const { min, max, integer, scale } = field.limits!;
    const number = value as number;
    expect(Number.isFinite(number), field.key).toBe(true);
    expect(number / scale, field.key).toBeGreaterThanOrEqual(min * (1 - 1e-12));
    expect(number / scale, field.key).toBeLessThanOrEqual(max * (1 + 1e-12));
    if (integer) expect(Number.isInteger(number), field.key).toBe(true);
  }

  const decoder = config.decoderCustom;
  expect(config.kvHeads === 0 || (config.kvHeads < decoder.heads && decoder.heads % config.kvHeads === 0)).toBe(true);
  expect(config.crossAttentionPeriod).toBeLessThanOrEqual(decoder.layers);
  expect(config.firstK).toBeLessThanOrEqual(config.passageTokens);
  if (config.encoderSize !== 'custom') expect(config.encoderCustom).toEqual(presetDims(config.encoderSize));
  if (config.decoderSize !== 'custom') expect(config.decoderCustom).toEqual(presetDims(config.decoderSize));
  if (config.hardware !== 'custom') {
    const preset = HARDWARE_PRESETS[config.hardware];
    expect(config.customHardware).toEqual({
      peakFlopsPerSecond: preset.peakFlopsPerSecond[config.precision],
      memoryBytesPerSecond: preset.memoryBytesPerSecond,
      memoryBytes: preset.memoryBytes,
    });
  }
}

/**
 * Returns true when the value used for `field` equals the raw text read as a plain
 * JavaScript number or name. Any other value is a change the page must report.
 */
function usedAsGiven(field: Field<unknown>, raw: string, config: Config): boolean {
  const used = field.get(config);
  if (field.choices) return raw.trim().toLowerCase() === used;
  const given = Number(raw.trim()) * field.limits!.scale;
  if (field.key === 'kv') return given === used || (given === config.decoderCustom.heads && effectiveKvHeads(config) === given);
  return given === used;
}

function expectNoticeForEachChange(query: string, prefix: string): void {
  const params = toSearchParams(query);
  const { config, notices } = parseConfig(query, prefix);
  const noticed = new Set(notices.map((notice) => notice.key));

  for (const field of FIELDS) {
    const key = prefix + field.key;
    const values = params.getAll(key);
    if (values.length === 0) continue;
    const appliesTo = CUSTOM_ONLY_KEYS[field.key];
    const ignored = appliesTo !== undefined && !appliesTo(config);
    if (values.length > 1 || ignored || !usedAsGiven(field, values[0], config)) {
      expect(noticed.has(key), `${key}=${values.join(',')} changed without a notice`).toBe(true);
    }
  }
  for (const notice of notices) {
    expect(notice.key.startsWith(prefix)).toBe(true);
    expect(notice.reason.length).toBeGreaterThan(0);
    // Each value is cut to 40 characters and an ellipsis, so a long hostile value is not echoed.
    for (const shown of notice.given.split(', ')) expect(shown.length).toBeLessThanOrEqual(41);
  }
}

describe('URL hostile input', () => {
  it('keeps every key valid for each hostile value', () => {
    for (const value of HOSTILE_VALUES) {
      for (const key of KEYS) {
        const query = `?${key}=${encodeURIComponent(value)}`;
        expect(() => parseConfig(query), query).not.toThrow();
        expectValid(parseConfig(query).config);
        expectNoticeForEachChange(query, '');
      }
    }
  });

  it('keeps generated queries valid', () => {
    fc.assert(
      fc.property(hostileQuery, fc.constantFrom('', 'b.'), (query, prefix) => {
        expectValid(parseConfig(query, prefix).config);
        expectNoticeForEachChange(query, prefix);
      }),
      { numRuns: 1500 },
    );
  });

  it('serializes a parsed query stably', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const once = serializeConfig(parseConfig(query).config).toString();
        const reparsed = parseConfig(once);

        expect(serializeConfig(reparsed.config).toString()).toBe(once);
        expect(reparsed.notices).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('uses the first of repeated keys with a notice', () => {
    const { config, notices } = parseConfig('?k=6&k=3&k=2');

    expect(config.crossAttentionPeriod).toBe(6);
    expect(notices).toEqual([expect.objectContaining({ key: 'k', reason: 'given 3 times; the first value is used' })]);
  });

  it('reads a 5000-digit value as above the maximum', () => {
    const long = parseConfig(`?k=${'9'.repeat(5000)}`);
    const short = parseConfig('?k=99999999999');

    expect(long.config.crossAttentionPeriod).toBe(12);
    expect(long.notices).toEqual([expect.objectContaining({ key: 'k', used: '12' })]);
    expect(long.notices[0].reason).toMatch(/^above the maximum /);
    expect(long.notices[0].reason).toBe(short.notices[0].reason);
  });

  it('lists unknown keys once each', () => {
    const notices = unknownKeyNotices('?passage=4&k=6&passage=5&foo=', (key) => CONFIG_KEYS.has(key));

    expect(notices).toEqual([
      { key: 'passage', given: '4', used: null, reason: 'not a setting of this page; check the spelling' },
      { key: 'foo', given: '', used: null, reason: 'not a setting of this page; check the spelling' },
    ]);
    expect(unknownKeyNotices('?k=6&passages=4', (key) => CONFIG_KEYS.has(key))).toEqual([]);
    expect(unknownKeyNotices('?=4', (key) => CONFIG_KEYS.has(key))[0].key).toBe('(empty key)');
    expect(unknownKeyNotices('?%20=4', (key) => CONFIG_KEYS.has(key))[0].key).toBe('" "');
  });

  it('lists at most eight unknown keys', () => {
    const query = Array.from({ length: 30 }, (_, i) => `x${i}=1`).join('&');
    const notices = unknownKeyNotices(query, (key) => CONFIG_KEYS.has(key));

    expect(notices).toHaveLength(8);
    expect(notices[7].key).toBe('x7');
    expect(notices[7].reason).toBe('not a setting of this page; check the spelling; 22 more unknown keys not listed');
  });

  it('reports a link cut at its length limit', () => {
    // 8,200 characters of an unknown key, then a setting past the limit. No whole pair fits.
    const query = `?x=${'x'.repeat(8195)}&k=6`;
    const { config, notices } = parseConfig(query);

    expect(config.crossAttentionPeriod).toBe(DEFAULT_CONFIG.crossAttentionPeriod);
    expect(notices).toEqual([
      {
        key: 'link length',
        given: `${query.length.toLocaleString('en-US')} characters`,
        used: '0 characters',
        reason: 'a link is read up to its last whole key=value pair within 8,192 characters, so every key after it was ignored',
      },
    ]);
    expect(parseConfig(query, 'b.').notices).toEqual([]);
    expect([...toSearchParams(query).keys()]).toEqual([]);
  });

  it('cuts a long link between two keys', () => {
    // The limit falls inside `k1=1`, which must not be read as a key `k`.
    const pairs = Array.from({ length: 2000 }, (_, i) => `k${i}=1`).join('&');
    const query = `?passages=16&${pairs}`;
    const { config, notices } = parseConfig(query);

    expect(config.passages).toBe(16);
    expect(notices).toHaveLength(1);
    expect(notices[0].key).toBe('link length');
    expect(toSearchParams(query).has('k')).toBe(false);
    const keys = [...toSearchParams(query).keys()];
    expect(keys.at(-1)).toMatch(/^k\d+$/);
    expect(query.slice(0, Number(notices[0].used?.replace(/\D/g, '')))).toMatch(/=1$/);
  });

  it('reads a link at the length limit whole', () => {
    const query = `?passages=16&x=${'x'.repeat(8192 - '?passages=16&x='.length)}`;
    expect(query).toHaveLength(8192);

    expect(parseConfig(query).notices).toEqual([]);
  });

  it('reads a huge negative value as below the minimum', () => {
    const { config, notices } = parseConfig(`?batch=-${'9'.repeat(400)}`);

    expect(config.batchSize).toBe(1);
    expect(notices[0].reason).toBe('below the minimum 1');
  });

  it('writes a one-layer decoder in the singular', () => {
    const { notices } = parseConfig('?dec=custom&decl=1&k=3');

    expect(notices.find((notice) => notice.key === 'k')?.reason).toMatch(/the decoder has 1 layer, so/);
  });

  it('reports custom hardware keys without custom hardware', () => {
    const { config, notices } = parseConfig('?hw=a100&peak=5&bw=10');

    expect(config.customHardware.peakFlopsPerSecond).toBe(HARDWARE_PRESETS.a100.peakFlopsPerSecond.bf16);
    expect(notices.map((notice) => notice.key)).toEqual(['peak', 'bw']);
    expect(notices[0].reason).toMatch(/hw is a100, not custom/);
  });
});
