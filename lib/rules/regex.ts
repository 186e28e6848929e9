import { foldText } from '../detection/name-search';
import { escapeRegex } from '../detection/regex';

/**
 * The pieces our declarativeNetRequest regexes are made of, and the way a pattern that is too
 * big for the browser is made smaller without ever stopping less.
 *
 * Every rule is a superset of what the matcher (`matchUrl`) stops: a URL the matcher stops always
 * matches its rule. Where the exact form would not fit the browser's limit, the rule is widened
 * (a looser separator, then a shorter literal followed by a wildcard), never narrowed. A visit the
 * wider rule sends to the pause page that the matcher does not stop goes straight on to the site
 * (see `pass-through` in the background), so a wider rule costs a blink, never a missed stop.
 */

/** Any characters up to the end of the URL, so the substitution's `\0` is the whole address. */
export const REST = '.*$';

/** The rest of a URL after a path prefix that ends on a segment boundary. */
export const SEGMENT_END = '(?:[/?#].*)?$';

/** The scheme and host of any web address; `requestDomains` says which hosts. */
export const ANY_ORIGIN = '^https?://[^/?#]*';

/**
 * Alternatives as one regex, sharing common prefixes (`%c3%ab|%c3%8b` → `%c3%(?:ab|8b)`), which
 * is what keeps a letter's encodings small. Strings are compared in lower case, as the rules are.
 */
export function alternativesRegex(forms: readonly string[]): string {
  const unique = [...new Set(forms.map((f) => f.toLowerCase()))];
  if (unique.length === 1) return escapeRegex(unique[0] ?? '');
  const byFirst = new Map<string, string[]>();
  let empty = false;
  for (const form of unique) {
    if (!form) {
      empty = true;
      continue;
    }
    const first = [...form][0] as string;
    const rest = form.slice(first.length);
    byFirst.set(first, [...(byFirst.get(first) ?? []), rest]);
  }
  const branches = [...byFirst].map(([first, rests]) => {
    const tail = alternativesRegex(rests);
    return `${escapeRegex(first)}${tail}`;
  });
  if (empty) {
    const inner = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return inner.length === 0 ? '' : `(?:${inner})?`;
  }
  return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
}

/** Percent-encoded UTF-8, as browsers write non-ASCII characters in a URL. */
function encoded(text: string): string {
  return encodeURIComponent(text);
}

/**
 * One character of a name or handle, as it can appear in a raw URL: itself when it is an ASCII
 * letter or digit (the rules ignore case), otherwise its percent-encoded UTF-8 in either letter
 * case, plus, with `fold`, its decomposed form and the plain letter it folds to ("ë" also finds
 * "e%cc%88" and "e"), as the matcher's `foldText` does.
 */
export function charAtom(ch: string, fold: boolean): string {
  if (/^[a-z0-9]$/i.test(ch)) return ch;
  // A combining mark the name was typed with may be left out of a search, and the matcher
  // ignores marks, so the rule treats it as optional.
  if (fold && /^\p{M}$/u.test(ch)) return `(?:${alternativesRegex([encoded(ch)])})?`;
  if (/^[\x21-\x7e]$/.test(ch) && encodeURIComponent(ch) === ch) return escapeRegex(ch);
  const forms = [encoded(ch.toLowerCase()), encoded(ch.toUpperCase())];
  if (ch.length === 1 && /^[\x20-\x7e]$/.test(ch)) forms.push(ch);
  if (fold) {
    forms.push(encoded(ch.normalize('NFD').toLowerCase()), encoded(ch.normalize('NFD').toUpperCase()));
    // The letter without its marks, in any script ("Ё" is also "Е"), alone or with the marks
    // written separately.
    const plain = foldText(ch);
    const marks = encoded(ch.normalize('NFD').slice(1));
    if (plain && !plain.includes(' ')) {
      for (const base of [plain, plain.toUpperCase()]) forms.push(encoded(base), encoded(base) + marks);
    }
  }
  return alternativesRegex(forms);
}

/** A literal's characters as atoms: the unit a too-long literal is shortened by. */
export function atomsOf(text: string, fold: boolean): string[] {
  return [...text.normalize('NFC')].map((ch) => charAtom(ch, fold));
}

/**
 * The longest form of `build(k)` that `fits`, shortening from `k = max` down to 0. `build` must
 * widen as `k` falls. Returns null only when even `build(0)` does not fit.
 */
export function longestFitting(
  max: number,
  build: (k: number) => string,
  fits: (regex: string) => boolean,
): { regex: string; exact: boolean } | null {
  for (let k = max; k >= 0; k--) {
    const regex = build(k);
    if (fits(regex)) return { regex, exact: k === max };
  }
  return null;
}
