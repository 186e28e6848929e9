import { newUid } from '../records/schema';
import { periodItem } from '../settings/settings';
import type { Period } from './period';

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
