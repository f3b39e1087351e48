'use client';
/**
 * A looping animation clock for a figure: progress runs from 0 to 1 over `durationMs`
 * with requestAnimationFrame while playing. Readers who ask for reduced motion start on
 * the last frame, paused; play and pause stay available to everyone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Playback {
  /** Position in the loop, in [0, 1]. */
  progress: number;
  playing: boolean;
  toggle: () => void;
}

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}

export function usePlayback(durationMs: number, autoplay: boolean): Playback {
  const [progress, setProgress] = useState(1);
  const [playing, setPlaying] = useState(false);
  const start = useRef<number | null>(null);
  const progressRef = useRef(1);

  useEffect(() => {
    if (!autoplay || prefersReducedMotion() || typeof requestAnimationFrame !== 'function') return;
    // Start on the next frame: the first render (and the prerendered HTML) shows the last frame.
    const frame = requestAnimationFrame(() => {
      progressRef.current = 0;
      setProgress(0);
      setPlaying(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [autoplay]);

  useEffect(() => {
    if (!playing) return;
    // Resume where the loop was paused.
    start.current = null;
    let frame = 0;
    const tick = (now: number) => {
      if (start.current === null) start.current = now - progressRef.current * durationMs;
      const next = ((now - start.current) % durationMs) / durationMs;
      progressRef.current = next;
      setProgress(next);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, durationMs]);

  const toggle = useCallback(() => setPlaying((p) => !p), []);
  return { progress, playing, toggle };
}
