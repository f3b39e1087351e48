'use client';
/**
 * The page's configuration, kept in the URL query. The hook reads it once on mount and
 * again on back/forward (popstate). A write merges the configuration's keys into the
 * current query and keeps every other key (slide number, second configuration, backend…).
 * It uses `history.replaceState` after a short quiet period, so dragging a slider does not
 * flood the history. `commit` pushes a new history entry instead, for discrete changes such as
 * a preset, so back returns to the previous configuration.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_CONFIG, type Config } from '@/lib/config/config';
import { CONFIG_FIELDS } from '@/lib/config/schema';
import { parseConfig, serializeConfig, type Notice } from '@/lib/config/url';

/** Quiet period before a URL write, in milliseconds. */
export const URL_WRITE_DELAY_MS = 150;

export interface UrlConfigState {
  config: Config;
  /** Values from the URL that were changed before use; empty once the user edits. */
  notices: Notice[];
  /** False until the URL has been read on the client. */
  ready: boolean;
  /** Updates the configuration and replaces the URL after a quiet period. */
  setConfig: (update: Config | ((previous: Config) => Config)) => void;
  /** Updates the configuration and pushes a new history entry at once. */
  commit: (update: Config | ((previous: Config) => Config)) => void;
  dismissNotices: () => void;
  /** Writes a pending (debounced) URL update now, for example before copying the link. */
  flush: () => void;
}

/** Builds the query for `config` under `prefix`, keeping every other key of `current`. */
export function mergeConfigQuery(
  current: string,
  config: Config,
  prefix = '',
  defaults: Readonly<Config> = DEFAULT_CONFIG,
): string {
  const params = new URLSearchParams(current);
  for (const field of CONFIG_FIELDS) params.delete(prefix + field.key);
  for (const [key, value] of serializeConfig(config, prefix, defaults)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when `a` and `b` contain the same values. Nested objects such as `encoderCustom` compare field by field. */
export function sameConfig(a: Readonly<Config>, b: Readonly<Config>): boolean {
  const keys = Object.keys(a) as (keyof Config)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const valueA: unknown = a[key];
    const valueB: unknown = b[key];
    if (Object.is(valueA, valueB)) return true;
    if (typeof valueA !== 'object' || typeof valueB !== 'object' || valueA === null || valueB === null) return false;
    const fieldsA = Object.entries(valueA);
    return fieldsA.length === Object.keys(valueB).length && fieldsA.every(([field, value]) => Object.is(value, (valueB as Record<string, unknown>)[field]));
  });
}

function writeUrl(config: Config, prefix: string, defaults: Readonly<Config>, mode: 'replace' | 'push'): void {
  const query = mergeConfigQuery(window.location.search, config, prefix, defaults);
  if (query === window.location.search) return;
  const url = `${window.location.pathname}${query}${window.location.hash}`;
  if (mode === 'push') window.history.pushState(window.history.state, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

/**
 * Reads and writes one configuration. `prefix` separates a second configuration in the
 * same URL; `defaults` must be a stable (module-level) object.
 */
export function useUrlConfig(prefix = '', defaults: Readonly<Config> = DEFAULT_CONFIG): UrlConfigState {
  const [config, setConfigState] = useState<Config>(defaults);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [ready, setReady] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<Config>(defaults);

  useEffect(() => {
    const read = () => {
      const parsed = parseConfig(window.location.search, prefix, defaults);
      // An equal configuration keeps its identity, so a URL that repeats the defaults
      // re-renders nothing that depends on the configuration after hydration.
      const next = sameConfig(latest.current, parsed.config) ? latest.current : parsed.config;
      latest.current = next;
      setConfigState(next);
      setNotices((previous) => (previous.length === 0 && parsed.notices.length === 0 ? previous : parsed.notices));
      setReady(true);
    };
    read();
    window.addEventListener('popstate', read);
    return () => {
      window.removeEventListener('popstate', read);
      if (pending.current) clearTimeout(pending.current);
    };
  }, [prefix, defaults]);

  const apply = useCallback(
    (update: Config | ((previous: Config) => Config), mode: 'replace' | 'push') => {
      const next = typeof update === 'function' ? update(latest.current) : update;
      latest.current = next;
      setConfigState(next);
      setNotices([]);
      if (pending.current) clearTimeout(pending.current);
      if (mode === 'push') {
        pending.current = null;
        writeUrl(next, prefix, defaults, 'push');
      } else {
        pending.current = setTimeout(() => {
          pending.current = null;
          writeUrl(latest.current, prefix, defaults, 'replace');
        }, URL_WRITE_DELAY_MS);
      }
    },
    [prefix, defaults],
  );

  const setConfig = useCallback((update: Config | ((previous: Config) => Config)) => apply(update, 'replace'), [apply]);
  const commit = useCallback((update: Config | ((previous: Config) => Config)) => apply(update, 'push'), [apply]);
  const dismissNotices = useCallback(() => setNotices([]), []);
  const flush = useCallback(() => {
    if (!pending.current) return;
    clearTimeout(pending.current);
    pending.current = null;
    writeUrl(latest.current, prefix, defaults, 'replace');
  }, [prefix, defaults]);

  return { config, notices, ready, setConfig, commit, dismissNotices, flush };
}

/** The current page URL with its query, for "Copy link" and exported figures. */
export function currentPermalink(): string {
  if (typeof window === 'undefined') return '';
  return window.location.href;
}
