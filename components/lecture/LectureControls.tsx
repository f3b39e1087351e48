'use client';
import { ThemeSwitch } from '@/components/layout/ThemeSwitch';
import styles from './LectureMode.module.css';

interface LectureControlsProps {
  index: number;
  count: number;
  fullscreen: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onFullscreen: () => void;
  onQr: () => void;
  onExit: () => void;
}

/**
 * Renders the on-screen control bar, with a button for every lecture key. Previous and Next
 * at either end are aria-disabled rather than disabled, so they keep keyboard focus.
 */
export function LectureControls(props: LectureControlsProps) {
  const { index, count, fullscreen } = props;
  return (
    <nav className={styles.controls} aria-label="Lecture controls">
      <button type="button" className={styles.button} onClick={props.onPrevious} aria-disabled={index === 0} aria-keyshortcuts="ArrowLeft PageUp">
        <span aria-hidden="true">←</span> Previous
      </button>
      <span className={styles.counter}>
        Slide {index + 1} of {count}
      </span>
      <button type="button" className={styles.button} onClick={props.onNext} aria-disabled={index >= count - 1} aria-keyshortcuts="ArrowRight PageDown Space">
        Next <span aria-hidden="true">→</span>
      </button>
      <span className={styles.spacer} />
      {/* The site header is hidden here, and a projector may need the other theme. */}
      <ThemeSwitch />
      <button type="button" className={styles.button} onClick={props.onFullscreen} aria-pressed={fullscreen} aria-keyshortcuts="f">
        Full screen <kbd>f</kbd>
      </button>
      <button type="button" className={styles.button} onClick={props.onQr} aria-haspopup="dialog" aria-keyshortcuts="q">
        QR code <kbd>q</kbd>
      </button>
      <button type="button" className={styles.button} onClick={props.onExit} aria-keyshortcuts="Escape">
        Exit <kbd>Esc</kbd>
      </button>
    </nav>
  );
}
