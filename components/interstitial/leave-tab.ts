import { browser } from 'wxt/browser';

/**
 * Step away: back to where the person came from, past any address that is paused too.
 *
 * Going back can land on a paused address. A tab open on their page when the period began was
 * sent here from that page, and a tab whose time ran out from the site it was on; in Chromium,
 * a tab opened straight onto a paused site sometimes has that address behind it too. The network
 * rules then stop it again, and a new pause page loads, as if the person had tried once more. So
 * before going back, this page notes its own history entry in the tab's session storage; the page
 * it lands on sees that it was reached by stepping away from that entry, logs nothing, and goes
 * on back.
 */

/** Where a pause page notes, in this tab's session storage, the entry it is stepping away from. */
const LEAVING_KEY = 'breathing-room.leaving';

/** How long going back may take before this page opens a fresh tab instead. */
const BACK_WAIT_MS = 2000;

/** The part of the Navigation API this needs (Chromium 102+, Firefox 147+). */
interface NavigationLike {
  readonly currentEntry: { readonly key: string; readonly index: number } | null;
  entries(): readonly { readonly key: string }[];
  readonly activation?: { readonly navigationType: string } | null;
}

export interface LeaveWindow {
  readonly navigation?: NavigationLike;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Notes this page's history entry as the one being stepped away from. */
export function noteSteppingAway(win: LeaveWindow = window as unknown as LeaveWindow): void {
  const key = win.navigation?.currentEntry?.key;
  if (!key) return;
  try {
    win.sessionStorage.setItem(LEAVING_KEY, key);
  } catch {
    // Storage refused: the worst case is one more pause page, as before.
  }
}

/**
 * Whether this page was reached by going back from a pause page that was stepping away: the entry
 * just after this one in the tab's history is the one that noted it was leaving. Entries are
 * compared by their unique keys, so a later visit to a paused site (a new entry, which drops the
 * ones after it) or Forward never counts.
 */
export function landedBySteppingAway(win: LeaveWindow = window as unknown as LeaveWindow): boolean {
  const navigation = win.navigation;
  const current = navigation?.currentEntry;
  if (!navigation || !current) return false;
  if (navigation.activation && navigation.activation.navigationType !== 'traverse') return false;
  let noted: string | null;
  try {
    noted = win.sessionStorage.getItem(LEAVING_KEY);
  } catch {
    return false;
  }
  return noted !== null && navigation.entries()[current.index + 1]?.key === noted;
}

/**
 * Goes back to where the person came from, or swaps this tab for a fresh one when there is nowhere
 * to go back to.
 */
export async function leaveTab(): Promise<void> {
  // history.length counts entries of every origin (the Navigation API only sees ours). If going
  // back does not take us anywhere, for instance because this is the first entry, fall through.
  // Going back can take a while on a busy machine: only a page that has not left by then opens
  // a fresh tab, so the person never ends up with two.
  if (history.length > 1) {
    noteSteppingAway();
    const left = await new Promise<boolean>((resolve) => {
      window.addEventListener('pagehide', () => resolve(true), { once: true });
      history.back();
      setTimeout(() => resolve(false), BACK_WAIT_MS);
    });
    if (left) return;
  }
  const tab = await browser.tabs.getCurrent();
  if (!tab?.id) {
    window.close();
    return;
  }
  await browser.tabs.create({ windowId: tab.windowId, index: tab.index + 1, active: true });
  await browser.tabs.remove(tab.id);
}
