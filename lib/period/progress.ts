import { streakDays } from '../records/stats';
import { type DayKey, isDayKey } from './calendar';

/**
 * The popup's numbers, told in the positive. Pure, so its rules are tested on their own:
 *
 * - beside "Day N of M", the urges ridden out this period, and the days without contact only when
 *   they say something the day count does not (after a contact in this period);
 * - a streak never shows a big 0: on the day of a contact it says, kindly, that the count starts
 *   again today;
 * - no figure repeats another: a count of the same urges as one already shown is left out (the
 *   period's when they were all today's, or all ridden out), and on day 1 the week's and the
 *   period's counts, which can only repeat today's, are not shown;
 * - the days since going on to a site are not a headline.
 */

export interface Figure {
  /** The number, as shown ("36", "80%", "–" when it cannot be read). */
  value: string;
  /** What it counts, in words a person would use, fitted to the number ("urge ridden out"). */
  label: string;
}

export interface ProgressInput {
  /** Day of the period (1 is its first day). */
  day: number;
  periodStart: DayKey;
  today: DayKey;
  /** Null when the log could not be read. */
  counts: {
    today: number;
    /** Urges this week, and how many were resisted. */
    week: { total: number; resisted: number };
    periodTotal: number;
    periodResisted: number;
    /** The day of the last logged contact, if any (any period). */
    lastContactDay: DayKey | null;
  } | null;
}

export interface Progress {
  /** Beside the progress ring: at most two. */
  header: Figure[];
  /** Said in words where a figure would read 0: after a contact today. */
  contactNote: string | null;
  /** The smaller row below. */
  row: Figure[];
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function progress({ day, periodStart, today, counts }: ProgressInput): Progress {
  const header: Figure[] = [];
  const row: Figure[] = [];
  let contactNote: string | null = null;
  if (!counts) return { header, contactNote, row: [{ value: '–', label: 'urges today' }] };

  const { periodResisted, periodTotal } = counts;
  if (periodResisted > 0) {
    header.push({
      value: String(periodResisted),
      label: plural(periodResisted, 'urge ridden out', 'urges ridden out'),
    });
  }

  const last = counts.lastContactDay;
  const readable = last === null || (isDayKey(last) && last >= '2000-01-01');
  if (!readable) {
    header.push({ value: '–', label: 'days without contact' });
  } else if (last !== null && last >= periodStart && last <= today) {
    // A contact in this period: the count starts again after it. With none, "Day N" says it.
    const free = streakDays(periodStart, last, today);
    if (free === 0) contactNote = 'Your days without contact start again from today. The days you kept still count.';
    else header.push({ value: String(free), label: plural(free, 'day without contact', 'days without contact') });
  }

  // Today's urges, unless they are every urge of the period and all ridden out: the headline says it.
  if (!(counts.today === periodTotal && counts.today === periodResisted && periodResisted > 0)) {
    row.push({ value: String(counts.today), label: plural(counts.today, 'urge today', 'urges today') });
  }
  // From day 2, what the week and the period add, when they are not the same urges again.
  if (day > 1) {
    if (counts.week.total > 0 && counts.week.total !== counts.today) {
      row.push({
        value: `${Math.round((counts.week.resisted / counts.week.total) * 100)}%`,
        label: 'resisted this week',
      });
    }
    if (periodTotal !== counts.today && periodTotal !== periodResisted) {
      row.push({ value: String(periodTotal), label: plural(periodTotal, 'urge this period', 'urges this period') });
    }
  }
  return { header, contactNote, row };
}
