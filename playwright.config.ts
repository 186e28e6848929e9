import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built extension in real, headless browsers:
 * - `chromium`: the Chrome build (`.output/chrome-mv3`) in Debian's Chromium, with Playwright.
 * - `firefox`: the Firefox build (`.output/firefox-mv3`) in Debian's Firefox ESR, with
 *   puppeteer-core over WebDriver BiDi (tests/firefox/firefox.ts says why and how).
 * Each test gets a fresh browser profile; real site addresses reach a local HTTPS server (see
 * tests/e2e/site-server.ts), which records every request it receives.
 */
export default defineConfig({
  globalSetup: './tests/global-setup.ts',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    { name: 'firefox', testDir: 'tests/firefox' },
  ],
});
