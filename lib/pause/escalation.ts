/**
 * The pause grows with repeated urges: each further urge within the same hour doubles it, up to a
 * minute (10, 20, 40, 60 s from a 10 s start). From the third urge in an hour, going on also takes
 * a few typed words in answer to the prompt's question.
 */

export const ESCALATION_WINDOW_MS = 60 * 60_000;
export const MAX_PAUSE_SECONDS = 60;
export const MIN_ANSWER_WORDS = 3;

/** The pause for this urge, given how many urges came before it in the past hour. */
export function pauseFor(baseSeconds: number, earlierThisHour: number): number {
  return Math.min(MAX_PAUSE_SECONDS, baseSeconds * 2 ** Math.max(0, earlierThisHour));
}

/** The third urge in an hour (two before it) and every one after asks for a typed answer. */
export function needsTypedAnswer(earlierThisHour: number): boolean {
  return earlierThisHour >= 2;
}

export function wordCount(text: string): number {
  return text
    .trim()
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function answerIsEnough(text: string): boolean {
  return wordCount(text) >= MIN_ANSWER_WORDS;
}
