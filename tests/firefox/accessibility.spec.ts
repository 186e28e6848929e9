import type { Page } from 'puppeteer-core';
import { axeViolations, byRole, DEEPER_PAGES, press, startFromWelcome, waitForText } from './firefox';
import { expect, test } from './fixtures';

/**
 * The pages in Firefox's own engine, light and dark, checked by axe as the Chromium suite checks
 * them: contrast is computed from Firefox's styles, so a colour or a control that only Gecko
 * renders badly shows here.
 */
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme}`, () => {
    test.use({ scheme: colorScheme });

    test(`the first run, the popup, the pause page and the deeper pages have no accessibility violations in Firefox, ${colorScheme}`, async ({
      firefox,
    }) => {
      test.setTimeout(120_000);
      const check = async (page: Page, state: string) => {
        // The scheme asked for is the one the page sees, or this checks nothing new.
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), state).toBe(
          colorScheme === 'dark',
        );
        expect(await axeViolations(page), state).toEqual([]);
      };

      const welcome = await firefox.install();
      await byRole(welcome, 'heading', 'Step 1 of 5: When did no contact begin?').wait();
      await check(welcome, 'first run, step 1');
      await startFromWelcome(welcome, { name: 'Jordan Rivers', profiles: 'https://www.instagram.com/jordan.rivers/' });
      await check(welcome, 'first run, done');

      const tab = await firefox.pausedTab('https://www.instagram.com/jordan.rivers/');
      await byRole(tab, 'heading', 'Take a breath.').wait();
      await check(tab, 'pause page');
      await tab.bringToFront();
      await tab.locator('summary').click();
      await byRole(tab, 'heading', 'Notice the urge').wait();
      await check(tab, 'pause page, noticing the urge');
      // A tab of its own: BiDi tells nothing of a move from one extension page to another, so
      // puppeteer's locators would keep looking at the page before.
      const messaging = await firefox.pausedTab('https://web.whatsapp.com/');
      await byRole(messaging, 'heading', 'Is this about them?').wait();
      await check(messaging, 'messaging: is this about them?');
      await press(messaging, 'Them');
      await byRole(messaging, 'heading', 'Take a breath.').wait();
      await check(messaging, 'messaging: the pause');

      for (const [path, ready] of DEEPER_PAGES) {
        const page = await firefox.open(path);
        await waitForText(page, ready);
        await check(page, path);
      }
    });
  });
}
