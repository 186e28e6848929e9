import { type BackupResult, sizeProblem } from './format';
import { BackupAssembler, type ReadMessage, readInto } from './slices';

/**
 * Reading a backup file without freezing the page. A 50 MB backup (some 200,000 urges) takes
 * JSON.parse and the schema a second or more; on the page's own thread that is a second in which
 * nothing answers a click. So the file is read, parsed and checked in a worker
 * (`parse-worker.ts`), which sends the checked backup back in slices (`slices.ts`).
 */

export interface ReadOptions {
  now?: number;
  /** Share of the reading done, 0 to 1. */
  onProgress?: (share: number) => void;
  /** The worker; null reads on this thread (where workers are missing, as in unit tests). */
  createWorker?: () => Worker | null;
}

function defaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'read-backup' });
}

/**
 * Reads and checks a backup file off the page's thread. A file over the size limit is refused
 * before a byte of it is read.
 */
export async function readBackupFile(file: Blob, options: ReadOptions = {}): Promise<BackupResult> {
  const { now = Date.now(), onProgress, createWorker = defaultWorker } = options;
  const tooBig = sizeProblem(file.size);
  if (tooBig) return { ok: false, error: tooBig };
  const assembler = new BackupAssembler(onProgress);
  const worker = createWorker();
  if (!worker) {
    let result: BackupResult | null = null;
    readInto(await file.text(), file.size, now, (message) => {
      result = assembler.take(message) ?? result;
    });
    return result ?? { ok: false, error: 'This backup could not be read completely. Please try again.' };
  }
  return new Promise<BackupResult>((resolve) => {
    const finish = (result: BackupResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<ReadMessage>) => {
      const result = assembler.take(event.data);
      if (result) finish(result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, error: 'This backup could not be read: the browser stopped reading it. Please try again.' });
    };
    worker.postMessage({ file, now });
  });
}
