'use client';
import { useEffect, useState } from 'react';
import { useValueAfterPaint } from '@/components/state/useValueAfterPaint';

/** Room around the viewport, in CSS pixels, inside which an element counts as on screen. */
const ON_SCREEN_MARGIN_PX = 64;

/**
 * True while the element with this id lies wholly outside the viewport and the margin
 * around it. False until the first observation, and where IntersectionObserver is
 * missing (jsdom).
 */
export function useOffScreen(id: string): boolean {
  const [offScreen, setOffScreen] = useState(false);

  useEffect(() => {
    const element = document.getElementById(id);
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        setOffScreen(!entry.isIntersecting);
      },
      { rootMargin: `${ON_SCREEN_MARGIN_PX}px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [id]);

  return offScreen;
}

/**
 * Returns `value` while the element with this id is on screen. While it is off screen,
 * a new value is taken up in a task after the next frame, so an unseen figure does not
 * delay the frame that shows a slider step in the figures in view. Each step reaches the
 * off-screen figure one frame later, so it is current when scrolled into view.
 */
export function useValueOnScreen<T>(id: string, value: T): T {
  const offScreen = useOffScreen(id);
  const afterPaint = useValueAfterPaint(value);
  return offScreen ? afterPaint : value;
}
