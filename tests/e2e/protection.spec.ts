import type { Page, Worker } from '@playwright/test';
import { expect, extensionUrl, onlyThem, openPopup, savePerson, test, urgeCount } from './fixtures';
import { expectNoViolations } from './page-checks';

const PAUSE = { name: 'Take a breath.' } as const;

async function health(serviceWorker: Worker) {
  return serviceWorker.evaluate(async () => (await chrome.storage.session.get('health')).health as { gaps: unknown[] });
}

async function onPause(tab: Page) {
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
}

test('a worst-case policy installs every rule in the real browser, and stops their page, their accented name and a site', async ({
  options,
  serviceWorker,
  context,
  server,
}) => {
  const settings = await options.startPeriod();
  const profiles = [
    `instagram:${'jordan.rivers_'.repeat(3).slice(0, 30)}`,
    `facebook:${'jordan.rivers.'.repeat(4).slice(0, 50)}`,
    `x:${'jordan_rivers_'.repeat(2).slice(0, 15)}`,
    `tiktok:${'jordan.rivers_'.repeat(2).slice(0, 24)}`,
    `linkedin:${'josé-ríos-'.repeat(10).slice(0, 100)}`,
    `youtube:${'ジョーダン・リバーズ'.repeat(3).slice(0, 30)}`,
    `reddit:${'jordan_rivers_'.repeat(2).slice(0, 20)}`,
    // A page on a site the manifest already covers, so no permission prompt is needed.
    `https://www.google.com/${'maps/place/1234567890/'.repeat(100).slice(0, 1990)}`,
  ].join('\n');
  const name = 'Zoë Ångström-Nguyễn Dvořák Øyvind';
  await savePerson(settings, { name, profiles });
  // Wait for the new rules: one of them covers Bing (the name), another Google alone (the page).
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const rules = await chrome.declarativeNetRequest.getDynamicRules();
        return (
          rules.some((r) => r.condition.requestDomains?.includes('bing.com')) &&
          rules.some((r) => r.condition.requestDomains?.join() === 'google.com')
        );
      }),
    )
    .toBe(true);
  await expect.poll(async () => (await health(serviceWorker))?.gaps).toEqual([]);
  const verdicts = await serviceWorker.evaluate(async () => {
    const rules = await chrome.declarativeNetRequest.getDynamicRules();
    const checks = await Promise.all(
      rules.flatMap((r) =>
        r.condition.regexFilter
          ? [chrome.declarativeNetRequest.isRegexSupported({ regex: r.condition.regexFilter, isCaseSensitive: false })]
          : [],
      ),
    );
    return { count: rules.length, refused: checks.filter((c) => !c.isSupported).length };
  });
  // The catalog's two, one per profile (X has two), one for encoded handles per platform, the name.
  expect(verdicts.count).toBeGreaterThanOrEqual(2 + 8 + 1);
  expect(verdicts.refused).toBe(0);

  const tab = await context.newPage();
  for (const url of [
    `https://www.instagram.com/${'jordan.rivers_'.repeat(3).slice(0, 30)}/`,
    `https://www.google.com/search?q=${encodeURIComponent('zoë ångström nguyễn dvořák øyvind')}`,
    `https://www.google.com/search?q=${encodeURIComponent('Zoe Angstrom-Nguyen Dvorak Øyvind')}`,
    'https://www.tiktok.com/foryou',
  ]) {
    await tab.goto(url);
    await onPause(tab);
  }
  expect(server.requests).toEqual([]);
});

test('in "only them" mode a trailing dot, a doubled slash or an encoded handle decides the same, before any request', async ({
  options,
  context,
  server,
}) => {
  const settings = await options.open();
  await savePerson(settings, { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' });
  await onlyThem(settings);
  await options.startPeriod({ page: settings });
  const tab = await context.newPage();
  for (const url of [
    'https://www.instagram.com./jordan.rivers/',
    'https://www.instagram.com//jordan.rivers/',
    'https://WWW.INSTAGRAM.COM:443/Jordan.Rivers',
    'https://www.instagram.com/jordan%2Erivers/',
    'https://www.instagram.com/stories//jordan.rivers/1/',
  ]) {
    await tab.goto(url);
    await onPause(tab);
    await expect(tab.getByRole('button', { name: 'Continue to site' })).toHaveCount(0);
  }
  expect(server.requestsTo('instagram.com')).toEqual([]);
  // The feed stays open in this mode.
  await tab.goto('https://www.instagram.com./explore/');
  await expect(tab.locator('#where')).toHaveText('www.instagram.com./explore/');
});

test('their profile embedded in another site shows a calm note in the frame, and the site is never asked', async ({
  options,
  context,
  server,
}) => {
  const settings = await options.open();
  await savePerson(settings, { profiles: 'instagram:jordan.rivers' });
  await onlyThem(settings);
  await options.startPeriod({ page: settings });
  server.pages.set(
    '/embed',
    '<!doctype html><title>A blog</title><p>A post</p><iframe id="ig" src="https://www.instagram.com/jordan.rivers/embed" title="Instagram"></iframe>',
  );
  const page = await context.newPage();
  await page.goto('https://someones.blog.example/embed');
  await expect(page.frameLocator('#ig').getByText('Paused by Breathing Room.')).toBeVisible();
  await expect(page.frameLocator('#ig').getByRole('button')).toHaveCount(0);
  expect(server.requestsTo('instagram.com')).toEqual([]);
});

test('a search that a shortened rule catches by mistake goes straight on, with nothing logged', async ({
  options,
  context,
  server,
  serviceWorker,
}) => {
  const settings = await options.open();
  await savePerson(settings, { name: 'Александр Пушкин' });
  await onlyThem(settings);
  await options.startPeriod({ page: settings });
  const tab = await context.newPage();
  // Their name, in any case: stopped.
  await tab.goto(`https://www.google.com/search?q=${encodeURIComponent('александр пушкин стихи')}`);
  await onPause(tab);
  await expect.poll(() => urgeCount(serviceWorker)).toBe(1);
  // Another name that only starts the same way: the rule's shorter form catches it, and the pause
  // page sends it on at once.
  const other = `https://www.google.com/search?q=${encodeURIComponent('Алексей Пушкарёв')}`;
  await tab.goto(other).catch(() => undefined);
  await expect(tab).toHaveURL(other);
  await expect(tab.locator('#where')).toHaveText(/^www\.google\.com\/search/);
  expect(server.requestsTo('google.com')).toHaveLength(1);
  expect(await urgeCount(serviceWorker)).toBe(1);
});

test('the self-check says so when a rule cannot install, and removing what it protected applies at once', async ({
  options,
  serviceWorker,
  context,
  extensionId,
}) => {
  const settings = await options.startPeriod();
  // From now on the browser refuses every new regex (as Chrome does one over its size limit).
  await serviceWorker.evaluate(async () => {
    const refuse = async () => ({ isSupported: false, reason: 'memoryLimitExceeded' as const });
    // The background reaches the API through the WebExtension polyfill where there is one.
    const polyfilled = (globalThis as { browser?: typeof chrome }).browser?.declarativeNetRequest;
    for (const api of [chrome.declarativeNetRequest, polyfilled]) if (api) api.isRegexSupported = refuse;
  });
  // Adding protection applies at once, so the name's rule is built now, and refused.
  await settings.getByRole('textbox', { name: 'Their name' }).fill('Jordan Rivers');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('alert').filter({ hasText: 'Searches for “Jordan Rivers”' })).toContainText(
    'your browser would not accept the rule',
  );
  // The badge is set just after the self-check is stored: wait for it rather than read it once.
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('alert')).toContainText('not paused');

  // Removing their name protects less, but it was protecting nothing: no cool-off.
  await settings.getByRole('textbox', { name: 'Their name' }).fill('');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect
    .poll(() =>
      serviceWorker.evaluate(
        async () => ((await chrome.storage.local.get('settings')).settings as { person: { name: string } }).person.name,
      ),
    )
    .toBe('');
  expect(
    await serviceWorker.evaluate(async () => (await chrome.storage.local.get('pendingChanges')).pendingChanges ?? []),
  ).toEqual([]);
  await popup.close();
  const page = await context.newPage();
  await page.goto(extensionUrl(extensionId, 'options.html'));
  await expect(page.getByRole('alert').filter({ hasText: 'Searches for “Jordan Rivers”' })).toHaveCount(0);
});

test('the self-check warns when site access is withheld, and clears when it is given back', async ({
  options,
  serviceWorker,
  context,
  extensionId,
}) => {
  await options.startPeriod();
  // Chrome's "This can read and change site data: on click", as a person sets it.
  const manager = await context.newPage();
  await manager.goto('chrome://extensions/');
  const setAccess = (access: string) =>
    manager.evaluate(
      ([id, hostAccess]) =>
        (
          chrome as unknown as {
            developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> };
          }
        ).developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess }),
      [extensionId, access] as const,
    );
  await setAccess('ON_CLICK');
  await expect.poll(async () => (await health(serviceWorker))?.gaps.length).toBe(1);
  // The badge is set just after the self-check is stored: wait for it rather than read it once.
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  const settings = await context.newPage();
  await settings.goto(extensionUrl(extensionId, 'options.html'));
  // "On click" withholds every site: not one is paused, and the warning says exactly that.
  const warning = settings.getByRole('alert', { name: 'Nothing is paused' });
  await expect(warning).toContainText('act on any of the sites it pauses (instagram.com, facebook.com and');
  await expect(warning.getByRole('button', { name: 'Allow access to the sites it pauses' })).toBeVisible();
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('alert')).toContainText('Nothing is paused: your browser hasn’t let Breathing Room');
  await expectNoViolations(settings, 'the settings page, with nothing paused');
  await expectNoViolations(popup, 'the popup, with nothing paused');

  await setAccess('ON_ALL_SITES');
  await expect.poll(async () => (await health(serviceWorker))?.gaps).toEqual([]);
  await expect(warning).toBeHidden();
  // The badge is set just after the self-check is stored: wait for it rather than read it once.
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
});
