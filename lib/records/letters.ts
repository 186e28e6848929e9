import type { BreathingRoomDb } from './db';
import type { Letter } from './types';
import { LETTER_MAX_LENGTH } from './types';

export async function createLetter(
  db: BreathingRoomDb,
  from: { host: string; periodId: string | null },
  now = Date.now(),
): Promise<number> {
  return db.letters.add({
    createdAt: now,
    updatedAt: now,
    body: '',
    host: from.host,
    periodId: from.periodId,
  } as Letter);
}

/** Saves the letter's text. Long letters are fine; a runaway paste is cut at 50,000 characters. */
export async function saveLetter(db: BreathingRoomDb, id: number, body: string, now = Date.now()): Promise<void> {
  const updated = await db.letters.update(id, { body: body.slice(0, LETTER_MAX_LENGTH), updatedAt: now });
  if (!updated) throw new Error('That letter is no longer here.');
}

export async function deleteLetter(db: BreathingRoomDb, id: number): Promise<Letter | undefined> {
  const letter = await db.letters.get(id);
  await db.letters.delete(id);
  return letter;
}

/** Puts a deleted letter back exactly as it was (for Undo). */
export async function restoreLetter(db: BreathingRoomDb, letter: Letter): Promise<void> {
  await db.letters.put(letter);
}

/** Letters with any words in them, most recently written first. */
export async function listLetters(db: BreathingRoomDb): Promise<Letter[]> {
  const letters = await db.letters.orderBy('updatedAt').reverse().toArray();
  return letters.filter((l) => l.body.trim());
}

/** The first line, shortened, to name a letter in a list. */
export function letterPreview(body: string, max = 80): string {
  const first = body.trim().split(/\n/)[0]?.trim() ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
