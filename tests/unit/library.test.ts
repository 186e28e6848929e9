import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY, type Theme } from '@/content/library';

const SEEDS = resolve('../shared/seeds');
const KINDS = ['question', 'reminder', 'alternative', 'checklist'];
const CONTEXTS = ['feed', 'profile', 'messaging', 'search', 'late-night'];
const THEMES: Theme[] = [
  'why-reaching',
  'why-they-reach-out',
  'cost-of-contact',
  'why-no-contact',
  'on-off-cycle',
  'urges-pass',
  'self-worth',
  'someone-new',
  'if-i-slip',
  'readiness',
  'final-checklist',
  'no-reply',
  'milestone',
  'reconnect-with-care',
];
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('the reflection library', () => {
  it('has at least 60 items', () => {
    expect(LIBRARY.length).toBeGreaterThanOrEqual(60);
  });

  it.each(LIBRARY.map((item) => [item.id, item] as const))('%s is complete and short', (_id, item) => {
    expect(item.id).toMatch(/^[a-z0-9-]+$/);
    expect(KINDS).toContain(item.kind);
    expect(THEMES).toContain(item.theme);
    expect(item.contexts.length).toBeGreaterThan(0);
    for (const c of item.contexts) expect(CONTEXTS).toContain(c);
    expect(item.source).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
    expect(existsSync(resolve(SEEDS, item.source)), `${item.source} is not in ../shared/seeds`).toBe(true);
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

  it.each(CONTEXTS)('has prompts and alternatives for the "%s" context', (context) => {
    const fits = LIBRARY.filter((i) => i.contexts.includes(context as never));
    expect(fits.filter((i) => i.kind === 'question').length).toBeGreaterThanOrEqual(3);
    expect(fits.filter((i) => i.kind === 'reminder').length).toBeGreaterThanOrEqual(3);
    expect(fits.filter((i) => i.kind === 'alternative').length).toBeGreaterThanOrEqual(3);
  });

  it('has a milestone line for each of 7, 14, 30, 45, 60 and 90 days', () => {
    expect(LIBRARY.flatMap((i) => (i.milestone ? [i.milestone] : [])).sort((a, b) => a - b)).toEqual([
      7, 14, 30, 45, 60, 90,
    ]);
  });

  it('keeps the figures that matter: 30 days, two to three months, three to six months', () => {
    const all = LIBRARY.map((i) => i.text.toLowerCase()).join('\n');
    expect(all).toMatch(/thirty days|30 days/);
    expect(all).toMatch(/two to three months/);
    expect(all).toMatch(/three to six months/);
  });

  it('never suggests watching them from a distance', () => {
    for (const item of LIBRARY)
      expect(item.text.toLowerCase()).not.toMatch(
        /from a distance|keep an eye on (them|their)|check (on )?their (profile|page)s? (now and then|occasionally)/,
      );
  });

  it('copies no run of 8 or more words from the source articles', () => {
    expect(existsSync(SEEDS), 'the source articles are expected in ../shared/seeds').toBe(true);
    // seed-overlap exits 1 (which throws here) and lists the runs when it finds any.
    const out = execFileSync('node', [resolve('../shared/tools/seed-overlap.mjs'), 'content/'], { encoding: 'utf8' });
    expect(out.trim().split('\n').at(-1)).toMatch(/^0 copied run\(s\)/);
  });
});
