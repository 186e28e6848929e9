import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settlePending } from '@/lib/background/settle';
import { parseProfiles } from '@/lib/detection/person';
import {
  loadPending,
  parsePending,
  pendingChangesItem,
  requestEndEarly,
  saveSettingsWithCoolOff,
} from '@/lib/lock/pending';
import {
  applyToSettings,
  cancel,
  type Loosening,
  type PendingChange,
  planSettings,
  request,
  settle,
} from '@/lib/lock/plan';
import { describeChange, formatWait } from '@/lib/lock/wording';
import type { Period } from '@/lib/period/period';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  periodItem,
  type Settings,
  settingsItem,
} from '@/lib/settings/settings';

const HOUR = 3_600_000;
/** A test clock: noon UTC on day 10 of a 30-day period. */
const NOW = Date.parse('2026-11-10T12:00:00Z');
const period: Period = { id: 'p1', startDate: '2026-11-01', lengthDays: 30, createdAt: 0, coolOffHours: 24 };

const full: Settings = {
  ...DEFAULT_SETTINGS,
  person: {
    id: 'them',
    otherNames: '',
    name: 'Jordan Rivers',
    profiles: 'instagram:jordan.rivers\ntiktok:@jordan\nhttps://strava.com/athletes/42',
  },
  customSites: [
    { host: 'example.com', path: '/', label: 'example.com' },
    { host: 'blog.example.org', path: '/jordan', label: 'blog.example.org/jordan' },
  ],
};

let ids = 0;
const nextId = () => `c${++ids}`;

describe('planSettings', () => {
  it('applies tightening at once and holds back nothing', () => {
    const before = { ...full, categories: { social: false, messaging: false }, neverContinueToPerson: false };
    const after: Settings = {
      ...full,
      person: { ...full.person, profiles: `${full.person.profiles}\nx:jordan` },
      customSites: [...full.customSites, { host: 'new.example', path: '/', label: 'new.example' }],
    };
    expect(planSettings(before, after)).toEqual({ now: after, later: [] });
  });

  it('removes at once what protects nothing: a refused rule, a site without access', () => {
    const after: Settings = {
      ...full,
      person: { id: 'them', otherNames: '', name: '', profiles: '' },
      customSites: [],
    };
    const held = planSettings(full, after);
    expect(held.later.length).toBeGreaterThan(0);
    const labels = new Set(parseProfiles(full.person.profiles).flatMap((l) => (l.ok ? [l.label] : [])));
    const hosts = new Set(full.customSites.map((s) => s.host));
    const fixed = planSettings(full, after, { names: new Set(['Jordan Rivers']), labels, hosts });
    expect(fixed.later).toEqual([]);
    expect(fixed.now.person).toEqual({ id: 'them', otherNames: '', name: '', profiles: '' });
    expect(fixed.now.customSites).toEqual([]);
    // Only what is unprotected goes at once; the rest still waits.
    const partly = planSettings(full, after, {
      names: new Set(['Jordan Rivers']),
      labels: new Set(),
      hosts: new Set(),
    });
    expect(partly.later.some((c) => c.kind === 'remove-name')).toBe(false);
    expect(partly.later.some((c) => c.kind === 'remove-profile')).toBe(true);
  });

  it('holds back asking on messaging pages again, and makes messaging a full pause at once', () => {
    const asks = { ...full, askOnMessaging: true };
    const fullPause = { ...full, askOnMessaging: false };
    expect(planSettings(asks, fullPause)).toEqual({ now: fullPause, later: [] });
    const back = planSettings(fullPause, asks);
    expect(back.now.askOnMessaging).toBe(false);
    expect(back.later).toEqual([{ kind: 'ask-on-messaging' }]);
    expect(applyToSettings(fullPause, { kind: 'ask-on-messaging' }).askOnMessaging).toBe(true);
  });

  it('changes plans and the calm note at once, deleting included', () => {
    const withPlan = { ...full, plans: ['When I want to look, I will walk.'], calmNote: 'Hold on.' };
    expect(planSettings(withPlan, { ...withPlan, plans: [], calmNote: '' }).later).toEqual([]);
  });

  it('gives a name where there was none at once', () => {
    const before = { ...full, person: { ...full.person, name: '' } };
    expect(planSettings(before, full).later).toEqual([]);
  });

  it('holds back every loosening and keeps protection as it was until then', () => {
    const after: Settings = {
      ...full,
      categories: { social: false, messaging: true },
      neverContinueToPerson: false,
      person: { id: 'them', otherNames: '', name: 'Jordan', profiles: 'tiktok:@jordan' },
      customSites: [full.customSites[0] as Settings['customSites'][number]],
    };
    const { now, later } = planSettings(full, after);
    expect(now.categories).toEqual({ social: true, messaging: true });
    expect(now.neverContinueToPerson).toBe(true);
    // The new name pauses at once; the old one stays paused beside it until its removal is due.
    expect(now.person.name).toBe('Jordan');
    expect(now.person.otherNames).toBe('Jordan Rivers');
    expect(now.person.profiles.split('\n').sort()).toEqual(full.person.profiles.split('\n').sort());
    expect(now.customSites).toHaveLength(2);
    expect(later.map((c) => c.kind).sort()).toEqual([
      'allow-continue',
      'category-off',
      'remove-name',
      'remove-profile',
      'remove-profile',
      'remove-site',
    ]);
    expect(later).toContainEqual({ kind: 'remove-name', person: 'them', name: 'Jordan Rivers' });
    expect(later).toContainEqual({ kind: 'category-off', category: 'social' });
  });

  it('treats clearing the person as removing the name and every profile', () => {
    const { now, later } = planSettings(full, {
      ...full,
      person: { id: 'them', otherNames: '', name: '', profiles: '' },
    });
    expect(now.person).toEqual(full.person);
    expect(later.filter((c) => c.kind === 'remove-profile')).toHaveLength(3);
    expect(later).toContainEqual({ kind: 'remove-name', person: 'them', name: 'Jordan Rivers' });
  });

  it('does not count rewording a line for the same profile, or a case change in the name, as a removal', () => {
    const after = {
      ...full,
      person: {
        id: 'them',
        otherNames: '',
        name: '  jordan   RIVERS ',
        profiles: 'https://www.instagram.com/Jordan.Rivers/\ntiktok:@jordan\nhttps://strava.com/athletes/42/',
      },
    };
    expect(planSettings(full, after).later).toEqual([]);
  });

  it('keeps a held profile or site in force even at the limit of what is read', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `instagram:person${i}`);
    const before = { ...full, person: { ...full.person, profiles: lines.join('\n') } };
    const after = { ...full, person: { ...full.person, profiles: [...lines.slice(1), 'tiktok:@new'].join('\n') } };
    const { now } = planSettings(before, after);
    const read = parseProfiles(now.person.profiles);
    expect(read.find((l) => l.text === 'instagram:person0')?.ok).toBe(true);

    const sites = Array.from({ length: 500 }, (_, i) => ({ host: `s${i}.example`, path: '/', label: `s${i}.example` }));
    const fewer = {
      ...full,
      customSites: [...sites.slice(1), { host: 'new.example', path: '/', label: 'new.example' }],
    };
    const planned = planSettings({ ...full, customSites: sites }, fewer);
    expect(parseSettings(planned.now).customSites.map((s) => s.host)).toContain('s0.example');
  });

  it('never shortens the pause while a period runs', () => {
    expect(planSettings({ ...full, pauseSeconds: 20 }, { ...full, pauseSeconds: 5 }).now.pauseSeconds).toBe(20);
    expect(planSettings({ ...full, pauseSeconds: 10 }, { ...full, pauseSeconds: 30 }).now.pauseSeconds).toBe(30);
  });

  it('never treats dropping a line that was not a valid profile as loosening', () => {
    const before = { ...full, person: { ...full.person, profiles: `${full.person.profiles}\nnot a profile at all` } };
    expect(planSettings(before, full).later).toEqual([]);
  });
});

describe('request and cancel', () => {
  it('starts a countdown of the period’s cool-off for each change', () => {
    const pending = request([], [{ kind: 'allow-continue' }], { ...period, coolOffHours: 6 }, NOW, nextId);
    expect(pending).toEqual([
      { id: expect.any(String), change: { kind: 'allow-continue' }, requestedAt: NOW, effectiveAt: NOW + 6 * HOUR },
    ]);
  });

  it('keeps the first countdown when the same change is asked for again', () => {
    const first = request([], [{ kind: 'category-off', category: 'social' }], period, NOW, nextId);
    const again = request(first, [{ kind: 'category-off', category: 'social' }], period, NOW + HOUR, nextId);
    expect(again).toEqual(first);
    const other = request(again, [{ kind: 'category-off', category: 'messaging' }], period, NOW + HOUR, nextId);
    expect(other).toHaveLength(2);
  });

  it('lets a newer name or ending replace the older one, with a fresh countdown', () => {
    const first = request([], [{ kind: 'change-name', name: 'A' }], period, NOW, nextId);
    const second = request(first, [{ kind: 'change-name', name: 'B' }], period, NOW + HOUR, nextId);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ change: { name: 'B' }, effectiveAt: NOW + 25 * HOUR });
  });

  it('cancels one change and leaves the rest', () => {
    const pending = request(
      [],
      [{ kind: 'allow-continue' }, { kind: 'category-off', category: 'social' }],
      period,
      NOW,
      nextId,
    );
    const [first, second] = pending as [PendingChange, PendingChange];
    expect(cancel(pending, first.id)).toEqual([second]);
  });
});

describe('settle, with a test clock', () => {
  const ask = (changes: Loosening[], at = NOW) => request([], changes, period, at, nextId);

  it('changes nothing before the countdown ends, and applies the change when it does', () => {
    const pending = ask([{ kind: 'category-off', category: 'social' }]);
    const early = settle(full, period, pending, NOW + 24 * HOUR - 1);
    expect(early.applied).toEqual([]);
    expect(early.settings).toBe(full);
    expect(early.pending).toEqual(pending);

    const due = settle(full, period, pending, NOW + 24 * HOUR);
    expect(due.applied).toEqual(pending);
    expect(due.settings.categories).toEqual({ social: false, messaging: true });
    expect(due.pending).toEqual([]);
  });

  it('applies each kind of change', () => {
    const pending = ask([
      { kind: 'allow-continue' },
      { kind: 'change-name', name: '' },
      { kind: 'remove-profile', line: 'https://www.instagram.com/jordan.rivers', label: 'Instagram · @jordan.rivers' },
      { kind: 'remove-site', host: 'blog.example.org', path: '/jordan', label: 'blog.example.org/jordan' },
    ]);
    const { settings, removedHosts } = settle(full, period, pending, NOW + 24 * HOUR);
    expect(settings.neverContinueToPerson).toBe(false);
    expect(settings.person).toEqual({
      id: 'them',
      otherNames: '',
      name: '',
      profiles: 'tiktok:@jordan\nhttps://strava.com/athletes/42',
    });
    expect(settings.customSites).toEqual([full.customSites[0]]);
    expect(removedHosts).toEqual(['blog.example.org']);
  });

  it('keeps site access a remaining site still needs', () => {
    const two = {
      ...full,
      customSites: [...full.customSites, { host: 'blog.example.org', path: '/', label: 'blog.example.org' }],
    };
    const pending = ask([{ kind: 'remove-site', host: 'blog.example.org', path: '/jordan', label: 'x' }]);
    expect(settle(two, period, pending, NOW + 24 * HOUR).removedHosts).toEqual([]);
  });

  it('closes the period when an "end early" is due, keeping it in history', () => {
    const pending = ask([
      { kind: 'end-period', periodId: 'p1', how: 'moved-on', keepPerson: true, readiness: { ticked: 3, of: 5 } },
    ]);
    const result = settle(full, period, pending, NOW + 24 * HOUR);
    expect(result.period).toBeNull();
    expect(result.settings.keepPersonAfterPeriod).toBe(true);
    expect(result.archived).toEqual({
      id: 'p1',
      startDate: '2026-11-01',
      lengthDays: 30,
      createdAt: 0,
      closedAt: NOW + 24 * HOUR,
      closedHow: 'moved-on',
      readiness: { ticked: 3, of: 5 },
    });
  });

  it('does not close a different period than the one the request was made in', () => {
    const pending = ask([
      { kind: 'end-period', periodId: 'old', how: 'reconnected', keepPerson: false, readiness: null },
    ]);
    const result = settle(full, period, pending, NOW + 24 * HOUR);
    expect(result.period).toEqual(period);
    expect(result.archived).toBeNull();
    expect(result.pending).toEqual([]);
  });

  it('lets everything through once the period is over: nothing is left to protect', () => {
    const pending = ask([{ kind: 'category-off', category: 'messaging' }]);
    const afterEnd = Date.parse('2026-12-01T09:00:00Z');
    // The period ended at midnight; the request was made only a few hours before.
    const late = ask([{ kind: 'allow-continue' }], afterEnd - 3 * HOUR);
    const result = settle(full, period, [...pending, ...late], afterEnd);
    expect(result.applied).toHaveLength(2);
    expect(result.settings.categories.messaging).toBe(false);
  });

  it('flags a due "delete everything" for the caller to erase', () => {
    const pending = ask([{ kind: 'delete-everything' }]);
    expect(settle(full, period, pending, NOW + HOUR).eraseEverything).toBe(false);
    expect(settle(full, period, pending, NOW + 24 * HOUR).eraseEverything).toBe(true);
  });
});

describe('settlePending (the background’s alarm)', () => {
  function deps(state: { settings: Settings; period: Period | null; pending: PendingChange[] }, now: { t: number }) {
    return {
      loadPending: async () => state.pending,
      loadState: async () => state,
      save: vi.fn(async (next: typeof state) => {
        Object.assign(state, next);
      }),
      archive: vi.fn(async () => undefined),
      eraseEverything: vi.fn(async () => undefined),
      releaseHosts: vi.fn(async () => undefined),
      wakeAt: vi.fn(async (_when: number | null) => undefined),
      now: () => now.t,
    };
  }

  it('sets an alarm for the next countdown, then applies the change when it fires', async () => {
    const pending = [
      ...request([], [{ kind: 'category-off', category: 'social' }], period, NOW, nextId),
      ...request([], [{ kind: 'allow-continue' }], period, NOW + HOUR, nextId),
    ];
    const state = { settings: full, period, pending };
    const clock = { t: NOW + 2 * HOUR };
    const d = deps(state, clock);
    expect(await settlePending(d)).toEqual([]);
    expect(d.save).not.toHaveBeenCalled();
    expect(d.wakeAt).toHaveBeenLastCalledWith(NOW + 24 * HOUR);

    clock.t = NOW + 24 * HOUR;
    expect(await settlePending(d)).toHaveLength(1);
    expect(state.settings.categories.social).toBe(false);
    expect(state.pending).toHaveLength(1);
    expect(d.wakeAt).toHaveBeenLastCalledWith(NOW + 25 * HOUR);

    clock.t = NOW + 25 * HOUR;
    await settlePending(d);
    expect(state.settings.neverContinueToPerson).toBe(false);
    expect(d.wakeAt).toHaveBeenLastCalledWith(null);
  });

  it('archives an ended period before saving, and erases everything for a due delete', async () => {
    const end = request(
      [],
      [{ kind: 'end-period', periodId: 'p1', how: 'reconnected', keepPerson: false, readiness: null }],
      period,
      NOW,
      nextId,
    );
    const state = { settings: full, period: period as Period | null, pending: end };
    const d = deps(state, { t: NOW + 24 * HOUR });
    await settlePending(d);
    expect(d.archive).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1', closedHow: 'reconnected' }));
    expect(state.period).toBeNull();

    const wipe = { settings: full, period, pending: request([], [{ kind: 'delete-everything' }], period, NOW, nextId) };
    const d2 = deps(wipe, { t: NOW + 24 * HOUR });
    await settlePending(d2);
    expect(d2.eraseEverything).toHaveBeenCalledOnce();
    expect(d2.save).not.toHaveBeenCalled();
  });
});

describe('saving settings through the cool-off (stored state)', () => {
  it('saves everything at once with no period running', async () => {
    await settingsItem.setValue(full);
    const saved = await saveSettingsWithCoolOff(
      (s) => ({ ...s, categories: { social: false, messaging: false } }),
      NOW,
    );
    expect(saved.waiting).toEqual([]);
    expect((await loadSettings()).categories).toEqual({ social: false, messaging: false });
  });

  it('while a period runs, keeps protection and stores the waiting change, which survives a reload', async () => {
    await settingsItem.setValue(full);
    await periodItem.setValue(period);
    const saved = await saveSettingsWithCoolOff((s) => ({ ...s, categories: { ...s.categories, social: false } }), NOW);
    expect(saved.waiting).toEqual([
      expect.objectContaining({ change: { kind: 'category-off', category: 'social' }, effectiveAt: NOW + 24 * HOUR }),
    ]);
    expect((await loadSettings()).categories.social).toBe(true);
    // What a restarted browser would read back.
    const raw = (await fakeBrowser.storage.local.get('pendingChanges')).pendingChanges;
    expect(parsePending(JSON.parse(JSON.stringify(raw)))).toEqual(saved.waiting);
  });

  it('asks to end early, and a second ask replaces the first', async () => {
    await periodItem.setValue(period);
    await requestEndEarly(period, { how: 'moved-on', keepPerson: false, readiness: null }, NOW);
    const second = await requestEndEarly(period, { how: 'reconnected', keepPerson: false, readiness: null }, NOW + 1);
    expect(await loadPending()).toEqual([second]);
    expect(await pendingChangesItem.getValue()).toHaveLength(1);
  });
});

describe('parsePending', () => {
  it('keeps trusted entries and drops damaged ones', () => {
    const good = { id: 'a', change: { kind: 'allow-continue' }, requestedAt: 1, effectiveAt: 2 };
    expect(
      parsePending([
        good,
        { ...good, id: '' },
        { ...good, change: { kind: 'switch-everything-off' } },
        { ...good, change: { kind: 'category-off', category: 'everything' } },
        { ...good, effectiveAt: 'soon' },
        { ...good, change: { kind: 'end-period', periodId: 'p', how: 'vanish' } },
        null,
      ]),
    ).toEqual([good]);
    expect(parsePending('nope')).toEqual([]);
  });
});

describe('words', () => {
  it.each([
    [0, '0 s'],
    [40_500, '41 s'],
    [60_000, '1 min'],
    [59 * 60_000 + 1, '1 h'],
    [HOUR, '1 h'],
    [24 * HOUR - 60_000, '23 h 59 min'],
    [72 * HOUR, '72 h'],
  ])('formatWait(%i) is %s', (ms, words) => expect(formatWait(ms)).toBe(words));

  it('describes every change', () => {
    expect(describeChange({ kind: 'category-off', category: 'social' })).toBe('Stop pausing social sites');
    expect(describeChange({ kind: 'change-name', name: '' })).toBe('Remove their name');
    expect(
      describeChange({ kind: 'end-period', periodId: 'p', how: 'moved-on', keepPerson: false, readiness: null }),
    ).toMatch(/End my period early/);
  });
});
