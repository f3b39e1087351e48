import type { ReactNode } from 'react';

/**
 * One section of the article, shown as a page section or as a slide. `S` is the article's
 * shared state (configuration, setter and cost results); lecture mode passes it through.
 */
export interface LectureSection<S> {
  /** Element id of the section in the article, and its fragment in a permalink. */
  id: string;
  title: string;
  Section: (props: { state: S; mode: 'article' | 'slide' }) => ReactNode;
}
