import { hostMatches, normalizeHost, parseWebUrl } from '../detection/hosts';
import { grantCovers, matchUrl, type Policy } from '../detection/match-url';
import { policyForHost } from '../detection/policy';
import type { GuardPolicy, GuardPolicyPush } from '../messages/protocol';
import { interstitialHref, type StopReason } from '../pause/address';
import type { Grant } from './grants';

export interface TabsApi {
  query(query: Record<string, never>): Promise<{ id?: number; url?: string }[]>;
  update(tabId: number, props: { url: string }): Promise<unknown>;
  sendMessage(tabId: number, message: GuardPolicyPush): Promise<unknown>;
}

export interface OpenTabDeps {
  tabs: TabsApi;
  grants: { find(tabId: number, host: string): Promise<Grant | null> };
  /** The pause page's address, stop key included. */
  interstitialUrl: string;
  /** Hosts the route guard runs on, as registrable domains. */
  guardDomains: readonly string[];
  stopKey?: () => Promise<string>;
  /** Why a tab is sent to the pause page: it was open, or its pass ran out. */
  reasonFor?: (tabId: number) => Exclude<StopReason, 'visit'>;
}

/** The guard's view for one tab: the policy for its site and the tab's live grant there. */
export async function guardPolicyFor(
  policy: Policy | null,
  host: string,
  tabId: number,
  deps: Pick<OpenTabDeps, 'grants'>,
): Promise<GuardPolicy> {
  if (!policy) return { policy: null, grant: null };
  const grant = await deps.grants.find(tabId, host);
  return {
    policy: policyForHost(policy, host),
    grant: grant && {
      domain: grant.domain,
      until: grant.until,
      feedOnly: !!grant.feedOnly,
      ...(grant.messagingOnly ? { messagingOnly: true } : {}),
    },
  };
}

/**
 * Brings every open tab in line with the policy: a tab already on a stopped page (open before
 * the period began, or before a setting changed) is sent to the pause page, and, when the policy
 * has changed, the route guard in every other tab on a guarded site is told the new one. Tabs whose address the extension
 * may not read (other sites) are left alone; the browser does not tell us where they are.
 */
export async function reconcileOpenTabs(
  policy: Policy | null,
  tellGuards: boolean,
  deps: OpenTabDeps,
): Promise<number[]> {
  const stopped: number[] = [];
  const tabs = await deps.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      const url = tab.url && parseWebUrl(tab.url);
      if (!url || tab.id === undefined) return;
      const host = normalizeHost(url.hostname);
      const match = policy && matchUrl(url, policy);
      const grant = match ? await deps.grants.find(tab.id, host) : null;
      if (match && !(grant && grantCovers(match, grant))) {
        stopped.push(tab.id);
        await deps.tabs
          .update(tab.id, {
            url: interstitialHref(deps.interstitialUrl, url.href, deps.reasonFor?.(tab.id) ?? 'open-tab'),
          })
          .catch(() => undefined);
        return;
      }
      if (tellGuards && deps.guardDomains.some((d) => hostMatches(host, d))) {
        const guard = { ...(await guardPolicyFor(policy, host, tab.id, deps)), stopKey: await deps.stopKey?.() };
        // A tab whose guard has not loaded yet (or was discarded) has nobody listening: that is fine.
        await deps.tabs.sendMessage(tab.id, { type: 'guard-policy-changed', guard }).catch(() => undefined);
      }
    }),
  );
  return stopped;
}
