import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { STORAGE_VERSIONS } from '../lib/settings/storage-versions';
import { installed, launchWithExtension } from '../tests/e2e/launch';
import { tempDir } from '../tests/e2e/temp';
import { median, percentile, round } from './stats';
import { seedUrges } from './views';

const EXTENSION = resolve('.output/chrome-mv3');

/**
 * The floor: the least an extension page can cost here. One line of static text, no script, no
 * stylesheet. It is added to a copy of the build the bench loads, never to the build itself, so it
 * cannot ship in the product.
 */
const FLOOR_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Floor</title><p>Breathing Room</p></html>\n`;

/**
 * Runs at document start in every page the bench opens (before any of the page's own scripts):
 * notes when text reading "Day N of M" first enters the DOM, on the page's own clock (milliseconds
 * from navigation start, as paint entries are). A MutationObserver's callback runs in the same
 * task as the insertion, before the browser can paint it.
 */
function watchForDayCount() {
  const found = () => /Day \d+ of \d+/.test(document.body?.textContent ?? '');
  const w = window as unknown as { __dayCountAt?: number };
  new MutationObserver((_, observer) => {
    if (w.__dayCountAt === undefined && found()) {
      w.__dayCountAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function openFloor(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const paints = performance.getEntriesByType('paint');
      const first = paints.find((p) => p.name === 'first-paint') ?? paints[0];
      return first ? first.startTime : null;
    },
    undefined,
    { timeout: 30_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  await page.close();
  return ms;
}

async function openPopup(context: BrowserContext, url: string): Promise<{ dayCount: number; firstPaint: number }> {
  const page = await context.newPage();
  await page.addInitScript(watchForDayCount);
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const at = (window as unknown as { __dayCountAt?: number }).__dayCountAt;
      const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-paint');
      return at !== undefined && paint ? { dayCount: at, firstPaint: paint.startTime } : null;
    },
    undefined,
    { timeout: 30_000 },
  );
  const times = (await handle.jsonValue()) as { dayCount: number; firstPaint: number };
  await page.close();
  return times;
}

const summary = (values: number[]) => ({
  p50: round(median(values)),
  p95: round(percentile(values, 95)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

/**
 * The popup against the floor, opened in turn in the same browser (floor, popup, floor, popup…),
 * each in a fresh tab: the time until the popup's "Day N of M" is in the page, over the floor's
 * first paint, as medians. Interleaving means both see the same machine load.
 */
export async function benchPopupFloor(runs = 20, extension = EXTENSION) {
  const dir = tempDir('br-floor-');
  const copy = join(dir, 'extension');
  cpSync(extension, copy, { recursive: true });
  writeFileSync(join(copy, 'floor.html'), FLOOR_HTML);
  const context = await launchWithExtension(copy);
  try {
    const id = await installed(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Day 30 of 90, as the views bench seeds it, with 300 urges over those 30 days.
    const start = new Date(Date.now() - 29 * 86_400_000).toLocaleDateString('en-CA');
    await worker.evaluate(
      async ({ start, versions }) => {
        await chrome.storage.local.set({
          period: { id: 'bench', startDate: start, lengthDays: 90, createdAt: Date.now() },
          period$: { v: versions.period },
        });
      },
      { start, versions: STORAGE_VERSIONS },
    );
    // Opening insights once creates the database with its schema.
    const insights = await context.newPage();
    await insights.goto(`chrome-extension://${id}/insights.html`);
    await insights.waitForFunction(() => performance.getEntriesByName('breathing-room:insights-ready').length > 0);
    await seedUrges(insights, 300, 30, 'bench');
    await insights.close();

    const floorUrl = `chrome-extension://${id}/floor.html`;
    const popupUrl = `chrome-extension://${id}/popup.html`;
    // One open of each first: the first load in a session compiles code and warms caches.
    await openFloor(context, floorUrl);
    await openPopup(context, popupUrl);
    const floor: number[] = [];
    const popup: number[] = [];
    const popupPaint: number[] = [];
    for (let i = 0; i < runs; i++) {
      floor.push(await openFloor(context, floorUrl));
      const p = await openPopup(context, popupUrl);
      popup.push(p.dayCount);
      popupPaint.push(p.firstPaint);
    }
    return {
      runs,
      floorFirstPaint: summary(floor),
      popupDayCount: summary(popup),
      popupFirstPaint: summary(popupPaint),
      ratioP50: round(median(popup) / median(floor), 2),
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
