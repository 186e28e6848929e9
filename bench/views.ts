import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { STORAGE_VERSIONS } from '../lib/settings/storage-versions';
import { installed, launchWithExtension } from '../tests/e2e/launch';
import { percentile, round } from './stats';

const EXTENSION = resolve('.output/chrome-mv3');

/** Adds `count` urges spread over the last `days` days, straight into the extension's database. */
export async function seedUrges(page: Page, count: number, days: number, periodId: string) {
  await page.evaluate(
    async ({ count, days, periodId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('breathing-room');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const hosts = ['www.instagram.com', 'x.com', 'www.facebook.com', 'web.whatsapp.com', ''];
      const triggers = ['lonely', 'bored', 'memory', 'cant-sleep', null];
      const pad = (n: number) => String(n).padStart(2, '0');
      const now = Date.now();
      const batch = 5000;
      for (let start = 0; start < count; start += batch) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('urges', 'readwrite');
          const store = tx.objectStore('urges');
          for (let i = start; i < Math.min(count, start + batch); i++) {
            const time = now - Math.floor((i / count) * days * 86_400_000) - 1000;
            const d = new Date(time);
            store.add({
              time,
              day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
              hour: d.getHours(),
              weekday: d.getDay(),
              host: hosts[i % hosts.length],
              category: 'social',
              context: 'feed',
              intensity: (i % 5) + 1,
              trigger: triggers[i % triggers.length],
              note: '',
              outcome: i % 3 ? 'resisted' : 'gave-in',
              answer: '',
              periodId,
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { count, days, periodId },
  );
}

/** Milliseconds from navigation start to a performance mark the page sets when its figures are drawn. */
async function timeToMark(context: BrowserContext, url: string, mark: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime ?? null, mark, {
    timeout: 30_000,
  });
  const ms = (await handle.jsonValue()) as number;
  await page.close();
  return ms;
}

async function series(context: BrowserContext, url: string, mark: string, runs: number) {
  // One open first: the browser's first load of a page compiles its code and warms its caches,
  // as happens once per browser session for a real user. Every open after that is measured.
  await timeToMark(context, url, mark);
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await timeToMark(context, url, mark));
  return {
    runs,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
  };
}

/** The popup's first meaningful render (day count and today's urges drawn), empty and with 10,000 urges; insights with 100,000. */
export async function benchViews(runs = 20) {
  const context = await launchWithExtension(EXTENSION);
  try {
    const id = await installed(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
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
    const popupUrl = `chrome-extension://${id}/popup.html`;
    const insightsUrl = `chrome-extension://${id}/insights.html`;
    // Opening insights once creates the database with its schema.
    const insights = await context.newPage();
    await insights.goto(insightsUrl);
    await insights.waitForFunction(() => performance.getEntriesByName('breathing-room:insights-ready').length > 0);

    const popupEmpty = await series(context, popupUrl, 'breathing-room:popup-ready', runs);
    await seedUrges(insights, 10_000, 30, 'bench');
    // The first open after a bulk import summarises the new urges once; the opens measured
    // afterwards are the everyday case.
    await timeToMark(context, popupUrl, 'breathing-room:popup-ready');
    const popup10k = await series(context, popupUrl, 'breathing-room:popup-ready', runs);
    await seedUrges(insights, 90_000, 30, 'bench');
    const catchUpMs = await timeToMark(context, insightsUrl, 'breathing-room:insights-ready');
    const insights100k = await series(context, insightsUrl, 'breathing-room:insights-ready', runs);
    const popup100k = await series(context, popupUrl, 'breathing-room:popup-ready', Math.min(runs, 10));
    return {
      popupEmpty,
      popup10k,
      popup100k,
      insights100k,
      oneOffSummaryOf90kNewUrgesMs: round(catchUpMs),
      ratio10kToEmpty: round(popup10k.p50 / popupEmpty.p50, 2),
    };
  } finally {
    await context.close();
  }
}
