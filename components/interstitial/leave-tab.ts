import { browser } from 'wxt/browser';
import { PAUSE_PAGE_PATH, readInterstitialTarget } from '@/lib/pause/address';

/**
 * Step away: back to where the person came from, past any address that is paused too.
 *
 * Going back can land on a paused address. A tab open on their page when the period began was
 * sent here from that page, and a tab whose time ran out from the site it was on; in Chromium,
 * a tab opened straight onto a paused site sometimes has that address behind it too. The network
 * rules then stop it again, and a new pause page loads, as if the person had tried once more.
 *
 * So the pause page going back lands on looks at the entry it came back from (the Navigation API
 * shows the pause pages' own entries to each other) and, when that tells it the person was only
 * leaving, logs nothing and goes on back:
 * - Step away noted that entry's key, a moment ago, in the tab's session storage;
 * - or, where the browser says which entry it came from (Chromium), that entry is the pause page
 *   that sent an open tab here, for this same address, so its own Back button leaves it too.
 * Forward, a reload, a new visit and a note gone stale are each a new try, paused as ever.
 */

/** Where a pause page notes, in this tab's session storage, the entry it is stepping away from. */
const NOTE_KEY = 'breathing-room.leaving';

/** How long a note counts: going back takes well under this, and coming back by hand longer. */
export const NOTE_LIFETIME_MS = 10_000;

/** How long going back may take to begin before this page opens a fresh tab instead. */
const BACK_WAIT_MS = 2000;

interface EntryLike {
  readonly key: string;
  readonly url: string | null;
}

/** The part of the Navigation API this needs (Chromium 102+, Firefox 147+). */
interface NavigationLike {
  readonly currentEntry: (EntryLike & { readonly index: number }) | null;
  entries(): readonly EntryLike[];
  readonly activation?: { readonly navigationType: string; readonly from?: EntryLike | null } | null;
}

export interface LeaveWindow {
  readonly navigation?: NavigationLike;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const thisWindow = () => window as unknown as LeaveWindow;

/** Notes this page's history entry as the one being stepped away from. */
export function noteSteppingAway(win: LeaveWindow = thisWindow(), now = Date.now()): void {
  const key = win.navigation?.currentEntry?.key;
  if (!key) return;
  try {
    win.sessionStorage.setItem(NOTE_KEY, JSON.stringify({ key, at: now }));
  } catch {
    // Storage refused: the worst case is one more pause page, as before.
  }
}

function readNote(win: LeaveWindow): { key: string; at: number } | null {
  try {
    const note: unknown = JSON.parse(win.sessionStorage.getItem(NOTE_KEY) ?? 'null');
    if (typeof note !== 'object' || note === null) return null;
    const { key, at } = note as { key?: unknown; at?: unknown };
    return typeof key === 'string' && typeof at === 'number' ? { key, at } : null;
  } catch {
    return null;
  }
}

function forgetNote(win: LeaveWindow): void {
  try {
    win.sessionStorage.removeItem(NOTE_KEY);
  } catch {
    // Nothing to forget, or storage refused: a note lapses on its own.
  }
}

/** Whether `entry` is a pause page that sent an open tab here (or ended its time) for `target`. */
function sentHereFrom(entry: EntryLike, target: URL): boolean {
  if (!entry.url) return false;
  const sender = readInterstitialTarget(entry.url);
  return (
    new URL(entry.url).pathname === PAUSE_PAGE_PATH &&
    sender !== null &&
    sender.reason !== 'visit' &&
    sender.url.href === target.href
  );
}

/**
 * Whether this pause page, paused for `target`, was reached by someone leaving the pause page
 * after it in the tab's history (see above). Any other arrival lets a leftover note go.
 */
export function landedBySteppingAway(target: URL | null, win: LeaveWindow = thisWindow(), now = Date.now()): boolean {
  const navigation = win.navigation;
  const current = navigation?.currentEntry;
  if (!navigation || !current) return false;
  const activation = navigation.activation;
  const next = navigation.entries()[current.index + 1];
  const traversed = !activation || activation.navigationType === 'traverse';
  // Chromium says which entry this came from (null from another site, as after Forward from one).
  const from = activation?.from;
  const cameBack = !!next && traversed && (from === undefined || from === null || from.key === next.key);
  const note = readNote(win);
  const noted =
    cameBack && note?.key === next?.key && note !== null && now >= note.at && now - note.at <= NOTE_LIFETIME_MS;
  if (noted) return true;
  forgetNote(win);
  return cameBack && !!from && !!target && sentHereFrom(from, target);
}

/**
 * Goes back to where the person came from, or swaps this tab for a fresh one when there is nowhere
 * to go back to.
 */
export async function leaveTab(): Promise<void> {
  // history.length counts entries of every origin (the Navigation API only sees ours). If going
  // back does not take us anywhere, for instance because this is the first entry, fall through.
  // Only a page that has not begun to leave by then opens a fresh tab, so the person never ends
  // up with two, and a slow page behind is waited for rather than thrown away.
  if (history.length > 1) {
    noteSteppingAway();
    const left = await new Promise<boolean>((resolve) => {
      window.addEventListener('beforeunload', () => resolve(true), { once: true });
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
