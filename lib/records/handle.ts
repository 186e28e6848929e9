import type { BreathingRoomDb } from './db';
import { openExisting, writeRecord } from './idb-lite';
import type { StoreName } from './schema';

/**
 * How a page reaches the database, without carrying Dexie where it is not wanted.
 *
 * The pages use Dexie (`db.ts`). The popup opens fast on raw IndexedDB (`idb-lite.ts`) and must
 * not ship Dexie. The per-kind modules (urges.ts, contacts.ts, periods.ts, ...) take either, so
 * each kind of record is still written one way, by one function. Without a handle they use the
 * pages' database, loaded here on first use: a dynamic import, so the popup's bundle (which always
 * passes its lean handle) never includes Dexie.
 */

/** The popup's lean handle: the database opened with raw IndexedDB. */
export type LeanDb = IDBDatabase;
export type RecordsDb = BreathingRoomDb | LeanDb;

function isLean(db: RecordsDb): db is LeanDb {
  return !('backendDB' in db);
}

/** The pages' database (Dexie). */
export async function pagesDb(): Promise<BreathingRoomDb> {
  return (await import('./db')).getDb();
}

/** Opens the database (creating or upgrading it to the current schema) in a page or the background. */
export async function openDatabase(): Promise<void> {
  await (await pagesDb()).open();
}

/**
 * The popup's handle: the database as it is, or null when nothing was ever logged on this device;
 * rejects when it cannot be read. See `openExisting`.
 */
export function openLean(): Promise<LeanDb | null> {
  return openExisting();
}

/** Adds a new record to `store`, and gives its key. */
export async function addRow<T>(store: StoreName, row: T, db?: RecordsDb): Promise<IDBValidKey> {
  const target = db ?? (await pagesDb());
  return isLean(target)
    ? writeRecord(target, store, row, 'add')
    : ((await target.table(store).add(row)) as IDBValidKey);
}

/** Adds a record to `store`, or replaces the one with the same key. */
export async function putRow<T>(store: StoreName, row: T, db?: RecordsDb): Promise<IDBValidKey> {
  const target = db ?? (await pagesDb());
  return isLean(target)
    ? writeRecord(target, store, row, 'put')
    : ((await target.table(store).put(row)) as IDBValidKey);
}
