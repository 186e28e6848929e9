import type { BreathingRoomDb } from './db';
import { pagesDb } from './handle';
import { type Readable, readableLetter, readableRows } from './readable';
import { newUid } from './schema';
import type { Letter } from './types';
import { LETTER_MAX_LENGTH } from './types';

/** Unsent letters. Every read and write of the `letters` store goes through here. */

/** Adds a new, empty letter, with a new stable id; gives its row number on this device. */
export async function addLetter(
  from: { host: string; periodId: string | null },
  now = Date.now(),
  db?: BreathingRoomDb,
): Promise<number> {
  const row: Omit<Letter, 'id'> = {
    uid: newUid(),
    createdAt: now,
    updatedAt: now,
    body: '',
    host: from.host,
    periodId: from.periodId,
  };
  return (db ?? (await pagesDb())).letters.add(row as Letter);
}

/** Saves the letter's text. Long letters are fine; a runaway paste is cut at 50,000 characters. */
export async function saveLetter(id: number, body: string, now = Date.now(), db?: BreathingRoomDb): Promise<void> {
  const updated = await (db ?? (await pagesDb())).letters.update(id, {
    body: body.slice(0, LETTER_MAX_LENGTH),
    updatedAt: now,
  });
  if (!updated) throw new Error('That letter is no longer here.');
}

export async function deleteLetter(id: number, db?: BreathingRoomDb): Promise<Letter | undefined> {
  const records = db ?? (await pagesDb());
  const letter = await records.letters.get(id);
  await records.letters.delete(id);
  return letter;
}

/** Puts a deleted letter back exactly as it was (for Undo), with the same row number and stable id. */
export async function restoreLetter(letter: Letter, db?: BreathingRoomDb): Promise<void> {
  await (db ?? (await pagesDb())).letters.put(letter);
}

/**
 * Letters with any words in them, most recently written first. A row that can't be read is left
 * out and counted, so one damaged letter never hides the others.
 */
export async function listLetters(db?: BreathingRoomDb): Promise<Readable<Letter>> {
  const stored = await (db ?? (await pagesDb())).letters.orderBy('updatedAt').reverse().toArray();
  const { rows, skipped } = readableRows(stored, readableLetter);
  return { rows: rows.filter((l) => l.body.trim()), skipped };
}

/** A greeting word, and up to two words of a name ("Dear J", "My dearest Sam Lee", "Hi you"). */
const GREETING = String.raw`(?:(?:my\s+)?dear(?:est)?|hi|hey|hello|to)(?:\s+[\p{L}\p{M}.'’-]+){0,2}`;
/** A line that only greets ("Dear J,", "Hi Sam —", "To you:"), with nothing said yet. */
const GREETING_LINE = new RegExp(`^${GREETING}\\s*[,:;!\u2014\u2013-]?$`, 'iu');
/** A greeting at the start of a line that goes on ("Dear J, I keep thinking…"): a mark ends it. */
const GREETING_START = new RegExp(`^${GREETING}\\s*[,:;!\u2014\u2013]\\s+`, 'iu');
/** A line with words in it, not only marks ("…", ":(", "—"). */
const SAYS_SOMETHING = /[\p{L}\p{N}]/u;

/**
 * A letter's preview for a list: its first line with words beyond the greeting ("Dear J," says
 * nothing, since most letters begin that way), shortened on a word boundary to `max` characters.
 * A letter that is only a greeting shows the greeting.
 */
export function letterPreview(body: string, max = 80): string {
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const said = lines
    .filter((l) => !GREETING_LINE.test(l))
    .map((l) => l.replace(GREETING_START, '').trim())
    .find((l) => SAYS_SOMETHING.test(l));
  const first = said ?? lines[0] ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\u2014\u2013-]+$/, '')}…`;
}
