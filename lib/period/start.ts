import { periodItem } from '../settings/settings';
import type { Period } from './period';

/** Starts a new no-contact period from validated form values. */
export async function startPeriod(
  value: Pick<Period, 'startDate' | 'lengthDays' | 'coolOffHours'>,
  now = Date.now(),
): Promise<Period> {
  const period: Period = {
    id: crypto.randomUUID(),
    startDate: value.startDate,
    lengthDays: value.lengthDays,
    createdAt: now,
    coolOffHours: value.coolOffHours,
  };
  await periodItem.setValue(period);
  return period;
}
