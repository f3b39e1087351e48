import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * Screenshots of every article section and every slide, in light and dark at 1280x720,
 * kept under test/artifacts/ for a person to look at. Each section must also exist in
 * both the article and lecture mode, finish loading and show real content.
 */

const ARTIFACTS = join(process.cwd(), 'test', 'artifacts', 'screenshots');

test.use({ viewport: { width: 1280, height: 720 } });

test.beforeAll(() => {
  // Start empty, so a renamed or removed section leaves no stale picture behind.
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});

/** Section ids in the order of the article's table of contents. */
async function articleSectionIds(page: Page): Promise<string[]> {
  const hrefs = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').evaluateAll((links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  return hrefs.map((href) => decodeURIComponent(href.replace(/^.*#/, '')));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`article sections render in ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    const ids = await articleSectionIds(page);
    expect(ids.length, 'sections in the table of contents').toBeGreaterThan(0);

    for (const [index, id] of ids.entries()) {
      const section = page.locator(`section[id="${id}"]`);
      await expect(section, `section #${id}`).toHaveCount(1);
      await section.scrollIntoViewIfNeeded();
      await expect(section.getByText('Loading this section…')).toHaveCount(0, { timeout: 30_000 });

      // The section's own title is its first h2.
      const heading = section.getByRole('heading', { level: 2 }).first();
      await expect(heading).toBeVisible();
      const text = (await section.innerText()).replace(/\s+/g, ' ').trim();
      const headingText = (await heading.innerText()).replace(/\s+/g, ' ').trim();
      expect(text.length - headingText.length, `#${id} has content beyond its title`).toBeGreaterThan(80);
      const box = await section.boundingBox();
      expect(box?.height ?? 0, `#${id} height`).toBeGreaterThan(150);

      await page.evaluate((sectionId) => document.getElementById(sectionId)?.scrollIntoView({ block: 'start' }), id);
      await page.screenshot({ path: join(ARTIFACTS, `article-${colorScheme}-${String(index + 1).padStart(2, '0')}-${id}.png`) });
    }
  });

  test(`slides match the article sections in ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    const ids = await articleSectionIds(page);

    await page.goto('/?present=1');
    const controls = page.getByRole('navigation', { name: 'Lecture controls' });
    await expect(controls).toBeVisible();
    await expect(controls.getByText(`Slide 1 of ${ids.length}`)).toBeVisible();

    for (const [index, id] of ids.entries()) {
      await expect(controls.getByText(`Slide ${index + 1} of ${ids.length}`)).toBeVisible();
      const slide = page.locator('[data-section-id]');
      await expect(slide).toHaveAttribute('data-section-id', id);
      await expect(slide.getByText('Loading this section…')).toHaveCount(0, { timeout: 30_000 });
      const bodyText = (await slide.locator('[data-fit-scale]').innerText()).trim();
      expect(bodyText.length, `slide ${index + 1} (#${id}) has content`).toBeGreaterThan(20);
      await page.screenshot({ path: join(ARTIFACTS, `slide-${colorScheme}-${String(index + 1).padStart(2, '0')}-${id}.png`) });
      await page.keyboard.press('ArrowRight');
    }
  });
}
