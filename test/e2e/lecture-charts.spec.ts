import { expect, test, type Page } from '@playwright/test';

/**
 * Text on every lecture slide is big enough to read, on a laptop and on a phone:
 * - at 1280x720 every text on a slide, SVG or HTML, renders at 14 CSS pixels or more;
 * - on a 390x844 portrait phone every chart text (SVG text and table cells) renders at
 *   11 px or more;
 * - on an 844x390 landscape phone every text renders at 10 px or more, and nothing in a
 *   slide scrolls unless it is a focusable, labelled scroll region.
 * On each, the slide does not scroll sideways, and chart labels stay inside their chart
 * and clear of each other. Rendered size is the computed font size times the element's
 * scale to the screen (the lecture stage and the slide's fit both scale it).
 */

interface ViewportCase {
  name: string;
  viewport: { width: number; height: number };
  /** Smallest on-screen size, in CSS pixels, of chart text: SVG text and table cells. */
  minChartPx: number;
  /** Smallest on-screen size of any other text on the slide, or null to leave it unchecked. */
  minTextPx: number | null;
  /** Whether a box inside the slide may scroll only as a focusable, labelled region. */
  scrollRegionsOnly: boolean;
}

const CASES: ViewportCase[] = [
  { name: 'laptop 1280x720', viewport: { width: 1280, height: 720 }, minChartPx: 14, minTextPx: 14, scrollRegionsOnly: false },
  { name: 'portrait phone 390x844', viewport: { width: 390, height: 844 }, minChartPx: 11, minTextPx: null, scrollRegionsOnly: false },
  { name: 'landscape phone 844x390', viewport: { width: 844, height: 390 }, minChartPx: 10, minTextPx: 10, scrollRegionsOnly: true },
];

// The Fusion-in-Decoder diagram slides its question boxes in from outside its frame. With
// reduced motion it shows its last frame, still, so the labels are measured where they rest.
test.use({ reducedMotion: 'reduce' });

const controls = (page: Page) => page.getByRole('navigation', { name: 'Lecture controls' });

interface TextSize {
  text: string;
  fontPx: number;
  /** Rendered font size: computed size times the element's scale to the screen. */
  screenPx: number;
}

interface SlideReport {
  sectionId: string;
  chartSizes: TextSize[];
  textSizes: TextSize[];
  scrollWidth: number;
  clientWidth: number;
  fitScrollWidth: number;
  fitClientWidth: number;
  clipped: string[];
  overlapping: string[];
  /** Boxes in the slide that scroll without a tab stop or an accessible name. */
  unlabelledScrollers: string[];
}

async function measureSlide(page: Page): Promise<SlideReport> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('[data-section-id]')!;
    const svgs = Array.from(slide.querySelectorAll<SVGSVGElement>('svg')).filter((svg) => svg.getBoundingClientRect().width > 0);
    const chartSizes: TextSize[] = [];
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
        chartSizes.push({ text, fontPx, screenPx: fontPx * scale });
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
    // HTML text: its scale to the screen is its drawn width over its layout width.
    const textSizes: TextSize[] = [];
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = (walker.currentNode.textContent ?? '').trim();
      const element = walker.currentNode.parentElement;
      if (!text || !element || !(element instanceof HTMLElement) || element.closest('svg, .visually-hidden')) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || element.offsetWidth === 0) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const fontPx = parseFloat(style.fontSize);
      const size = { text: text.slice(0, 40), fontPx, screenPx: (fontPx * box.width) / element.offsetWidth };
      if (element.closest('table')) chartSizes.push(size);
      else textSizes.push(size);
    }

    const unlabelledScrollers: string[] = [];
    for (const element of Array.from(slide.querySelectorAll<HTMLElement>('*'))) {
      const style = getComputedStyle(element);
      const scrollsY = /auto|scroll/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      const scrollsX = /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      if (!scrollsY && !scrollsX) continue;
      const labelled = element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby');
      if (element.tabIndex < 0 || !labelled) {
        unlabelledScrollers.push(`${element.tagName.toLowerCase()}.${element.className} (${element.scrollHeight} px in ${element.clientHeight} px)`);
      }
    }

    const fit = slide.querySelector<HTMLElement>('[data-fit-scale]');
    const scroller = document.scrollingElement!;
    return {
      sectionId: slide.dataset.sectionId ?? '',
      chartSizes,
      textSizes,
      unlabelledScrollers,
      scrollWidth: scroller.scrollWidth,
      clientWidth: scroller.clientWidth,
      fitScrollWidth: fit?.scrollWidth ?? 0,
      fitClientWidth: fit?.clientWidth ?? 0,
      clipped,
      overlapping,
    };
  });
}

/** Returns the slide's layout state: its fit scale and the size and viewBox of every SVG. */
function layoutSignature(page: Page): Promise<string> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('[data-section-id]');
    if (!slide) return '';
    const fit = slide.querySelector<HTMLElement>('[data-fit-scale]')?.dataset.fitScale ?? '';
    const svgs = Array.from(slide.querySelectorAll('svg')).map((svg) => {
      const box = svg.getBoundingClientRect();
      return `${svg.getAttribute('viewBox')} ${Math.round(box.width)}x${Math.round(box.height)}`;
    });
    return [fit, ...svgs].join('|');
  });
}

/**
 * Waits until the slide's layout stays the same over three checks 100 ms apart. A slide
 * refits in the frame after its figures draw, and a chart then lays out again at its
 * new text scale and height, so two animation frames are not always enough.
 */
async function waitForStableLayout(page: Page): Promise<void> {
  let previous = '';
  let stableChecks = 0;
  for (let attempt = 0; attempt < 50 && stableChecks < 3; attempt++) {
    await page.waitForTimeout(100);
    const signature = await layoutSignature(page);
    stableChecks = signature === previous ? stableChecks + 1 : 0;
    previous = signature;
  }
}

function below(sizes: TextSize[], minPx: number): string[] {
  return sizes.filter((s) => s.screenPx < minPx).map((s) => `"${s.text}" at ${s.screenPx.toFixed(1)} px`);
}

for (const viewportCase of CASES) {
  const { name, viewport, minChartPx, minTextPx, scrollRegionsOnly } = viewportCase;

  test(`slide text is readable on a ${name}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
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
      await waitForStableLayout(page);

      const report = await measureSlide(page);
      const where = `slide ${index} (${report.sectionId})`;
      await page.screenshot({ path: testInfo.outputPath(`slide-${index}-${report.sectionId}.png`) });

      expect(below(report.chartSizes, minChartPx), `${where}: chart text below ${minChartPx} px`).toEqual([]);
      if (minTextPx !== null) expect(below(report.textSizes, minTextPx), `${where}: text below ${minTextPx} px`).toEqual([]);
      if (scrollRegionsOnly) expect(report.unlabelledScrollers, `${where}: boxes that scroll without a tab stop and a label`).toEqual([]);
      expect(report.clipped, `${where}: chart text outside its chart`).toEqual([]);
      expect(report.overlapping, `${where}: chart labels overlap`).toEqual([]);
      expect(report.scrollWidth, `${where}: page scrolls sideways`).toBeLessThanOrEqual(report.clientWidth);
      expect(report.fitScrollWidth, `${where}: slide body scrolls sideways`).toBeLessThanOrEqual(report.fitClientWidth);
      measuredTexts += report.chartSizes.length;

      if (index < count) await page.keyboard.press('ArrowRight');
    }
    // The walk measured real chart text, not an empty page.
    expect(measuredTexts).toBeGreaterThan(20);
  });
}
