import {
  endCountdowns,
  expect,
  extensionUrl,
  type OptionsPage,
  onlyThem,
  savePerson,
  test,
  urgeCount,
} from './fixtures';

const PAUSE = { name: 'Take a breath.' } as const;

/** "Only them" with this person, and a period running: the setting most of these tests need. */
async function onlyThemDuringAPeriod(options: OptionsPage, person: { name?: string; profiles?: string }) {
  const settings = await options.open();
  await onlyThem(settings);
  await savePerson(settings, person);
  await options.startPeriod({ page: settings });
  return settings;
}

test('their profile is stopped on a full load and on a route change; a near miss and the feed are not', async ({
  context,
  server,
  options,
}) => {
  await onlyThemDuringAPeriod(options, { name: 'Jordan Rivers', profiles: 'https://www.instagram.com/jordan.rivers/' });

  server.spaLinks = [
    { text: 'Jordan', href: '/jordan.rivers/' },
    { text: 'Near miss', href: '/jordan.riverside/' },
    { text: 'Explore', href: '/explore/' },
  ];

  // "Only them": the feed loads, and so does a near-miss handle, in place.
  const tab = await context.newPage();
  await tab.goto('https://www.instagram.com/');
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/');
  await tab.getByRole('link', { name: 'Near miss' }).click();
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/jordan.riverside/');
  await tab.getByRole('link', { name: 'Explore' }).click();
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/explore/');

  // A route change to their profile, with no page load, lands on the pause page.
  await tab.getByRole('link', { name: 'Jordan' }).click();
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  await expect(tab.getByText('their page on')).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Continue to site' })).toHaveCount(0);
  expect(tab.url()).toMatch(/interstitial\.html\?k=[0-9a-f]{32}#https:\/\/www\.instagram\.com\/jordan\.rivers\/$/);

  // Back returns to the page they were on, not to the stopped route.
  await tab.goBack();
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/explore/');

  // A full load of their profile (any case, a sub-page) never reaches the site.
  for (const url of ['https://www.instagram.com/Jordan.Rivers/', 'https://instagram.com/jordan.rivers/reels/']) {
    await tab.goto(url);
    await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  }
  // Only the feed was ever fetched: first load, and again on Back.
  expect(server.requestsTo('instagram.com').map((r) => r.path)).toEqual(['/', '/explore/']);
});

test('a search for their full name is stopped; a search that only looks like it is not', async ({
  context,
  server,
  options,
}) => {
  await onlyThemDuringAPeriod(options, { name: 'Jordan Rivers' });

  const tab = await context.newPage();
  await tab.goto('https://www.google.com/search?q=jordan+rivers+new+girlfriend');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  await expect(tab.getByText('a search for them on')).toBeVisible();
  await tab.goto('https://duckduckgo.com/?q=%22Jordan%20Rivers%22');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  expect(server.requests).toEqual([]);

  await tab.goto('https://www.google.com/search?q=jordan+river+map');
  await expect(tab.locator('#where')).toHaveText('www.google.com/search?q=jordan+river+map');
});

test('their name is stopped on other engines and in the sites’ own search, on a full load and on a route change', async ({
  context,
  server,
  options,
}) => {
  await onlyThemDuringAPeriod(options, { name: 'Jordan Rivers' });
  const tab = await context.newPage();

  // Full loads: an engine with its own parameter, and the search inside a site.
  for (const url of [
    'https://www.google.com.vn/search?q=jordan+rivers',
    'https://www.google.lk/search?q=Jordan+Rivers',
    'https://search.yahoo.com/search?p=Jordan+Rivers+wedding',
    'https://www.youtube.com/results?search_query=%22jordan%20rivers%22',
    'https://x.com/search?q=jordan%20rivers&src=typed_query',
    'https://www.linkedin.com/search/results/people/?keywords=Jordan%20Rivers',
  ]) {
    await tab.goto(url);
    await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
    await expect(tab.getByText('a search for them on')).toBeVisible();
  }
  expect(server.requests).toEqual([]);

  // "Only them": Instagram's feed opens; its search for their name is stopped on a route change.
  server.spaLinks = [
    { text: 'Search them', href: '/explore/search/keyword/?q=jordan%20rivers' },
    { text: 'Search a river', href: '/explore/search/keyword/?q=jordan%20river' },
  ];
  await tab.goto('https://www.instagram.com/');
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/');
  await tab.getByRole('link', { name: 'Search a river' }).click();
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/explore/search/keyword/?q=jordan%20river');
  await tab.getByRole('link', { name: 'Search them' }).click();
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  await expect(tab.getByText('a search for them on')).toBeVisible();
  // Only the feed was fetched; the near miss changed route in the page.
  expect(server.requestsTo('instagram.com').map((r) => r.path)).toEqual(['/']);
});

test('a tab already open on a stopped site is stopped when the period starts, and Step away goes back past it', async ({
  context,
  extensionId,
  options,
  server,
  serviceWorker,
}) => {
  const open = await context.newPage();
  await open.goto('https://example.org/');
  await open.goto('https://www.facebook.com/');
  await expect(open.locator('#where')).toHaveText('www.facebook.com/');
  const another = await context.newPage();
  await another.goto('https://example.net/');
  await another.goto('https://www.facebook.com/');
  const harmless = await context.newPage();
  await harmless.goto('https://example.com/');
  const facebookBefore = server.requestsTo('facebook.com').length;

  await options.startPeriod();
  await expect(open).toHaveURL(
    new RegExp(
      `^${extensionUrl(extensionId, 'interstitial.html')}\\?k=[0-9a-f]{32}&reason=open-tab#https://www\\.facebook\\.com/$`,
    ),
  );
  await expect(open.getByText('This tab was open on')).toBeVisible();
  await expect(harmless.locator('#where')).toHaveText('example.com/');

  // Going back lands on Facebook, which is stopped again: Step away goes on back to the page before
  // it, with no second pause to get through and nothing logged. That page is slow to answer, and
  // is waited for, not swapped for a fresh tab.
  await context.route('https://example.org/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await route.continue();
  });
  await open.getByRole('button', { name: 'Step away' }).click();
  await expect(open).toHaveURL('https://example.org/', { timeout: 15_000 });
  await expect(open.locator('#where')).toHaveText('example.org/');
  expect(open.isClosed()).toBe(false);
  // The browser's own Back button leaves past it the same way (Chromium says where it came from).
  await another.goBack();
  await expect(another).toHaveURL('https://example.net/');
  expect(await urgeCount(serviceWorker)).toBe(0);
  expect(server.requestsTo('facebook.com')).toHaveLength(facebookBefore);
});

test('profile lines are read back as chips, and a bad line gets its own error without losing text', async ({
  options,
}) => {
  const page = await options.open();
  const box = page.getByLabel('Their profiles');
  const text =
    'https://www.instagram.com/jordan.rivers/\ntiktok:@jordan.rivers\njust some words\nhttps://www.strava.com/athletes/123';
  await box.fill(text);
  const chips = page.getByRole('list', { name: 'Recognised profiles' }).getByRole('listitem');
  await expect(chips).toHaveText(['Instagram · @jordan.rivers', 'TikTok · @jordan.rivers', 'strava.com/athletes/123']);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(/Line 3 .*just some words.*Paste a profile link/);
  await expect(box).toHaveValue(text);
});

test('custom sites are checked; adding one takes effect at once, removing one waits out the cool-off', async ({
  context,
  server,
  options,
  serviceWorker,
}) => {
  const settings = await options.open();
  await onlyThem(settings);
  await options.startPeriod({ page: settings });
  const field = settings.getByLabel('Add a site');
  const add = settings.getByRole('button', { name: 'Add', exact: true });

  for (const [input, message] of [
    ['', /Enter a site/],
    ['com', /top-level domain/],
    ['ftp://example.com/', /Only web addresses/],
  ] as const) {
    await field.fill(input);
    await add.click();
    await expect(field).toHaveAccessibleDescription(message);
  }

  // A page on a site Breathing Room already has access to, so no permission prompt is needed.
  await field.fill('https://www.reddit.com/r/exes/');
  await add.click();
  await expect(settings.getByText('Added reddit.com/r/exes. It is paused from now on.')).toBeVisible();
  const tab = await context.newPage();
  await tab.goto('https://www.reddit.com/r/exes/comments/1/');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  await tab.goto('https://www.reddit.com/r/cooking/');
  await expect(tab.locator('#where')).toHaveText('www.reddit.com/r/cooking/');

  // Removing it lowers protection, so it waits, and the site stays paused until then.
  await settings.getByRole('button', { name: 'Remove reddit.com/r/exes' }).click();
  await expect(settings.getByText(/reddit\.com\/r\/exes stays paused for now\. Removing it waits 24 h/)).toBeVisible();
  await expect(settings.getByRole('list', { name: 'Your sites' })).toContainText('removal waiting');
  const waiting = settings.getByRole('region', { name: 'Waiting changes' });
  await expect(waiting.getByRole('listitem')).toHaveText([/Stop pausing reddit\.com\/r\/exes\s*Takes effect in 24 h/]);
  await tab.goto('https://www.reddit.com/r/exes/comments/1/');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();

  await endCountdowns(serviceWorker);
  await expect(waiting).toBeHidden();
  await expect(settings.getByRole('list', { name: 'Your sites' })).toBeHidden();
  // The background has taken its rule down.
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () =>
        (await chrome.declarativeNetRequest.getDynamicRules()).some((r) => r.condition.regexFilter?.includes('exes')),
      ),
    )
    .toBe(false);
  await tab.goto('https://www.reddit.com/r/exes/comments/1/');
  await expect(tab.locator('#where')).toHaveText('www.reddit.com/r/exes/comments/1/');
  expect(server.requestsTo('reddit.com').map((r) => r.path)).toEqual(['/r/cooking/', '/r/exes/comments/1/']);
});

test('the options page explains how to allow private windows', async ({ options }) => {
  const page = await options.open();
  await expect(page.getByText('Breathing Room can’t pause sites in private windows yet.')).toBeVisible();
  await expect(page.getByText('Turn on “Allow in Incognito”.')).toBeVisible();
});

test('their profile is stopped through Google Translate’s proxy, the web archive and anonymous viewers, before any request', async ({
  context,
  server,
  options,
}) => {
  await onlyThemDuringAPeriod(options, { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' });
  const tab = await context.newPage();
  for (const url of [
    'https://www-instagram-com.translate.goog/jordan.rivers/?_x_tr_sl=auto&_x_tr_tl=en',
    'https://web.archive.org/web/20240101000000/https://www.instagram.com/jordan.rivers/',
    'https://www-google-com.translate.goog/search?q=jordan+rivers',
    'https://www.picuki.com/profile/jordan.rivers',
    'https://imginn.com/stories/jordan.rivers/',
  ]) {
    await tab.goto(url);
    await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  }
  expect(server.requests).toEqual([]);
  // Someone else's page on the same proxy opens.
  await tab.goto('https://en-wikipedia-org.translate.goog/wiki/Jordan_River');
  await expect(tab.locator('#where')).toHaveText('en-wikipedia-org.translate.goog/wiki/Jordan_River');
});

test('typing their name into a site’s own search field covers the page before the site sees it', async ({
  context,
  server,
  options,
}) => {
  await onlyThemDuringAPeriod(options, { name: 'Jordan Rivers' });
  // A search panel that shows results in place and asks its server, never changing the address.
  server.pages.set(
    '/',
    `<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>Feed</title>
<label>Search <input type="text" placeholder="Search" id="s"></label>
<label>Comment <input type="text" id="c"></label>
<p id="results"></p>
<script>
  for (const id of ['s', 'c']) document.getElementById(id).addEventListener('input', (e) => {
    document.getElementById('results').textContent = 'Results for ' + e.target.value;
    fetch('/api/search?q=' + encodeURIComponent(e.target.value));
  });
</script></html>`,
  );
  const tab = await context.newPage();
  await tab.goto('https://www.instagram.com/');
  const search = tab.getByRole('textbox', { name: 'Search' });
  // A near miss, and their name in a field that is not a search: the page works as ever.
  await search.fill('jordan river');
  await expect(tab.locator('#results')).toHaveText('Results for jordan river');
  await tab.getByRole('textbox', { name: 'Comment' }).fill('jordan rivers');
  await expect(tab.locator('#results')).toHaveText('Results for jordan rivers');
  // Their name in the search: the pause page, and the site never heard the query.
  await search.fill('jordan rivers new girlfriend');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  await expect(tab.getByText('a search for them on')).toBeVisible();
  // What was typed around the name is not in the pause page's address.
  expect(tab.url()).not.toContain('girlfriend');
  await expect
    .poll(() => server.requestsTo('instagram.com').map((r) => decodeURIComponent(r.path)))
    .toEqual(['/', '/api/search?q=jordan river', '/api/search?q=jordan rivers']);
});

test('a one-word name is warned about before saving, with an example of what it would stop', async ({ options }) => {
  const page = await options.open();
  const name = page.getByRole('textbox', { name: 'Their name' });
  await name.fill('Jordan');
  await expect(name).toHaveAccessibleDescription(/“Jordan weather”, say\. Add their surname/);
  await name.fill('Jordan Rivers');
  await expect(page.getByText(/is one word/)).toHaveCount(0);
  await expect(name).not.toHaveAccessibleDescription(/one word/);
});

test('someone around them, added in the settings, is paused like the person, and the pause page names no one', async ({
  context,
  server,
  options,
}) => {
  const settings = await options.open();
  await onlyThem(settings);
  await savePerson(settings, { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' });

  // Add their new partner: a card of their own, its name field ready to type in.
  const around = settings.getByRole('region', { name: 'People around them' });
  await around.getByRole('button', { name: 'Add someone' }).click();
  const someone = around.getByRole('region', { name: 'Someone new' });
  await expect(someone.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await settings.keyboard.type('Sam Okafor');
  await someone.getByRole('textbox', { name: 'Other names' }).fill('Sammy O');
  await someone.getByRole('textbox', { name: 'Profiles' }).fill('https://www.instagram.com/sam.okafor/');
  await someone.getByRole('button', { name: 'Save', exact: true }).click();
  const sam = around.getByRole('region', { name: 'Sam Okafor' });
  await expect(sam.getByText(/^Saved\. 1 place of theirs is listed, and searches for their 2 names too/)).toBeVisible();
  await options.startPeriod({ page: settings });

  const tab = await context.newPage();
  for (const [url, where] of [
    ['https://www.instagram.com/sam.okafor/', 'a page of one of the people you chose, on'],
    ['https://www.google.com/search?q=sammy+o+instagram', 'a search for one of the people you chose, on'],
    ['https://www.instagram.com/jordan.rivers/', 'a page of one of the people you chose, on'],
  ] as const) {
    await tab.goto(url);
    await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
    await expect(tab.getByText(where)).toBeVisible();
    // Nobody's name or handle is on the screen.
    await expect(tab.locator('body')).not.toContainText(/\b(sam|okafor|sammy|jordan)\b/i);
  }
  expect(server.requests).toEqual([]);

  // Removing them during the period lowers protection: it waits, and they stay paused meanwhile.
  await sam.getByRole('button', { name: 'Remove Sam Okafor' }).click();
  await expect(
    around.getByText(/^Sam Okafor stays paused for now\. Removing their names and profiles waits/),
  ).toBeVisible();
  await expect(sam).toBeVisible();
  // Their card says what stays, and why, rather than leaving it to look undeleted.
  await expect(
    sam.getByText('Still paused until the cool-off ends: “Sam Okafor”, “Sammy O”, Instagram · @sam.okafor.', {
      exact: false,
    }),
  ).toBeVisible();
  await tab.goto('https://www.instagram.com/sam.okafor/');
  await expect(tab.getByRole('heading', PAUSE)).toBeVisible();
  expect(server.requests).toEqual([]);
});
