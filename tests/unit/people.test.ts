import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, parseBackup } from '@/lib/backup/format';
import { matchUrl, type Policy } from '@/lib/detection/match-url';
import { PLATFORMS } from '@/lib/detection/platforms';
import { policyFromSettings } from '@/lib/detection/policy';
import { saveSettingsWithCoolOff } from '@/lib/lock/pending';
import { applyToSettings, type Loosening, planSettings, settle } from '@/lib/lock/plan';
import { describeChange } from '@/lib/lock/wording';
import { parseResponse } from '@/lib/messages/protocol';
import type { Period } from '@/lib/period/period';
import { RULE_BUDGET, RuleBudgetError, ruleBudgetProblem, rulesNeeded } from '@/lib/rules/budget';
import { MAX_REGEX_RULES, RE2_INSTRUCTION_BUDGET, re2Cost } from '@/lib/rules/limits';
import { buildRuleSet } from '@/lib/rules/rule-set';
import { MAX_LISTED_OTHER_PEOPLE, MAX_OTHER_NAMES, MAX_OTHER_PEOPLE } from '@/lib/settings/limits';
import { withPersonRemoved, withPersonSaved } from '@/lib/settings/people';
import { SaveRefused } from '@/lib/settings/refusal';
import type { Person } from '@/lib/settings/schema';
import { personProblem, storableProblem } from '@/lib/settings/schema';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  periodItem,
  type Settings,
  settingsItem,
} from '@/lib/settings/settings';
import { simulate } from './dnr-simulator';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-10T12:00:00Z');
const period: Period = { id: 'p1', startDate: '2026-11-01', lengthDays: 30, createdAt: 0, coolOffHours: 24 };
const BASE = 'chrome-extension://abc/interstitial.html';

const partner: Person = {
  id: 'p-sam',
  name: 'Sam Okafor',
  otherNames: 'Sammy O',
  profiles: 'instagram:sam.okafor\nhttps://www.strava.com/athletes/77',
};
const friend: Person = { id: 'p-riley', name: 'Riley Quinn', otherNames: '', profiles: 'tiktok:@riley.q' };

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  categories: { social: false, messaging: false },
  person: { id: 'them', name: 'Jordan Rivers', otherNames: 'JoJo Rivers', profiles: 'instagram:jordan.rivers' },
  others: [partner, friend],
};

describe('the people around them are paused like the person', () => {
  const policy = policyFromSettings(settings, period, NOW, 'UTC') as Policy;
  const rules = buildRuleSet(policy, BASE).rules;

  it.each([
    'https://www.instagram.com/sam.okafor/',
    'https://www.instagram.com/stories/sam.okafor/123/',
    'https://www.strava.com/athletes/77/activities',
    'https://www.tiktok.com/@riley.q/video/1',
    'https://www.google.com/search?q=sam+okafor',
    'https://www.bing.com/search?q=%22Sammy+O%22',
    'https://www.instagram.com/explore/search/keyword/?q=riley%20quinn',
    'https://www.google.com/search?q=jojo+rivers+instagram',
    'https://www-instagram-com.translate.goog/sam.okafor/',
    'https://www.picuki.com/profile/sam.okafor',
  ])('stops %s, on a full load and in the matcher', (url) => {
    expect(matchUrl(url, policy), url).not.toBeNull();
    expect(simulate(rules, url).action, url).toBe('redirect');
  });

  it.each([
    'https://www.instagram.com/sam.okafor.art/',
    'https://www.strava.com/athletes/7',
    'https://www.google.com/search?q=sam+smith',
    'https://www.google.com/search?q=riley+county',
  ])('leaves %s alone', (url) => {
    expect(matchUrl(url, policy)).toBeNull();
  });

  it('never says whose page it was: the match names only the place', () => {
    const match = matchUrl('https://www.instagram.com/sam.okafor/', policy);
    expect(match).toMatchObject({ kind: 'person', label: 'Instagram' });
    expect(JSON.stringify(match)).not.toMatch(/sam|okafor|p-sam/i);
  });
});

describe('the same cool-off for everyone', () => {
  it('adds someone at once', () => {
    const before = { ...settings, others: [] };
    expect(planSettings(before, settings)).toEqual({ now: settings, later: [] });
  });

  it('holds back removing someone: their names and profiles stay paused, each removal waits', () => {
    const { now, later } = planSettings(settings, withPersonRemoved(settings, partner.id));
    expect(now.others).toEqual([friend, { ...partner, name: 'Sam Okafor', otherNames: 'Sammy O' }]);
    expect(later).toEqual([
      { kind: 'remove-name', person: 'p-sam', name: 'Sam Okafor' },
      { kind: 'remove-name', person: 'p-sam', name: 'Sammy O' },
      { kind: 'remove-profile', person: 'p-sam', line: 'instagram:sam.okafor', label: 'Instagram · @sam.okafor' },
      {
        kind: 'remove-profile',
        person: 'p-sam',
        line: 'https://www.strava.com/athletes/77',
        label: 'strava.com/athletes/77',
      },
    ]);
    expect(describeChange(later[0] as Loosening)).toBe('Stop pausing searches for “Sam Okafor”');
  });

  it('removes someone once every removal is due, and nobody else', () => {
    let current = settings;
    const { now, later } = planSettings(settings, withPersonRemoved(settings, partner.id));
    current = now;
    for (const change of later) current = applyToSettings(current, change);
    expect(current.others).toEqual([friend]);
    expect(current.person).toEqual(settings.person);
  });

  it('holds back removing one of their other names, and takes a new one at once', () => {
    const after = { ...settings, person: { ...settings.person, otherNames: 'Jo R' } };
    const { now, later } = planSettings(settings, after);
    expect(now.person.otherNames).toBe('Jo R\nJoJo Rivers');
    expect(later).toEqual([{ kind: 'remove-name', person: 'them', name: 'JoJo Rivers' }]);
    expect(applyToSettings(now, later[0] as Loosening).person.otherNames).toBe('Jo R');
  });

  it('removes at once someone who lists nothing', () => {
    const empty: Person = { id: 'p-empty', name: '', otherNames: '', profiles: '' };
    const before = { ...settings, others: [...settings.others, empty] };
    expect(planSettings(before, settings)).toEqual({ now: settings, later: [] });
  });

  it('applies a profile removal to the person it belongs to only', () => {
    const both = { ...settings, others: [{ ...partner, profiles: 'instagram:jordan.rivers' }] };
    const next = applyToSettings(both, {
      kind: 'remove-profile',
      person: 'p-sam',
      line: 'instagram:jordan.rivers',
      label: 'Instagram · @jordan.rivers',
    });
    expect(next.person.profiles).toBe('instagram:jordan.rivers');
    expect(next.others[0]?.profiles).toBe('');
  });

  it('waits across a save during a period, then settles', async () => {
    await periodItem.setValue(period);
    await settingsItem.setValue(settings);
    const saved = await saveSettingsWithCoolOff((s) => withPersonRemoved(s, friend.id), NOW);
    expect(saved.waiting.map((p) => p.change.kind)).toEqual(['remove-name', 'remove-profile']);
    expect((await loadSettings()).others.map((p) => p.id)).toEqual(['p-sam', 'p-riley']);
    const due = settle(await loadSettings(), period, saved.waiting, NOW + 24 * HOUR);
    expect(due.settings.others.map((p) => p.id)).toEqual(['p-sam']);
  });
});

describe('the list of people', () => {
  it('adds someone new at the end, saves someone listed in place, and stops at the limit', () => {
    const renamed = { ...partner, name: 'Sam O' };
    expect(withPersonSaved(settings, renamed).others).toEqual([renamed, friend]);
    const full = {
      ...settings,
      others: Array.from({ length: MAX_OTHER_PEOPLE }, (_, i) => ({ ...friend, id: `f${i}` })),
    };
    expect(() => withPersonSaved(full, { ...friend, id: 'one-more' })).toThrow(`up to ${MAX_OTHER_PEOPLE} people`);
    expect(withPersonSaved(full, { ...friend, id: 'f0', name: 'Changed' }).others[0]?.name).toBe('Changed');
  });

  it('refuses more other names than the form takes, saying how many', () => {
    const names = Array.from({ length: MAX_OTHER_NAMES + 1 }, (_, i) => `Name ${i}`).join('\n');
    expect(personProblem({ name: 'A', otherNames: names, profiles: '' })).toMatch(`at most ${MAX_OTHER_NAMES} names`);
    expect(
      personProblem({ name: 'A', otherNames: `${names.split('\n').slice(1).join('\n')}\n\n`, profiles: '' }),
    ).toBeNull();
  });

  it('reads stored people forgivingly: one without a usable id, or listed twice, is dropped alone', () => {
    const read = parseSettings({
      ...settings,
      others: [partner, { ...friend, id: '' }, { ...friend, id: 'p-sam' }, { name: 'No id' }, friend, 'junk'],
    });
    expect(read.others).toEqual([partner, friend]);
    expect(read.person).toEqual(settings.person);
    const many = Array.from({ length: MAX_LISTED_OTHER_PEOPLE + 3 }, (_, i) => ({ ...friend, id: `f${i}` }));
    expect(parseSettings({ ...settings, others: many }).others).toHaveLength(MAX_LISTED_OTHER_PEOPLE);
    // A damaged field takes its default, and the rest of the person stays.
    expect(parseSettings({ ...settings, others: [{ ...partner, otherNames: 42 }] }).others).toEqual([
      { ...partner, otherNames: '' },
    ]);
  });
});

describe('a backup with people around them', () => {
  const file = (over: object) =>
    JSON.stringify({
      format: 'breathing-room-export',
      version: BACKUP_VERSION,
      exportedAt: new Date(NOW).toISOString(),
      settings: { ...settings, ...over },
      period: null,
      urges: [],
      letters: [],
      contacts: [],
      pastPeriods: [],
    });

  it('reads them back as they were', () => {
    const read = parseBackup(file({}), undefined, NOW);
    expect(read.ok && read.backup.settings).toEqual(settings);
  });

  it.each([
    ['someone listed twice', { others: [partner, partner] }, 'listed once'],
    ['someone with the id of the person the period is about', { others: [{ ...partner, id: 'them' }] }, 'listed once'],
    ['someone without an id', { others: [{ ...partner, id: undefined }] }, 'id'],
    [
      'too many people',
      { others: Array.from({ length: MAX_LISTED_OTHER_PEOPLE + 1 }, (_, i) => ({ ...friend, id: `f${i}` })) },
      'others',
    ],
  ])('refuses %s, naming the field', (_, over, words) => {
    const read = parseBackup(file(over), undefined, NOW);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toContain(words);
  });
});

describe('scale: every rule fits the browsers', () => {
  /** The longest handle each platform takes, on the platforms with the most rules per profile. */
  const handle = (id: string, i: number, p: number) => {
    const base = `h${p}x${i}`;
    const platform = PLATFORMS.find((pl) => pl.id === id) as (typeof PLATFORMS)[number];
    const max = id === 'x' ? 15 : 24;
    return `${platform.aliases[0]}:${base}${'a'.repeat(max - base.length)}`;
  };
  const worst = (people: number, names: number, profiles: number, sites: number): Settings => {
    const person = (p: number): Person => ({
      id: p === 0 ? 'them' : `p${p}`,
      name: `Zoë Ångström-Nguyễn Dvořák ${p}`,
      otherNames: Array.from({ length: names - 1 }, (_, n) => `Øyvind Łukasz Müller-Schön ${p}${n}`).join('\n'),
      profiles: Array.from({ length: profiles }, (_, i) => handle(i % 2 ? 'x' : 'instagram', i, p)).join('\n'),
    });
    return {
      ...DEFAULT_SETTINGS,
      person: person(0),
      others: Array.from({ length: people - 1 }, (_, p) => person(p + 1)),
      customSites: Array.from({ length: sites }, (_, i) => ({
        host: `site${i}.example`,
        path: `/${'p'.repeat(300)}/${i}`,
        label: `site${i}.example/${i}`,
      })),
    };
  };

  it.each([
    ['5 people, 3 names and 10 profiles each, and 500 sites', worst(5, 3, 10, 500)],
    ['5 people, every name the form takes and 10 profiles each, and 500 sites', worst(5, MAX_OTHER_NAMES + 1, 10, 500)],
  ])('%s: within the rule count, each regex within Chrome’s size limit, nothing left out', (_, big) => {
    const { rules, unbuilt } = buildRuleSet(policyFromSettings(big, period, NOW, 'UTC'), BASE);
    expect(unbuilt).toEqual([]);
    expect(rules.length).toBeLessThanOrEqual(RULE_BUDGET);
    expect(RULE_BUDGET).toBeLessThan(MAX_REGEX_RULES);
    for (const rule of rules)
      expect(re2Cost(rule.condition.regexFilter ?? '')).toBeLessThanOrEqual(RE2_INSTRUCTION_BUDGET);
    expect(rulesNeeded(big)).toBe(rules.length);
    expect(ruleBudgetProblem(DEFAULT_SETTINGS, big)).toBeNull();
  });

  it('tells before saving a change past the limit, and keeps everything as it was', async () => {
    const before = worst(5, 3, 10, 500);
    await settingsItem.setValue(before);
    const tooMany = worst(5, 3, 50, 500);
    expect(rulesNeeded(tooMany)).toBeGreaterThan(RULE_BUDGET);
    const problem = ruleBudgetProblem(before, tooMany);
    expect(problem).toContain(`Breathing Room can use ${RULE_BUDGET}`);
    expect(problem).toContain('Nothing was saved');
    await expect(saveSettingsWithCoolOff(() => tooMany, NOW)).rejects.toBeInstanceOf(RuleBudgetError);
    expect(await loadSettings()).toEqual(before);
    // A change that needs no more rules than before is never refused: the way down stays open.
    await settingsItem.setValue(tooMany);
    expect(ruleBudgetProblem(tooMany, worst(5, 3, 49, 500))).toBeNull();
  });
});

describe('what a review found, kept fixed', () => {
  const long = (tag: string) => `${tag} ${'x'.repeat(190)}`;

  it('refuses a save whose held names would go past what storage keeps, and unpauses nothing', async () => {
    await periodItem.setValue(period);
    const start = {
      ...settings,
      person: { ...settings.person, otherNames: ['a1', 'a2', 'a3', 'a4'].map(long).join('\n') },
    };
    await settingsItem.setValue(start);
    // Each save replaces the other names: what was there is held, and holds pile up.
    const replace = (tag: string) => (s: Settings) => ({
      ...s,
      person: { ...s.person, otherNames: ['1', '2', '3', '4'].map((n) => long(`${tag}${n}`)).join('\n') },
    });
    let refused: unknown = null;
    for (const tag of ['b', 'c', 'd']) {
      try {
        await saveSettingsWithCoolOff(replace(tag), NOW);
      } catch (e) {
        refused = e;
        break;
      }
    }
    expect(refused).toBeInstanceOf(SaveRefused);
    expect((refused as Error).message).toContain('Nothing was saved, and everything stays paused as before.');
    // Every name stored before the refused save is still paused.
    const policy = policyFromSettings(await loadSettings(), period, NOW, 'UTC');
    for (const name of ['Jordan Rivers', long('a1'), long('b1')]) expect(policy?.names).toContain(name);
  });

  it('refuses a backup whose people, with those whose removal waits, are more than storage keeps', () => {
    const current = {
      ...settings,
      others: [1, 2, 3, 4].map((i) => ({ ...friend, id: `now${i}`, profiles: `tiktok:@now${i}` })),
    };
    const backup = { ...settings, others: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ ...friend, id: `b${i}` })) };
    const planned = planSettings(current, backup).now;
    expect(planned.others).toHaveLength(12);
    expect(storableProblem(planned, 'This backup')).toMatch(/^This backup is more than the settings can hold/);
    expect(storableProblem(settings)).toBeNull();
  });

  it('sends the route guard every name, however many are held', () => {
    const names = Array.from({ length: 60 }, (_, i) => `Name Number ${i}`);
    const guard = { policy: { ...(policyFromSettings(settings, period, NOW, 'UTC') as Policy), names }, grant: null };
    expect(parseResponse('guard-policy', guard)).toEqual(guard);
  });

  it('lets a card with a name held in its other names be saved again', () => {
    const held = 'Jo R\nJordan Smith\nJ Rivers\nJordy Rivers\nJordan Rivers';
    expect(personProblem({ name: 'Jordan Rivers-Smith', otherNames: held, profiles: 'tiktok:@x' }, held)).toBeNull();
    expect(personProblem({ name: 'Jordan Rivers-Smith', otherNames: `${held}\nNew One`, profiles: '' }, held)).toMatch(
      /at most 4 names/,
    );
  });

  it('never drops a name typed since an old change of name was asked for', () => {
    // Version 4 asked to change "Old Name" to "New Name"; since then the name was edited again.
    const asked = {
      id: 'c1',
      change: { kind: 'change-name', name: 'New Name' },
      requestedAt: NOW,
      effectiveAt: NOW + HOUR,
    } as const;
    const since = {
      id: 'c2',
      change: { kind: 'remove-name', person: 'them', name: 'Old Name' },
      requestedAt: NOW + 60_000,
      effectiveAt: NOW + 25 * HOUR,
    } as const;
    const edited = { ...settings, person: { ...settings.person, name: 'Other Name', otherNames: 'Old Name' } };
    const due = settle(edited, period, [asked, since], NOW + 2 * HOUR);
    expect(due.settings.person.name).toBe('New Name');
    expect(due.settings.person.otherNames.split('\n')).toEqual(['Old Name', 'Other Name']);
    // Not edited since: the old change does just what it said.
    const plain = { ...settings, person: { ...settings.person, name: 'Old Name', otherNames: '' } };
    expect(settle(plain, period, [asked], NOW + 2 * HOUR).settings.person).toMatchObject({
      name: 'New Name',
      otherNames: '',
    });
  });
});
