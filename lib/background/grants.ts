import { hostMatches } from '../hosts';
import { type DnrRule, grantRule } from '../rules';

/** How long "Continue to site" lets one tab reach one site before it is stopped again. */
export const GRANT_MS = 10 * 60_000;
/** Session rule ids for grants start here, well clear of anything else. */
const FIRST_GRANT_RULE_ID = 1_000_000;

export interface Grant {
  ruleId: number;
  tabId: number;
  domain: string;
  until: number;
}

export interface GrantDeps {
  session: {
    getSessionRules(): Promise<{ id: number }[]>;
    updateSessionRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  };
  store: { get(): Promise<Grant[]>; set(grants: Grant[]): Promise<void> };
  /** Asks to be woken at `when` to expire grants (an alarm in the extension). */
  wakeAt(when: number): Promise<void>;
  now(): number;
}

/**
 * "Continue to site" grants: a session rule that allows one tab to reach one domain, for ten
 * minutes. Protection is never switched off globally; every other tab is still stopped.
 */
export function createGrants(deps: GrantDeps) {
  async function save(grants: Grant[]) {
    await deps.store.set(grants);
    const next = Math.min(...grants.map((g) => g.until));
    if (Number.isFinite(next)) await deps.wakeAt(next);
  }

  async function add(tabId: number, domain: string): Promise<Grant> {
    const now = deps.now();
    const grants = (await deps.store.get()).filter((g) => g.until > now && !(g.tabId === tabId && g.domain === domain));
    const stale = (await deps.session.getSessionRules()).map((r) => r.id).filter((id) => id >= FIRST_GRANT_RULE_ID);
    const used = new Set(grants.map((g) => g.ruleId));
    let ruleId = FIRST_GRANT_RULE_ID;
    while (used.has(ruleId)) ruleId++;
    const grant: Grant = { ruleId, tabId, domain, until: now + GRANT_MS };
    const keep = new Set(grants.map((g) => g.ruleId));
    await deps.session.updateSessionRules({
      removeRuleIds: stale.filter((id) => !keep.has(id)),
      addRules: [grantRule(ruleId, tabId, domain)],
    });
    await save([...grants, grant]);
    return grant;
  }

  /** Drops grants that have run out (or match `drop`), with their rules. */
  async function prune(drop: (g: Grant) => boolean = () => false): Promise<void> {
    const now = deps.now();
    const grants = await deps.store.get();
    const keep = grants.filter((g) => g.until > now && !drop(g));
    const keepIds = new Set(keep.map((g) => g.ruleId));
    const rules = await deps.session.getSessionRules();
    const remove = rules.map((r) => r.id).filter((id) => id >= FIRST_GRANT_RULE_ID && !keepIds.has(id));
    if (remove.length) await deps.session.updateSessionRules({ removeRuleIds: remove });
    if (keep.length !== grants.length) await save(keep);
  }

  /** The live grant that lets `tabId` reach `host`, if any. */
  async function find(tabId: number, host: string): Promise<Grant | null> {
    const now = deps.now();
    return (
      (await deps.store.get()).find((g) => g.tabId === tabId && g.until > now && hostMatches(host, g.domain)) ?? null
    );
  }

  return {
    add,
    find,
    expire: () => prune(),
    forgetTab: (tabId: number) => prune((g) => g.tabId === tabId),
  };
}

export type Grants = ReturnType<typeof createGrants>;
