import { expect, test } from '@playwright/test';

/**
 * The static server the README starts (scripts/serve.mjs), as a reader meets it: links
 * that are too long or point nowhere get a page that explains the error.
 */

test('too-long link shows an explanation', async ({ page }) => {
  const padding = 'x'.repeat(70 * 1024);
  const response = await page.goto(`/playground/?k=6&pad=${padding}`);
  expect(response?.status()).toBe(431);
  await expect(page.getByRole('heading', { name: 'This link is too long to open' })).toBeVisible();
  await page.getByRole('link', { name: 'the playground' }).click();
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
});

test('unknown path shows not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('live page is cross-origin isolated', async ({ page }) => {
  // Without isolation Chromium rounds performance.now() to 100 µs, a tenth of a decoding step.
  const response = await page.goto('/live/?backend=cpu');
  expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  // Same-origin workers and wasm still load: calibration on cpu finishes.
  await expect(page.getByTestId('calibration')).toContainText('Calibrated on cpu', { timeout: 120_000 });
});
