#!/usr/bin/env node
// Renders the README's screenshots from the built extension: `npm run build && node scripts/screenshots.mjs`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const ext = resolve('.output/chrome-mv3');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'br-shots-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  headless: true,
  args: [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;

// The guided start, as a fresh install opens it.
const welcome =
  context.pages().find((p) => p.url().endsWith('/welcome.html')) ??
  (await context.waitForEvent('page', (p) => p.url().endsWith('/welcome.html')));
await welcome.setViewportSize({ width: 900, height: 700 });
await welcome.getByRole('heading', { name: 'When did no contact begin?' }).waitFor();
await welcome.screenshot({ path: 'docs/welcome.png' });
await welcome.close();

const today = new Date();
const start = new Date(today.getTime() - 11 * 86_400_000).toLocaleDateString('en-CA');
await worker.evaluate(
  (startDate) =>
    chrome.storage.local.set({
      period: { id: 'shot', startDate, lengthDays: 45, createdAt: Date.now(), coolOffHours: 24 },
      period$: { v: 2 },
      settings: {
        categories: { social: true, messaging: true },
        pauseSeconds: 10,
        person: { id: 'them', name: '', otherNames: '', profiles: 'instagram:jordan.rivers' },
        others: [],
        neverContinueToPerson: true,
        customSites: [],
        keepPersonAfterPeriod: false,
        askOnMessaging: true,
        plans: ['When I want to look at their profile, I will text Sam and go for a walk.'],
        calmNote: '',
      },
      settings$: { v: 5 },
    }),
  start,
);

for (const scheme of ['light', 'dark']) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.goto(`chrome-extension://${id}/interstitial.html#https://www.instagram.com/`);
  await page.getByRole('heading', { name: 'Take a breath.' }).waitFor();
  await page.locator('.own-words').waitFor();
  // Half-way through the first breath in.
  await page.waitForTimeout(2200);
  await page.screenshot({ path: `docs/interstitial-${scheme}.png` });
  await page.close();
}
const popup = await context.newPage();
await popup.setViewportSize({ width: 352, height: 760 });
await popup.goto(`chrome-extension://${id}/popup.html`);
for (const outcome of ['I resisted', 'I resisted', 'I went on', 'I resisted']) {
  await popup.getByRole('button', { name: 'Log an urge' }).click();
  await popup.getByRole('button', { name: outcome }).click();
}
await popup.reload();
await popup.getByText(/Day \d+ of 45/).waitFor();
await popup.screenshot({ path: 'docs/popup.png' });

const insights = await context.newPage();
await insights.setViewportSize({ width: 1000, height: 1400 });
await insights.goto(`chrome-extension://${id}/insights.html`);
await insights.getByRole('img', { name: 'Urges per day' }).waitFor();
await insights.screenshot({ path: 'docs/insights.png' });
await context.close();
