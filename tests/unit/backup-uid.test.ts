import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_VERSION, type Backup, parseBackup } from '@/lib/backup/format';
import { importBackup } from '@/lib/backup/import';
import type { Period } from '@/lib/period/period';
import { BreathingRoomDb } from '@/lib/records/db';
import { catchUp, summariesForPeriod } from '@/lib/records/summaries';
import type { Contact, Letter, PastPeriod, Urge } from '@/lib/records/types';
import { DEFAULT_SETTINGS, loadSettings, type Settings, settingsItem } from '@/lib/settings/settings';
import { deviceSnapshot } from './device';

// Stable record ids (`uid`) in a backup: how a file carries them, and how a merge matches on them
// so that a backup from another browser, whose row numbers collide with this one's, loses nothing.

const NOW = Date.parse('2026-11-10T12:00:00Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Real moments: a backup dated before 2000 is refused. */
const NOV_3 = Date.parse('2026-11-03T08:00:00Z');
const period: Period = {
  id: 'p1',
  startDate: '2026-11-01',
  lengthDays: 45,
  createdAt: Date.parse('2026-11-01T08:00:00Z'),
  coolOffHours: 24,
};

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
  createdAt: NOV_3 + 10 + id,
  updatedAt: NOV_3 + 20 + id,
  body: `Letter ${id}: everything I would have said. ✉️`,
  host: 'web.whatsapp.com',
  periodId: 'p1',
});
const contact = (id: number): Contact => ({
  id,
  uid: `contact-${id}`,
  time: NOV_3 + 30 + id,
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
  createdAt: Date.parse('2026-08-01T08:00:00Z'),
  closedAt: Date.parse('2026-08-31T08:00:00Z'),
  closedHow: 'moved-on',
  readiness: { ticked: 4, of: 6 },
};
const settings: Settings = {
  ...DEFAULT_SETTINGS,
  categories: { social: true, messaging: false },
  person: { id: 'them', otherNames: '', name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' },
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

describe('parseBackup: stable ids', () => {
  it.each<[string, string, RegExp]>([
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
  ])('refuses %s', (_what, text, message) => {
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
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
});

describe('merging on stable ids', () => {
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

  it('merges a backup from another browser whose row numbers collide with this one’s: every record is added', async () => {
    // This device: three urges, a letter and a contact of its own, numbered 1, 2, 3 and 1.
    const mine = [1, 2, 3].map((id) => urge(id, { uid: `mine-${id}`, time: urge(id).time + 3_600_000 }));
    await db.urges.bulkAdd(mine);
    await db.letters.add({ ...letter(1), uid: 'my-letter', createdAt: NOV_3 + 900 });
    await db.contacts.add({ ...contact(1), uid: 'my-contact', time: NOV_3 + 900 });
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
});
