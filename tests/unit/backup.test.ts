import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { csvCell, exportAll, urgesCsv } from '@/lib/backup/export';
import { BACKUP_VERSION, type Backup, MAX_BACKUP_BYTES, parseBackup } from '@/lib/backup/format';
import { importBackup, ROWS_PER_BATCH } from '@/lib/backup/import';
import { readBackupFile } from '@/lib/backup/read-backup';
import { BackupAssembler, backupMessages } from '@/lib/backup/slices';
import { loadPending } from '@/lib/lock/pending';
import type { Period } from '@/lib/period/period';
import { BreathingRoomDb } from '@/lib/records/db';
import { catchUp, summariesForPeriod } from '@/lib/records/summaries';
import type { Letter, Urge } from '@/lib/records/types';
import { RuleBudgetError } from '@/lib/rules/budget';
import {
  DEFAULT_SETTINGS,
  loadPeriod,
  loadSettings,
  periodItem,
  type Settings,
  settingsItem,
} from '@/lib/settings/settings';
import { deviceSnapshot } from './device';

const NOW = Date.parse('2026-11-10T12:00:00Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** After the period in the file has run its course, so `replace` takes the file's settings as they are. */
const LATER = Date.parse('2027-06-01T00:00:00Z');
const period: Period = {
  id: 'p1',
  startDate: '2026-11-01',
  lengthDays: 45,
  createdAt: 1793520000000,
  coolOffHours: 24,
};

/**
 * A backup as a person's file holds it, written out by hand: the expectations below are literal
 * values read off this text, never rebuilt from the same helpers that make the input.
 */
const FILE = `{
  "format": "breathing-room-export",
  "version": 2,
  "exportedAt": "2026-11-10T12:00:00.000Z",
  "settings": {
    "categories": { "social": true, "messaging": false },
    "pauseSeconds": 10,
    "person": { "name": "Jordan Rivers", "profiles": "instagram:jordan.rivers" },
    "neverContinueToPerson": false,
    "customSites": [{ "host": "example.com", "path": "/", "label": "example.com" }],
    "keepPersonAfterPeriod": false
  },
  "period": { "id": "p1", "startDate": "2026-11-01", "lengthDays": 45, "createdAt": 1793520000000, "coolOffHours": 24 },
  "urges": [
    { "id": 1, "time": 1793658660000, "day": "2026-11-02", "hour": 22, "weekday": 1, "host": "www.instagram.com",
      "category": "person", "context": "profile", "intensity": 4, "trigger": "cant-sleep",
      "note": "Wanted to see if they posted, \\"just once\\", then didn’t.\\nSecond line, with a comma.",
      "outcome": "resisted", "answer": "", "periodId": "p1" },
    { "id": 2, "time": 1793658720000, "day": "2026-11-02", "hour": 22, "weekday": 1, "host": "www.instagram.com",
      "category": "person", "context": "profile", "intensity": null, "trigger": null, "note": "",
      "outcome": "gave-in", "answer": "", "periodId": "p1" }
  ],
  "letters": [
    { "id": 1, "createdAt": 1793692800000, "updatedAt": 1793697300000,
      "body": "Letter 1: everything I would have said. ✉️", "host": "web.whatsapp.com", "periodId": "p1" }
  ],
  "contacts": [
    { "id": 1, "time": 1793735100000, "day": "2026-11-03", "kind": "they-reached-out", "startedBy": "them",
      "howItWent": null, "note": "Did not answer.", "periodId": "p1" }
  ],
  "pastPeriods": [
    { "id": "p0", "startDate": "2026-08-01", "lengthDays": 30, "createdAt": 1785574800000, "closedAt": 1788206400000,
      "closedHow": "moved-on", "readiness": { "ticked": 4, "of": 6 } }
  ]
}`;
const good = FILE;

/** The settings the file holds, written out again by hand. */
const settings: Settings = {
  categories: { social: true, messaging: false },
  pauseSeconds: 10,
  person: { id: 'them', otherNames: '', name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' },
  others: [],
  neverContinueToPerson: false,
  customSites: [{ host: 'example.com', path: '/', label: 'example.com' }],
  keepPersonAfterPeriod: false,
  // The file is from before these existed: they take their defaults.
  askOnMessaging: true,
  plans: [],
  calmNote: '',
};

/** An urge of this device's own, for merges and replaces; its values are not the file's. */
const urge = (id: number, over: Partial<Urge> = {}): Urge => ({
  id,
  uid: `device-urge-${id}`,
  time: Date.parse('2026-11-05T07:00:00Z') + id * 60_000,
  day: '2026-11-05',
  hour: 7,
  weekday: 4,
  host: 'www.facebook.com',
  category: 'social',
  context: 'feed',
  intensity: 2,
  trigger: 'bored',
  note: 'On this device only.',
  outcome: 'resisted',
  answer: '',
  periodId: 'p1',
  ...over,
});
const letter = (id: number): Letter => ({
  id,
  uid: `device-letter-${id}`,
  createdAt: Date.parse('2026-11-06T10:00:00Z'),
  updatedAt: Date.parse('2026-11-06T10:05:00Z'),
  body: `A letter of this device, number ${id}.`,
  host: '',
  periodId: 'p1',
});

/** The file, checked as the product checks it. */
function backup(over: Partial<Backup> = {}): Backup {
  const parsed = parseBackup(FILE, FILE.length, NOW);
  if (!parsed.ok) throw new Error(parsed.error);
  return { ...parsed.backup, ...over };
}

/** A valid backup with one part changed, as JSON. */
const edited = (edit: (b: Record<string, unknown>) => void) => {
  const b = JSON.parse(good) as Record<string, unknown>;
  edit(b);
  return JSON.stringify(b);
};
const firstRow = (b: Record<string, unknown>, list: string) =>
  (b[list] as Record<string, unknown>[])[0] as Record<string, unknown>;

describe('parseBackup: bad files are refused with the problem named', () => {
  const bad: [string, string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['only spaces', '   \n ', /empty/],
    ['plain text', 'Dear Jordan, I miss you.', /not JSON/],
    ['a CSV', 'id,time\n1,2', /not JSON/],
    ['HTML', '<!doctype html><p>hi</p>', /not JSON/],
    ['a file cut off in the middle', good.slice(0, Math.floor(good.length / 2)), /cut short/],
    ['a file cut off near the end', good.slice(0, -3), /cut short/],
    ['a file cut off inside a string', good.slice(0, good.indexOf('Letter 1') + 3), /cut short/],
    ['malformed JSON', good.replace('"urges":', '"urges"'), /malformed/],
    ['a trailing comma', good.replace(/}$/, ',}'), /malformed/],
    ['a JSON array', '[1,2,3]', /not a Breathing Room backup/],
    ['a JSON string', '"breathing-room-export"', /not JSON|not a Breathing Room backup/],
    ['JSON null', 'null', /not JSON|not a Breathing Room backup/],
    ['another app’s JSON', '{"name":"my-app","version":"1.0.0"}', /not a Breathing Room backup/],
    ['a newer format version', edited((b) => (b.version = BACKUP_VERSION + 1)), /newer version.*format version 3/],
    ['a far newer format version', edited((b) => (b.version = 99)), /Update the extension/],
    ['a version of 0', edited((b) => (b.version = 0)), /no valid format version/],
    ['a version written as text', edited((b) => (b.version = '2')), /no valid format version/],
    ['a missing version', edited((b) => delete b.version), /no valid format version/],
    ['urges that are not a list', edited((b) => (b.urges = 'lots')), /“urges” should be a list/],
    ['a missing list', edited((b) => delete b.letters), /“letters” is missing/],
    [
      'an urge time written as text',
      edited((b) => (firstRow(b, 'urges').time = 'yesterday')),
      /urge 1 in “urges”, field “time” should be a number/,
    ],
    ['an intensity of 9', edited((b) => (firstRow(b, 'urges').intensity = 9)), /field “intensity” is out of range/],
    ['an unknown outcome', edited((b) => (firstRow(b, 'urges').outcome = 'maybe')), /field “outcome” has a value/],
    ['an unknown trigger', edited((b) => (firstRow(b, 'urges').trigger = 'rain')), /field “trigger”/],
    ['an impossible day', edited((b) => (firstRow(b, 'urges').day = '2026-02-30')), /field “day” should be a date/],
    ['a fractional id', edited((b) => (firstRow(b, 'urges').id = 1.5)), /field “id” should be a whole number/],
    [
      'a negative id',
      edited((b) => (firstRow(b, 'letters').id = -1)),
      /letter 1 in “letters”, field “id” is out of range/,
    ],
    ['a letter body of a number', edited((b) => (firstRow(b, 'letters').body = 42)), /field “body” should be text/],
    [
      'an over-long letter',
      edited((b) => (firstRow(b, 'letters').body = 'x'.repeat(50_001))),
      /field “body” is out of range/,
    ],
    ['an unknown contact kind', edited((b) => (firstRow(b, 'contacts').kind = 'ghosted')), /contact 1 in “contacts”/],
    [
      'settings with a text pause',
      edited((b) => ((b.settings as Settings).pauseSeconds = '10' as never)),
      /“settings.pauseSeconds”/,
    ],
    [
      'a custom site that is not a host',
      edited((b) => ((b.settings as Settings).customSites = [{ host: 'javascript:alert(1)', path: '/', label: 'x' }])),
      /“settings.customSites.0.host”/,
    ],
    ['four if-then plans', edited((b) => ((b.settings as Settings).plans = ['a', 'b', 'c', 'd'])), /“settings.plans”/],
    ['a plan that is a number', edited((b) => ((b.settings as Settings).plans = [7 as never])), /“settings.plans.0”/],
    [
      'a calm note past its limit',
      edited((b) => ((b.settings as Settings).calmNote = 'x'.repeat(1001))),
      /“settings.calmNote”/,
    ],
    [
      'a period of 5 000 days',
      edited((b) => ((b.period as Period).lengthDays = 5000)),
      /“period.lengthDays” is out of range/,
    ],
    [
      'a cool-off of 0 hours',
      edited((b) => ((b.period as Period).coolOffHours = 0)),
      /“period.coolOffHours” is out of range/,
    ],
    [
      'a past period closed in an unknown way',
      edited((b) => (firstRow(b, 'pastPeriods').closedHow = 'vanished')),
      /past period 1/,
    ],
    [
      'the same urge id twice',
      edited((b) => ((b.urges as unknown[])[1] = { ...firstRow(b, 'urges') })),
      /urge id 1 twice/,
    ],
    [
      'many problems at once',
      edited((b) => {
        b.urges = 1;
        b.letters = 2;
        b.contacts = 3;
        b.pastPeriods = 4;
      }),
      /and 1 more problems/,
    ],
  ];

  it('has at least 20 bad files to try', () => expect(bad.length).toBeGreaterThanOrEqual(20));

  it.each(bad)('refuses %s', (_what, text, message) => {
    const result = parseBackup(text, text.length, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses a file over 50 MB before reading it', () => {
    const result = parseBackup(good, MAX_BACKUP_BYTES + 1);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/50\.0 MB.*at most 50 MB/) });
  });

  it('reads a good file, with or without a byte order mark', () => {
    for (const text of [good, `\uFEFF${good}`]) {
      const result = parseBackup(text, text.length, NOW);
      if (!result.ok) throw new Error(result.error);
      const b = result.backup;
      expect(b.settings).toEqual(settings);
      expect(b.period).toEqual(period);
      expect(b.urges.map((u) => [u.id, u.time, u.day, u.outcome, u.intensity, u.trigger])).toEqual([
        [1, 1793658660000, '2026-11-02', 'resisted', 4, 'cant-sleep'],
        [2, 1793658720000, '2026-11-02', 'gave-in', null, null],
      ]);
      expect(b.urges[0]?.note).toBe(
        'Wanted to see if they posted, "just once", then didn’t.\nSecond line, with a comma.',
      );
      expect(b.letters).toEqual([
        {
          id: 1,
          createdAt: 1793692800000,
          updatedAt: 1793697300000,
          body: 'Letter 1: everything I would have said. ✉️',
          host: 'web.whatsapp.com',
          periodId: 'p1',
        },
      ]);
      expect(b.contacts.map((c) => [c.id, c.time, c.day, c.kind, c.howItWent])).toEqual([
        [1, 1793735100000, '2026-11-03', 'they-reached-out', null],
      ]);
      expect(b.pastPeriods).toEqual([
        {
          id: 'p0',
          startDate: '2026-08-01',
          lengthDays: 30,
          createdAt: 1785574800000,
          closedAt: 1788206400000,
          closedHow: 'moved-on',
          readiness: { ticked: 4, of: 6 },
        },
      ]);
    }
  });

  it('reads a version 1 file, made before the cool-off existed', () => {
    const v1 = edited((b) => {
      b.version = 1;
      delete (b.period as Partial<Period>).coolOffHours;
    });
    const result = parseBackup(v1, v1.length, NOW);
    expect(result.ok && result.backup.period).toEqual({
      id: 'p1',
      startDate: '2026-11-01',
      lengthDays: 45,
      createdAt: 1793520000000,
      coolOffHours: 24,
    });
  });

  it('keeps the person’s plans, calm note and messaging choice', () => {
    const text = edited((b) => {
      const s = b.settings as Settings;
      s.plans = ['When I want to look at their profile, I will text Sam.', 'When I can’t sleep, I will read.'];
      s.calmNote = 'You decided this on a clear day.';
      s.askOnMessaging = false;
    });
    const result = parseBackup(text, text.length, NOW);
    expect(result.ok && result.backup.settings).toMatchObject({
      plans: ['When I want to look at their profile, I will text Sam.', 'When I can’t sleep, I will read.'],
      calmNote: 'You decided this on a clear day.',
      askOnMessaging: false,
    });
  });

  it('keeps the question a typed answer was given to, and whether the urge went on with Continue', () => {
    const text = edited((b) => Object.assign(firstRow(b, 'urges'), { prompt: 'urge-notice', continued: true }));
    const result = parseBackup(text, text.length, NOW);
    expect(result.ok && result.backup.urges[0]).toMatchObject({ prompt: 'urge-notice', continued: true });
    const bad = edited((b) => Object.assign(firstRow(b, 'urges'), { prompt: 42 }));
    expect(parseBackup(bad, bad.length, NOW)).toMatchObject({ ok: false });
  });

  it('drops fields it does not know rather than storing them', () => {
    const text = edited((b) => (firstRow(b, 'urges').extra = '<script>'));
    const result = parseBackup(text, text.length, NOW);
    expect(result.ok).toBe(true);
    expect(result.ok && (result.backup.urges[0] as unknown as Record<string, unknown>).extra).toBeUndefined();
  });
});

describe('parseBackup: dates must be within reason', () => {
  // NOW is 2026-11-10 12:00 UTC: tomorrow ends at 2026-11-11 23:59:59.999 UTC.
  const refused: [string, string, string][] = [
    [
      'a past period closed in the year 275760',
      edited((b) => (firstRow(b, 'pastPeriods').closedAt = 8.64e15)),
      'past period 1 in “pastPeriods”, field “closedAt”: 275760-09-13 is after tomorrow',
    ],
    [
      'a past period that starts in the future',
      edited((b) => (firstRow(b, 'pastPeriods').startDate = '2026-11-12')),
      'past period 1 in “pastPeriods”, field “startDate”: 2026-11-12 is after tomorrow',
    ],
    [
      'a past period made in 1970',
      edited((b) => (firstRow(b, 'pastPeriods').createdAt = 0)),
      'past period 1 in “pastPeriods”, field “createdAt”: 1970-01-01 is before 2000',
    ],
    [
      'an urge the day after tomorrow',
      edited(
        (b) => ((b.urges as Record<string, unknown>[])[1] = { ...firstRow(b, 'urges'), id: 2, time: 1794441600000 }),
      ),
      'urge 2 in “urges”, field “time”: 2026-11-12 is after tomorrow',
    ],
    [
      'an urge on a day in 1999',
      edited((b) => (firstRow(b, 'urges').day = '1999-12-31')),
      'urge 1 in “urges”, field “day”: 1999-12-31 is before 2000',
    ],
    [
      'a letter edited in 2099',
      edited((b) => (firstRow(b, 'letters').updatedAt = Date.parse('2099-01-01T00:00:00Z'))),
      'letter 1 in “letters”, field “updatedAt”: 2099-01-01 is after tomorrow',
    ],
    [
      'a contact on a day next year',
      edited((b) => (firstRow(b, 'contacts').day = '2027-01-05')),
      'contact 1 in “contacts”, field “day”: 2027-01-05 is after tomorrow',
    ],
  ];

  it.each(refused)('refuses %s, naming the field', (_what, text, where) => {
    expect(parseBackup(text, text.length, NOW)).toEqual({
      ok: false,
      error: `This backup has a date that can’t be right: ${where}. Nothing was imported.`,
    });
  });

  it('accepts the last moment of tomorrow and the first of 2000', () => {
    const text = edited((b) => {
      firstRow(b, 'urges').time = 1794441599999;
      firstRow(b, 'urges').day = '2026-11-11';
      firstRow(b, 'letters').createdAt = Date.UTC(2000, 0, 1);
      firstRow(b, 'contacts').day = '2000-01-01';
    });
    expect(parseBackup(text, text.length, NOW).ok).toBe(true);
  });

  it('counts tomorrow from the time it is given', () => {
    const text = edited((b) => (firstRow(b, 'pastPeriods').startDate = '2026-11-12'));
    expect(parseBackup(text, text.length, Date.parse('2026-11-11T00:00:00Z')).ok).toBe(true);
  });
});

describe('import', () => {
  let db: BreathingRoomDb;
  beforeEach(async () => {
    db = new BreathingRoomDb(`test-import-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.delete();
  });

  const snapshot = () => deviceSnapshot(db);

  it('round-trips: a file replaced into an empty device exports as the same file', async () => {
    await importBackup(db, backup(), 'replace', LATER);
    const exported = await exportAll(db, NOW);
    // The file as written by hand, not the parsed backup the import was given; each record now
    // carries the stable id it was given on the way in.
    const file = JSON.parse(FILE) as Record<'urges' | 'letters' | 'contacts', object[]> & { settings: object };
    const withUids = (rows: object[]) => rows.map((row) => ({ ...row, uid: expect.stringMatching(UUID) }));
    expect(exported).toEqual({
      ...file,
      // The file is older than the messaging question, the person's plan and the people around
      // them: they export at their defaults, and the person with their id and no other names.
      settings: {
        ...file.settings,
        person: { id: 'them', otherNames: '', ...(file.settings as { person: object }).person },
        others: [],
        askOnMessaging: true,
        plans: [],
        calmNote: '',
      },
      urges: withUids(file.urges),
      letters: withUids(file.letters),
      contacts: withUids(file.contacts),
    });
    const text = JSON.stringify(exported);
    expect(parseBackup(text, text.length, NOW)).toEqual({ ok: true, backup: exported });
  });

  it('rebuilds the daily summaries from the imported log', async () => {
    await importBackup(db, backup(), 'replace', NOW);
    await catchUp(db.backendDB());
    const rows = await summariesForPeriod(db.backendDB(), 'p1');
    expect(rows).toEqual([expect.objectContaining({ day: '2026-11-02', total: 2, resisted: 1 })]);
  });

  it('replace leaves exactly the backup’s records, settings and period when no period runs', async () => {
    await db.urges.bulkAdd([urge(50), urge(51)]);
    const summary = await importBackup(db, backup(), 'replace', LATER);
    expect(summary.settingsRestored).toBe(true);
    expect((await db.urges.toArray()).map((u) => u.id)).toEqual([1, 2]);
    expect(await loadSettings()).toEqual(settings);
    expect(await loadPeriod()).toEqual(period);
  });

  it('while a period runs, replace keeps it and sends the backup’s weaker settings through the cool-off', async () => {
    const running: Period = { ...period, id: 'now', lengthDays: 60 };
    const strong: Settings = { ...settings, categories: { social: true, messaging: true } };
    await periodItem.setValue(running);
    await settingsItem.setValue(strong);
    const summary = await importBackup(db, backup({ period: null }), 'replace', NOW);
    expect(await loadPeriod()).toEqual(running);
    expect((await loadSettings()).categories).toEqual({ social: true, messaging: true });
    expect(summary.waiting).toEqual([
      expect.objectContaining({ change: { kind: 'category-off', category: 'messaging' } }),
    ]);
    expect(await loadPending()).toEqual(summary.waiting);
  });

  it('refuses, before writing anything, a backup that needs more rules than the browsers allow', async () => {
    await settingsItem.setValue(settings);
    const handles = (p: number) => Array.from({ length: 50 }, (_, i) => `instagram:friend${p}_${i}`).join('\n');
    const crowded: Settings = {
      ...settings,
      others: [1, 2, 3, 4, 5, 6, 7, 8].map((p) => ({
        id: `p${p}`,
        name: `Sam ${p}`,
        otherNames: '',
        profiles: handles(p),
      })),
    };
    await expect(importBackup(db, backup({ settings: crowded }), 'replace', NOW)).rejects.toBeInstanceOf(
      RuleBudgetError,
    );
    expect(await loadSettings()).toEqual(settings);
    expect(await db.urges.count()).toBe(0);
  });

  it('while a period runs, a backup of the same period can lengthen it but never shorten or end it', async () => {
    const running: Period = { ...period, lengthDays: 45 };
    await periodItem.setValue(running);
    await settingsItem.setValue(settings);
    await importBackup(db, backup({ period: { ...period, lengthDays: 60 } }), 'replace', NOW);
    expect(await loadPeriod()).toEqual({ ...running, lengthDays: 60 });
    await importBackup(db, backup({ period: { ...period, lengthDays: 30 } }), 'replace', NOW);
    expect(await loadPeriod()).toEqual({ ...running, lengthDays: 60 });
    expect(await loadPending()).toEqual([]);
  });

  it('a failure while writing leaves every table and every setting exactly as it was', async () => {
    await periodItem.setValue({ ...period, id: 'old', startDate: '2025-01-01', lengthDays: 30 });
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await db.urges.bulkAdd([urge(50), urge(51)]);
    await db.letters.add(letter(9));
    const before = await snapshot();
    // The disk fills up as the contacts are written, after the urges and letters went in.
    vi.spyOn(db.contacts, 'bulkAdd').mockRejectedValue(new DOMException('The disk is full.', 'QuotaExceededError'));
    for (const mode of ['replace', 'merge'] as const) {
      await expect(importBackup(db, backup(), mode, LATER)).rejects.toThrow(/disk is full/);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('writes in batches and says after each how many rows are written, of how many', async () => {
    const calls: [number, number][] = [];
    const big = backup({ urges: manyUrgesOf(1200) });
    await importBackup(db, big, 'merge', NOW, (written, total) => calls.push([written, total]));
    // 1,200 urges in batches of 500, then one letter, one contact and one past period.
    expect(ROWS_PER_BATCH).toBe(500);
    expect(calls).toEqual([
      [500, 1203],
      [1000, 1203],
      [1200, 1203],
      [1201, 1203],
      [1202, 1203],
      [1203, 1203],
    ]);
    expect(await db.urges.count()).toBe(1200);
  });

  it('a failure in a later batch leaves every table exactly as it was: the batches are one transaction', async () => {
    await db.urges.bulkAdd([urge(5000), urge(5001)]);
    await settingsItem.setValue(DEFAULT_SETTINGS);
    const before = await snapshot();
    const real = db.urges.bulkAdd.bind(db.urges);
    let batches = 0;
    vi.spyOn(db.urges, 'bulkAdd').mockImplementation(((rows: Urge[]) => {
      batches++;
      if (batches === 3) return Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
      return real(rows);
    }) as typeof db.urges.bulkAdd);
    for (const mode of ['replace', 'merge'] as const) {
      batches = 0;
      await expect(importBackup(db, backup({ urges: manyUrgesOf(1200) }), mode, LATER)).rejects.toThrow(/disk is full/);
      expect(batches).toBe(3);
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe('reading a backup file in slices', () => {
  it('sends a checked backup as its head and slices of rows, and puts it back together', () => {
    const big = backup({ urges: manyUrgesOf(1200) });
    const messages = [...backupMessages({ ok: true, backup: big })];
    expect(messages.map((m) => (m.kind === 'rows' ? `${m.list} ${m.rows.length}` : m.kind))).toEqual([
      'head',
      'urges 500',
      'urges 500',
      'urges 200',
      'letters 1',
      'contacts 1',
      'pastPeriods 1',
      'done',
    ]);
    expect(messages[0]).toEqual(expect.objectContaining({ kind: 'head', rows: 1203 }));
    const shares: number[] = [];
    const assembler = new BackupAssembler((share) => shares.push(share));
    const results = messages.map((m) => assembler.take(m));
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toEqual({ ok: true, backup: big });
    expect(shares.at(-1)).toBe(1);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it('refuses a backup whose slices did not all arrive', () => {
    const messages = [...backupMessages({ ok: true, backup: backup() })].filter(
      (m) => !(m.kind === 'rows' && m.list === 'letters'),
    );
    const assembler = new BackupAssembler();
    expect(messages.map((m) => assembler.take(m)).at(-1)).toEqual({
      ok: false,
      error: 'This backup could not be read completely. Please try again.',
    });
  });

  it('reads a file on this thread where there is no worker, with the same checks', async () => {
    const shares: number[] = [];
    const read = await readBackupFile(new Blob([FILE]), {
      now: NOW,
      onProgress: (s) => shares.push(s),
      createWorker: () => null,
    });
    expect(read.ok && read.backup.urges.map((u) => u.id)).toEqual([1, 2]);
    expect(read.ok && read.backup.pastPeriods.map((p) => p.closedAt)).toEqual([1788206400000]);
    expect(shares.at(-1)).toBe(1);
    const far = edited((b) => (firstRow(b, 'pastPeriods').closedAt = 8.64e15));
    expect(await readBackupFile(new Blob([far]), { now: NOW, createWorker: () => null })).toEqual({
      ok: false,
      error:
        'This backup has a date that can’t be right: past period 1 in “pastPeriods”, field “closedAt”: 275760-09-13 is after tomorrow. Nothing was imported.',
    });
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const huge = { size: MAX_BACKUP_BYTES + 1, text: vi.fn() } as unknown as Blob;
    const read = await readBackupFile(huge, { now: NOW, createWorker: () => null });
    expect(read.ok).toBe(false);
    expect(huge.text).not.toHaveBeenCalled();
  });
});

/** The file's urge 1, `count` times over with ids 1 to `count`, a minute apart. */
function manyUrgesOf(count: number): Urge[] {
  const first = backup().urges[0] as Urge;
  return Array.from({ length: count }, (_, i) => ({
    ...first,
    id: i + 1,
    uid: `many-${i + 1}`,
    time: first.time + i * 60_000,
  }));
}

describe('urges as CSV', () => {
  it('starts with a byte order mark and a header, with ISO times and CRLF line ends', () => {
    const csv = urgesCsv(backup().urges.slice(0, 1));
    expect(csv.startsWith('\uFEFFid,time_utc,local_day,local_hour,site,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toContain(
      ',2026-11-02T22:31:00.000Z,2026-11-02,22,www.instagram.com,person,profile,4,Can’t sleep,',
    );
  });

  it('says how each urge ended in the same neutral words as the pages: resisted, or went on', () => {
    const [, resisted, wentOn] = urgesCsv(backup().urges.slice(0, 2)).split('\r\n');
    expect(resisted).toContain(',resisted,');
    expect(wentOn).toContain(',went on,');
    expect(wentOn).not.toContain('gave');
  });

  it('quotes commas, quotes and line breaks so each urge stays one row', () => {
    const line = urgesCsv(backup().urges.slice(0, 1)).split('\r\n')[1] ?? '';
    expect(line).toContain('"Wanted to see if they posted, ""just once"", then didn’t.\nSecond line, with a comma."');
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['plain words', 'plain words'],
    ['', ''],
  ])('makes %j safe for a spreadsheet as %j', (text, cell) => expect(csvCell(text)).toBe(cell));

  it('writes numbers and empty values plainly', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});
