import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_FOLDER } from './e2e/temp';

/**
 * One folder for all of this run's browser profiles and certificates. Workers inherit it through
 * the environment; the teardown removes it after every browser has closed.
 */
export default function globalSetup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'breathing-room-e2e-'));
  process.env[RUN_FOLDER] = folder;
  return () => rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
