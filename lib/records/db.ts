import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { DaySummary } from './summaries';
import { type Contact, DB_NAME, INDEX, type Letter, type PastPeriod, type Urge } from './types';

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

interface SchemaStep {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/**
 * Every schema the database has had, oldest first. A shipped step is never edited or removed:
 * Dexie upgrades a user's database through each step after the one it was made with, and a test
 * (migration.test.ts) opens a database of each earlier version with real rows in it.
 */
export const SCHEMA_HISTORY: readonly SchemaStep[] = [
  // Version 1: the urge log. `time` orders history and bounds date ranges; `day` answers
  // "today" with an index count; [outcome+time] counts resisted urges over a range.
  { version: 1, stores: { urges: '++id, time, day, outcome, [outcome+time], periodId' } },
  // Version 2: unsent letters, newest first by `updatedAt`; urges gain a typed `answer`.
  {
    version: 2,
    stores: { letters: '++id, updatedAt' },
    upgrade: (tx) =>
      tx
        .table('urges')
        .toCollection()
        .modify((urge: Partial<Urge>) => {
          urge.answer ??= '';
        }),
  },
  // Version 3: contacts and past periods, and the indexes the popup and insights counted with.
  {
    version: 3,
    stores: {
      urges: `++id, ${[
        INDEX.time,
        INDEX.day,
        INDEX.outcomeTime,
        INDEX.outcomeDay,
        INDEX.dayOutcome,
        INDEX.periodId,
        INDEX.periodOutcome,
        INDEX.periodWeekdayHour,
        INDEX.periodTrigger,
        INDEX.periodHost,
      ].join(', ')}`,
      contacts: `++id, ${INDEX.time}, ${INDEX.kindTime}, ${INDEX.periodId}`,
      periods: `id, ${INDEX.closedAt}`,
    },
  },
  // Version 4: daily summaries (see summaries.ts), which replace counting the log. The indexes
  // that counting needed go; the summaries are built lazily from the log on first read, so
  // this upgrade touches no urge.
  {
    version: 4,
    stores: {
      urges: `++id, ${[INDEX.time, INDEX.day, INDEX.outcomeTime, INDEX.periodId].join(', ')}`,
      summaries: '[periodId+day], day',
      meta: 'key',
    },
  },
];

let instance: BreathingRoomDb | null = null;

/** The extension's database. Only extension pages open it; content scripts never do. */
export function getDb(): BreathingRoomDb {
  instance ??= new BreathingRoomDb();
  return instance;
}
