import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { CATALOG } from '../lib/detection/catalog';
import { STORAGE_VERSIONS } from '../lib/settings/storage-versions';
import { installed, launchWithExtension } from '../tests/e2e/launch';
import type { SiteServer } from '../tests/e2e/site-server';
import { percentile, round } from './stats';

const EXTENSION = resolve('.output/chrome-mv3');
const BASELINE = resolve('bench/baseline-extension');

/** A single-page "Instagram" feed that can change its route and time what happens next. */
const SPA_FEED = `<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>feed</title>
<h1>Feed</h1><p id="where">feed</p>
<script>
  // Records when a route change starts, when the guard's cover enters the page, and the first
  // frame painted after that. Times are on the shared clock (timeOrigin + now) so they can be
  // compared with a page in another document.
  window.__bench = { start: 0, inserted: 0, painted: 0 };
  new MutationObserver((records) => {
    if (window.__bench.inserted || !window.__bench.start) return;
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName === 'BREATHING-ROOM-COVER') {
        window.__bench.inserted = performance.timeOrigin + performance.now();
        requestAnimationFrame(() => {
          window.__bench.painted = performance.timeOrigin + performance.now();
          // The guard is about to leave for the pause page; report before this document goes.
          console.log('bench ' + JSON.stringify(window.__bench));
        });
      }
    }
  }).observe(document.documentElement, { childList: true });
  window.goTo = (path) => {
    window.__bench.start = performance.timeOrigin + performance.now();
    history.pushState({}, '', path);
    document.getElementById('where').textContent = 'their profile';
    return window.__bench.start;
  };
</script></html>`;

async function startPeriod(context: BrowserContext, settings: object) {
  await installed(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const today = new Date().toLocaleDateString('en-CA');
  await worker.evaluate(
    async ({ today, settings, versions }) => {
      await chrome.storage.local.set({
        settings,
        // WXT keeps each item's version beside it; without it, the settings would be migrated again.
        settings$: { v: versions.settings },
        period: { id: 'bench', startDate: today, lengthDays: 30, createdAt: Date.now() },
        period$: { v: versions.period },
      });
    },
    { today, settings, versions: STORAGE_VERSIONS },
  );
  // The background rebuilds its rules on the storage change; wait until they are in place.
  for (let i = 0; i < 100; i++) {
    if ((await worker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules())).length) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The extension did not build its rules.');
}

const SETTINGS = (social: boolean) => ({
  categories: { social, messaging: social },
  pauseSeconds: 10,
  person: { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' },
  neverContinueToPerson: true,
  customSites: [],
});

/** Full page loads of stopped addresses: how many requests reached the site (must be 0). */
export async function benchFullLoads(server: SiteServer) {
  const context = await launchWithExtension(EXTENSION, server.port);
  try {
    await startPeriod(context, SETTINGS(true));
    server.requests.length = 0;
    const urls = [
      ...CATALOG.map((s) => s.exampleUrl),
      'https://www.instagram.com/jordan.rivers/',
      'https://m.facebook.com/messages/t/1',
      'https://www.google.com/search?q=jordan+rivers+new+girlfriend',
    ];
    const page = await context.newPage();
    let stopped = 0;
    for (const url of urls) {
      await page.goto(url).catch(() => undefined);
      if (page.url().includes('interstitial.html')) stopped++;
      else console.log(`  not stopped: ${url} (now at ${page.url()})`);
    }
    return { navigations: urls.length, stopped, requestsReachingStoppedHosts: server.requests.length };
  } finally {
    await context.close();
  }
}

async function openFeed(context: BrowserContext, server: SiteServer): Promise<Page> {
  server.pages.set('/', SPA_FEED);
  const page = await context.newPage();
  await page.goto('https://www.instagram.com/');
  return page;
}

/** pushState → the guard's cover in the page, and → the first frame painted with it. */
export async function benchRouteChangesOurs(server: SiteServer, runs = 20) {
  const context = await launchWithExtension(EXTENSION, server.port);
  const inserted: number[] = [];
  const painted: number[] = [];
  let misses = 0;
  try {
    await startPeriod(context, SETTINGS(false));
    while (inserted.length < runs && misses < runs) {
      const page = await openFeed(context, server);
      // Let the guard receive its policy, as it has long before anyone clicks.
      await page.waitForTimeout(300);
      const report = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('bench '), timeout: 3000 });
      await page.evaluate(() => (window as unknown as { goTo(p: string): number }).goTo('/jordan.rivers/'));
      const message = await report.catch(() => null);
      if (message) {
        const b = JSON.parse(message.text().slice(6)) as { start: number; inserted: number; painted: number };
        inserted.push(b.inserted - b.start);
        painted.push(b.painted - b.start);
      } else {
        // Counted, not hidden: a run where the cover's frame was never reported.
        misses++;
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
  return { ...summarise({ inserted, painted }), misses };
}

/** The usual way: webNavigation.onHistoryStateUpdated, then tabs.update, to the first frame painted. */
export async function benchRouteChangesBaseline(server: SiteServer, runs = 20) {
  const context = await launchWithExtension(BASELINE, server.port);
  const painted: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await openFeed(context, server);
      await page.waitForTimeout(150);
      const start = await page.evaluate(() =>
        (window as unknown as { goTo(p: string): number }).goTo('/jordan.rivers/'),
      );
      await page.waitForURL(/paused\.html/, { timeout: 5000 });
      const paintedAt = await page
        .waitForFunction(() => (window as unknown as { __paintedAt?: number }).__paintedAt ?? null, undefined, {
          timeout: 5000,
        })
        .then((h) => h.jsonValue() as Promise<number>);
      painted.push(paintedAt - start);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return summarise({ painted });
}

interface Summary {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

function summarise<K extends string>(series: Record<K, number[]>): Record<K, Summary> {
  const out = {} as Record<K, Summary>;
  for (const name of Object.keys(series) as K[]) {
    const values = series[name];
    out[name] = {
      runs: values.length,
      p50: round(percentile(values, 50)),
      p95: round(percentile(values, 95)),
      max: round(Math.max(...values)),
    };
  }
  return out;
}
