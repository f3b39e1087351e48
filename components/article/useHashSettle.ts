'use client';
/**
 * Keeps the section named in the URL's hash in place while the page above it settles.
 * Figures and sections above the target mount late and change height after the browser
 * has scrolled to the hash, which would leave the reader looking at an earlier section.
 * Until the reader scrolls, clicks or types, or `settleMilliseconds` pass, every layout
 * change that moves the target scrolls it back to the top.
 */
import { useEffect } from 'react';

const READER_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

export function useHashSettle(enabled: boolean, settleMilliseconds = 10000): void {
  useEffect(() => {
    if (!enabled || typeof window === 'undefined' || typeof ResizeObserver === 'undefined') return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id === '') return;
    const target = document.getElementById(id);
    if (!target) return;

    let stopped = false;
    const realign = () => {
      if (stopped) return;
      const marginPixels = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
      // A small drift (sub-pixel rounding) is left alone.
      if (Math.abs(target.getBoundingClientRect().top - marginPixels) > 2) target.scrollIntoView({ block: 'start' });
    };
    const observer = new ResizeObserver(realign);
    observer.observe(document.body);
    const stop = () => {
      stopped = true;
      observer.disconnect();
      for (const name of READER_EVENTS) window.removeEventListener(name, stop, true);
      window.clearTimeout(timer);
    };
    for (const name of READER_EVENTS) window.addEventListener(name, stop, { capture: true, passive: true });
    const timer = window.setTimeout(stop, settleMilliseconds);
    return stop;
  }, [enabled, settleMilliseconds]);
}
