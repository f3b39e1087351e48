'use client';
import { useSyncExternalStore } from 'react';
import { isPresenting, lectureSearch } from '@/lib/lecture/slides';

/**
 * Fired on window after lecture mode is entered or left without a page load.
 * `history.pushState` fires no event of its own, so this tells `usePresenting`.
 */
export const LECTURE_CHANGE_EVENT = 'fido-lecture-change';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(LECTURE_CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(LECTURE_CHANGE_EVENT, onChange);
  };
}

const presentingNow = () => isPresenting(window.location.search);
const presentingOnServer = () => false;

/**
 * True while the URL asks for lecture mode (`present=1`). False during prerender and
 * hydration, so the static HTML is always the article.
 */
export function usePresenting(): boolean {
  return useSyncExternalStore(subscribe, presentingNow, presentingOnServer);
}

/** Pushes lecture mode at slide `index` (0-based) with the current configuration. */
export function enterLecture(index: number): void {
  const url = `${window.location.pathname}${lectureSearch(window.location.search, index)}`;
  window.history.pushState(window.history.state, '', url);
  window.dispatchEvent(new Event(LECTURE_CHANGE_EVENT));
}

/** Pushes the article URL `href` (built by articleUrlAt) and announces the change. */
export function leaveLecture(href: string): void {
  window.history.pushState(window.history.state, '', href);
  window.dispatchEvent(new Event(LECTURE_CHANGE_EVENT));
}
