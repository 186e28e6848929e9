import { expect, extensionUrl, figure, openPopup, savePerson, test } from './fixtures';
import { expectNoViolations } from './page-checks';

// axe takes half a minute a page on a busy two-core machine: allow for it (a guard against a hang,
// not a timing check).
test.describe.configure({ timeout: 180_000 });

test('the pause page has no accessibility violations in any state', async ({ context, options }) => {
  // Six states, each checked by axe (about 30 s each on two busy cores), and two visits gone on to
  // reach the typed answer.
  test.setTimeout(420_000);
  const settings = await options.open();
  await savePerson(settings, { profiles: 'instagram:jordan.rivers' });
  await options.startPeriod({ page: settings });
  const tab = await context.newPage();
  await tab.clock.install();
  await tab.goto('https://example.org/');

  await tab.goto('https://www.instagram.com/');
  await expect(tab.locator('.prompt-text')).toBeVisible();
  await tab.getByText('Notice it (optional)').click();
  await expect(tab.getByRole('heading', { name: 'Notice the urge' })).toBeVisible();
  await expectNoViolations(tab, 'pausing, with the urge form open');
  await tab.clock.runFor(11_000);
  await expect(tab.getByRole('button', { name: 'Continue to site' })).toBeEnabled();
  await expectNoViolations(tab, 'pause over');
  await tab.getByRole('button', { name: 'Write it here instead' }).click();
  await expectNoViolations(tab, 'writing a letter');

  // After going on twice in the hour: the typed answer.
  for (const [site, seconds] of [
    ['https://www.facebook.com/', 10],
    ['https://x.com/home', 20],
  ] as const) {
    await tab.goto(site);
    await expect(tab.getByText(`A ${seconds}-second pause`)).toBeVisible();
    await tab.clock.runFor((seconds + 1) * 1000);
    await tab.getByRole('button', { name: 'Continue to site' }).click();
    await expect(tab.locator('#where')).toBeVisible();
  }
  await tab.goto('https://www.reddit.com/');
  await expect(tab.getByLabel('Your answer')).toBeVisible();
  await expectNoViolations(tab, 'typed answer');

  await tab.goto('https://www.instagram.com/jordan.rivers/');
  await expect(tab.getByText('their page on')).toBeVisible();
  await expectNoViolations(tab, 'their profile, no continue');

  await tab.goto('https://web.whatsapp.com/');
  await expect(tab.getByRole('heading', { name: 'Is this about them?' })).toBeVisible();
  await expectNoViolations(tab, 'the messaging question');
});

test('the popup, options and letters pages have no accessibility violations', async ({
  context,
  extensionId,
  options,
}) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('button', { name: 'Start a no-contact period' })).toBeVisible();
  await expectNoViolations(popup, 'popup without a period');

  const settings = await options.open();
  await settings.getByLabel('Length in days').fill('abc');
  await settings.getByRole('button', { name: 'Start no-contact' }).click();
  await settings.getByLabel('Their profiles').fill('instagram:jordan.rivers\nnot a profile');
  await expectNoViolations(settings, 'options with errors');
  await settings.getByLabel('Length in days').fill('30');
  await options.startPeriod({ page: settings });
  await expectNoViolations(settings, 'options during a period');
  // A waiting change with its countdown, the import form with an error, and "Delete everything" open.
  await settings.getByRole('checkbox', { name: 'Social sites' }).click();
  await expect(settings.getByRole('region', { name: 'Waiting changes' })).toBeVisible();
  await settings.getByRole('button', { name: 'Import' }).click();
  await expect(settings.getByRole('alert').filter({ hasText: 'Choose a backup file first.' })).toBeVisible();
  await settings.getByRole('button', { name: 'Delete everything…' }).click();
  await expectNoViolations(settings, 'options with a waiting change, import and delete');

  await popup.reload();
  await expect(popup.getByText('Day 1 of 30')).toBeVisible();
  await expectNoViolations(popup, 'popup during a period');
  await popup.getByRole('button', { name: 'Log an urge' }).click();
  await expectNoViolations(popup, 'popup logging an urge');

  const letters = await context.newPage();
  await letters.goto(extensionUrl(extensionId, 'letters.html'));
  await expect(letters.getByText('No letters yet.')).toBeVisible();
  await expectNoViolations(letters, 'no letters');
  await letters.getByRole('button', { name: 'Write a new letter' }).click();
  await letters.getByLabel('Your new letter').fill('Words I will not send.');
  await expect(letters.getByText('Saved on this device.')).toBeVisible();
  await letters.reload();
  await expect(letters.getByRole('list', { name: 'Your letters' }).getByRole('listitem')).toContainText(
    'Words I will not send.',
  );
  await expectNoViolations(letters, 'letters listed');
});

test('pages reflow without sideways scrolling at 200% zoom', async ({ context, extensionId, options }) => {
  await options.startPeriod();
  const tab = await context.newPage();
  // A 1280-pixel window at 200% zoom lays out like a 640-pixel one.
  await tab.setViewportSize({ width: 640, height: 720 });
  for (const url of [
    'https://www.instagram.com/',
    extensionUrl(extensionId, 'options.html'),
    extensionUrl(extensionId, 'letters.html'),
  ]) {
    await tab.goto(url);
    await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await tab.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});

test('the insights page and the popup’s flows have no accessibility violations', async ({
  context,
  extensionId,
  options,
}) => {
  const start = new Date(Date.now() - 28 * 86_400_000).toLocaleDateString('en-CA');
  await options.startPeriod({ startDate: start, length: '30' });
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'Log an urge' }).click();
  await popup.getByRole('button', { name: 'I went on' }).click();
  await expect(popup.getByText(/^Logged\./)).toBeVisible();
  await popup.getByText('Show the numbers').click();
  await expectNoViolations(popup, 'popup with a chart and its numbers');

  await popup.getByRole('button', { name: 'I contacted them' }).click();
  await expectNoViolations(popup, 'popup: I contacted them');
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await popup.getByRole('button', { name: 'They contacted me' }).click();
  await popup.getByRole('radio', { name: 'No, not (yet)' }).check();
  await popup.getByRole('button', { name: 'Record it' }).click();
  await expectNoViolations(popup, 'popup: after they contacted me');
  await popup.getByRole('button', { name: 'Done' }).click();

  await popup.getByRole('button', { name: 'Look at what comes next' }).click();
  await expectNoViolations(popup, 'popup: what comes next');
  for (const choice of ['Extend', 'Move on', 'Reconnect with care']) {
    await popup.getByRole('button', { name: choice, exact: true }).first().click();
    await expectNoViolations(popup, `popup: ${choice}`);
  }

  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  await expect(insights.getByRole('img', { name: 'Urges per day' })).toBeVisible();
  for (const details of await insights.getByText('Show the numbers').all()) await details.click();
  await expectNoViolations(insights, 'insights with charts and tables');
  await insights.getByRole('button', { name: /^Edit/ }).first().click();
  await expectNoViolations(insights, 'insights editing an urge');
});

test('the last day, the end of a period, its ways on and a period with no urges have no accessibility violations', async ({
  context,
  extensionId,
  options,
}) => {
  const start = new Date(Date.now() - 29 * 86_400_000).toLocaleDateString('en-CA');
  await options.startPeriod({ startDate: start, length: '30' });

  // A period with nothing noted yet: one friendly line, no empty charts or filters.
  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  await expect(insights.getByText(/^No urges noted in this period yet\./)).toBeVisible();
  await expect(insights.getByRole('img')).toHaveCount(0);
  await expect(insights.getByRole('form', { name: 'Filter the history' })).toHaveCount(0);
  // The last day: what the period came to comes first, here as in the popup.
  const lastDay = insights.getByRole('region', { name: 'The last day of your 30.' });
  // Read from the log (here empty), never "couldn't be read".
  await expect(figure(lastDay, 'days without contact so far')).toHaveText('30');
  await expect(insights.getByText(/couldn’t be read/)).toHaveCount(0);
  await expectNoViolations(insights, 'insights: the last day, nothing noted');

  const popup = await openPopup(context, extensionId);
  const inPopup = popup.getByRole('region', { name: 'The last day of your 30.' });
  await expect(figure(inPopup, 'days without contact so far')).toHaveText('30');
  await expect(popup.getByText(/couldn’t be read/)).toHaveCount(0);
  await expectNoViolations(popup, 'popup: the last day');

  // Two days on, the period has ended.
  await popup.clock.install({ time: Date.now() + 2 * 86_400_000 });
  await popup.reload();
  const done = popup.getByRole('region', { name: 'You kept 30 days of no contact.' });
  await expect(done).toBeVisible();
  await expectNoViolations(popup, 'popup: the end of a period');
  await done.getByRole('button', { name: 'See what comes next' }).click();
  for (const choice of ['Move on', 'Reconnect with care', 'Extend']) {
    const button = popup.getByRole('button', { name: choice, exact: true }).first();
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expectNoViolations(popup, `popup, after the end: ${choice}`);
  }
});
