import type { Page } from 'puppeteer-core';
import { eventually, isPausePage, press, startFromWelcome, visit, waitForHref, waitForText } from './firefox';
import { expect, test } from './fixtures';

const ruleIds = (page: Page) =>
  page.evaluate(async () =>
    (await chrome.declarativeNetRequest.getDynamicRules()).map((r) => r.id).sort((a, b) => a - b),
  );

test('the period, the urges and the rules survive closing and reopening Firefox', async ({ firefox, server }) => {
  test.setTimeout(120_000);
  const welcome = await firefox.install();
  await startFromWelcome(welcome, { name: 'Jordan Rivers', profiles: 'https://www.instagram.com/jordan.rivers/' });
  await waitForText(welcome, 'Now paused before they load');
  const rules = await ruleIds(welcome);
  expect(rules.length).toBeGreaterThan(10);

  // One urge, ridden out.
  const tab = await firefox.pausedTab('https://www.reddit.com/');
  await press(tab, 'Step away');
  await waitForHref(tab, (h) => h === 'https://example.org/', 'Step away to go back');

  await firefox.restart();

  // The first visit after reopening is stopped before any request: the rules were there at once.
  const again = await firefox.newTab();
  await again.goto('https://example.org/');
  const paused = await visit(again, 'https://www.instagram.com/jordan.rivers/');
  expect(isPausePage(paused)).toBe(true);
  await waitForText(again, 'their page on');
  expect(server.requestsTo('instagram.com')).toEqual([]);
  expect(server.requestsTo('reddit.com')).toEqual([]);
  expect(await ruleIds(again)).toEqual(rules);

  // The period and both urges are there: the one before, and the one just now.
  // Both ridden out, said once, as the headline (the popup reopened until it counts the second).
  await eventually(() => firefox.popupFigures(['urges ridden out'], /Day 1\s+of 30/), ['2'], 'urges ridden out');
});
