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
