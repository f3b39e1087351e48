import { expect, test, type Page } from '@playwright/test';

/**
 * Every element id on a page is unique, and no two form controls share an accessible
 * name. Labels, aria-labelledby and aria-describedby point at the first element with an
 * id, so a repeated id silently names or describes the wrong thing, and neither a
 * screen reader nor getByLabel can distinguish two controls with one name. The article
 * loads its sections as they near the viewport, so the page is scrolled to the end
 * before counting, and lecture mode is checked on every slide.
 */

async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const counts = new Map<string, number>();
    for (const element of Array.from(document.querySelectorAll('[id]'))) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    return [...counts].filter(([, count]) => count > 1).map(([id, count]) => `${id} (${count} times)`);
  });
}

/**
 * Accessible names of the visible form controls that more than one control has, worked
 * out as browsers do for these cases: aria-labelledby, then aria-label, then <label>.
 */
async function duplicateControlNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const textOf = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ');
    const counts = new Map<string, number>();
    for (const control of Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'))) {
      if (control.type === 'hidden' || control.getClientRects().length === 0) continue;
      const labelledBy = control.getAttribute('aria-labelledby');
      const name = (
        labelledBy ? textOf(labelledBy) : (control.getAttribute('aria-label') ?? Array.from(control.labels ?? []).map((label) => label.textContent ?? '').join(' '))
      )
        .replace(/\s+/g, ' ')
        .trim();
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].filter(([, count]) => count > 1).map(([name, count]) => `"${name}" (${count} controls)`);
  });
}

/** Scrolls to the end of the page in viewport steps, so every lazily loaded section mounts. */
async function scrollThrough(page: Page) {
  for (let step = 0; step < 100; step++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if (atEnd) break;
  }
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });
}

for (const path of ['/', '/playground/', '/live/']) {
  test(`no duplicate ids on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await scrollThrough(page);
    expect(await page.locator('[id]').count()).toBeGreaterThan(0);
    expect(await duplicateIds(page)).toEqual([]);
    expect(await duplicateControlNames(page)).toEqual([]);
  });
}

test('no duplicate ids on any lecture slide', async ({ page }) => {
  await page.goto('/?present=1');
  const controls = page.getByRole('navigation', { name: 'Lecture controls' });
  await expect(controls).toBeVisible();
  const count = Number(/of (\d+)/.exec((await controls.innerText()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(1);

  for (let index = 1; index <= count; index++) {
    await expect(controls.getByText(`Slide ${index} of ${count}`)).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });
    expect(await duplicateIds(page), `slide ${index}`).toEqual([]);
    if (index < count) await page.keyboard.press('ArrowRight');
  }
});
