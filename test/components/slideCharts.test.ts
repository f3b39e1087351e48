import { describe, expect, it } from 'vitest';
import { rooflineSlide, shareSlide, slideTextScale, timeBreakdownSlide } from '@/components/article/slideCharts';

/** Screen size of a chart's 10 px tick labels on a stage drawn at `stageScale`. */
const tickScreenPx = (stageScale: number) => 10 * slideTextScale(stageScale) * stageScale;

describe('slideTextScale', () => {
  it('draws ticks at 15 px on a 1280-wide screen', () => {
    expect(tickScreenPx(1.25)).toBeCloseTo(15);
  });

  it('draws ticks at 12 px or more on phones', () => {
    // A 390x844 portrait phone (stage 420 wide) and an 844x390 landscape one (stage 1024 wide).
    expect(tickScreenPx(390 / 420)).toBeGreaterThanOrEqual(11.9);
    expect(tickScreenPx(844 / 1024)).toBeGreaterThanOrEqual(11.9);
  });

  it('falls back outside a slide', () => {
    expect(slideTextScale(null)).toBe(1.2);
  });
});

/** A stage drawn at `scale`, stacked (headline above the chart) unless `sideBySide`. */
const stage = (scale: number, sideBySide = false) => ({ scale, sideBySide });

describe('slide chart heights', () => {
  it('keeps the landscape heights on a 1280x720 slide', () => {
    expect(rooflineSlide(449, stage(1.25)).maxHeight).toBe(250);
    expect(timeBreakdownSlide(409, stage(1.25)).maxHeight).toBe(290);
    expect(shareSlide(449, stage(1.25)).maxHeight).toBe(299);
  });

  it('grows with a tall portrait body', () => {
    expect(shareSlide(700, stage(0.93)).maxHeight).toBe(385);
    expect(timeBreakdownSlide(636, stage(0.93)).maxHeight).toBe(445);
  });

  it('takes the whole body side by side', () => {
    expect(rooflineSlide(366, stage(0.82, true)).maxHeight).toBe(358);
  });

  it('shrinks on a short landscape body', () => {
    expect(timeBreakdownSlide(307, stage(0.82)).maxHeight).toBe(188);
    expect(rooflineSlide(200, stage(0.82)).maxHeight).toBe(125);
  });
});
