import { expect, test, type Page } from '@playwright/test';

/**
 * The memory chart's text stays inside its SVG and clear of the dashed capacity line, as
 * the browser draws it, at 375 px and 1280 px wide. Boxes come from getBBox, mapped into
 * the SVG's user units, so they compare directly with the viewBox.
 */

/** Minimum space, in SVG pixels, between a text box and the capacity line (its stroke is 1.5 px wide). */
const LINE_CLEARANCE_PX = 1;

interface TextBox {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface LineSegment {
  x: number;
  top: number;
  bottom: number;
}

interface MemoryChartGeometry {
  width: number;
  height: number;
  texts: TextBox[];
  capacityLines: LineSegment[];
}

async function memoryChartGeometry(page: Page): Promise<MemoryChartGeometry> {
  const chart = page.locator('svg[role="img"]:has(g[data-mark="capacity"])').first();
  await chart.waitFor({ state: 'attached', timeout: 30_000 });
  await chart.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return chart.evaluate((svg: SVGSVGElement) => {
    const viewBox = svg.viewBox.baseVal;
    const toSvg = svg.getScreenCTM()!.inverse();
    // getBBox is in the element's own units; map its corners through any group transform.
    const boxInSvg = (element: SVGGraphicsElement) => {
      const box = element.getBBox();
      const matrix = toSvg.multiply(element.getScreenCTM()!);
      const corners = [
        new DOMPoint(box.x, box.y).matrixTransform(matrix),
        new DOMPoint(box.x + box.width, box.y + box.height).matrixTransform(matrix),
      ];
      return {
        left: Math.min(corners[0].x, corners[1].x),
        right: Math.max(corners[0].x, corners[1].x),
        top: Math.min(corners[0].y, corners[1].y),
        bottom: Math.max(corners[0].y, corners[1].y),
      };
    };
    const texts = Array.from(svg.querySelectorAll('text'))
      .filter((text) => (text.textContent ?? '').trim() !== '')
      .map((text) => ({ text: text.textContent ?? '', ...boxInSvg(text) }));
    const capacityLines = Array.from(svg.querySelectorAll<SVGLineElement>('g[data-mark="capacity"] line')).map((line) => {
      const box = boxInSvg(line);
      return { x: (box.left + box.right) / 2, top: box.top, bottom: box.bottom };
    });
    return { width: viewBox.width, height: viewBox.height, texts, capacityLines };
  });
}

/** Texts whose box leaves the SVG's viewBox. */
function textsOutside(chart: MemoryChartGeometry): string[] {
  return chart.texts
    .filter((t) => t.left < 0 || t.top < 0 || t.right > chart.width || t.bottom > chart.height)
    .map((t) => `"${t.text}" spans x ${t.left.toFixed(1)}..${t.right.toFixed(1)} of ${chart.width}, y ${t.top.toFixed(1)}..${t.bottom.toFixed(1)} of ${chart.height}`);
}

/** Texts that the capacity line crosses or comes closer to than LINE_CLEARANCE_PX. */
function textsOnLine(chart: MemoryChartGeometry): string[] {
  const hits: string[] = [];
  for (const t of chart.texts) {
    for (const line of chart.capacityLines) {
      const across = line.x >= t.left - LINE_CLEARANCE_PX && line.x <= t.right + LINE_CLEARANCE_PX;
      const down = line.top < t.bottom + LINE_CLEARANCE_PX && t.top - LINE_CLEARANCE_PX < line.bottom;
      if (across && down) hits.push(`"${t.text}" meets the line at x ${line.x.toFixed(1)}, y ${line.top.toFixed(1)}..${line.bottom.toFixed(1)}`);
    }
  }
  return hits;
}

const QUERIES = ['', '?enc=xxl&dec=xxl&hw=custom&mem=1', '?batch=4096&prec=fp32'];

for (const width of [375, 1280]) {
  for (const query of QUERIES) {
    test(`memory labels fit at ${width} px with "${query || 'defaults'}"`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/playground/${query}`);
      await page.waitForLoadState('networkidle');

      const chart = await memoryChartGeometry(page);
      const name = `memory-${width}-${query.replace(/[^a-z0-9]+/gi, '-') || 'default'}.png`;
      await page.locator('svg[role="img"]:has(g[data-mark="capacity"])').first().screenshot({ path: testInfo.outputPath(name) });

      expect(chart.capacityLines.length, 'capacity line segments').toBeGreaterThan(0);
      expect(chart.texts.some((t) => t.text.startsWith('Batch ')), 'bar labels drawn').toBe(true);
      expect(textsOutside(chart), 'text outside the SVG').toEqual([]);
      expect(textsOnLine(chart), 'text on the capacity line').toEqual([]);
    });
  }
}
