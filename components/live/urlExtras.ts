'use client';
/**
 * URL keys of the live bench beyond the shared configuration: the backend choice
 * (`backend`: auto, webgl, wasm or cpu) and the weight seed (`seed`). They are parsed like
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

export function parseSeed(raw: string | null, key = SEED_URL_KEY): { value: number; notice?: Notice } {
  if (raw === null) return { value: DEFAULT_SEED };
  const text = raw.trim();
  const given = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (!/^\d+$/.test(text)) {
    return { value: DEFAULT_SEED, notice: { key, given, used: String(DEFAULT_SEED), reason: 'not a whole number; the default is used' } };
  }
  const value = Number(text);
  if (value > MAX_SEED) return { value: MAX_SEED, notice: { key, given, used: String(MAX_SEED), reason: `above the maximum ${MAX_SEED}` } };
  return { value };
}

export interface LiveExtras {
  backend: BackendChoice;
  seed: number;
}

/** Reads the backend and seed under `prefix` from a query string. */
export function parseExtras(search: string, prefix = ''): { extras: LiveExtras; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const backend = parseBackendChoice(params.get(prefix + BACKEND_URL_KEY), prefix + BACKEND_URL_KEY);
  const seed = parseSeed(params.get(prefix + SEED_URL_KEY), prefix + SEED_URL_KEY);
  const notices = [backend.notice, seed.notice].filter((n): n is Notice => n !== undefined);
  return { extras: { backend: backend.value, seed: seed.value }, notices };
}

/** The query `search` with the backend and seed under `prefix` set, or removed when default. */
export function mergeExtras(search: string, extras: LiveExtras, prefix = ''): string {
  const params = new URLSearchParams(search);
  if (extras.backend === 'auto') params.delete(prefix + BACKEND_URL_KEY);
  else params.set(prefix + BACKEND_URL_KEY, extras.backend);
  if (extras.seed === DEFAULT_SEED) params.delete(prefix + SEED_URL_KEY);
  else params.set(prefix + SEED_URL_KEY, String(extras.seed));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useLiveExtras(prefix = '') {
  const [extras, setExtrasState] = useState<LiveExtras>({ backend: 'auto', seed: DEFAULT_SEED });
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
