import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { csvCell, exportAll, urgesCsv } from '@/lib/backup/export';
import { BACKUP_VERSION, type Backup, MAX_BACKUP_BYTES, parseBackup } from '@/lib/backup/format';
import { importBackup } from '@/lib/backup/import';
import { loadPending } from '@/lib/lock/pending';
import type { Period } from '@/lib/period/period';
import { BreathingRoomDb } from '@/lib/records/db';
import { catchUp, summariesForPeriod } from '@/lib/records/summaries';
import type { Contact, Letter, PastPeriod, Urge } from '@/lib/records/types';
import {
  DEFAULT_SETTINGS,
  loadPeriod,
  loadSettings,
  periodItem,
  type Settings,
  settingsItem,
} from '@/lib/settings/settings';

const NOW = Date.parse('2026-11-10T12:00:00Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const period: Period = { id: 'p1', startDate: '2026-11-01', lengthDays: 45, createdAt: 1, coolOffHours: 24 };

const urge = (id: number, over: Partial<Urge> = {}): Urge => ({
  id,
  uid: `urge-${id}`,
  time: Date.parse('2026-11-02T22:30:00Z') + id * 60_000,
  day: '2026-11-02',
  hour: 22,
  weekday: 1,
  host: 'www.instagram.com',
  category: 'person',
  context: 'profile',
  intensity: 4,
  trigger: 'cant-sleep',
  note: 'Wanted to see if they posted, "just once", then didn’t.\nSecond line, with a comma.',
  outcome: 'resisted',
  answer: '',
  periodId: 'p1',
  ...over,
});
const letter = (id: number): Letter => ({
  id,
  uid: `letter-${id}`,
  createdAt: 10 + id,
  updatedAt: 20 + id,
  body: `Letter ${id}: everything I would have said. ✉️`,
  host: 'web.whatsapp.com',
  periodId: 'p1',
});
const contact = (id: number): Contact => ({
  id,
  uid: `contact-${id}`,
  time: 30 + id,
  day: '2026-11-03',
  kind: 'they-reached-out',
  startedBy: 'them',
  howItWent: null,
  note: 'Did not answer.',
  periodId: 'p1',
});
const past: PastPeriod = {
  id: 'p0',
  startDate: '2026-08-01',
  lengthDays: 30,
  createdAt: 0,
  closedAt: 5,
  closedHow: 'moved-on',
  readiness: { ticked: 4, of: 6 },
};
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  categories: { social: true, messaging: false },
  person: { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' },
  customSites: [{ host: 'example.com', path: '/', label: 'example.com' }],
};

function backup(over: Partial<Backup> = {}): Backup {
  return {
    format: 'breathing-room-export',
    version: BACKUP_VERSION,
    exportedAt: '2026-11-10T12:00:00.000Z',
    settings,
    period,
    urges: [urge(1), urge(2, { outcome: 'gave-in', trigger: null, intensity: null })],
    letters: [letter(1)],
    contacts: [contact(1)],
    pastPeriods: [past],
    ...over,
  };
}
const good = JSON.stringify(backup());

/** A row as a backup made before stable ids holds it. */
function oldRow<T extends { uid?: string }>(row: T): Omit<T, 'uid'> {
  const { uid: _uid, ...rest } = row;
  return rest;
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
      'the same stable id on two urges',
      edited((b) => ((b.urges as Record<string, unknown>[])[1] = { ...firstRow(b, 'urges'), id: 2 })),
      /urge uid urge-1 twice in “urges”/,
    ],
    [
      'the same stable id on two letters',
      edited((b) => (b.letters = [firstRow(b, 'letters'), { ...firstRow(b, 'letters'), id: 2 }])),
      /letter uid letter-1 twice/,
    ],
    ['a stable id that is a number', edited((b) => (firstRow(b, 'contacts').uid = 7)), /field “uid” should be text/],
    ['an empty stable id', edited((b) => (firstRow(b, 'urges').uid = '')), /field “uid” is out of range/],
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
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses a file over 50 MB before reading it', () => {
    const result = parseBackup(good, MAX_BACKUP_BYTES + 1);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/50\.0 MB.*at most 50 MB/) });
  });

  it('reads a good file, with or without a byte order mark', () => {
    expect(parseBackup(good)).toEqual({ ok: true, backup: backup() });
    expect(parseBackup(`\uFEFF${good}`).ok).toBe(true);
  });

  it('reads a version 1 file, made before the cool-off existed', () => {
    const v1 = edited((b) => {
      b.version = 1;
      delete (b.period as Partial<Period>).coolOffHours;
    });
    const result = parseBackup(v1);
    expect(result.ok && result.backup.period).toEqual(period);
  });

  it('reads a file made before stable ids, with none on its rows', () => {
    const old = backup({ urges: [oldRow(urge(1))], letters: [oldRow(letter(1))], contacts: [oldRow(contact(1))] });
    const result = parseBackup(JSON.stringify(old));
    expect(result).toEqual({ ok: true, backup: old });
    expect(result.ok && [...result.backup.urges, ...result.backup.letters, ...result.backup.contacts]).toEqual(
      [expect.not.objectContaining({ uid: expect.anything() })].concat(
        Array(2).fill(expect.not.objectContaining({ uid: expect.anything() })),
      ),
    );
  });

  it('drops fields it does not know rather than storing them', () => {
    const result = parseBackup(edited((b) => (firstRow(b, 'urges').extra = '<script>')));
    expect(result.ok && (result.backup.urges[0] as unknown as Record<string, unknown>).extra).toBeUndefined();
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

  /** Everything on this "device": settings, period, and every table. */
  async function snapshot() {
    return {
      settings: await loadSettings(),
      period: await loadPeriod(),
      pending: await loadPending(),
      urges: await db.urges.toArray(),
      letters: await db.letters.toArray(),
      contacts: await db.contacts.toArray(),
      periods: await db.periods.toArray(),
    };
  }

  it('round-trips: export, then replace into an empty device, gives back the same data', async () => {
    const source = backup();
    await importBackup(db, source, 'replace', Date.parse('2027-06-01T00:00:00Z'));
    const exported = await exportAll(db, Date.parse(source.exportedAt));
    expect(exported).toEqual(source);
    const again = parseBackup(JSON.stringify(exported));
    expect(again).toEqual({ ok: true, backup: source });
  });

  it('rebuilds the daily summaries from the imported log', async () => {
    await importBackup(db, backup(), 'replace', NOW);
    await catchUp(db.backendDB());
    const rows = await summariesForPeriod(db.backendDB(), 'p1');
    expect(rows).toEqual([expect.objectContaining({ day: '2026-11-02', total: 2, resisted: 1 })]);
  });

  it('merges record by record: keeps what is here, adds only what is missing, and keeps this device’s settings', async () => {
    const mine = { ...urge(1), note: 'My own note for urge 1' };
    await db.urges.add(mine);
    await db.letters.add(letter(7));
    await settingsItem.setValue(DEFAULT_SETTINGS);
    const summary = await importBackup(db, backup(), 'merge', NOW);
    expect(summary.added).toEqual({ urges: 1, letters: 1, contacts: 1, pastPeriods: 1 });
    expect(summary.skipped).toBe(1);
    expect(summary.settingsRestored).toBe(false);
    expect(await db.urges.get(1)).toEqual(mine);
    // The backup's letter is new here: it is added under this device's next number.
    expect((await db.letters.toArray()).map((l) => [l.id, l.uid])).toEqual([
      [7, 'letter-7'],
      [8, 'letter-1'],
    ]);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    // A second merge of the same file adds nothing.
    expect((await importBackup(db, backup(), 'merge', NOW)).added).toEqual({
      urges: 0,
      letters: 0,
      contacts: 0,
      pastPeriods: 0,
    });
  });

  it('replace leaves exactly the backup’s records, settings and period when no period runs', async () => {
    await db.urges.bulkAdd([urge(50), urge(51)]);
    const summary = await importBackup(db, backup(), 'replace', Date.parse('2027-06-01T00:00:00Z'));
    expect(summary.settingsRestored).toBe(true);
    expect((await db.urges.toArray()).map((u) => u.id)).toEqual([1, 2]);
    expect(await loadSettings()).toEqual(settings);
    expect(await loadPeriod()).toEqual(period);
  });

  it('merges a backup from another browser whose row numbers collide with this one’s: every record is added', async () => {
    // This device: three urges, a letter and a contact of its own, numbered 1, 2, 3 and 1.
    const mine = [1, 2, 3].map((id) => urge(id, { uid: `mine-${id}`, time: urge(id).time + 3_600_000 }));
    await db.urges.bulkAdd(mine);
    await db.letters.add({ ...letter(1), uid: 'my-letter', createdAt: 900 });
    await db.contacts.add({ ...contact(1), uid: 'my-contact', time: 900 });
    // The other browser numbered its own records 1 and 2 as well.
    const theirs = backup();
    const first = await importBackup(db, theirs, 'merge', NOW);
    expect(first.added).toEqual({ urges: 2, letters: 1, contacts: 1, pastPeriods: 1 });
    expect(first.skipped).toBe(0);
    const urges = await db.urges.orderBy('id').toArray();
    // Mine untouched; theirs after them, under this device's next numbers, with their stable ids.
    expect(urges.slice(0, 3)).toEqual(mine);
    expect(urges.slice(3)).toEqual([
      { ...theirs.urges[0], id: 4 },
      { ...theirs.urges[1], id: 5 },
    ]);
    expect((await db.letters.toArray()).map((l) => l.uid)).toEqual(['my-letter', 'letter-1']);
    expect((await db.contacts.toArray()).map((c) => c.uid)).toEqual(['my-contact', 'contact-1']);
    // The same file again adds nothing, and says every record was already here.
    const before = await snapshot();
    const second = await importBackup(db, theirs, 'merge', NOW);
    expect(second.added).toEqual({ urges: 0, letters: 0, contacts: 0, pastPeriods: 0 });
    expect(second.skipped).toBe(5);
    expect(await snapshot()).toEqual(before);
    // The daily summaries count every urge, theirs and mine.
    await catchUp(db.backendDB());
    const rows = await summariesForPeriod(db.backendDB(), 'p1');
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(5);
  });

  it('merges an old backup, made before stable ids, by what each record was when it was made', async () => {
    // Urge 2 of the old file is already here: made on this device, under another number, and its
    // note edited since. Urge 1 is not.
    const here = { ...urge(2, { outcome: 'gave-in', trigger: null, intensity: null }), id: 40, uid: 'here-2' };
    await db.urges.add({ ...here, note: 'Edited after the backup was made' });
    await db.letters.add({ ...letter(1), id: 9, uid: 'here-letter', body: 'Longer now' });
    const old = backup({
      urges: backup().urges.map(oldRow),
      letters: backup().letters.map(oldRow),
      contacts: backup().contacts.map(oldRow),
    });
    const first = await importBackup(db, old, 'merge', NOW);
    expect(first.added).toEqual({ urges: 1, letters: 0, contacts: 1, pastPeriods: 1 });
    expect(first.skipped).toBe(2);
    // What was here stays as it is; what is new gets a stable id of its own.
    expect(await db.urges.get(40)).toEqual({ ...here, note: 'Edited after the backup was made' });
    expect(await db.letters.toArray()).toEqual([{ ...letter(1), id: 9, uid: 'here-letter', body: 'Longer now' }]);
    const added = await db.urges.where('id').notEqual(40).toArray();
    expect(added).toEqual([{ ...urge(1), id: 41, uid: expect.stringMatching(UUID) }]);
    expect(await db.contacts.toArray()).toEqual([{ ...contact(1), uid: expect.stringMatching(UUID) }]);
    // Again: nothing more.
    const second = await importBackup(db, old, 'merge', NOW);
    expect(second.added).toEqual({ urges: 0, letters: 0, contacts: 0, pastPeriods: 0 });
    expect(second.skipped).toBe(5);
    // And a new backup of the same records, now carrying stable ids, adds nothing either.
    const fresh = await importBackup(db, backup(), 'merge', NOW);
    expect(fresh.added).toEqual({ urges: 0, letters: 0, contacts: 0, pastPeriods: 0 });
  });

  it('replace with an old backup gives every record a stable id of its own', async () => {
    const old = backup({ urges: backup().urges.map(oldRow), contacts: backup().contacts.map(oldRow) });
    await importBackup(db, old, 'replace', Date.parse('2027-06-01T00:00:00Z'));
    const urges = await db.urges.toArray();
    expect(urges).toEqual(old.urges.map((u) => ({ ...u, uid: expect.stringMatching(UUID) })));
    expect(new Set(urges.map((u) => u.uid)).size).toBe(2);
    expect((await db.contacts.toArray())[0]?.uid).toMatch(UUID);
    expect((await db.letters.toArray())[0]?.uid).toBe('letter-1');
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
      await expect(importBackup(db, backup(), mode, Date.parse('2027-06-01T00:00:00Z'))).rejects.toThrow(
        /disk is full/,
      );
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe('urges as CSV', () => {
  it('starts with a byte order mark and a header, with ISO times and CRLF line ends', () => {
    const csv = urgesCsv([urge(1)]);
    expect(csv.startsWith('\uFEFFid,time_utc,local_day,local_hour,site,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toContain(
      ',2026-11-02T22:31:00.000Z,2026-11-02,22,www.instagram.com,person,profile,4,Can’t sleep,',
    );
  });

  it('quotes commas, quotes and line breaks so each urge stays one row', () => {
    const line = urgesCsv([urge(1)]).split('\r\n')[1] ?? '';
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
