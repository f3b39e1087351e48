'use client';
/**
 * The `cmp` key of the URL: 1 shows a second configuration (keys prefixed `b.`) beside
 * the first. Read on mount and on back/forward; written with pushState, so back turns
 * comparison off again.
 */
import { useCallback, useEffect, useState } from 'react';
import { CONFIG_FIELDS } from '@/lib/config/schema';
import type { Notice } from '@/lib/config/url';

export const COMPARE_KEY = 'cmp';
export const COMPARE_PREFIX = 'b.';

export interface CompareFlag {
  compare: boolean;
  /** A notice when the URL's `cmp` value was not 0 or 1. */
  notice: Notice | null;
  setCompare: (on: boolean) => void;
  dismissNotice: () => void;
}

/** Parses `cmp`: "1" is on; absent or "0" is off; anything else is off, with a notice. */
export function parseCompare(search: string): { compare: boolean; notice: Notice | null } {
  const raw = new URLSearchParams(search).get(COMPARE_KEY);
  if (raw === null || raw === '0') return { compare: false, notice: null };
  if (raw === '1') return { compare: true, notice: null };
  return {
    compare: false,
    notice: { key: COMPARE_KEY, given: raw.slice(0, 40), used: '0', reason: 'not 0 or 1; comparison is off' },
  };
}

/** True when `search` contains any key of the second configuration. */
export function hasSecondConfig(search: string): boolean {
  const params = new URLSearchParams(search);
  return CONFIG_FIELDS.some((field) => params.has(COMPARE_PREFIX + field.key));
}

/** Returns `search` with `cmp=1`, or without `cmp` and without every `b.` key. */
export function compareQuery(search: string, on: boolean): string {
  const params = new URLSearchParams(search);
  if (on) {
    params.set(COMPARE_KEY, '1');
  } else {
    params.delete(COMPARE_KEY);
    for (const field of CONFIG_FIELDS) params.delete(COMPARE_PREFIX + field.key);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useCompareFlag(): CompareFlag {
  const [compare, setCompareState] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    const read = () => {
      const parsed = parseCompare(window.location.search);
      setCompareState(parsed.compare);
      setNotice(parsed.notice);
    };
    read();
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, []);

  const setCompare = useCallback((on: boolean) => {
    const query = compareQuery(window.location.search, on);
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    window.history.pushState(window.history.state, '', url);
    setCompareState(on);
    setNotice(null);
  }, []);

  const dismissNotice = useCallback(() => setNotice(null), []);

  return { compare, notice, setCompare, dismissNotice };
}
