import { browser } from 'wxt/browser';
import { originPatterns } from '../detection/custom-sites';
import { domainPattern, GUARDED_DOMAINS, isGuardedHost } from '../detection/guarded-sites';
import { parseProfiles } from '../detection/person';

/**
 * Asks for access to the hosts that need it, so the network rules can redirect visits there.
 * Must be called straight from a click (browsers only show the prompt for a user gesture), before
 * anything else is awaited. Resolves to true when every host is covered.
 */
export function requestHostAccess(hosts: readonly string[]): Promise<boolean> {
  const origins = [...new Set(hosts.filter((h) => !isGuardedHost(h)).flatMap(originPatterns))];
  if (!origins.length) return Promise.resolve(true);
  return browser.permissions.request({ origins }).catch(() => false);
}

/**
 * What to ask for when `hosts` lack access. When one of the sites the manifest names is among
 * them, access to all of those was withheld together (Firefox's site controls, Chrome's "on
 * click"), so all of them are asked for again at once: one answer then covers whatever a period
 * comes to need, such as the search sites once a name is added.
 */
export function originsToAsk(hosts: readonly string[]): string[] {
  const origins = hosts.filter((h) => !isGuardedHost(h)).flatMap(originPatterns);
  if (hosts.some(isGuardedHost)) origins.push(...GUARDED_DOMAINS.map(domainPattern));
  return [...new Set(origins)];
}

/** The hosts among `hosts` that Breathing Room cannot reach right now. */
export async function hostsWithoutAccess(hosts: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const host of new Set(hosts)) {
    if (isGuardedHost(host)) continue;
    if (!(await browser.permissions.contains({ origins: originPatterns(host) }))) missing.push(host);
  }
  return missing;
}

/** Gives back access to hosts no longer needed (never the ones the manifest grants). */
export async function releaseHostAccess(hosts: readonly string[]): Promise<void> {
  const origins = hosts.filter((h) => !isGuardedHost(h)).flatMap(originPatterns);
  if (origins.length) await browser.permissions.remove({ origins }).catch(() => false);
}

/** The hosts of "any other page" lines under "Their profiles": these need access asked for when saved. */
export function profilePageHosts(profiles: string): string[] {
  return parseProfiles(profiles).flatMap((l) => (l.ok && l.target.kind === 'page' ? [l.target.host] : []));
}
