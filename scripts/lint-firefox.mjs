#!/usr/bin/env node
// Lints the Firefox build the way addons.mozilla.org does (`web-ext lint`), and holds it to our
// own bar: no errors, and no warnings except React DOM's own `innerHTML` assignments, which sit in
// their own chunk (react-dom-*.js, see wxt.config.ts). Also checks the manifest says who we are and
// that we collect no data. Run after `wxt build -b firefox`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const dir = process.argv[2] ?? '.output/firefox-mv3';
const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output=json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
} catch {
  console.error(result.stdout, result.stderr);
  console.error('web-ext lint did not produce a report.');
  process.exit(1);
}

const problems = [];
for (const e of report.errors) problems.push(`error ${e.code} in ${e.file ?? 'the package'}: ${e.message}`);
for (const w of report.warnings) {
  const reactDom =
    w.code === 'UNSAFE_VAR_ASSIGNMENT' &&
    /innerHTML/.test(w.message) &&
    /^chunks\/react-dom-[\w-]+\.js$/.test(w.file ?? '');
  if (!reactDom) problems.push(`warning ${w.code} in ${w.file ?? 'the package'}: ${w.message}`);
}
const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
const gecko = manifest.browser_specific_settings?.gecko;
if (!gecko?.id) problems.push('manifest: browser_specific_settings.gecko.id is missing');
if (JSON.stringify(gecko?.data_collection_permissions) !== JSON.stringify({ required: ['none'] })) {
  problems.push('manifest: data_collection_permissions must declare { required: ["none"] }');
}

const { errors, warnings, notices } = report.summary;
console.log(
  `web-ext lint: ${errors} errors, ${warnings} warnings (React DOM's innerHTML: ${warnings - problems.filter((p) => p.startsWith('warning')).length}), ${notices} notices`,
);
for (const p of problems) console.error(`✗ ${p}`);
process.exit(problems.length ? 1 : 0);
