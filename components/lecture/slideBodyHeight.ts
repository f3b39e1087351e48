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

/**
 * Screen pixels per slide pixel, so a figure can size its text for the screen. SlideStage
 * provides it; outside a slide it is null.
 */
export const SlideStageScaleContext = createContext<number | null>(null);

export function useSlideStageScale(): number | null {
  return useContext(SlideStageScaleContext);
}
