import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, parseBackup } from '@/lib/backup/format';
import { addCustomSite, type CustomSite, customSiteKey, parseCustomSite } from '@/lib/detection/custom-sites';
import { parseProfiles } from '@/lib/detection/person';
import { addDays, dayKeyOf } from '@/lib/period/calendar';
import { type Period, validatePeriodForm } from '@/lib/period/period';
import { extendPeriod } from '@/lib/period/way-out';
import {
  DEFAULT_COOL_OFF_HOURS,
  MAX_COOL_OFF_HOURS,
  MAX_CUSTOM_SITES,
  MAX_LENGTH_DAYS,
  MAX_NAME_LENGTH,
  MAX_PAUSE_SECONDS,
  MAX_PROFILE_LINES,
  MAX_PROFILES_LENGTH,
  MAX_TOTAL_DAYS,
  MIN_COOL_OFF_HOURS,
  MIN_LENGTH_DAYS,
  MIN_PAUSE_SECONDS,
} from '@/lib/settings/limits';
import {
  DEFAULT_SETTINGS,
  type Loosening,
  type PendingChange,
  pendingChangesSchema,
  personProblem,
  readPeriod,
  readSettings,
  type Settings,
} from '@/lib/settings/schema';

/**
 * Each limit on what the user chooses, tried the same way at every edge: the form that takes it,
 * stored settings read back (forgiving: the field takes its default), a backup (strict: the file
 * is refused, naming the field) and a change asked for through the cool-off.
 */

const NOW = Date.parse('2026-11-10T12:00:00Z');
const TODAY = dayKeyOf(NOW);

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  person: { id: 'them', otherNames: '', name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' },
  customSites: [{ host: 'example.com', path: '/', label: 'example.com' }],
};
const period: Period = { id: 'p1', startDate: '2026-11-01', lengthDays: 45, createdAt: 1, coolOffHours: 24 };

function backupText(edit: (b: { settings: Settings; period: Period }) => void): string {
  const b = {
    format: 'breathing-room-export',
    version: BACKUP_VERSION,
    exportedAt: '2026-11-10T12:00:00.000Z',
    settings: structuredClone(settings),
    period: structuredClone(period),
    urges: [],
    letters: [],
    contacts: [],
    pastPeriods: [],
  };
  edit(b);
  return JSON.stringify(b);
}

/** `n` different sites, each one "Add a site" accepts. */
const sites = (n: number): CustomSite[] =>
  Array.from({ length: n }, (_, i) => ({ host: `site${i}.example`, path: '/', label: `site${i}.example` }));

const pending = (change: Loosening): PendingChange[] => [{ id: 'w1', change, requestedAt: NOW, effectiveAt: NOW + 1 }];

interface Limit {
  /** The field, as a backup's error names it. */
  field: string;
  within: unknown[];
  beyond: unknown[];
  set: (b: { settings: Settings; period: Period }, value: unknown) => void;
  /** What reading stored data gives for a value beyond the limit, at that field. */
  stored: (value: unknown) => unknown;
  storedAfter: (value: unknown) => unknown;
  /** Whether the form (or the cool-off, for a waiting change) accepts the value. */
  form?: (value: unknown) => boolean;
  request?: (value: unknown) => boolean;
}

const storedSettings = (edit: (s: Settings) => void) => {
  const s = structuredClone(settings);
  edit(s);
  return readSettings(JSON.parse(JSON.stringify(s)));
};
const storedPeriod = (edit: (p: Period) => void) => {
  const p = structuredClone(period);
  edit(p);
  return readPeriod(JSON.parse(JSON.stringify(p)));
};
const periodForm = (over: Partial<{ startDate: string; lengthDays: string; coolOffHours: string }>) =>
  validatePeriodForm({ startDate: TODAY, lengthDays: '30', coolOffHours: '24', ...over }, TODAY).ok;

const LIMITS: Limit[] = [
  {
    field: 'settings.pauseSeconds',
    within: [MIN_PAUSE_SECONDS, MAX_PAUSE_SECONDS],
    beyond: [MIN_PAUSE_SECONDS - 1, MAX_PAUSE_SECONDS + 1, 10.5, '10'],
    set: (b, v) => (b.settings.pauseSeconds = v as number),
    stored: (v) => storedSettings((s) => (s.pauseSeconds = v as number)).pauseSeconds,
    storedAfter: () => DEFAULT_SETTINGS.pauseSeconds,
  },
  {
    field: 'settings.person.name',
    within: ['', 'J'.repeat(MAX_NAME_LENGTH)],
    beyond: ['J'.repeat(MAX_NAME_LENGTH + 1), 42],
    set: (b, v) => (b.settings.person.name = v as string),
    stored: (v) => storedSettings((s) => (s.person.name = v as string)).person.name,
    storedAfter: () => '',
    form: (v) => typeof v === 'string' && personProblem({ name: v, profiles: '' }) === null,
    request: (v) => pendingChangesSchema.safeParse(pending({ kind: 'change-name', name: v as string })).success,
  },
  {
    field: 'settings.person.profiles',
    within: ['', 'x'.repeat(MAX_PROFILES_LENGTH)],
    beyond: ['x'.repeat(MAX_PROFILES_LENGTH + 1)],
    set: (b, v) => (b.settings.person.profiles = v as string),
    stored: (v) => storedSettings((s) => (s.person.profiles = v as string)).person.profiles,
    storedAfter: () => '',
    form: (v) => personProblem({ name: '', profiles: v as string }) === null,
    request: (v) =>
      // An empty line is never a profile to remove.
      v === '' ||
      pendingChangesSchema.safeParse(pending({ kind: 'remove-profile', line: v as string, label: 'x' })).success,
  },
  {
    field: 'settings.customSites',
    within: [[], sites(MAX_CUSTOM_SITES)],
    beyond: [sites(MAX_CUSTOM_SITES + 1)],
    set: (b, v) => (b.settings.customSites = v as CustomSite[]),
    stored: (v) => storedSettings((s) => (s.customSites = v as CustomSite[])).customSites,
    // Stored sites past the limit are not read (the first ones stay).
    storedAfter: (v) => (v as CustomSite[]).slice(0, MAX_CUSTOM_SITES),
    form: (v) => {
      const list = v as CustomSite[];
      if (!list.length) return true;
      // The form adds one at a time: the last one must be accepted after the others.
      const last = list.at(-1) as CustomSite;
      return addCustomSite(list.slice(0, -1), last.host).ok;
    },
  },
  {
    field: 'period.lengthDays',
    within: [MIN_LENGTH_DAYS, MAX_TOTAL_DAYS],
    beyond: [MIN_LENGTH_DAYS - 1, MAX_TOTAL_DAYS + 1, 30.5],
    set: (b, v) => (b.period.lengthDays = v as number),
    stored: (v) => storedPeriod((p) => (p.lengthDays = v as number))?.lengthDays ?? null,
    // A period that can't be trusted is no period.
    storedAfter: () => null,
    // Started within MIN..MAX_LENGTH_DAYS, then extended up to MAX_TOTAL_DAYS.
    form: (v) => {
      const days = v as number;
      if (!Number.isInteger(days)) return false;
      const start = Math.min(days, MAX_LENGTH_DAYS);
      if (!periodForm({ lengthDays: String(start) })) return false;
      return days === start || extendPeriod({ ...period, lengthDays: start }, String(days - start)).ok;
    },
  },
  {
    field: 'period.coolOffHours',
    within: [MIN_COOL_OFF_HOURS, MAX_COOL_OFF_HOURS],
    beyond: [MIN_COOL_OFF_HOURS - 1, MAX_COOL_OFF_HOURS + 1, 1.5],
    set: (b, v) => (b.period.coolOffHours = v as number),
    stored: (v) => storedPeriod((p) => (p.coolOffHours = v as number))?.coolOffHours,
    storedAfter: () => DEFAULT_COOL_OFF_HOURS,
    form: (v) => periodForm({ coolOffHours: String(v) }),
  },
];

const cases = (kind: 'within' | 'beyond') =>
  LIMITS.flatMap((limit) =>
    limit[kind].map((value) => ({
      limit,
      value,
      shown:
        Array.isArray(value) || (typeof value === 'string' && value.length > 20)
          ? `length ${value.length}`
          : JSON.stringify(value),
    })),
  );

describe('each limit, the same way everywhere', () => {
  it.each(cases('within'))('$limit.field: $shown is kept at every edge', ({ limit, value }) => {
    const read = parseBackup(
      backupText((b) => limit.set(b, value)),
      undefined,
      NOW,
    );
    expect(read.ok ? 'read' : read.error).toBe('read');
    expect(limit.stored(value)).toEqual(value);
    if (limit.form) expect(limit.form(value)).toBe(true);
    if (limit.request) expect(limit.request(value)).toBe(true);
  });

  it.each(cases('beyond'))(
    '$limit.field: $shown is refused by the form and a backup, and not read from storage',
    ({ limit, value }) => {
      const read = parseBackup(
        backupText((b) => limit.set(b, value)),
        undefined,
        NOW,
      );
      expect(read.ok ? 'read' : read.error).toContain(`“${limit.field}”`);
      expect(limit.stored(value)).toEqual(limit.storedAfter(value));
      if (limit.form) expect(limit.form(value)).toBe(false);
      if (limit.request) expect(limit.request(value)).toBe(false);
    },
  );

  it('reads at most the first profile lines, in the form, in storage and from a backup alike', () => {
    const profiles = Array.from({ length: MAX_PROFILE_LINES + 1 }, (_, i) => `instagram:person.${i}`).join('\n');
    // The form keeps every line as typed and says the one past the limit is not read.
    expect(parseProfiles(profiles).at(-1)).toMatchObject({
      ok: false,
      error: `At most ${MAX_PROFILE_LINES} profiles.`,
    });
    expect(parseProfiles(profiles).filter((l) => l.ok)).toHaveLength(MAX_PROFILE_LINES);
    // Storage and a backup keep the text the same way, so nothing the form saved is lost.
    expect(storedSettings((s) => (s.person.profiles = profiles)).person.profiles).toBe(profiles);
    const read = parseBackup(
      backupText((b) => (b.settings.person.profiles = profiles)),
      undefined,
      NOW,
    );
    expect(read.ok && read.backup.settings.person.profiles).toBe(profiles);
  });
});

describe('a backup’s custom sites pass the same checks as “Add a site”', () => {
  const refused: [string, CustomSite[], string][] = [
    ['a whole country domain', [{ host: 'co.uk', path: '/', label: 'co.uk' }], 'settings.customSites.0'],
    [
      'the same site twice',
      [...sites(2), { host: 'site1.example', path: '/', label: 'again' }],
      'settings.customSites.2',
    ],
    [
      'a site written other than the form writes it',
      [{ host: 'www.example.com', path: '/', label: 'example.com' }],
      'settings.customSites.0',
    ],
    ['a page with a trailing slash', [{ host: 'example.com', path: '/page/', label: 'x' }], 'settings.customSites.0'],
    ['500 copies of one site', Array.from({ length: 500 }, () => sites(1)[0] as CustomSite), 'settings.customSites.1'],
  ];

  it.each(refused)('refuses %s, naming the site', (_what, list, field) => {
    const read = parseBackup(
      backupText((b) => (b.settings.customSites = list)),
      undefined,
      NOW,
    );
    expect(read.ok ? 'read' : read.error).toContain(`“${field}”`);
    // The form refuses the same site, given the sites before it.
    const index = Number(field.split('.').at(-1));
    const site = list[index] as CustomSite;
    const form = addCustomSite(list.slice(0, index), `${site.host}${site.path}`);
    expect(form.ok && customSiteKey(form.site) === customSiteKey(site)).toBe(false);
  });

  it('says why, in the form’s words', () => {
    const read = parseBackup(
      backupText((b) => (b.settings.customSites = [{ host: 'co.uk', path: '/', label: 'co.uk' }])),
      undefined,
      NOW,
    );
    const form = parseCustomSite('co.uk');
    expect(form.ok).toBe(false);
    expect(read.ok ? 'read' : read.error).toContain(form.ok ? '' : form.error);
  });

  it('reads every site the form makes, pages included', () => {
    const made = ['example.com', 'www.example.org/Some/Page/', 'https://blog.example.net/post?x=1', '192.168.1.20'].map(
      (typed) => {
        const read = parseCustomSite(typed);
        if (!read.ok) throw new Error(read.error);
        return read.site;
      },
    );
    const read = parseBackup(
      backupText((b) => (b.settings.customSites = made)),
      undefined,
      NOW,
    );
    expect(read.ok && read.backup.settings.customSites).toEqual(made);
  });
});

describe('a backup’s period', () => {
  it('may have started today or before, as the form allows', () => {
    for (const startDate of [TODAY, addDays(TODAY, -1)]) {
      expect(periodForm({ startDate })).toBe(true);
      const read = parseBackup(
        backupText((b) => (b.period.startDate = startDate)),
        undefined,
        NOW,
      );
      expect(read.ok ? 'read' : read.error).toBe('read');
    }
  });

  it('never starts in the future: the file is refused, naming the field', () => {
    const tomorrow = addDays(TODAY, 1);
    expect(periodForm({ startDate: tomorrow })).toBe(false);
    const read = parseBackup(
      backupText((b) => (b.period.startDate = tomorrow)),
      undefined,
      NOW,
    );
    expect(read.ok ? 'read' : read.error).toMatch(/“period\.startDate” should be today or a day that has passed/);
  });
});
