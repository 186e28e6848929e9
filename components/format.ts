import type { DayKey } from '@/lib/calendar';

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
