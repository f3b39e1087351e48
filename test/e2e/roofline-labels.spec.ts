import { expect, test, type Page } from '@playwright/test';

/**
 * The roofline's point numbers stay apart as the browser draws them, on `/` and on
 * `/playground/` at 375 px and 1280 px wide. No two number labels overlap, and each
 * keeps a clear gap from its neighbours, measured from the rendered glyph boxes.
 */

/** Minimum space, in CSS pixels, between the glyph boxes of two point numbers, so "1, 5" and "3" never read as one label. */
const MIN_GAP_PX = 4;

interface LabelBox {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Scrolls the first roofline chart into view and returns the boxes of its point numbers. */
async function pointLabelBoxes(page: Page): Promise<LabelBox[][]> {
  const charts = page.locator('svg[role="img"]:has(g[data-mark="points"])');
  await charts.first().waitFor({ state: 'attached', timeout: 30_000 });
  await charts.first().scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return charts.evaluateAll((svgs) =>
    svgs.map((svg) =>
      Array.from(svg.querySelectorAll('g[data-mark="points"] text')).map((text) => {
        const box = text.getBoundingClientRect();
        return { text: text.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      }),
    ),
  );
}

/** Pairs of labels closer than `gap` pixels both across and down. */
function crowdedPairs(labels: readonly LabelBox[], gap: number): string[] {
  const pairs: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) {
      const apartX = Math.max(b.left - a.right, a.left - b.right);
      const apartY = Math.max(b.top - a.bottom, a.top - b.bottom);
      if (apartX < gap && apartY < gap) pairs.push(`"${a.text}" and "${b.text}" (${apartX.toFixed(1)} px across, ${apartY.toFixed(1)} px down)`);
    }
  });
  return pairs;
}

for (const width of [375, 1280]) {
  for (const path of ['/', '/playground/']) {
    test(`roofline numbers apart on ${path} at ${width} px`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${path}#memory-bandwidth`);
      await page.waitForLoadState('networkidle');
      // The article mounts a figure only when it is scrolled near.
      if (path === '/') await page.locator('#memory-bandwidth-figure').scrollIntoViewIfNeeded({ timeout: 30_000 });

      const charts = await pointLabelBoxes(page);
      expect(charts.length).toBeGreaterThan(0);
      const name = `roofline-${path === '/' ? 'article' : 'playground'}-${width}.png`;
      await page.locator('svg[role="img"]:has(g[data-mark="points"])').first().screenshot({ path: testInfo.outputPath(name) });
      for (const [index, labels] of charts.entries()) {
        expect(labels.length, `chart ${index + 1}: point numbers`).toBeGreaterThan(3);
        expect(crowdedPairs(labels, 0), `chart ${index + 1}: overlapping numbers`).toEqual([]);
        expect(crowdedPairs(labels, MIN_GAP_PX), `chart ${index + 1}: numbers closer than ${MIN_GAP_PX} px`).toEqual([]);
      }
    });
  }
}
