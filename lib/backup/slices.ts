import { type Backup, type BackupResult, parseBackup } from './format';

/**
 * How a checked backup travels from the worker that reads it (`parse-worker.ts`) to the page
 * (`read-backup.ts`): a head, then its rows a slice at a time. Sent whole, 200,000 urges would
 * take the page a few hundred milliseconds to unpack in one go; a slice takes a few.
 */

/** Rows per message from the worker: unpacking this many takes a few milliseconds, and the page never holds a big slice at once. */
export const ROWS_PER_MESSAGE = 500;

type RowList = 'urges' | 'letters' | 'contacts' | 'pastPeriods';
const ROW_LISTS: readonly RowList[] = ['urges', 'letters', 'contacts', 'pastPeriods'];

/** What the worker says, in order: a stage or two, then the head, the rows, and done; or a refusal. */
export type ReadMessage =
  | { kind: 'stage'; stage: 'read' | 'checked' }
  | { kind: 'head'; backup: Omit<Backup, RowList>; rows: number }
  | { kind: 'rows'; list: RowList; rows: unknown[] }
  | { kind: 'done' }
  | { kind: 'refused'; error: string };

/** The messages that carry a checked backup: its head, then its rows in slices. Pure. */
export function* backupMessages(result: BackupResult): Generator<ReadMessage> {
  if (!result.ok) {
    yield { kind: 'refused', error: result.error };
    return;
  }
  const { urges, letters, contacts, pastPeriods, ...head } = result.backup;
  const lists = { urges, letters, contacts, pastPeriods };
  yield { kind: 'head', backup: head, rows: ROW_LISTS.reduce((n, list) => n + lists[list].length, 0) };
  for (const list of ROW_LISTS) {
    const rows = lists[list];
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
      yield { kind: 'rows', list, rows: rows.slice(i, i + ROWS_PER_MESSAGE) };
    }
  }
  yield { kind: 'done' };
}

/** Reads and checks a backup's text, as the worker does, sending each message to `post`. */
export function readInto(text: string, byteLength: number, now: number, post: (message: ReadMessage) => void) {
  post({ kind: 'stage', stage: 'read' });
  const result = parseBackup(text, byteLength, now);
  if (result.ok) post({ kind: 'stage', stage: 'checked' });
  for (const message of backupMessages(result)) post(message);
}

/**
 * Puts a backup back together from the worker's messages. Resolves with the checked backup or the
 * refusal; `onProgress` hears the share of the reading done, 0 to 1.
 */
export class BackupAssembler {
  private head: Omit<Backup, RowList> | null = null;
  private readonly lists: Record<RowList, unknown[]> = { urges: [], letters: [], contacts: [], pastPeriods: [] };
  private expected = 0;
  private received = 0;

  constructor(private readonly onProgress: (share: number) => void = () => {}) {}

  /** Takes one message; returns the result once the last has come. */
  take(message: ReadMessage): BackupResult | null {
    switch (message.kind) {
      case 'stage':
        this.onProgress(message.stage === 'read' ? 0.2 : 0.6);
        return null;
      case 'head':
        this.head = message.backup;
        this.expected = message.rows;
        return null;
      case 'rows':
        // A loop, not push(...rows): spreading thousands of arguments can overflow the stack.
        for (const row of message.rows) this.lists[message.list].push(row);
        this.received += message.rows.length;
        this.onProgress(0.6 + 0.4 * (this.expected ? this.received / this.expected : 1));
        return null;
      case 'done':
        if (!this.head || this.received !== this.expected) {
          return { ok: false, error: 'This backup could not be read completely. Please try again.' };
        }
        this.onProgress(1);
        return { ok: true, backup: { ...this.head, ...(this.lists as Pick<Backup, RowList>) } };
      case 'refused':
        return { ok: false, error: message.error };
    }
  }
}
