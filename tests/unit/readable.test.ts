import { afterEach, describe, expect, it } from 'vitest';
import { BreathingRoomDb } from '@/lib/records/db';
import {
  readableContact,
  readableLetter,
  readablePastPeriod,
  readableRows,
  readableUrge,
  skippedWords,
} from '@/lib/records/readable';
import { catchUp, summariesForPeriod } from '@/lib/records/summaries';

/** Rows as they are stored, written out by hand. */
const URGE = {
  id: 7,
  time: 1793658660000,
  day: '2026-11-02',
  hour: 22,
  weekday: 1,
  host: 'www.instagram.com',
  category: 'person',
  context: 'profile',
  intensity: 4,
  trigger: 'cant-sleep',
  note: 'Wanted to look.',
  outcome: 'resisted',
  answer: '',
  periodId: 'p1',
};
const LETTER = { id: 1, createdAt: 1793692800000, updatedAt: 1793697300000, body: 'Dear…', host: '', periodId: null };
const CONTACT = {
  id: 1,
  time: 1793735100000,
  day: '2026-11-03',
  kind: 'contact',
  startedBy: 'me',
  howItWent: 'mixed',
  note: '',
  periodId: 'p1',
};
const PAST = {
  id: 'p0',
  startDate: '2026-08-01',
  lengthDays: 30,
  createdAt: 1785574800000,
  closedAt: 1788206400000,
  closedHow: 'moved-on',
  readiness: { ticked: 4, of: 6 },
};

describe('readable rows', () => {
  it('reads rows as the extension writes them', () => {
    expect(readableUrge(URGE)).toBe(true);
    expect(readableUrge({ ...URGE, answer: undefined, intensity: null, trigger: null, periodId: null })).toBe(true);
    expect(readableLetter(LETTER)).toBe(true);
    expect(readableContact(CONTACT)).toBe(true);
    expect(readablePastPeriod(PAST)).toBe(true);
    expect(readablePastPeriod({ ...PAST, readiness: null })).toBe(true);
  });

  it.each([
    ['a time in the year 275760', { ...URGE, time: 8.64e15 }],
    ['a time of NaN', { ...URGE, time: Number.NaN }],
    ['a time before 2000', { ...URGE, time: 0 }],
    ['a time as text', { ...URGE, time: 'yesterday' }],
    ['an impossible day', { ...URGE, day: '2026-02-30' }],
    ['a day with a six-digit year', { ...URGE, day: '275760-09-13' }],
    ['a missing day', { ...URGE, day: undefined }],
    ['an hour of 24', { ...URGE, hour: 24 }],
    ['a weekday of 7', { ...URGE, weekday: 7 }],
    ['a host that is a number', { ...URGE, host: 42 }],
    ['a note that is an object', { ...URGE, note: { text: 'hi' } }],
    ['a huge note', { ...URGE, note: 'x'.repeat(100_001) }],
    ['an unknown outcome', { ...URGE, outcome: 'maybe' }],
    ['an intensity of 9', { ...URGE, intensity: 9 }],
    ['an unknown trigger', { ...URGE, trigger: 'rain' }],
    ['a fractional id', { ...URGE, id: 1.5 }],
    ['null', null],
    ['a string', 'urge'],
  ])('does not read an urge with %s', (_what, row) => expect(readableUrge(row)).toBe(false));

  it.each([
    ['letter', readableLetter, { ...LETTER, updatedAt: Number.NaN }],
    ['letter', readableLetter, { ...LETTER, body: null }],
    ['contact', readableContact, { ...CONTACT, time: 8.64e15 }],
    ['contact', readableContact, { ...CONTACT, kind: 'ghosted' }],
    ['past period', readablePastPeriod, { ...PAST, closedAt: 8.64e15 }],
    ['past period', readablePastPeriod, { ...PAST, startDate: '2026-13-01' }],
    ['past period', readablePastPeriod, { ...PAST, lengthDays: Number.NaN }],
    ['past period', readablePastPeriod, { ...PAST, readiness: { ticked: 'all' } }],
  ] as const)('does not read a %s with an odd field', (_kind, readable, row) => expect(readable(row)).toBe(false));

  it('keeps the rows it can read and counts the rest', () => {
    expect(readableRows([URGE, { ...URGE, time: Number.NaN }, null, { ...URGE, id: 8 }], readableUrge)).toEqual({
      rows: [URGE, { ...URGE, id: 8 }],
      skipped: 2,
    });
  });

  it('says plainly what was left out', () => {
    expect(skippedWords(0)).toBeNull();
    expect(skippedWords(1)).toBe('1 entry couldn’t be read and is not shown. It is still stored on this device.');
    expect(skippedWords(2)).toBe('2 entries couldn’t be read and are not shown. They are still stored on this device.');
  });
});

describe('daily summaries with a row that cannot be read', () => {
  let db: BreathingRoomDb;
  afterEach(async () => {
    await db.delete();
  });

  it('count the rows they can read and pass over the rest, and never get stuck on them', async () => {
    db = new BreathingRoomDb(`test-readable-${Math.random()}`);
    await db.open();
    const { id: _, ...row } = URGE;
    await db.urges.bulkAdd([
      row,
      { ...row, outcome: 'gave-in' },
      { ...row, day: undefined, time: Number.NaN } as never,
      { ...row, hour: 1e9 },
    ] as never[]);
    await catchUp(db.backendDB());
    expect(await summariesForPeriod(db.backendDB(), 'p1')).toEqual([
      expect.objectContaining({ day: '2026-11-02', total: 2, resisted: 1 }),
    ]);
    // The odd rows are past the watermark too: a second catch-up has nothing to do.
    expect(await catchUp(db.backendDB())).toBe(0);
  });
});
