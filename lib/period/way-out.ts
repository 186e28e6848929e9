import type { ClosedHow, PastPeriod } from '../records/types';
import { type DayKey, daysBetween } from './calendar';
import { MAX_TOTAL_DAYS, type Period, type PeriodStatus } from './period';

export const EXTEND_PRESETS = [7, 14, 30] as const;
/** "Say your piece" is for people who have kept no contact for about two months or more. */
export const SAY_YOUR_PIECE_AFTER_DAYS = 60;
/** The readiness check is offered in the last three days of a period, and once it has ended. */
export const READINESS_WINDOW_DAYS = 3;

export function readinessDue(status: PeriodStatus | null): boolean {
  if (!status) return false;
  return status.state === 'ended' || (status.state === 'active' && status.daysLeft <= READINESS_WINDOW_DAYS);
}

export type ExtendResult = { ok: true; period: Period } | { ok: false; error: string };

/** The period made longer by `days` (typed or a preset), or why it can't be. */
export function extendPeriod(period: Period, daysText: string): ExtendResult {
  const text = daysText.trim();
  if (!/^\d+$/.test(text)) return { ok: false, error: 'Enter a whole number of days, like 7 or 21.' };
  const days = Number(text);
  if (days < 1 || days > 365) return { ok: false, error: 'Extend by between 1 and 365 days.' };
  if (period.lengthDays + days > MAX_TOTAL_DAYS) {
    return {
      ok: false,
      error: `A period can last at most ${MAX_TOTAL_DAYS} days; this one can grow by ${MAX_TOTAL_DAYS - period.lengthDays} more.`,
    };
  }
  return { ok: true, period: { ...period, lengthDays: period.lengthDays + days } };
}

/** Days of no contact kept so far in a period (the start day counts as day 1). */
export function daysKept(period: Pick<Period, 'startDate' | 'lengthDays'>, today: DayKey): number {
  return Math.max(0, Math.min(period.lengthDays, daysBetween(period.startDate, today) + 1));
}

export function canSayYourPiece(period: Pick<Period, 'startDate' | 'lengthDays'>, today: DayKey): boolean {
  return daysKept(period, today) >= SAY_YOUR_PIECE_AFTER_DAYS;
}

/** How a period ends: the way on, whether their pages stay paused after it, and the readiness check. */
export interface PeriodEnd {
  how: ClosedHow;
  /** Only counts when moving on: reconnecting never keeps their pages paused. */
  keepPerson: boolean;
  readiness: { ticked: number; of: number } | null;
}

/**
 * The settings once a period has ended: after "Move on", their pages stay paused if the person
 * chose that. Closing now (`closePeriodNow`) and closing after the cool-off (`settle`) both use it.
 */
export function settingsAfterEnd<S extends { keepPersonAfterPeriod: boolean }>(settings: S, end: PeriodEnd): S {
  return { ...settings, keepPersonAfterPeriod: end.how === 'moved-on' && end.keepPerson };
}

/** The record kept of a period once it is closed. History is never erased. */
export function closePeriod(
  period: Period,
  how: ClosedHow,
  readiness: { ticked: number; of: number } | null,
  now: number,
): PastPeriod {
  return {
    id: period.id,
    startDate: period.startDate,
    lengthDays: period.lengthDays,
    createdAt: period.createdAt,
    closedAt: now,
    closedHow: how,
    readiness,
  };
}
