import { DB_NAME, idbVersion, SCHEMA_VERSION, STORE } from './schema';

/**
 * A few lines over raw IndexedDB for the views that must open fast and ship little: the popup
 * (which would otherwise carry Dexie, a third of its weight) and the insights counts. It reads the
 * same database Dexie defines in `db.ts`, from the one schema in `schema.ts`, and answers everything
 * with index counts and single-record cursors in one transaction: never a scan of the log.
 *
 * It never creates or upgrades the database. Opening one that does not exist yet (nothing logged
 * so far) gives null; one still on an older schema (just after an update, before the background
 * has upgraded it) gives null too, and the views show no numbers rather than wrong ones.
 */

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Opens the extension's database as it is, or null when it is missing or on an older schema.
 * Rejects when it exists but cannot be opened (a failing disk, or another page holding an
 * upgrade): then the numbers are unknown, which is not the same as none.
 */
export function openExisting(
  name = DB_NAME,
  needs: readonly string[] = [STORE.urges, STORE.contacts, STORE.periods],
  version = SCHEMA_VERSION,
): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(name);
    } catch (e) {
      reject(e);
      return;
    }
    let missing = false;
    // Fired only when the database does not exist: abort, so we never create an empty one that
    // Dexie would then have to treat as an unknown old version.
    req.onupgradeneeded = () => {
      missing = true;
      req.transaction?.abort();
    };
    req.onerror = () => (missing ? resolve(null) : reject(req.error));
    req.onblocked = () => reject(new Error('The database is being upgraded in another page.'));
    req.onsuccess = () => {
      const db = req.result;
      // An older version would take rows of an older shape: wait for Dexie to upgrade it.
      if (db.version >= idbVersion(version) && needs.every((store) => db.objectStoreNames.contains(store))) {
        // Let Dexie upgrade the schema in another page without waiting for us.
        db.onversionchange = () => db.close();
        resolve(db);
      } else {
        db.close();
        resolve(null);
      }
    };
  });
}

export const LOWEST = -Infinity;
export const HIGHEST = Number.POSITIVE_INFINITY;

/** The newest record in an index range, by a cursor that stops after one step. */
export function newest<T>(index: IDBIndex, range: IDBKeyRange): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const req = index.openCursor(range, 'prev');
    req.onsuccess = () => resolve(req.result?.value as T | undefined);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Writes one record, `add` (a new one: fails if its key is taken) or `put` (adds or replaces the
 * one with its key), and resolves with its key once the transaction has committed.
 */
export function writeRecord<T>(db: IDBDatabase, store: string, value: T, how: 'add' | 'put'): Promise<IDBValidKey> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    const req = how === 'add' ? tx.objectStore(store).add(value) : tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
