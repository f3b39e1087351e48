import type { SlideChartLayout } from '@/components/charts/parts';
import type { SlideStageInfo } from '@/components/lecture/slideBodyHeight';

/**
 * Chart layouts on lecture slides, in the slide's logical pixels (1024 wide and about 576
 * tall on a 16:9 screen, 420 to 600 wide on a portrait one). SlideStage scales those to
 * the screen, by 1.25 on a 1280-wide screen and by about 0.93 on a 390-wide phone.
 */

/** Screen size, in CSS pixels, that a slide chart's smallest text (its 10 px tick labels) should reach. */
const TARGET_TICK_SCREEN_PX = 12;
/** Size of the charts' smallest text, in layout pixels (`.tickLabel` in charts.module.css). */
const TICK_LAYOUT_PX = 10;
/** Smallest text scale, the one a 1280x720 screen gets: 1.2 times 10 px at scale 1.25 is 15 px. */
const MIN_TEXT_SCALE = 1.2;
/** Largest text scale, so a chart on a small screen keeps room for its plot. */
const MAX_TEXT_SCALE = 2;

/**
 * Height of a chart on a slide, in slide pixels. On a landscape slide the chart gets the
 * body's height less `reserved` (for the headline and the control), at most `cap`. On a
 * tall (portrait) body it gets `tallShare` of the body, and never less than `cap`.
 */
interface SlideChartHeight {
  cap: number;
  reserved: number;
  tallShare: number;
}

const ROOFLINE_HEIGHT: SlideChartHeight = { cap: 250, reserved: 190, tallShare: 0.6 };
const TIME_BREAKDOWN_HEIGHT: SlideChartHeight = { cap: 290, reserved: 119, tallShare: 0.7 };
const SHARE_HEIGHT: SlideChartHeight = { cap: 300, reserved: 150, tallShare: 0.55 };
/** Slide pixels a side-by-side chart leaves free, because its bars and plot round up to whole sizes. */
const SIDE_BY_SIDE_SLACK = 8;
/** Slide bodies taller than this are portrait ones, which give a chart a share of their height. */
const TALL_BODY_HEIGHT = 600;

/**
 * Returns the text scale that draws the charts' tick labels at TARGET_TICK_SCREEN_PX on a
 * stage drawn at `stageScale` screen pixels per slide pixel, between MIN_TEXT_SCALE and
 * MAX_TEXT_SCALE.
 */
export function slideTextScale(stageScale: number | null): number {
  if (stageScale === null || !(stageScale > 0)) return MIN_TEXT_SCALE;
  const scale = TARGET_TICK_SCREEN_PX / (TICK_LAYOUT_PX * stageScale);
  return Math.round(Math.min(MAX_TEXT_SCALE, Math.max(MIN_TEXT_SCALE, scale)) * 100) / 100;
}

function fittedLayout(height: SlideChartHeight, bodyHeight: number | null, stage: SlideStageInfo | null): SlideChartLayout {
  const textScale = slideTextScale(stage?.scale ?? null);
  if (bodyHeight === null || !(bodyHeight > 0)) return { textScale, maxHeight: height.cap };
  // Side by side, the headline and the control sit right of the chart, which gets the whole height.
  if (stage?.sideBySide) return { textScale, maxHeight: Math.floor(bodyHeight) - SIDE_BY_SIDE_SLACK };
  if (bodyHeight > TALL_BODY_HEIGHT) return { textScale, maxHeight: Math.round(Math.max(height.cap, bodyHeight * height.tallShare)) };
  const spare = bodyHeight - height.reserved;
  return { textScale, maxHeight: Math.round(Math.min(height.cap, Math.max(height.cap * 0.5, spare))) };
}

/** Returns whether a slide body `bodyHeight` slide pixels tall has height to spare, as on a portrait phone. */
export function isTallSlide(bodyHeight: number | null): boolean {
  return bodyHeight !== null && bodyHeight > TALL_BODY_HEIGHT;
}

/** Returns the roofline's layout for a slide body `bodyHeight` slide pixels tall on `stage`. */
export function rooflineSlide(bodyHeight: number | null, stage: SlideStageInfo | null): SlideChartLayout {
  return fittedLayout(ROOFLINE_HEIGHT, bodyHeight, stage);
}

/** Returns the time breakdown's layout for a slide body `bodyHeight` slide pixels tall on `stage`. */
export function timeBreakdownSlide(bodyHeight: number | null, stage: SlideStageInfo | null): SlideChartLayout {
  return fittedLayout(TIME_BREAKDOWN_HEIGHT, bodyHeight, stage);
}

/** Returns the FLOP-share chart's layout for a slide body `bodyHeight` slide pixels tall on `stage`. */
export function shareSlide(bodyHeight: number | null, stage: SlideStageInfo | null): SlideChartLayout {
  return fittedLayout(SHARE_HEIGHT, bodyHeight, stage);
}
