import type { Page } from 'puppeteer-core';
import { byRole, DEEPER_PAGES, isPausePage, startFromWelcome, visit, waitForText } from './firefox';
import { expect, test } from './fixtures';

/** How far the page reaches past the window's right edge, in CSS pixels (0: no sideways scrolling). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the first run, the popup, the settings, the pause page and the deeper pages fit 360 px in Firefox', async ({
  firefox,
}) => {
  test.setTimeout(120_000);
  const welcome = await firefox.install();
  await welcome.setViewport({ width: 360, height: 720 });
  await byRole(welcome, 'heading', 'Step 1 of 5: When did no contact begin?').wait();
  expect(await overflow(welcome), 'first run').toBe(0);
  await startFromWelcome(welcome, { name: 'Jordan Rivers', profiles: 'https://www.instagram.com/jordan.rivers/' });
  expect(await overflow(welcome), 'first run, done').toBe(0);

  const tab = await firefox.newTab();
  await tab.setViewport({ width: 360, height: 720 });
  await tab.goto('https://example.org/');
  expect(isPausePage(await visit(tab, 'https://www.instagram.com/jordan.rivers/'))).toBe(true);
  await byRole(tab, 'heading', 'Take a breath.').wait();
  expect(await overflow(tab), 'pause page').toBe(0);

  for (const [path, ready] of DEEPER_PAGES) {
    const page = await firefox.open(path);
    await page.setViewport({ width: 360, height: path === 'popup.html' ? 600 : 720 });
    await waitForText(page, ready);
    expect(await overflow(page), path).toBe(0);
  }
});
