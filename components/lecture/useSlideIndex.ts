'use client';
import { useCallback, useEffect, useState } from 'react';
import { SLIDE_PARAM, clampSlideIndex, lectureSearch, parseSlideNumber, type SlideSelection } from '@/lib/lecture/slides';

function readSelection(slideCount: number): SlideSelection {
  if (typeof window === 'undefined') return { index: 0, notice: null };
  const values = new URLSearchParams(window.location.search).getAll(SLIDE_PARAM);
  const selection = parseSlideNumber(values[0] ?? null, slideCount);
  if (values.length < 2) return selection;

  // Repeated keys read like repeated configuration keys: the first value wins, with a notice.
  const repeated = `The link gives slide ${values.length} times (${values.map((value) => value.slice(0, 20)).join(', ')}); the first value is used.`;
  return { ...selection, notice: selection.notice ? `${repeated} ${selection.notice}` : repeated };
}

/**
 * Writes the slide into the URL with `history.replaceState`, not `pushState`: a lecture
 * steps back and forth dozens of times, and Back should leave the lecture rather than
 * replay every step. Reloading the page still opens the same slide.
 */
function writeSlide(index: number): void {
  const search = lectureSearch(window.location.search, index);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  window.history.replaceState(window.history.state, '', url);
}

export interface SlideIndexState {
  index: number;
  /** Why the slide in the URL was not used as given; null when it was or once the user moves. */
  notice: string | null;
  goTo: (index: number) => void;
  dismissNotice: () => void;
}

/** The current slide, read from `slide=N` in the URL on mount and on back/forward. */
export function useSlideIndex(slideCount: number): SlideIndexState {
  const [selection, setSelection] = useState<SlideSelection>(() => readSelection(slideCount));

  useEffect(() => {
    // Show the clamped slide number in the URL too, so a copied link matches the screen.
    const initial = readSelection(slideCount);
    if (initial.notice) writeSlide(initial.index);

    const onPopState = () => setSelection(readSelection(slideCount));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [slideCount]);

  const goTo = useCallback(
    (index: number) => {
      const next = clampSlideIndex(index, slideCount);
      setSelection({ index: next, notice: null });
      writeSlide(next);
    },
    [slideCount],
  );

  const dismissNotice = useCallback(() => setSelection((previous) => ({ ...previous, notice: null })), []);

  return { index: clampSlideIndex(selection.index, slideCount), notice: selection.notice, goTo, dismissNotice };
}
