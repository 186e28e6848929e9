/**
 * The worker that reads and checks a backup file (see `read-backup.ts` and `slices.ts`): JSON.parse and the
 * schema run here, off the options page's thread, and the checked backup goes back in slices.
 */
import { type ReadMessage, readInto } from './slices';

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ file: Blob; now: number }>) => void) | null;
  postMessage(message: ReadMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const { file, now } = event.data;
  let text: string;
  try {
    text = await file.text();
  } catch {
    scope.postMessage({ kind: 'refused', error: 'This file could not be read. Please choose it again.' });
    return;
  }
  readInto(text, file.size, now, (message) => scope.postMessage(message));
};
