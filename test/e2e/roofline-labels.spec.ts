import { expect, test, type Page } from '@playwright/test';

/**
 * The roofline's point numbers stay apart as the browser draws them, on `/` and on
 * `/playground/` at 375 px and 1280 px wide. No two number labels overlap, and each
 * keeps a clear gap from its neighbours, measured from the rendered glyph boxes. The
 * roof's own labels (peak, ridge, memory slope) overlap no other text of the chart, such
 * as the axis ticks, on a device with a very slow roof and on /live before a run.
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

/** Corners of a text's box as drawn, in screen pixels, rotation included. */
interface DrawnText {
  text: string;
  mark: string | null;
  corners: [number, number][];
}

/** Returns every text of the first roofline chart with the corners of its box on screen. */
async function drawnTexts(page: Page): Promise<DrawnText[]> {
  const chart = page.locator('svg[role="img"]:has(g[data-mark="roof"])').first();
  await chart.waitFor({ state: 'attached', timeout: 30_000 });
  await chart.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return chart.evaluate((svg) =>
    Array.from(svg.querySelectorAll('text')).map((text) => {
      const box = text.getBBox();
      const matrix = text.getScreenCTM()!;
      const corners = [
        [box.x, box.y],
        [box.x + box.width, box.y],
        [box.x + box.width, box.y + box.height],
        [box.x, box.y + box.height],
      ].map(([x, y]) => {
        const point = new DOMPoint(x, y).matrixTransform(matrix);
        return [point.x, point.y] as [number, number];
      });
      return { text: text.textContent ?? '', mark: text.getAttribute('data-mark'), corners };
    }),
  );
}

/** True when two convex quadrilaterals share area (separating axis test over their edges). */
function quadsOverlap(a: readonly [number, number][], b: readonly [number, number][]): boolean {
  for (const quad of [a, b]) {
    for (let i = 0; i < quad.length; i++) {
      const [x0, y0] = quad[i];
      const [x1, y1] = quad[(i + 1) % quad.length];
      const normal = [y0 - y1, x1 - x0];
      const project = (corners: readonly [number, number][]) => corners.map(([x, y]) => x * normal[0] + y * normal[1]);
      const pa = project(a);
      const pb = project(b);
      // Touching edges (a shared line of zero width) do not count as overlap.
      if (Math.max(...pa) <= Math.min(...pb) + 1e-6 || Math.max(...pb) <= Math.min(...pa) + 1e-6) return false;
    }
  }
  return true;
}

/** Pairs made of a roof label and any other text of the chart whose boxes overlap. */
function roofLabelClashes(texts: readonly DrawnText[]): string[] {
  const clashes: string[] = [];
  texts.forEach((a, i) => {
    if (!a.mark?.endsWith('-label')) return;
    texts.forEach((b, j) => {
      // Each pair of two roof labels is checked once.
      if (j === i || (b.mark?.endsWith('-label') && j < i)) return;
      if (quadsOverlap(a.corners, b.corners)) clashes.push(`${a.mark} "${a.text}" and "${b.text}"`);
    });
  });
  return clashes;
}

test('roof labels clear on a slow device', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  // 1 MFLOP/s and 1 MB/s: the memory slope runs along the left axis.
  await page.goto('/playground/?hw=custom&peak=0.000001&bw=0.001#memory-bandwidth');
  await page.waitForLoadState('networkidle');

  const texts = await drawnTexts(page);
  await page.locator('svg[role="img"]:has(g[data-mark="roof"])').first().screenshot({ path: testInfo.outputPath('roofline-slow-device-375.png') });
  expect(texts.filter((t) => t.mark === 'slope-label').map((t) => t.text)).toEqual(['memory 1 MB/s']);
  expect(roofLabelClashes(texts)).toEqual([]);
});

test('roof labels clear on /live before a run', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/live/?backend=wasm');
  // The roof appears once the page has calibrated the device.
  await expect(page.getByTestId('status')).toHaveAttribute('data-activity', 'finished', { timeout: 90_000 });

  const texts = await drawnTexts(page);
  await page.locator('svg[role="img"]:has(g[data-mark="roof"])').first().screenshot({ path: testInfo.outputPath('roofline-live-375.png') });
  expect(texts.filter((t) => t.mark === 'ridge-label').length).toBe(1);
  expect(roofLabelClashes(texts)).toEqual([]);
});
