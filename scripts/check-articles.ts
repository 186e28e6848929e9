// The check of `content/` against the five source articles themselves, which live outside the
// project in ../shared/seeds (CI always has them; a plain clone does not, and `npm test` then says
// it skipped this check). Run with `npx jiti scripts/check-articles.ts`.
//
// It checks that the project's list of articles (content/sources.ts) names exactly the files in
// ../shared/seeds, that every reflection citing an article names lines of it that exist, and that
// no reflection shares a run of 6 or more words with any article.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LIBRARY } from '../content/library';
import { SOURCE_FILES } from '../content/sources';

const SHARED = resolve(process.env.SHARED_DIR ?? '../shared');
const SEEDS = resolve(SHARED, 'seeds');
const OVERLAP_TOOL = resolve(SHARED, 'tools/seed-overlap.mjs');
const RUN_WORDS = 6;

const problems: string[] = [];

if (!existsSync(SEEDS) || !existsSync(OVERLAP_TOOL)) {
  console.error(`✗ The source articles are not at ${SEEDS} (with ${OVERLAP_TOOL}).`);
  process.exit(1);
}

const onDisk = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
for (const file of SOURCE_FILES)
  if (!onDisk.includes(file)) problems.push(`content/sources.ts lists ${file}, which is not in ${SEEDS}`);
for (const file of onDisk)
  if (!SOURCE_FILES.includes(file as never)) problems.push(`${file} is in ${SEEDS} but not in content/sources.ts`);
for (const item of LIBRARY) {
  if (item.source === null) continue;
  if (!onDisk.includes(item.source)) {
    problems.push(`${item.id} cites ${item.source}, which is not an article`);
    continue;
  }
  // The lines it draws on exist in that article, and say something.
  const text = readFileSync(resolve(SEEDS, item.source), 'utf8').split('\n');
  const [first, last] = item.lines ?? [0, 0];
  const said = text
    .slice(first - 1, last)
    .join(' ')
    .trim();
  if (!item.lines) problems.push(`${item.id} cites ${item.source} but not where in it`);
  else if (first < 1 || last < first || last > text.length || !said) {
    problems.push(`${item.id} cites lines ${first}-${last} of ${item.source}, which has ${text.length} lines`);
  }
}

const overlap = spawnSync('node', [OVERLAP_TOOL, '--words', String(RUN_WORDS), 'content/'], { encoding: 'utf8' });
const lines = overlap.stdout.trim().split('\n');
const verdict = lines.at(-1) ?? '';
if (overlap.status !== 0 || !verdict.startsWith('0 copied run(s)')) {
  problems.push(`content/ shares runs of ${RUN_WORDS}+ words with the articles:`, ...lines, overlap.stderr.trim());
}

if (problems.length) {
  for (const p of problems.filter(Boolean)) console.error(`✗ ${p}`);
  process.exit(1);
}
const cited = LIBRARY.filter((item) => item.source !== null).length;
console.log(
  `✓ ${cited} reflections cite the ${SOURCE_FILES.length} articles in ${SEEDS}, ${LIBRARY.length - cited} name the general practice they come from; ${verdict}`,
);
