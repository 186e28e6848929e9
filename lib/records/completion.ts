import { COMPLETION_LINES } from '@/content/milestone-lines';
import type { LibraryItem } from '@/content/types';
import { addDays, type DayKey, dayKeyOf } from '../period/calendar';
import type { Period } from '../period/period';
import { daysKept } from '../period/way-out';
import { request } from './idb-lite';
import { INDEX, STORE } from './schema';
import type { Contact, Letter, Urge } from './types';

/**
 * What a period's completion view shows before any choice: the days kept, the urges ridden out,
 * the letters written and never sent, the hardest moment they got through, and a line from the
 * library. Read straight from IndexedDB, so the popup (raw IndexedDB) and the pages (Dexie's
 * `backendDB()`) share it.
 */
export interface Completion {
  /** Days of the period so far (all of them once it has ended). */
  daysKept: number;
  /** Of those, the days with a contact logged: the figure says so rather than claim them all. */
  contactDays: number;
  /** Urges logged in the period and resisted. */
  riddenOut: number;
  /** Letters written during the period (none is ever sent). */
  letters: number;
  hardest: Hardest | null;
  line: LibraryItem;
}

/**
 * The hardest moment got through: the resisted urge rated strongest (the latest, of equals), or,
 * when none was rated, the hour of the day with the most urges ridden out.
 */
export type Hardest =
  | { kind: 'moment'; time: number; hour: number; intensity: number }
  | { kind: 'hour'; hour: number; count: number };

/** One of the completion lines, always the same for a period. */
export function completionLine(periodId: string): LibraryItem {
  let hash = 0;
  for (const ch of periodId) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return COMPLETION_LINES[hash % COMPLETION_LINES.length] as LibraryItem;
}

/** The hardest moment among a period's urges (see `Hardest`), or null when none was ridden out. */
export function hardestOf(urges: readonly Pick<Urge, 'outcome' | 'intensity' | 'time' | 'hour'>[]): Hardest | null {
  const resisted = urges.filter((u) => u.outcome === 'resisted');
  if (!resisted.length) return null;
  let strongest: (typeof resisted)[number] | null = null;
  for (const urge of resisted) {
    if (urge.intensity === null) continue;
    if (
      !strongest ||
      urge.intensity > (strongest.intensity ?? 0) ||
      (urge.intensity === strongest.intensity && urge.time > strongest.time)
    ) {
      strongest = urge;
    }
  }
  if (strongest?.intensity) {
    return { kind: 'moment', time: strongest.time, hour: strongest.hour, intensity: strongest.intensity };
  }
  const byHour = new Map<number, number>();
  for (const urge of resisted) byHour.set(urge.hour, (byHour.get(urge.hour) ?? 0) + 1);
  // The busiest hour; of equals, the one latest at night (counting the small hours as late).
  const lateness = (hour: number) => (hour + 19) % 24;
  const [hour, count] = [...byHour].sort((a, b) => b[1] - a[1] || lateness(b[0]) - lateness(a[0]))[0] ?? [0, 0];
  return { kind: 'hour', hour, count };
}

/**
 * The days with a contact logged (in touch, not a message from them), between `from` and `to`:
 * a contact dated before the period, or logged after it ended, is not one of its days.
 */
export function contactDays(contacts: readonly Pick<Contact, 'kind' | 'day'>[], from: DayKey, to: DayKey): number {
  return new Set(contacts.filter((c) => c.kind === 'contact' && c.day >= from && c.day <= to).map((c) => c.day)).size;
}

/** The last day of a period that counts by `today`: its last day, or today while it runs. */
export function countedUntil(period: Pick<Period, 'startDate' | 'lengthDays'>, today: DayKey): DayKey {
  const last = addDays(period.startDate, period.lengthDays - 1);
  return today < last ? today : last;
}

/** A letter of the period: written from its pause page, or on the letters page during it. */
function writtenIn(letter: Letter, period: Period): boolean {
  if (letter.periodId !== null) return letter.periodId === period.id;
  if (!Number.isFinite(letter.createdAt)) return false;
  const day = dayKeyOf(letter.createdAt);
  return day >= period.startDate && day <= addDays(period.startDate, period.lengthDays - 1);
}

/** Reads a period's completion figures. `db` is the database as IndexedDB has it. */
export async function loadCompletion(db: IDBDatabase, period: Period, today: DayKey): Promise<Completion> {
  const tx = db.transaction([STORE.urges, STORE.letters, STORE.contacts], 'readonly');
  const [urges, letters, contacts] = await Promise.all([
    request(tx.objectStore(STORE.urges).index(INDEX.periodId).getAll(IDBKeyRange.only(period.id))) as Promise<Urge[]>,
    request(tx.objectStore(STORE.letters).getAll()) as Promise<Letter[]>,
    request(tx.objectStore(STORE.contacts).index(INDEX.periodId).getAll(IDBKeyRange.only(period.id))) as Promise<
      Contact[]
    >,
  ]);
  return {
    daysKept: daysKept(period, today),
    contactDays: contactDays(contacts, period.startDate, countedUntil(period, today)),
    riddenOut: urges.filter((u) => u.outcome === 'resisted').length,
    letters: letters.filter((l) => typeof l.body === 'string' && l.body.trim() && writtenIn(l, period)).length,
    hardest: hardestOf(urges),
    line: completionLine(period.id),
  };
}
