import type { Person, Settings } from '../../lib/settings/schema';
import { STORAGE_VERSIONS } from '../../lib/settings/storage-versions';

/**
 * The largest settings the rule budget is built for, shared by the Chromium and Firefox suites:
 * `people` people, each with three names (accented, hyphenated) and `profiles` profiles at the
 * longest handles of the costliest platforms, and `sites` custom sites with 300-character paths.
 */
/** `count` handles at each platform's longest, on the platforms with the most rules per profile. */
function handles(person: number, count: number): string {
  return Array.from({ length: count }, (_, i) => {
    const base = `h${person}x${i}`;
    return i % 2 ? `x:${base}${'a'.repeat(15 - base.length)}` : `instagram:${base}${'a'.repeat(24 - base.length)}`;
  }).join('\n');
}

export function crowded(people: number, profiles: number, sites: number): Settings {
  const person = (p: number): Person => ({
    id: p === 0 ? 'them' : `p${p}`,
    name: `Zoë Ångström-Nguyễn ${p}`,
    otherNames: `Øyvind Müller-Schön ${p}\nJoJo Rivers ${p}`,
    profiles: handles(p, profiles),
  });
  return {
    categories: { social: true, messaging: true },
    pauseSeconds: 10,
    person: person(0),
    others: Array.from({ length: people - 1 }, (_, p) => person(p + 1)),
    neverContinueToPerson: true,
    customSites: Array.from({ length: sites }, (_, i) => ({
      host: `site${i}.example`,
      path: `/${'p'.repeat(300)}/${i}`,
      label: `site${i}.example/${'p'.repeat(300)}/${i}`,
    })),
    keepPersonAfterPeriod: false,
    askOnMessaging: true,
    plans: [],
    calmNote: '',
  };
}

/** What the extension stores for these settings and a 45-day period begun three days ago. */
export function runningWith(settings: Settings): Record<string, unknown> {
  return {
    settings,
    settings$: { v: STORAGE_VERSIONS.settings },
    period: {
      id: 'scale',
      startDate: new Date(Date.now() - 3 * 86_400_000).toLocaleDateString('en-CA'),
      lengthDays: 45,
      createdAt: Date.now(),
      coolOffHours: 24,
    },
    period$: { v: STORAGE_VERSIONS.period },
  };
}
