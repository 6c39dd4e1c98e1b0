import { defineConfig } from '@playwright/test';
import { chromiumPath } from './chromium.js';

// Browser tests drive a real Chromium. No browser is downloaded: the system's Chromium is used
// (Debian: `apt-get install chromium`), or the one CHROMIUM_PATH points to.
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  // Each test file starts its own server; the machine this runs on in CI has two cores.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
