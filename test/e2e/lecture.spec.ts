import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';

/**
 * Lecture mode in a real browser: `/?present=1` shows the article's sections as slides.
 * `k=6` is a configuration key that must survive every step.
 */

const controls = (page: Page) => page.getByRole('navigation', { name: 'Lecture controls' });
const slideHeading = (page: Page) => page.getByRole('heading', { level: 1 });

function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

async function slideCount(page: Page): Promise<number> {
  const text = await controls(page).getByText(/^Slide \d+ of \d+$/).textContent();
  return Number(/of (\d+)/.exec(text ?? '')?.[1]);
}

async function currentSectionId(page: Page): Promise<string> {
  return (await page.locator('[data-section-id]').getAttribute('data-section-id')) ?? '';
}

async function openLecture(page: Page, search: string) {
  await page.goto(`/${search}`);
  await expect(controls(page)).toBeVisible();
}

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

test('keys move slides and the URL follows', async ({ page }) => {
  await openLecture(page, '?present=1&k=6');
  const count = await slideCount(page);
  expect(count).toBeGreaterThan(1);
  const firstTitle = await slideHeading(page).textContent();

  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]slide=2(&|$)/);
  await expect(controls(page).getByText(`Slide 2 of ${count}`)).toBeVisible();
  await expect(slideHeading(page)).not.toHaveText(firstTitle ?? '');

  await page.keyboard.press('End');
  await expect(page).toHaveURL(new RegExp(`[?&]slide=${count}(&|$)`));
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`[?&]slide=${count}(&|$)`));

  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/[?&]slide=1(&|$)/);
  await expect(slideHeading(page)).toHaveText(firstTitle ?? '');

  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/[?&]slide=2(&|$)/);
  await page.keyboard.press('Shift+Space');
  await expect(page).toHaveURL(/[?&]slide=1(&|$)/);
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/[?&]slide=2(&|$)/);
  await page.keyboard.press('PageUp');
  await expect(page).toHaveURL(/[?&]slide=1(&|$)/);
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/[?&]slide=2(&|$)/);
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(/[?&]slide=1(&|$)/);

  expect(query(page).get('k')).toBe('6');
  expect(query(page).get('present')).toBe('1');
});

test('control bar buttons move slides', async ({ page }) => {
  await openLecture(page, '?present=1');
  const count = await slideCount(page);
  await controls(page).getByRole('button', { name: /next/i }).click();
  await expect(controls(page).getByText(`Slide 2 of ${count}`)).toBeVisible();
  await controls(page).getByRole('button', { name: /previous/i }).click();
  await expect(controls(page).getByText(`Slide 1 of ${count}`)).toBeVisible();
});

test('reload keeps the slide', async ({ page }) => {
  await openLecture(page, '?present=1&k=6&slide=2');
  const title = await slideHeading(page).textContent();
  await page.reload();
  await expect(controls(page)).toBeVisible();
  await expect(slideHeading(page)).toHaveText(title ?? '');
  expect(query(page).get('slide')).toBe('2');
  expect(query(page).get('k')).toBe('6');
});

test('slide past the end is clamped with a notice', async ({ page }) => {
  await openLecture(page, '?present=1&slide=99');
  const count = await slideCount(page);
  await expect(page.getByRole('status').filter({ hasText: 'slide 99' })).toBeVisible();
  await expect(controls(page).getByText(`Slide ${count} of ${count}`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]slide=${count}(&|$)`));
});

test('malformed slide falls back to 1 with a notice', async ({ page }) => {
  await openLecture(page, '?present=1&slide=intro');
  await expect(page.getByRole('status').filter({ hasText: 'not a slide number' })).toBeVisible();
  await expect(controls(page).getByText(/^Slide 1 of/)).toBeVisible();
});

test('keys do nothing in a form control and figures stay live', async ({ page }) => {
  await openLecture(page, '?present=1');
  const count = await slideCount(page);
  // A slide's section code loads when the slide is shown, so give each slide a moment
  // to render its controls before moving on.
  const slider = page.locator('[data-section-id] input[type="range"]').first();
  for (let index = 1; index <= count; index++) {
    const found = await slider.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (found) break;
    await page.keyboard.press('ArrowRight');
  }
  expect(await slider.count(), 'a slide with a range slider').toBe(1);

  const slide = query(page).get('slide');
  const before = await slider.inputValue();
  const textBefore = await page.locator('[data-section-id]').innerText();
  const configBefore = new URL(page.url()).search;

  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');

  expect(query(page).get('slide')).toBe(slide);
  expect(await slider.inputValue()).not.toBe(before);
  await expect.poll(() => page.locator('[data-section-id]').innerText()).not.toBe(textBefore);
  // The slide writes the shared configuration to the URL (after a short quiet period).
  await expect.poll(() => new URL(page.url()).search).not.toBe(configBefore);
  expect(query(page).get('present')).toBe('1');
});

/**
 * Draws the dialog's QR SVG on a canvas in the page and returns its pixels as RGBA.
 * The page sends only the red channel, base64-encoded: the picture is black and white,
 * and a JSON array of every channel takes seconds to transfer.
 */
async function qrPixels(page: Page): Promise<{ side: number; rgba: Uint8ClampedArray }> {
  // The QR encoder loads when the dialog opens, so the code appears a moment later.
  await page.locator('dialog[open] svg[role="img"]').waitFor({ state: 'visible' });
  const { side, red } = await page.evaluate(async () => {
    const svg = document.querySelector('dialog[open] svg[role="img"]');
    if (!svg) throw new Error('QR code SVG not found in an open dialog');
    const side = 400;
    const image = new Image(side, side);
    const loaded = new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = reject;
    });
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, side, side);
    context.drawImage(image, 0, 0, side, side);
    const pixels = context.getImageData(0, 0, side, side).data;
    let binary = '';
    for (let offset = 0; offset < pixels.length; offset += 4) binary += String.fromCharCode(pixels[offset]);
    return { side, red: btoa(binary) };
  });
  const channel = Buffer.from(red, 'base64');
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let pixel = 0; pixel < side * side; pixel++) {
    rgba.set([channel[pixel], channel[pixel], channel[pixel], 255], pixel * 4);
  }
  return { side, rgba };
}

test('QR code decodes to the article permalink', async ({ page }) => {
  await openLecture(page, '?present=1&k=6&kv=1&slide=2');
  const sectionId = await currentSectionId(page);
  await page.keyboard.press('q');
  const dialog = page.getByRole('dialog', { name: 'Open this on your device' });
  await expect(dialog).toBeVisible();

  const { side, rgba } = await qrPixels(page);
  const decoded = jsQR(rgba, side, side);
  expect(decoded, 'a readable QR code').not.toBeNull();
  const origin = new URL(page.url()).origin;
  expect(decoded!.data).toBe(`${origin}/?k=6&kv=1#${sectionId}`);
  await expect(dialog.getByRole('link')).toHaveText(decoded!.data);

  await page.keyboard.press('ArrowRight');
  expect(query(page).get('slide')).toBe('2');

  await page.keyboard.press('q');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('q');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(controls(page)).toBeVisible();
  expect(query(page).get('present')).toBe('1');
});

test('Esc leaves for the article at the same section', async ({ page }) => {
  await openLecture(page, '?present=1&k=6&slide=2');
  const sectionId = await currentSectionId(page);
  await page.keyboard.press('Escape');

  await expect(controls(page)).toBeHidden();
  await expect(page.locator(`section#${sectionId}`)).toBeVisible();
  expect(query(page).get('present')).toBeNull();
  expect(query(page).get('slide')).toBeNull();
  expect(query(page).get('k')).toBe('6');
  expect(new URL(page.url()).hash).toBe(`#${sectionId}`);
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
  await expect
    .poll(() => page.locator(`section#${sectionId}`).evaluate((element) => Math.abs(element.getBoundingClientRect().top)))
    .toBeLessThan(40);

  await page.goBack();
  await expect(controls(page)).toBeVisible();
  expect(query(page).get('slide')).toBe('2');
});

test('full screen toggles or explains why not', async ({ page }) => {
  await openLecture(page, '?present=1');
  await page.keyboard.press('f');
  const button = controls(page).getByRole('button', { name: /full screen/i });
  await expect
    .poll(async () => (await button.getAttribute('aria-pressed')) === 'true' || (await page.getByRole('status').filter({ hasText: /full screen/i }).count()) > 0)
    .toBe(true);
  if ((await button.getAttribute('aria-pressed')) === 'true') {
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('f');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
  }
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`every slide fits ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openLecture(page, '?present=1');
    const count = await slideCount(page);

    for (let index = 1; index <= count; index++) {
      await expect(controls(page).getByText(`Slide ${index} of ${count}`)).toBeVisible();
      const sectionId = await currentSectionId(page);
      await expect(page.getByText('Loading this section…')).toHaveCount(0);
      // Figures draw after their first layout, and the slide refits in the next frame.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

      const layout = await page.evaluate(() => {
        const scroller = document.scrollingElement!;
        const fit = document.querySelector<HTMLElement>('[data-fit-scale]');
        const stage = document.querySelector<HTMLElement>('[data-scale]');
        const bar = document.querySelector('nav[aria-label="Lecture controls"]')!.getBoundingClientRect();
        const title = document.querySelector('h1')!;
        return {
          scrollHeight: scroller.scrollHeight,
          scrollWidth: scroller.scrollWidth,
          innerHeight: window.innerHeight,
          innerWidth: window.innerWidth,
          overflow: fit?.dataset.overflow,
          fitScale: Number(fit?.dataset.fitScale),
          barBottom: bar.bottom,
          barRight: bar.right,
          titlePx: parseFloat(getComputedStyle(title).fontSize) * Number(stage?.dataset.scale),
        };
      });
      const where = `slide ${index} (${sectionId})`;
      expect(layout.scrollHeight, `${where}: page height`).toBeLessThanOrEqual(layout.innerHeight);
      expect(layout.scrollWidth, `${where}: page width`).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.overflow, `${where}: content needs scrolling`).toBe('false');
      expect(layout.fitScale, `${where}: content shrink`).toBeGreaterThanOrEqual(0.6);
      expect(layout.barBottom, `${where}: control bar inside the screen`).toBeLessThanOrEqual(layout.innerHeight);
      expect(layout.barRight, `${where}: control bar inside the screen`).toBeLessThanOrEqual(layout.innerWidth);
      // Readable from the back of a room: slide titles at least 36 screen pixels tall.
      expect(layout.titlePx, `${where}: title size`).toBeGreaterThanOrEqual(36);

      if (index < count) await page.keyboard.press('ArrowRight');
    }
  });
}

test('claims table scrolls by keyboard on a short screen', async ({ page }) => {
  await page.setViewportSize({ width: 844, height: 390 });
  await openLecture(page, '?present=1&slide=9');
  const region = page.getByRole('region', { name: "The FiDO paper's claims, scrollable" });
  await expect(region).toHaveAttribute('data-scrolls', 'true');

  await region.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect.poll(() => region.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  await expect(controls(page).getByText('Slide 9 of 9')).toBeVisible();

  // Esc hands the keys back to the lecture.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await expect(controls(page).getByText('Slide 8 of 9')).toBeVisible();
});

test('short landscape slides put the figure beside the headline', async ({ page }) => {
  await page.setViewportSize({ width: 844, height: 390 });
  await openLecture(page, '?present=1&slide=3');
  const headline = await page.locator('[data-section-id] p', { hasText: 'cross-attention does' }).boundingBox();
  const chart = await page.getByRole('img', { name: /^Roofline/ }).boundingBox();
  expect(headline!.x).toBeGreaterThan(chart!.x + chart!.width - 1);
  expect(await page.locator('[data-slide-layout]').getAttribute('data-slide-layout')).toBe('side');

  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.locator('[data-slide-layout]')).toHaveAttribute('data-slide-layout', 'stacked');
});

test('diagram play button is styled like the article', async ({ page }) => {
  await page.goto('/#fusion-in-decoder');
  const inArticle = page.locator('#fusion-in-decoder').getByRole('button', { name: /animation/ });
  const articleStyle = await inArticle.evaluate((button) => {
    const style = getComputedStyle(button);
    return { radius: style.borderRadius, background: style.backgroundColor };
  });

  await openLecture(page, '?present=1&slide=1');
  const onSlide = page.getByRole('button', { name: /animation/ });
  const slideStyle = await onSlide.evaluate((button) => {
    const style = getComputedStyle(button);
    return { radius: style.borderRadius, background: style.backgroundColor };
  });
  expect(articleStyle.radius).toBe('6px');
  expect(slideStyle).toEqual(articleStyle);
});
