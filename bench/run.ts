/**
 * `npm run bench`: the figures we hold ourselves to, measured on this machine. Speeds are medians
 * and percentiles over repeated runs, compared as ratios where there is something to compare
 * with; the machine is shared and noisy, so no single number is trusted and nothing here is a
 * test. Prints tables and writes bench/results.json.
 *
 * `npx jiti bench/run.ts import` measures only the import of a large backup, prints it, and
 * writes nothing: a partial run never overwrites the figures of a full one.
 * `npm run bench -- --only=popup-floor` measures just the popup against the floor and updates
 * that section of bench/results.json, leaving the others as the last full run wrote them.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { SiteServer } from '../tests/e2e/site-server';
import runFolder from '../tests/global-setup';
import { bundleReport } from './bundle';
import { benchImport } from './import';
import { benchMatcher } from './matcher';
import { benchPopupFloor } from './popup-floor';
import { benchFullLoads, benchRouteChangesBaseline, benchRouteChangesOurs } from './routes';
import { round, table } from './stats';
import { benchViews } from './views';

// Every browser profile and certificate of this run goes in one folder, removed as the run ends,
// as in the test suites (tests/e2e/temp.ts): Chromium writes to a profile after it closes.
process.on('exit', runFolder());

if (!existsSync('.output/chrome-mv3/manifest.json') || process.argv.includes('--build')) {
  execSync('npx wxt build', { stdio: 'inherit' });
}

/** Imports a generated ~50 MB backup (200,000 urges) through the options page, 3 times. */
async function importSection() {
  console.log('\nImporting a backup of 200,000 urges through the options page, median of 3 fresh profiles');
  const figures = await benchImport();
  console.log(
    table(
      ['file', 'click to “Imported …”', 'longest long task', 'longest gap between frames', 'goal'],
      [
        [
          `${figures.fileMb} MB`,
          `${figures.totalMs} ms`,
          `${figures.longestTaskMs} ms`,
          `${figures.longestFrameGapMs} ms`,
          'no block over ~100 ms',
        ],
      ],
    ),
  );
  return figures;
}

if (process.argv[2] === 'import') {
  console.log(JSON.stringify(await importSection(), null, 2));
  process.exit(0);
}

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version };

/** The popup's "Day N of M" against a blank extension page's first paint, opened in turn. */
async function popupFloorSection() {
  console.log('\nPopup against the floor (a blank extension page), ms from navigation, opened in turn');
  const floor = await benchPopupFloor();
  console.log(
    table(
      ['page', 'what', 'p50', 'p95', 'min', 'max'],
      [
        ['floor: one line of static text', 'first paint', ...Object.values(floor.floorFirstPaint)],
        ['popup, day 30 of 90, 300 urges', '"Day N of M" in the page', ...Object.values(floor.popupDayCount)],
        ['popup, the same', 'first paint', ...Object.values(floor.popupFirstPaint)],
      ],
    ),
  );
  console.log(
    `popup "Day N of M" ÷ floor first paint (p50, ${floor.runs} opens each): ${floor.ratioP50}×   goal: ≤ 1.5×`,
  );
  return { unit: 'ms from navigation start', date: new Date().toISOString(), ...floor };
}

if (process.argv.includes('--only=popup-floor')) {
  const previous = existsSync('bench/results.json') ? JSON.parse(readFileSync('bench/results.json', 'utf8')) : {};
  const popupFloor = await popupFloorSection();
  writeFileSync('bench/results.json', `${JSON.stringify({ ...previous, popupFloor }, null, 2)}\n`);
  console.log('\nUpdated popupFloor in bench/results.json');
  process.exit(0);
}

const results: Record<string, unknown> = { date: new Date().toISOString(), machine };

console.log('\nMatcher: microseconds per decision (median of 9 rounds of 60,000)');
const matcher = benchMatcher([
  { custom: 10, people: 1 },
  { custom: 100, people: 1 },
  { custom: 1000, people: 1 },
  // Five people, each but Jordan with three names and ten profiles.
  { custom: 1000, people: 5 },
]);
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
  if (ours.misses) console.log(`runs where the cover's first frame was not reported (retried): ${ours.misses}`);
  results.routeChanges = { unit: 'ms from pushState', ours, baseline, ratioP50: ratio };
} finally {
  await server.stop();
}

console.log('\nViews: ms from navigation to the figures drawn, 20 opens each');
const views = await benchViews();
console.log(
  table(
    ['view', 'p50', 'p95', 'max', 'goal'],
    [
      ['popup, empty log', views.popupEmpty.p50, views.popupEmpty.p95, views.popupEmpty.max, ''],
      ['popup, 10,000 urges', views.popup10k.p50, views.popup10k.p95, views.popup10k.max, 'p95 ≤ 100 ms, ≤ 1.5× empty'],
      ['popup, 100,000 urges', views.popup100k.p50, views.popup100k.p95, views.popup100k.max, ''],
      [
        'insights charts, 100,000 urges',
        views.insights100k.p50,
        views.insights100k.p95,
        views.insights100k.max,
        'p95 ≤ 500 ms',
      ],
    ],
  ),
);
console.log(`popup 10,000 urges ÷ empty (p50): ${views.ratio10kToEmpty}×`);
results.views = { unit: 'ms from navigation start', ...views };

results.popupFloor = await popupFloorSection();

console.log('\nJS shipped per page, gzip (KB): loaded on open, and loaded later on demand');
const bundles = bundleReport();
console.log(
  table(
    ['entrypoint', 'on open', 'on demand', 'goal'],
    Object.entries(bundles).map(([page, b]) => [page, b.initialKb, b.onDemandKb, page === 'popup' ? '≤ 100 KB' : '']),
  ),
);
results.bundles = { unit: 'KB gzip', ...bundles };

results.import = { unit: 'ms', ...(await importSection()) };

writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench/results.json');
