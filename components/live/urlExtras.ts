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
import { BACKEND_URL_KEY, parseBackendChoice } from '@/lib/fido/backends';
import type { BackendChoice } from '@/lib/fido/protocol';

export const SEED_URL_KEY = 'seed';
export const DEFAULT_SEED = 1;
const MAX_SEED = 2 ** 31 - 1;

export const REPEATS_URL_KEY = 'repeats';
/** Timed runs per model: five give a median that one slow run cannot move. */
export const DEFAULT_REPEATS = 5;
export const MAX_REPEATS = 20;

/** Parses a whole number in [min, max]; anything else falls back or is clamped, with a notice. */
function parseCount(raw: string | null, key: string, min: number, max: number, fallback: number): { value: number; notice?: Notice } {
  if (raw === null) return { value: fallback };
  const text = raw.trim();
  const given = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (!/^\d+$/.test(text)) {
    return { value: fallback, notice: { key, given, used: String(fallback), reason: 'not a whole number; the default is used' } };
  }
  const value = Number(text);
  if (value > max) return { value: max, notice: { key, given, used: String(max), reason: `above the maximum ${max}` } };
  if (value < min) return { value: min, notice: { key, given, used: String(min), reason: `below the minimum ${min}` } };
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
  const backend = parseBackendChoice(params.get(prefix + BACKEND_URL_KEY), prefix + BACKEND_URL_KEY);
  const seed = parseSeed(params.get(prefix + SEED_URL_KEY), prefix + SEED_URL_KEY);
  const repeats = parseRepeats(params.get(prefix + REPEATS_URL_KEY), prefix + REPEATS_URL_KEY);
  const notices = [backend.notice, seed.notice, repeats.notice].filter((n): n is Notice => n !== undefined);
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
