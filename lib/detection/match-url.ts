import { type Category, isMessagingPage, pathHasPrefix, siteForHost } from './catalog';
import { isCopyHost, originalOf } from './copies';
import type { CustomSite } from './custom-sites';
import { displayHost, hostSuffixes, normalizeHost, parseWebUrl } from './hosts';
import { isSearchHost, nameWords, searchesForName } from './name-search';
import type { PersonTarget } from './person';
import {
  handlePrefixes,
  type Platform,
  type PlatformId,
  pageOfHandle,
  platformById,
  platformForHost,
  safeDecode,
} from './platforms';
import { viewerForHost, viewerPageOf } from './viewers';

/**
 * What the user has asked to be stopped, as plain data (it travels in messages to the route
 * guard). Built from settings by `policyFromSettings`.
 */
export interface Policy {
  categories: Record<Category, boolean>;
  /**
   * The profiles and pages of everyone the user chose (the person and those around them): stopped
   * even when both categories are off ("only them"). Whose each is stays out of the policy.
   */
  person: readonly PersonTarget[];
  /** Their names as the user wrote them (every name of everyone), for stopping searches. */
  names: readonly string[];
  /** "Never let me continue to their pages": no Continue there, and no grant lets them through. */
  neverContinueToPerson: boolean;
  custom: readonly CustomSite[];
}

/** The kind of moment an urge happened in; prompts are chosen to fit it. */
export type UrgeContext = 'feed' | 'messaging' | 'profile' | 'search';

export type MatchKind = 'person' | 'search' | 'messaging' | 'social' | 'custom';

export interface Match {
  kind: MatchKind;
  context: UrgeContext;
  /** The page's host name, as the browser resolved it. */
  host: string;
  /** What to call the place in the interface: a site name, or the host. */
  label: string;
  /** The domain a "Continue to site" grant covers, e.g. `instagram.com` for `www.instagram.com`. */
  grantDomain: string;
  /** True when no Continue is offered and no grant lets this page through. */
  noContinue: boolean;
}

/** The policy's lists, indexed for lookups that stay fast with hundreds of custom sites. */
interface Compiled {
  /** Each name's words, folded. */
  names: string[][];
  /** Per platform: each handle with the path prefixes that show its pages. */
  handles: Map<PlatformId, { handle: string; prefixes: string[] }[]>;
  pages: Map<string, string[]>;
  custom: Map<string, string[]>;
}

const compiledCache = new WeakMap<Policy, Compiled>();

function addTo(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compile(policy: Policy): Compiled {
  let compiled = compiledCache.get(policy);
  if (compiled) return compiled;
  compiled = {
    names: policy.names.flatMap((n) => {
      const words = nameWords(n);
      return words ? [words] : [];
    }),
    handles: new Map(),
    pages: new Map(),
    custom: new Map(),
  };
  for (const target of policy.person) {
    if (target.kind === 'handle') {
      const list = compiled.handles.get(target.platform) ?? [];
      list.push({ handle: target.handle, prefixes: handlePrefixes(platformById(target.platform), target.handle) });
      compiled.handles.set(target.platform, list);
    } else {
      addTo(compiled.pages, target.host, target.path);
    }
  }
  for (const site of policy.custom) addTo(compiled.custom, site.host, site.path);
  compiledCache.set(policy, compiled);
  return compiled;
}

/** The registered domain of `host` that has prefixes listed, and the first prefix `path` falls under. */
function findPrefix(map: Map<string, string[]>, host: string, path: string): string | null {
  const lowerPath = path.toLowerCase();
  for (const suffix of hostSuffixes(host)) {
    const prefixes = map.get(suffix);
    if (prefixes?.some((p) => p === '/' || pathHasPrefix(lowerPath, p))) return suffix;
  }
  return null;
}

function platformDomain(platform: Platform, host: string): string {
  return platform.domains.find((d) => host === d || host.endsWith(`.${d}`)) ?? host;
}

/** A plain http(s) address whose host the URL parser would keep as it is (lower-cased). */
const PLAIN_WEB_URL = /^https?:\/\/([a-z0-9.-]+)(?::\d{1,5})?(?:[/?#]|$)/i;

function hasSuffixIn(map: Map<string, unknown>, host: string): boolean {
  if (!map.size) return false;
  for (const suffix of hostSuffixes(host)) if (map.has(suffix)) return true;
  return false;
}

/**
 * A quick no for the common case, a site that is nothing to us, without building a URL object.
 * Only for plain addresses with a name-like host; anything unusual goes to the full parse.
 */
function cannotMatch(input: string, compiled: Compiled): boolean {
  const raw = PLAIN_WEB_URL.exec(input)?.[1];
  if (!raw) return false;
  const host = normalizeHost(raw);
  if (!/[a-z]/.test(host.slice(host.lastIndexOf('.') + 1))) return false;
  return !(
    siteForHost(host) ||
    platformForHost(host) ||
    isSearchHost(host) ||
    isCopyHost(host) ||
    viewerForHost(host) ||
    hasSuffixIn(compiled.custom, host) ||
    hasSuffixIn(compiled.pages, host.replace(/^www\./, ''))
  );
}

/**
 * Decides whether a URL is stopped, and how. Pure: the same policy and URL always give the same
 * answer, so the background's rules, the route guard and the interstitial all agree. The person
 * comes first, then searches for their name, then the catalog's categories, then custom sites.
 */
export function matchUrl(input: string | URL, policy: Policy): Match | null {
  const compiled = compile(policy);
  if (typeof input === 'string' && cannotMatch(input, compiled)) return null;
  const url = parseWebUrl(input);
  if (!url) return null;
  const host = normalizeHost(url.hostname);
  const label = displayHost(host);
  const person = { kind: 'person', context: 'profile', host, noContinue: policy.neverContinueToPerson } as const;

  // A copy of their page (a translation proxy, an archive, an AMP cache) is their page.
  const original = isCopyHost(host) ? originalOf(url) : null;
  const inner = original && !isCopyHost(normalizeHost(original.hostname)) ? matchUrl(original, policy) : null;
  if (inner && (inner.kind === 'person' || inner.kind === 'search')) {
    return { ...inner, host, label, grantDomain: host };
  }

  // A doubled slash (`//handle/`) reaches the same page on these sites: compare without it.
  const pathname = url.pathname.replace(/\/{2,}/g, '/');
  const platform = platformForHost(host);
  const handles = platform && compiled.handles.get(platform.id);
  const path = handles ? safeDecode(pathname).toLowerCase() : '';
  if (platform && handles?.some((h) => pageOfHandle(platform, url, path, h.prefixes, h.handle))) {
    return { ...person, label: platform.name, grantDomain: platformDomain(platform, host) };
  }
  // Their profile on an anonymous viewer of the platform is their profile.
  const viewer = compiled.handles.size ? viewerForHost(host) : null;
  const viewed = viewer && compiled.handles.get(viewer.platform);
  if (viewer && viewed) {
    const decoded = safeDecode(pathname).toLowerCase();
    if (viewed.some((h) => viewerPageOf(viewer, decoded, h.handle))) return { ...person, label, grantDomain: host };
  }
  const page = compiled.pages.size ? findPrefix(compiled.pages, host.replace(/^www\./, ''), pathname) : null;
  if (page) return { ...person, label, grantDomain: page };

  if (compiled.names.length && isSearchHost(host) && searchesForName(url, compiled.names)) {
    return {
      kind: 'search',
      context: 'search',
      host,
      label,
      grantDomain: host.replace(/^www\./, ''),
      noContinue: false,
    };
  }

  const found = siteForHost(host);
  if (found) {
    const { site, domain } = found;
    const messaging = isMessagingPage(site, host, pathname);
    if (messaging && policy.categories.messaging) {
      return {
        kind: 'messaging',
        context: 'messaging',
        host,
        label: site.name,
        grantDomain: domain,
        noContinue: false,
      };
    }
    if (!messaging && site.category === 'social' && policy.categories.social) {
      return { kind: 'social', context: 'feed', host, label: site.name, grantDomain: domain, noContinue: false };
    }
  }

  const custom = compiled.custom.size ? findPrefix(compiled.custom, host, pathname) : null;
  if (custom) return { kind: 'custom', context: 'feed', host, label, grantDomain: custom, noContinue: false };
  return null;
}

/** What a "Continue" pass covers: a site, and whether its messaging areas stay paused. */
export interface PassScope {
  domain: string;
  /** A pass given for a feed while messaging is paused does not open the site's inbox. */
  feedOnly?: boolean;
  /** "Someone else" on a messaging page opens only messaging: a social site's feed stays paused. */
  messagingOnly?: boolean;
}

/** Whether a Continue pass lets this match through. */
export function grantCovers(match: Match, grant: PassScope): boolean {
  if (match.noContinue) return false;
  if (grant.feedOnly && match.kind === 'messaging') return false;
  if (grant.messagingOnly && match.kind !== 'messaging') return false;
  return match.host === grant.domain || match.host.endsWith(`.${grant.domain}`);
}

/** The scope of a pass given for this match under this policy. */
export function passScopeFor(match: Match, policy: Policy): PassScope {
  return { domain: match.grantDomain, feedOnly: match.kind !== 'messaging' && policy.categories.messaging };
}
