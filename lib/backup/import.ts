import type { Table } from 'dexie';
import { parsePending, pendingChangesItem } from '../lock/pending';
import { lockActive, type PendingChange, planSettings, request } from '../lock/plan';
import type { Period } from '../period/period';
import type { BreathingRoomDb } from '../records/db';
import { pagesDb } from '../records/handle';
import { newUid } from '../records/schema';
import type { Contact, Letter, PastPeriod, Urge } from '../records/types';
import { assertWithinRuleBudget } from '../rules/budget';
import { SaveRefused } from '../settings/refusal';
import { storableProblem } from '../settings/schema';
import { parsePeriod, parseSettings, periodItem, type Settings, settingsItem } from '../settings/settings';
import type { Backup, BackupRow } from './format';

/**
 * `merge` adds the backup's records to this device's, skipping any that is already here (see
 * `sameRecord`), and keeps this device's settings and period. `replace` makes this device hold exactly the backup's
 * records, and takes its settings and period too, except that while a period runs nothing that
 * lowers protection applies at once (see below).
 */
export type ImportMode = 'merge' | 'replace';

export interface ImportSummary {
  added: { urges: number; letters: number; contacts: number; pastPeriods: number };
  /** Records skipped in a merge because this device already had them. */
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
 * What makes two copies of a record the same record, kind by kind. The stable `uid` first; and
 * for every row (old backups have no uid, and a row imported from one got a new uid here) what
 * it was when it was made, which no edit changes: an urge's moment and page, a letter's creation,
 * a contact's moment and kind. A past period's id is the period's own random id. The numeric
 * `id` never counts: it is only the row's number on the device that made it, and another
 * browser numbers its own urges 1, 2, 3 too.
 */
const IDENTITY = {
  urges: (u: BackupRow<Urge>) => JSON.stringify([u.time, u.host, u.category, u.context, u.periodId]),
  letters: (l: BackupRow<Letter>) => JSON.stringify([l.createdAt, l.host, l.periodId]),
  contacts: (c: BackupRow<Contact>) => JSON.stringify([c.time, c.kind, c.startedBy, c.periodId]),
};

/**
 * Rows written per request. One request for 200,000 rows would hold the page for seconds while
 * the browser copies them; a few hundred take a few milliseconds, and between two requests the
 * page draws and answers clicks. All of them stay inside the one transaction, which IndexedDB
 * keeps open for as long as a request is pending, so the import is still all or nothing.
 */
export const ROWS_PER_BATCH = 500;

/** Rows written (or found already here) so far, of how many. */
export type ImportProgress = (done: number, total: number) => void;

/** Adds `rows` a batch at a time, telling `done` after each batch how many it handled. */
async function addInBatches<T, K, I>(
  table: Table<T, K, I>,
  rows: readonly T[],
  done: (rows: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_BATCH) {
    const batch = rows.slice(start, start + ROWS_PER_BATCH);
    await table.bulkAdd(batch as unknown as I[]);
    done(batch.length);
  }
}

/**
 * Reads every row already in `table`, a page at a time in key order: one read of 200,000 rows
 * would hold the page while the browser copies them all at once.
 */
async function eachStored<T extends { id: number }>(
  table: Table<T, number, unknown>,
  visit: (rows: readonly T[]) => void,
): Promise<void> {
  let after = Number.NEGATIVE_INFINITY;
  for (;;) {
    const page = await table
      .where(':id')
      .above(after)
      .limit(ROWS_PER_BATCH * 10)
      .toArray();
    const last = page.at(-1);
    if (!last) return;
    visit(page);
    after = last.id;
  }
}

/**
 * A backup's rows into a table that numbers its own rows (urges, letters, contacts). The work is
 * done a batch at a time, each batch's rows checked and then written, so the page's thread is
 * never held by more than a batch.
 */
async function putNumbered<T extends { id: number; uid: string }>(
  table: Table<T, number, unknown>,
  rows: readonly BackupRow<T>[],
  mode: ImportMode,
  identity: (row: BackupRow<T>) => string,
  done: (rows: number) => void,
): Promise<{ added: number; skipped: number }> {
  const uids = new Set<string>();
  const made = new Set<string>();
  if (mode === 'replace') await table.clear();
  else
    await eachStored(table, (page) => {
      for (const row of page) {
        uids.add(row.uid);
        made.add(identity(row as BackupRow<T>));
      }
    });
  let added = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_BATCH) {
    const batch = rows.slice(start, start + ROWS_PER_BATCH);
    const fresh: T[] = [];
    for (const row of batch) {
      if (mode === 'merge') {
        const key = identity(row);
        if ((row.uid !== undefined && uids.has(row.uid)) || made.has(key)) continue;
        made.add(key);
      }
      // Every row on the device has a stable id: one from an old backup gets its own here.
      const uid = row.uid ?? newUid();
      uids.add(uid);
      if (mode === 'replace') fresh.push({ ...row, uid } as T);
      else {
        // A new row on this device: it takes this device's next number, never the backup's.
        const { id: _theirNumber, ...rest } = row;
        fresh.push({ ...rest, uid } as unknown as T);
      }
    }
    if (fresh.length) await table.bulkAdd(fresh);
    added += fresh.length;
    done(batch.length);
  }
  return { added, skipped: rows.length - added };
}

/** Past periods, keyed by the period's own id. */
async function putPeriods(
  table: BreathingRoomDb['periods'],
  rows: readonly PastPeriod[],
  mode: ImportMode,
  done: (rows: number) => void,
): Promise<{ added: number; skipped: number }> {
  if (mode === 'replace') {
    await table.clear();
    await addInBatches(table, rows, done);
    return { added: rows.length, skipped: 0 };
  }
  const existing = new Set(
    await table
      .where(':id')
      .anyOf(rows.map((r) => r.id))
      .primaryKeys(),
  );
  const fresh = rows.filter((r) => !existing.has(r.id));
  done(rows.length - fresh.length);
  await addInBatches(table, fresh, done);
  return { added: fresh.length, skipped: rows.length - fresh.length };
}

/**
 * Imports a backup that `parseBackup` has already checked. The records go in one database
 * transaction, so a failure part-way leaves every table as it was; settings are written first and
 * put back if the transaction fails, so the device ends either fully imported or untouched. The
 * rows go in batches (`ROWS_PER_BATCH`), and `onProgress` hears after each how many are done.
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
    // Refused before anything is written, so the device keeps all it pauses now.
    const unstorable = storableProblem(next.settings, 'This backup');
    if (unstorable) throw new SaveRefused(unstorable);
    assertWithinRuleBudget(before.settings, next.settings, 'This backup');
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
        let handled = 0;
        const done = (rows: number) => {
          if (rows === 0) return;
          handled += rows;
          onProgress(handled, total);
        };
        const urges = await putNumbered(db.urges, backup.urges, mode, IDENTITY.urges, done);
        const letters = await putNumbered(db.letters, backup.letters, mode, IDENTITY.letters, done);
        const contacts = await putNumbered(db.contacts, backup.contacts, mode, IDENTITY.contacts, done);
        const pastPeriods = await putPeriods(db.periods, backup.pastPeriods, mode, done);
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

/** Imports a backup into this device's database (the pages'), as `importBackup` does. */
export async function importIntoThisDevice(
  backup: Backup,
  mode: ImportMode,
  onProgress?: ImportProgress,
): Promise<ImportSummary> {
  return importBackup(await pagesDb(), backup, mode, Date.now(), onProgress);
}
