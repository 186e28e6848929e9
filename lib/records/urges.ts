import { ESCALATION_WINDOW_MS } from '../pause/escalation';
import type { BreathingRoomDb } from './db';
import { checkUrgeChanges, type UrgeChanges } from './new-records';
import { recountDays } from './summaries';
import type { NewUrge, Urge } from './types';

export async function recordUrge(db: BreathingRoomDb, urge: NewUrge): Promise<number> {
  return db.urges.add(urge as Urge);
}

export async function updateUrge(db: BreathingRoomDb, id: number, changes: UrgeChanges): Promise<void> {
  const checked = checkUrgeChanges(changes);
  const updated = await db.urges.update(id, checked);
  if (!updated) throw new Error('That urge is no longer in your log.');
  // The daily summaries count outcomes and triggers; a note or an answer changes neither.
  if ('outcome' in checked || 'trigger' in checked) {
    const urge = await db.urges.get(id);
    if (urge) await recountDays(db.backendDB(), [urge.day]);
  }
}

/** Deletes an urge and gives it back, for Undo. */
export async function deleteUrge(db: BreathingRoomDb, id: number): Promise<Urge | undefined> {
  const urge = await db.urges.get(id);
  if (!urge) return undefined;
  await db.urges.delete(id);
  await recountDays(db.backendDB(), [urge.day]);
  return urge;
}

/** Puts a deleted urge back exactly as it was. */
export async function restoreUrge(db: BreathingRoomDb, urge: Urge): Promise<void> {
  await db.urges.put(urge);
  await recountDays(db.backendDB(), [urge.day]);
}

/** Urges in the hour up to `time`, not counting the urge `self` (the one this hour is about). */
export async function urgesInHourBefore(db: BreathingRoomDb, time: number, self?: number): Promise<number> {
  const range = db.urges.where('time').between(time - ESCALATION_WINDOW_MS, time, true, true);
  return self === undefined ? range.count() : range.filter((u) => u.id !== self).count();
}
