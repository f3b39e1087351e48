'use client';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import styles from './LectureMode.module.css';

/** Smallest shrink applied to a slide that is too tall; below it text gets hard to read. */
export const MIN_FIT_SCALE = 0.6;
/** Steps of the bisection between a scale that fits and one that does not. */
const BISECTION_STEPS = 6;

/**
 * Shrinks `inner` (laid out wider, then scaled down) until its height fits `outer`.
 * Returns the scale used; writes styles directly so measuring does not re-render React.
 */
function fitContent(outer: HTMLElement, inner: HTMLElement): number {
  const availableWidth = outer.clientWidth;
  const availableHeight = outer.clientHeight;

  const heightAt = (scale: number) => {
    inner.style.width = `${availableWidth / scale}px`;
    return inner.scrollHeight * scale;
  };

  let scale = 1;
  if (heightAt(1) > availableHeight) {
    // Widening the box only lowers its height, so the scale that fits the current height
    // is a scale that fits; bisect between it and 1 for the largest one that does.
    let fits = Math.max(MIN_FIT_SCALE, availableHeight / inner.scrollHeight);
    let tooLarge = 1;
    if (heightAt(fits) <= availableHeight) {
      for (let step = 0; step < BISECTION_STEPS; step++) {
        const middle = (fits + tooLarge) / 2;
        if (heightAt(middle) <= availableHeight) fits = middle;
        else tooLarge = middle;
      }
    }
    scale = fits;
    heightAt(scale);
  }

  inner.style.transform = scale < 1 ? `scale(${scale})` : '';
  const overflows = inner.scrollHeight * scale > availableHeight + 1;
  outer.dataset.fitScale = scale.toFixed(3);
  outer.dataset.overflow = String(overflows);
  outer.classList.toggle(styles.scrollable, overflows);
  return scale;
}

/**
 * A box whose content is shrunk (down to MIN_FIT_SCALE) when it is taller than the box,
 * and scrolls only if even that is not enough; `data-overflow="true"` marks that case.
 * Refits when the box or its content changes size, such as a figure after a slider move.
 */
export function FitBox({ children, className }: { children: ReactNode; className?: string }) {
  const outerRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const outer = outerRef.current;
    const inner = innerRef.current;
    if (!outer || !inner) return;
    const content = inner.firstElementChild;

    let frame = 0;
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitContent(outer, inner));
    };
    fitContent(outer, inner);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(refit);
    observer.observe(outer);
    if (content) observer.observe(content);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);

  return (
    <div ref={outerRef} className={`${styles.fitOuter} ${className ?? ''}`}>
      <div ref={innerRef} className={styles.fitInner}>
        <div>{children}</div>
      </div>
    </div>
  );
}
