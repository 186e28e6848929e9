import { afterEach, describe, expect, it } from 'vitest';
import { startPeriod } from '@/lib/period/store';
import { closePeriod } from '@/lib/period/way-out';
import { addContact, contactsSeen, listContacts } from '@/lib/records/contacts';
import { BreathingRoomDb } from '@/lib/records/db';
import { openExisting } from '@/lib/records/idb-lite';
import { addLetter, deleteLetter, restoreLetter, saveLetter } from '@/lib/records/letters';
import { newContact, newUrge } from '@/lib/records/new-records';
import { archivePeriod, listPastPeriods } from '@/lib/records/periods';
import { DB_NAME, idbVersion, SCHEMA_VERSION } from '@/lib/records/schema';
import { addUrge, deleteUrge, getUrge, restoreUrge, updateUrge } from '@/lib/records/urges';
import { loadPeriod } from '@/lib/settings/settings';

/**
 * The per-kind modules are the only way into the database: the pages through Dexie, the popup
 * through its lean raw-IndexedDB handle. Both must write the same rows, by the same function.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ZONE = 'Europe/London';

let n = 0;
const opened: BreathingRoomDb[] = [];
const lean: IDBDatabase[] = [];

/** A fresh database, open both ways: Dexie for the pages, raw IndexedDB for the popup. */
async function fresh() {
  const name = `test-records-${n++}`;
  const db = new BreathingRoomDb(name);
  opened.push(db);
  await db.open();
  const raw = await openExisting(name);
  if (!raw) throw new Error('expected the database');
  lean.push(raw);
  return { db, raw, name };
}

afterEach(async () => {
  for (const raw of lean.splice(0)) raw.close();
  for (const db of opened.splice(0)) await db.delete();
});

const urgeAt = (time: number, host = 'www.instagram.com') =>
  newUrge({ time, host, category: 'social', context: 'feed', periodId: 'p1' }, ZONE);

const period = {
  id: '7b0d6c1e-2f43-4a57-9c1d-0e6f1a2b3c4d',
  startDate: '2026-09-01',
  lengthDays: 30,
  createdAt: Date.parse('2026-09-01T08:00:00Z'),
  coolOffHours: 24,
};

describe('one schema', () => {
  it('the lean handle opens the version Dexie made, and nothing older', async () => {
    const { db, raw } = await fresh();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(raw.version).toBe(idbVersion(SCHEMA_VERSION));
    expect(db.backendDB().version).toBe(raw.version);
    // A database still on the previous schema waits for Dexie to upgrade it: no numbers, no writes.
    const name = `test-records-old-${n++}`;
    const old = new BreathingRoomDb(name, SCHEMA_VERSION - 1);
    opened.push(old);
    await old.open();
    old.close();
    expect(await openExisting(name)).toBeNull();
    expect(DB_NAME).toBe('breathing-room');
  });
});

describe('urges', () => {
  it('are added the same way through Dexie and the lean handle, each with its own stable id', async () => {
    const { db, raw } = await fresh();
    const t = Date.parse('2026-09-03T22:00:00Z');
    const viaPages = await addUrge(urgeAt(t), db);
    const viaPopup = await addUrge(urgeAt(t + 60_000, ''), raw);
    const a = await getUrge(viaPages, db);
    const b = await getUrge(viaPopup, db);
    expect(a).toEqual({ ...urgeAt(t), id: viaPages, uid: expect.stringMatching(UUID) });
    expect(b).toEqual({ ...urgeAt(t + 60_000, ''), id: viaPopup, uid: expect.stringMatching(UUID) });
    expect(a?.uid).not.toBe(b?.uid);
  });

  it('keep their stable id through an edit, a delete and an undo', async () => {
    const { db } = await fresh();
    const id = await addUrge(urgeAt(Date.parse('2026-09-03T22:00:00Z')), db);
    const made = await getUrge(id, db);
    await updateUrge(id, { note: 'after the song', outcome: 'gave-in' }, db);
    const deleted = await deleteUrge(id, db);
    expect(await getUrge(id, db)).toBeUndefined();
    if (!deleted) throw new Error('expected the deleted urge');
    await restoreUrge(deleted, db);
    // Undo pressed twice still leaves one urge.
    await restoreUrge(deleted, db);
    expect(await db.urges.toArray()).toEqual([{ ...made, note: 'after the song', outcome: 'gave-in' }]);
  });
});

describe('letters', () => {
  it('keep their stable id through a delete and an undo', async () => {
    const { db } = await fresh();
    const id = await addLetter({ host: '', periodId: 'p1' }, 1000, db);
    await saveLetter(id, 'Dear J,', 2000, db);
    const written = await db.letters.get(id);
    expect(written?.uid).toMatch(UUID);
    const deleted = await deleteLetter(id, db);
    if (!deleted) throw new Error('expected the deleted letter');
    await restoreLetter(deleted, db);
    expect(await db.letters.toArray()).toEqual([written]);
  });
});

describe('contacts', () => {
  it('are added the same way through Dexie and the lean handle, and listed newest first', async () => {
    const { db, raw } = await fresh();
    const first = newContact(
      { time: Date.parse('2026-11-20T22:00:00Z'), kind: 'contact', startedBy: 'me', periodId: 'p1' },
      ZONE,
    );
    const second = newContact(
      { time: Date.parse('2026-11-21T09:00:00Z'), kind: 'they-reached-out', startedBy: 'them', periodId: 'p1' },
      ZONE,
    );
    const a = await addContact(first, db);
    const b = await addContact(second, raw);
    const { rows: listed, skipped } = await listContacts(10, db);
    expect(skipped).toBe(0);
    expect(listed).toEqual([
      { ...second, id: b, uid: expect.stringMatching(UUID) },
      { ...first, id: a, uid: expect.stringMatching(UUID) },
    ]);
    expect(listed[0]?.uid).not.toBe(listed[1]?.uid);
  });

  it('say which kinds of contact are on record in a period, for the words the pause page may show', async () => {
    const { db } = await fresh();
    const at = (iso: string) => Date.parse(iso);
    expect(await contactsSeen('p1', db)).toEqual({ any: false, fromThem: false, fromMe: false });
    // Their message, unanswered, in another period: nothing in this one.
    await addContact(
      newContact({ time: at('2026-11-01T10:00:00Z'), kind: 'they-reached-out', startedBy: 'them', periodId: 'p0' }),
      db,
    );
    expect(await contactsSeen('p1', db)).toEqual({ any: false, fromThem: false, fromMe: false });
    expect(await contactsSeen(null, db)).toEqual({ any: true, fromThem: true, fromMe: false });
    await addContact(
      newContact({ time: at('2026-11-20T22:00:00Z'), kind: 'contact', startedBy: 'me', periodId: 'p1' }),
      db,
    );
    expect(await contactsSeen('p1', db)).toEqual({ any: true, fromThem: false, fromMe: true });
    // They wrote and the person replied: contact, started by them.
    await addContact(
      newContact({ time: at('2026-11-21T09:00:00Z'), kind: 'contact', startedBy: 'them', periodId: 'p1' }),
      db,
    );
    expect(await contactsSeen('p1', db)).toEqual({ any: true, fromThem: true, fromMe: true });
  });
});

describe('past periods', () => {
  it('are archived once per period, through Dexie or the lean handle, the newest closing kept', async () => {
    const { db, raw } = await fresh();
    const early = closePeriod(period, 'moved-on', { ticked: 3, of: 7 }, Date.parse('2026-09-20T10:00:00Z'));
    const later = closePeriod(period, 'reconnected', null, Date.parse('2026-09-21T10:00:00Z'));
    await archivePeriod(early, db);
    // Closing the same period again (the cool-off finishing it, or a retry) replaces its record.
    await archivePeriod(later, raw);
    expect(await db.periods.toArray()).toEqual([later]);
    await archivePeriod(early, db);
    expect(await db.periods.toArray()).toEqual([early]);
  });

  it('are listed newest first with the urges noted in each', async () => {
    const { db } = await fresh();
    await archivePeriod(closePeriod({ ...period, id: 'p1' }, 'moved-on', null, Date.parse('2026-10-02T10:00:00Z')), db);
    await archivePeriod(closePeriod({ ...period, id: 'p0' }, 'moved-on', null, Date.parse('2026-10-01T10:00:00Z')), db);
    await addUrge(urgeAt(Date.parse('2026-09-03T22:00:00Z')), db);
    await addUrge({ ...urgeAt(Date.parse('2026-09-04T22:00:00Z')), outcome: 'gave-in' }, db);
    const { rows: listed, skipped } = await listPastPeriods(db);
    expect(skipped).toBe(0);
    expect(listed.map((p) => [p.id, p.urges, p.resisted])).toEqual([
      ['p1', 2, 1],
      ['p0', 0, 0],
    ]);
  });
});

describe('a period’s stable id', () => {
  it('is made when the period starts, a new one each time, and keys its past-period record', async () => {
    const { db } = await fresh();
    const first = await startPeriod({ startDate: '2026-09-01', lengthDays: 30, coolOffHours: 24 }, 1);
    expect(first.id).toMatch(UUID);
    const second = await startPeriod({ startDate: '2026-10-01', lengthDays: 30, coolOffHours: 24 }, 2);
    expect(second.id).toMatch(UUID);
    expect(second.id).not.toBe(first.id);
    expect(await loadPeriod()).toEqual(second);
    await archivePeriod(closePeriod(second, 'moved-on', null, 3), db);
    expect((await db.periods.get(second.id))?.startDate).toBe('2026-10-01');
  });
});
