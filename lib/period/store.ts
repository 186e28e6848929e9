import type { RecordsDb } from '../records/handle';
import { archivePeriod } from '../records/periods';
import { newUid } from '../records/schema';
import { periodItem, saveSettings } from '../settings/settings';
import type { Period } from './period';
import { closePeriod, type PeriodEnd, settingsAfterEnd } from './way-out';

/** The running period in storage: starting one, and closing it at once. */

/** Starts a new no-contact period from validated form values. */
export async function startPeriod(
  value: Pick<Period, 'startDate' | 'lengthDays' | 'coolOffHours'>,
  now = Date.now(),
): Promise<Period> {
  const period: Period = {
    // The period's stable id: its past-period record and every urge, letter and contact of it
    // keep it, on every device a backup reaches.
    id: newUid(),
    startDate: value.startDate,
    lengthDays: value.lengthDays,
    createdAt: now,
    coolOffHours: value.coolOffHours,
  };
  await periodItem.setValue(period);
  return period;
}

/**
 * Closes a period now, when no cool-off holds it (it has run its course): its record goes into the
 * history first, so closing again after a failure part-way replaces that record rather than
 * keeping two; then the settings it leaves behind, then no running period. A period still inside
 * its cool-off is closed by the background's `settle`, through the same `closePeriod` and
 * `settingsAfterEnd`.
 */
export async function closePeriodNow(period: Period, end: PeriodEnd, now = Date.now(), db?: RecordsDb): Promise<void> {
  await archivePeriod(closePeriod(period, end.how, end.readiness, now), db);
  await saveSettings((current) => settingsAfterEnd(current, end));
  await periodItem.setValue(null);
}
