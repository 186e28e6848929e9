import { describe, expect, it } from 'vitest';
import { matchUrl, type Policy } from '@/lib/detection/match-url';
import { personTargets } from '@/lib/detection/person';
import { PLATFORMS } from '@/lib/detection/platforms';
import { MAX_REGEX_RULES, RE2_INSTRUCTION_BUDGET, re2Cost } from '@/lib/rules/limits';
import { buildRuleSet, mayPassThrough, nameSearchRegex } from '@/lib/rules/rule-set';
import { simulate } from './dnr-simulator';
import { policy } from './policies';
import { seeded } from './random';

const BASE = 'chrome-extension://abcdefghijklmnop/interstitial.html?k=00000000000000000000000000000000';

describe('re2Cost, the model of Chrome’s compiled size', () => {
  it.each([
    ['a'.repeat(112), 117],
    ['abc', 8],
    ['[a-z]', 8], // folded: a-z and A-Z, two ranges joined by one alternation, plus RE2's five
    ['[^a-z]', 10], // three ranges left of Latin-1 once both cases are taken out
    ['(?:a|b)', 8],
    ['a*', 7],
    ['.', 8],
  ])('%s costs %i', (regex, cost) => {
    expect(re2Cost(regex)).toBe(cost);
  });

  it('refuses syntax it does not model, so no new kind of rule slips past it', () => {
    expect(() => re2Cost('a{3}')).toThrow();
    expect(() => re2Cost('(a)')).toThrow();
    expect(() => re2Cost('\\w')).toThrow();
  });
});

// A generated corpus of real-looking names: many scripts, one to five words, hyphens and apostrophes.
const SCRIPTS: Record<string, string[]> = {
  latin: [
    'José',
    'García',
    'Zoë',
    'Ångström',
    'Łukasz',
    'Nguyễn',
    'Dvořák',
    'Øyvind',
    'Çelik',
    'Müller',
    'Jordan',
    'Rivers',
    'Mary',
    'Jane',
  ],
  cyrillic: ['Александр', 'Пушкин', 'Наталья', 'Ёлкина', 'Іван', 'Франко'],
  greek: ['Γιώργος', 'Παπαδόπουλος', 'Ελένη', 'Νικολάου'],
  arabic: ['محمد', 'عبدالله', 'فاطمة', 'الزهراء'],
  hebrew: ['יוסף', 'כהן', 'שרה', 'לוי'],
  devanagari: ['प्रिया', 'शर्मा', 'राहुल', 'वर्मा'],
  cjk: ['王', '小明', '山田', '太郎', '김', '민준'],
  thai: ['สมชาย', 'ใจดี', 'มาลี', 'ศรีสุข'],
};
const JOINERS = [' ', ' ', ' ', '-', '’', "'"];

function names(count: number): string[] {
  const random = seeded(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const scripts = Object.values(SCRIPTS);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = pick(scripts);
    const length = 1 + Math.floor(random() * 5);
    let name = pick(words);
    for (let w = 1; w < length; w++) name += pick(JOINERS) + pick(random() < 0.8 ? words : pick(scripts));
    out.push(name);
  }
  return out;
}

const NAMES = names(1200);

/** The ways a person types a name into a search box, as the browser puts them in the URL. */
function searchesFor(name: string): string[] {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
  const forms = [
    name,
    name.toUpperCase(),
    name.toLowerCase(),
    name.normalize('NFD'),
    plain,
    `"${name}" new partner`,
    // Pasted with curly quotes or guillemets, or after a slash: an encoded character right before it.
    `“${name}”`,
    `«${name}»`,
    `instagram/${name}`,
    `¿${name}?`,
  ];
  return forms.map((q) => `https://www.google.com/search?q=${encodeURIComponent(q).replace(/%20/g, '+')}&hl=en`);
}

function costs(p: Policy): number[] {
  return buildRuleSet(p, BASE).rules.flatMap((r) =>
    r.condition.regexFilter ? [re2Cost(r.condition.regexFilter)] : [],
  );
}

describe('rules fit the browsers’ limits, and stop at least what the matcher stops', { timeout: 60_000 }, () => {
  it(`builds a name rule within budget for each of ${NAMES.length} names`, () => {
    for (const name of NAMES) {
      const regex = nameSearchRegex(name);
      expect(regex, name).not.toBeNull();
      expect(re2Cost(regex ?? ''), name).toBeLessThanOrEqual(RE2_INSTRUCTION_BUDGET);
    }
  });

  it('stops every search the matcher stops, for every name in the corpus', () => {
    let checked = 0;
    for (const name of NAMES) {
      const p = policy({ categories: { social: false, messaging: false }, name });
      const { rules } = buildRuleSet(p, BASE);
      for (const url of searchesFor(name)) {
        if (!matchUrl(url, p)) continue;
        checked++;
        expect(simulate(rules, url).action, `${name}: ${url}`).toBe('redirect');
      }
    }
    expect(checked).toBeGreaterThan(NAMES.length * 3);
  });

  it('keeps common names exact: a near miss is not stopped', () => {
    for (const [name, miss] of [
      ['Jordan Rivers', 'jordan river map'],
      ['José Garcia', 'jose garciaparra'],
      ['Mary Jane Watson', 'mary jane shoes watson'],
      ['Jean-Luc Picard', 'jean luc picardie'],
    ] as const) {
      const p = policy({ categories: { social: false, messaging: false }, name });
      const url = `https://www.google.com/search?q=${encodeURIComponent(miss)}`;
      expect(simulate(buildRuleSet(p, BASE).rules, url).action, name).toBe('none');
    }
  });

  it.each(PLATFORMS.map((p) => [p.name, p] as const))(
    'fits a %s handle of the longest length, and stops it however it is spelled',
    (_name, platform) => {
      const max = Number(/\{\d+,(\d+)\}/.exec(platform.handle.source)?.[1] ?? 30);
      const first = platform.id === 'snapchat' ? 'j' : '';
      const handle = `${first}${'jordan.rivers_'.repeat(10)}`
        .replace(platform.id === 'x' || platform.id === 'reddit' ? /\./g : /$^/, '_')
        .replace(platform.id === 'facebook' ? /_/g : /$^/, '.')
        .replace(platform.id === 'linkedin' ? /[._]/g : /$^/, '-')
        .slice(0, platform.id === 'bluesky' ? 40 : max);
      const line =
        platform.id === 'bluesky'
          ? `bsky:${handle.replace(/[._]/g, '')}.bsky.social`
          : `${platform.aliases[0]}:${handle}`;
      const targets = personTargets(line);
      expect(targets, line).toHaveLength(1);
      const p = policy({ categories: { social: false, messaging: false }, profiles: line });
      for (const cost of costs(p)) expect(cost).toBeLessThanOrEqual(RE2_INSTRUCTION_BUDGET);
      const { rules } = buildRuleSet(p, BASE);
      const target = targets[0];
      if (target?.kind !== 'handle') throw new Error('expected a handle');
      const shape = platform.paths[0]?.replace('{h}', target.handle) ?? '';
      const host = `www.${platform.domains[0]}`;
      const encoded = shape.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
      for (const url of [
        `https://${host}${shape}/`,
        `https://${host}.${shape}`,
        `https://${host}/${shape}/`,
        `https://${host.toUpperCase()}:443${shape.toUpperCase()}?x=1`,
        `https://${host}${encoded}`,
        `https://${host}${shape.replace('@', '%40')}`,
        `https://${host}${shape}%2Ftagged`,
      ]) {
        expect(matchUrl(url, p), url).not.toBeNull();
        expect(simulate(rules, url).action, url).toBe('redirect');
      }
    },
  );

  it('fits a page path of 2,000 characters, and stops it', () => {
    const path = `/${Array.from({ length: 250 }, (_, i) => `seg${i}`).join('/')}`.slice(0, 2000);
    const line = `https://www.strava.com${path}`;
    const p = policy({ categories: { social: false, messaging: false }, profiles: line });
    for (const cost of costs(p)) expect(cost).toBeLessThanOrEqual(RE2_INSTRUCTION_BUDGET);
    const { rules, unbuilt } = buildRuleSet(p, BASE);
    expect(unbuilt).toEqual([]);
    for (const url of [`${line}/more`, `https://strava.com${path.replaceAll('/', '//')}`]) {
      expect(matchUrl(url, p), url).not.toBeNull();
      expect(simulate(rules, url).action, url).toBe('redirect');
    }
  });

  it('keeps a worst case (five-word accented name, every platform at its longest, 500 custom pages) under the rule count', () => {
    const profiles = PLATFORMS.map(
      (pl) =>
        `${pl.aliases[0]}:${pl.id === 'bluesky' ? `${'a'.repeat(30)}.bsky.social` : 'a'.repeat(pl.id === 'snapchat' ? 15 : 24)}`,
    );
    const custom = Array.from({ length: 500 }, (_, i) => ({
      host: `site${i}.example`,
      path: `/${'p'.repeat(300)}/${i}`,
      label: `site${i}.example`,
    }));
    const p = policy({ profiles: profiles.join('\n'), name: 'Zoë Ångström-Nguyễn Dvořák Øyvind', custom });
    const { rules, unbuilt } = buildRuleSet(p, BASE);
    expect(unbuilt).toEqual([]);
    expect(rules.length).toBeLessThanOrEqual(MAX_REGEX_RULES);
    for (const cost of costs(p)) expect(cost).toBeLessThanOrEqual(RE2_INSTRUCTION_BUDGET);
  });
});

describe('a pass-through is only for an address that reads one way', () => {
  it.each([
    ['https://www.google.com/search?q=jordan+river+map', true],
    ['https://www.youtube.com/@%E5%B0%8F%E6%98%8E', true],
    ['https://www.instagram.com/explore/?next=%2Faccounts%2F', true],
    ['https://www.instagram.com/jordan%2Erivers*', false],
    ['https://www.google.com/search?q=x*&q=jordan+rivers', false],
    ['https://www.google.com/search?q=a^b', false],
    ['https://www.facebook.com/profile.php?id=1&id=100012345678901', false],
    ['https://www.facebook.com/people/x/%3100012345678901', false],
    ['https://www.instagram.com/jord%61n.rivers/%FF', false],
    ['https://www.tiktok.com/%40jordan.rivers', false],
  ])('%s → %s', (url, ok) => {
    expect(mayPassThrough(url)).toBe(ok);
  });
});
