import { expect, test, type Page } from '@playwright/test';

/**
 * The "Time per generated token" chart keeps readable text at a phone's width and on a
 * desktop, on /live and in the article's race. Each size is measured as the browser draws
 * it: the computed font size times the scale from the text's coordinates to the screen,
 * so a viewBox that shrinks the chart shrinks the measured size too.
 */

/** Smallest text the roofline on the same pages draws, in CSS pixels. */
const MIN_TEXT_PX = 10;
/** Largest size that still reads as chart text, not a heading. */
const MAX_TEXT_PX = 13;

interface RenderedText {
  text: string;
  pixels: number;
}

async function renderedTextSizes(page: Page, figureId: string): Promise<RenderedText[]> {
  const chart = page.locator(`#${figureId} svg[role="img"]`);
  await chart.waitFor({ state: 'visible', timeout: 30_000 });
  await chart.scrollIntoViewIfNeeded();
  // Two frames, so a chart that measures its container has drawn at the measured width.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return chart.evaluate((svg) =>
    Array.from(svg.querySelectorAll('text')).map((text) => {
      const matrix = text.getScreenCTM();
      const scale = matrix ? Math.hypot(matrix.a, matrix.b) : Number.NaN;
      return { text: text.textContent ?? '', pixels: Number.parseFloat(getComputedStyle(text).fontSize) * scale };
    }),
  );
}

async function openRace(page: Page) {
  // The bench mounts when it scrolls near and is the only one in the article.
  await page.getByText(/Nothing runs until you start it\./).scrollIntoViewIfNeeded();
  await page.locator('#race-steps').waitFor({ state: 'attached', timeout: 30_000 });
}

const PAGES = [
  { path: '/live/', figureId: 'live-steps' },
  { path: '/', figureId: 'race-steps' },
];

for (const width of [375, 1280]) {
  for (const { path, figureId } of PAGES) {
    test(`step chart text readable on ${path} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      if (path === '/') await openRace(page);

      const texts = await renderedTextSizes(page, figureId);
      // Tick labels on both axes and the two axis titles.
      expect(texts.length).toBeGreaterThan(4);
      for (const { text, pixels } of texts) {
        expect(pixels, `"${text}" drawn at ${pixels.toFixed(1)} px`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
        expect(pixels, `"${text}" drawn at ${pixels.toFixed(1)} px`).toBeLessThanOrEqual(MAX_TEXT_PX);
      }
    });
  }
}
