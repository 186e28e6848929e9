import { Dexie, type EntityTable, type Table } from 'dexie';
import { DB_NAME, SCHEMA_HISTORY } from './schema';
import type { DaySummary } from './summaries';
import type { Contact, Letter, PastPeriod, Urge } from './types';

export { SCHEMA_HISTORY } from './schema';

/**
 * The database as the pages see it, built from the one schema in `schema.ts`. Pages and the
 * background reach it through the per-kind modules (urges.ts, letters.ts, contacts.ts,
 * periods.ts, summaries.ts); nothing else reads or writes its tables.
 */
export class BreathingRoomDb extends Dexie {
  urges!: EntityTable<Urge, 'id'>;
  letters!: EntityTable<Letter, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  periods!: EntityTable<PastPeriod, 'id'>;
  summaries!: Table<DaySummary, [string, string]>;
  meta!: Table<{ key: string; maxId: number }, string>;

  constructor(name = DB_NAME, upTo = SCHEMA_HISTORY.length) {
    super(name);
    for (const step of SCHEMA_HISTORY.slice(0, upTo)) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}

let instance: BreathingRoomDb | null = null;

/** The extension's database. Only extension pages open it; content scripts never do. */
export function getDb(): BreathingRoomDb {
  instance ??= new BreathingRoomDb();
  return instance;
}
