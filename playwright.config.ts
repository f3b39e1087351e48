import { defineConfig } from '@playwright/test';

// E2E_PORT and NEXT_DIST_DIR let several checkouts' suites run side by side.
const port = Number(process.env.E2E_PORT ?? 3210);
const siteDir = process.env.NEXT_DIST_DIR ?? 'out';

export default defineConfig({
  testDir: './test/e2e',
  outputDir: './test-results',
  workers: 1,
  timeout: 120_000,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs ${port} ${siteDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
