import type { Policy } from '@/lib/match-url';
import { personTargets } from '@/lib/person';

/** A policy for tests: both categories on and nothing else, unless overridden. */
export function policy(overrides: Partial<Policy> & { profiles?: string } = {}): Policy {
  const { profiles, ...rest } = overrides;
  return {
    categories: { social: true, messaging: true },
    person: profiles ? personTargets(profiles) : [],
    name: null,
    neverContinueToPerson: true,
    custom: [],
    ...rest,
  };
}
