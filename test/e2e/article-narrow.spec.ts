import { expect, test, type Page } from '@playwright/test';

/**
 * The article at 375 px wide: with every "Show the numbers" table open, the page itself
 * never scrolls sideways, and each table wider than the page scrolls inside its own
 * focusable region labelled with the table's name.
 */

async function loadArticle(page: Page) {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  await expect(page.locator('article[data-ready="true"]')).toHaveCount(1);
  await expect(page.getByText('Loading this section…')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Opens every "Show the numbers" disclosure on the page and waits for each to show its
 * table. Clicking them in a row without waiting left some closed in one CI run.
 */
async function openEveryTable(page: Page) {
  const disclosures = page.locator('details').filter({ has: page.locator(':scope > summary', { hasText: 'Show the numbers' }) });
  const count = await disclosures.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    const disclosure = disclosures.nth(i);
    await disclosure.scrollIntoViewIfNeeded();
    if (!(await disclosure.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await disclosure.locator(':scope > summary').click();
    }
    await expect(disclosure).toHaveAttribute('open', '');
    await expect(disclosure.locator('table')).toBeVisible();
  }
}

test('article never scrolls sideways at 375 px with every table open', async ({ page }) => {
  await loadArticle(page);
  await openEveryTable(page);

  const widths = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(widths.scrollWidth, `page is ${widths.scrollWidth} px wide in a ${widths.innerWidth} px window`).toBeLessThanOrEqual(widths.innerWidth);
});

test('wide article tables scroll in a labelled focusable region', async ({ page }) => {
  await loadArticle(page);
  await openEveryTable(page);

  const tables = await page.locator('main table').evaluateAll((elements) =>
    elements.map((table) => {
      const region = table.closest('[role="region"]');
      return {
        caption: table.querySelector('caption')?.textContent ?? '(no caption)',
        tableWidth: table.scrollWidth,
        pageWidth: document.documentElement.clientWidth,
        region: region
          ? { tabIndex: (region as HTMLElement).tabIndex, label: region.getAttribute('aria-label') ?? '', scrolls: region.scrollWidth > region.clientWidth }
          : null,
      };
    }),
  );
  const wide = tables.filter((table) => table.tableWidth > table.pageWidth - 32);
  // Sections 3 and 6 have tables of 544 and 477 px, wider than the page.
  expect(wide.length).toBeGreaterThanOrEqual(2);
  for (const table of wide) {
    expect(table.region, `${table.caption} (${table.tableWidth} px) is in no region`).not.toBeNull();
    expect(table.region!.tabIndex, `${table.caption}: region tabIndex`).toBe(0);
    expect(table.region!.label, `${table.caption}: region label`).toContain(table.caption.replace(/: the numbers behind the chart$/, ''));
    expect(table.region!.scrolls, `${table.caption}: region scrolls`).toBe(true);
  }

  const widest = wide.reduce((a, b) => (b.tableWidth > a.tableWidth ? b : a));
  const region = page.getByRole('region', { name: widest.region!.label, exact: true });
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
});
