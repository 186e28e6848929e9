import type { Page } from '@playwright/test';
import {
  endCountdowns,
  expect,
  expectPopupFigures,
  extensionUrl,
  figure,
  openPopup,
  savePerson,
  test,
} from './fixtures';
import { tryToClose } from './page-checks';

/** A local calendar date `days` ago, as the date field takes it. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toLocaleDateString('en-CA');

async function logUrge(popup: Page, outcome: 'I resisted' | 'I went on', intensity?: number) {
  await popup.getByRole('button', { name: 'Log an urge' }).click();
  if (intensity) await popup.getByRole('radio', { name: String(intensity), exact: true }).check();
  await popup.getByRole('button', { name: outcome }).click();
  await expect(popup.getByText(/^Logged\./)).toBeVisible();
}

test('urges logged through the popup and the pause page show up as the right counts', async ({
  context,
  extensionId,
  serviceWorker,
  options,
}) => {
  await options.startPeriod({ startDate: daysAgo(9), length: '30' });
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText('Day 10 of 30')).toBeVisible();
  // Nothing logged and no contact: the day count says it all, with no figure repeating it.
  await expect(figure(popup, 'urges today')).toHaveText('0');
  await expect(popup.getByText(/without contact|giving in|gave in/i)).toHaveCount(0);
  // Not a chart of nothing: a line about what will grow there.
  await expect(popup.getByRole('img', { name: 'Urges in the last 14 days' })).toHaveCount(0);
  await expect(popup.getByText(/a chart of your last two weeks will grow here/)).toBeVisible();
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('10');

  await logUrge(popup, 'I resisted', 3);
  await logUrge(popup, 'I resisted');
  await logUrge(popup, 'I went on', 5);
  const tab = await context.newPage();
  await tab.goto('https://example.org/');
  await tab.goto('https://www.instagram.com/');
  await tab.getByRole('button', { name: 'Step away' }).click();
  await expect(tab).toHaveURL('https://example.org/');

  // The urges ridden out lead; today's count shows once (this period's and this week's are the same urges).
  await expectPopupFigures(popup, { 'urges ridden out': '3', 'urges today': '4' });
  await expect(popup.getByRole('term')).toHaveText(['urges ridden out', 'urges today']);
  await expect(popup.getByText(/giving in|gave in|without contact/i)).toHaveCount(0);
  await popup.getByText('Show the numbers').click();
  const todayRow = popup.getByRole('table').getByRole('row').last();
  await expect(todayRow.getByRole('cell')).toHaveText(['3', '1']);
  await expect(popup.getByRole('table').getByRole('columnheader')).toHaveText(['Day', 'Resisted', 'Went on']);
  await expect(popup.getByText('4 urges over 14 days; 3 resisted, 1 went on.')).toBeVisible();
});

test('a slip restarts the contact-free streak only; a message from them restarts nothing', async ({
  context,
  extensionId,
  options,
}) => {
  await options.startPeriod({ startDate: daysAgo(11), length: '45' });
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText('Day 12 of 45')).toBeVisible();
  await expect(popup.getByText(/without contact/)).toHaveCount(0);

  await popup.getByRole('button', { name: 'They contacted me' }).click();
  await popup.getByRole('radio', { name: 'No, not (yet)' }).check();
  await popup.getByRole('button', { name: 'Record it' }).click();
  await expect(popup.getByText('Nothing restarts')).toBeVisible();
  await expect(popup.getByRole('listitem').first()).not.toBeEmpty();
  await popup.getByRole('button', { name: 'Done' }).click();
  await expect(popup.getByText(/without contact/)).toHaveCount(0);

  await popup.getByRole('button', { name: 'I contacted them' }).click();
  await popup.getByRole('radio', { name: 'I did' }).check();
  await popup.getByRole('radio', { name: 'It hurt' }).check();
  await popup.getByLabel('Note (optional)').fill('Sent a late message');
  await popup.getByRole('button', { name: 'Record it' }).click();
  await expect(popup.getByRole('heading', { name: 'Thank you for being honest' })).toBeVisible();
  await expect(popup.getByText('Your contact-free count starts again from today.')).toBeVisible();
  await popup.getByRole('button', { name: 'Done' }).click();
  // Never a big 0: the streak starts again today, said kindly.
  await expect(
    popup.getByText('Your days without contact start again from today. The days you kept still count.'),
  ).toBeVisible();
  await expect(popup.getByRole('term').filter({ hasText: /without contact/ })).toHaveCount(0);
  // The period goes on.
  await expect(popup.getByText('Day 12 of 45')).toBeVisible();

  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  const contacts = insights.getByRole('list', { name: 'Contacts, newest first' }).getByRole('listitem');
  await expect(contacts).toHaveCount(2);
  await expect(contacts.first()).toContainText('In touch, started by you · it hurt');
  await expect(contacts.first()).toContainText('Sent a late message');
});

test('in its last days a period can be extended; each way on has its own check, never scored against the other', async ({
  context,
  extensionId,
  serviceWorker,
  options,
}) => {
  await options.startPeriod({ startDate: daysAgo(28), length: '30' });
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText('Day 29 of 30')).toBeVisible();
  // At the popup's size, logging an urge is on the first screen, above the way-on card.
  await popup.setViewportSize({ width: 380, height: 600 });
  await expect(popup.getByRole('button', { name: 'Log an urge' })).toBeInViewport({ ratio: 1 });
  await popup.getByRole('button', { name: 'Look at what comes next' }).click();
  await expect(popup.getByRole('heading', { name: 'What next?' })).toBeVisible();

  // Reconnecting: the final checklist before reaching out.
  const reconnect = popup.getByRole('button', { name: 'Reconnect with care', exact: true });
  await reconnect.click();
  await expect(reconnect).toHaveAttribute('aria-pressed', 'true');
  const before = popup.getByRole('group', { name: 'Before reaching out' }).getByRole('checkbox');
  await expect(before).toHaveCount(7);
  await before.nth(0).check();
  await before.nth(2).check();
  await expect(popup.getByText('2 of 7 true today.', { exact: false })).toBeVisible();

  // Moving on asks something else: whether you are all right without them. Nothing carries over.
  const moveOn = popup.getByRole('button', { name: 'Move on', exact: true });
  await moveOn.click();
  await expect(moveOn).toHaveAttribute('aria-pressed', 'true');
  await expect(reconnect).toHaveAttribute('aria-pressed', 'false');
  await expect(popup.getByRole('group', { name: 'Before reaching out' })).toHaveCount(0);
  const without = popup.getByRole('group', { name: 'Are you all right without them?' }).getByRole('checkbox');
  await expect(without).toHaveCount(5);
  for (const box of await without.all()) await expect(box).not.toBeChecked();
  await without.nth(1).check();
  await expect(popup.getByText('1 of 5 true today.', { exact: false })).toBeVisible();
  await expect(popup.getByText(/of 7/)).toHaveCount(0);

  await popup.getByRole('button', { name: 'Extend' }).click();
  await popup.getByLabel('Or add this many days').fill('400');
  await popup.getByRole('button', { name: 'Extend', exact: true }).last().click();
  await expect(popup.getByText(/can grow by 365 more|between 1 and 365/)).toBeVisible();
  await popup.getByRole('button', { name: 'Add 14 days' }).click();
  await expect(popup.getByText('Your period now runs for 44 days.')).toBeVisible();

  await popup.reload();
  await expect(popup.getByText('Day 29 of 44')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Look at what comes next' })).toHaveCount(0);
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('29');
});

test('a finished period closes through Move on, keeping their pages paused and the history', async ({
  context,
  extensionId,
  server,
  options,
}) => {
  const settings = await options.open();
  await savePerson(settings, { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' });
  await options.startPeriod({ page: settings, startDate: daysAgo(29), length: '30' });
  const popup = await openPopup(context, extensionId);
  await logUrge(popup, 'I resisted', 4);
  const letters = await context.newPage();
  await letters.goto(extensionUrl(extensionId, 'letters.html'));
  await letters.getByRole('button', { name: 'Write a new letter' }).click();
  await letters.getByLabel('Your new letter').fill('Dear J,\nI never sent this one.');
  await expect(letters.getByText('Saved on this device.')).toBeVisible();
  await letters.close();

  // Two days later, the period is over: what it came to comes first, before any choice.
  await popup.clock.install({ time: Date.now() + 2 * 86_400_000 });
  await popup.reload();
  const done = popup.getByRole('region', { name: 'You kept 30 days of no contact.' });
  await expect(figure(done, 'days kept')).toHaveText('30');
  await expect(figure(done, 'urge ridden out')).toHaveText('1');
  await expect(figure(done, 'letter written, never sent')).toHaveText('1');
  await expect(
    done.getByText(/^Your hardest moment: .*, an urge you rated 4 of 5\. You stepped away from it\.$/),
  ).toBeVisible();
  await expect(done.locator('blockquote')).not.toBeEmpty();
  await expect(popup.getByRole('button', { name: 'Move on' })).toHaveCount(0);
  await done.getByRole('button', { name: 'See what comes next' }).click();
  await popup.getByRole('button', { name: 'Move on' }).click();
  await expect(
    popup.getByRole('checkbox', { name: 'Keep pausing their pages and searches for their name' }),
  ).toBeChecked();
  await popup.getByRole('button', { name: 'Close my period and move on' }).click();
  await expect(popup.getByRole('heading', { name: 'You moved on' })).toBeVisible();
  await expect(
    popup.getByText(
      /^Your 30-day period is closed, and it stays in your history with every urge you rode out\. Their pages stay paused, as you chose\.$/,
    ),
  ).toBeVisible();

  // Afterwards the popup remembers the period, and offers another only quietly.
  await popup.reload();
  const last = popup.getByRole('region', { name: 'Your last period' });
  await expect(last).toContainText('You kept 30 days of no contact and rode out 1 urge.');
  await expect(popup.getByRole('button', { name: 'Start a no-contact period' })).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Start another period' })).toBeVisible();
  await expect(popup.getByText('Their pages are still paused, as you chose.')).toBeVisible();

  // No period: the feed opens, their profile and their name still pause.
  const tab = await context.newPage();
  await tab.goto('https://www.instagram.com/');
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/');
  await tab.goto('https://www.instagram.com/jordan.rivers/');
  await expect(tab.getByRole('heading', { name: 'Take a breath.' })).toBeVisible();
  await tab.goto('https://www.bing.com/search?q=jordan+rivers');
  await expect(tab.getByRole('heading', { name: 'Take a breath.' })).toBeVisible();
  expect(server.requestsTo('instagram.com').map((r) => r.path)).toEqual(['/']);

  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  const row = insights.getByRole('table', { name: 'Past periods' }).getByRole('row').nth(1);
  await expect(row.getByRole('cell')).toHaveText(['30 days', 'Moved on', '1', '1']);
});

test('the insights page charts the period, filters the history, and edits or deletes with undo', async ({
  context,
  extensionId,
  options,
}) => {
  await options.startPeriod({ startDate: daysAgo(3), length: '30' });
  const popup = await openPopup(context, extensionId);
  await logUrge(popup, 'I resisted', 2);
  await logUrge(popup, 'I went on', 4);
  const tab = await context.newPage();
  await tab.goto('https://www.instagram.com/');
  await tab.getByText('Notice it (optional)').click();
  await tab.getByLabel('What set it off?').selectOption({ label: 'Feeling lonely' });
  await expect(tab.getByLabel('What set it off?')).toHaveValue('lonely');

  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  await expect(insights.getByText('Day 4 of 30. 3 urges noted, 67% resisted.')).toBeVisible();
  for (const name of ['Urges per day', 'When urges come', 'Resisted, week by week']) {
    await expect(insights.getByRole('img', { name })).toBeVisible();
  }
  await expect(insights.getByRole('region', { name: 'Top triggers' }).getByRole('listitem')).toHaveText([
    'Feeling lonely1',
  ]);
  await expect(insights.getByRole('region', { name: 'Top sites' }).getByRole('listitem')).toHaveText([
    'instagram.com1',
  ]);

  const history = insights.getByRole('list', { name: 'Urges, newest first' }).getByRole('listitem');
  await expect(history).toHaveCount(3);
  await insights.getByLabel('Outcome', { exact: true }).selectOption('gave-in');
  await expect(history).toHaveCount(1);
  await insights.getByLabel('Outcome', { exact: true }).selectOption('');
  await insights.getByLabel('Site', { exact: true }).selectOption('instagram.com');
  await expect(history).toHaveCount(1);
  await insights.getByLabel('Site', { exact: true }).selectOption('');
  await insights.getByLabel('Trigger', { exact: true }).selectOption('lonely');
  await expect(history).toHaveCount(1);
  await insights.getByLabel('Trigger', { exact: true }).selectOption('');
  await insights.getByLabel('Context', { exact: true }).selectOption('away');
  await expect(history).toHaveCount(2);
  await insights.getByLabel('From', { exact: true }).fill(daysAgo(-1));
  await expect(insights.getByText('No urges match.')).toBeVisible();
  await insights.getByRole('button', { name: 'Clear filters' }).click();
  await expect(history).toHaveCount(3);

  // Edit the one gone on with: it was really resisted.
  await history.filter({ hasText: 'Went on' }).getByRole('button', { name: /^Edit/ }).click();
  await insights.getByRole('radio', { name: 'Resisted' }).check();
  await insights.getByRole('button', { name: 'Save changes' }).click();
  await expect(history.filter({ hasText: 'Went on' })).toHaveCount(0);
  await expect(insights.getByText('3 urges noted, 100% resisted.')).toBeVisible();

  // Delete one, then undo.
  await history
    .first()
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(history).toHaveCount(2);
  await insights.getByRole('button', { name: 'Undo' }).click();
  await expect(history).toHaveCount(3);
});

test('a period can be ended early from insights, after a pause, a few words and the cool-off', async ({
  context,
  extensionId,
  options,
  serviceWorker,
}) => {
  await options.startPeriod({ startDate: daysAgo(5), length: '30' });
  const insights = await context.newPage();
  await insights.clock.install();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  // Possible, but never the first thing on the page: it comes after everything else.
  await expect(insights.getByRole('heading', { level: 2 }).last()).toHaveText('Ending early');
  await insights.getByRole('button', { name: 'End this period early…' }).click();
  // Keeping the period is the first, primary choice; going on is the quieter one.
  await expect(insights.getByRole('button', { name: 'Keep my period' })).toHaveClass(/primary/);
  const go = insights.getByRole('button', { name: 'Go on to my choices' });
  await expect(go).not.toHaveClass(/primary/);
  await insights.getByLabel('What has changed since you started?').fill('I feel steady now');
  await expect(go).toBeDisabled();
  await insights.clock.runFor(31_000);
  await expect(go).toBeEnabled();
  await go.click();
  await insights.getByRole('button', { name: 'Move on' }).click();
  await insights.getByRole('button', { name: 'Close my period and move on' }).click();
  // The period is still running: ending it waits out the cool-off, and can be cancelled meanwhile.
  await expect(insights.getByRole('status').filter({ hasText: 'Your period will close in 24 h' })).toBeVisible();
  const waiting = insights.getByRole('region', { name: 'Waiting changes' });
  await expect(waiting.getByRole('listitem')).toHaveText([/End my period early and move on\s*Takes effect in 24 h/]);
  const popupBefore = await openPopup(context, extensionId);
  await expect(popupBefore.getByText('Day 6 of 30')).toBeVisible();
  await popupBefore.close();

  await endCountdowns(serviceWorker);
  await expect(insights.getByText('No period is running.')).toBeVisible();
  const row = insights.getByRole('table', { name: 'Past periods' }).getByRole('row').nth(1);
  await expect(row.getByRole('cell').first()).toHaveText('30 days, closed on day 6');

  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('region', { name: 'Your last period' })).toContainText('You kept 6 days of no contact.');
  await expect(popup.getByRole('button', { name: 'Start another period' })).toBeVisible();
});

test('words typed on the insights page are never dropped without a word: leaving asks first', async ({
  context,
  extensionId,
  options,
}) => {
  await options.startPeriod({ startDate: daysAgo(5), length: '30' });
  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  await insights.getByRole('button', { name: 'I contacted them' }).click();
  await insights.getByLabel('Note (optional)').fill('We talked for an hour.');
  expect(await tryToClose(insights)).toEqual(['beforeunload']);
  await expect(insights.getByLabel('Note (optional)')).toHaveValue('We talked for an hour.');

  await insights.getByRole('button', { name: 'End this period early…' }).click();
  await insights.getByLabel('What has changed since you started?').fill('I feel steady now');
  expect(await tryToClose(insights)).toEqual(['beforeunload']);
});
