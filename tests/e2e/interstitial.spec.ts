import { expect, extensionUrl, openPopup, test } from './fixtures';

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
  for (const outcome of ['I gave in', 'I resisted']) {
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
  for (const time of ['3rd', '4th']) {
    await tab.goto('https://www.instagram.com/');
    await expect(tab.getByText('A 10-second pause')).toBeVisible();
    await expect(tab.getByText(`This is the ${time} time today.`)).toBeVisible();
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
  await expect(tab.getByText('The pause is over.')).toBeVisible();
  // The pause is over, but an answer is still owed: two words are not enough.
  await expect(go).toBeDisabled();
  const answer = tab.getByLabel('Your answer');
  await answer.fill('just bored');
  await expect(go).toBeDisabled();
  await expect(tab.getByText('Continue opens once you have answered in at least 3 words.')).toBeVisible();
  await answer.fill('I feel lonely tonight');
  await expect(go).toBeEnabled();
  await go.click();
  await expect(tab.locator('#where')).toHaveText('www.reddit.com/');
  expect(await lastUrge(serviceWorker)).toMatchObject({ outcome: 'gave-in', answer: 'I feel lonely tonight' });
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
  const buttons = tab.locator('.actions').first().getByRole('button');
  await expect(buttons.first()).toHaveText('Write it here instead');
  await buttons.first().click();
  const letter = tab.getByLabel('A letter you won’t send to them');
  await expect(letter).toBeFocused();
  await letter.pressSequentially('I keep wanting to tell you about my day.');
  await expect(tab.getByText('Saved on this device.')).toBeVisible();
  await tab.close();

  const letters = await context.newPage();
  await letters.goto(extensionUrl(extensionId, 'letters.html'));
  await expect(letters.getByText('I keep wanting to tell you about my day.')).toBeVisible();
  await expect(letters.getByText('written instead of web.whatsapp.com')).toBeVisible();

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

test('the breathing guide moves, or keeps still with reduced motion; alternatives are offered', async ({
  context,
  options,
}) => {
  await options.startPeriod();
  const tab = await context.newPage();
  await tab.goto('https://www.tiktok.com/');
  await expect(tab.locator('.breath-guide')).toBeVisible();
  await expect(tab.getByText(/Breathe in…|and out…/)).toBeVisible();
  await expect(tab.getByRole('heading', { name: 'Instead, you could' })).toBeVisible();
  await expect(tab.locator('.alternatives li')).toHaveCount(3);

  await tab.emulateMedia({ reducedMotion: 'reduce' });
  await expect(tab.locator('.breath-guide')).toBeHidden();
  await expect(tab.getByText(/A 10-second pause: \d+ s left\./)).toBeVisible();
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
