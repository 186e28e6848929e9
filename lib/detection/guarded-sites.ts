import { CATALOG_DOMAINS } from './catalog';
import { COPY_DOMAINS } from './copies';
import { SEARCH_DOMAINS } from './name-search';
import { PLATFORMS } from './platforms';

/**
 * Every site Breathing Room needs access to ahead of time: the catalog, the platforms whose
 * profiles it recognises, the search engines where it stops searches for their name, and the
 * proxies and archives that show copies of their pages. The
 * manifest's host permissions and the route guard's matches are both built from this list; any
 * other site (a custom site, someone's blog) is asked for at the moment the user adds it.
 */
export const GUARDED_DOMAINS: readonly string[] = [
  ...new Set([...CATALOG_DOMAINS, ...PLATFORMS.flatMap((p) => p.domains), ...SEARCH_DOMAINS, ...COPY_DOMAINS]),
];

/** A match pattern for a domain and all its subdomains. */
export function domainPattern(domain: string): string {
  return `*://*.${domain}/*`;
}
