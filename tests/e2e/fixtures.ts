import { resolve } from 'node:path';
import { type BrowserContext, expect, type Locator, type Page, type Worker } from '@playwright/test';
import { installed, launchWithExtension } from './launch';
import { siteTest } from './site-server';

export const EXTENSION_PATH = resolve('.output/chrome-mv3');

interface TestFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  options: OptionsPage;
}

export const test = siteTest.extend<TestFixtures>({
  context: async ({ server }, use) => {
    const context = await launchWithExtension(EXTENSION_PATH, server.port);
    // A fresh install opens the welcome page; let that settle so it cannot take over a test's tab.
    await installed(context);
    await use(context);
    await context.close();
  },

  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  options: async ({ context, extensionId }, use) => {
    await use(new OptionsPage(context, extensionId));
  },
});

export { expect };

export function extensionUrl(extensionId: string, path: string): string {
  return `chrome-extension://${extensionId}/${path}`;
}

/** The options page, driven the way a person would use it. */
export class OptionsPage {
  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  async open(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(extensionUrl(this.extensionId, 'options.html'));
    await expect(page.getByRole('heading', { name: 'Your no-contact period' })).toBeVisible();
    return page;
  }

  /** Starts a period through the form and waits until the page confirms it. */
  async startPeriod(opts: { startDate?: string; length?: string; page?: Page } = {}): Promise<Page> {
    const page = opts.page ?? (await this.open());
    if (opts.startDate) await page.getByLabel('Start date').fill(opts.startDate);
    if (opts.length) await page.getByLabel('Length in days').fill(opts.length);
    await page.getByRole('button', { name: 'Start no-contact' }).click();
    await expect(page.getByText(/^Day \d+ of \d+\.$/)).toBeVisible();
    // Said once the background has applied it: before then the rules may not be in place yet.
    await expect(page.getByText(/^Your period has started\./)).toBeVisible();
    return page;
  }
}

/** Fills in "The person" and saves it. */
export async function savePerson(page: Page, person: { name?: string; profiles?: string }) {
  if (person.name !== undefined) await page.getByRole('textbox', { name: 'Their name' }).fill(person.name);
  if (person.profiles !== undefined) await page.getByLabel('Their profiles').fill(person.profiles);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/^Saved\. \d+ place/)).toBeVisible();
}

/** Turns both categories off: "only them" mode. */
export async function onlyThem(page: Page) {
  for (const name of ['Social sites', 'Messaging']) {
    await page.getByRole('checkbox', { name, exact: true }).uncheck();
    await expect(page.getByText('Saved. This applies right away.')).toBeVisible();
  }
}

/**
 * Reopens the popup until its figures read as expected. The popup reads the log once, as it opens
 * (a real one is opened afresh each time), and a pause page writes its urge as it settles, a moment
 * after it shows. So a popup opened in that moment shows the count before it, and keeps it.
 */
export async function expectPopupFigures(popup: Page, expected: Record<string, string>) {
  await expect(async () => {
    await popup.reload();
    for (const [label, value] of Object.entries(expected)) {
      await expect(figure(popup, label)).toHaveText(value, { timeout: 1_000 });
    }
  }).toPass({ timeout: 15_000 });
}

/** The value shown for a labelled figure in a description list ("Urges today" → "3"). */
export function figure(page: Page | Locator, label: string) {
  return page
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/**
 * Stands in for the passing of a cool-off: moves every waiting change's countdown to its end, as
 * if the hours had gone by. The background then applies them exactly as its alarm would.
 */
export async function endCountdowns(serviceWorker: Worker) {
  await serviceWorker.evaluate(async () => {
    const { pendingChanges = [] } = await chrome.storage.local.get('pendingChanges');
    await chrome.storage.local.set({
      pendingChanges: (pendingChanges as { effectiveAt: number }[]).map((p) => ({ ...p, effectiveAt: Date.now() - 1 })),
    });
  });
}

/** Opens the toolbar popup's page in a tab. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl(extensionId, 'popup.html'));
  return page;
}

/**
 * How many urges are on record, read straight from the extension's database: in the service
 * worker, or in any extension page (where the worker may be asleep).
 */
export function urgeCount(where: Worker | Page): Promise<number> {
  const count = () =>
    new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('breathing-room');
      open.onsuccess = () => {
        const request = open.result.transaction('urges').objectStore('urges').count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      };
      open.onerror = () => reject(open.error);
    });
  return 'goto' in where ? where.evaluate(count) : where.evaluate(count);
}
