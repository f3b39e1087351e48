import { expect, test, type Page } from '@playwright/test';

/**
 * Chart text on every lecture slide is big enough to read from the back of a room:
 * at a 1280x720 viewport every <text> and <tspan> inside a slide's SVG figures
 * renders at 12 CSS pixels or more, the slide does not scroll sideways, and chart
 * labels stay inside their chart and clear of each other.
 */

const VIEWPORT = { width: 1280, height: 720 };
/** Smallest on-screen font size, in CSS pixels, that a slide's chart text may have. */
const MIN_TEXT_PX = 12;

const controls = (page: Page) => page.getByRole('navigation', { name: 'Lecture controls' });

interface TextSize {
  text: string;
  fontPx: number;
  /** Rendered font size: computed size times the element's scale to the screen. */
  screenPx: number;
}

interface SlideReport {
  sectionId: string;
  sizes: TextSize[];
  scrollWidth: number;
  clientWidth: number;
  fitScrollWidth: number;
  fitClientWidth: number;
  clipped: string[];
  overlapping: string[];
}

async function measureSlide(page: Page): Promise<SlideReport> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('[data-section-id]')!;
    const svgs = Array.from(slide.querySelectorAll<SVGSVGElement>('svg')).filter((svg) => svg.getBoundingClientRect().width > 0);
    const sizes: TextSize[] = [];
    const clipped: string[] = [];
    const overlapping: string[] = [];
    for (const svg of svgs) {
      const svgBox = svg.getBoundingClientRect();
      const level: { text: string; box: DOMRect }[] = [];
      for (const element of Array.from(svg.querySelectorAll<SVGTextContentElement>('text, tspan'))) {
        const text = (element.textContent ?? '').trim();
        const style = getComputedStyle(element);
        if (!text || style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const matrix = element.getScreenCTM();
        const scale = matrix ? Math.sqrt(Math.abs(matrix.a * matrix.d - matrix.b * matrix.c)) : 1;
        const fontPx = parseFloat(style.fontSize);
        sizes.push({ text, fontPx, screenPx: fontPx * scale });
        if (element.tagName === 'text') {
          const outside = box.left < svgBox.left - 1 || box.right > svgBox.right + 1 || box.top < svgBox.top - 1 || box.bottom > svgBox.bottom + 1;
          if (outside) clipped.push(text);
          // Rotated text has a bounding box far larger than its glyphs, so only level text is compared.
          if (!/rotate/.test(element.getAttribute('transform') ?? '')) level.push({ text, box });
        }
      }
      // Two level labels overlap when their boxes share more than 2 px each way (glyph boxes include some line spacing).
      level.forEach((a, i) => {
        for (const b of level.slice(i + 1)) {
          const dx = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const dy = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (dx > 2 && dy > 2) overlapping.push(`"${a.text}" and "${b.text}"`);
        }
      });
    }
    const fit = slide.querySelector<HTMLElement>('[data-fit-scale]');
    const scroller = document.scrollingElement!;
    return {
      sectionId: slide.dataset.sectionId ?? '',
      sizes,
      scrollWidth: scroller.scrollWidth,
      clientWidth: scroller.clientWidth,
      fitScrollWidth: fit?.scrollWidth ?? 0,
      fitClientWidth: fit?.clientWidth ?? 0,
      clipped,
      overlapping,
    };
  });
}

test(`chart text on every slide is at least ${MIN_TEXT_PX} px at 1280x720`, async ({ page }, testInfo) => {
  await page.setViewportSize(VIEWPORT);
  await page.goto('/?present=1');
  await expect(controls(page)).toBeVisible();
  const counter = await controls(page).getByText(/^Slide \d+ of \d+$/).textContent();
  const count = Number(/of (\d+)/.exec(counter ?? '')?.[1]);
  expect(count).toBeGreaterThan(1);

  let measuredTexts = 0;
  for (let index = 1; index <= count; index++) {
    await expect(controls(page).getByText(`Slide ${index} of ${count}`)).toBeVisible();
    await expect(page.getByText('Loading this section…')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    // Figures draw after their first layout, and the slide refits in the next frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

    const report = await measureSlide(page);
    const where = `slide ${index} (${report.sectionId})`;
    await page.screenshot({ path: testInfo.outputPath(`slide-${index}-${report.sectionId}.png`) });

    const small = report.sizes.filter((s) => s.screenPx < MIN_TEXT_PX).map((s) => `"${s.text}" at ${s.screenPx.toFixed(1)} px`);
    expect(small, `${where}: chart text below ${MIN_TEXT_PX} px`).toEqual([]);
    expect(report.clipped, `${where}: chart text outside its chart`).toEqual([]);
    expect(report.overlapping, `${where}: chart labels overlap`).toEqual([]);
    expect(report.scrollWidth, `${where}: page scrolls sideways`).toBeLessThanOrEqual(report.clientWidth);
    expect(report.fitScrollWidth, `${where}: slide body scrolls sideways`).toBeLessThanOrEqual(report.fitClientWidth);
    measuredTexts += report.sizes.length;

    if (index < count) await page.keyboard.press('ArrowRight');
  }
  // The walk measured real chart text, not an empty page.
  expect(measuredTexts).toBeGreaterThan(20);
});
