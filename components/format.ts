import type { DayKey } from '@/lib/period/calendar';

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar day in the reader's words: "Sunday, 1 March 2026". */
export function formatDay(day: DayKey): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

const momentFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment in the reader's time zone: "Tuesday 24 November, 03:12". */
export function formatMoment(epochMs: number): string {
  return momentFormat.format(new Date(epochMs));
}

/** "1st", "2nd", "3rd", "11th", "22nd"… */
export function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}
