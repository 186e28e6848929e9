/**
 * The browsers' limits on declarativeNetRequest rules, in one place, and a cost model for the
 * regexes we write so that every rule we build fits before the browser ever sees it.
 *
 * Chrome compiles each `regexFilter` with RE2 under a memory limit of 2 KB ("Each regexFilter must
 * be less than 2KB after compilation", developer.chrome.com/docs/extensions/reference/api/
 * declarativeNetRequest#type-RuleCondition), using Latin-1 and, for our rules, case folding. A
 * rule over that limit is refused, and `updateDynamicRules` then refuses the whole update. Firefox
 * matches regexes with its own engine and has no size limit of this kind, but both browsers cap
 * the number of regex rules (`MAX_NUMBER_OF_REGEX_RULES`, 1,000 in Chrome; the same in Firefox,
 * developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/declarativeNetRequest).
 */

/** Chrome's `declarativeNetRequest.MAX_NUMBER_OF_REGEX_RULES` (also Firefox's). */
export const MAX_REGEX_RULES = 1000;

/**
 * Chrome's `MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES`: redirects count as "unsafe" rules (Chrome 121+;
 * older versions allowed 5,000 dynamic rules of any kind, the same number).
 */
export const MAX_DYNAMIC_RULES = 5000;

/**
 * The number of RE2 instructions a regex may compile to under Chrome's 2 KB limit, less a margin.
 * Measured in Chromium 156 with `isRegexSupported`: an unanchored run of 112 literal letters is
 * the longest accepted (117 by this model), and of 600 mixed regexes of our shapes none the model
 * put at 130 or less was refused. The margin allows for other Chrome versions. (The unanchored
 * loop and the match are counted by the model.) The e2e suite checks this model against the real browser, so a change in
 * Chrome shows up as a failing test, not as a silent gap.
 */
export const RE2_INSTRUCTION_BUDGET = 110;

const LATIN1_MAX = 0xff;

/** Byte ranges of a character class after case folding, merged, over Latin-1. */
function classRanges(body: string, negated: boolean): number {
  const ranges: [number, number][] = [];
  let i = 0;
  const readChar = (): number => {
    const ch = body[i++] ?? '';
    if (ch !== '\\') return ch.charCodeAt(0);
    const next = body[i++] ?? '';
    if (next === 'd') return -1; // \d: handled by the caller as a range
    return next.charCodeAt(0);
  };
  while (i < body.length) {
    if (body[i] === '\\' && body[i + 1] === 'd') {
      i += 2;
      ranges.push([0x30, 0x39]);
      continue;
    }
    const lo = readChar();
    if (body[i] === '-' && i + 1 < body.length) {
      i++;
      const hi = readChar();
      ranges.push([lo, hi]);
    } else {
      ranges.push([lo, lo]);
    }
  }
  // Case folding adds the other case of every ASCII letter in the class.
  for (const [lo, hi] of [...ranges]) {
    const a = Math.max(lo, 0x61);
    const b = Math.min(hi, 0x7a);
    if (a <= b) ranges.push([a - 0x20, b - 0x20]);
    const c = Math.max(lo, 0x41);
    const d = Math.min(hi, 0x5a);
    if (c <= d) ranges.push([c + 0x20, d + 0x20]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  if (!negated) return merged.length;
  let count = 0;
  let next = 0;
  for (const [lo, hi] of merged) {
    if (lo > next) count++;
    next = hi + 1;
  }
  if (next <= LATIN1_MAX) count++;
  return count;
}

/**
 * An upper estimate of the RE2 instructions `regex` compiles to, for the regex syntax this
 * project writes: literals, escapes, `.`, classes, `(?:…)` groups with `|`, `*`, `+`, `?`, `^`
 * and `$`. A class of n byte ranges costs 2n − 1 (a range each, joined by alternations); every
 * `|`, `*`, `+` and `?` costs one; RE2's prefix factoring is not counted, so the estimate only
 * errs high. Throws on syntax it does not know, so a new kind of rule cannot slip past it.
 */
export function re2Cost(regex: string): number {
  let cost = 5; // RE2's own: the unanchored prefix loop, match and fail.
  let i = 0;
  while (i < regex.length) {
    const ch = regex[i] as string;
    if (ch === '\\') {
      const next = regex[i + 1];
      if (next === 'd') cost += 1;
      else if (next === undefined || /[a-zA-Z0-9]/.test(next)) throw new Error(`Unsupported escape in ${regex}`);
      else cost += 1;
      i += 2;
    } else if (ch === '[') {
      let j = i + 1;
      const negated = regex[j] === '^';
      if (negated) j++;
      const start = j;
      if (regex[j] === ']') j++;
      while (j < regex.length && regex[j] !== ']') j += regex[j] === '\\' ? 2 : 1;
      if (j >= regex.length) throw new Error(`Unclosed class in ${regex}`);
      cost += 2 * classRanges(regex.slice(start, j), negated) - 1;
      i = j + 1;
    } else if (ch === '(') {
      if (regex.slice(i, i + 3) !== '(?:') throw new Error(`Only (?:…) groups are expected in ${regex}`);
      i += 3;
    } else if (ch === '{') {
      throw new Error(`Counted repetition is not expected in ${regex}`);
    } else if (ch === '.') {
      cost += 3; // [^\n]: two byte ranges
      i++;
    } else {
      // A literal, ')' (free), or one of | * + ? ^ $ (one instruction each).
      if (ch !== ')') cost += 1;
      i++;
    }
  }
  return cost;
}

/** Whether a regex fits Chrome's compiled-size limit, by the model above. */
export function fitsRe2Budget(regex: string): boolean {
  return re2Cost(regex) <= RE2_INSTRUCTION_BUDGET;
}
