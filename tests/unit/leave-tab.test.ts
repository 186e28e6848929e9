import { describe, expect, it } from 'vitest';
import { type LeaveWindow, landedBySteppingAway, noteSteppingAway } from '@/components/interstitial/leave-tab';

/**
 * Step away's note to the page it lands on, against a model of one tab: its history entries (each
 * with a unique key, as the Navigation API gives them) and the tab's session storage. Only the
 * pause pages' own entries are visible to them, as the Navigation API shows only same-origin ones.
 */
class Tab {
  private entries: { key: string; pause: boolean }[] = [];
  private index = -1;
  private nextKey = 0;
  private readonly storage = new Map<string, string>();
  private how = 'push';
  storageBroken = false;

  /** A new entry (a link, a typed address): the ones after the current entry are dropped. */
  visit(pause: boolean): this {
    this.entries = this.entries.slice(0, this.index + 1);
    this.entries.push({ key: `k${this.nextKey++}`, pause });
    this.index = this.entries.length - 1;
    this.how = 'push';
    return this;
  }

  back(): this {
    this.index--;
    this.how = 'traverse';
    return this;
  }

  forward(): this {
    this.index++;
    this.how = 'traverse';
    return this;
  }

  /** The current page as a pause page sees its window. */
  get window(): LeaveWindow {
    const here = this.entries[this.index];
    if (!here?.pause) throw new Error('Only a pause page runs this code.');
    // The run of pause-page entries around this one: all the Navigation API shows.
    let first = this.index;
    while (first > 0 && this.entries[first - 1]?.pause) first--;
    let last = this.index;
    while (this.entries[last + 1]?.pause) last++;
    const visible = this.entries.slice(first, last + 1);
    const fail = () => {
      if (this.storageBroken) throw new DOMException('Refused', 'SecurityError');
    };
    return {
      navigation: {
        currentEntry: { key: here.key, index: this.index - first },
        entries: () => visible,
        activation: { navigationType: this.how },
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
      },
    };
  }
}

describe('Step away, past paused addresses', () => {
  it('a pause page reached by going back from one that stepped away knows it, and logs nothing', () => {
    // A tab on their profile when the period began: the pause page took its place in history.
    const tab = new Tab().visit(false).visit(true).visit(true);
    expect(landedBySteppingAway(tab.window)).toBe(false);
    noteSteppingAway(tab.window);
    // Back lands on their profile, which the rules stop again: a new pause page, same entry.
    tab.back();
    expect(landedBySteppingAway(tab.window)).toBe(true);
  });

  it('going on back from there is told the same way, however many paused entries there are', () => {
    const tab = new Tab().visit(false).visit(true).visit(true).visit(true);
    noteSteppingAway(tab.window);
    tab.back();
    expect(landedBySteppingAway(tab.window)).toBe(true);
    noteSteppingAway(tab.window);
    tab.back();
    expect(landedBySteppingAway(tab.window)).toBe(true);
  });

  it('a paused site visited again after stepping away is a new try: it is paused and logged', () => {
    const tab = new Tab().visit(false).visit(true);
    noteSteppingAway(tab.window);
    // Back to the page before (not paused), then a link to the paused site again.
    tab.back().visit(true);
    expect(landedBySteppingAway(tab.window)).toBe(false);
  });

  it('Forward to a paused page after stepping away is a new try too', () => {
    const tab = new Tab().visit(false).visit(true).visit(true);
    noteSteppingAway(tab.window);
    tab.back();
    noteSteppingAway(tab.window);
    tab.back().forward();
    expect(landedBySteppingAway(tab.window)).toBe(false);
  });

  it('going back by hand (not through Step away) onto a paused address is a new try', () => {
    const tab = new Tab().visit(false).visit(true).visit(true);
    tab.back();
    expect(landedBySteppingAway(tab.window)).toBe(false);
  });

  it('only a history traversal counts: a reload or a new visit with the note still there does not', () => {
    const tab = new Tab().visit(false).visit(true).visit(true);
    noteSteppingAway(tab.window);
    tab.back();
    const { navigation, sessionStorage } = tab.window;
    if (!navigation) throw new Error('The model always has the Navigation API.');
    const reloaded = { sessionStorage, navigation: { ...navigation, activation: { navigationType: 'reload' } } };
    expect(landedBySteppingAway(reloaded)).toBe(false);
  });

  it('without the Navigation API, or with storage refused, every pause page is a new try and nothing throws', () => {
    const tab = new Tab().visit(false).visit(true).visit(true);
    noteSteppingAway(tab.window);
    tab.back();
    expect(landedBySteppingAway({ sessionStorage: tab.window.sessionStorage })).toBe(false);
    tab.storageBroken = true;
    expect(landedBySteppingAway(tab.window)).toBe(false);
    expect(() => noteSteppingAway(tab.window)).not.toThrow();
  });
});
