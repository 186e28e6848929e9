import { addDays, type DayKey, dayKeyOf, daysBetween, isDayKey, weekdayOf } from '../period/calendar';
import { daysKept } from '../period/way-out';
import { contactDays, countedUntil } from './completion';
import { openDatabase } from './handle';
import { HIGHEST, LOWEST, newest, openExisting, request } from './idb-lite';
import { INDEX, STORE } from './schema';
import { catchUp, type DaySummary, summariesForDays, summariesForPeriod } from './summaries';
import { type Contact, type PastPeriod, TRIGGERS, type Trigger, type Urge } from './types';

// --- Pure shaping: streaks, series, shares. Everything below takes plain numbers and days. ---

/**
 * Days in a streak that began on the period's start or the day after the last event, whichever
 * is later: 0 on the day of the event itself, 1 the day after, and day N of the period when
 * nothing has happened. Calendar days, so DST and midnight fall where the user expects.
 */
export function streakDays(periodStart: DayKey, lastEventDay: DayKey | null, today: DayKey): number {
  const after = lastEventDay ? addDays(lastEventDay, 1) : periodStart;
  const from = after > periodStart ? after : periodStart;
  return Math.max(0, daysBetween(from, today) + 1);
}

/** Whole-percent share, or null when there is nothing to share out. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

export interface DayCount {
  day: DayKey;
  count: number;
}

/** Each day's count with the average of the 7 days ending on it (fewer at the very start). */
export function withRollingAverage(series: readonly DayCount[], window = 7): (DayCount & { average: number })[] {
  let sum = 0;
  return series.map((point, i) => {
    sum += point.count;
    if (i >= window) sum -= series[i - window]?.count ?? 0;
    const span = Math.min(window, i + 1);
    return { ...point, average: Math.round((sum / span) * 10) / 10 };
  });
}

/** Seven-day weeks counted from the period's first day, up to `today`. */
export function periodWeeks(start: DayKey, today: DayKey): { start: DayKey; end: DayKey }[] {
  const weeks: { start: DayKey; end: DayKey }[] = [];
  for (let s = start; s <= today; s = addDays(s, 7)) {
    const end = addDays(s, 6);
    weeks.push({ start: s, end: end < today ? end : today });
  }
  return weeks;
}

/** The largest entries first, ties by label, at most `n`. */
export function top<T extends { count: number; label: string }>(items: readonly T[], n = 5): T[] {
  return items
    .filter((i) => i.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, n);
}

// --- Loading: from the daily summaries (summaries.ts), never by counting the log. ---

export interface PopupStats {
  today: number;
  /** The last 14 days, oldest first. */
  last14: { day: DayKey; resisted: number; gaveIn: number }[];
  /** The last 7 days, from `last14`. */
  week: { total: number; resisted: number };
  periodTotal: number;
  /** Urges of this period that were resisted: "ridden out". */
  periodResisted: number;
  lastGaveInDay: DayKey | null;
  lastContactDay: DayKey | null;
}

export const EMPTY_POPUP_STATS: PopupStats = {
  today: 0,
  last14: [],
  week: { total: 0, resisted: 0 },
  periodTotal: 0,
  periodResisted: 0,
  lastGaveInDay: null,
  lastContactDay: null,
};

/** Everything the popup shows: a few summary rows and two single-step cursors. */
export async function loadPopupStats(db: IDBDatabase, today: DayKey, periodId: string | null): Promise<PopupStats> {
  await catchUp(db);
  const from = addDays(today, -13);
  const [recent, periodRows, lastGaveIn, lastContact] = await Promise.all([
    summariesForDays(db, from, today),
    periodId ? summariesForPeriod(db, periodId) : Promise.resolve([]),
    newest<Urge>(
      db.transaction('urges').objectStore('urges').index(INDEX.outcomeTime),
      IDBKeyRange.bound(['gave-in', LOWEST], ['gave-in', HIGHEST]),
    ),
    newest<Contact>(
      db.transaction('contacts').objectStore('contacts').index(INDEX.kindTime),
      IDBKeyRange.bound(['contact', LOWEST], ['contact', HIGHEST]),
    ),
  ]);
  const perDay = Array.from({ length: 14 }, (_, i) => {
    const day = addDays(from, i);
    const rows = recent.filter((r) => r.day === day);
    const total = rows.reduce((n, r) => n + r.total, 0);
    const resisted = rows.reduce((n, r) => n + r.resisted, 0);
    return { day, resisted, gaveIn: total - resisted };
  });
  const lastWeek = perDay.slice(-7);
  return {
    today: (perDay.at(-1)?.resisted ?? 0) + (perDay.at(-1)?.gaveIn ?? 0),
    last14: perDay,
    week: {
      total: lastWeek.reduce((n, d) => n + d.resisted + d.gaveIn, 0),
      resisted: lastWeek.reduce((n, d) => n + d.resisted, 0),
    },
    periodTotal: periodRows.reduce((n, r) => n + r.total, 0),
    periodResisted: periodRows.reduce((n, r) => n + r.resisted, 0),
    lastGaveInDay: lastGaveIn?.day ?? null,
    lastContactDay: lastContact?.day ?? null,
  };
}

export interface InsightsStats {
  total: number;
  resisted: number;
  /** Every day of the period so far, with the 7-day average. */
  daily: (DayCount & { average: number })[];
  /** [weekday 0-6][hour 0-23] */
  heatmap: number[][];
  triggers: { id: Trigger; label: string; count: number }[];
  sites: { label: string; count: number }[];
  /** Every site in the period, by name (for the history's filter). */
  allSites: string[];
  weeks: { start: DayKey; end: DayKey; total: number; resisted: number; share: number | null }[];
}

/** Shapes a period's summary rows into everything the insights page draws. Pure. */
export function shapeInsights(rows: readonly DaySummary[], start: DayKey, today: DayKey): InsightsStats {
  const last = today < start ? start : today;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days: DayKey[] = [];
  for (let d = start; d <= last; d = addDays(d, 1)) days.push(d);
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const triggers = new Map<string, number>();
  const hosts = new Map<string, number>();
  let total = 0;
  let resisted = 0;
  for (const r of rows) {
    total += r.total;
    resisted += r.resisted;
    const row = heatmap[weekdayOf(r.day)];
    if (row) {
      for (let h = 0; h < 24; h++) row[h] = (row[h] ?? 0) + (r.hours[h] ?? 0);
    }
    for (const [t, n] of Object.entries(r.triggers)) triggers.set(t, (triggers.get(t) ?? 0) + n);
    for (const [host, n] of Object.entries(r.hosts)) {
      const label = host.replace(/^www\./, '');
      hosts.set(label, (hosts.get(label) ?? 0) + n);
    }
  }
  const daily = withRollingAverage(days.map((day) => ({ day, count: byDay.get(day)?.total ?? 0 })));
  return {
    total,
    resisted,
    daily,
    heatmap,
    triggers: top(
      TRIGGERS.map((t) => ({ id: t.id, label: t.label, count: triggers.get(t.id) ?? 0 })),
      TRIGGERS.length,
    ),
    sites: top(
      [...hosts].map(([label, count]) => ({ label, count })),
      8,
    ),
    allSites: [...hosts.keys()].sort(),
    weeks: periodWeeks(start, last).map((w) => {
      const inWeek = rows.filter((r) => r.day >= w.start && r.day <= w.end);
      const weekTotal = inWeek.reduce((n, r) => n + r.total, 0);
      const weekResisted = inWeek.reduce((n, r) => n + r.resisted, 0);
      return { ...w, total: weekTotal, resisted: weekResisted, share: percent(weekResisted, weekTotal) };
    }),
  };
}

/** The insights for a period, from its summary rows (one a day). */
export async function loadInsights(
  db: IDBDatabase,
  period: { id: string; startDate: DayKey },
  today: DayKey,
): Promise<InsightsStats> {
  await catchUp(db);
  return shapeInsights(await summariesForPeriod(db, period.id), period.startDate, today);
}

/**
 * The insights for a period, read on the lean path. Usually the database is current and opens
 * straight away; just after an update it may still need Dexie to upgrade it first. Null when it
 * cannot be read at all.
 */
export async function readInsights(
  period: { id: string; startDate: DayKey },
  today: DayKey,
): Promise<InsightsStats | null> {
  const db =
    (await openExisting().catch(() => null)) ??
    (await openDatabase()
      .then(() => openExisting())
      .catch(() => null));
  if (!db) return null;
  try {
    return await loadInsights(db, period, today);
  } finally {
    db.close();
  }
}

/** The period closed most recently, with its urges ridden out: what the popup acknowledges after it. */
export interface LastClosed {
  period: PastPeriod;
  riddenOut: number;
  /** Days of no contact it kept: from its start to the day it closed, less the days with a contact. */
  daysKept: number;
}

/** The period closed most recently (one step of a cursor), or null when none was. */
export async function loadLastClosed(db: IDBDatabase): Promise<LastClosed | null> {
  const period = await newest<PastPeriod>(
    db.transaction(STORE.periods).objectStore(STORE.periods).index(INDEX.closedAt),
    IDBKeyRange.lowerBound(LOWEST),
  );
  if (!period || typeof period.id !== 'string' || !isDayKey(period.startDate)) return null;
  const [rows, contacts] = await Promise.all([
    summariesForPeriod(db, period.id),
    request(
      db
        .transaction(STORE.contacts)
        .objectStore(STORE.contacts)
        .index(INDEX.periodId)
        .getAll(IDBKeyRange.only(period.id)),
    ) as Promise<Contact[]>,
  ]);
  const closedOn = dayKeyOf(period.closedAt);
  const days = daysKept(period, closedOn);
  const inTouch = contactDays(contacts, period.startDate, countedUntil(period, closedOn));
  return { period, riddenOut: rows.reduce((n, r) => n + r.resisted, 0), daysKept: Math.max(0, days - inTouch) };
}
