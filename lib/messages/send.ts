import { browser } from 'wxt/browser';
import type { GuardPolicyPush, Request, ResponseFor } from './protocol';

/**
 * The protocol's schemas (and zod with them) load with the first message, not with the page, so
 * the popup opens without them (see "Speed" in the README).
 */
const protocol = () => import('./protocol');

/**
 * Sends a request to the background and returns its answer, checked against the protocol. Used by
 * the extension's pages and by the route guard alike. A refused request, a background that does
 * not answer, and an answer that is not understood all reject: every caller says so.
 */
export async function ask<R extends Request>(request: R): Promise<ResponseFor<R['type']>> {
  const answer: unknown = await browser.runtime.sendMessage(request);
  return (await protocol()).parseResponse(request.type as R['type'], answer);
}

/** Background → the route guard in one tab. A tab with nobody listening rejects. */
export async function pushToTab(tabId: number, push: GuardPolicyPush): Promise<void> {
  await browser.tabs.sendMessage(tabId, push);
}

/** Listens for the background's pushes in a content script; anything else is ignored. */
export function onGuardPolicyPush(listener: (push: GuardPolicyPush) => void): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    // No answer is sent back: the listener returns nothing.
    void protocol().then(({ parseGuardPolicyPush }) => {
      const push = parseGuardPolicyPush(message);
      if (push) listener(push);
    });
  });
}

/**
 * After a page saves a change: asks the background to apply it now, and answers what the
 * background then found not protected, or null when it did not answer. The save stands either way
 * (the background also hears it from storage), so a page says "saved, not yet confirmed", never
 * "not saved", when this is null.
 */
export function confirmApplied(): Promise<ResponseFor<'sync'>['gaps'] | null> {
  return ask({ type: 'sync' }).then(
    (answer) => answer.gaps,
    () => null,
  );
}

/** What a page adds when `confirmApplied` had no answer. */
export const NOT_CONFIRMED =
  'Breathing Room hasn’t confirmed it has applied this yet. It will as soon as it can; reopen this page to check.';
