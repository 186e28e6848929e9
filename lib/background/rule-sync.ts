import type { Policy } from '../match-url';
import { buildRules, type DnrRule } from '../rules';

export interface SyncResult {
  policy: Policy | null;
  /** False when the rules were already up to date. */
  changed: boolean;
}

export interface DynamicRulesApi {
  getDynamicRules(): Promise<{ id: number }[]>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
}

export interface RuleSyncDeps {
  dnr: DynamicRulesApi;
  /** Remembers what was last written, so an unchanged policy costs no rule update. */
  digest: { get(): Promise<string | null>; set(value: string): Promise<void> };
  /** The policy in force right now (null: no active period). */
  currentPolicy: () => Promise<Policy | null>;
  interstitialUrl: string;
}

/**
 * Keeps the browser's dynamic rules equal to the current policy. Calls are serialised and
 * coalesced: while one sync runs, any number of further requests fold into a single follow-up,
 * so a burst of settings changes never interleaves two rule updates.
 */
export function createRuleSync(deps: RuleSyncDeps): () => Promise<SyncResult> {
  let running: Promise<SyncResult> | null = null;
  let queued: Promise<SyncResult> | null = null;

  async function run(): Promise<SyncResult> {
    const policy = await deps.currentPolicy();
    const rules = buildRules(policy, deps.interstitialUrl);
    const digest = JSON.stringify(rules);
    if ((await deps.digest.get()) === digest) return { policy, changed: false };
    const existing = await deps.dnr.getDynamicRules();
    // One call replaces the whole set atomically; the browser never sees a half-built list.
    await deps.dnr.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules });
    await deps.digest.set(digest);
    return { policy, changed: true };
  }

  return function sync(): Promise<SyncResult> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then((): Promise<SyncResult> => {
        queued = null;
        return sync();
      });
    return queued;
  };
}
