import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BreathingRoomDb, SCHEMA_HISTORY } from '@/lib/records/db';
import { loadInsights, loadPopupStats } from '@/lib/records/stats';

/**
 * The schemas as they shipped, copied here on purpose: if a step in `SCHEMA_HISTORY` is ever
 * edited, the first test fails, and the upgrade tests below still build databases exactly the way
 * users' browsers did.
 */
const SHIPPED: Record<number, Record<string, string>> = {
  1: { urges: '++id, time, day, outcome, [outcome+time], periodId' },
  2: { letters: '++id, updatedAt' },
  3: {
    urges:
      '++id, time, day, [outcome+time], [outcome+day], [day+outcome], periodId, [periodId+outcome], [periodId+weekday+hour], [periodId+trigger], [periodId+host]',
    contacts: '++id, time, [kind+time], periodId',
    periods: 'id, closedAt',
  },
  4: {
    urges: '++id, time, day, [outcome+time], periodId',
    summaries: '[periodId+day], day',
    meta: 'key',
  },
};

/** A stable id made by `crypto.randomUUID()`. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const anyUid = { uid: expect.stringMatching(UUID) };

/** A database made by an earlier release: its schema steps only, with no later code. */
function shippedDb(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) db.version(v).stores(SHIPPED[v] ?? {});
  return db;
}

// Realistic rows, as each release wrote them.
const v1Urges = [
  {
    time: Date.parse('2026-09-03T23:40:00Z'),
    day: '2026-09-03',
    hour: 23,
    weekday: 4,
    host: 'www.instagram.com',
    category: 'social',
    context: 'profile',
    intensity: 5,
    trigger: 'cant-sleep',
    note: 'Their story again. Put the phone down. 🌙',
    outcome: 'resisted',
    periodId: 'p-sep',
  },
  {
    time: Date.parse('2026-09-04T08:05:00Z'),
    day: '2026-09-04',
    hour: 8,
    weekday: 5,
    host: 'web.whatsapp.com',
    category: 'messaging',
    context: 'messaging',
    intensity: null,
    trigger: null,
    note: '',
    outcome: 'gave-in',
    periodId: 'p-sep',
  },
];
const v2Letter = {
  createdAt: Date.parse('2026-09-05T01:00:00Z'),
  updatedAt: Date.parse('2026-09-05T01:20:00Z'),
  body: 'I wanted to tell you about the new job.\n\nI won’t send this.',
  host: 'web.whatsapp.com',
  periodId: 'p-sep',
};
const v3Contact = {
  time: Date.parse('2026-09-10T18:00:00Z'),
  day: '2026-09-10',
  kind: 'they-reached-out',
  startedBy: 'them',
  howItWent: null,
  note: 'A birthday message. I did not answer.',
  periodId: 'p-sep',
};
const v3Past = {
  id: 'p-jul',
  startDate: '2026-07-01',
  lengthDays: 30,
  createdAt: Date.parse('2026-07-01T09:00:00Z'),
  closedAt: Date.parse('2026-07-31T21:00:00Z'),
  closedHow: 'moved-on',
  readiness: { ticked: 5, of: 6 },
};

let name = '';
afterEach(async () => {
  await Dexie.delete(name);
});

describe('database migrations', () => {
  it('keeps every shipped schema step unchanged', () => {
    expect(SCHEMA_HISTORY.map((s) => s.version)).toEqual([1, 2, 3, 4, 5]);
    for (const [version, stores] of Object.entries(SHIPPED)) {
      const step = SCHEMA_HISTORY.find((s) => s.version === Number(version));
      const normal = (schema: Record<string, string | null>) =>
        Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, v?.replace(/\s+/g, ' ')]));
      expect(normal(step?.stores ?? {})).toEqual(normal(stores));
    }
  });

  it('opens a version 3 database (the previous release) with every row intact and readable', async () => {
    name = 'migrate-from-3';
    const old = shippedDb(name, 3);
    const urgeIds = await old.table('urges').bulkAdd(
      v1Urges.map((u) => ({ ...u, answer: 'Because I miss them' })),
      {
        allKeys: true,
      },
    );
    const letterId = await old.table('letters').add(v2Letter);
    const contactId = await old.table('contacts').add(v3Contact);
    await old.table('periods').add(v3Past);
    old.close();

    const db = new BreathingRoomDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.urges.toArray()).toEqual(
      v1Urges.map((u, i) => ({ ...u, answer: 'Because I miss them', id: urgeIds[i], ...anyUid })),
    );
    expect(await db.letters.get(letterId as number)).toEqual({ ...v2Letter, id: letterId, ...anyUid });
    expect(await db.contacts.get(contactId as number)).toEqual({ ...v3Contact, id: contactId, ...anyUid });
    expect(await db.periods.get('p-jul')).toEqual(v3Past);
    // Readable through the new indexes, and counted by the views.
    expect(await db.urges.where('day').equals('2026-09-03').count()).toBe(1);
    expect(await db.urges.where('[outcome+time]').between(['resisted', 0], ['resisted', Infinity]).count()).toBe(1);
    const insights = await loadInsights(db.backendDB(), { id: 'p-sep', startDate: '2026-09-01' }, '2026-09-30');
    expect([insights.total, insights.resisted]).toEqual([2, 1]);
    const popup = await loadPopupStats(db.backendDB(), '2026-09-04', 'p-sep');
    expect([popup.today, popup.periodTotal, popup.lastGaveInDay, popup.lastContactDay]).toEqual([
      1,
      2,
      '2026-09-04',
      null,
    ]);
    db.close();
  });

  it('opens a version 1 database, adding the typed answer to each urge and keeping everything else', async () => {
    name = 'migrate-from-1';
    const old = shippedDb(name, 1);
    await old.table('urges').bulkAdd(v1Urges);
    old.close();

    const db = new BreathingRoomDb(name);
    await db.open();
    const urges = await db.urges.orderBy('time').toArray();
    expect(urges.map(({ id: _id, ...u }) => u)).toEqual(v1Urges.map((u) => ({ ...u, answer: '', ...anyUid })));
    // The tables later releases added are there and usable.
    await db.contacts.add({ ...v3Contact, kind: 'contact' } as never);
    expect(await db.contacts.count()).toBe(1);
    db.close();
  });

  it('opens a version 2 database with its letters', async () => {
    name = 'migrate-from-2';
    const old = shippedDb(name, 2);
    await old.table('urges').add({ ...v1Urges[0], answer: '' });
    const letterId = await old.table('letters').add(v2Letter);
    old.close();

    const db = new BreathingRoomDb(name);
    await db.open();
    expect(await db.letters.get(letterId as number)).toEqual({ ...v2Letter, id: letterId, ...anyUid });
    expect(await db.urges.count()).toBe(1);
    db.close();
  });

  it('opens a version 4 database (the previous release), giving every urge, letter and contact its own stable id', async () => {
    name = 'migrate-from-4';
    const old = shippedDb(name, 4);
    const urgeIds = (await old.table('urges').bulkAdd(
      v1Urges.map((u) => ({ ...u, answer: '' })),
      { allKeys: true },
    )) as number[];
    const letterId = await old.table('letters').add(v2Letter);
    const contactId = await old.table('contacts').add(v3Contact);
    await old.table('periods').add(v3Past);
    old.close();

    const db = new BreathingRoomDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    const urges = await db.urges.orderBy('id').toArray();
    // Everything as it was, with one stable id more.
    expect(urges).toEqual(v1Urges.map((u, i) => ({ ...u, answer: '', id: urgeIds[i], ...anyUid })));
    const letter = await db.letters.get(letterId as number);
    const contact = await db.contacts.get(contactId as number);
    expect(letter).toEqual({ ...v2Letter, id: letterId, ...anyUid });
    expect(contact).toEqual({ ...v3Contact, id: contactId, ...anyUid });
    // Past periods keep their own id, the period's random UUID, and gain nothing.
    expect(await db.periods.get('p-jul')).toEqual(v3Past);
    // Each id is its own, and the index finds a record by it.
    const uids = [...urges.map((u) => u.uid), letter?.uid, contact?.uid];
    expect(new Set(uids).size).toBe(4);
    expect(
      (
        await db.urges
          .where('uid')
          .equals(urges[1]?.uid ?? '')
          .first()
      )?.id,
    ).toBe(urgeIds[1]);
    expect(
      (
        await db.letters
          .where('uid')
          .equals(letter?.uid ?? '')
          .first()
      )?.id,
    ).toBe(letterId);
    expect(
      (
        await db.contacts
          .where('uid')
          .equals(contact?.uid ?? '')
          .first()
      )?.id,
    ).toBe(contactId);
    // The index is unique: a second record with a taken stable id is refused (under a free row number).
    await expect(db.urges.add({ ...urges[0], id: 99, uid: urges[1]?.uid } as never)).rejects.toThrow(
      /ConstraintError|uniqueness/i,
    );
    await expect(db.letters.add({ ...v2Letter, id: 99, uid: letter?.uid } as never)).rejects.toThrow(
      /ConstraintError|uniqueness/i,
    );
    await expect(db.contacts.add({ ...v3Contact, id: 99, uid: contact?.uid } as never)).rejects.toThrow(
      /ConstraintError|uniqueness/i,
    );
    db.close();
  });
});
