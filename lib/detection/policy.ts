import { isPeriodActive, type Period } from '../period/period';
import { everyone } from '../settings/people';
import { otherNameLines, type Person } from '../settings/schema';
import type { Settings } from '../settings/settings';
import { isCopyHost } from './copies';
import { hostMatches } from './hosts';
import type { Policy } from './match-url';
import { isSearchHost, nameWords } from './name-search';
import { type PersonTarget, personTargets } from './person';
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
    // Their pages only.
    return {
      categories: { social: false, messaging: false },
      person: everyonesTargets(settings),
      names: everyonesNames(settings),
      neverContinueToPerson: settings.neverContinueToPerson,
      custom: [],
    };
  }
  return activePolicy(settings);
}

/** The policy while a period runs. */
export function activePolicy(settings: Settings): Policy {
  return {
    categories: { ...settings.categories },
    person: everyonesTargets(settings),
    names: everyonesNames(settings),
    neverContinueToPerson: settings.neverContinueToPerson,
    custom: settings.customSites,
  };
}

/** Every name of someone that can stop a search: their name, then their other names. */
export function namesOf(person: Pick<Person, 'name' | 'otherNames'>): string[] {
  return [person.name, ...otherNameLines(person.otherNames)].map((n) => n.trim()).filter((n) => nameWords(n));
}

/** Every name of everyone, each once (as matching reads it: case, accents and spacing aside). */
function everyonesNames(settings: Settings): string[] {
  return uniqueBy(everyone(settings).flatMap(namesOf), (n) => nameWords(n)?.join(' ') ?? '');
}

/** Every profile of everyone, each once. */
function everyonesTargets(settings: Settings): PersonTarget[] {
  return uniqueBy(
    everyone(settings).flatMap((p) => personTargets(p.profiles)),
    (t) => JSON.stringify(t),
  );
}

/** The first of each group of items with the same key, in order. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
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
    names: isSearchHost(host) ? policy.names : [],
    neverContinueToPerson: policy.neverContinueToPerson,
    custom: policy.custom.filter((s) => hostMatches(host, s.host)),
  };
}
