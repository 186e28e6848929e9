import type { Transaction } from 'dexie';

/**
 * The one definition of Breathing Room's database: its name, stores, index names and every schema
 * it has had. Dexie builds its class from it (`db.ts`), and the popup's lean reader (`idb-lite.ts`)
 * checks it opened the same version. Only types come from Dexie here, so importing this costs the
 * popup nothing.
 */

export const DB_NAME = 'breathing-room';

/** The stores, by what they hold. */
export const STORE = {
  urges: 'urges',
  letters: 'letters',
  contacts: 'contacts',
  /** Past (closed) periods, keyed by the period's own id. */
  periods: 'periods',
  summaries: 'summaries',
  meta: 'meta',
} as const;
export type StoreName = (typeof STORE)[keyof typeof STORE];

/** Index names shared by Dexie's schema and the lightweight reader in `idb-lite.ts`. */
export const INDEX = {
  time: 'time',
  day: 'day',
  outcomeTime: '[outcome+time]',
  /** Version 3 only; version 4 counts from daily summaries instead. */
  outcomeDay: '[outcome+day]',
  dayOutcome: '[day+outcome]',
  periodId: 'periodId',
  /** Version 3 only. */
  periodOutcome: '[periodId+outcome]',
  /** Version 3 only. */
  periodWeekdayHour: '[periodId+weekday+hour]',
  /** Version 3 only. */
  periodTrigger: '[periodId+trigger]',
  /** Version 3 only. */
  periodHost: '[periodId+host]',
  kindTime: '[kind+time]',
  closedAt: 'closedAt',
  /** Version 5: the stable id a record keeps on every device (see `newUid`). Unique. */
  uid: 'uid',
} as const;

/**
 * A record's stable id: made once, with the record, and kept by every copy of it (a backup, the
 * same log merged into another browser, an undone delete). The numeric `id` is only this
 * device's row number; two browsers hand out the same numbers to different urges.
 */
export function newUid(): string {
  return crypto.randomUUID();
}

export interface SchemaStep {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/** Gives every row of `table` that has none a stable id. */
const giveUids = (tx: Transaction, table: string) =>
  tx
    .table(table)
    .toCollection()
    .modify((row: { uid?: string }) => {
      row.uid ??= newUid();
    });

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
        .modify((urge: { answer?: string }) => {
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
  // Version 5: urges, letters and contacts gain a stable `uid` (unique), so a backup merged from
  // another browser is matched record by record rather than by row number (issue 11). Rows made
  // before get one here. Past periods already had one: their `id` is the period's random UUID.
  {
    version: 5,
    stores: {
      urges: `++id, &${INDEX.uid}, ${[INDEX.time, INDEX.day, INDEX.outcomeTime, INDEX.periodId].join(', ')}`,
      letters: `++id, &${INDEX.uid}, updatedAt`,
      contacts: `++id, &${INDEX.uid}, ${INDEX.time}, ${INDEX.kindTime}, ${INDEX.periodId}`,
    },
    upgrade: async (tx) => {
      await giveUids(tx, STORE.urges);
      await giveUids(tx, STORE.letters);
      await giveUids(tx, STORE.contacts);
    },
  },
];

/** The schema version pages open the database at: the newest step. */
export const SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]?.version ?? 1;

/** Dexie stores version `n` as IndexedDB version `n * 10` (it allows fractional versions). */
export const idbVersion = (version: number) => Math.round(version * 10);
