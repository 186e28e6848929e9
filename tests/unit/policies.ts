import type { Policy } from '@/lib/detection/match-url';
import { personTargets } from '@/lib/detection/person';

/**
 * A policy for tests: both categories on and nothing else, unless overridden. `name` is one name
 * (null or absent: none), for the many tests about one person.
 */
export function policy(overrides: Partial<Policy> & { profiles?: string; name?: string | null } = {}): Policy {
  const { profiles, name, ...rest } = overrides;
  return {
    categories: { social: true, messaging: true },
    person: profiles ? personTargets(profiles) : [],
    names: name ? [name] : [],
    neverContinueToPerson: true,
    custom: [],
    ...rest,
  };
}

/** Jordan's profiles on every recognised platform, plus a page elsewhere. */
export const JORDAN_PROFILES = [
  'instagram:jordan.rivers',
  'https://www.facebook.com/jordan.rivers.5',
  'https://www.facebook.com/profile.php?id=100012345678901',
  'x:jordanrivers',
  'tiktok:jordan.rivers',
  'threads:jordan.rivers',
  'bsky:jordanrivers.bsky.social',
  'linkedin:jordan-rivers-4a5b6c',
  'reddit:jordan_rivers',
  'snapchat:jordan.rivers',
  'youtube:jordanrivers',
  'https://www.strava.com/athletes/12345678',
];
