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
