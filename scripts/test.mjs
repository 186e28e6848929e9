#!/usr/bin/env node
// `npm test`: every check the project has, in order, ending with one line: "N passed, N failed".
//
// Stages that are not test suites (format and lint, type check, builds, Firefox lint) count as one
// check each. The unit and end-to-end suites count their own tests. A stage that cannot run because
// an earlier one failed (no build, no e2e) counts as failed, never as skipped-and-fine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv[2]; // optional: "unit" or "e2e"
mkdirSync('.cache', { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function stage(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else failed++;
  summary.push(`${ok ? '✓' : '✗'} ${label}`);
  return ok;
}

function suite(label, command, args, reportFile, count, env = {}) {
  rmSync(reportFile, { force: true });
  const ok = run(label, command, args, env);
  let counts = null;
  try {
    counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  } catch {
    counts = null;
  }
  if (!counts || (!ok && counts.failed === 0)) {
    // The suite crashed or could not report: that is a failure, whatever it printed.
    counts = { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1 };
  }
  passed += counts.passed;
  failed += counts.failed;
  summary.push(`${counts.failed ? '✗' : '✓'} ${label}: ${counts.passed} passed, ${counts.failed} failed`);
}

const npx = (...args) => ['npx', args];

if (!only || only === 'unit') {
  stage('format and lint (Biome)', ...npx('biome', 'ci', '.'));
  stage('types (wxt prepare + tsc --noEmit)', 'sh', ['-c', 'npx wxt prepare && npx tsc --noEmit']);
  suite(
    'unit tests (Vitest)',
    ...npx('vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.cache/vitest.json'),
    '.cache/vitest.json',
    (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorSuites ?? 0) }),
  );
  articles();
}

/**
 * The check of content/ against the source articles needs them beside the project (../shared).
 * A plain clone does not have them: the check says it was skipped and why. CI sets
 * REQUIRE_ARTICLES=1, and then their absence is a failure.
 */
function articles() {
  const label = 'content against the source articles (../shared/seeds)';
  const shared = process.env.SHARED_DIR ?? '../shared';
  if (existsSync(`${shared}/seeds`)) {
    stage(label, ...npx('jiti', 'scripts/check-articles.ts'));
  } else if (process.env.REQUIRE_ARTICLES === '1') {
    console.log(`\n✗ ${label}: ${shared}/seeds is missing, and REQUIRE_ARTICLES=1 says it must be there.`);
    failed++;
    summary.push(`✗ ${label}: the articles are missing`);
  } else {
    console.log(
      `\n– Skipped the check of content/ against the source articles: ${shared}/seeds is not beside this clone.`,
    );
    summary.push(`– ${label}: skipped, the articles are not beside this clone`);
  }
}

if (!only || only === 'e2e') {
  const chrome = stage('Chrome build (wxt build)', ...npx('wxt', 'build'));
  const firefox = stage('Firefox build (wxt build -b firefox)', ...npx('wxt', 'build', '-b', 'firefox'));
  if (!only) {
    if (firefox)
      stage('Firefox web-ext lint (0 errors; only React DOM’s warnings)', 'node', ['scripts/lint-firefox.mjs']);
    else {
      failed++;
      summary.push('✗ Firefox web-ext lint did not run: no build');
    }
  }
  // Each browser's suite runs against its own build; a missing build fails its suite, loudly.
  const projects = [
    ...(chrome && existsSync('.output/chrome-mv3/manifest.json') ? ['chromium'] : []),
    ...(firefox && existsSync('.output/firefox-mv3/manifest.json') ? ['firefox'] : []),
  ];
  for (const browser of ['chromium', 'firefox'].filter((b) => !projects.includes(b))) {
    failed++;
    summary.push(`✗ end-to-end tests in ${browser} did not run: no build`);
  }
  if (projects.length) {
    suite(
      `end-to-end tests (Playwright: ${projects.join(' and ')})`,
      ...npx('playwright', 'test', ...projects.map((p) => `--project=${p}`), '--reporter=list,json'),
      '.cache/playwright.json',
      (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected }),
      { PLAYWRIGHT_JSON_OUTPUT_NAME: '.cache/playwright.json' },
    );
  }
}

console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
