import { expect, test, type Page } from '@playwright/test';

/** Results of /live stay tied to the backend they ran on: a backend change clears them. */

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
