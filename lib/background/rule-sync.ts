import type { Policy } from '../match-url';
import { buildRules, type DnrRule } from '../rules';

export interface DynamicRulesApi {
  getDynamicRules(): Promise<{ id: number }[]>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
}

export interface RuleSyncDeps {
  dnr: DynamicRulesApi;
  /** The policy in force right now (null: no active period). */
  currentPolicy: () => Promise<Policy | null>;
  interstitialUrl: string;
}

/**
 * Keeps the browser's dynamic rules equal to the current policy. Calls are serialised and
 * coalesced: while one sync runs, any number of further requests fold into a single follow-up,
 * so a burst of settings changes never interleaves two rule updates.
 */
export function createRuleSync(deps: RuleSyncDeps): () => Promise<Policy | null> {
  let running: Promise<Policy | null> | null = null;
  let queued: Promise<Policy | null> | null = null;

  async function run(): Promise<Policy | null> {
    const policy = await deps.currentPolicy();
    const rules = buildRules(policy, deps.interstitialUrl);
    const existing = await deps.dnr.getDynamicRules();
    // One call replaces the whole set atomically; the browser never sees a half-built list.
    await deps.dnr.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules });
    return policy;
  }

  return function sync(): Promise<Policy | null> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then((): Promise<Policy | null> => {
        queued = null;
        return sync();
      });
    return queued;
  };
}
