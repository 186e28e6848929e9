import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import puppeteer, { type Browser, type Locator, type Page } from 'puppeteer-core';
import { tempDir } from '../e2e/temp';

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core, with the Firefox
 * build installed as a real (permanent) add-on, so it survives a restart as a store install does.
 *
 * What BiDi cannot do here, and how this works around it:
 * - It sends no navigation events for `moz-extension://` pages, so `page.goto` refuses them and
 *   `page.url()` goes stale. Pages are reached with `location.assign` and read with `evaluate`.
 * - There is no service worker to evaluate in: extension state is read from an extension page.
 */

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
export const GECKO_ID = 'breathing-room@breathingroom.app';
/** Pinned, so a test knows the extension's pages' addresses before it is installed. */
export const UUID = '6d1c2b0a-8f3e-4d5c-9b7a-2e1f0c3d4b5a';
export const ORIGIN = `moz-extension://${UUID}`;
export const FIREFOX_BUILD = '.output/firefox-mv3';

/** Zips the Firefox build as an add-on package (an .xpi is a zip with the manifest at its root). */
export async function packAddon(dir: string, out: string): Promise<string> {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${dir}: run \`npx wxt build -b firefox\` first.`);
  }
  const zip = new JSZip();
  const add = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) add(path);
      else zip.file(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  add(dir);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

export interface LaunchOptions {
  /** The profile folder: reuse one to reopen the same browser after closing it. */
  profile: string;
  /** The local proxy that maps every host name to the site server. */
  proxyPort: number;
  /** Firefox's "grant host access at install" (true by default); false withholds it. */
  grantByDefault?: boolean;
  /** The colour scheme pages are told the person prefers (BiDi cannot emulate it); the system's when absent. */
  colorScheme?: 'light' | 'dark' | null;
}

export async function launchFirefox({
  profile,
  proxyPort,
  grantByDefault = true,
  colorScheme = null,
}: LaunchOptions): Promise<Browser> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}: run \`apt-get install firefox-esr\` or set FIREFOX_PATH.`);
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    acceptInsecureCerts: true,
    // Without it, Firefox fetches its remote settings, through the proxy, to the site server.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // ESR installs unsigned add-ons when told to: how a permanent install is tested locally.
      'xpinstall.signatures.required': false,
      'extensions.originControls.grantByDefault': grantByDefault,
      // Stands in for the person clicking "Allow" on Firefox's permission prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Only real visits reach the site server: no guesses, no prefetching.
      'network.http.speculative-parallel-limit': 0,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'browser.urlbar.speculativeConnect.enabled': false,
      ...(colorScheme ? { 'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1 } : {}),
    },
  });
}

/** Installs the add-on package for good, as the store would (it stays after a restart). */
export async function installAddon(browser: Browser, xpi: string): Promise<void> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } })
    .connection;
  await connection.send('webExtension.install', {
    extensionData: { type: 'archivePath', path: xpi },
    'moz:permanent': true,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where the page is now, read in the page (BiDi's own idea of it goes stale on extension pages). */
export function href(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/** Waits until the page's address passes `test`, and returns it. */
export async function waitForHref(page: Page, test: (href: string) => boolean, what: string): Promise<string> {
  let last = '';
  for (const end = Date.now() + 20_000; Date.now() < end; await sleep(100)) {
    last = await href(page);
    if (test(last) && (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete') return last;
  }
  throw new Error(`Waited for ${what}; the page is at ${last || 'an unknown address'}.`);
}

/** Goes to `url` as a link would, and waits until the page is somewhere else and loaded. */
export async function visit(page: Page, url: string): Promise<string> {
  const before = await href(page);
  await page.evaluate((to) => location.assign(to), url);
  return waitForHref(page, (h) => h !== before && h !== '' && h !== 'about:blank', `a visit to ${url} to land`);
}

/** Whether an address is the pause page. */
export const isPausePage = (h: string) => h.startsWith(`${ORIGIN}/interstitial.html`);

/**
 * Opens one of the extension's pages in a new tab. A web page may only open the pause page (the
 * one page sites can reach); from there, the extension page goes to the page asked for.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluate((to) => location.assign(to), `${ORIGIN}/interstitial.html`);
  await waitForHref(page, isPausePage, 'the pause page');
  await page.evaluate((to) => location.assign(to), `${ORIGIN}/${path}`);
  await waitForHref(page, (h) => h === `${ORIGIN}/${path}`, path);
  return page;
}

/** The first open tab on one of the extension's pages whose address passes `test`. */
export async function findExtensionPage(browser: Browser, test: (href: string) => boolean, what: string) {
  for (const end = Date.now() + 20_000; Date.now() < end; await sleep(100)) {
    for (const page of await browser.pages()) if (test(await href(page))) return page;
  }
  throw new Error(`No tab opened on ${what}.`);
}

/** The extension's deeper pages, each with words that show it has drawn (during a 30-day period). */
export const DEEPER_PAGES = [
  ['popup.html', /Day 1\s+of 30/],
  ['options.html', 'Your no-contact period'],
  ['insights.html', 'Insights'],
  ['letters.html', 'Letters'],
] as const;

/** An element by its role and accessible name, as a person (or a screen reader) finds it. */
export function byRole(page: Page, role: string, name: string): Locator<Element> {
  return page.locator(`::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`);
}

/** Clicks a button by its accessible name, in a tab brought to the front first. */
export async function press(page: Page, name: string): Promise<void> {
  await page.bringToFront();
  await byRole(page, 'button', name).click();
}

/** Waits until the page's visible text contains `text`. */
export async function waitForText(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  const source = typeof text === 'string' ? { text } : { pattern: text.source, flags: text.flags };
  await page
    .waitForFunction(
      (s: { text?: string; pattern?: string; flags?: string }) => {
        const body = document.body?.innerText ?? '';
        return s.text !== undefined ? body.includes(s.text) : new RegExp(s.pattern ?? '', s.flags).test(body);
      },
      { timeout, polling: 100 },
      source,
    )
    .catch(async () => {
      const body = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      throw new Error(`Waited for “${String(text)}” on the page; it says:\n${body.slice(0, 1500)}`);
    });
}

/** The value shown for a labelled figure in a description list ("urges today" → "3"). */
export function figure(page: Page, label: string): Promise<string | null> {
  return page.evaluate((term) => {
    const dt = [...document.querySelectorAll('dt')].find((d) => d.textContent?.trim() === term);
    return dt?.nextElementSibling?.textContent?.trim() ?? null;
  }, label);
}

/** Polls `read` until it returns `expected` (compared as JSON), or throws with the last value. */
export async function eventually<T>(read: () => Promise<T>, expected: T, what: string, timeout = 20_000): Promise<T> {
  let last: T | undefined;
  for (const end = Date.now() + timeout; Date.now() < end; await sleep(150)) {
    last = await read().catch(() => undefined);
    if (JSON.stringify(last) === JSON.stringify(expected)) return last as T;
  }
  throw new Error(`${what}: expected ${JSON.stringify(expected)}, last read ${JSON.stringify(last)}.`);
}

/** A fresh profile folder; `remove` deletes it once the browser is closed for good. */
export function newProfile(): { path: string; remove(): void } {
  const path = tempDir('br-firefox-');
  return { path, remove: () => rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }) };
}

/** Goes through the guided first run on its tab and starts a period, as a person would. */
export async function startFromWelcome(
  welcome: Page,
  choices: { name?: string; profiles?: string; onlyThem?: boolean } = {},
): Promise<void> {
  const step = (n: number, title: string) => byRole(welcome, 'heading', `Step ${n} of 5: ${title}`).wait();
  await welcome.bringToFront();
  await step(1, 'When did no contact begin?');
  await press(welcome, 'Next');
  await step(2, 'Who is it?');
  if (choices.name) await byRole(welcome, 'textbox', 'Their name').fill(choices.name);
  if (choices.profiles) await byRole(welcome, 'textbox', 'Their profiles').fill(choices.profiles);
  await press(welcome, 'Next');
  await step(3, 'What should pause?');
  if (choices.onlyThem)
    for (const name of ['Social sites', 'Messaging']) await byRole(welcome, 'checkbox', name).click();
  await press(welcome, 'Next');
  await step(4, 'Your plan');
  await press(welcome, 'Next');
  await step(5, 'How long should a change wait?');
  await press(welcome, 'Start my no-contact period');
  await waitForText(welcome, 'Your no-contact period has started');
  // Said once the background has applied it: either what is paused, or what is not.
  await waitForText(welcome, /Now paused before they load|(nothing|not everything) is paused yet/);
}

/** axe itself, found where `@axe-core/playwright` (the Chromium suite's) finds it, so the versions match. */
const AXE_SOURCE = readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe's violations on the page (WCAG 2.1 A and AA, and best practice, as in the Chromium suite),
 * one line each. axe is put into the page through BiDi, which the page's own CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(options: object): Promise<Result> } }).axe;
    const { violations } = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}
