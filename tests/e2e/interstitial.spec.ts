import { expect, extensionUrl, openPopup, test, urgeCount } from './fixtures';

/** Reads the last urge straight from the extension's database, as the insights page would. */
async function lastUrge(serviceWorker: import('@playwright/test').Worker) {
  return serviceWorker.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = indexedDB.open('breathing-room');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const cursor = req.result.transaction('urges').objectStore('urges').openCursor(null, 'prev');
          cursor.onsuccess = () => resolve(cursor.result?.value);
        };
      }),
  );
}

test('only going on makes the next pause longer: stepping away and the popup never do, and going on twice asks for a typed answer', async ({
  context,
  extensionId,
  server,
  serviceWorker,
  options,
}) => {
  await options.startPeriod();
  // Honest logging from the popup, whatever it says, never lengthens a pause.
  const popup = await openPopup(context, extensionId);
  for (const outcome of ['I went on', 'I resisted']) {
    await popup.getByRole('button', { name: 'Log an urge' }).click();
    await popup.getByRole('button', { name: outcome }).click();
    await expect(popup.getByText(/^Logged\./)).toBeVisible();
  }
  await popup.close();
  const tab = await context.newPage();
  // A test clock: the page reads "now" from it, so an hour of urges takes no real waiting.
  await tab.clock.install();
  await tab.goto('https://example.org/');

  // Stepping away, twice: the pause stays at its first length.
  for (let i = 0; i < 2; i++) {
    await tab.goto('https://www.instagram.com/');
    await expect(tab.getByText('A 10-second pause')).toBeVisible();
    // No count of today's urges: nothing on the page brings up shame unprompted.
    await expect(tab.getByText(/time today/)).toHaveCount(0);
    await tab.getByRole('button', { name: 'Step away' }).click();
    await expect(tab).toHaveURL('https://example.org/');
    await tab.clock.fastForward('05:00');
  }

  // Going on doubles the next pause.
  for (const [site, seconds] of [
    ['https://www.facebook.com/', 10],
    ['https://x.com/', 20],
  ] as const) {
    await tab.goto(site);
    await expect(tab.getByText(`A ${seconds}-second pause`)).toBeVisible();
    await expect(tab.getByLabel('Your answer')).toHaveCount(0);
    await tab.clock.runFor((seconds + 1) * 1000);
    await tab.getByRole('button', { name: 'Continue to site' }).click();
    await expect(tab.locator('#where')).toHaveText(`${new URL(site).host}/`);
    await tab.clock.fastForward('05:00');
  }

  // After going on twice in the hour: 40 seconds, and a few words first.
  await tab.goto('https://www.reddit.com/');
  await expect(tab.getByText('A 40-second pause')).toBeVisible();
  await expect(tab.getByText('A question to answer before going on')).toBeVisible();
  await expect(tab.locator('.prompt-text')).toContainText('?');
  const go = tab.getByRole('button', { name: 'Continue to site' });
  await tab.clock.runFor(20_000);
  await expect(go).toBeDisabled();
  await tab.clock.runFor(21_000);
  // The pause is over, but an answer is still owed: two words are not enough.
  await expect(tab.getByText('Opens once you have answered in at least 3 words.')).toBeVisible();
  await expect(go).toBeDisabled();
  const answer = tab.getByLabel('Your answer');
  await answer.fill('just bored');
  await expect(go).toBeDisabled();
  // A reload keeps the question and what was typed under it.
  const question = await tab.locator('.prompt-text').last().textContent();
  await expect.poll(async () => (await lastUrge(serviceWorker))?.answer).toBe('just bored');
  await tab.reload();
  await expect(tab.locator('.prompt-text').last()).toHaveText(question ?? '');
  await expect(answer).toHaveValue('just bored');
  await tab.clock.runFor(41_000);
  await answer.fill('I feel lonely tonight');
  await expect(go).toBeEnabled();
  await go.click();
  await expect(tab.locator('#where')).toHaveText('www.reddit.com/');
  expect(await lastUrge(serviceWorker)).toMatchObject({
    outcome: 'gave-in',
    answer: 'I feel lonely tonight',
    prompt: expect.any(String),
  });
  // The history keeps the question the answer was typed to.
  const insights = await context.newPage();
  await insights.goto(extensionUrl(extensionId, 'insights.html'));
  await expect(insights.getByText(`To “${question}”, you answered: I feel lonely tonight`)).toBeVisible();
  await insights.close();
  expect(server.requestsTo('instagram.com')).toHaveLength(0);
  expect(server.requestsTo('reddit.com')).toHaveLength(1);

  // An hour later the pause is back to its first length.
  await tab.clock.fastForward('01:01:00');
  await tab.goto('https://www.linkedin.com/');
  await expect(tab.getByText('A 10-second pause')).toBeVisible();
});

test('a letter written on a messaging page survives closing the tab and is on the letters page', async ({
  context,
  extensionId,
  options,
}) => {
  await options.startPeriod();
  const tab = await context.newPage();
  await tab.goto('https://web.whatsapp.com/');
  await tab.getByRole('button', { name: 'Them' }).click();
  const buttons = tab.locator('.pause-actions').getByRole('button');
  await expect(buttons.first()).toHaveText('Write it here instead');
  await buttons.first().click();
  const letter = tab.getByLabel('A letter you won’t send to them');
  await expect(letter).toBeFocused();
  await letter.pressSequentially('I keep wanting to tell you about my day.');
  await expect(tab.getByText('Saved on this device.')).toBeVisible();
  await tab.close();

  const letters = await context.newPage();
  await letters.goto(extensionUrl(extensionId, 'letters.html'));
  await expect(letters.getByText('I keep wanting to tell you about my day.', { exact: true })).toBeVisible();
  await expect(letters.getByText('written instead of web.whatsapp.com')).toBeVisible();
  // Its buttons say which letter they are for, to a screen reader too.
  await expect(
    letters.getByRole('button', { name: /^Read the letter “I keep wanting to tell you about my day\.”, / }),
  ).toBeVisible();

  // Reread and keep writing.
  await letters.getByRole('button', { name: /^Read/ }).click();
  const editor = letters.getByLabel('Your letter');
  await expect(editor).toHaveValue('I keep wanting to tell you about my day.');
  await editor.press('End');
  await editor.pressSequentially(' But not tonight.');
  await expect(letters.getByText('Saved on this device.')).toBeVisible();
  await letters.reload();
  await expect(letters.getByLabel('Your letter')).toHaveValue(
    'I keep wanting to tell you about my day. But not tonight.',
  );

  // Delete, undo, delete.
  await letters.getByRole('button', { name: 'Delete this letter' }).click();
  await expect(letters.getByText('Letter deleted.')).toBeVisible();
  await letters.getByRole('button', { name: 'Undo' }).click();
  await expect(letters.getByRole('button', { name: /^Read/ })).toBeVisible();
  await letters.getByRole('button', { name: /^Delete/ }).click();
  await expect(letters.getByText('No letters yet.')).toBeVisible();
});

/** What the breathing guide says and how its circle moves, read together. */
async function breath(tab: import('@playwright/test').Page) {
  return tab.locator('.breath-guide').evaluate((guide) => {
    const circle = guide.querySelector('.breath-circle') as HTMLElement;
    const style = getComputedStyle(circle);
    return {
      words: guide.querySelector('.breath-cue')?.textContent,
      count: guide.querySelector('.breath-count')?.textContent,
      circle: style.display === 'none' ? 'hidden' : style.animationName,
    };
  });
}

test('the breathing guide’s words follow its motion, in for four and out for six; with reduced motion the words guide alone', async ({
  context,
  options,
}) => {
  await options.startPeriod();
  const tab = await context.newPage();
  await tab.goto('https://example.org/');
  await tab.clock.install();
  await tab.goto('https://www.tiktok.com/');
  await expect(tab.locator('.breath-guide')).toBeVisible();
  // The pause's seconds are there, but secondary.
  await expect(tab.getByText(/A 10-second pause/)).toBeVisible();
  // Time stands still from here, and moves a second at a time. For two whole breaths, the words
  // count in for four and out for six, and in every state the page shows, the circle's motion is
  // the one the words name.
  await tab.clock.pauseAt((await tab.evaluate(() => Date.now())) + 2000);
  const cycle = [
    ...[1, 2, 3, 4].map((n) => `Breathe in ${n} of 4`),
    ...[1, 2, 3, 4, 5, 6].map((n) => `Breathe out ${n} of 6`),
  ];
  const seen: string[] = [];
  for (let second = 0; second < 20; second++) {
    await expect
      .poll(async () => {
        const now = await breath(tab);
        expect(now.circle).toBe(now.words === 'Breathe in' ? 'breathe-in' : 'breathe-out');
        return `${now.words} ${now.count}`;
      })
      .not.toBe(seen.at(-1));
    const now = await breath(tab);
    seen.push(`${now.words} ${now.count}`);
    await tab.clock.runFor(1000);
  }
  const start = cycle.indexOf(seen[0] ?? '');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => cycle[(start + i) % cycle.length]));

  // Reduced motion: no circle, no animation, and the words keep guiding.
  await tab.emulateMedia({ reducedMotion: 'reduce' });
  const still = await breath(tab);
  expect(still.circle).toBe('hidden');
  await expect(tab.locator('.breath-cue')).toBeVisible();
  // The words go on through the whole breath: after 4 s of breathing in, or 6 s out, they turn.
  const turnsIn = (words: string | null) => (words === 'Breathe in' ? 4000 : 6000);
  const before = await tab.locator('.breath-cue').textContent();
  await tab.clock.runFor(turnsIn(before));
  await expect(tab.locator('.breath-cue')).not.toHaveText(before ?? '');

  // Everything else folds behind one control: the things to do instead and the urge form.
  await expect(tab.getByRole('heading', { name: 'Instead, you could' })).toBeHidden();
  await tab.getByText('Notice it (optional)').click();
  await expect(tab.getByRole('heading', { name: 'Instead, you could' })).toBeVisible();
  await expect(tab.locator('.alternatives li')).toHaveCount(3);
  await expect(tab.getByRole('radio', { name: /^3,/ })).toBeVisible();
  await expect(tab.getByText(/characters/)).toHaveCount(0);
});

test('everything on the pause page works from the keyboard', async ({ context, options }) => {
  await options.startPeriod();
  const tab = await context.newPage();
  await tab.goto('https://example.org/');
  await tab.clock.install();
  await tab.goto('https://www.reddit.com/');
  await tab.clock.runFor(11_000);
  // Tab through to Continue and press Enter: no mouse.
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await tab.keyboard.press('Tab');
    reached = (await tab.evaluate(() => document.activeElement?.textContent)) === 'Continue to site';
  }
  expect(reached).toBe(true);
  const outline = await tab.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  await tab.keyboard.press('Enter');
  await expect(tab.locator('#where')).toHaveText('www.reddit.com/');
});

test('Continue logs the urge as gone on only once the pass is granted', async ({
  context,
  serviceWorker,
  server,
  options,
}) => {
  await options.startPeriod();
  const tab = await context.newPage();
  await tab.goto('https://example.org/');
  await tab.clock.install();
  await tab.goto('https://www.instagram.com/');
  await expect(tab.getByText('A 10-second pause')).toBeVisible();
  await expect.poll(async () => (await lastUrge(serviceWorker))?.outcome).toBe('resisted');
  await tab.clock.runFor(11_000);

  // The browser refuses the pass's rule: nothing opens, and the urge stays as it was.
  await serviceWorker.evaluate(() => {
    const dnr = chrome.declarativeNetRequest as unknown as Record<string, unknown>;
    dnr.realUpdateSessionRules = dnr.updateSessionRules;
    dnr.updateSessionRules = () => Promise.reject(new Error('Refused for the test.'));
  });
  await tab.getByRole('button', { name: 'Continue to site' }).click();
  await expect(tab.getByRole('alert')).toHaveText(
    'Something went wrong, so the page was not opened. This urge is still logged as it was. Please try again.',
  );
  expect(await lastUrge(serviceWorker)).toMatchObject({ outcome: 'resisted' });
  expect(server.requestsTo('instagram.com')).toHaveLength(0);

  // Granted the second time: now it is logged as gone on, and the site opens.
  await serviceWorker.evaluate(() => {
    const dnr = chrome.declarativeNetRequest as unknown as Record<string, unknown>;
    dnr.updateSessionRules = dnr.realUpdateSessionRules;
  });
  await tab.getByRole('button', { name: 'Continue to site' }).click();
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/');
  expect(await lastUrge(serviceWorker)).toMatchObject({ outcome: 'gave-in' });
});

test('on messaging, “Someone else” goes on at once for that tab and site, logs nothing and lengthens nothing; “Them” is the full pause', async ({
  context,
  server,
  serviceWorker,
  options,
}) => {
  await options.startPeriod();
  server.spaLinks = [{ text: 'Home feed', href: '/' }];
  const tab = await context.newPage();
  await tab.goto('https://example.org/');

  // Leaving is always there, and logs nothing.
  await tab.goto('https://web.whatsapp.com/');
  await tab.getByRole('button', { name: 'Step away' }).click();
  await expect(tab).toHaveURL('https://example.org/');

  // Talking to family: one tap, and WhatsApp opens, with nothing logged.
  await tab.goto('https://web.whatsapp.com/');
  await expect(tab.getByRole('heading', { name: 'Is this about them?' })).toBeVisible();
  await expect(tab.getByText(/second pause/)).toHaveCount(0);
  await tab.getByRole('button', { name: 'Someone else' }).focus();
  await tab.keyboard.press('Enter');
  await expect(tab.locator('#where')).toHaveText('web.whatsapp.com/');
  // The pass holds for this tab: coming back goes straight on.
  await tab.goto('https://example.org/');
  await tab.goto('https://web.whatsapp.com/');
  await expect(tab.locator('#where')).toHaveText('web.whatsapp.com/');
  expect(server.requestsTo('whatsapp.com')).toHaveLength(2);
  // Another tab still asks.
  const other = await context.newPage();
  await other.goto('https://web.whatsapp.com/');
  await expect(other.getByRole('heading', { name: 'Is this about them?' })).toBeVisible();
  await other.close();

  // The inbox inside a social site: only the inbox opens; its feed stays paused, even by a route change.
  await tab.goto('https://www.instagram.com/direct/inbox/');
  await tab.getByRole('button', { name: 'Someone else' }).click();
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/direct/inbox/');
  await tab.getByRole('link', { name: 'Home feed' }).click();
  await expect(tab.getByRole('heading', { name: 'Take a breath.' })).toBeVisible();
  await tab.getByRole('button', { name: 'Step away' }).click();
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/direct/inbox/');
  await tab.goto('https://www.instagram.com/');
  await expect(tab.getByRole('heading', { name: 'Take a breath.' })).toBeVisible();
  // The feed never reached the site.
  expect(server.requestsTo('instagram.com').filter((r) => r.path !== '/direct/inbox/')).toEqual([]);
  await tab.getByRole('button', { name: 'Step away' }).click();
  await expect(tab.locator('#where')).toHaveText('www.instagram.com/direct/inbox/');

  // Three visits to messaging said "someone else": none of them is an urge, and none lengthens the
  // next pause. Only the feed, twice, was.
  await expect.poll(() => urgeCount(serviceWorker)).toBe(2);
  await tab.goto('https://www.tiktok.com/');
  await expect(tab.getByText('A 10-second pause')).toBeVisible();

  // "Them": the full pause, writing it here first.
  await tab.goto('https://discord.com/channels/@me');
  await tab.getByRole('button', { name: 'Them' }).click();
  // Focus follows to the pause that took the question's place.
  await expect(tab.getByRole('heading', { name: 'Take a breath.' })).toBeFocused();
  await expect(tab.locator('.pause-actions').getByRole('button').first()).toHaveText('Write it here instead');
  await expect.poll(() => urgeCount(serviceWorker)).toBe(4);
  expect(await lastUrge(serviceWorker)).toMatchObject({ context: 'messaging', host: 'discord.com' });
});

test('messaging can be made a full pause in the settings', async ({ context, options, serviceWorker }) => {
  const settings = await options.open();
  await settings.getByRole('checkbox', { name: 'On messaging pages, ask first whether it’s about them' }).uncheck();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved. This applies right away.' })).toBeVisible();
  await options.startPeriod({ page: settings });
  const tab = await context.newPage();
  await tab.goto('https://web.whatsapp.com/');
  await expect(tab.getByRole('heading', { name: 'Take a breath.' })).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Someone else' })).toHaveCount(0);
  await expect.poll(() => urgeCount(serviceWorker)).toBe(1);
});

test('their own plan comes first on the pause page, and their plans and note take turns', async ({
  context,
  options,
}) => {
  const settings = await options.open();
  await settings
    .getByRole('textbox', { name: 'Plan 1' })
    .fill('When I want to look at their profile, I will text Sam.');
  await settings.getByRole('textbox', { name: 'Plan 2' }).fill('When I can’t sleep, I will read in the kitchen.');
  await settings.getByLabel('A note to yourself at the pause').fill('You decided this on a clear day. Trust her.');
  await settings.getByRole('button', { name: 'Save your plan' }).click();
  await expect(settings.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
  await options.startPeriod({ page: settings });
  const tab = await context.newPage();
  const shown: string[] = [];
  for (let i = 0; i < 3; i++) {
    await tab.goto('https://www.instagram.com/');
    const own = tab.locator('.own-words');
    await expect(own).toBeVisible();
    // Theirs first, above the library's reflection.
    const [ownTop, thoughtTop] = await Promise.all([
      own.evaluate((e) => e.getBoundingClientRect().top),
      tab.getByText('And a thought').evaluate((e) => e.getBoundingClientRect().top),
    ]);
    expect(ownTop).toBeLessThan(thoughtTop);
    shown.push((await own.locator('blockquote').textContent()) ?? '');
  }
  expect(shown).toEqual([
    'When I want to look at their profile, I will text Sam.',
    'When I can’t sleep, I will read in the kitchen.',
    'You decided this on a clear day. Trust her.',
  ]);
});

test('the pause page fits 360 px without sideways scrolling, in every state', async ({ context, options }) => {
  const settings = await options.open();
  await settings.getByRole('textbox', { name: 'Their name' }).fill('Jordan Rivers');
  await settings.getByLabel('Their profiles').fill('instagram:jordan.rivers');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await options.startPeriod({ page: settings });
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 360, height: 740 });
  const fits = async (state: string) => {
    const width = await tab.evaluate(() => document.documentElement.scrollWidth);
    expect(width, state).toBeLessThanOrEqual(360);
  };
  await tab.goto('https://web.whatsapp.com/');
  await expect(tab.getByRole('heading', { name: 'Is this about them?' })).toBeVisible();
  await fits('the messaging question');
  await tab.getByRole('button', { name: 'Them' }).click();
  await expect(tab.locator('.prompt-text').first()).toBeVisible();
  await fits('the full pause');
  await tab.getByRole('button', { name: 'Write it here instead' }).click();
  await tab.getByText('Notice it (optional)').click();
  await expect(tab.getByRole('heading', { name: 'Notice the urge' })).toBeVisible();
  await fits('writing, with the urge form open');
  await tab.goto('https://www.instagram.com/jordan.rivers/?hl=a-very-long-query-parameter-that-goes-on-and-on');
  await expect(tab.getByText('their page on')).toBeVisible();
  await fits('their page');
});
