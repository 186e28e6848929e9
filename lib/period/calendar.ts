/**
 * Calendar days in the user's own time zone.
 *
 * A no-contact period is counted in calendar days ("day 12 of 30"), not in 24-hour blocks, so a
 * day that is 23 or 25 hours long because of a DST change still counts as one day. Every function
 * takes the time zone as an argument (the browser's own by default) so tests can pin it.
 */

/** A local calendar date, `YYYY-MM-DD`. */
export type DayKey = string;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(key, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export interface LocalTime {
  day: DayKey;
  /** 0-23 */
  hour: number;
  minute: number;
  /** 0 = Sunday */
  weekday: number;
}

/** The calendar date, hour and weekday of an instant, as seen on a wall clock in `timeZone`. */
export function localTime(instant: number | Date, timeZone?: string): LocalTime {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

export function dayKeyOf(instant: number | Date, timeZone?: string): DayKey {
  return localTime(instant, timeZone).day;
}

export function isDayKey(value: string): boolean {
  const m = DAY_KEY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtcMidnight(key: DayKey): number {
  const m = DAY_KEY.exec(key);
  if (!m) throw new RangeError(`Not a calendar date: ${key}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMidnight(ms: number): DayKey {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `key` moved by `days` calendar days (negative to go back). */
export function addDays(key: DayKey, days: number): DayKey {
  return fromUtcMidnight(toUtcMidnight(key) + days * MS_PER_DAY);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / MS_PER_DAY);
}

/** 0 = Sunday, for a calendar date (independent of time zone). */
export function weekdayOf(key: DayKey): number {
  return new Date(toUtcMidnight(key)).getUTCDay();
}

/**
 * The instant a calendar day begins in `timeZone`. Usually local midnight; on the rare days a DST
 * jump skips midnight itself, the first minute that exists.
 */
export function startOfDay(key: DayKey, timeZone?: string): number {
  // Start from UTC midnight of that date and correct by the zone's offset. Two passes settle the
  // offset on either side of a DST change.
  let guess = toUtcMidnight(key);
  for (let i = 0; i < 3; i++) {
    const seen = localTime(guess, timeZone);
    const drift = daysBetween(key, seen.day) * 1440 + seen.hour * 60 + seen.minute;
    if (drift === 0) return guess;
    guess -= drift * 60_000;
  }
  // The day begins at a skipped midnight: step forward to the first minute that is on `key`.
  while (localTime(guess, timeZone).day !== key) guess += 60_000;
  return guess;
}
