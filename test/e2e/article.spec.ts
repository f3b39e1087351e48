import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_SECTIONS } from '../../components/article/sections';

/**
 * The article at `/`. It loads without console errors or requests to another origin,
 * and its first-load JavaScript stays within budget. Each section's permalink opens the
 * page at that section with the numbers the full article shows for the same query.
 */

const SITE_DIR = process.env.NEXT_DIST_DIR ?? 'out';
/** First-load JavaScript budget of `/`, gzipped. */
const FIRST_LOAD_GZIP_BYTES = 200_000;
const QUERY = '?passages=20&ttokens=64&batch=32&k=4&kv=2';

/** Loads `path`, waits for the URL to be read and for every section's code to arrive. */
async function load(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('article[data-ready="true"]')).toHaveCount(1);
  await expect(page.getByText('Loading this section…')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const passages = new URL(path, 'http://site').searchParams.get('passages');
  // The sections show the URL's configuration, not the prerendered default.
  if (passages) await expect(page.locator('#fusion-in-decoder [data-number="passages"]')).toHaveText(passages);
}

/** Text of every marked number in the section, in document order. */
async function sectionNumbers(page: Page, id: string): Promise<string[]> {
  return page.locator(`#${id} [data-number]`).allTextContents();
}

test('first-load JavaScript of / stays within budget', () => {
  const html = readFileSync(`${SITE_DIR}/index.html`, 'utf8');
  const scripts = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]))];
  expect(scripts.length).toBeGreaterThan(0);
  const gzipBytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(`${SITE_DIR}${src}`)).length, 0);
  expect(gzipBytes).toBeLessThanOrEqual(FIRST_LOAD_GZIP_BYTES);
  // KaTeX and TensorFlow.js load on demand only.
  for (const src of scripts) {
    const code = readFileSync(`${SITE_DIR}${src}`, 'utf8');
    expect(code).not.toContain('katex-mathml');
    expect(code).not.toContain('tfjs-backend-wasm');
  }
});

test('/ loads with no console error and stays on its origin', async ({ page, baseURL }) => {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(`${baseURL}/`)) foreign.push(request.url());
  });

  await load(page, `/${QUERY}`);
  // Scroll to the end so every figure, formula and the live bench mount.
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 400) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await expect(page.locator('[data-formula="katex"]')).toHaveCount(4);
  await expect(page.locator('[data-lazy-figure="waiting"]')).toHaveCount(0);
  await page.waitForLoadState('networkidle');

  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('the page fits 375 px without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await load(page, '/');
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('each section link opens that section with the article numbers', async ({ browser }) => {
  const full = await browser.newPage();
  await load(full, `/${QUERY}`);
  const expected = new Map<string, string[]>();
  for (const { id } of ARTICLE_SECTIONS) expected.set(id, await sectionNumbers(full, id));
  await full.close();
  // The query must have changed something, or the comparison proves nothing.
  expect(expected.get('fusion-in-decoder')).toContain('5,120');

  for (const { id, title } of ARTICLE_SECTIONS) {
    const page = await browser.newPage();
    await load(page, `/${QUERY}#${id}`);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(title.replace(/[()]/g, '.')) })).toBeInViewport();
    await expect(page.locator(`#${id} [data-number]`)).toHaveText(expected.get(id)!);
    await page.close();
  }
});

test('the link to the last section stays on it while the figures above mount', async ({ browser }) => {
  for (const path of ['/#paper-check', '/?k=6&kv=1#paper-check', '/#paper-check']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Late figures and sections above the target have had their time to mount.
    await page.waitForTimeout(2500);
    const top = await page.locator('#paper-check').evaluate((section) => section.getBoundingClientRect().top);
    expect(top, path).toBeGreaterThanOrEqual(-2);
    expect(top, path).toBeLessThan(100);
    await expect(page.getByRole('heading', { level: 2, name: /Paper check/ })).toBeInViewport();
    await page.close();
  }
});

test('the copied section link carries the query and the anchor', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await load(page, `/${QUERY}`);
  await page.locator('#multi-query-attention').getByRole('button', { name: /Copy link to this section/ }).click();
  await expect(page.locator('#multi-query-attention').getByText('Link copied.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).hash).toBe('#multi-query-attention');
  expect(new URL(copied).searchParams.get('passages')).toBe('20');
});

test('K moves by keyboard and redraws the decoder layers', async ({ page }) => {
  await load(page, '/#layer-sparse-cross-attention');
  const section = page.locator('#layer-sparse-cross-attention');
  await expect(section.locator('[data-cross-attention="kept"]')).toHaveCount(12);
  const slider = section.getByRole('slider', { name: 'Cross-attention period K' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(section.locator('[data-cross-attention="kept"]')).toHaveCount(6);
  await expect(section.getByRole('img', { name: /layers 1, 3, 5/ })).toBeVisible();
  await expect(page).toHaveURL(/[?&]k=2/);
});

test('the animation pauses and plays by keyboard', async ({ page }) => {
  await load(page, '/#fusion-in-decoder');
  const button = page.locator('#fusion-in-decoder').getByRole('button', { name: /animation/ });
  await expect(button).toHaveText('Pause animation');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Play animation');
});

test('reduced motion starts the animation paused', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await load(page, '/#fusion-in-decoder');
  const button = page.locator('#fusion-in-decoder').getByRole('button', { name: /animation/ });
  await expect(button).toHaveText('Play animation');
  await expect(page.locator('#fusion-in-decoder').getByText(/^Step 4 of 4/)).toBeVisible();
});
