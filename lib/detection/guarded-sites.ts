import { CATALOG_DOMAINS } from './catalog';
import { COPY_DOMAINS } from './copies';
import { hostMatches } from './hosts';
import { SEARCH_DOMAINS } from './name-search';
import { PLATFORMS } from './platforms';
import { VIEWER_DOMAINS } from './viewers';

/**
 * Every site Breathing Room needs access to ahead of time: the catalog, the platforms whose
 * profiles it recognises, the search engines where it stops searches for their name, and the
 * proxies, archives and anonymous viewers that show copies of their pages. The
 * manifest's host permissions and the route guard's matches are both built from this list; any
 * other site (a custom site, someone's blog) is asked for at the moment the user adds it.
 */
export const GUARDED_DOMAINS: readonly string[] = [
  ...new Set([
    ...CATALOG_DOMAINS,
    ...PLATFORMS.flatMap((p) => p.domains),
    ...SEARCH_DOMAINS,
    ...COPY_DOMAINS,
    ...VIEWER_DOMAINS,
  ]),
];

/** Hosts the manifest already grants (the catalog, profile platforms and search engines). */
export function isGuardedHost(host: string): boolean {
  return GUARDED_DOMAINS.some((d) => hostMatches(host, d));
}

/** A match pattern for a domain and all its subdomains. */
export function domainPattern(domain: string): string {
  return `*://*.${domain}/*`;
}
