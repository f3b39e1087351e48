import { expect, test, type Page } from '@playwright/test';

/**
 * The playground in Chromium against the static build: controls move the URL and the
 * charts, permalinks reproduce the numbers, bad links get a notice, presets and the
 * comparison survive back/forward and a reload.
 */

/** Loads `path` and waits until the URL has been read on the client. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
}

/** Reads the text of every headline figure (label, value, detail), for comparing two pages. */
async function headlineFigures(page: Page): Promise<string[]> {
  return page.getByTestId('headline').locator('dl > div').evaluateAll((divs) => divs.map((div) => div.textContent ?? ''));
}

function timeChart(page: Page) {
  return page.getByRole('img', { name: /^Time per sample by operation/ });
}

function search(page: Page): string {
  return new URL(page.url()).search;
}

test('loads with no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await open(page, '/playground/');
  await expect(page.getByRole('heading', { name: 'Estimate: FiD-Base' })).toBeVisible();
  await expect(timeChart(page)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

test('keyboard slider changes the URL and a chart', async ({ page }) => {
  await open(page, '/playground/');
  const before = await timeChart(page).getAttribute('aria-label');
  const slider = page.getByRole('group', { name: 'Configuration' }).getByRole('slider', { name: 'Cross-attention period K' });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '6 (every 6th layer)');
  await expect.poll(() => search(page)).toBe('?k=6');
  await expect(timeChart(page)).not.toHaveAttribute('aria-label', before ?? '');
  await expect(timeChart(page)).toHaveAttribute('aria-label', /FiD-Base \+ LSA K=6:/);
});

test('permalink reproduces the same numbers', async ({ page, browser }) => {
  await open(page, '/playground/');
  const controls = page.getByRole('group', { name: 'Configuration' });
  await controls.getByRole('combobox', { name: 'Decoder size' }).selectOption('large');
  await controls.getByRole('spinbutton', { name: /Passages per question, exact value/ }).fill('100');
  await controls.getByRole('combobox', { name: 'Accelerator' }).selectOption('a100');
  await controls.getByRole('slider', { name: 'Bandwidth efficiency' }).fill('60');
  await expect.poll(() => search(page)).toContain('beff=60');
  const figures = await headlineFigures(page);
  const url = page.url();
  expect(url).toContain('dec=large');
  expect(url).toContain('passages=100');
  expect(url).toContain('hw=a100');

  const fresh = await browser.newPage();
  await open(fresh, url);
  expect(await headlineFigures(fresh)).toEqual(figures);
  await fresh.close();
});

test('FiDO-Large-XXL is shown beside FiD-Base', async ({ page }) => {
  await open(page, '/playground/?enc=large&dec=xxl&k=6&kv=1');
  await expect(page.getByRole('heading', { name: 'Estimate: FiDO-Large-XXL' })).toBeVisible();
  const references = page.getByTestId('headline').getByRole('table');
  await expect(references.getByRole('row', { name: /^FiD-Base \(reference\)/ })).toContainText('ms');
  await expect(references.getByRole('row', { name: /^FiDO-Large-XXL \(this configuration\)/ })).toContainText('ms');
  await expect(timeChart(page)).toHaveAttribute('aria-label', /FiDO-Large-XXL: [\d.]+ ms.*FiD-Base \(reference\): [\d.]+ ms/);
});

test('malformed permalink lists every bad key', async ({ page }) => {
  await open(page, '/playground/?batch=-5&enc=huge&kv=abc&k=999');
  const notice = page.getByRole('status').filter({ hasText: 'could not be used as given' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('batch: given -5, used 1');
  await expect(notice).toContainText('enc: given huge, used base');
  await expect(notice).toContainText('kv: given abc, used 0');
  await expect(notice).toContainText('k: given 999, used 12');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});

test('a 20 KB permalink still loads', async ({ page }) => {
  // Over Node's default 16 KB header limit; the server must not answer an empty 431.
  const padding = 'x'.repeat(20 * 1024);
  const response = await page.goto(`/playground/?k=6&pad=${padding}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
});

test('back restores the state before a preset', async ({ page }) => {
  await open(page, '/playground/?batch=8');
  const controls = page.getByRole('group', { name: 'Configuration' });
  await controls.getByRole('button', { name: 'FiDO-Base', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Estimate: FiDO-Base' })).toBeVisible();
  expect(search(page)).toBe('?batch=8&k=6&kv=1');

  await page.goBack();
  await expect.poll(() => search(page)).toBe('?batch=8');
  await expect(page.getByRole('heading', { name: 'Estimate: FiD-Base' })).toBeVisible();
  await expect(controls.getByRole('button', { name: 'FiD-Base', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(controls.getByRole('spinbutton', { name: /Batch size, exact value/ })).toHaveValue('8');
});

test('comparison round-trips through the URL', async ({ page, browser }) => {
  await open(page, '/playground/');
  await page.getByRole('switch', { name: 'Compare with another configuration' }).check();
  const second = page.getByRole('group', { name: 'Configuration B' });
  await second.getByRole('button', { name: 'FiDO-Base', exact: true }).click();
  await second.getByRole('spinbutton', { name: /Batch size, exact value/ }).fill('4');
  await expect.poll(() => search(page)).toBe('?cmp=1&b.batch=4&b.k=6&b.kv=1');
  const table = page.getByTestId('compare-table');
  const rows = await table.locator('tbody tr').allTextContents();
  expect(rows.find((row) => row.startsWith('Effective batch'))).toMatch(/64\s*4\s*16x smaller$/);

  const fresh = await browser.newPage();
  await open(fresh, page.url());
  await expect(fresh.getByRole('switch', { name: 'Compare with another configuration' })).toBeChecked();
  await expect(fresh.getByTestId('compare-table').locator('tbody tr')).toHaveText(rows);
  await fresh.close();

  await page.getByRole('switch', { name: 'Compare with another configuration' }).uncheck();
  await expect.poll(() => search(page)).toBe('');
  await page.goBack();
  await expect(page.getByRole('group', { name: 'Configuration B' })).toBeVisible();
});

test('Copy link copies the current URL', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/playground/');
  await page.getByRole('group', { name: 'Configuration' }).getByRole('spinbutton', { name: /Target tokens, exact value/ }).fill('64');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(new URL(copied).search).toBe('?ttokens=64');
});

test('no sideways scrolling at 375 px when comparing', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '/playground/?cmp=1&b.dec=xl&b.k=6&b.kv=1&hw=custom&dec=custom');
  const widths = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(widths.scrollWidth).toBeLessThanOrEqual(widths.innerWidth);
});
