/**
 * One lane for everything that brings the browser in line with the settings: settling waiting
 * changes, the rules, the badge, the open tabs. Its steps run one at a time, never two syncs side
 * by side, so a burst of changes cannot leave the rules of one and the badge of another.
 *
 * A save is heard twice: the page that saved asks for a sync (and waits to say what was applied),
 * and `storage.onChanged` fires for the same write, in either order. Each request names the
 * inputs it needs reflected (as they are when it arrives); a sync that has read those inputs
 * answers for it, so the save makes one sync however it is heard.
 */

export interface SyncQueueDeps<R> {
  /** Steps that come before the inputs are read: settling due changes may change them. */
  prepare(): Promise<void>;
  /** What a sync acts on, as a string two reads can be compared by. */
  inputs(): Promise<string>;
  /** The rest of the sync, in order, acting on the inputs as they are now. */
  run(): Promise<R>;
}

export interface SyncQueue<R> {
  /**
   * A sync that reflects the inputs as they are when asked. The sync in progress answers if it
   * read the same inputs (or has yet to read them); otherwise every request arriving while it runs
   * folds into one follow-up, which reads the latest inputs. With none in progress, the last sync
   * answers if its inputs are unchanged. `fresh` asks for a sync that starts after the request,
   * for what the inputs do not show (a wake-up to check again).
   */
  request(options?: { fresh?: boolean }): Promise<R>;
  /** Runs `task` in the same lane, between syncs. */
  inTurn<T>(task: () => Promise<T>): Promise<T>;
}

interface Entry<R> {
  /** The inputs this sync read; null until it has read them. */
  seen: string | null;
  result: Promise<R>;
}

export function createSyncQueue<R>(deps: SyncQueueDeps<R>): SyncQueue<R> {
  let tail: Promise<unknown> = Promise.resolve();
  let queued: Entry<R> | null = null;
  let running: Entry<R> | null = null;
  let last: { seen: string; result: R } | null = null;

  function inTurn<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  }

  function schedule(): Entry<R> {
    const entry: Entry<R> = { seen: null, result: Promise.resolve() as Promise<R> };
    entry.result = inTurn(async () => {
      if (queued === entry) queued = null;
      running = entry;
      last = null;
      try {
        await deps.prepare();
        const seen = await deps.inputs();
        entry.seen = seen;
        const result = await deps.run();
        last = { seen, result };
        return result;
      } finally {
        running = null;
      }
    });
    return entry;
  }

  async function request({ fresh = false }: { fresh?: boolean } = {}): Promise<R> {
    const wanted = fresh ? null : await deps.inputs();
    if (queued) return queued.result;
    if (wanted !== null && running && (running.seen === null || running.seen === wanted)) return running.result;
    if (wanted !== null && !running && last?.seen === wanted) return last.result;
    queued = schedule();
    return queued.result;
  }

  return { request, inTurn };
}
