import { expect, test, type Page } from '@playwright/test';

/**
 * After a run at 375 px wide, the result tables scroll inside their own labelled region
 * and the page itself never scrolls sideways, on /live and in the article's race.
 */

const SMALL = 'passages=2&ptokens=8&ttokens=2&k=2&kv=1&repeats=1&backend=wasm';

async function pageWidths(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

async function expectNoSidewaysScroll(page: Page) {
  const widths = await pageWidths(page);
  expect(widths.scrollWidth, `page is ${widths.scrollWidth} px wide in a ${widths.innerWidth} px window`).toBeLessThanOrEqual(widths.innerWidth);
}

async function expectScrollableRegion(page: Page, name: RegExp) {
  const region = page.getByRole('region', { name });
  await expect(region).toHaveAttribute('tabindex', '0');
  const overflow = await region.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(overflow.scrollWidth).toBeGreaterThan(overflow.clientWidth);
  await region.focus();
  await expect(region).toBeFocused();
}

test('/live never scrolls sideways at 375 px after a race', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/live/?${SMALL}`);
  await expect(page.getByTestId('status')).toHaveAttribute('data-activity', 'finished', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Race both' }).click();
  await expect(page.getByTestId('speedups')).toBeVisible({ timeout: 90_000 });

  await expectScrollableRegion(page, /^Phase times, measured and predicted/);
  await page.locator('#live-roofline').getByText('Show the numbers').click();
  await expectScrollableRegion(page, /^Tiny model phases on this device's roofline: the numbers/);
  await page.locator('#live-steps').getByText('Show the numbers').click();
  await expectNoSidewaysScroll(page);
});

test('the article race never scrolls sideways at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const query = SMALL.split('&')
    .map((pair) => `live.${pair}`)
    .join('&');
  await page.goto(`/?${query}`);
  // The bench loads when it scrolls near, and is the only one on the page.
  await page.getByText(/Nothing runs until you start it\./).scrollIntoViewIfNeeded();
  const button = page.getByRole('button', { name: 'Race both' });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
  await expect(page.getByTestId('speedups')).toBeVisible({ timeout: 90_000 });

  await expectScrollableRegion(page, /^Phase times, measured and predicted/);
  await page.locator('#race-roofline').getByText('Show the numbers').click();
  await expectNoSidewaysScroll(page);
});
