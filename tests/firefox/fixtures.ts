import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { siteTest } from '../e2e/site-server';
import {
  FIREFOX_BUILD,
  figure,
  findExtensionPage,
  installAddon,
  isPausePage,
  launchFirefox,
  newProfile,
  ORIGIN,
  openExtensionPage,
  packAddon,
  visit,
  waitForText,
} from './firefox';
import { SiteProxy } from './proxy';

/**
 * One Firefox with Breathing Room installed, on a profile of its own. `restart()` closes it and
 * opens the same profile again, as a person closing and reopening their browser.
 */
export class Firefox {
  browser!: Browser;
  private profile: ReturnType<typeof newProfile> | null = null;

  constructor(
    private readonly options: {
      proxyPort: number;
      xpi: string;
      grantByDefault: boolean;
      colorScheme: 'light' | 'dark' | null;
    },
  ) {}

  async start(): Promise<void> {
    this.profile ??= newProfile();
    this.browser = await launchFirefox({ profile: this.profile.path, ...this.options });
  }

  /** Installs the add-on, and waits for the guided first run it opens. */
  async install(): Promise<Page> {
    await installAddon(this.browser, this.options.xpi);
    return this.welcome();
  }

  /** The tab on the guided first run (`welcome.html`). */
  welcome(): Promise<Page> {
    return findExtensionPage(this.browser, (h) => h === `${ORIGIN}/welcome.html`, 'the guided first run');
  }

  /** One of the extension's pages ("popup.html", "options.html"…) in a new tab. */
  open(path: string): Promise<Page> {
    return openExtensionPage(this.browser, path);
  }

  /**
   * The popup's figures for `labels`, read from a popup opened for the purpose (once it shows
   * `day`) and closed after.
   * The popup reads the log once, as it opens, so a caller waiting for an urge to be counted
   * calls this again (with `eventually`) rather than rereading one popup.
   */
  async popupFigures(labels: string[], day: RegExp): Promise<(string | null)[]> {
    const popup = await this.open('popup.html');
    try {
      await waitForText(popup, day);
      return await Promise.all(labels.map((label) => figure(popup, label)));
    } finally {
      await popup.close();
    }
  }

  newTab(): Promise<Page> {
    return this.browser.newPage();
  }

  /** A new tab on an ordinary site, then a visit to `url`, which must end on the pause page. */
  async pausedTab(url: string): Promise<Page> {
    const tab = await this.newTab();
    await tab.goto('https://example.org/');
    expect(isPausePage(await visit(tab, url)), `a visit to ${url} is paused`).toBe(true);
    return tab;
  }

  async restart(): Promise<void> {
    await this.browser.close();
    await this.start();
  }

  /** Closes Firefox for good: killed if closing fails or takes over 15 s, so no teardown hangs on it. */
  async close(): Promise<void> {
    const browser = this.browser as Browser | undefined;
    if (browser) {
      const gone = await Promise.race([
        browser.close().then(
          () => true,
          () => false,
        ),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000).unref()),
      ]);
      if (!gone) browser.process()?.kill('SIGKILL');
    }
    this.profile?.remove();
  }
}

interface WorkerFixtures {
  siteProxy: SiteProxy;
  /** The Firefox build, packed once per worker. */
  xpi: string;
}

interface TestFixtures {
  /** Whether Firefox grants host access at install (its default); tests of the withheld case turn it off. */
  grantByDefault: boolean;
  /** The colour scheme pages are told the person prefers; null leaves the system's. */
  scheme: 'light' | 'dark' | null;
  /** A fresh Firefox with Breathing Room installed. */
  firefox: Firefox;
}

export const test = siteTest.extend<TestFixtures, WorkerFixtures>({
  siteProxy: [
    async ({ siteServer }, use) => {
      const proxy = new SiteProxy(siteServer);
      await proxy.start();
      await use(proxy);
      await proxy.stop();
    },
    { scope: 'worker' },
  ],
  xpi: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern
    async ({}, use, workerInfo) => {
      await use(
        await packAddon(
          FIREFOX_BUILD,
          join(workerInfo.project.outputDir, `breathing-room-${workerInfo.workerIndex}.xpi`),
        ),
      );
    },
    { scope: 'worker' },
  ],

  grantByDefault: [true, { option: true }],
  scheme: [null, { option: true }],

  firefox: async ({ siteProxy, xpi, grantByDefault, scheme }, use) => {
    const firefox = new Firefox({ proxyPort: siteProxy.port, xpi, grantByDefault, colorScheme: scheme });
    try {
      await firefox.start();
      await use(firefox);
    } finally {
      await firefox.close();
    }
  },
});

export { expect };
