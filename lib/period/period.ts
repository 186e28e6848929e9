import { addDays, type DayKey, dayKeyOf, daysBetween, isDayKey } from './calendar';

export {
  DEFAULT_COOL_OFF_HOURS,
  DEFAULT_LENGTH_DAYS,
  MAX_BACKDATE_DAYS,
  MAX_COOL_OFF_HOURS,
  MAX_LENGTH_DAYS,
  MAX_TOTAL_DAYS,
  MIN_COOL_OFF_HOURS,
  MIN_LENGTH_DAYS,
} from '../settings/limits';

import {
  MAX_BACKDATE_DAYS,
  MAX_COOL_OFF_HOURS,
  MAX_LENGTH_DAYS,
  MIN_COOL_OFF_HOURS,
  MIN_LENGTH_DAYS,
} from '../settings/limits';

export const LENGTH_PRESETS = [30, 45, 60, 90] as const;

export interface Period {
  /** Stable id, also stored on every urge logged during the period. */
  id: string;
  /** First day of no contact, a local calendar date. */
  startDate: DayKey;
  lengthDays: number;
  /** When the user pressed "Start no-contact" (epoch ms). */
  createdAt: number;
  /** Hours a change that lowers protection waits before it takes effect. */
  coolOffHours: number;
}

export type PeriodStatus =
  | { state: 'upcoming'; startDate: DayKey; lengthDays: number }
  | {
      state: 'active';
      /** Day N of M: 1 on the start date. */
      day: number;
      lengthDays: number;
      /** The first day after the period (exclusive end). */
      endDate: DayKey;
      daysLeft: number;
    }
  | { state: 'ended'; lengthDays: number; endDate: DayKey };

/** Where `today` falls in a period. A period runs from its start date up to, not including, start + length. */
export function periodStatus(period: Pick<Period, 'startDate' | 'lengthDays'>, today: DayKey): PeriodStatus {
  const endDate = addDays(period.startDate, period.lengthDays);
  const elapsed = daysBetween(period.startDate, today);
  if (elapsed < 0) return { state: 'upcoming', startDate: period.startDate, lengthDays: period.lengthDays };
  if (today >= endDate) return { state: 'ended', lengthDays: period.lengthDays, endDate };
  return {
    state: 'active',
    day: elapsed + 1,
    lengthDays: period.lengthDays,
    endDate,
    daysLeft: period.lengthDays - elapsed,
  };
}

export function isPeriodActive(period: Period | null | undefined, now: number, timeZone?: string): boolean {
  return !!period && periodStatus(period, dayKeyOf(now, timeZone)).state === 'active';
}

export interface PeriodForm {
  startDate: string;
  lengthDays: string;
  coolOffHours: string;
}

export type PeriodFormErrors = Partial<Record<keyof PeriodForm, string>>;

export type PeriodFormResult =
  | { ok: true; value: { startDate: DayKey; lengthDays: number; coolOffHours: number } }
  | { ok: false; errors: PeriodFormErrors };

/** Checks the "Start no-contact" form. Messages are written to be shown next to the field. */
export function validatePeriodForm(form: PeriodForm, today: DayKey): PeriodFormResult {
  const errors: PeriodFormErrors = {};
  const startDate = form.startDate.trim();
  const lengthText = form.lengthDays.trim();

  if (!startDate) {
    errors.startDate = 'Choose the day your no contact began.';
  } else if (!isDayKey(startDate)) {
    errors.startDate = 'Enter a real date, like 2026-03-01.';
  } else if (startDate > today) {
    errors.startDate = 'The start date can’t be in the future. Start today, or on a day that has passed.';
  } else if (daysBetween(startDate, today) > MAX_BACKDATE_DAYS) {
    errors.startDate = 'The start date can be at most a year ago.';
  }

  let lengthDays = Number.NaN;
  if (!/^\d+$/.test(lengthText)) {
    errors.lengthDays = `Enter a whole number of days, from ${MIN_LENGTH_DAYS} to ${MAX_LENGTH_DAYS}.`;
  } else {
    lengthDays = Number(lengthText);
    if (lengthDays < MIN_LENGTH_DAYS || lengthDays > MAX_LENGTH_DAYS) {
      errors.lengthDays = `Choose between ${MIN_LENGTH_DAYS} and ${MAX_LENGTH_DAYS} days.`;
    }
  }

  if (!errors.startDate && !errors.lengthDays && addDays(startDate, lengthDays) <= today) {
    errors.lengthDays = `A period of ${lengthDays} days from that date has already ended. Choose a later start or more days.`;
  }

  const coolOffText = form.coolOffHours.trim();
  const coolOffHours = Number(coolOffText);
  if (!/^\d+$/.test(coolOffText) || coolOffHours < MIN_COOL_OFF_HOURS || coolOffHours > MAX_COOL_OFF_HOURS) {
    errors.coolOffHours = `Enter a whole number of hours, from ${MIN_COOL_OFF_HOURS} to ${MAX_COOL_OFF_HOURS}.`;
  }

  if (errors.startDate || errors.lengthDays || errors.coolOffHours) return { ok: false, errors };
  return { ok: true, value: { startDate, lengthDays, coolOffHours } };
}
