'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { actionForKey, activatesElement, capturesKeys, type LectureAction } from '@/lib/lecture/keys';
import { articleUrlAt } from '@/lib/lecture/slides';
import { FitBox } from './FitBox';
import { LectureControls } from './LectureControls';
import { QrDialog } from './QrDialog';
import { SlideStage } from './SlideStage';
import type { LectureSection } from './types';
import { leaveLecture } from './usePresenting';
import { useFullscreen } from './useFullscreen';
import { useSlideIndex } from './useSlideIndex';
import styles from './LectureMode.module.css';

export type { LectureSection } from './types';

/** Attribute on <html> while lecture mode is on; globals.css hides the site chrome with it. */
export const PRESENT_ATTRIBUTE = 'data-present';

interface LectureModeProps<S> {
  sections: readonly LectureSection<S>[];
  /** The article's shared state: every slide reads and edits the same configuration. */
  state: S;
  /**
   * Leaves lecture mode for the article at `sectionId`. By default the URL loses
   * `present` and `slide` and gains `#sectionId` (pushState, so Back returns to the
   * slides), `usePresenting` turns false, and the page scrolls to the section once the
   * article has rendered it.
   */
  onExit?: (href: string, sectionId: string) => void;
}

/** Frames to wait for the article to render a section before scrolling to it. */
const SCROLL_WAIT_FRAMES = 120;

function scrollToSectionWhenRendered(sectionId: string, framesLeft = SCROLL_WAIT_FRAMES): void {
  const element = document.getElementById(sectionId);
  if (element) {
    element.scrollIntoView({ block: 'start' });
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => scrollToSectionWhenRendered(sectionId, framesLeft - 1));
}

function leaveToArticle(href: string, sectionId: string): void {
  leaveLecture(href);
  scrollToSectionWhenRendered(sectionId);
}

function focusedElement(target: EventTarget | null): Element | null {
  return target instanceof Element ? target : null;
}

/**
 * Renders the article's sections as full-screen slides, driven by keys and an on-screen
 * bar. The slide number is in the URL (`slide=N`, 1-based). The configuration keys stay
 * as they are, so a slide and the article at the same URL show the same numbers.
 */
export function LectureMode<S>({ sections, state, onExit = leaveToArticle }: LectureModeProps<S>) {
  const count = sections.length;
  const { index, notice, goTo, dismissNotice } = useSlideIndex(count);
  const fullscreen = useFullscreen();
  const [qrOpen, setQrOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const section = sections[index];

  useEffect(() => {
    const root = document.documentElement;
    root.setAttribute(PRESENT_ATTRIBUTE, '');
    return () => root.removeAttribute(PRESENT_ATTRIBUTE);
  }, []);

  const move = useCallback(
    (target: number) => {
      const next = Math.min(count - 1, Math.max(0, target));
      goTo(next);
      if (sections[next]) setAnnouncement(`Slide ${next + 1} of ${count}: ${sections[next].title}`);
    },
    [count, goTo, sections],
  );

  const exit = useCallback(() => {
    const sectionId = section?.id ?? '';
    onExit(articleUrlAt(window.location.href, sectionId), sectionId);
  }, [onExit, section]);

  const perform = useCallback(
    (action: LectureAction) => {
      switch (action) {
        case 'next':
          return move(index + 1);
        case 'previous':
          return move(index - 1);
        case 'first':
          return move(0);
        case 'last':
          return move(count - 1);
        case 'fullscreen':
          return void fullscreen.toggle();
        case 'qr':
          return setQrOpen(true);
        case 'exit':
          return exit();
      }
    },
    [count, exit, fullscreen, index, move],
  );

  // The listener reads the latest handlers through a ref, so it is attached only once.
  const handlers = useRef({ perform, qrOpen });
  useEffect(() => {
    handlers.current = { perform, qrOpen };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = actionForKey(event);
      if (!action) return;

      if (handlers.current.qrOpen) {
        // The dialog closes itself on Esc (its cancel event), and q closes it too.
        if (action === 'qr' || action === 'exit') {
          event.preventDefault();
          setQrOpen(false);
        }
        return;
      }

      const element = focusedElement(event.target);
      if (element) {
        const focused = {
          tagName: element.tagName,
          role: element.getAttribute('role'),
          isContentEditable: element instanceof HTMLElement && element.isContentEditable,
        };
        // A slide too tall to fit scrolls in its own box, which keeps the arrows when focused,
        // and so does a section's own scroll region on a slide (data-slide-scroll).
        const scrollingBox = element.matches('[data-overflow="true"], [data-slide-scroll][data-scrolls="true"]');
        if (capturesKeys(focused) || scrollingBox) {
          // Esc hands the keys back to the lecture, so the next arrow moves the slide.
          if (action === 'exit' && element instanceof HTMLElement) {
            event.preventDefault();
            element.blur();
          }
          return;
        }
        if (activatesElement(focused, event.key)) return;
      }

      event.preventDefault();
      handlers.current.perform(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (!section) {
    return (
      <div className={styles.empty} role="alert">
        <p>There are no slides to show.</p>
        <button type="button" className={styles.button} onClick={exit}>
          Back to the article
        </button>
      </div>
    );
  }

  const { Section } = section;
  const permalink = qrOpen ? articleUrlAt(window.location.href, section.id) : '';
  const message = notice ?? fullscreen.error;
  const dismiss = notice ? dismissNotice : fullscreen.dismissError;

  return (
    <div className={styles.lecture}>
      <SlideStage>
        {message && (
          <div className={styles.notice} role="status">
            <span>{message}</span>
            <button type="button" className={styles.button} onClick={dismiss}>
              Dismiss
            </button>
          </div>
        )}
        <section className={styles.slide} aria-roledescription="slide" aria-labelledby="lecture-slide-title" data-section-id={section.id}>
          <h1 id="lecture-slide-title" className={styles.title}>
            {section.title}
          </h1>
          <FitBox key={section.id} className={styles.body}>
            <Section state={state} mode="slide" />
          </FitBox>
        </section>
        <LectureControls
          index={index}
          count={count}
          fullscreen={fullscreen.active}
          onPrevious={() => perform('previous')}
          onNext={() => perform('next')}
          onFullscreen={() => perform('fullscreen')}
          onQr={() => perform('qr')}
          onExit={() => perform('exit')}
        />
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </SlideStage>
      <QrDialog open={qrOpen} url={permalink} sectionTitle={section.title} onClose={() => setQrOpen(false)} />
    </div>
  );
}
