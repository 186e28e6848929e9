import { type Category, isMessagingPage, siteForHost } from './catalog';
import { normalizeHost, parseWebUrl } from './hosts';

/** What the user has asked to be stopped. Built from settings by `policyFromSettings`. */
export interface Policy {
  categories: Record<Category, boolean>;
}

/** The kind of moment an urge happened in; prompts are chosen to fit it. */
export type UrgeContext = 'feed' | 'messaging';

export type MatchKind = 'social' | 'messaging';

export interface Match {
  kind: MatchKind;
  context: UrgeContext;
  /** The page's host name, as the browser resolved it. */
  host: string;
  /** What to call the place in the interface: a site name, or the host. */
  label: string;
  /** The domain a "Continue to site" grant covers, e.g. `instagram.com` for `www.instagram.com`. */
  grantDomain: string;
}

/**
 * Decides whether a URL is stopped. Pure: the same policy and URL always give the same answer, so
 * the background's rules, the route guard and the interstitial all agree.
 */
export function matchUrl(input: string | URL, policy: Policy): Match | null {
  const url = parseWebUrl(input);
  if (!url) return null;
  const host = normalizeHost(url.hostname);
  const found = siteForHost(host);
  if (!found) return null;
  const { site, domain } = found;

  if (isMessagingPage(site, host, url.pathname)) {
    if (!policy.categories.messaging) return null;
    return { kind: 'messaging', context: 'messaging', host, label: site.name, grantDomain: domain };
  }
  if (site.category === 'social' && policy.categories.social) {
    return { kind: 'social', context: 'feed', host, label: site.name, grantDomain: domain };
  }
  return null;
}
