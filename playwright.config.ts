import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built extension (`.output/chrome-mv3`) in a real, headless Chromium.
 * Each test gets a fresh browser profile; real site addresses resolve to a local HTTPS server
 * (see tests/e2e/fixtures.ts), which records every request it receives.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
