import { startOfDay } from './calendar';
import type { Period } from './period';
import { periodItem } from './settings';

/** Starts a new no-contact period from validated form values. */
export async function startPeriod(value: { startDate: string; lengthDays: number }, now = Date.now()): Promise<Period> {
  const period: Period = {
    id: crypto.randomUUID(),
    startDate: value.startDate,
    lengthDays: value.lengthDays,
    createdAt: now,
  };
  await periodItem.setValue(period);
  return period;
}

/** The instant the period's first day began, for range queries over the urge log. */
export function periodStartInstant(period: Period, timeZone?: string): number {
  return startOfDay(period.startDate, timeZone);
}
