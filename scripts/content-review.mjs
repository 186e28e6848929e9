#!/usr/bin/env node
// Prints the reflection library as one table to read in a sitting, item by item: its words, then
// its kind, theme and the moments it fits, then where it comes from (an article and its lines, or
// the practice named in `basis`). Read each aloud, as the person at 1 a.m. would hear it, and fix
// what sounds clinical, preachy or like someone selling something.
//
//   node scripts/content-review.mjs            the whole library
//   node scripts/content-review.mjs --theme=urges-pass
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { LIBRARY } = await jiti.import('../content/library.ts');
const theme = process.argv.find((a) => a.startsWith('--theme='))?.slice('--theme='.length);
const items = theme ? LIBRARY.filter((i) => i.theme === theme) : LIBRARY;

const width = Math.max(60, Math.min(100, process.stdout.columns ?? 100));
/** Wraps `text` to `width` columns, each line after the first indented by `indent`. */
function wrap(text, indent) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

let n = 0;
for (const item of items) {
  n++;
  const where = item.source
    ? `${item.source.slice(0, 3)} lines ${item.lines ? item.lines.join('–') : '(none)'}`
    : `basis: ${item.basis}`;
  console.log(`${String(n).padStart(3)}. ${wrap(item.text, 5)}`);
  console.log(
    `     ${item.id} · ${item.kind}${item.open ? ' (open)' : ''} · ${item.theme} · ${item.contexts.join(', ')}`,
  );
  console.log(`     ${wrap(where, 5)}\n`);
}
console.log(`${items.length} items${theme ? ` in “${theme}”` : ''}.`);
