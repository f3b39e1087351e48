import { expect, test, type Page } from '@playwright/test';

/**
 * Results of /live stay tied to the settings and backend they ran with: a backend change
 * clears them, settings stay locked but focusable while a run is busy, and a change
 * after a run clears the results it makes stale.
 */

async function waitForActivity(page: Page, activity: string, timeout = 120_000) {
  await expect(page.getByTestId('status')).toHaveAttribute('data-activity', activity, { timeout });
}

const PHASES = { name: 'Phase times, measured and predicted' };

test('clears a wasm result when the backend changes to cpu', async ({ page }) => {
  await page.goto('/live/?backend=wasm&passages=4&ttokens=8&repeats=1');
  await waitForActivity(page, 'finished');
  await page.getByRole('button', { name: 'Run FiD', exact: true }).click();
  await expect(page.getByRole('table', PHASES).getByRole('columnheader', { name: 'Tiny FiD (wasm)' })).toBeVisible();
  await expect(page.getByRole('table', PHASES).locator('td[data-variant="fid"][data-kind="predicted"]').first()).not.toHaveText('–', { timeout: 120_000 });
  await waitForActivity(page, 'finished');

  await page.getByRole('combobox', { name: 'TensorFlow.js backend' }).selectOption('cpu');
  await expect(page.getByTestId('results-cleared')).toHaveText('The results of Tiny FiD were cleared because the backend changed.');
  await expect(page.getByRole('table', PHASES)).toHaveCount(0);

  await page.getByRole('button', { name: 'Run FiDO' }).click();
  const phases = page.getByRole('table', PHASES);
  await expect(phases.getByRole('columnheader', { name: 'Tiny FiDO (cpu)' })).toBeVisible({ timeout: 120_000 });
  await waitForActivity(page, 'finished');
  await expect(phases.getByRole('columnheader', { name: 'Tiny FiDO (cpu)' })).toBeVisible();
  await expect(phases.getByRole('columnheader', { name: /Tiny FiD \(/ })).toHaveCount(0);
  await expect(page.getByTestId('speedups')).toHaveCount(0);
  await expect(page.getByTestId('calibration')).toContainText('Calibrated on cpu');
});

test('locks the settings during a race and keeps focus', async ({ page }) => {
  test.setTimeout(360_000);
  await page.goto('/live/?backend=wasm&ttokens=32&repeats=3');
  await waitForActivity(page, 'finished');
  const passages = page.getByRole('slider', { name: 'Passages P' });
  const before = await passages.inputValue();

  await page.getByRole('button', { name: 'Race both' }).click();
  await waitForActivity(page, 'running');
  await expect(page.getByTestId('settings-locked')).toBeVisible();
  await expect(passages).toHaveAttribute('aria-disabled', 'true');
  await passages.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(passages).toBeFocused();
  await expect(passages).toHaveValue(before);

  await waitForActivity(page, 'finished', 300_000);
  await expect(passages).not.toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText(new RegExp(`^${before} passages of 64 tokens each`))).toBeVisible();
  await expect(page.getByTestId('speedups')).toBeVisible();

  // A change after the race clears both results, as neither ran with one passage.
  await passages.fill('1');
  await expect(page.getByTestId('results-cleared')).toHaveText('The results of Tiny FiD and Tiny FiDO were cleared because the settings changed after they ran.');
  await expect(page.getByRole('table', PHASES)).toHaveCount(0);
});

test('run buttons keep focus by keyboard', async ({ page }) => {
  await page.goto('/live/?backend=wasm&passages=4&ptokens=16&ttokens=4&repeats=2');
  await waitForActivity(page, 'finished');
  const race = page.getByRole('button', { name: 'Race both' });
  await race.focus();
  await page.keyboard.press('Enter');
  await waitForActivity(page, 'running');
  await expect(race).toBeFocused();
  await waitForActivity(page, 'finished');
  await expect(race).toBeFocused();

  // Cancel keeps focus once the run it stopped has ended.
  await page.keyboard.press('Enter');
  await waitForActivity(page, 'running');
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status')).not.toHaveAttribute('data-activity', 'running');
  await expect(cancel).toBeFocused();
  await expect(cancel).toHaveAttribute('aria-disabled', 'true');
});
