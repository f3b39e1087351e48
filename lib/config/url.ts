/**
 * Reads a configuration from a URL query and writes it back. Parsing never throws:
 * unknown keys are ignored, and a malformed, out-of-range or inconsistent value is
 * replaced by a usable one with a notice naming the key, the value given and the value
 * used. Writing omits every key equal to its default.
 */
import { DEFAULT_CONFIG, type Config } from './config';
import { HARDWARE_PRESETS } from './hardware';
import { presetDims } from './models';
import { CONFIG_FIELDS, CUSTOM_ONLY_KEYS, type Field, type Notice } from './schema';
import { pluralize } from '../text/plural';

export type { Notice } from './schema';

export interface ParsedConfig {
  config: Config;
  notices: Notice[];
}

/**
 * Maximum query length in characters. Anything past it is dropped, so a hostile URL stays
 * cheap to parse, and `parseConfig` adds a notice.
 */
export const MAX_QUERY_CHARS = 8192;

/** Key of the notice for a query longer than `MAX_QUERY_CHARS`. It names no setting. */
export const LONG_QUERY_NOTICE_KEY = 'link length';

/** Returns how many leading characters of `input` are read: all, or up to the last `&` within `MAX_QUERY_CHARS`. */
function readLength(input: string): number {
  if (input.length <= MAX_QUERY_CHARS) return input.length;
  // Cutting inside a key=value pair would read a key or value the link does not contain,
  // so with no whole pair within the limit nothing is read.
  return Math.max(0, input.lastIndexOf('&', MAX_QUERY_CHARS));
}

/** Returns a notice when `input` is longer than `MAX_QUERY_CHARS`, else null. */
export function longQueryNotice(input: string | URLSearchParams): Notice | null {
  if (typeof input !== 'string' || input.length <= MAX_QUERY_CHARS) return null;
  return {
    key: LONG_QUERY_NOTICE_KEY,
    given: `${input.length.toLocaleString('en-US')} characters`,
    used: `${readLength(input).toLocaleString('en-US')} characters`,
    reason: `a link is read up to its last whole key=value pair within ${MAX_QUERY_CHARS.toLocaleString('en-US')} characters, so every key after it was ignored`,
  };
}

/** Extracts the query of a whole URL, a `?query` or a bare `a=b&c=d` string. */
export function toSearchParams(input: string | URLSearchParams): URLSearchParams {
  if (typeof input !== 'string') return input;
  let text = input.slice(0, readLength(input));
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(0, hash);
  const question = text.indexOf('?');
  if (question >= 0) text = text.slice(question + 1);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = '';
  return new URLSearchParams(text);
}

function show(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** Keys of the shared configuration, without a prefix. */
export const CONFIG_KEYS: ReadonlySet<string> = new Set(CONFIG_FIELDS.map((field) => field.key));

/** Names a key for a notice, so an empty or blank key is still visible. */
function keyLabel(key: string): string {
  if (key === '') return '(empty key)';
  if (key.trim() === '') return JSON.stringify(key);
  return show(key);
}

/** Unknown keys listed one by one; the last listed notice counts the rest. */
const MAX_UNKNOWN_KEY_NOTICES = 8;

/**
 * Returns a notice for each key of `input` that `isKnown` rejects, so a misspelt key is not
 * silently left at its default. Each key is listed once, and at most
 * `MAX_UNKNOWN_KEY_NOTICES` of them.
 */
export function unknownKeyNotices(input: string | URLSearchParams, isKnown: (key: string) => boolean): Notice[] {
  const unknown = new Map<string, string>();
  for (const [key, value] of toSearchParams(input)) {
    if (!isKnown(key) && !unknown.has(key)) unknown.set(key, value);
  }
  const notices: Notice[] = [...unknown].slice(0, MAX_UNKNOWN_KEY_NOTICES).map(([key, value]) => ({
    key: keyLabel(key),
    given: show(value),
    used: null,
    reason: 'not a setting of this page; check the spelling',
  }));
  const rest = unknown.size - notices.length;
  if (rest > 0) notices[notices.length - 1].reason += `; ${pluralize(rest, 'more unknown key')} not listed`;
  return notices;
}

/**
 * Parses the configuration keys of `input`. With a `prefix` (such as `b.`) only keys that
 * start with it are read, so two configurations can share one URL. Missing keys take
 * their value from `defaults`, which a page with other defaults (the tiny model) passes.
 */
export function parseConfig(
  input: string | URLSearchParams,
  prefix = '',
  defaults: Readonly<Config> = DEFAULT_CONFIG,
): ParsedConfig {
  const params = toSearchParams(input);
  // Only the unprefixed configuration reports the cut, so a page with two lists it once.
  const cut = prefix === '' ? longQueryNotice(input) : null;
  const notices: Notice[] = cut ? [cut] : [];
  let config: Config = { ...defaults };

  for (const field of CONFIG_FIELDS as readonly Field<unknown>[]) {
    const key = prefix + field.key;
    const values = params.getAll(key);
    if (values.length === 0) continue;
    const raw = values[0];
    const fallback = field.get(defaults);
    const { value, reason } = field.parse(raw, fallback);
    config = field.set(config, value);
    if (reason) notices.push({ key, given: show(raw), used: field.format(value), reason });
    if (values.length > 1) {
      notices.push({
        key,
        given: values.map(show).join(', '),
        used: field.format(value),
        reason: `given ${values.length} times; the first value is used`,
      });
    }
  }

  return normalizeConfig(config, notices, prefix, params);
}

function largestDivisorAtMost(n: number, limit: number): number {
  for (let d = Math.min(n, limit); d > 1; d--) if (n % d === 0) return d;
  return 1;
}

/**
 * Adds a consistency notice, or folds it into an earlier notice on the same key (a range
 * clamp) so the reader sees one line with the value first given and the value finally used.
 */
export function addNotice(notices: Notice[], notice: Notice): void {
  const earlier = notices.find((n) => n.key === notice.key && !n.reason.startsWith('given '));
  if (!earlier) {
    notices.push(notice);
    return;
  }
  earlier.used = notice.used;
  earlier.reason = `${earlier.reason}, and ${notice.reason}`;
}

/**
 * Merges notices that name the same URL key into one line, in first-seen order: the
 * longest given text (a repeated key lists every value), the last value used and every
 * reason. `?passages=-99999&passages=1e9` then reads as one notice, not two. A key that
 * ends up ignored keeps only the reason it is ignored, because no earlier outcome applies.
 */
export function oneNoticePerKey(notices: readonly Notice[]): Notice[] {
  const byKey = new Map<string, Notice>();
  for (const notice of notices) {
    const earlier = byKey.get(notice.key);
    if (!earlier) {
      byKey.set(notice.key, { ...notice });
      continue;
    }
    if (notice.given.length > earlier.given.length) earlier.given = notice.given;
    earlier.used = notice.used;
    earlier.reason = notice.used === null ? notice.reason : `${earlier.reason}, and ${notice.reason}`;
  }
  return [...byKey.values()];
}

/**
 * Makes the fields agree with each other. Custom dimensions mirror a preset size and custom
 * hardware mirrors a preset accelerator at the chosen precision. Then g divides the query
 * heads, K does not exceed the decoder's layers and first-k does not exceed the passage
 * length. Exported for callers that build a `Config` by hand.
 */
export function normalizeConfig(
  input: Config,
  notices: Notice[] = [],
  prefix = '',
  params?: URLSearchParams,
): ParsedConfig {
  const config = { ...input };

  for (const stack of ['enc', 'dec'] as const) {
    const size = stack === 'enc' ? config.encoderSize : config.decoderSize;
    if (size === 'custom') continue;
    if (stack === 'enc') config.encoderCustom = presetDims(size);
    else config.decoderCustom = presetDims(size);
    for (const key of Object.keys(CUSTOM_ONLY_KEYS).filter((k) => k.startsWith(stack))) {
      const given = params?.get(prefix + key);
      if (given != null) {
        notices.push({ key: prefix + key, given: show(given), used: null, reason: `${prefix}${stack} is ${size}, not custom` });
      }
    }
  }

  if (config.hardware !== 'custom') {
    const preset = HARDWARE_PRESETS[config.hardware];
    config.customHardware = {
      peakFlopsPerSecond: preset.peakFlopsPerSecond[config.precision],
      memoryBytesPerSecond: preset.memoryBytesPerSecond,
      memoryBytes: preset.memoryBytes,
    };
    for (const key of ['peak', 'bw', 'mem']) {
      const given = params?.get(prefix + key);
      if (given != null) {
        notices.push({ key: prefix + key, given: show(given), used: null, reason: `${prefix}hw is ${config.hardware}, not custom` });
      }
    }
  }

  const decoder = config.decoderCustom;
  if (config.kvHeads >= decoder.heads) {
    // A kv already clamped to the query heads has a notice, which must now report 0.
    const noticed = notices.some((n) => n.key === prefix + 'kv');
    if (config.kvHeads > decoder.heads || noticed) {
      addNotice(notices, {
        key: prefix + 'kv',
        given: String(config.kvHeads),
        used: '0',
        reason: `as many key/value heads as the decoder's ${decoder.heads} query heads or more; multi-head is used`,
      });
    }
    config.kvHeads = 0;
  } else if (config.kvHeads > 0 && decoder.heads % config.kvHeads !== 0) {
    const used = largestDivisorAtMost(decoder.heads, config.kvHeads);
    addNotice(notices, {
      key: prefix + 'kv',
      given: String(config.kvHeads),
      used: String(used),
      reason: `key/value heads must divide the decoder's ${decoder.heads} query heads`,
    });
    config.kvHeads = used;
  }

  if (config.crossAttentionPeriod > decoder.layers) {
    addNotice(notices, {
      key: prefix + 'k',
      given: String(config.crossAttentionPeriod),
      used: String(decoder.layers),
      reason: `the decoder has ${pluralize(decoder.layers, 'layer')}, so a larger period would remove all cross-attention`,
    });
    config.crossAttentionPeriod = decoder.layers;
  }

  if (config.firstK > config.passageTokens) {
    addNotice(notices, {
      key: prefix + 'firstk',
      given: String(config.firstK),
      used: String(config.passageTokens),
      reason: `a passage has only ${pluralize(config.passageTokens, 'token')}`,
    });
    config.firstK = config.passageTokens;
  }

  return { config, notices };
}

/** Writes the keys of `config` that differ from `defaults`, in table order. */
export function serializeConfig(
  config: Config,
  prefix = '',
  defaults: Readonly<Config> = DEFAULT_CONFIG,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of CONFIG_FIELDS as readonly Field<unknown>[]) {
    const applies = CUSTOM_ONLY_KEYS[field.key];
    if (applies && !applies(config)) continue;
    const text = field.format(field.get(config));
    if (text !== field.format(field.get(defaults))) params.set(prefix + field.key, text);
  }
  return params;
}

/** `?key=value&…` for the configuration, or an empty string when it is the default. */
export function configQuery(config: Config, prefix = '', defaults: Readonly<Config> = DEFAULT_CONFIG): string {
  const text = serializeConfig(config, prefix, defaults).toString();
  return text ? `?${text}` : '';
}

export function configsEqual(a: Config, b: Config): boolean {
  return serializeConfig(a).toString() === serializeConfig(b).toString();
}
