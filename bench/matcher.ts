import type { CustomSite } from '../lib/detection/custom-sites';
import { matchUrl, type Policy } from '../lib/detection/match-url';
import { personTargets } from '../lib/detection/person';
import { median, round } from './stats';

const URLS = [
  'https://www.instagram.com/',
  'https://www.instagram.com/jordan.rivers/reels/',
  'https://www.instagram.com/someone.else/',
  'https://m.facebook.com/messages/t/1',
  'https://x.com/home',
  'https://www.google.com/search?q=jordan+rivers+new+girlfriend',
  'https://www.google.com/search?q=weather+tomorrow',
  'https://www.xbox.com/en-US/games',
  'https://example.org/some/article?id=42',
  'https://news.site-17.example/world/today',
  'https://www.site-500.example/u/jordan/photos',
  'https://docs.github.com/en/get-started',
];

function customSites(count: number): CustomSite[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0
      ? { host: `site-${i}.example`, path: '/', label: `site-${i}.example` }
      : { host: `site-${i}.example`, path: `/u/jordan-${i}`, label: `site-${i}.example/u/jordan-${i}` },
  );
}

/**
 * The policy with `targets` custom sites and `people` people: the first is Jordan, with three
 * profiles and one name; each other has three names and ten profiles across the platforms.
 */
function policyWith(targets: number, people = 1): Policy {
  const others = Array.from({ length: people - 1 }, (_, p) => p + 1);
  const platforms = ['instagram', 'x', 'tiktok', 'facebook', 'threads'];
  return {
    categories: { social: true, messaging: true },
    person: personTargets(
      [
        'instagram:jordan.rivers\nx:jordanrivers\nhttps://www.strava.com/athletes/1',
        ...others.flatMap((p) => Array.from({ length: 10 }, (_, i) => `${platforms[i % 5]}:friend${p}_${i}`)),
      ].join('\n'),
    ),
    names: ['Jordan Rivers', ...others.flatMap((p) => [`Sam Okafor ${p}`, `Sammy O ${p}`, `Samantha Rivers ${p}`])],
    neverContinueToPerson: true,
    custom: customSites(targets),
  };
}

/** A case of the benchmark: its custom sites and people. */
export interface MatcherCase {
  custom: number;
  people: number;
}

/**
 * Microseconds per `matchUrl` decision for each case: the median of several rounds, with the
 * cases taking turns round by round so that a noisy moment on a shared machine falls on all of
 * them alike. Keyed `"<custom sites>"`, or `"<custom sites> + <people> people"` for more than one.
 */
export function benchMatcher(
  cases: readonly MatcherCase[],
  rounds = 9,
  decisionsPerRound = 60_000,
): Record<string, number> {
  const policies = cases.map((c) => policyWith(c.custom, c.people));
  const urls = URLS.map((u) => new URL(u).href);
  let sink = 0;
  for (const policy of policies)
    for (let i = 0; i < 20_000; i++) sink += matchUrl(urls[i % urls.length] ?? '', policy) ? 1 : 0;
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    policies.forEach((policy, k) => {
      const start = performance.now();
      for (let i = 0; i < decisionsPerRound; i++) sink += matchUrl(urls[i % urls.length] ?? '', policy) ? 1 : 0;
      samples[k]?.push(((performance.now() - start) * 1000) / decisionsPerRound);
    });
  }
  if (sink < 0) console.log(sink);
  return Object.fromEntries(
    cases.map((c, k) => [
      c.people > 1 ? `${c.custom} + ${c.people} people` : String(c.custom),
      round(median(samples[k] ?? []), 2),
    ]),
  );
}
