'use client';
import { startTransition, useEffect, useState } from 'react';

/**
 * Returns `value`, but takes up a new value only in a task after the next frame, so the
 * frame that shows a slider step does not wait for the work that depends on it. While
 * the value keeps changing, as when a slider is dragged, it keeps the last one it took.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [settled, setSettled] = useState(value);

  useEffect(() => {
    if (Object.is(settled, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setSettled(value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, settled]);

  return settled;
}
