'use client';
/**
 * Mounts its children only once the placeholder comes within `rootMargin` of the
 * viewport, so a figure below the fold does no work until the reader scrolls near it.
 * Without IntersectionObserver (old browsers, jsdom) the children mount at once. Once
 * mounted they stay mounted.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import styles from './article.module.css';

interface LazyFigureProps {
  children: ReactNode;
  /** Name of the figure, shown in the placeholder until it mounts. */
  label: string;
  /** Height reserved before mounting, in CSS pixels, so the page does not jump. */
  minHeight?: number;
  /** How far outside the viewport mounting starts (IntersectionObserver rootMargin). */
  rootMargin?: string;
  /** Mount at once, as a slide does. */
  eager?: boolean;
}

/**
 * Reports whether `element` has come within `rootMargin` of the viewport; true at once
 * when `eager` or when IntersectionObserver is missing. Stays true once set.
 */
export function useNearViewport(element: RefObject<Element | null>, rootMargin: string, eager = false): boolean {
  const [near, setNear] = useState(eager);

  useEffect(() => {
    if (near) return;
    const target = element.current;
    if (typeof IntersectionObserver === 'undefined' || !target) {
      // Mount on the next frame so the first render matches the prerendered HTML.
      const frame = requestAnimationFrame(() => setNear(true));
      return () => cancelAnimationFrame(frame);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [near, element, rootMargin]);

  return near;
}

export function LazyFigure({ children, label, minHeight = 240, rootMargin = '400px 0px', eager = false }: LazyFigureProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const near = useNearViewport(placeholder, rootMargin, eager);

  if (near) return <>{children}</>;
  return (
    <div ref={placeholder} className={styles.figurePlaceholder} style={{ minHeight }} data-lazy-figure="waiting">
      <p>{label}: the figure loads when you scroll to it.</p>
    </div>
  );
}
