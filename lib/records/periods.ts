import type { BreathingRoomDb } from './db';
import { pagesDb, putRow, type RecordsDb } from './handle';
import { type Readable, readablePastPeriod, readableRows } from './readable';
import { STORE } from './schema';
import { catchUp, summariesForPeriod } from './summaries';
import type { PastPeriod } from './types';

/** Past periods. Every read and write of the `periods` store goes through here. */

/**
 * Keeps the record of a closed period. Keyed by the period's own id, so closing the same period
 * again (a retry, or the cool-off finishing what a page began) replaces its record rather than
 * failing or keeping two.
 */
export async function archivePeriod(past: PastPeriod, db?: RecordsDb): Promise<void> {
  await putRow(STORE.periods, past, db);
}

export interface PastPeriodTotals extends PastPeriod {
  urges: number;
  resisted: number;
}

/**
 * Past periods, most recently closed first, with the urges noted in each and how many were
 * resisted. A row that can't be read is left out and counted.
 */
export async function listPastPeriods(db?: BreathingRoomDb): Promise<Readable<PastPeriodTotals>> {
  const records = db ?? (await pagesDb());
  const { rows: past, skipped } = readableRows(
    await records.periods.orderBy('closedAt').reverse().toArray(),
    readablePastPeriod,
  );
  // Totals come from each period's daily summaries: a row a day, never the whole log.
  await catchUp(records.backendDB());
  const rows = await Promise.all(
    past.map(async (p) => {
      const rows = await summariesForPeriod(records.backendDB(), p.id);
      return {
        ...p,
        urges: rows.reduce((n, r) => n + r.total, 0),
        resisted: rows.reduce((n, r) => n + r.resisted, 0),
      };
    }),
  );
  return { rows, skipped };
}
