'use client';
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import styles from './LectureMode.module.css';

/**
 * Width of the slide's own coordinate system in CSS pixels. Slides are laid out at this
 * width and scaled to the screen, so a slide looks the same on a 1280x720 laptop and a
 * 1920x1080 projector, and everything on it (chart labels included) grows with the screen.
 * At 1024, text set at 24px on the slide is 30px on a 1280-wide screen and 45px on 1920.
 */
const LANDSCAPE_WIDTH_PX = 1024;
/** Logical width on a portrait screen (a phone held upright), where 1024 would be tiny. */
const PORTRAIT_WIDTH_PX = 600;

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

  const logicalWidth = frame.width >= frame.height ? LANDSCAPE_WIDTH_PX : PORTRAIT_WIDTH_PX;
  const scale = frame.width / logicalWidth;
  const style: CSSProperties = {
    width: logicalWidth,
    height: frame.height / scale,
    transform: `scale(${scale})`,
  };

  return (
    <div ref={frameRef} className={styles.frame}>
      <div className={styles.stage} style={style} data-scale={scale.toFixed(3)}>
        {children}
      </div>
    </div>
  );
}
