import { request } from './idb-lite';
import { readableUrge } from './readable';
import type { Urge } from './types';

/**
 * Daily summaries of the urge log: one row per period and calendar day with that day's totals,
 * by outcome, by hour, by trigger and by site. The popup and the insights page read these rows
 * (a handful for the popup, at most a few hundred for a period) instead of counting the log,
 * so they stay fast however long the log grows.
 *
 * Rows are kept current two ways. New urges are caught up lazily: the `meta` store remembers the
 * highest urge id summarised, and `catchUp` recounts only the days of urges added since (however
 * they were added). Edits and deletes change no ids, so those paths call `recountDays` for the
 * day they touched.
 */

export interface DaySummary {
  /** '' for urges logged outside any period (IndexedDB keys cannot hold null). */
  periodId: string;
  day: string;
  total: number;
  resisted: number;
  /** Urges by local hour, 0-23. */
  hours: number[];
  triggers: Record<string, number>;
  hosts: Record<string, number>;
}

export const SUMMARY_STORES = ['urges', 'summaries', 'meta'] as const;
const WATERMARK = 'summaries';

function summarise(urges: readonly Urge[]): DaySummary[] {
  const rows = new Map<string, DaySummary>();
  for (const u of urges) {
    // A row that can't be read (readable.ts) is left out of the counts, as the pages leave it out.
    if (!readableUrge(u)) continue;
    const periodId = u.periodId ?? '';
    let row = rows.get(periodId);
    if (!row) {
      row = { periodId, day: u.day, total: 0, resisted: 0, hours: new Array(24).fill(0), triggers: {}, hosts: {} };
      rows.set(periodId, row);
    }
    row.total++;
    if (u.outcome === 'resisted') row.resisted++;
    row.hours[u.hour] = (row.hours[u.hour] ?? 0) + 1;
    if (u.trigger) row.triggers[u.trigger] = (row.triggers[u.trigger] ?? 0) + 1;
    if (u.host) row.hosts[u.host] = (row.hosts[u.host] ?? 0) + 1;
  }
  return [...rows.values()];
}

/** Rewrites the summary rows of `day` from that day's urges, inside `tx`. */
async function recountDay(tx: IDBTransaction, day: string): Promise<void> {
  const summaries = tx.objectStore('summaries');
  const [urges, oldKeys] = await Promise.all([
    request(tx.objectStore('urges').index('day').getAll(IDBKeyRange.only(day))) as Promise<Urge[]>,
    request(summaries.index('day').getAllKeys(IDBKeyRange.only(day))),
  ]);
  for (const key of oldKeys) summaries.delete(key);
  for (const row of summarise(urges)) summaries.put(row);
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Recounts the given days (after an edit, a delete or an undo). */
export async function recountDays(db: IDBDatabase, days: Iterable<string>): Promise<void> {
  const tx = db.transaction([...SUMMARY_STORES], 'readwrite');
  const finished = done(tx);
  await Promise.all([...new Set(days)].map((d) => recountDay(tx, d)));
  await finished;
}

/**
 * Summarises urges added since the last catch-up. Cheap when nothing is new: one read of the
 * watermark and one step of a cursor.
 */
export async function catchUp(db: IDBDatabase): Promise<number> {
  const tx = db.transaction([...SUMMARY_STORES], 'readwrite');
  const finished = done(tx);
  const meta = tx.objectStore('meta');
  const mark = ((await request(meta.get(WATERMARK))) as { key: string; maxId: number } | undefined)?.maxId ?? 0;
  const days = new Set<string>();
  let maxId = mark;
  await new Promise<void>((resolve, reject) => {
    const cursor = tx.objectStore('urges').openCursor(IDBKeyRange.lowerBound(mark, true));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return resolve();
      const urge = c.value as Urge;
      if (readableUrge(urge)) days.add(urge.day);
      maxId = Math.max(maxId, Number(c.primaryKey));
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  });
  if (days.size) {
    await Promise.all([...days].map((d) => recountDay(tx, d)));
    meta.put({ key: WATERMARK, maxId });
  }
  await finished;
  return days.size;
}

/** Summary rows for every period on the days from `from` to `to`. */
export async function summariesForDays(db: IDBDatabase, from: string, to: string): Promise<DaySummary[]> {
  return request(
    db.transaction('summaries').objectStore('summaries').index('day').getAll(IDBKeyRange.bound(from, to)),
  ) as Promise<DaySummary[]>;
}

/** Summary rows of one period, day by day. */
export async function summariesForPeriod(db: IDBDatabase, periodId: string): Promise<DaySummary[]> {
  return request(
    db
      .transaction('summaries')
      .objectStore('summaries')
      .getAll(IDBKeyRange.bound([periodId, ''], [periodId, '\uffff'])),
  ) as Promise<DaySummary[]>;
}
