'use client';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { SlideBodyHeightContext } from './slideBodyHeight';
import styles from './LectureMode.module.css';

/** Smallest shrink applied to a slide that is too tall; below it text gets hard to read. */
export const MIN_FIT_SCALE = 0.6;

/**
 * Shrinks `inner` uniformly until its height fits `outer`, and returns the scale used.
 * The layout width never changes, so figures that size themselves from their width do
 * not re-render and cannot start a resize loop. (Laying text out wider before scaling
 * would keep it larger, but makes a figure with a fixed aspect ratio taller, not shorter.)
 * Styles are written directly, so measuring does not re-render React.
 */
function fitContent(outer: HTMLElement, inner: HTMLElement): number {
  const availableHeight = outer.clientHeight;
  // Sections may size figures from this (in slide pixels); the stylesheet caps charts with it.
  outer.style.setProperty('--slide-body-height', `${availableHeight}px`);
  const naturalHeight = inner.scrollHeight;

  let scale = 1;
  if (naturalHeight > availableHeight && naturalHeight > 0) scale = Math.max(MIN_FIT_SCALE, availableHeight / naturalHeight);
  inner.style.transform = scale < 1 ? `scale(${scale})` : '';

  const overflows = naturalHeight * scale > availableHeight + 1;
  outer.dataset.fitScale = scale.toFixed(3);
  outer.dataset.overflow = String(overflows);
  outer.classList.toggle(styles.scrollable, overflows);
  // A box that scrolls must be reachable by keyboard and have an accessible name.
  if (overflows) {
    outer.tabIndex = 0;
    outer.setAttribute('role', 'region');
    outer.setAttribute('aria-label', 'Slide content, scrollable');
  } else {
    outer.removeAttribute('tabindex');
    outer.removeAttribute('role');
    outer.removeAttribute('aria-label');
  }
  return scale;
}

/**
 * Renders a box whose content is shrunk (down to MIN_FIT_SCALE) when it is taller than the box,
 * and scrolls only if even that is not enough. `data-overflow="true"` marks that case, and
 * the box then takes keyboard focus, where the arrows scroll it rather than the slides.
 * Refits when the box or its content changes size, such as a figure after a slider move.
 */
export function FitBox({ children, className }: { children: ReactNode; className?: string }) {
  const outerRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  // Only the box's own height re-renders the slide; content size changes refit by style alone.
  const [bodyHeight, setBodyHeight] = useState<number | null>(null);

  useLayoutEffect(() => {
    const outer = outerRef.current;
    const inner = innerRef.current;
    if (!outer || !inner) return;
    const content = inner.firstElementChild;

    let frame = 0;
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        fitContent(outer, inner);
        setBodyHeight(outer.clientHeight);
      });
    };
    fitContent(outer, inner);
    setBodyHeight(outer.clientHeight);
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
        <SlideBodyHeightContext.Provider value={bodyHeight}>
          <div>{children}</div>
        </SlideBodyHeightContext.Provider>
      </div>
    </div>
  );
}
