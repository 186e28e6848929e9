import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayKeyOf } from '@/lib/period/calendar';
import { milestoneLine, milestoneOn } from '@/lib/period/milestones';
import { BreathingRoomDb } from '@/lib/records/db';
import { openExisting } from '@/lib/records/idb-lite';
import { newContact, newUrge } from '@/lib/records/new-records';
import {
  loadInsights,
  loadPopupStats,
  percent,
  periodWeeks,
  streakDays,
  top,
  withRollingAverage,
} from '@/lib/records/stats';
import type { Outcome, Trigger } from '@/lib/records/types';
import { addUrge } from '@/lib/records/urges';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('streakDays', () => {
  it('counts day N of the period when nothing has happened', () => {
    expect(streakDays('2026-11-01', null, '2026-11-01')).toBe(1);
    expect(streakDays('2026-11-01', null, '2026-11-23')).toBe(23);
  });

  it('restarts at 0 on the day of the event and counts up from the next', () => {
    expect(streakDays('2026-11-01', '2026-11-20', '2026-11-20')).toBe(0);
    expect(streakDays('2026-11-01', '2026-11-20', '2026-11-21')).toBe(1);
    expect(streakDays('2026-11-01', '2026-11-20', '2026-11-23')).toBe(3);
  });

  it('ignores events before the period began', () => {
    expect(streakDays('2026-11-10', '2026-11-02', '2026-11-12')).toBe(3);
  });

  it('counts calendar days across a DST change and a long gap', () => {
    // US clocks changed on 2026-11-01; a 25-hour Sunday is still one day.
    expect(streakDays('2026-10-30', null, '2026-11-02')).toBe(4);
    expect(streakDays('2026-01-01', '2026-03-07', '2026-03-09')).toBe(2);
    expect(streakDays('2026-01-01', null, '2026-12-31')).toBe(365);
  });
});

describe('chart data shaping', () => {
  it('averages over the 7 days ending on each day, fewer at the start', () => {
    const series = [4, 2, 0, 0, 6, 1, 1, 7, 0].map((count, i) => ({ day: addDays('2026-11-01', i), count }));
    expect(withRollingAverage(series).map((p) => p.average)).toEqual([4, 3, 2, 1.5, 2.4, 2.2, 2, 2.4, 2.1]);
  });

  it('cuts a period into seven-day weeks up to today', () => {
    expect(periodWeeks('2026-11-01', '2026-11-16')).toEqual([
      { start: '2026-11-01', end: '2026-11-07' },
      { start: '2026-11-08', end: '2026-11-14' },
      { start: '2026-11-15', end: '2026-11-16' },
    ]);
  });

  it('shares, tops and milestones', () => {
    expect(percent(3, 4)).toBe(75);
    expect(percent(0, 0)).toBeNull();
    expect(
      top(
        [
          { label: 'b', count: 2 },
          { label: 'a', count: 2 },
          { label: 'c', count: 0 },
          { label: 'd', count: 5 },
        ],
        2,
      ),
    ).toEqual([
      { label: 'd', count: 5 },
      { label: 'a', count: 2 },
    ]);
    expect([6, 7, 14, 29, 30, 45, 60, 90, 91].map(milestoneOn)).toEqual([null, 7, 14, null, 30, 45, 60, 90, null]);
    expect(milestoneLine(30)?.text).toMatch(/Thirty days/);
    expect(milestoneLine(31)).toBeNull();
  });
});

let n = 0;
const dbs: BreathingRoomDb[] = [];
const raws: IDBDatabase[] = [];

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.close();
  for (const db of dbs.splice(0)) await db.delete();
});

async function seeded() {
  const name = `test-stats-${n++}`;
  const db = new BreathingRoomDb(name);
  dbs.push(db);
  await db.open();
  return { db, name };
}

const ZONE = 'Europe/London';
const urgeAt = (
  iso: string,
  outcome: Outcome,
  periodId = 'p1',
  trigger: Trigger | null = null,
  host = 'www.instagram.com',
) => ({
  ...newUrge({ time: Date.parse(iso), host, category: 'social', context: 'feed', periodId, outcome }, ZONE),
  trigger,
});

describe('loading stats through the lightweight reader', () => {
  it('opens nothing when the database does not exist yet, and creates nothing', async () => {
    expect(await openExisting(`never-created-${n++}`)).toBeNull();
  });

  it('counts today, the last 14 days, the week, the period and finds the last slip and contact', async () => {
    const { db, name } = await seeded();
    const today = '2026-11-23';
    await db.urges.bulkAdd([
      urgeAt('2026-11-23T08:00:00Z', 'resisted'),
      urgeAt('2026-11-23T21:00:00Z', 'gave-in'),
      urgeAt('2026-11-20T12:00:00Z', 'resisted'),
      urgeAt('2026-11-17T12:00:00Z', 'gave-in'), // the 7th day back: still in the week
      urgeAt('2026-11-16T12:00:00Z', 'gave-in'), // the 8th: outside it
      urgeAt('2026-11-10T12:00:00Z', 'resisted'),
      urgeAt('2026-11-09T12:00:00Z', 'resisted'), // 14 days ago: outside the chart
      urgeAt('2026-11-22T12:00:00Z', 'resisted', 'older-period'),
    ] as never);
    await db.contacts.bulkAdd([
      newContact(
        { time: Date.parse('2026-11-15T10:00:00Z'), kind: 'contact', startedBy: 'them', periodId: 'p1' },
        ZONE,
      ),
      newContact(
        { time: Date.parse('2026-11-21T10:00:00Z'), kind: 'they-reached-out', startedBy: 'them', periodId: 'p1' },
        ZONE,
      ),
    ] as never);
    const raw = await openExisting(name);
    if (!raw) throw new Error('expected the database');
    raws.push(raw);
    const stats = await loadPopupStats(raw, today, 'p1');
    expect(stats.today).toBe(2);
    expect(stats.last14).toHaveLength(14);
    expect(stats.last14[0]?.day).toBe('2026-11-10');
    expect(stats.last14.at(-1)).toEqual({ day: today, resisted: 1, gaveIn: 1 });
    // The week is every urge of the last 7 days, whichever period it was in.
    expect(stats.week).toEqual({ total: 5, resisted: 3 });
    expect(stats.periodTotal).toBe(7);
    expect(stats.lastGaveInDay).toBe('2026-11-23');
    expect(stats.lastContactDay).toBe('2026-11-15');
  });

  it('aggregates a period into daily, heatmap, trigger, site and weekly figures, agreeing with a full read', async () => {
    const { db, name } = await seeded();
    const start = '2026-11-01';
    const urges = [];
    for (let i = 0; i < 200; i++) {
      const time = Date.parse('2026-11-01T00:30:00Z') + i * 2.7 * 3_600_000;
      urges.push({
        ...newUrge(
          {
            time,
            host: i % 3 ? 'www.instagram.com' : 'x.com',
            category: 'social',
            context: 'feed',
            periodId: 'p1',
            outcome: i % 4 ? 'resisted' : 'gave-in',
          },
          ZONE,
        ),
        trigger: (['lonely', 'bored', null, 'memory'] as const)[i % 4] ?? null,
      });
    }
    await db.urges.bulkAdd(urges as never);
    const raw = await openExisting(name);
    if (!raw) throw new Error('expected the database');
    raws.push(raw);
    const today = dayKeyOf(urges.at(-1)?.time ?? 0, ZONE);
    const stats = await loadInsights(raw, { id: 'p1', startDate: start }, today);

    const all = await db.urges.toArray();
    expect(stats.total).toBe(all.length);
    expect(stats.resisted).toBe(all.filter((u) => u.outcome === 'resisted').length);
    expect(stats.daily.reduce((s, d) => s + d.count, 0)).toBe(all.length);
    expect(stats.daily[0]?.day).toBe(start);
    expect(stats.daily.at(-1)?.day).toBe(today);
    expect(stats.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(all.length);
    const tuesday9 = all.filter((u) => u.weekday === 2 && u.hour === 9).length;
    expect(stats.heatmap[2]?.[9]).toBe(tuesday9);
    // Equal counts are listed by name.
    expect(stats.triggers.map((t) => [t.label, t.count])).toEqual([
      ['A memory or a song', 50],
      ['Bored or restless', 50],
      ['Feeling lonely', 50],
    ]);
    expect(stats.sites).toEqual([
      { label: 'instagram.com', count: all.filter((u) => u.host === 'www.instagram.com').length },
      { label: 'x.com', count: all.filter((u) => u.host === 'x.com').length },
    ]);
    expect(stats.weeks.reduce((s, w) => s + w.total, 0)).toBe(all.length);
    expect(stats.weeks.reduce((s, w) => s + w.resisted, 0)).toBe(stats.resisted);
  });

  it('writes records Dexie reads back', async () => {
    const { db, name } = await seeded();
    const raw = await openExisting(name);
    if (!raw) throw new Error('expected the database');
    raws.push(raw);
    const id = await addUrge(urgeAt('2026-11-23T08:00:00Z', 'resisted'), raw);
    expect(await db.urges.get(id)).toMatchObject({
      host: 'www.instagram.com',
      outcome: 'resisted',
      uid: expect.stringMatching(UUID),
    });
  });
});
