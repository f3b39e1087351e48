'use client';
/**
 * Height of the current slide's body, in slide pixels, for figures that can trade height
 * for layout. FitBox provides it; outside a slide it is null.
 */
import { createContext, useContext } from 'react';

export const SlideBodyHeightContext = createContext<number | null>(null);

export function useSlideBodyHeight(): number | null {
  return useContext(SlideBodyHeightContext);
}

/** Scale and layout of the lecture stage on the current screen. */
export interface SlideStageInfo {
  /** Screen pixels per slide pixel, so a figure can size its text for the screen. */
  scale: number;
  /**
   * True on a short landscape screen (a phone held sideways), where each slide puts its
   * figure left of the headline and control so the figure keeps the full height.
   */
  sideBySide: boolean;
}

/** The stage's scale and layout; SlideStage provides it, and outside a slide it is null. */
export const SlideStageContext = createContext<SlideStageInfo | null>(null);

export function useSlideStage(): SlideStageInfo | null {
  return useContext(SlideStageContext);
}
