import { expect, test, type Page } from '@playwright/test';

/**
 * Lecture slides on a phone held upright (390x844): no slide scrolls, and each chart
 * drawn in its slide layout (the FLOP share, the roofline and the time breakdown, which
 * can trade bar or plot height for the space) fills at least half of the slide body's height. Diagrams
 * with a fixed aspect ratio are as tall as the phone's width allows, so they are not held
 * to that bar.
 */

const VIEWPORT = { width: 390, height: 844 };
/** Minimum share of the slide body's height that a slide-layout chart must fill. */
const MIN_FILL = 0.5;

interface SlideReport {
  sectionId: string;
  overflow: string | null;
  bodyHeight: number;
  figureHeight: number;
}

async function measureSlide(page: Page): Promise<SlideReport> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('[data-section-id]')!;
    const body = slide.querySelector<HTMLElement>('[data-overflow]');
    const figures = Array.from(slide.querySelectorAll<SVGSVGElement>('[data-text-scale] > svg[role="img"]')).filter((svg) => svg.getBoundingClientRect().height > 0);
    const top = Math.min(...figures.map((svg) => svg.getBoundingClientRect().top));
    const bottom = Math.max(...figures.map((svg) => svg.getBoundingClientRect().bottom));
    return {
      sectionId: slide.dataset.sectionId ?? '',
      overflow: body?.dataset.overflow ?? null,
      bodyHeight: body?.getBoundingClientRect().height ?? 0,
      figureHeight: figures.length > 0 ? bottom - top : 0,
    };
  });
}

test('portrait slides fit and fill with their charts', async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  await page.goto('/?present=1');
  const counter = page.getByText(/^Slide \d+ of \d+$/);
  await expect(counter).toBeVisible({ timeout: 30_000 });
  const count = Number((await counter.textContent())!.match(/of (\d+)/)![1]);

  const reports: SlideReport[] = [];
  for (let index = 1; index <= count; index++) {
    await expect(counter).toHaveText(`Slide ${index} of ${count}`);
    await expect(page.getByText('Loading this section…')).toHaveCount(0);
    // Figures draw after their first layout, and the slide refits in the next frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    reports.push(await measureSlide(page));
    if (index < count) await page.keyboard.press('ArrowRight');
  }
  // The FLOP share, the roofline and the time breakdown are all measured.
  expect(reports.filter((report) => report.figureHeight > 0).map((report) => report.sectionId)).toEqual(['flops', 'memory-bandwidth', 'asymmetric-decoder']);
  for (const report of reports) {
    expect(report.overflow, `${report.sectionId} scrolls`).toBe('false');
    if (report.figureHeight > 0) expect(report.figureHeight / report.bodyHeight, `${report.sectionId}: chart share of the slide height`).toBeGreaterThanOrEqual(MIN_FILL);
  }
});
