import { isDayKey } from '../period/calendar';
import type { Contact, Letter, PastPeriod, Urge } from './types';
import { TRIGGERS } from './types';

/**
 * Whether a stored row can be shown. Rows reach IndexedDB from old versions, from bugs, from a
 * backup checked less strictly than today: a time that is NaN or in the year 275760, a missing
 * field, a note that is a number. Shown as they are, they crash the page that draws them (a date
 * formatter throws on an invalid date, a calendar on a day it can't read), and it stays crashed on
 * every open. So every page passes its rows through these checks, shows the ones that pass, and
 * says how many it left out. Nothing is deleted: the rows stay where they are.
 */

/** The first moment of 2000: Breathing Room recorded nothing earlier. */
const EARLIEST = Date.UTC(2000, 0, 1);
/** The last moment of the year 9999: later times have no four-digit day, and no calendar reads them. */
const LATEST = Date.UTC(10_000, 0, 1) - 1;
/** Longer than any text the forms let through, with room to spare. */
const MAX_TEXT = 100_000;

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= EARLIEST && v <= LATEST;
const isDay = (v: unknown): v is string => typeof v === 'string' && isDayKey(v) && v >= '2000-01-01';
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isId = (v: unknown): v is number => isInt(v, 1, Number.MAX_SAFE_INTEGER);
const isPeriodId = (v: unknown) => v === null || isText(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const TRIGGER_IDS = new Set<unknown>(TRIGGERS.map((t) => t.id));

export function readableUrge(row: unknown): row is Urge {
  return (
    isRecord(row) &&
    isId(row.id) &&
    isTime(row.time) &&
    isDay(row.day) &&
    isInt(row.hour, 0, 23) &&
    isInt(row.weekday, 0, 6) &&
    isText(row.host) &&
    isText(row.category) &&
    isText(row.context) &&
    (row.intensity === null || isInt(row.intensity, 1, 5)) &&
    (row.trigger === null || TRIGGER_IDS.has(row.trigger)) &&
    isText(row.note) &&
    (row.outcome === 'resisted' || row.outcome === 'gave-in') &&
    // Urges from before answers existed have none; the version 2 upgrade gives them ''.
    (row.answer === undefined || isText(row.answer)) &&
    (row.continued === undefined || typeof row.continued === 'boolean') &&
    (row.prompt === undefined || isText(row.prompt)) &&
    isPeriodId(row.periodId)
  );
}

export function readableLetter(row: unknown): row is Letter {
  return (
    isRecord(row) &&
    isId(row.id) &&
    isTime(row.createdAt) &&
    isTime(row.updatedAt) &&
    isText(row.body) &&
    isText(row.host) &&
    isPeriodId(row.periodId)
  );
}

export function readableContact(row: unknown): row is Contact {
  return (
    isRecord(row) &&
    isId(row.id) &&
    isTime(row.time) &&
    isDay(row.day) &&
    (row.kind === 'contact' || row.kind === 'they-reached-out') &&
    (row.startedBy === 'me' || row.startedBy === 'them') &&
    (row.howItWent === null || ['helped', 'mixed', 'hurt', 'unsure'].includes(row.howItWent as string)) &&
    isText(row.note) &&
    isPeriodId(row.periodId)
  );
}

export function readablePastPeriod(row: unknown): row is PastPeriod {
  return (
    isRecord(row) &&
    typeof row.id === 'string' &&
    row.id.length > 0 &&
    row.id.length <= MAX_TEXT &&
    isDay(row.startDate) &&
    isInt(row.lengthDays, 1, 100_000) &&
    isTime(row.createdAt) &&
    isTime(row.closedAt) &&
    (row.closedHow === 'moved-on' || row.closedHow === 'reconnected') &&
    (row.readiness === null ||
      row.readiness === undefined ||
      (isRecord(row.readiness) && isInt(row.readiness.ticked, 0, 1000) && isInt(row.readiness.of, 0, 1000)))
  );
}

/** The rows that can be shown, and how many could not. */
export interface Readable<T> {
  rows: T[];
  skipped: number;
}

/** The rows that can be shown, and how many could not. */
export function readableRows<T>(rows: readonly unknown[], readable: (row: unknown) => row is T): Readable<T> {
  const shown = rows.filter(readable);
  return { rows: shown, skipped: rows.length - shown.length };
}

/** What a page says about rows it left out, or null when it left none. */
export function skippedWords(skipped: number): string | null {
  if (skipped <= 0) return null;
  return skipped === 1
    ? '1 entry couldn’t be read and is not shown. It is still stored on this device.'
    : `${skipped} entries couldn’t be read and are not shown. They are still stored on this device.`;
}
