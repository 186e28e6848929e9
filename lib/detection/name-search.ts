import { COUNTRY_CODES } from './country-codes';
import { hostSuffixes } from './hosts';

/**
 * Searches for the person's name: on the search engines, and in the search of the sites people
 * check them on. The whole name has to appear, as consecutive words, anywhere in the query: "jordan rivers new girlfriend" is a search for Jordan
 * Rivers; "jordan river map" is not. Case, accents, quotes and the way the query was encoded
 * (`+`, `%20`) make no difference.
 */

/**
 * Google's search on every country domain: `google.<cc>`, `google.co.<cc>` and `google.com.<cc>`
 * for every country code, and `google.com` and `google.cat`. The browser needs the domains spelled
 * out, for its host permissions and the rules' `requestDomains`, so they are generated here rather
 * than kept by hand, and the matcher knows exactly the same list.
 */
export const GOOGLE_DOMAINS: readonly string[] = [
  'google.com',
  'google.cat',
  ...COUNTRY_CODES.flatMap((cc) => [`google.${cc}`, `google.co.${cc}`, `google.com.${cc}`]),
];

/**
 * A place where their name can be looked up: a search engine, or the search inside a site. The
 * query is read from `params` on the pages `paths` names; the name rule in `rules/rule-set.ts`
 * covers every domain here with every parameter name, which only ever widens it.
 */
export interface SearchSite {
  id: string;
  /** Registrable domains (or hosts), each covering its subdomains. */
  domains: readonly string[];
  /**
   * Path prefixes of its search pages, matched on a segment boundary; `*` stands for any one
   * segment (`/r/*\/search`). Absent: any path.
   */
  paths?: readonly string[];
  /** Query parameters that hold what was searched for. */
  params: readonly string[];
  /** A site's own search (not an engine): typing their name into its search field is stopped too. */
  inSite?: true;
}

/** Pinterest's own country sites, where its search pages live too. */
const PINTEREST_DOMAINS = [
  'pinterest.com',
  'pinterest.co.uk',
  'pinterest.ca',
  'pinterest.com.au',
  'pinterest.de',
  'pinterest.fr',
  'pinterest.es',
  'pinterest.it',
  'pinterest.com.mx',
  'pinterest.jp',
  'pinterest.nz',
  'pinterest.ie',
  'pinterest.at',
  'pinterest.ch',
  'pinterest.pt',
  'pinterest.se',
  'pinterest.dk',
  'pinterest.cl',
  'pinterest.co.kr',
  'pinterest.ph',
  'pinterest.ru',
] as const;

export const SEARCH_SITES: readonly SearchSite[] = [
  // Search engines: web, image, video and news results alike.
  // Any Google page with a query: web, image, video and news results, and its redirect links.
  { id: 'google', domains: GOOGLE_DOMAINS, params: ['q'] },
  {
    id: 'bing',
    domains: ['bing.com'],
    paths: ['/search', '/images/search', '/videos/search', '/news/search'],
    params: ['q'],
  },
  // Every `ia=` vertical is the same page with the same `q`.
  { id: 'duckduckgo', domains: ['duckduckgo.com'], params: ['q'] },
  { id: 'yahoo', domains: ['search.yahoo.com'], paths: ['/search', '/yhs/search'], params: ['p', 'q'] },
  { id: 'ecosia', domains: ['ecosia.org'], paths: ['/search', '/images', '/videos', '/news'], params: ['q'] },
  { id: 'brave', domains: ['search.brave.com'], paths: ['/search', '/images', '/videos', '/news'], params: ['q'] },
  {
    id: 'startpage',
    domains: ['startpage.com'],
    paths: ['/do/search', '/sp/search', '/search'],
    params: ['query', 'q'],
  },
  {
    id: 'yandex',
    domains: ['yandex.com', 'yandex.ru', 'yandex.by', 'yandex.kz', 'yandex.com.tr', 'ya.ru'],
    paths: ['/search', '/images/search', '/video/search'],
    params: ['text'],
  },
  { id: 'baidu', domains: ['baidu.com'], paths: ['/s'], params: ['wd', 'word'] },
  { id: 'naver', domains: ['search.naver.com'], paths: ['/search.naver'], params: ['query'] },
  { id: 'youtube', domains: ['youtube.com'], paths: ['/results'], params: ['search_query'] },
  // The search inside the sites people check: their name typed into the site's own search.
  { id: 'instagram', domains: ['instagram.com'], paths: ['/explore/search'], params: ['q'], inSite: true },
  { id: 'facebook', domains: ['facebook.com'], paths: ['/search'], params: ['q'], inSite: true },
  { id: 'x', domains: ['x.com', 'twitter.com'], paths: ['/search'], params: ['q'], inSite: true },
  { id: 'tiktok', domains: ['tiktok.com'], paths: ['/search'], params: ['q'], inSite: true },
  { id: 'linkedin', domains: ['linkedin.com'], paths: ['/search/results'], params: ['keywords'], inSite: true },
  { id: 'reddit', domains: ['reddit.com'], paths: ['/search', '/r/*/search'], params: ['q'], inSite: true },
  { id: 'threads', domains: ['threads.net', 'threads.com'], paths: ['/search'], params: ['q'], inSite: true },
  { id: 'bluesky', domains: ['bsky.app'], paths: ['/search'], params: ['q'], inSite: true },
  { id: 'pinterest', domains: PINTEREST_DOMAINS, paths: ['/search'], params: ['q'], inSite: true },
];

export const SEARCH_DOMAINS: readonly string[] = [...new Set(SEARCH_SITES.flatMap((s) => s.domains))];

const sitesByDomain = new Map<string, SearchSite[]>();
for (const site of SEARCH_SITES) {
  for (const domain of site.domains) sitesByDomain.set(domain, [...(sitesByDomain.get(domain) ?? []), site]);
}

/** Hosts already looked up, since the same few come up again and again (kept to a few hundred). */
const sitesByHost = new Map<string, readonly SearchSite[]>();

/** The search sites on a host: those of its own domain and every domain above it. */
function searchSitesFor(host: string): readonly SearchSite[] {
  const known = sitesByHost.get(host);
  if (known) return known;
  const sites = hostSuffixes(host).flatMap((suffix) => sitesByDomain.get(suffix) ?? []);
  if (sitesByHost.size >= 500) sitesByHost.clear();
  sitesByHost.set(host, sites);
  return sites;
}

export function isSearchHost(host: string): boolean {
  return searchSitesFor(host).length > 0;
}

/** Whether `pathname` is under `pattern`, on a segment boundary; `*` is any one segment. */
function underPath(pathname: string, pattern: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.toLowerCase().split('/').filter(Boolean);
  return want.length <= have.length && want.every((segment, i) => segment === '*' || segment === have[i]);
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

/** What was searched for on a search page, one entry a parameter that holds it; empty elsewhere. */
export function searchQueries(url: URL): string[] {
  const sites = searchSitesFor(url.hostname.toLowerCase().replace(/\.$/, ''));
  const path = url.pathname.replace(/\/{2,}/g, '/');
  return sites
    .filter((site) => !site.paths || site.paths.some((p) => underPath(path, p)))
    .flatMap((site) => site.params.flatMap((param) => url.searchParams.getAll(param)));
}

/** Whether the query contains every word of the name, in order, next to each other. */
export function queryMentionsName(query: string, words: readonly string[]): boolean {
  const haystack = ` ${foldText(query)} `;
  return haystack.includes(` ${words.join(' ')} `);
}

/** Whether `url` is a search for any of the names (each as its folded words). */
export function searchesForName(url: URL, names: readonly (readonly string[])[]): boolean {
  if (!names.length) return false;
  return searchQueries(url).some((query) => names.some((words) => queryMentionsName(query, words)));
}

/**
 * The address of this site's own search page for `query`, on the page's origin: what the site
 * would show had the query been sent as an address. Null where the site has no search of its own.
 */
export function searchPageFor(pageHref: string, query: string): string | null {
  let page: URL;
  try {
    page = new URL(pageHref);
  } catch {
    return null;
  }
  // Only a site's own search: an engine's box changes the address, which the rules see.
  const site = searchSitesFor(page.hostname.toLowerCase().replace(/\.$/, '')).find((s) => s.inSite);
  const param = site?.params[0];
  if (!site || !param) return null;
  const path = site.paths?.find((p) => !p.includes('*')) ?? '/';
  return `${page.origin}${path}?${param}=${encodeURIComponent(query)}`;
}

/**
 * When their name is a single word, every search containing that word is paused, not just
 * searches for them: said before it is saved, with an example of what it would stop.
 */
export function oneWordWarning(name: string): string | null {
  const words = nameWords(name);
  if (words?.length !== 1) return null;
  const word = name.trim();
  return `“${word}” is one word, so every search containing it would pause too: “${word} weather”, say. Add their surname to pause only searches for them.`;
}
