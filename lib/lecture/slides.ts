/**
 * Slide numbers and lecture-mode URLs. Lecture mode is the article with `present=1` in
 * its query; `slide=N` (1-based) selects the slide. Every other key, the configuration
 * included, passes through untouched, so a slide and the article always show the same
 * configuration.
 */

export const PRESENT_PARAM = 'present';
export const SLIDE_PARAM = 'slide';

export interface SlideSelection {
  /** 0-based index of the slide to show. */
  index: number;
  /** Why the requested slide was not used as given; null when it was. */
  notice: string | null;
}

const WHOLE_NUMBER = /^\+?\d+$/;

/**
 * Parses the `slide` value (1-based) against `slideCount` slides. A missing value
 * selects the first slide; a malformed or out-of-range value is clamped and explained.
 */
export function parseSlideNumber(raw: string | null, slideCount: number): SlideSelection {
  if (slideCount < 1) return { index: 0, notice: null };
  if (raw === null) return { index: 0, notice: null };

  const text = raw.trim();
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  if (!WHOLE_NUMBER.test(text)) {
    return { index: 0, notice: `The link asked for slide "${shown}", which is not a slide number, so slide 1 is shown.` };
  }

  const requested = Number(text);
  if (requested < 1) {
    return { index: 0, notice: `The link asked for slide ${shown}, but slides start at 1, so slide 1 is shown.` };
  }
  if (requested > slideCount) {
    return {
      index: slideCount - 1,
      notice: `The link asked for slide ${shown}, but there are only ${slideCount} slides, so slide ${slideCount} is shown.`,
    };
  }
  return { index: requested - 1, notice: null };
}

/** Keeps `index` within the slides: 0 to `slideCount - 1`. */
export function clampSlideIndex(index: number, slideCount: number): number {
  if (slideCount < 1 || !Number.isFinite(index)) return 0;
  return Math.min(slideCount - 1, Math.max(0, Math.trunc(index)));
}

/** True when the query asks for lecture mode (`present=1`). */
export function isPresenting(search: string): boolean {
  return new URLSearchParams(search).get(PRESENT_PARAM) === '1';
}

/** The query of lecture mode at slide `index` (0-based), keeping every other key of `search`. */
export function lectureSearch(search: string, index: number): string {
  const params = new URLSearchParams(search);
  params.set(PRESENT_PARAM, '1');
  params.set(SLIDE_PARAM, String(index + 1));
  return `?${params.toString()}`;
}

/** The query of the article: `search` without the lecture-mode keys. */
export function articleSearch(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(PRESENT_PARAM);
  params.delete(SLIDE_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The article's URL at one section: `href` without the lecture-mode keys, with
 * `#sectionId` as its fragment. Leaving lecture mode goes here, and the QR code
 * carries it, so a student's phone opens the article (not the slides) at the section
 * on screen with the lecturer's configuration.
 */
export function articleUrlAt(href: string, sectionId: string): string {
  const url = new URL(href);
  url.search = articleSearch(url.search);
  url.hash = sectionId ? `#${encodeURIComponent(sectionId)}` : '';
  return url.toString();
}
