import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable that names this run's folder for temporary files (see global-setup.ts). */
export const RUN_FOLDER = 'BREATHING_ROOM_E2E_TMP';

/**
 * A new temporary folder (a browser profile, a certificate) inside this run's folder, which the
 * global teardown removes whole once every browser has exited. A browser still writing as it
 * closes can leave files after a folder is removed; this way none are left behind. `npm run bench`
 * makes its own run folder the same way; anything else gets the system's temporary folder.
 */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(process.env[RUN_FOLDER] ?? tmpdir(), prefix));
}
