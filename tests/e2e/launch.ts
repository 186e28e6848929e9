import { rmSync } from 'node:fs';
import { type BrowserContext, chromium } from '@playwright/test';
import { tempDir } from './temp';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/**
 * Debian's Chromium, headless, with one unpacked extension loaded into a fresh profile. With a
 * `resolveTo` port, every host name resolves to 127.0.0.1 on that port, so real site addresses
 * reach the local test server. `close()` also removes the profile, unless the caller passed its
 * own `profile` folder to open again later (as a person closing and reopening their browser).
 */
export async function launchWithExtension(
  extensionPath: string,
  resolveTo?: number,
  ownProfile?: string,
): Promise<BrowserContext> {
  const profile = ownProfile ?? tempDir('br-profile-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...(resolveTo ? [`--host-resolver-rules=MAP * 127.0.0.1:${resolveTo}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context.on('close', () => {
    if (ownProfile) return;
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // Chromium may still be writing as it exits; a stray temp folder is harmless.
    }
  });
  return context;
}

/**
 * Waits for Breathing Room's first-install page (the guided first run, `welcome.html`) to open,
 * so that it cannot take over a tab the caller opens next. Resolves with the extension's id.
 */
export async function installed(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const isWelcome = () => context.pages().some((p) => p.url() === `chrome-extension://${id}/welcome.html`);
  for (let i = 0; i < 200 && !isWelcome(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!isWelcome()) throw new Error('The welcome page did not open on install.');
  return id;
}
