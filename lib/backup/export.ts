import type { BreathingRoomDb } from '../records/db';
import { pagesDb } from '../records/handle';
import { OUTCOME_LABELS, TRIGGERS, type Urge } from '../records/types';
import { loadPeriod, loadSettings } from '../settings/settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './format';

/** Everything Breathing Room keeps, as one backup (see `backup.ts` and docs/backup-format.md). */
export async function exportAll(db?: BreathingRoomDb, now = Date.now()): Promise<Backup> {
  const records = db ?? (await pagesDb());
  const [settings, period, urges, letters, contacts, pastPeriods] = await Promise.all([
    loadSettings(),
    loadPeriod(),
    records.urges.orderBy('id').toArray(),
    records.letters.orderBy('id').toArray(),
    records.contacts.orderBy('id').toArray(),
    records.periods.orderBy('closedAt').toArray(),
  ]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    period,
    urges,
    letters,
    contacts,
    pastPeriods,
  };
}

const TRIGGER_LABELS = new Map<string, string>(TRIGGERS.map((t) => [t.id, t.label]));

/** What the spreadsheet shows of an urge: everything but its stable id. */
type CsvUrge = Omit<Urge, 'uid'>;

const CSV_COLUMNS: [string, (u: CsvUrge) => string | number | null][] = [
  ['id', (u) => u.id],
  ['time_utc', (u) => new Date(u.time).toISOString()],
  ['local_day', (u) => u.day],
  ['local_hour', (u) => u.hour],
  ['site', (u) => u.host],
  ['category', (u) => u.category],
  ['context', (u) => u.context],
  ['intensity', (u) => u.intensity],
  ['trigger', (u) => (u.trigger ? (TRIGGER_LABELS.get(u.trigger) ?? u.trigger) : null)],
  // Neutral words, as everywhere it is shown; the backup keeps the stored value.
  ['outcome', (u) => OUTCOME_LABELS[u.outcome]?.toLowerCase() ?? u.outcome],
  ['note', (u) => u.note],
  ['answer', (u) => u.answer],
  ['period_id', (u) => u.periodId],
];

/**
 * One CSV cell. Quoted when it holds a comma, quote or line break. Text that a spreadsheet would
 * run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, so a note can never become a formula in someone's spreadsheet.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The urge log as CSV for a spreadsheet: a UTF-8 byte order mark (so Excel reads accents and
 * emoji correctly), a header row, ISO 8601 UTC times, and CRLF line ends (RFC 4180).
 */
export function urgesCsv(urges: readonly CsvUrge[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const urge of urges) lines.push(CSV_COLUMNS.map(([, get]) => csvCell(get(urge))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
