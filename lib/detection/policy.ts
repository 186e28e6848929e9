import { isPeriodActive, type Period } from '../period/period';
import type { Settings } from '../settings/settings';
import { isCopyHost } from './copies';
import { hostMatches } from './hosts';
import type { Policy } from './match-url';
import { isSearchHost, nameWords } from './name-search';
import { personTargets } from './person';
import { platformById } from './platforms';
import { viewerForHost } from './viewers';

/**
 * The policy in force at `now`. With no active period nothing is stopped (null), unless the user
 * chose, on moving on, to keep pausing their pages: then only the person and their name are.
 */
export function policyFromSettings(
  settings: Settings,
  period: Period | null,
  now: number,
  timeZone?: string,
): Policy | null {
  if (!isPeriodActive(period, now, timeZone)) {
    if (!settings.keepPersonAfterPeriod) return null;
    return {
      categories: { social: false, messaging: false },
      person: personTargets(settings.person.profiles),
      name: nameWords(settings.person.name) ? settings.person.name.trim() : null,
      neverContinueToPerson: settings.neverContinueToPerson,
      custom: [],
    };
  }
  return {
    categories: { ...settings.categories },
    person: personTargets(settings.person.profiles),
    name: nameWords(settings.person.name) ? settings.person.name.trim() : null,
    neverContinueToPerson: settings.neverContinueToPerson,
    custom: settings.customSites,
  };
}

/**
 * The part of a policy that can matter on one host, for the route guard running there. A page
 * can only change its route within its own origin, so the guard never needs the rest; and the
 * person's name and other profiles stay out of sites that have no use for them.
 */
export function policyForHost(policy: Policy, host: string): Policy {
  // A copy of another site's page can be any of their pages, or a search for them.
  if (isCopyHost(host)) return { ...policy, custom: policy.custom.filter((s) => hostMatches(host, s.host)) };
  return {
    categories: policy.categories,
    person: policy.person.filter((t) =>
      t.kind === 'handle'
        ? platformById(t.platform).domains.some((d) => hostMatches(host, d)) ||
          viewerForHost(host)?.platform === t.platform
        : hostMatches(host.replace(/^www\./, ''), t.host),
    ),
    name: isSearchHost(host) ? policy.name : null,
    neverContinueToPerson: policy.neverContinueToPerson,
    custom: policy.custom.filter((s) => hostMatches(host, s.host)),
  };
}
