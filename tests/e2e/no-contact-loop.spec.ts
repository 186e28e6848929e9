import { expect, expectPopupFigures, extensionUrl, figure, openPopup, test, urgeCount } from './fixtures';

/** The text that names the stopped site on the interstitial. */
const stoppedHost = (page: import('@playwright/test').Page) => page.locator('.stopped-host');

test('first install opens the guided first run', async ({ context, extensionId }) => {
  await expect
    .poll(() => context.pages().some((p) => p.url() === extensionUrl(extensionId, 'welcome.html')))
    .toBe(true);
});

test('bad period input shows an error by the field and saves nothing', async ({ context, extensionId, options }) => {
  const page = await options.open();
  const startDate = page.getByLabel('Start date');
  const length = page.getByLabel('Length in days');
  const start = page.getByRole('button', { name: 'Start no-contact' });

  await startDate.fill('2999-01-01');
  await start.click();
  await expect(startDate).toHaveAccessibleDescription(/can’t be in the future/);

  await startDate.fill((await startDate.getAttribute('max')) ?? '');
  for (const bad of ['0', '1000', 'abc']) {
    await length.fill(bad);
    await start.click();
    await expect(length).toHaveAttribute('aria-invalid', 'true');
    await expect(length).toHaveAccessibleDescription(bad === 'abc' ? /whole number/ : /between 7 and 365/);
  }

  // Nothing started, so the popup offers the guided start.
  const popup = await openPopup(context, extensionId);
  const guided = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Start a no-contact period' }).click();
  const welcome = await guided;
  await expect(welcome).toHaveURL(extensionUrl(extensionId, 'welcome.html'));
  await expect(welcome.getByRole('heading', { name: 'When did no contact begin?' })).toBeVisible();
});

test('the no-contact loop: stop, step away, continue, and only that tab goes through', async ({
  context,
  extensionId,
  server,
  options,
}) => {
  await options.startPeriod({ length: '45' });

  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText('Day 1 of 45')).toBeVisible();
  await expect(figure(popup, 'urges today')).toHaveText('0');

  // A visit to Instagram is stopped before any request reaches it.
  const tab = await context.newPage();
  await tab.goto('https://example.org/');
  await tab.goto('https://www.instagram.com/');
  await expect(tab.getByRole('heading', { name: 'Take a breath.' })).toBeVisible();
  await expect(stoppedHost(tab)).toHaveText('instagram.com');
  await expect(tab.getByText('Day 1 of 45')).toBeVisible();
  await expect(tab.locator('.prompt-text')).not.toBeEmpty();
  expect(server.requestsTo('instagram.com')).toEqual([]);

  // Stepping away logs a resisted urge, with what the person chose to note about it.
  await tab.getByText('Notice it (optional)').click();
  await tab.getByRole('radio', { name: /^4,/ }).check();
  await tab.getByLabel('What set it off?').selectOption({ label: 'Feeling lonely' });
  await tab.getByRole('button', { name: 'Step away' }).click();
  await expect(tab).toHaveURL('https://example.org/');
  // Day 1, one urge, ridden out: said once, as the headline.
  await expectPopupFigures(popup, { 'urge ridden out': '1' });
  await expect(popup.getByRole('term')).toHaveText(['urge ridden out']);
  expect(server.requestsTo('instagram.com')).toEqual([]);

  // Going on waits out the pause, then reaches the site; that tab stays through for the site.
  await tab.clock.install();
  await tab.goto('https://www.instagram.com/explore/');
  const go = tab.getByRole('button', { name: 'Continue to site' });
  await expect(go).toBeDisabled();
  await tab.clock.runFor(10_500);
  await expect(go).toBeEnabled();
  await go.click();
  await expect(tab.getByText('www.instagram.com/explore/')).toBeVisible();
  await tab.goto('https://www.instagram.com/p/abc/');
  await expect(tab.getByText('www.instagram.com/p/abc/')).toBeVisible();
  // A pass for the feed does not open the inbox while messaging is paused.
  await tab.goto('https://www.instagram.com/direct/inbox/');
  await expect(tab.getByRole('heading', { name: 'Is this about them?' })).toBeVisible();
  await tab.getByRole('button', { name: 'Them' }).click();
  await expect(tab.getByRole('heading', { name: 'Take a breath.' })).toBeVisible();
  expect(server.requestsTo('instagram.com').map((r) => r.path)).toEqual(['/explore/', '/p/abc/']);

  // Another tab, and another site in the same tab, are still stopped.
  const other = await context.newPage();
  await other.goto('https://www.instagram.com/');
  await expect(other.getByRole('heading', { name: 'Take a breath.' })).toBeVisible();
  await tab.goto('https://m.facebook.com/');
  await expect(stoppedHost(tab)).toHaveText('m.facebook.com');
  expect(server.requestsTo('facebook.com')).toEqual([]);

  // Five pauses: stepped away, went on, the inbox the pass did not open, the other tab, Facebook.
  await expectPopupFigures(popup, { 'urges ridden out': '4', 'urges today': '5' });
});

// Chromium sometimes gives a tab opened straight onto a stopped site two history entries, the
// stopped address and the pause page. Going back then lands on the stopped address, and the rules
// show a new pause page there. That page knows it was reached by stepping away (leave-tab.ts): it
// logs nothing, goes on back, finds nothing, and swaps the tab. Before, about one run in five
// ended on that second pause.
test('stepping away from a tab with no history swaps it for a fresh tab', async ({
  context,
  options,
  serviceWorker,
}) => {
  await options.startPeriod();
  // A tab opened straight onto the site (as from a link in another app) has nothing to go back to.
  const opened = context.waitForEvent('page');
  await serviceWorker.evaluate(() => chrome.tabs.create({ url: 'https://web.whatsapp.com/' }));
  const tab = await opened;
  await expect(stoppedHost(tab)).toHaveText('web.whatsapp.com');
  await tab.getByRole('button', { name: 'Them' }).click();
  const countTabs = () => serviceWorker.evaluate(async () => (await chrome.tabs.query({})).length);
  const before = await countTabs();
  await tab.getByRole('button', { name: 'Step away' }).click();
  await expect.poll(() => tab.isClosed()).toBe(true);
  expect(await countTabs()).toBe(before);
  // One urge, the one ridden out: a landing on the second pause page logs nothing.
  expect(await urgeCount(serviceWorker)).toBe(1);
});

test('stepping away from a tab that was only ever on a site the period stops swaps it for a fresh tab', async ({
  context,
  options,
  server,
  serviceWorker,
}) => {
  // Opened straight onto the site before the period began, as from a link in another app: its
  // blank first entry is replaced, so the site is its only entry.
  const tab = await context.newPage();
  await tab.evaluate(() => location.replace('https://www.facebook.com/'));
  await expect(tab.locator('#where')).toHaveText('www.facebook.com/');
  expect(await tab.evaluate(() => history.length)).toBe(1);
  const facebook = server.requestsTo('facebook.com').length;

  await options.startPeriod();
  await expect(tab.getByText('This tab was open on')).toBeVisible();
  const countTabs = () => serviceWorker.evaluate(async () => (await chrome.tabs.query({})).length);
  const before = await countTabs();
  // Going back lands on Facebook, stopped again: that page goes on back, finds nothing, and the
  // tab is swapped, with nothing logged and no request.
  await tab.getByRole('button', { name: 'Step away' }).click();
  await expect(tab.getByRole('status')).toHaveText('Going back…');
  await expect.poll(() => tab.isClosed()).toBe(true);
  expect(await countTabs()).toBe(before);
  expect(await urgeCount(serviceWorker)).toBe(0);
  expect(server.requestsTo('facebook.com')).toHaveLength(facebook);
});

test('ordinary sites are never stopped, even during a period', async ({ context, server, options }) => {
  await options.startPeriod();
  const tab = await context.newPage();
  for (const url of ['https://example.org/', 'https://www.xbox.com/', 'https://notinstagram.com/']) {
    await tab.goto(url);
    await expect(tab.locator('#where')).toHaveText(new URL(url).host + new URL(url).pathname);
  }
  expect(server.requestsTo('xbox.com')).toHaveLength(1);
});

test('with no period active nothing is stopped', async ({ context, server }) => {
  const tab = await context.newPage();
  await tab.goto('https://www.instagram.com/');
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/');
  await tab.goto('https://web.whatsapp.com/');
  await expect(tab.locator('#where')).toHaveText('web.whatsapp.com/');
  expect(server.requestsTo('instagram.com')).toHaveLength(1);
});
