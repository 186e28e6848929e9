import { hostSuffixes } from './hosts';

/**
 * Searches for the person's name on Google, Bing and DuckDuckGo. The whole name has to appear, as
 * consecutive words, anywhere in the query: "jordan rivers new girlfriend" is a search for Jordan
 * Rivers; "jordan river map" is not. Case, accents, quotes and the way the query was encoded
 * (`+`, `%20`) make no difference.
 */

/** Google's search hosts: google.com and the country sites people actually land on. */
export const GOOGLE_DOMAINS = [
  'google.com',
  'google.co.uk',
  'google.ca',
  'google.com.au',
  'google.co.nz',
  'google.ie',
  'google.co.in',
  'google.co.za',
  'google.de',
  'google.at',
  'google.ch',
  'google.fr',
  'google.be',
  'google.nl',
  'google.es',
  'google.pt',
  'google.it',
  'google.se',
  'google.no',
  'google.dk',
  'google.fi',
  'google.pl',
  'google.cz',
  'google.gr',
  'google.ro',
  'google.hu',
  'google.com.tr',
  'google.co.il',
  'google.com.br',
  'google.com.mx',
  'google.com.ar',
  'google.cl',
  'google.com.co',
  'google.com.pe',
  'google.co.jp',
  'google.co.kr',
  'google.com.sg',
  'google.com.ph',
  'google.co.id',
  'google.com.my',
  'google.com.ng',
  'google.com.pk',
  'google.ae',
] as const;

export const SEARCH_DOMAINS: readonly string[] = [...GOOGLE_DOMAINS, 'bing.com', 'duckduckgo.com'];

const searchDomainSet = new Set(SEARCH_DOMAINS);

export function isSearchHost(host: string): boolean {
  for (const suffix of hostSuffixes(host)) if (searchDomainSet.has(suffix)) return true;
  return false;
}

/** Lower case, accents removed, and every run of non-letters or non-digits folded to one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The name as words to look for, or null when it has no letters or digits at all. */
export function nameWords(name: string): string[] | null {
  const folded = foldText(name);
  return folded ? folded.split(' ') : null;
}

/** The search query in a search engine URL (its `q` parameter), or null. */
export function searchQuery(url: URL): string | null {
  if (!isSearchHost(url.hostname.toLowerCase())) return null;
  return url.searchParams.get('q');
}

/** Whether the query contains every word of the name, in order, next to each other. */
export function queryMentionsName(query: string, words: readonly string[]): boolean {
  const haystack = ` ${foldText(query)} `;
  return haystack.includes(` ${words.join(' ')} `);
}

export function searchesForName(url: URL, words: readonly string[] | null): boolean {
  if (!words) return false;
  const query = searchQuery(url);
  return query !== null && queryMentionsName(query, words);
}
