import { ESCALATION_WINDOW_MS } from '../pause/escalation';
import type { BreathingRoomDb } from './db';
import { addRow, pagesDb, type RecordsDb } from './handle';
import { checkUrgeChanges, type UrgeChanges } from './new-records';
import { type Readable, readableUrge } from './readable';
import { newUid, STORE } from './schema';
import { recountDays } from './summaries';
import type { NewUrge, Urge } from './types';

/**
 * The urge log. Every read and write of the `urges` store goes through here. Each function takes
 * the database last and, without one, uses the pages' database; the popup passes its lean handle.
 */

/** Adds a new urge, with a new stable id; gives its row number on this device. */
export async function addUrge(urge: NewUrge, db?: RecordsDb): Promise<number> {
  const row: Omit<Urge, 'id'> = { ...urge, uid: newUid() };
  return (await addRow(STORE.urges, row, db)) as number;
}

export async function getUrge(id: number, db?: BreathingRoomDb): Promise<Urge | undefined> {
  return (db ?? (await pagesDb())).urges.get(id);
}

/** Changes the fields a person can edit on an urge; throws when a value is bad or the urge is gone. */
export async function updateUrge(id: number, changes: UrgeChanges, db?: BreathingRoomDb): Promise<void> {
  const records = db ?? (await pagesDb());
  const checked = checkUrgeChanges(changes);
  const updated = await records.urges.update(id, checked);
  if (!updated) throw new Error('That urge is no longer in your log.');
  // The daily summaries count outcomes and triggers; a note or an answer changes neither.
  if ('outcome' in checked || 'trigger' in checked) {
    const urge = await records.urges.get(id);
    if (urge) await recountDays(records.backendDB(), [urge.day]);
  }
}

/** Deletes an urge and gives it back, for Undo. */
export async function deleteUrge(id: number, db?: BreathingRoomDb): Promise<Urge | undefined> {
  const records = db ?? (await pagesDb());
  const urge = await records.urges.get(id);
  if (!urge) return undefined;
  await records.urges.delete(id);
  await recountDays(records.backendDB(), [urge.day]);
  return urge;
}

/**
 * Puts a deleted urge back exactly as it was, with the same row number and stable id. A replace,
 * so an Undo pressed twice leaves one urge, not an error.
 */
export async function restoreUrge(urge: Urge, db?: BreathingRoomDb): Promise<void> {
  const records = db ?? (await pagesDb());
  await records.urges.put(urge);
  await recountDays(records.backendDB(), [urge.day]);
}

/**
 * How many times, in the hour up to `time`, the person went on to a site from the pause page, not
 * counting the urge `self` (the one this pause is about). Only this makes the next pause longer:
 * stepping away, an urge logged from the popup ("away", whatever its outcome) and a tab sent to
 * the pause page never do. Honesty is never what lengthens a pause.
 */
export async function wentOnInHourBefore(time: number, self?: number, db?: BreathingRoomDb): Promise<number> {
  return (db ?? (await pagesDb())).urges
    .where('[outcome+time]')
    .between(['gave-in', time - ESCALATION_WINDOW_MS], ['gave-in', time], true, true)
    .filter((u) => u.continued === true && u.id !== self)
    .count();
}

/** Every urge, oldest first (for a spreadsheet). */
export async function listUrges(db?: BreathingRoomDb): Promise<Urge[]> {
  return (db ?? (await pagesDb())).urges.orderBy('time').toArray();
}

/**
 * One page of the history: urges from `from` (inclusive) to `to` (exclusive), newest first, that
 * pass `keep`, at most `limit` of them. The date range walks the time index; `keep` tests each
 * urge as it passes. An urge that can't be read is passed over and counted.
 */
export async function urgeHistory(
  db: BreathingRoomDb,
  range: { from: number; to: number },
  keep: (urge: Urge) => boolean,
  limit: number,
): Promise<Readable<Urge>> {
  let skipped = 0;
  const rows = await db.urges
    .where('time')
    .between(range.from, range.to, true, false)
    .reverse()
    .filter((u) => {
      if (readableUrge(u)) return keep(u);
      skipped++;
      return false;
    })
    .limit(limit)
    .toArray();
  return { rows, skipped };
}
