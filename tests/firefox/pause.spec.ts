import { byRole, eventually, isPausePage, press, startFromWelcome, visit, waitForHref, waitForText } from './firefox';
import { expect, test } from './fixtures';

test('a period started in Firefox stops a site before any request, and Continue opens only that tab and site', async ({
  firefox,
  server,
}) => {
  test.setTimeout(90_000);
  const welcome = await firefox.install();
  await startFromWelcome(welcome);
  await waitForText(welcome, 'Now paused before they load: social sites and messaging');

  const tab = await firefox.newTab();
  await tab.goto('https://example.org/');
  const paused = await visit(tab, 'https://www.instagram.com/explore/');
  expect(isPausePage(paused)).toBe(true);
  expect(paused).toMatch(/#https:\/\/www\.instagram\.com\/explore\/$/);
  await byRole(tab, 'heading', 'Take a breath.').wait();
  expect(await tab.$eval('.stopped-host', (e) => e.textContent)).toBe('instagram.com');
  expect(server.requestsTo('instagram.com')).toEqual([]);

  // Going on waits out the pause (ten seconds the first time), then reaches the site.
  // (A locator waits for its button to be enabled before clicking.)
  await press(tab, 'Continue to site');
  await waitForHref(tab, (h) => h === 'https://www.instagram.com/explore/', 'Instagram, after Continue');
  await waitForText(tab, 'www.instagram.com/explore/');
  // The pass is for this tab and this site: another page of the site opens too…
  await visit(tab, 'https://www.instagram.com/p/abc/');
  await waitForText(tab, 'www.instagram.com/p/abc/');
  expect(server.requestsTo('instagram.com').map((r) => r.path)).toEqual(['/explore/', '/p/abc/']);
  // …but another site in the same tab, and the same site in another tab, are still stopped.
  expect(isPausePage(await visit(tab, 'https://www.facebook.com/'))).toBe(true);
  await firefox.pausedTab('https://www.instagram.com/');
  expect(server.requestsTo('facebook.com')).toEqual([]);
  expect(server.requestsTo('instagram.com')).toHaveLength(2);

  // The popup counts the pauses: Instagram (went on), Facebook, Instagram in the other tab.
  // Each pause page writes its urge as it settles: reopen the popup until it counts them all.
  await eventually(
    () => firefox.popupFigures(['urges today', 'urges ridden out'], /Day 1\s+of 30/),
    ['3', '2'],
    'the popup’s figures',
  );
});
