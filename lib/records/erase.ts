import type { Table } from 'dexie';
import type { BreathingRoomDb } from './db';
import { pagesDb } from './handle';

/** Empties the given tables in one transaction: all of them, or none. */
export async function clearTables(db: BreathingRoomDb, tables: readonly Table[]): Promise<void> {
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
}

/** Deletes the urge log, letters and contacts. Settings, the running period and past periods stay. */
export async function wipeHistory(db?: BreathingRoomDb): Promise<void> {
  const records = db ?? (await pagesDb());
  return clearTables(records, [records.urges, records.letters, records.contacts, records.summaries, records.meta]);
}

/** Every table of the database: urges, letters, contacts, past periods and summaries. */
export async function clearDatabase(db?: BreathingRoomDb): Promise<void> {
  const records = db ?? (await pagesDb());
  return clearTables(records, records.tables);
}

export interface EraseDeps {
  /** The pages' database unless given. */
  db?: BreathingRoomDb;
  storage: { local: { clear(): Promise<void> }; session: { clear(): Promise<void> } };
  dnr: {
    getDynamicRules(): Promise<{ id: number }[]>;
    updateDynamicRules(options: { removeRuleIds: number[] }): Promise<void>;
    getSessionRules(): Promise<{ id: number }[]>;
    updateSessionRules(options: { removeRuleIds: number[] }): Promise<void>;
  };
  alarms: { clearAll(): Promise<unknown> };
}

/**
 * "Delete everything": every record, every setting (the period, the person, waiting changes,
 * remembered prompts), every blocking and "continue" rule, and every alarm. What is left is the
 * extension as it was on the day it was installed.
 */
export async function eraseEverything(deps: EraseDeps): Promise<void> {
  await clearDatabase(deps.db);
  await deps.storage.local.clear();
  await deps.storage.session.clear();
  const dynamic = await deps.dnr.getDynamicRules();
  if (dynamic.length) await deps.dnr.updateDynamicRules({ removeRuleIds: dynamic.map((r) => r.id) });
  const session = await deps.dnr.getSessionRules();
  if (session.length) await deps.dnr.updateSessionRules({ removeRuleIds: session.map((r) => r.id) });
  await deps.alarms.clearAll();
}
