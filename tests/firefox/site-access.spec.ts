import type { Page } from 'puppeteer-core';
import { byRole, eventually, isPausePage, press, startFromWelcome, visit, waitForText } from './firefox';
import { expect, test } from './fixtures';

// Firefox lets a person withhold an extension's site access; with this pref off, Firefox grants
// none at install, so it is withheld from the first moment.
test.use({ grantByDefault: false });

const badge = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));
const warningOn = (page: Page) =>
  page.evaluate(() => document.querySelector('[role="alert"]')?.textContent ?? null).catch(() => null);

test('with site access withheld at install, the first page, the popup and the badge say so; a period started without it is not paused until the button clears all three', async ({
  firefox,
  server,
}) => {
  test.setTimeout(90_000);
  const welcome = await firefox.install();
  const alert = byRole(welcome, 'alert', 'Breathing Room can’t pause sites yet');
  await alert.wait();
  expect(await warningOn(welcome)).toMatch(
    /act on any of the sites it pauses \(instagram\.com, facebook\.com and \d+ more\), so during a period nothing would be paused/,
  );
  await eventually(() => badge(welcome), '!', 'the badge');

  // The popup leads with it: the warning comes before anything else on it.
  const popup = await firefox.open('popup.html');
  await byRole(popup, 'button', 'See what to do').wait();
  expect(await popup.evaluate(() => document.querySelector('main > :not(h1)')?.getAttribute('role'))).toBe('alert');

  // Starting a period without access: saved, and said plainly that it is not paused.
  await startFromWelcome(welcome);
  await waitForText(welcome, 'Everything you chose is saved, but nothing is paused yet.');
  await byRole(welcome, 'alert', 'Nothing is paused').wait();
  expect(await warningOn(welcome)).toMatch(
    /act on any of the sites it pauses \(instagram\.com, facebook\.com and \d+ more\)/,
  );
  // Nothing suggests that ordinary windows are paused while private ones are not.
  expect(await welcome.evaluate(() => document.body.innerText)).not.toContain('Private windows');
  const tab = await firefox.newTab();
  await tab.goto('https://example.org/');
  expect(isPausePage(await visit(tab, 'https://www.instagram.com/'))).toBe(false);
  expect(server.requestsTo('instagram.com')).toHaveLength(1);

  // One click gives access back (Firefox's prompt is answered "Allow" by a test pref).
  await press(welcome, 'Allow access to the sites it pauses');
  await waitForText(welcome, 'Thank you. Breathing Room can act on those sites now.');
  expect(await warningOn(welcome)).toBeNull();
  await eventually(() => badge(welcome), '1', 'the badge, now the day number');
  await eventually(() => warningOn(popup), null, 'the popup’s warning');

  // And the site is paused now.
  expect(isPausePage(await visit(tab, 'https://www.facebook.com/'))).toBe(true);
  expect(server.requestsTo('facebook.com')).toEqual([]);
});

test('access given from the first page, before any period, clears the warning, the popup and the badge at once', async ({
  firefox,
}) => {
  const welcome = await firefox.install();
  await byRole(welcome, 'alert', 'Breathing Room can’t pause sites yet').wait();
  await eventually(() => badge(welcome), '!', 'the badge');
  const popup = await firefox.open('popup.html');
  await byRole(popup, 'button', 'See what to do').wait();

  await press(welcome, 'Allow access to the sites it pauses');
  await waitForText(welcome, 'Thank you. Breathing Room can act on those sites now.');
  expect(await warningOn(welcome)).toBeNull();
  // Still on step 1, with nothing typed lost and nothing started.
  await byRole(welcome, 'heading', 'Step 1 of 5: When did no contact begin?').wait();
  await eventually(() => badge(welcome), '', 'the badge, empty with no period');
  await eventually(() => warningOn(popup), null, 'the popup’s warning');
  // Every site the manifest names, not only the ones this period would need.
  expect(
    await welcome.evaluate(() => chrome.permissions.contains({ origins: ['*://*.google.com/*', '*://*.bsky.app/*'] })),
  ).toBe(true);
});

test.describe('with access granted at install', () => {
  test.use({ grantByDefault: true });

  test('access taken away during a period is said at once, and given back with one click', async ({
    firefox,
    server,
  }) => {
    const welcome = await firefox.install();
    await startFromWelcome(welcome);
    await waitForText(welcome, 'Now paused before they load');
    await eventually(() => badge(welcome), '1', 'the badge, the day number');

    // As a person switching it off in about:addons: the same event reaches the extension.
    await welcome.evaluate(() => chrome.permissions.remove({ origins: ['*://*.instagram.com/*'] }));
    await eventually(() => badge(welcome), '!', 'the badge');
    const popup = await firefox.open('popup.html');
    await byRole(popup, 'alert', 'Not everything is paused').wait();
    expect(await warningOn(popup)).toMatch(/instagram\.com opens without a pause/);
    const tab = await firefox.newTab();
    await tab.goto('https://example.org/');
    expect(isPausePage(await visit(tab, 'https://www.instagram.com/'))).toBe(false);

    const settings = await firefox.open('options.html');
    await press(settings, 'Allow access to the sites it pauses');
    await waitForText(settings, 'Thank you. Breathing Room can act on those sites now.');
    await eventually(() => badge(settings), '1', 'the badge, the day number again');
    await eventually(() => warningOn(popup), null, 'the popup’s warning');
    expect(isPausePage(await visit(tab, 'https://www.instagram.com/explore/'))).toBe(true);
    expect(server.requestsTo('instagram.com').map((r) => r.path)).toEqual(['/']);
  });
});
