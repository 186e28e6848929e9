import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { closeTab, tryToClose } from './page-checks';

/** A day `daysAgo` before today, as the date field takes it. */
const dayKey = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('en-CA');

const PERSON = {
  name: 'Jordan Rivers',
  profiles: 'https://www.instagram.com/jordan.rivers/\ntiktok:@jordan.rivers',
};

async function stored(serviceWorker: Worker) {
  return serviceWorker.evaluate(async () => {
    const { settings, pendingChanges = [] } = await chrome.storage.local.get(['settings', 'pendingChanges']);
    return {
      settings: settings as {
        person: { name: string; profiles: string };
        customSites: { host: string; path: string; label: string }[];
      },
      pendingChanges: pendingChanges as unknown[],
    };
  });
}

async function typePerson(page: Page, person: { name: string; profiles: string }) {
  await page.getByRole('textbox', { name: 'Their name' }).fill(person.name);
  await page.getByLabel('Their profiles').fill(person.profiles);
}

async function typePeriod(page: Page) {
  await page.getByLabel('Start date').fill(dayKey(2));
  await page.getByLabel('Length in days').fill('60');
}

const personSave = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });

for (const order of ['the person first', 'the period first'] as const) {
  test(`Start no-contact saves the person too, filling ${order}`, async ({ options, serviceWorker }) => {
    const page = await options.open();
    if (order === 'the person first') {
      await typePerson(page, PERSON);
      await typePeriod(page);
    } else {
      await typePeriod(page);
      await typePerson(page, PERSON);
    }
    await expect(personSave(page)).toHaveAccessibleDescription('Unsaved changes');

    await page.getByRole('button', { name: 'Start no-contact' }).click();
    await expect(page.getByText('Day 3 of 60.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Your period has started.' })).toHaveText(
      'Your period has started. Their name and 2 profiles were saved too.',
    );
    await expect(page.getByText('Unsaved changes')).toBeHidden();
    await expect(personSave(page)).toHaveAccessibleDescription('');

    // Saved before the period began, so none of it waits out the cool-off.
    const after = await stored(serviceWorker);
    expect(after.settings.person).toEqual({ id: 'them', otherNames: '', ...PERSON });
    expect(after.pendingChanges).toEqual([]);
    await expect(page.getByRole('region', { name: 'Waiting changes' })).toBeHidden();

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Their name' })).toHaveValue(PERSON.name);
    await expect(page.getByLabel('Their profiles')).toHaveValue(PERSON.profiles);
    await expect(page.getByText(/^Day 3 of 60\.$/)).toBeVisible();
  });
}

test('Start keeps profile lines it can’t read, as typed, and says so', async ({ options, serviceWorker }) => {
  const page = await options.open();
  const profiles = 'instagram:jordan.rivers\njust some words';
  await page.getByLabel('Their profiles').fill(profiles);
  await options.startPeriod({ page });
  await expect(page.getByRole('status').filter({ hasText: 'Your period has started.' })).toHaveText(
    'Your period has started. Their profile was saved too. One line under “Their profiles” couldn’t be read. It is kept as you typed it, so you can fix it there.',
  );
  expect((await stored(serviceWorker)).settings.person).toEqual({ id: 'them', name: '', otherNames: '', profiles });
});

test('a site typed under “Other sites” but not added says so, asks before leaving, and Start adds it', async ({
  options,
  serviceWorker,
}) => {
  const page = await options.open();
  const field = page.getByLabel('Add a site');
  const add = page.getByRole('button', { name: 'Add', exact: true });
  await field.click();
  await field.fill('https://www.reddit.com/r/exes/');
  await expect(add).toHaveAccessibleDescription('Not added yet');
  expect(await tryToClose(page)).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // A reddit page needs no permission prompt (the manifest grants it), so Start can add it headless.
  await page.getByRole('button', { name: 'Start no-contact' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your period has started.' })).toHaveText(
    'Your period has started. reddit.com/r/exes was added to your sites too.',
  );
  await expect(field).toHaveValue('');
  await expect(add).toHaveAccessibleDescription('');
  await expect(page.getByRole('list', { name: 'Your sites' })).toContainText('reddit.com/r/exes');
  expect((await stored(serviceWorker)).settings.customSites).toEqual([
    { host: 'reddit.com', path: '/r/exes', label: 'reddit.com/r/exes' },
  ]);
  expect(await closeTab(page)).toEqual([]);
});

test('an unsaved edit shows by its Save button and asks before the page closes; once saved it does not', async ({
  options,
}) => {
  const page = await options.open();
  const name = page.getByRole('textbox', { name: 'Their name' });
  const hint = page.getByText('Unsaved changes');
  await expect(hint).toBeHidden();

  // Typing and then undoing it leaves nothing unsaved.
  await name.click();
  await name.fill('Jordan');
  await expect(hint).toBeVisible();
  await expect(personSave(page)).toHaveAccessibleDescription('Unsaved changes');
  await name.fill('');
  await expect(hint).toBeHidden();

  await name.fill('Jordan Rivers');
  await page.getByRole('checkbox', { name: 'Never let me continue to their pages' }).uncheck();
  await expect(hint).toBeVisible();
  expect(await tryToClose(page)).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
  await expect(name).toHaveValue('Jordan Rivers');

  await personSave(page).click();
  await expect(
    page.getByText(
      /^Saved\. 0 places of theirs are listed, and searches for their name too, to be paused once your period starts\./,
    ),
  ).toBeVisible();
  await expect(hint).toBeHidden();
  expect(await closeTab(page)).toEqual([]);
});
