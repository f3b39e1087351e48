import type { SlideChartLayout } from '@/components/charts/parts';

/**
 * Chart layouts on lecture slides, in the slide's logical pixels (1024 wide, about 576
 * tall at 16:9). Slide text is scaled by 1.25 on a 1280-wide screen, so 1.2 times the
 * charts' 10 px tick labels is 15 px on screen, and each height leaves room for the
 * slide's headline and control.
 */
export const ROOFLINE_SLIDE: SlideChartLayout = { textScale: 1.2, maxHeight: 250 };
export const TIME_BREAKDOWN_SLIDE: SlideChartLayout = { textScale: 1.2, maxHeight: 290 };

/**
 * Returns the time-breakdown layout for a slide body `bodyHeight` slide pixels tall. On a
 * tall (portrait) slide the chart takes 0.7 of the body, and never less than the landscape 290.
 */
export function timeBreakdownSlide(bodyHeight: number | null): SlideChartLayout {
  if (bodyHeight === null || !(bodyHeight > 0)) return TIME_BREAKDOWN_SLIDE;
  return { ...TIME_BREAKDOWN_SLIDE, maxHeight: Math.max(TIME_BREAKDOWN_SLIDE.maxHeight, Math.round(bodyHeight * 0.7)) };
}
