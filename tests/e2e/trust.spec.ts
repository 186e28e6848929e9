import { readFileSync, rmSync } from 'node:fs';
import type { BrowserContext, Page, Request } from '@playwright/test';
import { backupFile } from './backup-file';
import {
  EXTENSION_PATH,
  endCountdowns,
  expect,
  extensionUrl,
  figure,
  openPopup,
  savePerson,
  test,
  urgeCount,
} from './fixtures';
import { installed, launchWithExtension } from './launch';
import { tempDir } from './temp';

const PAUSE = { name: 'Take a breath.' } as const;

async function logUrgeInPopup(popup: Page) {
  await popup.getByRole('button', { name: 'Log an urge' }).click();
  await popup.getByRole('button', { name: 'I resisted' }).click();
  await expect(popup.getByText(/^Logged\./)).toBeVisible();
}

test('while a period runs, lowering protection waits out the cool-off; adding protection is immediate', async ({
  context,
  extensionId,
  server,
  options,
}) => {
  const settings = await options.open();
  const coolOff = settings.getByLabel('Cool-off in hours');
  await expect(coolOff).toHaveValue('24');
  await coolOff.fill('0');
  await settings.getByRole('button', { name: 'Start no-contact' }).click();
  await expect(coolOff).toHaveAccessibleDescription(/from 1 to 72/);
  await coolOff.fill('6');
  await options.startPeriod({ page: settings });
  await expect(settings.getByText(/waits 6 hours before it takes effect/)).toBeVisible();
  await savePerson(settings, { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' });

  // Turning a category off waits; the box stays ticked and the site stays paused.
  const social = settings.getByRole('checkbox', { name: 'Social sites' });
  // A click, not `uncheck()`: the box stays ticked while the change waits.
  await social.click();
  await expect(settings.getByText(/Social sites stay paused for now\. Turning them off waits 6 h/)).toBeVisible();
  await expect(social).toBeChecked();

  // Removing the person, and allowing "Continue" on their pages, wait too.
  await settings.getByRole('textbox', { name: 'Their name' }).fill('');
  await settings.getByLabel('Their profiles').fill('');
  await settings.getByRole('checkbox', { name: 'Never let me continue to their pages' }).uncheck();
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByText(/3 changes lower your protection, so they wait 6 h/)).toBeVisible();
  await expect(settings.getByRole('textbox', { name: 'Their name' })).toHaveValue('Jordan Rivers');
  await expect(settings.getByLabel('Their profiles')).toHaveValue('instagram:jordan.rivers');

  const waiting = settings.getByRole('region', { name: 'Waiting changes' }).getByRole('listitem');
  await expect(waiting).toHaveText([
    /Stop pausing social sites\s*Takes effect in 6 h/,
    /Let me continue to their pages after the pause/,
    /Stop pausing searches for “Jordan Rivers”/,
    /Stop pausing Instagram · @jordan\.rivers/,
  ]);

  const tab = await context.newPage();
  await tab.goto('https://www.instagram.com/jordan.rivers/');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Continue to site' })).toHaveCount(0);
  await tab.goto('https://www.tiktok.com/');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  expect(server.requestsTo('instagram.com')).toEqual([]);
  expect(server.requestsTo('tiktok.com')).toEqual([]);

  // Any waiting change can be cancelled, at once.
  await settings.getByRole('button', { name: 'Cancel: Stop pausing social sites' }).click();
  await expect(settings.getByText('Cancelled: stop pausing social sites. Nothing changes.')).toBeVisible();
  await expect(waiting).toHaveCount(3);
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText(/^3 changes are waiting out your cool-off/)).toBeVisible();
  await popup.close();

  // Lengthening the period and adding a site happen at once.
  await settings.getByLabel('Add days to this period').fill('10');
  await settings.getByRole('button', { name: 'Lengthen' }).click();
  await expect(settings.getByText('Day 1 of 40.')).toBeVisible();
  await settings.getByLabel('Add a site').fill('https://www.reddit.com/r/exes/');
  await settings.getByRole('button', { name: 'Add', exact: true }).click();
  await tab.goto('https://www.reddit.com/r/exes/');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  expect(server.requestsTo('reddit.com')).toEqual([]);
});

test('a backup downloads, "Delete everything" needs the word typed, and the backup brings it all back', async ({
  context,
  extensionId,
  options,
  serviceWorker,
}) => {
  const settings = await options.open();
  await options.startPeriod({ page: settings, length: '45' });
  await savePerson(settings, { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' });
  const popup = await openPopup(context, extensionId);
  await logUrgeInPopup(popup);
  await logUrgeInPopup(popup);

  const backupDownload = settings.waitForEvent('download');
  await settings.getByRole('button', { name: 'Download a backup' }).click();
  const backupPath = await (await backupDownload).path();
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(backup).toMatchObject({ format: 'breathing-room-export', version: 2, period: { lengthDays: 45 } });
  expect(backup.urges).toHaveLength(2);
  expect(backup.settings.person.name).toBe('Jordan Rivers');

  const csvDownload = settings.waitForEvent('download');
  await settings.getByRole('button', { name: 'Download urges as a spreadsheet (CSV)' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.startsWith('\uFEFFid,time_utc,')).toBe(true);
  expect(csv.trimEnd().split('\r\n')).toHaveLength(3);

  // Nothing happens until the word is typed.
  await settings.getByRole('button', { name: 'Delete everything…' }).click();
  const erase = settings.getByRole('button', { name: 'Delete everything', exact: true });
  await expect(erase).toBeDisabled();
  await settings.getByLabel('Type “delete” to confirm').fill('delet');
  await expect(erase).toBeDisabled();
  await settings.getByLabel('Type “delete” to confirm').fill('delete');
  await erase.click();
  // The period is running: the history goes now, the period and settings after the cool-off.
  await expect(settings.getByText(/Your history is deleted\. Your settings and period go in 24 h/)).toBeVisible();
  await popup.reload();
  await expect(figure(popup, 'urges today')).toHaveText('0');
  expect(await urgeCount(serviceWorker)).toBe(0);
  await endCountdowns(serviceWorker);
  await expect(settings.getByRole('button', { name: 'Start no-contact' })).toBeVisible();
  await expect(settings.getByRole('textbox', { name: 'Their name' })).toHaveValue('');
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get(null))).toEqual({});
  expect(await serviceWorker.evaluate(() => chrome.declarativeNetRequest.getDynamicRules())).toEqual([]);

  // A bad file is refused with the problem named, and changes nothing.
  const file = settings.getByLabel('Backup file');
  const importButton = settings.getByRole('button', { name: 'Import' });
  await file.setInputFiles({
    name: 'newer.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"breathing-room-export","version":9}'),
  });
  await importButton.click();
  await expect(settings.getByRole('alert')).toHaveText(/newer version of Breathing Room.*Your data was not changed\./);
  await file.setInputFiles({
    name: 'cut.json',
    mimeType: 'application/json',
    buffer: readFileSync(backupPath).subarray(0, 300),
  });
  await importButton.click();
  await expect(settings.getByRole('alert')).toHaveText(/cut short/);
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get('period'))).toEqual({});

  // The real backup, replacing: the period, the person and the urges come back.
  await file.setInputFiles(backupPath);
  await settings.getByRole('radio', { name: /^Replace/ }).check();
  await importButton.click();
  await expect(settings.getByText(/Imported 2 urges, 0 letters, 0 contacts and 0 past periods\./)).toBeVisible();
  await expect(settings.getByText('Day 1 of 45.')).toBeVisible();
  await expect(settings.getByRole('textbox', { name: 'Their name' })).toHaveValue('Jordan Rivers');
  await popup.reload();
  await expect(popup.getByText('Day 1 of 45')).toBeVisible();
  expect(await urgeCount(serviceWorker)).toBe(2);
  const tab = await context.newPage();
  await tab.goto('https://www.instagram.com/jordan.rivers/');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
});

test('a backup with a past period closed in the year 275760 is refused, naming the field', async ({
  options,
  serviceWorker,
}) => {
  const settings = await options.open();
  const text = backupFile();
  const parsed = JSON.parse(text);
  parsed.pastPeriods[0].closedAt = 8.64e15;
  await settings.getByLabel('Backup file').setInputFiles({
    name: 'far-future.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(parsed)),
  });
  await settings.getByRole('button', { name: 'Import' }).click();
  await expect(settings.getByRole('alert')).toHaveText(
    'This backup has a date that can’t be right: past period 1 in “pastPeriods”, field “closedAt”: 275760-09-13 is after tomorrow. Nothing was imported. Your data was not changed.',
  );
  expect(await urgeCount(serviceWorker)).toBe(0);
});

test('a backup of several megabytes imports with a progress bar and says what it added', async ({
  options,
  serviceWorker,
}) => {
  // Writing tens of thousands of rows takes this shared machine a while; nothing here is timed.
  test.setTimeout(180_000);
  const settings = await options.open();
  const text = backupFile({ urges: 20_000 });
  expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
  await settings.getByLabel('Backup file').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await settings.getByRole('button', { name: 'Import' }).click();
  const bar = settings.getByRole('progressbar', { name: /^Importing… \d+%$/ });
  await expect(bar).toBeVisible();
  await expect(settings.getByText('Imported 20000 urges, 0 letters, 0 contacts and 1 past period.')).toBeVisible({
    timeout: 150_000,
  });
  await expect(bar).toHaveCount(0);
  expect(await urgeCount(serviceWorker)).toBe(20_000);
});

test('rows no page can read (a year-275760 period, NaN, a note that is not text) are left out and said, and no page breaks', async ({
  context,
  extensionId,
  options,
}) => {
  await options.startPeriod({ length: '45' });
  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  await expect(insights.getByRole('heading', { name: 'Past periods' })).toBeVisible();
  const day = new Date().toISOString().slice(0, 10);
  // Written straight into the database, as an old version or a bug might have left them.
  await insights.evaluate(async (day) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('breathing-room');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const now = Date.now();
    const urge = {
      time: now - 60_000,
      day,
      hour: 9,
      weekday: 1,
      host: 'x.com',
      category: 'social',
      context: 'feed',
      intensity: null,
      trigger: null,
      note: 'A readable urge.',
      outcome: 'resisted',
      answer: '',
      periodId: null,
    };
    const tx = db.transaction(['urges', 'letters', 'contacts', 'periods'], 'readwrite');
    tx.objectStore('urges').add(urge);
    tx.objectStore('urges').add({ ...urge, time: now - 120_000, note: { text: 'not text' } });
    tx.objectStore('urges').add({ ...urge, time: 8.64e15, day: '275760-09-13', outcome: 'gave-in' });
    tx.objectStore('letters').add({
      createdAt: now,
      updatedAt: now,
      body: 'A readable letter.',
      host: '',
      periodId: null,
    });
    tx.objectStore('letters').add({ createdAt: Number.NaN, updatedAt: now - 1, body: null, host: '', periodId: null });
    tx.objectStore('contacts').add({
      time: now - 1,
      day,
      kind: 'ghosted',
      startedBy: 'me',
      howItWent: null,
      note: '',
      periodId: null,
    });
    tx.objectStore('periods').add({
      id: 'far',
      startDate: '2025-01-01',
      lengthDays: 30,
      createdAt: now - 1,
      closedAt: 8.64e15,
      closedHow: 'moved-on',
      readiness: null,
    });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, day);

  await insights.reload();
  await expect(insights.getByRole('heading', { name: 'Insights' })).toBeVisible();
  const history = insights.getByRole('region', { name: 'History' });
  await expect(history.getByText('A readable urge.')).toBeVisible();
  await expect(
    history.getByText('2 entries couldn’t be read and are not shown. They are still stored on this device.'),
  ).toBeVisible();
  await expect(
    insights
      .getByRole('region', { name: 'Contacts' })
      .getByText('1 entry couldn’t be read and is not shown. It is still stored on this device.'),
  ).toBeVisible();
  await expect(
    insights
      .getByRole('region', { name: 'Past periods' })
      .getByText('1 entry couldn’t be read and is not shown. It is still stored on this device.'),
  ).toBeVisible();
  await expect(insights.getByText(/couldn’t be shown just now/)).toHaveCount(0);

  const letters = await context.newPage();
  await letters.goto(extensionUrl(extensionId, 'letters.html'));
  await expect(letters.getByRole('button', { name: /^Read the letter “A readable letter\.”, / })).toBeVisible();
  await expect(
    letters.getByText('1 entry couldn’t be read and is not shown. It is still stored on this device.'),
  ).toBeVisible();

  // The popup shows what it can read; the unreadable urge (its day, going on) breaks nothing.
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText('Day 1 of 45')).toBeVisible();
  await expect(popup.locator('body')).not.toContainText(/NaN|Invalid|275760|undefined/);
});

test('the pause page shows a hostile address as text and never goes there, and refuses to work in a frame', async ({
  context,
  extensionId,
  options,
  server,
}) => {
  await options.startPeriod();
  const page = await context.newPage();
  for (const hostile of [
    'javascript:alert(1)',
    'data:text/html,<b>hi</b>',
    'https://www.instagram.com@evil.example/',
  ]) {
    // A fresh document each time: a change of fragment alone does not reload the page.
    await page.goto('about:blank');
    await page.goto(`${extensionUrl(extensionId, 'interstitial.html')}#${hostile}`);
    await expect(page.getByRole('heading', { name: 'Nothing is paused here' })).toBeVisible();
    await expect(page.locator('code.refused-address')).toHaveText(new URL(`https://x/#${hostile}`).hash.slice(1));
    await expect(page.getByRole('link')).toHaveCount(0);
    await expect(page.getByRole('button')).toHaveCount(0);
  }
  expect(server.requestsTo('evil.example')).toEqual([]);

  // A web page cannot load the pause page at all, framed or fetched (Chrome gives it a per-session
  // address): no "Continue" to trick a click from, and no way to learn that Breathing Room is here.
  server.pages.set(
    '/framed',
    `<!doctype html><title>framed</title><iframe id="f" src="${extensionUrl(extensionId, 'interstitial.html')}#https://www.instagram.com/"></iframe>`,
  );
  await page.goto('https://example.org/framed');
  await expect(page.frameLocator('#f').locator('#root')).toHaveCount(0);
  const fetched = await page.evaluate(
    (url) =>
      fetch(url).then(
        (r) => r.status,
        () => 'refused',
      ),
    extensionUrl(extensionId, 'interstitial.html'),
  );
  expect(fetched).toBe('refused');
});

test('a page that opens the pause page itself logs no urge and lengthens no pause', async ({
  context,
  extensionId,
  options,
  serviceWorker,
}) => {
  await options.startPeriod();
  const urges = () => urgeCount(serviceWorker);
  const page = await context.newPage();
  // Without this session's stop key (a made-up one, or none), the page shows the pause but
  // records nothing: only a stop Breathing Room made is an urge.
  for (const query of ['', '?k=0123456789abcdef0123456789abcdef']) {
    await page.goto('about:blank');
    await page.goto(`${extensionUrl(extensionId, 'interstitial.html')}${query}#https://www.instagram.com/`);
    await expect(page.getByRole('heading', PAUSE)).toBeVisible();
    await page.getByText('Notice it (optional)').click();
    await expect(page.getByRole('heading', { name: 'Instead, you could' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Notice the urge' })).toHaveCount(0);
  }
  expect(await urges()).toBe(0);
  // A real stop is recorded.
  await page.goto('https://www.instagram.com/');
  await page.getByText('Notice it (optional)').click();
  await expect(page.getByRole('heading', { name: 'Notice the urge' })).toBeVisible();
  await expect.poll(urges).toBe(1);
});

test('the extension makes no network requests of its own on any of its pages', async ({
  context,
  extensionId,
  options,
  server,
}) => {
  const ours = extensionUrl(extensionId, '');
  const seen: string[] = [];
  const record = (request: Request) => seen.push(request.url());
  // Pages' requests and, in Chromium, the service worker's too.
  context.on('request', record);
  // What the test itself opens: the sites it visits. Everything else must come from the extension.
  const visits = ['https://example.org/', 'https://www.instagram.com/', 'https://web.whatsapp.com/'];

  const settings = await options.open();
  await options.startPeriod({ page: settings });
  await savePerson(settings, { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' });
  const popup = await openPopup(context, extensionId);
  await logUrgeInPopup(popup);

  const tab = await context.newPage();
  await tab.goto(visits[0] as string);
  await tab.goto(visits[1] as string);
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  await tab.getByRole('button', { name: 'Step away' }).click();
  await expect(tab).toHaveURL(visits[0] as string);
  await tab.goto(visits[2] as string);
  await tab.getByRole('button', { name: 'Them' }).click();
  await tab.getByRole('button', { name: 'Write it here instead' }).click();
  await tab.getByLabel('A letter you won’t send to them').pressSequentially('Not sent, and not going anywhere.');
  await expect(tab.getByText('Saved on this device.')).toBeVisible();

  const letters = await context.newPage();
  await letters.goto(extensionUrl(extensionId, 'letters.html'));
  await expect(letters.getByText('Not sent, and not going anywhere.', { exact: true })).toBeVisible();
  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  await expect(insights.getByRole('heading', { name: 'Insights' })).toBeVisible();
  await expect(insights.getByText(/3 urges noted/)).toBeVisible();
  await settings.getByRole('button', { name: 'Download a backup' }).click();
  await settings.getByRole('checkbox', { name: 'Messaging', exact: true }).click();
  await expect(settings.getByText(/Turning them off waits/)).toBeVisible();

  // The pause page also has per-session addresses (Chrome's `use_dynamic_url`), and ours is the
  // only extension this browser has loaded, so every extension address is ours.
  const foreign = seen.filter(
    (url) =>
      !url.startsWith(ours) &&
      !url.startsWith('chrome-extension://') &&
      !url.startsWith(`blob:${ours.slice(0, -1)}`) &&
      !visits.includes(url) &&
      url !== 'about:blank',
  );
  expect(seen.filter((url) => url.startsWith(ours)).length).toBeGreaterThan(10);
  expect(foreign).toEqual([]);
  // The sites' server saw only the test's own visit to example.org, twice (there and back).
  expect(server.requests.map((r) => r.host)).toEqual(['example.org', 'example.org']);
});

test.describe('restart survival', () => {
  let profile = '';
  test.beforeEach(() => {
    profile = tempDir('br-kept-profile-');
  });
  test.afterEach(() => {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  async function reopen(port: number): Promise<{ context: BrowserContext; id: string }> {
    const context = await launchWithExtension(EXTENSION_PATH, port, profile);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, id: new URL(worker.url()).host };
  }

  /** Checks what was stored, then visits a paused site (which notes one more urge). */
  async function expectEverythingKept(context: BrowserContext, id: string, urges: number) {
    const settings = await context.newPage();
    await settings.goto(extensionUrl(id, 'options.html'));
    await expect(settings.getByText('Day 1 of 60.')).toBeVisible();
    await expect(settings.getByRole('textbox', { name: 'Their name' })).toHaveValue('Jordan Rivers');
    await expect(settings.getByRole('region', { name: 'Waiting changes' }).getByRole('listitem')).toHaveText([
      /Stop pausing messaging\s*Takes effect in (23|24) h/,
    ]);
    const popup = await openPopup(context, id);
    await expect(popup.getByText('Day 1 of 60')).toBeVisible();
    // Counted from the popup's own page: the worker may be asleep, as this test means it to be.
    expect(await urgeCount(popup)).toBe(urges);
    const letters = await context.newPage();
    await letters.goto(extensionUrl(id, 'letters.html'));
    await expect(letters.getByText('Written before the browser closed.', { exact: true })).toBeVisible();
    const tab = await context.newPage();
    await tab.goto('https://web.whatsapp.com/');
    await tab.getByRole('button', { name: 'Them' }).click();
    await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
    // The pause page writes its urge as it settles: closing before then would lose it.
    await expect.poll(() => urgeCount(popup)).toBe(urges + 1);
    for (const page of [settings, popup, letters, tab]) await page.close();
  }

  test('data and waiting changes survive an extension reload, closing and reopening the browser, and an idle worker stopping', async ({
    server,
  }) => {
    test.setTimeout(150_000);
    // First run: set everything up.
    let context = await launchWithExtension(EXTENSION_PATH, server.port, profile);
    let id = await installed(context);
    const settings = await context.newPage();
    await settings.goto(extensionUrl(id, 'options.html'));
    await settings.getByLabel('Length in days').fill('60');
    await settings.getByRole('button', { name: 'Start no-contact' }).click();
    await expect(settings.getByText('Day 1 of 60.')).toBeVisible();
    await savePerson(settings, { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' });
    await settings.getByRole('checkbox', { name: 'Messaging', exact: true }).click();
    await expect(settings.getByText(/Turning them off waits 24 h/)).toBeVisible();
    await logUrgeInPopup(await openPopup(context, id));
    const tab = await context.newPage();
    await tab.goto('https://web.whatsapp.com/');
    await tab.getByRole('button', { name: 'Them' }).click();
    await tab.getByRole('button', { name: 'Write it here instead' }).click();
    await tab.getByLabel('A letter you won’t send to them').pressSequentially('Written before the browser closed.');
    await expect(tab.getByText('Saved on this device.')).toBeVisible();

    // Reloading the extension with the reload button on chrome://extensions, as a developer does
    // (an update does the same: the extension and its worker are unloaded and loaded again). The
    // open settings page closes with the extension, which proves the reload happened.
    const settingsClosed = settings.waitForEvent('close', { timeout: 20_000 });
    const manager = await context.newPage();
    await manager.goto('chrome://extensions/');
    await manager.locator('#devMode').click();
    await manager.locator('extensions-item #dev-reload-button').first().click();
    await settingsClosed;
    await manager.close();
    const probe = await context.newPage();
    await expect
      .poll(
        () =>
          probe.goto(extensionUrl(id, 'options.html')).then(
            () => true,
            () => false,
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
    await probe.close();
    // The urge logged in the popup, and the one noted when WhatsApp was paused.
    await expectEverythingKept(context, id, 2);
    await context.close();

    // Closing and reopening the browser.
    ({ context, id } = await reopen(server.port));
    await expectEverythingKept(context, id, 3);

    // The service worker stopped while idle, as the browser does after 30 seconds.
    const cdpPage = await context.newPage();
    const cdp = await context.newCDPSession(cdpPage);
    const status: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL === extensionUrl(id, 'background.js')) status.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => status.at(-1)).toBe('running');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => status.at(-1)).toBe('stopped');
    await expectEverythingKept(context, id, 4);
    // Asking the background for something wakes the worker again, with everything in place.
    const settingsAgain = await context.newPage();
    await settingsAgain.goto(extensionUrl(id, 'options.html'));
    await settingsAgain.getByLabel('Add days to this period').fill('5');
    await settingsAgain.getByRole('button', { name: 'Lengthen' }).click();
    await expect(settingsAgain.getByText('Day 1 of 65.')).toBeVisible();
    await expect.poll(() => status.at(-1)).toBe('running');
    await context.close();
    expect(server.requestsTo('whatsapp.com')).toEqual([]);
  });
});
