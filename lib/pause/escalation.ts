/**
 * The pause grows only with going on: each time within the past hour that the person pressed
 * Continue doubles it, up to a minute (10, 20, 40, 60 s from a 10 s start). After going on twice in
 * an hour, going on again also takes a few typed words in answer to the prompt's question.
 * Stepping away, urges logged from the popup and tabs sent to the pause page never count (see
 * `wentOnInHourBefore`).
 */

export const ESCALATION_WINDOW_MS = 60 * 60_000;
export const MAX_PAUSE_SECONDS = 60;
export const MIN_ANSWER_WORDS = 3;

/** The pause for this visit, given how many times the person went on in the past hour. */
export function pauseFor(baseSeconds: number, wentOnThisHour: number): number {
  return Math.min(MAX_PAUSE_SECONDS, baseSeconds * 2 ** Math.max(0, wentOnThisHour));
}

/** After going on twice in the past hour, going on again asks for a typed answer. */
export function needsTypedAnswer(wentOnThisHour: number): boolean {
  return wentOnThisHour >= 2;
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
