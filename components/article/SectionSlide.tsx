import type { ReactNode } from 'react';
import styles from './article.module.css';

/** Renders a section as a slide: one headline in large type, then the section's figure and controls. */
export function SectionSlide({ headline, children }: { headline: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.slide}>
      <p className={styles.headline}>{headline}</p>
      {children}
    </div>
  );
}
