import { nextDue, type PendingChange, settle } from '../lock/plan';
import type { Period } from '../period/period';
import type { PastPeriod } from '../records/types';
import type { Settings } from '../settings/settings';

export interface SettleDeps {
  loadPending(): Promise<PendingChange[]>;
  /** Settings and period, read only when something is waiting. */
  loadState(): Promise<{ settings: Settings; period: Period | null }>;
  save(next: { settings: Settings; period: Period | null; pending: PendingChange[] }): Promise<void>;
  archive(past: PastPeriod): Promise<void>;
  eraseEverything(): Promise<void>;
  releaseHosts(hosts: string[]): Promise<void>;
  /** Asks to be woken at `when` (an alarm), or for no wake-up with null. */
  wakeAt(when: number | null): Promise<void>;
  now(): number;
}

/**
 * Applies every waiting change whose cool-off is over, then sets an alarm for the next one. Runs
 * when the alarm fires and each time the service worker starts, so a browser that was closed when
 * a countdown ended catches up as soon as it opens.
 */
export async function settlePending(deps: SettleDeps): Promise<PendingChange[]> {
  // Every worker start and every settings change passes through here: with nothing waiting (the
  // usual case) it costs one storage read.
  const pending = await deps.loadPending();
  if (!pending.length) {
    await deps.wakeAt(null);
    return [];
  }
  const { settings, period } = await deps.loadState();
  const result = settle(settings, period, pending, deps.now());
  if (result.eraseEverything) {
    await deps.eraseEverything();
    await deps.wakeAt(null);
    return result.applied;
  }
  if (result.applied.length) {
    // The past period is written first: if the worker stops halfway, the next start closes it
    // again with the same id, which overwrites rather than duplicates.
    if (result.archived) await deps.archive(result.archived);
    await deps.save({ settings: result.settings, period: result.period, pending: result.pending });
    if (result.removedHosts.length) await deps.releaseHosts(result.removedHosts);
  }
  await deps.wakeAt(nextDue(result.pending));
  return result.applied;
}
