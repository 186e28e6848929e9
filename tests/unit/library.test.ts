import { describe, expect, it } from 'vitest';
import { LIBRARY } from '@/content/library';
import { SOURCE_FILES, SOURCES } from '@/content/sources';
import { ITEM_KINDS, PROMPT_CONTEXTS, THEMES } from '@/content/types';
import { MILESTONES } from '@/lib/period/milestones';

// The check against the articles themselves (no copied runs, each cited article present) needs
// ../shared/seeds and runs in `scripts/check-articles.ts`; everything here runs on a plain clone.
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('the reflection library', () => {
  it('has at least 60 items', () => {
    expect(LIBRARY.length).toBeGreaterThanOrEqual(60);
  });

  it.each(LIBRARY.map((item) => [item.id, item] as const))('%s is complete and short', (_id, item) => {
    expect(item.id).toMatch(/^[a-z0-9-]+$/);
    expect(ITEM_KINDS).toContain(item.kind);
    expect(THEMES).toContain(item.theme);
    expect(item.contexts.length).toBeGreaterThan(0);
    for (const c of item.contexts) expect(PROMPT_CONTEXTS).toContain(c);
    // An article, or, for a technique none of the articles describes, the practice it comes from.
    if (item.source === null) expect(item.basis?.trim(), `${item.id} names no article and no basis`).toBeTruthy();
    else {
      expect(SOURCE_FILES, `${item.id} cites an article the project does not list`).toContain(item.source);
      expect(item.basis, `${item.id} cites an article and a basis`).toBeUndefined();
    }
    expect(words(item.text)).toBeLessThanOrEqual(40);
    if (item.kind === 'question') expect(item.text).toContain('?');
  });

  it('uses every id once', () => {
    const ids = LIBRARY.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(THEMES)('covers the theme "%s"', (theme) => {
    expect(LIBRARY.filter((i) => i.theme === theme).length).toBeGreaterThanOrEqual(theme === 'no-reply' ? 2 : 3);
  });

  it.each(PROMPT_CONTEXTS)('has prompts and alternatives for the "%s" context', (context) => {
    const fits = LIBRARY.filter((i) => i.contexts.includes(context));
    expect(fits.filter((i) => i.kind === 'question').length).toBeGreaterThanOrEqual(3);
    expect(fits.filter((i) => i.kind === 'reminder').length).toBeGreaterThanOrEqual(3);
    expect(fits.filter((i) => i.kind === 'alternative').length).toBeGreaterThanOrEqual(3);
  });

  it('has one milestone line for each milestone day the popup marks', () => {
    expect(LIBRARY.flatMap((i) => (i.milestone ? [i.milestone] : [])).sort((a, b) => a - b)).toEqual([...MILESTONES]);
  });

  it('lists the five source articles once each, with a line about each in our words', () => {
    expect(SOURCES).toHaveLength(5);
    expect(new Set(SOURCE_FILES).size).toBe(5);
    for (const { file, about } of SOURCES) {
      expect(file).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
      expect(about.split(/\s+/).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('draws on every source article', () => {
    expect(new Set(LIBRARY.flatMap((i) => (i.source ? [i.source] : [])))).toEqual(new Set(SOURCE_FILES));
  });

  it('keeps the figures that matter: 30 days, two to three months, three to six months', () => {
    const all = LIBRARY.map((i) => i.text.toLowerCase()).join('\n');
    expect(all).toMatch(/thirty days|30 days/);
    expect(all).toMatch(/two to three months/);
    expect(all).toMatch(/three to six months/);
  });

  it('speaks of tonight or the small hours only in items kept for late at night (23:00 to 05:00)', () => {
    const nightly = LIBRARY.filter((i) => /\b(tonight|tonight’s|midnight|\d a\.m\.)/i.test(i.text));
    expect(nightly.length).toBeGreaterThan(0);
    for (const item of nightly) expect(item.contexts, item.id).toEqual(['late-night']);
  });

  it('never suggests watching them from a distance', () => {
    for (const item of LIBRARY)
      expect(item.text.toLowerCase()).not.toMatch(
        /from a distance|keep an eye on (them|their)|check (on )?their (profile|page)s? (now and then|occasionally)/,
      );
  });
});

describe('every citation is true', () => {
  // Techniques from general practice, which none of the five articles describes: named for what
  // they are, with no article as their source.
  it.each([
    'urge-ten-minutes',
    'urge-notice',
    'late-night-morning',
    'alt-breathe',
    'alt-cold-water',
    'alt-rest',
    'alt-walk',
    'alt-write',
  ])('%s names its practice, not an article', (id) => {
    const item = LIBRARY.find((i) => i.id === id);
    expect(item?.source).toBeNull();
    expect(item?.basis).toMatch(/\w{4,}/);
  });

  it('makes no promise that a technique works, and says nothing the articles do not', () => {
    const promises = /surprisingly well|tells? your body|loosens its grip|crest and fall|notice it shrink/i;
    const invented =
      /restarts the clock|already telling you|most people slip|most guides|pass faster now|rarely look the same/i;
    for (const item of LIBRARY) {
      expect(item.text, item.id).not.toMatch(invented);
      if (item.source === null) expect(item.text, item.id).not.toMatch(promises);
    }
  });

  it('uses no word that shames', () => {
    for (const item of LIBRARY) expect(item.text, item.id).not.toMatch(/\b(needy|desperate|pathetic|weak|clingy)\b/i);
  });
});

describe('every citation says where', () => {
  it.each(LIBRARY.filter((i) => i.source !== null).map((i) => [i.id, i] as const))(
    '%s names the lines of its article it draws on',
    (_id, item) => {
      const [first, last] = item.lines ?? [0, 0];
      expect(first, item.id).toBeGreaterThanOrEqual(1);
      expect(last, item.id).toBeGreaterThanOrEqual(first);
      // A passage, not the whole article.
      expect(last - first, item.id).toBeLessThanOrEqual(12);
    },
  );
});

describe('one idea, one item', () => {
  it.each([
    ['the first days are the hardest', /first (few )?days (are|were) (the hardest|when)|hardest part of no contact/i],
    ['checking their page is contact', /contact too, just one-way|checking (their|a) page is contact/i],
    ['have you both changed?', /both (people )?(have )?changed|changed, on both sides|changed, in you and in them/i],
  ])('“%s” lives in one item', (_idea, re) => {
    expect(LIBRARY.filter((i) => re.test(i.text)).map((i) => i.id)).toHaveLength(1);
  });
});

describe('enough for a month of hard nights', () => {
  // What the pause page can show: prompts and things to do instead, not the popup's or the way
  // out's own words, nor the checklist.
  const OWN_PLACE = ['milestone', 'reconnect-with-care', 'completion', 'moving-on-check'];
  const shown = LIBRARY.filter((i) => !OWN_PLACE.includes(i.theme) && i.kind !== 'checklist');

  it('has at least 120 items the pause page can show', () => {
    expect(shown.length).toBeGreaterThanOrEqual(120);
  });

  it.each(['feed', 'profile', 'messaging', 'search'] as const)('has at least 40 that fit a %s page', (context) => {
    expect(shown.filter((i) => i.contexts.includes(context)).length).toBeGreaterThanOrEqual(40);
  });

  it('has at least 15 things to do instead', () => {
    expect(shown.filter((i) => i.kind === 'alternative').length).toBeGreaterThanOrEqual(15);
  });
});
