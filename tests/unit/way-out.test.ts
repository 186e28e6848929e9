import { describe, expect, it } from 'vitest';
import { settle } from '@/lib/lock/plan';
import { periodStatus } from '@/lib/period/period';
import { closePeriodNow } from '@/lib/period/store';
import {
  canSayYourPiece,
  closePeriod,
  daysKept,
  extendPeriod,
  readinessDue,
  settingsAfterEnd,
} from '@/lib/period/way-out';
import { BreathingRoomDb } from '@/lib/records/db';
import { DEFAULT_SETTINGS, loadPeriod, loadSettings, periodItem } from '@/lib/settings/settings';

const period = { id: 'p', startDate: '2026-11-01', lengthDays: 30, createdAt: 7, coolOffHours: 24 };

describe('the readiness check', () => {
  it.each([
    ['2026-11-26', false], // day 26: four days left
    ['2026-11-27', false],
    ['2026-11-28', true], // day 28: three days left
    ['2026-11-30', true], // the last day
    ['2026-12-05', true], // ended
    ['2026-10-31', false], // not started
  ])('on %s is offered: %s', (today, due) => {
    expect(readinessDue(periodStatus(period, today))).toBe(due);
  });

  it('is not offered without a period', () => {
    expect(readinessDue(null)).toBe(false);
  });
});

describe('extending', () => {
  it.each([
    ['7', 37],
    ['14', 44],
    ['30', 60],
    [' 21 ', 51],
    ['365', 395],
  ])('by %s days makes the period %i days long, from the same start', (days, length) => {
    expect(extendPeriod(period, days)).toEqual({ ok: true, period: { ...period, lengthDays: length } });
  });

  it.each([
    ['0', /between 1 and 365/],
    ['366', /between 1 and 365/],
    ['abc', /whole number/],
    ['7.5', /whole number/],
    ['', /whole number/],
  ])('refuses %j', (days, message) => {
    expect(extendPeriod(period, days)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });

  it('stops at two years in all', () => {
    expect(extendPeriod({ ...period, lengthDays: 700 }, '31')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/30 more/),
    });
    expect(extendPeriod({ ...period, lengthDays: 700 }, '30').ok).toBe(true);
  });

  it('brings an ended period back to life when the new end is still ahead', () => {
    const extended = extendPeriod(period, '14');
    if (!extended.ok) throw new Error(extended.error);
    expect(periodStatus(period, '2026-12-05').state).toBe('ended');
    expect(periodStatus(extended.period, '2026-12-05')).toMatchObject({ state: 'active', day: 35, lengthDays: 44 });
  });
});

describe('moving on and reconnecting', () => {
  it('counts the days kept, capped at the length', () => {
    expect(daysKept(period, '2026-11-01')).toBe(1);
    expect(daysKept(period, '2026-11-20')).toBe(20);
    expect(daysKept(period, '2027-01-01')).toBe(30);
  });

  it('offers "say your piece" only after 60 days kept', () => {
    const long = { ...period, lengthDays: 90 };
    expect(canSayYourPiece(long, '2026-12-29')).toBe(false); // day 59
    expect(canSayYourPiece(long, '2026-12-30')).toBe(true); // day 60
    expect(canSayYourPiece(period, '2027-03-01')).toBe(false); // a 30-day period never reaches it
  });

  it('keeps a closed period with how it ended and the readiness answers', () => {
    expect(closePeriod(period, 'moved-on', { ticked: 5, of: 7 }, 1234)).toEqual({
      id: 'p',
      startDate: '2026-11-01',
      lengthDays: 30,
      createdAt: 7,
      closedAt: 1234,
      closedHow: 'moved-on',
      readiness: { ticked: 5, of: 7 },
    });
  });
});

describe('closing a period now', () => {
  const running = {
    id: 'p-close',
    startDate: '2026-09-01',
    lengthDays: 30,
    createdAt: Date.parse('2026-09-01T08:00:00Z'),
    coolOffHours: 24,
  };
  const CLOSED_AT = Date.parse('2026-10-02T09:00:00Z');

  it.each([
    ['moved-on', true, true],
    ['moved-on', false, false],
    ['reconnected', true, false],
  ] as const)('after %s (keep their pages paused: %s) keeps them paused: %s', async (how, keepPerson, kept) => {
    const db = new BreathingRoomDb(`test-close-${how}-${keepPerson}`);
    await periodItem.setValue(running);
    await closePeriodNow(running, { how, keepPerson, readiness: { ticked: 5, of: 7 } }, CLOSED_AT, db);
    expect(await db.periods.toArray()).toEqual([
      {
        id: 'p-close',
        startDate: '2026-09-01',
        lengthDays: 30,
        createdAt: running.createdAt,
        closedAt: CLOSED_AT,
        closedHow: how,
        readiness: { ticked: 5, of: 7 },
      },
    ]);
    expect((await loadSettings()).keepPersonAfterPeriod).toBe(kept);
    expect(await loadPeriod()).toBeNull();
    await db.delete();
  });

  it('leaves the same settings whether it closes now or after the cool-off', () => {
    for (const how of ['moved-on', 'reconnected'] as const)
      for (const keepPerson of [true, false]) {
        const end = { how, keepPerson, readiness: null };
        const settled = settle(
          { ...DEFAULT_SETTINGS, keepPersonAfterPeriod: !keepPerson },
          running,
          [
            {
              id: 'c',
              requestedAt: CLOSED_AT - 1,
              effectiveAt: CLOSED_AT - 1,
              change: { kind: 'end-period', periodId: running.id, ...end },
            },
          ],
          CLOSED_AT,
        );
        expect(settled.settings).toEqual(
          settingsAfterEnd({ ...DEFAULT_SETTINGS, keepPersonAfterPeriod: !keepPerson }, end),
        );
        expect(settled.archived).toEqual(closePeriod(running, how, null, CLOSED_AT));
      }
  });
});
