import { RULE_BUDGET, rulesNeeded } from '../../lib/rules/budget';
import { crowded, runningWith } from '../e2e/crowded';
import { eventually, isPausePage, visit } from './firefox';
import { expect, test } from './fixtures';

test('five people with three names and ten profiles each, and 500 sites, install every rule in Firefox', async ({
  firefox,
  server,
}) => {
  test.setTimeout(120_000);
  const welcome = await firefox.install();
  const settings = crowded(5, 10, 500);
  const needed = rulesNeeded(settings);
  expect(needed).toBeLessThanOrEqual(RULE_BUDGET);
  await welcome.evaluate((items) => chrome.storage.local.set(items), runningWith(settings));

  await eventually(
    () => welcome.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length),
    needed,
    'the rules installed',
    60_000,
  );
  // The self-check found every rule in place: no name, profile or site is left out. The 500
  // sites were stored here without asking for access to them (the settings page asks when one is
  // added), and the self-check says so rather than counting them as paused.
  const gaps = await eventually(
    () =>
      welcome.evaluate(async () => {
        const { health } = await chrome.storage.session.get('health');
        const found = (health as { gaps: { kind: string; hosts?: string[] }[] } | undefined)?.gaps;
        return found ? found.map((g) => `${g.kind} ${g.hosts?.length ?? ''}`) : null;
      }),
    [`access ${settings.customSites.length}`],
    'the self-check’s gaps',
  );
  expect(gaps).toHaveLength(1);

  // The last person's last profile is stopped before any request.
  const tab = await firefox.newTab();
  await tab.goto('https://example.org/');
  const last = settings.others.at(-1)?.profiles.split('\n').at(-1)?.replace(/^x:/, '') ?? '';
  expect(last).toMatch(/^h4x9a+$/);
  expect(isPausePage(await visit(tab, `https://x.com/${last}`))).toBe(true);
  expect(server.requestsTo('x.com')).toEqual([]);
});
