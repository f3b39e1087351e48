import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Site-wide checks on every page: axe-core finds no serious or critical violation in
 * either theme, nothing scrolls sideways at 375 px, no request leaves the site's origin,
 * the theme switch works before React runs, and the print stylesheet hides controls.
 */

const PAGES = ['/', '/playground/', '/live/', '/?present=1'];

type ThemeSetup = { name: string; colorScheme: 'light' | 'dark'; stored?: 'light' | 'dark' };

const THEMES: ThemeSetup[] = [
  { name: 'system light', colorScheme: 'light' },
  { name: 'system dark', colorScheme: 'dark' },
  { name: 'dark chosen on a light system', colorScheme: 'light', stored: 'dark' },
  { name: 'light chosen on a dark system', colorScheme: 'dark', stored: 'light' },
];

async function useTheme(page: Page, theme: ThemeSetup) {
  await page.emulateMedia({ colorScheme: theme.colorScheme });
  if (theme.stored) {
    await page.addInitScript((stored) => window.localStorage.setItem('fido-theme', stored), theme.stored);
  }
}

/** Loads `path` and waits until the client has rendered and the network is quiet. */
async function load(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });
}

for (const path of PAGES) {
  for (const theme of THEMES) {
    test(`axe: ${path} in ${theme.name}`, async ({ page }) => {
      await useTheme(page, theme);
      await load(page, path);
      // axe skips disabled buttons, so /live is scanned once calibration has enabled them.
      if (path === '/live/') await expect(page.getByRole('button', { name: 'Race both' })).toBeEnabled({ timeout: 120_000 });
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          help: violation.help,
          elements: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
        }));
      expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
    });
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: /live after a race in ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    // A small race, so the phase table, speedups and roofline points exist when axe scans.
    await load(page, '/live/?backend=wasm&passages=2&ptokens=16&ttokens=2&repeats=1');
    const race = page.getByRole('button', { name: 'Race both' });
    await expect(race).toBeEnabled({ timeout: 120_000 });
    await race.click();
    await expect(page.getByTestId('status')).toHaveAttribute('data-activity', 'finished', { timeout: 120_000 });
    await expect(page.getByRole('table', { name: 'Phase times, measured and predicted' })).toBeVisible();
    await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}) on ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    // Table rules of any impact, as empty-table-header is only "minor" to axe.
    const tables = await new AxeBuilder({ page }).include('table').withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
    expect(tables.violations.map((violation) => `${violation.id} on ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

for (const theme of THEMES) {
  test(`axe: /live primary button hovered in ${theme.name}`, async ({ page }) => {
    await useTheme(page, theme);
    await load(page, '/live/');
    const race = page.getByRole('button', { name: 'Race both' });
    await expect(race).toBeEnabled({ timeout: 120_000 });
    await race.hover();
    const results = await new AxeBuilder({ page }).include('button').withRules(['color-contrast']).analyze();
    expect(results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: every slide in ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await load(page, '/?present=1');
    const controls = page.getByRole('navigation', { name: 'Lecture controls' });
    const count = Number(/of (\d+)/.exec((await controls.innerText()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);

    const serious: string[] = [];
    for (let index = 1; index <= count; index++) {
      await expect(controls.getByText(`Slide ${index} of ${count}`)).toBeVisible();
      await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
        serious.push(`slide ${index}: ${violation.id} (${violation.impact}) on ${targets.join(', ')}`);
      }
      await page.keyboard.press('ArrowRight');
    }
    expect(serious).toEqual([]);
  });
}

for (const path of PAGES) {
  test(`no sideways scrolling at 375 px on ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await load(page, path);
    const widths = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.innerWidth);
  });
}

for (const path of PAGES) {
  test(`no request leaves the origin on ${path}`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await load(page, path);
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
  });
}

test('theme switch is labelled and remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await load(page, '/');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);

  await page.goto('/playground/');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  expect(await page.evaluate(() => window.localStorage.getItem('fido-theme'))).toBeNull();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(lightBackground);
});

test('stored theme applies before any JavaScript bundle runs', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => window.localStorage.setItem('fido-theme', 'dark'));
  // With every bundle blocked, only the inline script in <head> can set the theme.
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
});

test('system theme follows the colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await load(page, '/');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('print hides controls and prints black on white', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await load(page, '/');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const printed = await page.evaluate(() => {
    const visible = (selector: string) =>
      [...document.querySelectorAll(selector)].filter((element) => getComputedStyle(element).display !== 'none').length;
    const external = document.querySelector('a[href^="http"]');
    return {
      background: getComputedStyle(document.body).backgroundColor,
      color: getComputedStyle(document.body).color,
      visibleHeaders: visible('.site-header'),
      visibleNavs: visible('nav'),
      visibleControls: visible('button, input, select, textarea'),
      externalLinkSuffix: external ? getComputedStyle(external, '::after').content : null,
      externalHref: external?.getAttribute('href') ?? null,
      mainText: document.querySelector('main')?.textContent?.length ?? 0,
    };
  });
  expect(printed.background).toBe('rgb(255, 255, 255)');
  expect(printed.color).toBe('rgb(0, 0, 0)');
  expect(printed.visibleHeaders).toBe(0);
  expect(printed.visibleNavs).toBe(0);
  expect(printed.visibleControls).toBe(0);
  expect(printed.externalHref).not.toBeNull();
  expect(printed.externalLinkSuffix).toContain(printed.externalHref!);
  expect(printed.mainText).toBeGreaterThan(200);
});

test('no console errors on any page', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  for (const path of PAGES) await load(page, path);
  expect(errors).toEqual([]);
});

/** Returns the contrast of each "encode" and "decode" label in the FiD diagram against its box. */
async function diagramLabelContrasts(page: Page): Promise<{ label: string; ratio: number }[]> {
  return page.locator('#fusion-in-decoder svg').first().evaluate((svg) => {
    const luminance = (color: string) => {
      const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((part) => {
        const channel = Number(part) / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratios: { label: string; ratio: number }[] = [];
    for (const text of svg.querySelectorAll('text')) {
      const box = text.previousElementSibling;
      if (!['encode', 'decode'].includes(text.textContent?.trim() ?? '') || box?.tagName !== 'rect') continue;
      const [light, dark] = [luminance(getComputedStyle(text).fill), luminance(getComputedStyle(box).fill)].sort((a, b) => b - a);
      ratios.push({ label: text.textContent!.trim(), ratio: (light + 0.05) / (dark + 0.05) });
    }
    return ratios;
  });
}

for (const theme of THEMES) {
  test(`FiD diagram labels keep 4.5:1 contrast in ${theme.name}`, async ({ page }) => {
    await useTheme(page, theme);
    await load(page, '/#fusion-in-decoder');
    const seen = new Set<string>();
    // Sample the animation across its stages: idle and active boxes both carry labels.
    for (let sample = 0; sample < 12; sample++) {
      for (const { label, ratio } of await diagramLabelContrasts(page)) {
        seen.add(label);
        expect(ratio, `${label} at sample ${sample}`).toBeGreaterThanOrEqual(4.5);
      }
      await page.waitForTimeout(400);
    }
    expect([...seen].sort()).toEqual(['decode', 'encode']);
  });
}

for (const path of ['/', '/live/']) {
  test(`axe: scrolling parts of ${path} take focus at 375 px`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await load(page, path);
    // Open every disclosure, so the lists and tables inside them are scanned too.
    await page.locator('details').evaluateAll((elements) => elements.forEach((element) => ((element as HTMLDetailsElement).open = true)));
    // Scroll through the page, so formulas and figures that render when near are drawn.
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (let y = 0; y < height; y += 500) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 30_000 });
    await expect.poll(() => page.locator('[data-formula="katex"]').count()).toBeGreaterThan(path === '/' ? 3 : -1);
    const results = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).analyze();
    expect(results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);
  });
}
