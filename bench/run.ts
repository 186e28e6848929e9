/**
 * `npm run bench`: the figures we hold ourselves to, measured on this machine. Speeds are medians
 * and percentiles over repeated runs, compared as ratios where there is something to compare
 * with; the machine is shared and noisy, so no single number is trusted and nothing here is a
 * test. Prints tables and writes bench/results.json.
 */
import { execSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { SiteServer } from '../tests/e2e/site-server';
import { benchMatcher } from './matcher';
import { benchFullLoads, benchRouteChangesBaseline, benchRouteChangesOurs } from './routes';
import { round, table } from './stats';

if (!existsSync('.output/chrome-mv3/manifest.json') || process.argv.includes('--build')) {
  execSync('npx wxt build', { stdio: 'inherit' });
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
};

console.log('\nMatcher: microseconds per decision (median of 9 rounds of 60,000)');
const matcher = Object.fromEntries([10, 100, 1000].map((n) => [n, benchMatcher(n)]));
console.log(
  table(
    ['custom targets', 'µs / decision', 'goal'],
    Object.entries(matcher).map(([n, us]) => [n, us, '≤ 5 µs at 1,000']),
  ),
);
results.matcher = { unit: 'µs per decision', byCustomTargets: matcher };

const server = new SiteServer();
await server.start();
try {
  console.log('\nFull page loads of stopped addresses');
  const full = await benchFullLoads(server);
  console.log(
    table(
      ['navigations', 'stopped', 'requests that reached a stopped host', 'goal'],
      [[full.navigations, full.stopped, full.requestsReachingStoppedHosts, '0']],
    ),
  );
  results.fullLoads = full;

  console.log('\nRoute changes (pushState on a local single-page feed mapped to instagram.com), ms, 20 runs each');
  const ours = await benchRouteChangesOurs(server);
  const baseline = await benchRouteChangesBaseline(server);
  const ratio = round((baseline.painted?.p50 ?? Number.NaN) / (ours.painted?.p50 ?? Number.NaN), 1);
  console.log(
    table(
      ['approach', 'p50', 'p95', 'max'],
      [
        ['ours: cover in the page', ours.inserted?.p50 ?? '', ours.inserted?.p95 ?? '', ours.inserted?.max ?? ''],
        ['ours: first frame with the cover', ours.painted?.p50 ?? '', ours.painted?.p95 ?? '', ours.painted?.max ?? ''],
        [
          'webNavigation + tabs.update: first frame of its page',
          baseline.painted?.p50 ?? '',
          baseline.painted?.p95 ?? '',
          baseline.painted?.max ?? '',
        ],
      ],
    ),
  );
  console.log(`baseline p50 / ours p50 (first frame): ${ratio}×   goal: p95 ≤ 50 ms, aiming for one frame (16 ms)`);
  results.routeChanges = { unit: 'ms from pushState', ours, baseline, ratioP50: ratio };
} finally {
  await server.stop();
}

writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench/results.json');
