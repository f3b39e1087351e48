'use client';
/**
 * URL keys of the live bench beyond the shared configuration: the backend choice
 * (`backend`: auto, webgl, wasm or cpu), the weight seed (`seed`) and the timed runs per
 * model (`repeats`). They are parsed like
 * the configuration's keys (invalid values fall back to the default with a notice), written
 * only when they differ from the default, and every other key of the query is kept.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '@/lib/config/url';
import { parseBackendChoice } from '@/lib/fido/backends';
import { BACKEND_URL_KEY, REPEATS_URL_KEY, SEED_URL_KEY } from '@/lib/fido/urlKeys';
import type { BackendChoice } from '@/lib/fido/protocol';

export { EMBEDDED_LIVE_PREFIX, LIVE_EXTRA_KEYS, REPEATS_URL_KEY, SEED_URL_KEY } from '@/lib/fido/urlKeys';

export const DEFAULT_SEED = 1;
const MAX_SEED = 2 ** 31 - 1;

/** Timed runs per model: five give a median that one slow run cannot move. */
export const DEFAULT_REPEATS = 5;
export const MAX_REPEATS = 20;

/** A decimal number as the shared URL schema accepts it: sign, digits, point, exponent. */
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a whole number in [min, max] like the configuration's integer keys: a
 * fraction is rounded and a number out of range is clamped, each with a notice. Only
 * text that is not a number falls back to the default.
 */
function parseCount(raw: string | null, key: string, min: number, max: number, fallback: number): { value: number; notice?: Notice } {
  if (raw === null) return { value: fallback };
  const text = raw.trim();
  const given = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const parsed = NUMBER_PATTERN.test(text) ? Number(text) : Number.NaN;
  if (Number.isNaN(parsed)) {
    return { value: fallback, notice: { key, given, used: String(fallback), reason: 'not a number; the default is used' } };
  }
  // 1e999 parses to Infinity and is clamped like any other number above the maximum.
  if (parsed > max) return { value: max, notice: { key, given, used: String(max), reason: `above the maximum ${max}` } };
  if (parsed < min) return { value: min, notice: { key, given, used: String(min), reason: `below the minimum ${min}` } };
  const value = Math.round(parsed);
  if (value !== parsed) return { value, notice: { key, given, used: String(value), reason: 'rounded to a whole number' } };
  return { value };
}

export function parseSeed(raw: string | null, key = SEED_URL_KEY): { value: number; notice?: Notice } {
  return parseCount(raw, key, 0, MAX_SEED, DEFAULT_SEED);
}

export function parseRepeats(raw: string | null, key = REPEATS_URL_KEY): { value: number; notice?: Notice } {
  return parseCount(raw, key, 1, MAX_REPEATS, DEFAULT_REPEATS);
}

export interface LiveExtras {
  backend: BackendChoice;
  seed: number;
  repeats: number;
}

export const DEFAULT_EXTRAS: Readonly<LiveExtras> = Object.freeze({ backend: 'auto', seed: DEFAULT_SEED, repeats: DEFAULT_REPEATS });

/** Reads the backend, seed and repeats under `prefix` from a query string. */
export function parseExtras(search: string, prefix = ''): { extras: LiveExtras; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const repeated: Notice[] = [];
  // Like the configuration's keys, a repeated key uses its first value, with a notice.
  const first = (key: string): string | null => {
    const values = params.getAll(key);
    if (values.length > 1) {
      repeated.push({ key, given: values.join(', '), used: values[0], reason: `given ${values.length} times; the first value is used` });
    }
    return values.length > 0 ? values[0] : null;
  };
  const backend = parseBackendChoice(first(prefix + BACKEND_URL_KEY), prefix + BACKEND_URL_KEY);
  const seed = parseSeed(first(prefix + SEED_URL_KEY), prefix + SEED_URL_KEY);
  const repeats = parseRepeats(first(prefix + REPEATS_URL_KEY), prefix + REPEATS_URL_KEY);
  const notices = [backend.notice, seed.notice, repeats.notice, ...repeated].filter((n): n is Notice => n !== undefined);
  return { extras: { backend: backend.value, seed: seed.value, repeats: repeats.value }, notices };
}

/** Returns the query `search` with the backend, seed and repeats under `prefix` set, or removed when default. */
export function mergeExtras(search: string, extras: LiveExtras, prefix = ''): string {
  const params = new URLSearchParams(search);
  if (extras.backend === 'auto') params.delete(prefix + BACKEND_URL_KEY);
  else params.set(prefix + BACKEND_URL_KEY, extras.backend);
  if (extras.seed === DEFAULT_SEED) params.delete(prefix + SEED_URL_KEY);
  else params.set(prefix + SEED_URL_KEY, String(extras.seed));
  if (extras.repeats === DEFAULT_REPEATS) params.delete(prefix + REPEATS_URL_KEY);
  else params.set(prefix + REPEATS_URL_KEY, String(extras.repeats));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useLiveExtras(prefix = '') {
  const [extras, setExtrasState] = useState<LiveExtras>(DEFAULT_EXTRAS);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const read = () => {
      const parsed = parseExtras(window.location.search, prefix);
      setExtrasState(parsed.extras);
      setNotices(parsed.notices);
      setReady(true);
    };
    read();
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, [prefix]);

  const setExtras = useCallback(
    (next: LiveExtras) => {
      setExtrasState(next);
      setNotices([]);
      const query = mergeExtras(window.location.search, next, prefix);
      if (query !== window.location.search) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}${window.location.hash}`);
      }
    },
    [prefix],
  );

  return { extras, notices, ready, setExtras };
}
