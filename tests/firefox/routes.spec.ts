import { byRole, isPausePage, ORIGIN, press, startFromWelcome, visit, waitForHref, waitForText } from './firefox';
import { expect, test } from './fixtures';

test('open tabs are sent to the pause page when a period starts, and a route change to their profile is stopped', async ({
  firefox,
  server,
}) => {
  test.setTimeout(90_000);
  const welcome = await firefox.install();
  server.spaLinks = [
    { text: 'Jordan', href: '/jordan.rivers/' },
    { text: 'Near miss', href: '/jordan.riverside/' },
  ];
  // Before the period: a tab on their profile, one on the feed and one elsewhere, all loaded.
  const theirs = await firefox.newTab();
  await theirs.goto('https://example.com/');
  await theirs.goto('https://www.instagram.com/jordan.rivers/');
  const feed = await firefox.newTab();
  await feed.goto('https://www.instagram.com/');
  const elsewhere = await firefox.newTab();
  await elsewhere.goto('https://example.org/');

  // "Only them": their pages pause, and nothing else.
  await startFromWelcome(welcome, {
    name: 'Jordan Rivers',
    profiles: 'https://www.instagram.com/jordan.rivers/',
    onlyThem: true,
  });
  await waitForText(welcome, 'Now paused before they load');

  const sent = await waitForHref(theirs, isPausePage, 'the open tab on their profile to be paused');
  expect(sent).toMatch(
    new RegExp(
      `^${ORIGIN}/interstitial\\.html\\?k=[0-9a-f]{32}&reason=open-tab#https://www\\.instagram\\.com/jordan\\.rivers/$`,
    ),
  );
  await waitForText(theirs, 'This tab was open on');
  // Going back from there lands on their profile, which is stopped again: Step away goes on back
  // to the page before it, with no second pause (the server's list below shows no new request).
  await press(theirs, 'Step away');
  await waitForHref(theirs, (h) => h === 'https://example.com/', 'Step away to go back past their profile');
  expect(await feed.evaluate(() => location.href)).toBe('https://www.instagram.com/');
  expect(await elsewhere.evaluate(() => location.href)).toBe('https://example.org/');

  // On the feed, a near-miss route loads in place; a route change to their profile is stopped.
  await feed.bringToFront();
  await byRole(feed, 'link', 'Near miss').click();
  await waitForText(feed, 'www.instagram.com/jordan.riverside/');
  await byRole(feed, 'link', 'Jordan').click();
  const stopped = await waitForHref(feed, isPausePage, 'the route change to be stopped');
  expect(stopped).toMatch(/#https:\/\/www\.instagram\.com\/jordan\.rivers\/$/);
  await waitForText(feed, 'their page on');

  // A full load of their profile never reaches the site; the feed was fetched once, the profile
  // once before the period began.
  expect(isPausePage(await visit(elsewhere, 'https://instagram.com/Jordan.Rivers/reels/'))).toBe(true);
  expect(server.requestsTo('instagram.com').map((r) => r.path)).toEqual(['/jordan.rivers/', '/']);

  // A search for their name is stopped too, and a search that only looks like it is not.
  expect(isPausePage(await visit(elsewhere, 'https://www.google.com/search?q=Jordan+Rivers'))).toBe(true);
  await waitForText(elsewhere, 'a search for');
  expect(isPausePage(await visit(elsewhere, 'https://www.google.com/search?q=jordan+riversmith'))).toBe(false);
  expect(server.requestsTo('google.com').map((r) => r.path)).toEqual(['/search?q=jordan+riversmith']);
});
