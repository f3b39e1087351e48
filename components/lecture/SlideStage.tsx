'use client';
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { SlideStageContext, type SlideStageInfo } from './slideBodyHeight';
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
/**
 * Landscape stages shorter than this, in slide pixels, lay slides out side by side. An
 * 844x390 phone held sideways has a 473-pixel stage, a 1280x720 screen a 576-pixel one.
 */
const SIDE_BY_SIDE_BELOW_HEIGHT_PX = 520;

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
  const logicalHeight = frame.height / scale;
  const sideBySide = frame.width >= frame.height && logicalHeight < SIDE_BY_SIDE_BELOW_HEIGHT_PX;
  const stageInfo: SlideStageInfo = useMemo(() => ({ scale, sideBySide }), [scale, sideBySide]);
  const style: CSSProperties = {
    width: logicalWidth,
    height: logicalHeight,
    transform: `scale(${scale})`,
  };

  return (
    <div ref={frameRef} className={styles.frame}>
      <div className={styles.stage} style={style} data-scale={scale.toFixed(3)} data-slide-layout={sideBySide ? 'side' : 'stacked'}>
        <SlideStageContext.Provider value={stageInfo}>{children}</SlideStageContext.Provider>
      </div>
    </div>
  );
}
