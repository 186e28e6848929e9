import type { Worker } from '@playwright/test';
import { RULE_BUDGET, rulesNeeded } from '../../lib/rules/budget';
import type { Settings } from '../../lib/settings/schema';
import { crowded, runningWith } from './crowded';
import { expect, test } from './fixtures';

/**
 * The browsers' rule limits, in the real browser: the largest settings the issue asks for install
 * every rule, and a change past the limit is refused in the form before it is saved.
 */

/** Stores the settings and a running period, as the extension itself would. */
async function store(serviceWorker: Worker, settings: Settings) {
  await serviceWorker.evaluate((items) => chrome.storage.local.set(items), runningWith(settings));
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
