import type { Table } from 'dexie';
import {
  lockActive,
  type PendingChange,
  parsePending,
  pendingChangesItem,
  planSettings,
  request,
} from '../lock/cool-off';
import type { Period } from '../period/period';
import type { BreathingRoomDb } from '../records/db';
import { parsePeriod, parseSettings, periodItem, type Settings, settingsItem } from '../settings/settings';
import type { Backup } from './format';

/**
 * `merge` adds the backup's records to this device's, skipping any whose id is already here, and
 * keeps this device's settings and period. `replace` makes this device hold exactly the backup's
 * records, and takes its settings and period too, except that while a period runs nothing that
 * lowers protection applies at once (see below).
 */
export type ImportMode = 'merge' | 'replace';

export interface ImportSummary {
  added: { urges: number; letters: number; contacts: number; pastPeriods: number };
  /** Records skipped in a merge because this device already had their id. */
  skipped: number;
  /** Whether settings and period came from the backup. */
  settingsRestored: boolean;
  /** Parts of the backup's settings that wait out the cool-off, as any other change would. */
  waiting: PendingChange[];
}

interface StorageState {
  settings: Settings;
  period: Period | null;
  pending: PendingChange[];
}

/**
 * What `replace` does to settings and the period. With no period running, the backup's are taken
 * as they are. While one runs, the running period stays (a backup of the same period may only
 * lengthen it), and the backup's settings go through the cool-off like a change made by hand: so
 * importing an old file can never switch protection off in a weak moment.
 */
export function replacedStorage(
  current: StorageState,
  backup: Backup,
  now: number,
): StorageState & { waiting: PendingChange[] } {
  if (!lockActive(current.period, now)) {
    return { settings: backup.settings, period: backup.period, pending: current.pending, waiting: [] };
  }
  const running = current.period;
  const period =
    backup.period && backup.period.id === running.id && backup.period.lengthDays > running.lengthDays
      ? { ...running, lengthDays: backup.period.lengthDays }
      : running;
  const plan = planSettings(current.settings, backup.settings);
  const pending = request(current.pending, plan.later, running, now);
  const waiting = pending.filter((p) => !current.pending.includes(p));
  return { settings: plan.now, period, pending, waiting };
}

/**
 * Rows written per request. One request for 200,000 rows would hold the page for seconds while
 * the browser copies them; a few thousand take a few milliseconds, and between two requests the
 * page draws and answers clicks. All of them stay inside the one transaction, which IndexedDB
 * keeps open for as long as a request is pending, so the import is still all or nothing.
 */
export const ROWS_PER_BATCH = 500;

/** Rows written so far, of how many. */
export type ImportProgress = (written: number, total: number) => void;

async function putAll<T extends { id: K }, K extends number | string, I>(
  table: Table<T, K, I>,
  rows: readonly T[],
  mode: ImportMode,
  wrote: (rows: number) => void,
): Promise<{ added: number; skipped: number }> {
  // Rows carry their ids, which is what an insert of these tables accepts.
  const insert = (list: readonly T[]) => table.bulkAdd(list as unknown as I[]);
  if (mode === 'replace') await table.clear();
  let added = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_BATCH) {
    const batch = rows.slice(start, start + ROWS_PER_BATCH);
    let fresh = batch;
    if (mode === 'merge') {
      const existing = new Set<K>(
        await table
          .where(':id')
          .anyOf(batch.map((r) => r.id))
          .primaryKeys(),
      );
      fresh = batch.filter((r) => !existing.has(r.id));
    }
    await insert(fresh);
    added += fresh.length;
    wrote(batch.length);
  }
  return { added, skipped: rows.length - added };
}

/**
 * Imports a backup that `parseBackup` has already checked. The records go in one database
 * transaction, so a failure part-way leaves every table as it was; settings are written first and
 * put back if the transaction fails, so the device ends either fully imported or untouched. The
 * rows go in batches (`ROWS_PER_BATCH`), and `onProgress` hears after each how many are written.
 */
export async function importBackup(
  db: BreathingRoomDb,
  backup: Backup,
  mode: ImportMode,
  now = Date.now(),
  onProgress: ImportProgress = () => {},
): Promise<ImportSummary> {
  // Read once: kept as stored, to put back if the import fails, and parsed, to plan with.
  const rawBefore = {
    settings: await settingsItem.getValue(),
    period: await periodItem.getValue(),
    pending: await pendingChangesItem.getValue(),
  };
  const before: StorageState = {
    settings: parseSettings(rawBefore.settings),
    period: parsePeriod(rawBefore.period),
    pending: parsePending(rawBefore.pending),
  };
  let waiting: PendingChange[] = [];
  if (mode === 'replace') {
    const next = replacedStorage(before, backup, now);
    waiting = next.waiting;
    await settingsItem.setValue(next.settings);
    await periodItem.setValue(next.period);
    await pendingChangesItem.setValue(next.pending);
  }
  try {
    const counts = await db.transaction(
      'rw',
      [db.urges, db.letters, db.contacts, db.periods, db.summaries, db.meta],
      async () => {
        const total = backup.urges.length + backup.letters.length + backup.contacts.length + backup.pastPeriods.length;
        let written = 0;
        const wrote = (rows: number) => {
          written += rows;
          onProgress(written, total);
        };
        const urges = await putAll(db.urges, backup.urges, mode, wrote);
        const letters = await putAll(db.letters, backup.letters, mode, wrote);
        const contacts = await putAll(db.contacts, backup.contacts, mode, wrote);
        const pastPeriods = await putAll(db.periods, backup.pastPeriods, mode, wrote);
        // Daily summaries are rebuilt from the log on the next read (see summaries.ts).
        await db.summaries.clear();
        await db.meta.clear();
        return { urges, letters, contacts, pastPeriods };
      },
    );
    return {
      added: {
        urges: counts.urges.added,
        letters: counts.letters.added,
        contacts: counts.contacts.added,
        pastPeriods: counts.pastPeriods.added,
      },
      skipped: counts.urges.skipped + counts.letters.skipped + counts.contacts.skipped + counts.pastPeriods.skipped,
      settingsRestored: mode === 'replace',
      waiting,
    };
  } catch (error) {
    if (mode === 'replace') {
      await settingsItem.setValue(rawBefore.settings);
      await periodItem.setValue(rawBefore.period);
      await pendingChangesItem.setValue(rawBefore.pending);
    }
    throw error;
  }
}
