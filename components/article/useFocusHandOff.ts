'use client';
/**
 * Keeps keyboard focus inside a region whose content replaces itself while it loads. A
 * placeholder marked `data-focus-placeholder` can take focus. When the content that
 * replaces it mounts, focus moves to the first focusable element of the region, so a
 * reader who tabbed onto the placeholder lands in the loaded content, not on the page's
 * body. Focus moves only if the placeholder still held it when it was removed.
 * A reader can tab onto a prerendered placeholder before this hook starts, so it also
 * checks where focus is when it starts.
 */
import { useEffect, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

function isPlaceholder(element: Element | null): boolean {
  return element?.hasAttribute('data-focus-placeholder') ?? false;
}

export function useFocusHandOff(region: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = region.current;
    if (!root || typeof MutationObserver === 'undefined') return;
    // True from the moment a placeholder takes focus until focus lands elsewhere.
    const focused = document.activeElement;
    let handingOff = isPlaceholder(focused) && root.contains(focused);

    const onFocusIn = (event: FocusEvent) => {
      handingOff = isPlaceholder(event.target as Element);
    };
    const onFocusOut = (event: FocusEvent) => {
      // A null relatedTarget is focus lost to removal; any element is the reader moving on.
      if (event.relatedTarget !== null) handingOff = false;
    };
    const observer = new MutationObserver(() => {
      if (!handingOff) return;
      const active = document.activeElement;
      if (active && active !== document.body) {
        // Focus is still on the placeholder, or the reader has moved it.
        if (!isPlaceholder(active) || !root.contains(active)) handingOff = false;
        return;
      }
      const target = root.querySelector<HTMLElement>(FOCUSABLE);
      if (target) target.focus();
    });

    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
      observer.disconnect();
    };
  }, [region]);
}
