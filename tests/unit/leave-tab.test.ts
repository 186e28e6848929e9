import { describe, expect, it } from 'vitest';
import {
  type LeaveWindow,
  landedBySteppingAway,
  NOTE_LIFETIME_MS,
  noteSteppingAway,
} from '@/components/interstitial/leave-tab';

/**
 * Step away's note to the page it lands on, against a model of one tab: its history entries (each
 * with a unique key, as the Navigation API gives them), the tab's session storage, and the rules,
 * which turn a paused address into a pause page wherever the tab lands on it. A pause page sees
 * only the pause pages' entries around its own, as the Navigation API shows only one origin's.
 * Chromium says which entry a page came from when it was one of ours; Firefox 153 never does.
 */
const PAUSE = 'chrome-extension://id/interstitial.html';
const KEY = '0123456789abcdef0123456789abcdef';
const PROFILE = 'https://www.instagram.com/jordan.rivers/';
const FEED = 'https://www.instagram.com/';
const ELSEWHERE = 'https://example.org/';

const pausePage = (target: string, reason: 'visit' | 'open-tab' | 'pass-ended' = 'visit') =>
  `${PAUSE}?k=${KEY}${reason === 'visit' ? '' : `&reason=${reason}`}#${target}`;

type Engine = 'chromium' | 'firefox';

class Tab {
  private entries: { key: string; url: string }[] = [];
  private index = -1;
  private previous = -1;
  private how = 'push';
  private nextKey = 0;
  private readonly storage = new Map<string, string>();
  /** The addresses the rules stop. */
  readonly paused = new Set<string>();
  storageBroken = false;
  now = 1_000_000;

  constructor(readonly engine: Engine = 'chromium') {}

  private land() {
    const here = this.entries[this.index];
    if (here && this.paused.has(here.url)) here.url = pausePage(here.url);
  }

  /** A new entry (a link, a typed address): the ones after the current entry are dropped. */
  visit(url: string): this {
    this.entries = this.entries.slice(0, this.index + 1);
    this.entries.push({ key: `k${this.nextKey++}`, url });
    this.previous = this.index;
    this.index = this.entries.length - 1;
    this.how = 'push';
    this.land();
    return this;
  }

  /** The background sending this tab to a pause page (a new entry, as `tabs.update` makes). */
  sentToPause(reason: 'open-tab' | 'pass-ended'): this {
    const here = this.entries[this.index];
    if (!here) throw new Error('Nothing open.');
    return this.visit(pausePage(here.url, reason));
  }

  back(): this {
    return this.traverse(-1);
  }

  /** Back or Forward by `by` entries at once (the long-press menu of Back). */
  go(by: number): this {
    return this.traverse(by);
  }

  forward(): this {
    return this.traverse(1);
  }

  private traverse(by: number) {
    this.previous = this.index;
    this.index += by;
    this.how = 'traverse';
    this.land();
    return this;
  }

  reload(): this {
    this.previous = this.index;
    this.how = 'reload';
    return this;
  }

  /** The address the pause page on the current entry is paused for. */
  get target(): URL {
    const url = this.entries[this.index]?.url ?? '';
    return new URL(new URL(url).hash.slice(1));
  }

  /** The current page as a pause page sees its window. */
  get window(): LeaveWindow {
    const ours = (i: number) => this.entries[i]?.url.startsWith(PAUSE) ?? false;
    if (!ours(this.index)) throw new Error('Only a pause page runs this code.');
    let first = this.index;
    while (ours(first - 1)) first--;
    let last = this.index;
    while (ours(last + 1)) last++;
    const visible = this.entries.slice(first, last + 1);
    const current = this.entries[this.index];
    const before = this.entries[this.previous];
    const from = this.engine === 'chromium' && before && ours(this.previous) ? before : null;
    const fail = () => {
      if (this.storageBroken) throw new DOMException('Refused', 'SecurityError');
    };
    return {
      navigation: {
        currentEntry: current ? { ...current, index: this.index - first } : null,
        entries: () => visible,
        activation: { navigationType: this.how, from },
      },
      sessionStorage: {
        getItem: (k) => {
          fail();
          return this.storage.get(k) ?? null;
        },
        setItem: (k, v) => {
          fail();
          this.storage.set(k, v);
        },
        removeItem: (k) => {
          fail();
          this.storage.delete(k);
        },
      },
    };
  }

  /** What the pause page now showing decides on arrival. */
  landed(): boolean {
    return landedBySteppingAway(this.target, this.window, this.now);
  }

  /** Step away on the pause page now showing: it notes its entry and goes back. */
  stepAway(): this {
    noteSteppingAway(this.window, this.now);
    return this.back();
  }
}

/** A tab that was on their profile, after the feed, when the period began. */
function openOnTheirProfile(engine: Engine) {
  const tab = new Tab(engine).visit(ELSEWHERE).visit(FEED).visit(PROFILE);
  tab.paused.add(PROFILE);
  return tab.sentToPause('open-tab');
}

describe.each(['chromium', 'firefox'] as const)('Step away, past paused addresses, in %s', (engine) => {
  it('the pause page that going back lands on knows it was reached by stepping away', () => {
    const tab = openOnTheirProfile(engine);
    expect(tab.landed()).toBe(false);
    tab.stepAway();
    expect(tab.target.href).toBe(PROFILE);
    expect(tab.landed()).toBe(true);
  });

  it('it is told the same way however many paused entries there are, and the next page is not one', () => {
    const tab = openOnTheirProfile(engine);
    tab.paused.add(FEED);
    tab.stepAway();
    expect(tab.landed()).toBe(true);
    tab.stepAway();
    expect(tab.target.href).toBe(FEED);
    expect(tab.landed()).toBe(true);
  });

  it('a paused site visited again after stepping away is a new try', () => {
    const tab = new Tab(engine).visit(ELSEWHERE);
    tab.paused.add(PROFILE);
    tab.visit(PROFILE).stepAway();
    tab.visit(PROFILE);
    expect(tab.landed()).toBe(false);
  });

  it('Forward onto a paused page after stepping away is a new try', () => {
    const tab = openOnTheirProfile(engine);
    tab.stepAway();
    expect(tab.landed()).toBe(true);
    tab.stepAway().forward();
    expect(tab.landed()).toBe(false);
  });

  it('Back by hand from a pause page for a visit, onto a paused address, is a new try', () => {
    const tab = new Tab(engine).visit(ELSEWHERE).visit(PROFILE);
    tab.paused.add(PROFILE);
    tab.visit(PROFILE).back();
    expect(tab.landed()).toBe(false);
  });

  it('a reload is a new try, even with the note still fresh', () => {
    const tab = openOnTheirProfile(engine).stepAway();
    tab.reload();
    expect(tab.landed()).toBe(false);
  });

  it('a note left behind lapses: any pause page that was not landed on by it lets it go', () => {
    // Step away lands on a page that is not paused, so no pause page reads the note.
    const tab = new Tab(engine).visit(ELSEWHERE);
    tab.paused.add(FEED);
    tab.visit(FEED).stepAway();
    // Forward to the pause page (a new try), then Back onto a paused feed by hand: a new try too.
    tab.forward();
    expect(tab.landed()).toBe(false);
    tab.paused.add(ELSEWHERE);
    tab.back();
    expect(tab.landed()).toBe(false);
  });

  it('a note older than its lifetime counts for nothing', () => {
    const tab = openOnTheirProfile(engine);
    noteSteppingAway(tab.window, tab.now);
    tab.now += NOTE_LIFETIME_MS + 1;
    tab.back();
    // Chromium still knows the pause page that sent the tab here, so Back from it leaves on.
    expect(tab.landed()).toBe(engine === 'chromium');
  });

  it('without the Navigation API, or with storage refused, every pause page is a new try and nothing throws', () => {
    const tab = openOnTheirProfile('firefox').stepAway();
    expect(landedBySteppingAway(tab.target, { sessionStorage: tab.window.sessionStorage })).toBe(false);
    tab.storageBroken = true;
    expect(tab.landed()).toBe(false);
    expect(() => noteSteppingAway(tab.window)).not.toThrow();
  });
});

describe('the browser’s own Back button on a pause page the background opened', () => {
  it('leaves past the paused page behind it in Chromium, which says where it came from', () => {
    const tab = openOnTheirProfile('chromium').back();
    expect(tab.landed()).toBe(true);
  });

  it('in Firefox, which does not say, the page behind is paused as a new try', () => {
    const tab = openOnTheirProfile('firefox').back();
    expect(tab.landed()).toBe(false);
  });

  it('only for the same address: a page sent to the pause page for another one is no reason to leave', () => {
    const tab = new Tab('chromium').visit(ELSEWHERE).visit(PROFILE);
    tab.paused.add(PROFILE);
    // The pause page that sent it here was for another address (a site whose time ran out).
    tab.visit(pausePage(FEED, 'pass-ended')).back();
    expect(tab.landed()).toBe(false);
  });

  it('a jump back over two entries is not the step back a note was written for', () => {
    const tab = new Tab('chromium').visit(ELSEWHERE);
    for (const page of [PROFILE, FEED, `${FEED}explore/`]) {
      tab.paused.add(page);
      tab.visit(page);
    }
    // The feed's pause page noted it was leaving, but Forward came first; then a jump of two back.
    tab.back();
    noteSteppingAway(tab.window, tab.now);
    tab.forward().go(-2);
    expect(tab.target.href).toBe(PROFILE);
    expect(tab.landed()).toBe(false);
  });

  it('a timed-out site’s page behind its pause page is left the same way', () => {
    const tab = new Tab('chromium').visit(ELSEWHERE).visit(FEED);
    tab.paused.add(FEED);
    tab.sentToPause('pass-ended').back();
    expect(tab.landed()).toBe(true);
  });
});
