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

function policyWith(targets: number): Policy {
  return {
    categories: { social: true, messaging: true },
    person: personTargets('instagram:jordan.rivers\nx:jordanrivers\nhttps://www.strava.com/athletes/1'),
    name: 'Jordan Rivers',
    neverContinueToPerson: true,
    custom: customSites(targets),
  };
}

/**
 * Microseconds per `matchUrl` decision for each number of custom targets: the median of several
 * rounds, with the sizes taking turns round by round so that a noisy moment on a shared machine
 * falls on all of them alike.
 */
export function benchMatcher(sizes: readonly number[], rounds = 9, decisionsPerRound = 60_000): Record<number, number> {
  const policies = sizes.map(policyWith);
  const urls = URLS.map((u) => new URL(u).href);
  let sink = 0;
  for (const policy of policies)
    for (let i = 0; i < 20_000; i++) sink += matchUrl(urls[i % urls.length] ?? '', policy) ? 1 : 0;
  const samples = sizes.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    policies.forEach((policy, k) => {
      const start = performance.now();
      for (let i = 0; i < decisionsPerRound; i++) sink += matchUrl(urls[i % urls.length] ?? '', policy) ? 1 : 0;
      samples[k]?.push(((performance.now() - start) * 1000) / decisionsPerRound);
    });
  }
  if (sink < 0) console.log(sink);
  return Object.fromEntries(sizes.map((n, k) => [n, round(median(samples[k] ?? []), 2)]));
}
