import { expect, test, type Page } from '@playwright/test';
import config from '../../playwright.config';

// A small race keeps the spec quick: 4 passages of 16 tokens, 4 generated tokens, 2 timed runs.
const SMALL = 'passages=4&ptokens=16&ttokens=4&k=2&kv=1&repeats=2';

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function waitForActivity(page: Page, activity: string, timeout = 60_000) {
  await expect(page.getByTestId('status')).toHaveAttribute('data-activity', activity, { timeout });
}

async function raceOn(page: Page, backend: 'wasm' | 'webgl') {
  const errors = collectConsoleErrors(page);
  await page.goto(`/live/?${SMALL}&backend=${backend}`);
  await waitForActivity(page, 'finished');
  await expect(page.getByTestId('backend')).toContainText(`Running on ${backend}`);
  await expect(page.getByTestId('calibration')).toContainText(`Calibrated on ${backend}`);
  await expect(page.getByTestId('launch')).toContainText(/Kernel launch: [\d.]+ [mµn]?s/);
  expect(Number(await page.getByTestId('launch').getAttribute('data-seconds-per-kernel'))).toBeGreaterThan(0);
  await expect(page.getByTestId('launch-chain')).toContainText(/Best case: [\d.]+ [mµn]?s/);
  if (backend === 'webgl') await expect(page.getByTestId('cpu-forward')).toContainText('WEBGL_CPU_FORWARD');

  await page.getByRole('button', { name: 'Race both' }).click();
  await waitForActivity(page, 'running');
  await waitForActivity(page, 'finished', 90_000);

  for (const variant of ['fid', 'fido']) {
    await expect(page.getByTestId(`tokens-${variant}`).locator('span')).toHaveCount(4);
  }
  await expect(page.getByText('Tiny FiD output').locator('..')).toContainText(`(4 of 4 tokens, on ${backend})`);
  const phases = page.getByRole('table', { name: 'Phase times, measured and predicted' });
  await expect(phases.getByRole('columnheader', { name: `Tiny FiD (${backend})` })).toBeVisible();
  await expect(phases.getByRole('columnheader', { name: `Tiny FiDO (${backend})` })).toBeVisible();
  await expect(page.getByRole('img', { name: new RegExp(`Tiny FiDO, measured on ${backend}: 4 steps`) })).toBeVisible();
  await expect(page.getByTestId('speedups')).toContainText('Decoder speedup, measured');
  await expect(page.getByTestId('speedups')).toContainText('Decoder speedup, calibrated prediction');
  for (const variant of ['fid', 'fido']) {
    // The worker counted the kernels of the run's decoder steps.
    const launch = phases.locator(`td[data-variant="${variant}"][data-phase="decoder"][data-kind="launch"]`);
    expect(Number(await launch.getAttribute('data-kernels'))).toBeGreaterThan(0);

    // The prediction uses the launch time measured between the run's 2 timed passes.
    const during = page.getByTestId(`during-run-${variant}`);
    await expect(during).toContainText('measured between its timed runs (6 probe passes and 8 products)');
    const secondsPerKernel = Number(await during.getAttribute('data-seconds-per-kernel'));
    expect(secondsPerKernel).toBeGreaterThan(0);
    const kernels = Number(await launch.getAttribute('data-kernels'));
    expect(Number(await launch.getAttribute('data-seconds')) / kernels).toBeCloseTo(secondsPerKernel, 12);
  }
  const fidKernels = Number(await phases.locator('td[data-variant="fid"][data-phase="decoder"][data-kind="launch"]').getAttribute('data-kernels'));
  const fidoKernels = Number(await phases.locator('td[data-variant="fido"][data-phase="decoder"][data-kind="launch"]').getAttribute('data-kernels'));
  expect(fidoKernels).toBeLessThan(fidKernels);
  await expect(page.getByRole('img', { name: /Phases of the tiny model, measured/ })).toBeVisible();
  expect(errors).toEqual([]);
}

test('races both models on wasm', async ({ page }) => {
  await raceOn(page, 'wasm');
});

test('races both models on webgl', async ({ page }) => {
  await raceOn(page, 'webgl');
});

test('cancels a run and runs again', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('/live/?passages=32&ptokens=64&ttokens=64&repeats=2&backend=wasm');
  await waitForActivity(page, 'finished');

  await page.getByRole('button', { name: 'Race both' }).click();
  await waitForActivity(page, 'running');
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await waitForActivity(page, 'cancelled', 5_000);
  await expect(page.getByTestId('status')).toContainText('Cancelled');
  await expect(page.getByText('Tiny FiD output').locator('..')).toContainText(', cancelled)');
  await expect(page.getByTestId('tokens-fid')).not.toContainText('waiting for the first token');

  // A fresh worker picks up the next run on the same backend.
  await page.getByRole('slider', { name: 'Target tokens n_t' }).fill('2');
  await page.getByRole('slider', { name: 'Passages P' }).fill('4');
  await page.getByRole('button', { name: 'Run FiD', exact: true }).click();
  await waitForActivity(page, 'finished', 90_000);
  await expect(page.getByTestId('tokens-fid').locator('span')).toHaveCount(2);
  await expect(page.getByTestId('backend')).toContainText('Running on wasm');
  expect(errors).toEqual([]);
});

test('clamps a huge width from the URL with a notice', async ({ page }) => {
  await page.goto('/live/?encd=4096&backend=wasm');
  await expect(page.getByRole('status').filter({ hasText: 'Some values in the link were changed' })).toContainText('encd: given 4096, used 256');
  await expect(page.getByRole('slider', { name: 'Encoder d_model' })).toHaveValue('256');
  await waitForActivity(page, 'finished');
});

test('falls back from WebGL to wasm and says so', async ({ playwright, baseURL }) => {
  // With the GPU and its software fallback both disabled, Chromium offers no WebGL context,
  // in the page or in a worker's OffscreenCanvas.
  const launch = config.use?.launchOptions ?? {};
  const browser = await playwright.chromium.launch({ ...launch, args: [...(launch.args ?? []), '--disable-software-rasterizer'] });
  try {
    const page = await browser.newPage({ baseURL });
    const errors = collectConsoleErrors(page);
    await page.goto(`/live/?${SMALL}&backend=webgl`);
    await waitForActivity(page, 'finished');
    await expect(page.getByTestId('fallback')).toContainText(/WebGL is not available here \(.+\); running on wasm\./);
    await expect(page.getByTestId('backend')).toContainText('Running on wasm');

    await page.getByRole('button', { name: 'Run FiDO' }).click();
    await waitForActivity(page, 'finished', 60_000);
    await expect(page.getByText('Tiny FiDO output').locator('..')).toContainText('(4 of 4 tokens, on wasm)');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
