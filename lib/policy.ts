import type { Policy } from './match-url';
import { isPeriodActive, type Period } from './period';
import type { Settings } from './settings';

/** The policy in force at `now`: null when no period is active, which means nothing is stopped. */
export function policyFromSettings(
  settings: Settings,
  period: Period | null,
  now: number,
  timeZone?: string,
): Policy | null {
  if (!isPeriodActive(period, now, timeZone)) return null;
  return { categories: { ...settings.categories } };
}
