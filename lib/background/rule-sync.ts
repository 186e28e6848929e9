import { isGuardedHost } from '../detection/guarded-sites';
import type { Policy } from '../detection/match-url';
import { RE2_INSTRUCTION_BUDGET, re2Cost } from '../rules/limits';
import { buildRuleSet, type DnrRule, type Fits, type RuleSource, sourceKey } from '../rules/rule-set';
import { neededHosts } from './needed-hosts';
import type { Gap } from './protection-health';

export interface SyncResult {
  policy: Policy | null;
  /** False when the rules were already up to date. */
  changed: boolean;
  /** What the settings need that the browser does not hold (the self-check). */
  gaps: Gap[];
}

export interface DynamicRulesApi {
  getDynamicRules(): Promise<{ id: number; condition?: { regexFilter?: string } }[]>;
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  /** Chrome's check of a regex against its limits; Firefox has it too (128+). */
  isRegexSupported?(options: {
    regex: string;
    isCaseSensitive?: boolean;
  }): Promise<{ isSupported: boolean; reason?: string }>;
}

export interface RuleSyncDeps {
  dnr: DynamicRulesApi;
  /** Remembers what was last written, so an unchanged policy costs no rule update. */
  digest: { get(): Promise<string | null>; set(value: string | null): Promise<void> };
  /** The policy in force right now (null: no active period). */
  currentPolicy: () => Promise<Policy | null>;
  /**
   * With no period running, the policy a period would bring with the settings as they are (null
   * while one runs): its sites are checked for access ahead of it.
   */
  plannedPolicy?: () => Promise<Policy | null>;
  /** The pause page's address, stop key included. */
  pauseUrl: () => Promise<string>;
  /** Whether the extension may act on a host (and its subdomains) now. */
  hasAccess: (host: string) => Promise<boolean>;
  /** Whether it may act on all of them: one question for the usual case, hundreds of hosts at once. */
  hasAccessToAll?: (hosts: readonly string[]) => Promise<boolean>;
}

/**
 * Installs `rules` after removing `removeIds`, as one update when possible. When the browser
 * refuses the update, it finds the rules it refuses by halves, so one bad rule never takes the
 * others down. Returns the ids that could not be installed.
 */
async function installIsolating(dnr: DynamicRulesApi, removeIds: number[], rules: DnrRule[]): Promise<Set<number>> {
  try {
    await dnr.updateDynamicRules({ removeRuleIds: removeIds, addRules: rules });
    return new Set();
  } catch {
    await dnr.updateDynamicRules({ removeRuleIds: removeIds }).catch(() => undefined);
  }
  const refused = new Set<number>();
  async function add(part: DnrRule[]) {
    if (!part.length) return;
    try {
      await dnr.updateDynamicRules({ addRules: part });
    } catch {
      if (part.length === 1) refused.add(part[0]?.id ?? -1);
      else {
        const half = Math.ceil(part.length / 2);
        await add(part.slice(0, half));
        await add(part.slice(half));
      }
    }
  }
  await add(rules);
  return refused;
}

/** Hosts without access as a gap: the manifest's sites first, then the ones the person chose, counted. */
function accessGap(hosts: string[], { ahead = false, all }: { ahead?: boolean; all: boolean }): Gap {
  const known: string[] = [];
  const chosen: string[] = [];
  for (const host of hosts) (isGuardedHost(host) ? known : chosen).push(host);
  return {
    kind: 'access',
    hosts: [...known, ...chosen],
    ...(ahead && { ahead: true }),
    ...(all && { all: true }),
    ...(chosen.length && { chosen: chosen.length }),
  };
}

/**
 * Keeps the browser's dynamic rules equal to the current policy, and checks afterwards that they
 * are. Calls are serialised and coalesced: while one sync runs, any number of further requests
 * fold into a single follow-up, so a burst of settings changes never interleaves two updates.
 */
export function createRuleSync(deps: RuleSyncDeps): () => Promise<SyncResult> {
  let running: Promise<SyncResult> | null = null;
  let queued: Promise<SyncResult> | null = null;
  /** The browser's verdict on each regex, kept while the worker lives. */
  const verdicts = new Map<string, boolean>();

  async function browserAccepts(regex: string): Promise<boolean> {
    const check = deps.dnr.isRegexSupported;
    if (!check) return true;
    let verdict = verdicts.get(regex);
    if (verdict === undefined) {
      verdict = await check
        .call(deps.dnr, { regex, isCaseSensitive: false })
        .then((r) => r.isSupported)
        .catch(() => true);
      verdicts.set(regex, verdict);
    }
    return verdict;
  }

  async function run(): Promise<SyncResult> {
    const policy = await deps.currentPolicy();
    const pauseUrl = await deps.pauseUrl();
    // Build against our model of the limits, then ask the browser about every regex; a refused
    // one is rebuilt smaller (the model then treats that exact regex as too big).
    // A refusal also lowers the budget for the next round, so the rebuilt regex is well inside
    // whatever limit this browser has, not one character shorter.
    const refusedRegexes = new Set<string>();
    let budget = RE2_INSTRUCTION_BUDGET;
    const fits: Fits = (regex) => re2Cost(regex) <= budget && !refusedRegexes.has(regex);
    let set = buildRuleSet(policy, pauseUrl, fits);
    for (let round = 0; ; round++) {
      const regexes = [
        ...new Set(set.rules.flatMap((r) => (r.condition.regexFilter ? [r.condition.regexFilter] : []))),
      ];
      const refused = (await Promise.all(regexes.map(async (r) => ((await browserAccepts(r)) ? null : r)))).filter(
        (r): r is string => r !== null,
      );
      if (!refused.length) break;
      for (const r of refused) refusedRegexes.add(r);
      // Every regex in `set` has now been asked about; after a few rounds, what is refused is
      // left out (and reported) rather than rebuilt again.
      if (round === 4) break;
      budget -= 15;
      set = buildRuleSet(policy, pauseUrl, fits);
    }
    const rules = set.rules.filter((r) => !refusedRegexes.has(r.condition.regexFilter ?? ''));

    const digest = JSON.stringify(rules);
    let changed = false;
    if ((await deps.digest.get()) !== digest) {
      const existing = await deps.dnr.getDynamicRules();
      // The ids the browser refused are left out; the self-check below finds them missing.
      await installIsolating(
        deps.dnr,
        existing.map((r) => r.id),
        rules,
      );
      // Remembered even when the browser refused some rules: trying again on every wake would
      // take the others down and up each time. The self-check reports what is missing, and any
      // change of settings tries again.
      await deps.digest.set(digest);
      changed = true;
    }

    // The self-check: every rule we meant to install is there, and every site has access.
    const installed = new Set((await deps.dnr.getDynamicRules()).map((r) => r.id));
    const missing = new Map<string, RuleSource>();
    const standing = new Set<string>();
    for (const source of set.unbuilt) missing.set(sourceKey(source), source);
    for (const rule of set.rules) {
      const source = set.sources.get(rule.id);
      if (!source) continue;
      if (installed.has(rule.id) && !refusedRegexes.has(rule.condition.regexFilter ?? ''))
        standing.add(sourceKey(source));
      else missing.set(sourceKey(source), source);
    }
    // A profile with one of its two rules in place is partly protected: still a gap to report, but
    // removing it is not free of the cool-off.
    const gaps: Gap[] = [...missing].map(([key, source]) =>
      standing.has(key) ? { kind: 'rule', source, partial: true } : { kind: 'rule', source },
    );
    // With no period running, the check also looks ahead, at what a period would need.
    const now = neededHosts(policy);
    const needsNow = new Set(now);
    const later = neededHosts((await deps.plannedPolicy?.()) ?? null).filter((h) => !needsNow.has(h));
    const hosts = [...now, ...later];
    const all = hosts.length > 0 && (await deps.hasAccessToAll?.(hosts).catch(() => false));
    const withoutAccess = all
      ? []
      : (await Promise.all(hosts.map(async (h) => ((await deps.hasAccess(h)) ? null : h)))).filter(
          (h): h is string => h !== null,
        );
    const missingNow = withoutAccess.filter((h) => needsNow.has(h));
    const missingLater = withoutAccess.filter((h) => !needsNow.has(h));
    const accessGaps: Gap[] = [];
    if (missingNow.length) accessGaps.push(accessGap(missingNow, { all: missingNow.length === now.length }));
    if (missingLater.length) {
      accessGaps.push(accessGap(missingLater, { ahead: true, all: withoutAccess.length === hosts.length }));
    }
    gaps.unshift(...accessGaps);
    return { policy, changed, gaps };
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
