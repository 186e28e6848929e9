import type { Worker } from '@playwright/test';
import { RULE_BUDGET, rulesNeeded } from '../../lib/rules/budget';
import type { Person, Settings } from '../../lib/settings/schema';
import { STORAGE_VERSIONS } from '../../lib/settings/storage-versions';
import { expect, test } from './fixtures';

/**
 * The browsers' rule limits, in the real browser: the largest settings the issue asks for install
 * every rule, and a change past the limit is refused in the form before it is saved.
 */

/** `count` handles at each platform's longest, on the platforms with the most rules per profile. */
function handles(person: number, count: number): string {
  return Array.from({ length: count }, (_, i) => {
    const base = `h${person}x${i}`;
    return i % 2 ? `x:${base}${'a'.repeat(15 - base.length)}` : `instagram:${base}${'a'.repeat(24 - base.length)}`;
  }).join('\n');
}

function crowded(people: number, profiles: number, sites: number): Settings {
  const person = (p: number): Person => ({
    id: p === 0 ? 'them' : `p${p}`,
    name: `Zoë Ångström-Nguyễn ${p}`,
    otherNames: `Øyvind Müller-Schön ${p}\nJoJo Rivers ${p}`,
    profiles: handles(p, profiles),
  });
  return {
    categories: { social: true, messaging: true },
    pauseSeconds: 10,
    person: person(0),
    others: Array.from({ length: people - 1 }, (_, p) => person(p + 1)),
    neverContinueToPerson: true,
    customSites: Array.from({ length: sites }, (_, i) => ({
      host: `site${i}.example`,
      path: `/${'p'.repeat(300)}/${i}`,
      label: `site${i}.example/${'p'.repeat(300)}/${i}`,
    })),
    keepPersonAfterPeriod: false,
    askOnMessaging: true,
    plans: [],
    calmNote: '',
  };
}

/** Stores the settings and a running period, as the extension itself would. */
async function store(serviceWorker: Worker, settings: Settings) {
  const startDate = new Date(Date.now() - 3 * 86_400_000).toLocaleDateString('en-CA');
  await serviceWorker.evaluate(
    ([value, start, versions]) =>
      chrome.storage.local.set({
        settings: value,
        settings$: { v: versions.settings },
        period: { id: 'scale', startDate: start, lengthDays: 45, createdAt: Date.now(), coolOffHours: 24 },
        period$: { v: versions.period },
      }),
    [settings, startDate, STORAGE_VERSIONS] as const,
  );
}

function installedRules(serviceWorker: Worker) {
  return serviceWorker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length);
}

function ruleGaps(serviceWorker: Worker) {
  return serviceWorker.evaluate(async () => {
    const { health } = await chrome.storage.session.get('health');
    return ((health as { gaps?: { kind: string }[] } | undefined)?.gaps ?? []).filter((g) => g.kind === 'rule');
  });
}

test('five people with three names and ten profiles each, and 500 sites, install every rule', async ({
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  const settings = crowded(5, 10, 500);
  const needed = rulesNeeded(settings);
  expect(needed).toBeLessThanOrEqual(RULE_BUDGET);
  await store(serviceWorker, settings);
  await expect.poll(() => installedRules(serviceWorker), { timeout: 60_000 }).toBe(needed);
  // The self-check found every rule in place: no name, profile or site is left out.
  await expect
    .poll(() => serviceWorker.evaluate(async () => !!(await chrome.storage.session.get('health')).health))
    .toBe(true);
  expect(await ruleGaps(serviceWorker)).toEqual([]);
});

test('a change past the limit is refused beside the form, and what was paused stays paused', async ({
  serviceWorker,
  options,
}) => {
  test.setTimeout(120_000);
  // Close to the limit: one more profile goes past it.
  let profiles = 10;
  while (rulesNeeded(crowded(5, profiles + 1, 500)) <= RULE_BUDGET - 3) profiles++;
  const settings = crowded(5, profiles, 500);
  await store(serviceWorker, settings);
  await expect.poll(() => installedRules(serviceWorker), { timeout: 60_000 }).toBe(rulesNeeded(settings));

  const page = await options.open();
  const box = page.getByLabel('Their profiles');
  await box.fill(`${settings.person.profiles}\ninstagram:one.more.look\nx:onemorelook`);
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByRole('region', { name: 'The person' }).getByRole('status')).toContainText(
    `is more than your browser can pause at once: it would need`,
  );
  await expect(page.getByRole('region', { name: 'The person' }).getByRole('status')).toContainText(
    'Nothing was saved, and everything stays paused as before.',
  );
  // What is typed stays, to trim; what is stored and installed is as it was.
  await expect(box).toHaveValue(/one\.more\.look/);
  const stored = await serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  expect(stored).toEqual(settings);
  expect(await installedRules(serviceWorker)).toBe(rulesNeeded(settings));
});
