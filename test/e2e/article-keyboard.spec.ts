import { expect, test, type Page } from '@playwright/test';

/**
 * Keyboard reach of the article's embedded race. The bench mounts late (when scrolled
 * near, and its code loads on demand), and a reader tabbing quickly from section 8's
 * "Copy link to this section" must still land inside it rather than skip to section 9.
 */

/** Reports where focus is: its section, and whether it is inside the loaded bench. */
function focusPlace(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      section: active?.closest('section[id]')?.id ?? null,
      inBench: active?.closest('[data-race-bench]') !== null && document.querySelector('[data-race-bench] [data-testid="status"]') !== null,
      placeholder: active?.hasAttribute('data-focus-placeholder') ?? false,
    };
  });
}

const IN_BENCH = { section: 'run-it-yourself', inBench: true, placeholder: false };

async function focusSectionLink(page: Page) {
  const link = page.getByRole('button', { name: /^Copy link to this section: Run it yourself/ });
  await link.focus();
  await expect(link).toBeFocused();
}

test('Tab from section 8 reaches the race', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('article[data-ready="true"]')).toHaveCount(1);
  await focusSectionLink(page);

  // No wait for the bench: it may still be loading when the first Tab lands.
  await page.keyboard.press('Tab');
  await expect.poll(() => focusPlace(page)).toEqual(IN_BENCH);

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const section = await page.evaluate(() => document.activeElement?.closest('section[id]')?.id);
  expect(section).toBe('run-it-yourself');
});

test('early Tab reaches the race', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('article[data-ready="true"]')).toHaveCount(1);
  // Delay every script requested from now on, so the first Tab lands on the
  // prerendered placeholder before section 8's code runs.
  let delayedRequests = 0;
  await page.route('**/_next/static/chunks/**', async (route) => {
    delayedRequests += 1;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await focusSectionLink(page);
  await page.keyboard.press('Tab');
  expect(await focusPlace(page)).toEqual({ section: 'run-it-yourself', inBench: false, placeholder: true });

  await expect.poll(() => focusPlace(page), { timeout: 15_000 }).toEqual(IN_BENCH);
  expect(delayedRequests).toBeGreaterThan(0);
});
