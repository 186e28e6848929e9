import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';

function gz(file: string): number {
  return gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length;
}

/** The chunks a file imports: statically (loaded with it) and dynamically (loaded on demand). */
function imports(file: string): { eager: string[]; lazy: string[] } {
  const code = readFileSync(join(OUT, file), 'utf8');
  const resolve = (spec: string) => normalize(join(dirname(file), spec)).replace(/^\/?/, '/');
  // The bundler quotes with ", ' or `; a static import is `from"./x.js"` or `import"./x.js"`.
  const eager = [...code.matchAll(/(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map((m) =>
    resolve(m[1] ?? ''),
  );
  const lazy = [...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => resolve(m[1] ?? ''));
  return { eager, lazy: lazy.filter((l) => !eager.includes(l)) };
}

/**
 * JS a page ships, gzip: what it loads when it opens (the page's scripts and everything they
 * import statically) and, separately, what it may load later on demand.
 */
export function pageWeight(page: string): { initialKb: number; onDemandKb: number; files: number } {
  const html = readFileSync(join(OUT, `${page}.html`), 'utf8');
  const roots = [...html.matchAll(/(?:src|href)="(\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const initial = new Set<string>();
  const later = new Set<string>();
  const walk = (file: string, into: Set<string>) => {
    if (initial.has(file) || into.has(file)) return;
    into.add(file);
    const { eager, lazy } = imports(file);
    for (const f of eager) walk(f, into);
    for (const f of lazy) if (!initial.has(f)) walk(f, later);
  };
  for (const r of roots) walk(r, initial);
  for (const f of initial) later.delete(f);
  const kb = (files: Set<string>) => Math.round(([...files].reduce((n, f) => n + gz(f), 0) / 1024) * 10) / 10;
  return { initialKb: kb(initial), onDemandKb: kb(later), files: initial.size + later.size };
}

export function bundleReport() {
  const pages = ['popup', 'interstitial', 'options', 'insights', 'letters'];
  const report: Record<string, ReturnType<typeof pageWeight>> = {};
  for (const p of pages) report[p] = pageWeight(p);
  const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
  report['background (service worker)'] = {
    initialKb: Math.round((gz(`/${manifest.background.service_worker}`) / 1024) * 10) / 10,
    onDemandKb: 0,
    files: 1,
  };
  report['route guard (content script)'] = {
    initialKb: Math.round((gz(`/${manifest.content_scripts[0].js[0]}`) / 1024) * 10) / 10,
    onDemandKb: 0,
    files: 1,
  };
  return report;
}
