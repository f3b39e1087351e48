'use client';
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { SlideStageScaleContext } from './slideBodyHeight';
import styles from './LectureMode.module.css';

/**
 * Width of the slide's own coordinate system in CSS pixels. Slides are laid out at this
 * width and scaled to the screen, so a slide looks the same on a 1280x720 laptop and a
 * 1920x1080 projector, and everything on it (chart labels included) grows with the screen.
 * At 1024, text set at 24px on the slide is 30px on a 1280-wide screen and 45px on 1920.
 */
const LANDSCAPE_WIDTH_PX = 1024;
/** Widest logical width on a portrait screen (a tablet held upright), where 1024 would be tiny. */
const PORTRAIT_WIDTH_PX = 600;
/**
 * Narrowest logical width on a portrait screen. A phone lays the slide out at about its own
 * width (a 390 px wide phone at scale 0.93), since at 600 its text would shrink to 0.65.
 */
const MIN_PORTRAIT_WIDTH_PX = 420;

interface FrameSize {
  width: number;
  height: number;
}

function windowSize(): FrameSize {
  if (typeof window === 'undefined') return { width: LANDSCAPE_WIDTH_PX, height: (LANDSCAPE_WIDTH_PX * 9) / 16 };
  return { width: window.innerWidth, height: window.innerHeight };
}

/** Scales its children from a fixed logical width to fill the whole viewport. */
export function SlideStage({ children }: { children: ReactNode }) {
  const frameRef = useRef<HTMLDivElement>(null);
  const [frame, setFrame] = useState<FrameSize>(windowSize);

  useLayoutEffect(() => {
    const element = frameRef.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      if (width > 0 && height > 0) {
        setFrame((previous) => (previous.width === width && previous.height === height ? previous : { width, height }));
      }
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const logicalWidth = frame.width >= frame.height ? LANDSCAPE_WIDTH_PX : Math.min(PORTRAIT_WIDTH_PX, Math.max(MIN_PORTRAIT_WIDTH_PX, frame.width));
  const scale = frame.width / logicalWidth;
  const style: CSSProperties = {
    width: logicalWidth,
    height: frame.height / scale,
    transform: `scale(${scale})`,
  };

  return (
    <div ref={frameRef} className={styles.frame}>
      <div className={styles.stage} style={style} data-scale={scale.toFixed(3)}>
        <SlideStageScaleContext.Provider value={scale}>{children}</SlideStageScaleContext.Provider>
      </div>
    </div>
  );
}
