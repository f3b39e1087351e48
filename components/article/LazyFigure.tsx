'use client';
/**
 * Mounts its children only once the placeholder comes within `rootMargin` of the
 * viewport, so a figure below the fold does no work until the reader scrolls near it.
 * Without IntersectionObserver (old browsers, jsdom) the children mount at once. Once
 * mounted they stay mounted. With `focusable`, keyboard focus mounts them too: focus on
 * anything in the enclosing <section> (such as its "Copy link" button) or on the
 * placeholder, which then takes part in the Tab order.
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
  /** Mount on keyboard focus within the enclosing section, and let the placeholder take focus. */
  focusable?: boolean;
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

export function LazyFigure({ children, label, minHeight = 240, rootMargin = '400px 0px', eager = false, focusable = false }: LazyFigureProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const near = useNearViewport(placeholder, rootMargin, eager);
  const [focused, setFocused] = useState(false);
  const mounted = near || focused;

  useEffect(() => {
    if (!focusable || mounted) return;
    const section = placeholder.current?.closest('section');
    if (!section) return;
    const onFocusIn = () => setFocused(true);
    // Focus may have reached the section's prerendered HTML before this code hydrated.
    if (section.contains(document.activeElement)) {
      onFocusIn();
      return;
    }
    section.addEventListener('focusin', onFocusIn);
    return () => section.removeEventListener('focusin', onFocusIn);
  }, [focusable, mounted]);

  if (mounted) return <>{children}</>;
  return (
    <div
      ref={placeholder}
      className={styles.figurePlaceholder}
      style={{ minHeight }}
      data-lazy-figure="waiting"
      tabIndex={focusable ? 0 : undefined}
      data-focus-placeholder={focusable ? '' : undefined}
    >
      <p>{label}: the figure loads when you scroll to it.</p>
    </div>
  );
}
