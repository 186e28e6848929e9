import { Dexie, type EntityTable, type Table } from 'dexie';
import { type Contact, DB_NAME, INDEX, type Letter, type PastPeriod, type Urge } from './records';
import type { DaySummary } from './summaries';

export class BreathingRoomDb extends Dexie {
  urges!: EntityTable<Urge, 'id'>;
  letters!: EntityTable<Letter, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  periods!: EntityTable<PastPeriod, 'id'>;
  summaries!: Table<DaySummary, [string, string]>;
  meta!: Table<{ key: string; maxId: number }, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: the urge log. `time` orders history and bounds date ranges; `day` answers
    // "today" with an index count; [outcome+time] counts resisted urges over a range.
    this.version(1).stores({
      urges: '++id, time, day, outcome, [outcome+time], periodId',
    });
    // Version 2: unsent letters, newest first by `updatedAt`; urges gain a typed `answer`.
    this.version(2)
      .stores({ letters: '++id, updatedAt' })
      .upgrade((tx) =>
        tx
          .table('urges')
          .toCollection()
          .modify((urge: Partial<Urge>) => {
            urge.answer ??= '';
          }),
      );
    // Version 3: contacts and past periods, and the indexes the popup and insights count with,
    // so no view ever reads the whole log: per day and outcome, per period by weekday and hour,
    // trigger and site.
    this.version(3).stores({
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
    });
    // Version 4: daily summaries (see summaries.ts), which replace counting the log. The indexes
    // that counting needed go; the summaries are built lazily from the log on first read, so
    // this upgrade touches no urge.
    this.version(4).stores({
      urges: `++id, ${[INDEX.time, INDEX.day, INDEX.outcomeTime, INDEX.periodId].join(', ')}`,
      summaries: '[periodId+day], day',
      meta: 'key',
    });
  }
}

let instance: BreathingRoomDb | null = null;

/** The extension's database. Only extension pages open it; content scripts never do. */
export function getDb(): BreathingRoomDb {
  instance ??= new BreathingRoomDb();
  return instance;
}
