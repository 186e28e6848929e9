import { CATALOG } from '../detection/catalog';
import { COPY_DOMAINS } from '../detection/copies';
import type { Policy } from '../detection/match-url';
import { SEARCH_DOMAINS } from '../detection/name-search';
import { platformById } from '../detection/platforms';
import { VIEWERS } from '../detection/viewers';

/**
 * Every host the policy needs access to, so its rules can act there: the catalog sites of the
 * categories that are on, the platforms of their profiles, the search engines for their name,
 * the proxies, archives and viewers that show copies of their pages, and the other pages and
 * sites. Hosts are registrable domains, as in the rules.
 */
export function neededHosts(policy: Policy | null): string[] {
  if (!policy) return [];
  const hosts = new Set<string>();
  const sites = CATALOG.filter(
    (site) =>
      policy.categories[site.category] ||
      (site.category === 'social' && !!site.messaging && policy.categories.messaging),
  );
  // Each site's own domain first, its short links and aliases after: when the list is told in
  // words ("instagram.com, facebook.com and 25 more"), the names a person knows come first.
  const domains = sites.flatMap((site) => site.domains.map((domain, rank) => ({ domain, rank })));
  for (const { domain } of domains.sort((a, b) => a.rank - b.rank)) hosts.add(domain);
  for (const target of policy.person) {
    if (target.kind === 'handle') {
      for (const d of platformById(target.platform).domains) hosts.add(d);
      for (const v of VIEWERS) if (v.platform === target.platform) for (const d of v.domains) hosts.add(d);
    } else hosts.add(target.host);
  }
  if (policy.names.length) for (const d of SEARCH_DOMAINS) hosts.add(d);
  if (policy.names.length || policy.person.length) for (const d of COPY_DOMAINS) hosts.add(d);
  for (const site of policy.custom) hosts.add(site.host);
  return [...hosts];
}
