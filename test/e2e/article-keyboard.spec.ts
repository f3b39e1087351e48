import { expect, test } from '@playwright/test';

/**
 * Keyboard reach of the article's embedded race. The bench mounts late (when scrolled
 * near, and its code loads on demand), and a reader tabbing quickly from section 8's
 * "Copy link to this section" must still land inside it rather than skip to section 9.
 */

test('Tab from section 8 link reaches the race', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('article[data-ready="true"]')).toHaveCount(1);
  const link = page.getByRole('button', { name: /^Copy link to this section: Run it yourself/ });
  await link.focus();
  await expect(link).toBeFocused();

  // No wait for the bench: it may still be loading when the first Tab lands.
  await page.keyboard.press('Tab');
  await expect
    .poll(() =>
      page.evaluate(() => {
        const active = document.activeElement;
        return {
          section: active?.closest('section[id]')?.id ?? null,
          inBench: active?.closest('[data-race-bench]') !== null && document.querySelector('[data-race-bench] [data-testid="status"]') !== null,
          placeholder: active?.hasAttribute('data-focus-placeholder') ?? false,
        };
      }),
    )
    .toEqual({ section: 'run-it-yourself', inBench: true, placeholder: false });

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const section = await page.evaluate(() => document.activeElement?.closest('section[id]')?.id);
  expect(section).toBe('run-it-yourself');
});
