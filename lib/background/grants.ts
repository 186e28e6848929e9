import { hostMatches } from '../detection/hosts';
import type { PassScope } from '../detection/match-url';
import { SOMEONE_ELSE_MINUTES } from '../pause/messaging-question';
import { type DnrRule, grantRules, passThroughRule } from '../rules/rule-set';

/** How long "Continue to site" lets one tab reach one site before it is stopped again. */
export const GRANT_MS = 10 * 60_000;
/** How long "Someone else" on a messaging page lets one tab reach messaging on one site. */
export const SOMEONE_ELSE_MS = SOMEONE_ELSE_MINUTES * 60_000;
/** How long a visit a widened rule stopped by mistake may go straight on. */
export const PASS_THROUGH_MS = 30_000;
/** Session rule ids for grants start here, well clear of anything else. */
const FIRST_GRANT_RULE_ID = 1_000_000;
/** Each grant owns a block of ids: its allow rule and the inbox rules that come with a feed pass. */
const IDS_PER_GRANT = 10;

export interface Grant extends PassScope {
  /** The first id of the grant's block of session rules. */
  ruleId: number;
  tabId: number;
  until: number;
  /** A one-address pass for a visit no rule should have stopped; not a "Continue". */
  passThrough?: string;
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

  const owns = (grant: Grant, id: number) => id >= grant.ruleId && id < grant.ruleId + IDS_PER_GRANT;

  async function install(grant: Omit<Grant, 'ruleId'>, rules: (firstId: number) => DnrRule[]): Promise<Grant> {
    const now = deps.now();
    const same = (g: Grant) =>
      g.tabId === grant.tabId && g.domain === grant.domain && !!g.passThrough === !!grant.passThrough;
    const grants = (await deps.store.get()).filter((g) => g.until > now && !same(g));
    const stale = (await deps.session.getSessionRules())
      .map((r) => r.id)
      .filter((id) => id >= FIRST_GRANT_RULE_ID && !grants.some((g) => owns(g, id)));
    let ruleId = FIRST_GRANT_RULE_ID;
    while (grants.some((g) => g.ruleId === ruleId)) ruleId += IDS_PER_GRANT;
    const added: Grant = { ...grant, ruleId };
    await deps.session.updateSessionRules({ removeRuleIds: stale, addRules: rules(ruleId) });
    await save([...grants, added]);
    return added;
  }

  /** "Continue": this tab may reach this site for ten minutes ("Someone else": messaging, for 30). */
  function add(tabId: number, scope: PassScope, pauseUrl: string, ms = GRANT_MS): Promise<Grant> {
    const grant = {
      tabId,
      domain: scope.domain,
      feedOnly: !!scope.feedOnly,
      ...(scope.messagingOnly ? { messagingOnly: true } : {}),
      until: deps.now() + ms,
    };
    return install(grant, (id) =>
      grantRules(id, tabId, scope.domain, {
        keepMessagingStopped: !!scope.feedOnly,
        messagingOnly: !!scope.messagingOnly,
        pauseUrl,
      }),
    );
  }

  /** A visit a widened rule stopped that the matcher does not: this tab may load this one address. */
  function passThrough(tabId: number, url: string): Promise<Grant> {
    const domain = new URL(url).hostname;
    const grant = { tabId, domain, passThrough: url, until: deps.now() + PASS_THROUGH_MS };
    return install(grant, (id) => [passThroughRule(id, tabId, url)]);
  }

  /** Drops grants that have run out (or match `drop`), with their rules; returns the dropped. */
  async function prune(drop: (g: Grant) => boolean = () => false): Promise<Grant[]> {
    const now = deps.now();
    const grants = await deps.store.get();
    const keep = grants.filter((g) => g.until > now && !drop(g));
    const rules = await deps.session.getSessionRules();
    const remove = rules.map((r) => r.id).filter((id) => id >= FIRST_GRANT_RULE_ID && !keep.some((g) => owns(g, id)));
    if (remove.length) await deps.session.updateSessionRules({ removeRuleIds: remove });
    if (keep.length !== grants.length) await save(keep);
    return grants.filter((g) => !keep.includes(g));
  }

  /** The live grant that lets `tabId` reach `host`, if any. */
  async function find(tabId: number, host: string): Promise<Grant | null> {
    const now = deps.now();
    return (
      (await deps.store.get()).find(
        (g) => g.tabId === tabId && g.until > now && !g.passThrough && hostMatches(host, g.domain),
      ) ?? null
    );
  }

  return {
    add,
    passThrough,
    find,
    expire: () => prune(),
    forgetTab: (tabId: number) => prune((g) => g.tabId === tabId),
  };
}

export type Grants = ReturnType<typeof createGrants>;

/**
 * The tabs to send back to the pause page when passes end: a tab that went on with Continue, and
 * is still on a stopped page. A conversation opened with "Someone else" is never cut off mid-way;
 * its next page load or route change asks again. A one-address pass-through has nothing to end.
 */
export function tabsToSendBack(ended: readonly Grant[]): number[] {
  return ended.filter((g) => !g.passThrough && !g.messagingOnly).map((g) => g.tabId);
}
