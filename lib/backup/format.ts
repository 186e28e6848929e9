import { z } from 'zod/mini';
import { dayKeyOf } from '../period/calendar';
import type { Period } from '../period/period';
import type { Contact, Letter, PastPeriod, Urge } from '../records/types';
import { LETTER_MAX_LENGTH, MAX_PROMPT_ID_LENGTH, NOTE_MAX_LENGTH, TRIGGERS } from '../records/types';
import { MAX_HOST_LENGTH, MAX_ID_LENGTH, MAX_TOTAL_DAYS } from '../settings/limits';
import {
  backupPeriodSchema,
  backupSettingsSchema,
  day,
  readinessSchema,
  type Settings,
  time,
} from '../settings/schema';

/**
 * The backup file: everything Breathing Room keeps, as one JSON document. Its shape is documented
 * for people in `docs/backup-format.md`; keep the two in step. Bump `BACKUP_VERSION` whenever the
 * shape changes, and keep reading every older version.
 *
 * A backup is a boundary like any other: it may be damaged, cut short, hand-edited or not ours at
 * all. `parseBackup` checks all of it with a schema before anything is written, and says what is
 * wrong in words a person can act on.
 */

export const BACKUP_FORMAT = 'breathing-room-export';
/** 1: the first export. 2: periods gain `coolOffHours`. */
export const BACKUP_VERSION = 2;
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

const MAX_ANSWER_LENGTH = NOTE_MAX_LENGTH;

const int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
const str = (max: number) => z.string().check(z.maxLength(max));
const rowId = int(1, Number.MAX_SAFE_INTEGER);
/** A record's stable id (see `newUid`); missing in backups made before it existed. */
const uid = z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)));
const periodId = z.nullable(str(MAX_ID_LENGTH));

const urgeSchema = z.object({
  id: rowId,
  uid,
  time,
  day,
  hour: int(0, 23),
  weekday: int(0, 6),
  host: str(MAX_HOST_LENGTH),
  category: z.enum(['social', 'messaging', 'person', 'search', 'custom', 'away']),
  context: z.enum(['feed', 'messaging', 'profile', 'search', 'away']),
  intensity: z.nullable(int(1, 5)),
  trigger: z.nullable(z.enum(TRIGGERS.map((t) => t.id) as [string, ...string[]])),
  note: str(NOTE_MAX_LENGTH),
  outcome: z.enum(['resisted', 'gave-in']),
  answer: z._default(str(MAX_ANSWER_LENGTH), ''),
  continued: z.optional(z.boolean()),
  prompt: z.optional(str(MAX_PROMPT_ID_LENGTH)),
  periodId,
});

const letterSchema = z.object({
  id: rowId,
  uid,
  createdAt: time,
  updatedAt: time,
  body: str(LETTER_MAX_LENGTH),
  host: str(MAX_HOST_LENGTH),
  periodId,
});

const contactSchema = z.object({
  id: rowId,
  uid,
  time,
  day,
  kind: z.enum(['contact', 'they-reached-out']),
  startedBy: z.enum(['me', 'them']),
  howItWent: z.nullable(z.enum(['helped', 'mixed', 'hurt', 'unsure'])),
  note: str(NOTE_MAX_LENGTH),
  periodId,
});

const pastPeriodSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)),
  startDate: day,
  lengthDays: int(1, MAX_TOTAL_DAYS),
  createdAt: time,
  closedAt: time,
  closedHow: z.enum(['moved-on', 'reconnected']),
  readiness: readinessSchema,
});

/** The whole file, read on `today`: settings and the period as `lib/settings/schema.ts` describes them. */
const backupSchema = (today: string) =>
  z.object({
    format: z.literal(BACKUP_FORMAT),
    version: int(1, BACKUP_VERSION),
    exportedAt: z.string().check(z.maxLength(40)),
    settings: backupSettingsSchema,
    period: z.nullable(backupPeriodSchema(today)),
    urges: z.array(urgeSchema),
    letters: z.array(letterSchema),
    contacts: z.array(contactSchema),
    pastPeriods: z.array(pastPeriodSchema),
  });

/** A row as a backup holds it: its stable `uid` is missing from files made before there was one. */
export type BackupRow<T extends { uid: string }> = Omit<T, 'uid'> & { uid?: string };

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
  period: Period | null;
  urges: BackupRow<Urge>[];
  letters: BackupRow<Letter>[];
  contacts: BackupRow<Contact>[];
  pastPeriods: PastPeriod[];
}

export type BackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

const fail = (error: string): BackupResult => ({ ok: false, error });

const ROW_NAMES: Record<string, string> = {
  urges: 'urge',
  letters: 'letter',
  contacts: 'contact',
  pastPeriods: 'past period',
};

/** Where in the file a problem is, as a person would look for it: "urge 4, “intensity”". */
function describePath(path: readonly PropertyKey[]): string {
  const [top, index, ...rest] = path.map(String);
  if (top && ROW_NAMES[top] && index !== undefined && /^\d+$/.test(index)) {
    const field = rest.length ? `, field “${rest.join('.')}”` : '';
    return `${ROW_NAMES[top]} ${Number(index) + 1} in “${top}”${field}`;
  }
  return path.length ? `“${path.map(String).join('.')}”` : 'the file';
}

const EXPECTED: Record<string, string> = {
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
};

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const where = describePath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(raw, issue.path) === undefined
        ? `${where} is missing`
        : `${where} should be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'too_big':
    case 'too_small':
      return `${where} is out of range`;
    case 'invalid_value':
      return `${where} has a value Breathing Room doesn’t know`;
    case 'custom':
      return `${where} should be ${issue.message}`;
    default:
      return `${where} is not valid`;
  }
}

/** Why a file of this size can't be a backup, or null. Checked before a file is read at all. */
export function sizeProblem(byteLength: number): string | null {
  if (byteLength <= MAX_BACKUP_BYTES) return null;
  return `This file is ${(byteLength / 1024 / 1024).toFixed(1)} MB. A Breathing Room backup can be at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB, so this is not one.`;
}

/** Reads a JSON parse failure: a file cut short reads differently from one that is not JSON at all. */
function jsonProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (!/^[[{]/.test(text)) {
    return 'This file is not JSON, so it is not a Breathing Room backup. Choose the .json file that “Download a backup” saved.';
  }
  const at = /position (\d+)/.exec(message)?.[1];
  if (
    /end of (JSON|data)|Unterminated|unexpected end/i.test(message) ||
    (at !== undefined && Number(at) >= text.length)
  ) {
    return 'This backup is cut short: the file ends in the middle. It may not have finished downloading or copying. Try the original file, or export a new backup.';
  }
  return `This backup is damaged: its JSON is malformed${at ? ` near character ${at}` : ''}. Try the original file, or export a new backup.`;
}

/**
 * Ids (or stable ids) that appear twice within one list would overwrite each other; such a file
 * was not made by us.
 */
function duplicateId(rows: readonly { id: number | string; uid?: string }[]): string | null {
  const seen = new Set<number | string>();
  const seenUids = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) return `id ${row.id}`;
    seen.add(row.id);
    if (row.uid !== undefined) {
      if (seenUids.has(row.uid)) return `uid ${row.uid}`;
      seenUids.add(row.uid);
    }
  }
  return null;
}

/**
 * Checks a backup file's text, completely, before anything is written. Every failure names the
 * problem: too large, empty, not JSON, cut short, malformed, not a backup, from a newer version,
 * which field of which row has the wrong type, or which date could not have happened (before 2000
 * or after tomorrow, counted from `now`).
 */
export function parseBackup(input: string, byteLength = input.length, now = Date.now()): BackupResult {
  const tooBig = sizeProblem(byteLength);
  if (tooBig) return fail(tooBig);
  const text = input.replace(/^\uFEFF/, '').trim();
  if (!text) return fail('This file is empty. Choose the .json file that “Download a backup” saved.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(jsonProblem(text, error));
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    (raw as { format?: unknown }).format !== BACKUP_FORMAT
  ) {
    return fail('This JSON file is not a Breathing Room backup: it has no “format”: “breathing-room-export” field.');
  }
  const version = (raw as { version?: unknown }).version;
  if (!Number.isInteger(version) || (version as number) < 1) {
    return fail('This backup has no valid format version, so it cannot be read safely.');
  }
  if ((version as number) > BACKUP_VERSION) {
    return fail(
      `This backup was made by a newer version of Breathing Room (format version ${version}; this one reads up to ${BACKUP_VERSION}). Update the extension, then import it again.`,
    );
  }
  const parsed = backupSchema(dayKeyOf(now)).safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const listed = issues
      .slice(0, 3)
      .map((issue) => describeIssue(issue, raw))
      .join('; ');
    const more = issues.length > 3 ? `, and ${issues.length - 3} more problems` : '';
    return fail(`This backup has data of the wrong kind: ${listed}${more}. Nothing was imported.`);
  }
  const backup = parsed.data as Backup;
  for (const list of ['urges', 'letters', 'contacts', 'pastPeriods'] as const) {
    const dup = duplicateId(backup[list]);
    if (dup !== null) {
      return fail(
        `This backup lists ${ROW_NAMES[list]} ${dup} twice in “${list}”, so it was not made by Breathing Room.`,
      );
    }
  }
  const outOfReason = unreasonableDate(backup, now);
  if (outOfReason) {
    return fail(`This backup has a date that can’t be right: ${outOfReason}. Nothing was imported.`);
  }
  return { ok: true, backup };
}

const DAY_MS = 86_400_000;
/** Breathing Room did not exist before this; nothing it recorded can be older. */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);

/** The calendar day of an epoch time, in UTC, for any year a Date can hold: "275760-09-13". */
function utcDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The bounds every recorded time and day must keep: not before 2000, not after tomorrow. Tomorrow
 * rather than now leaves room for a clock a little fast and for time zones ahead of UTC, where a
 * local day can already be UTC's tomorrow; no one records anything later than that.
 */
export function reasonableBounds(now: number) {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const latestTime = today + 2 * DAY_MS - 1;
  return { earliestTime: EARLIEST_TIME, latestTime, earliestDay: '2000-01-01', latestDay: utcDay(latestTime) };
}

type Bounds = ReturnType<typeof reasonableBounds>;

function timeProblem(time: number, bounds: Bounds): string | null {
  if (time < bounds.earliestTime) return `${utcDay(time)} is before 2000`;
  if (time > bounds.latestTime) return `${utcDay(time)} is after tomorrow`;
  return null;
}

/** Day keys compare as text; both bounds are four-digit years, so that is calendar order. */
function dayProblem(day: string, bounds: Bounds): string | null {
  if (day < bounds.earliestDay) return `${day} is before 2000`;
  if (day > bounds.latestDay) return `${day} is after tomorrow`;
  return null;
}

const TIME_FIELDS = {
  urges: { times: ['time'], days: ['day'] },
  letters: { times: ['createdAt', 'updatedAt'], days: [] },
  contacts: { times: ['time'], days: ['day'] },
  // A period's start is a day it was lived: never in the future, so never past tomorrow.
  pastPeriods: { times: ['createdAt', 'closedAt'], days: ['startDate'] },
} as const;

/**
 * The first recorded time or day outside reason, named by row and field, or null. The schema has
 * checked the types; this checks that the dates could have happened, so a far-future date never
 * reaches the pages that draw calendars from it.
 */
export function unreasonableDate(backup: Backup, now: number): string | null {
  const bounds = reasonableBounds(now);
  for (const [list, fields] of Object.entries(TIME_FIELDS) as [
    keyof typeof TIME_FIELDS,
    (typeof TIME_FIELDS)[keyof typeof TIME_FIELDS],
  ][]) {
    const rows = backup[list] as unknown as Record<string, unknown>[];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as Record<string, unknown>;
      for (const field of fields.times) {
        const problem = timeProblem(row[field] as number, bounds);
        if (problem) return `${describePath([list, i, field])}: ${problem}`;
      }
      for (const field of fields.days) {
        const problem = dayProblem(row[field] as string, bounds);
        if (problem) return `${describePath([list, i, field])}: ${problem}`;
      }
    }
  }
  return null;
}
