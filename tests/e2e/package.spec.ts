import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_PATH } from './fixtures';

/** Every file of the built extension, by path inside it. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

test('the built extension loads no remote code, uses no eval, and asks only for what it needs', () => {
  const all = files(EXTENSION_PATH);
  const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));

  // The default extension content security policy: no override, so no remote scripts and no eval.
  expect(manifest.content_security_policy).toBeUndefined();
  expect(manifest.permissions.sort()).toEqual(['alarms', 'declarativeNetRequest', 'storage']);
  expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
  for (const size of Object.values(manifest.icons) as string[]) expect(all).toContain(size);

  for (const file of all.filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(EXTENSION_PATH, file), 'utf8');
    expect(code, file).not.toMatch(/\beval\(|new Function\(|importScripts\(/);
  }
  for (const file of all.filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(EXTENSION_PATH, file), 'utf8');
    const sources = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(sources.length, file).toBeGreaterThan(0);
    for (const source of sources) expect(source, `${file}: ${source}`).toMatch(/^\/(?!\/)/);
  }
});
