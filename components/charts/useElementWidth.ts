'use client';
/**
 * Width of an element in CSS pixels, kept current with a ResizeObserver. Until the
 * element is measured (during the static prerender, in jsdom, or while it is hidden)
 * the width is `fallback`, so a chart always has something to draw.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export const FALLBACK_CHART_WIDTH = 640;

export function useElementWidth<T extends HTMLElement>(fallback = FALLBACK_CHART_WIDTH): [(node: T | null) => void, number] {
  const [width, setWidth] = useState(fallback);
  const [node, setNode] = useState<T | null>(null);
  const frame = useRef(0);

  const ref = useCallback((element: T | null) => setNode(element), []);

  useEffect(() => {
    if (!node || typeof ResizeObserver === 'undefined') return;
    const measure = (measured: number) => {
      // A hidden or not yet laid out element measures 0: keep the last width.
      const rounded = Math.floor(measured);
      if (rounded > 0) setWidth((previous) => (previous === rounded ? previous : rounded));
    };
    measure(node.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => measure(entry.contentRect.width));
    });
    observer.observe(node);
    return () => {
      cancelAnimationFrame(frame.current);
      observer.disconnect();
    };
  }, [node]);

  return [ref, width];
}
