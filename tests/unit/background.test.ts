import { describe, expect, it, vi } from 'vitest';
import { createGrants, GRANT_MS, type Grant } from '@/lib/background/grants';
import { type HandlerDeps, handleMessage, RefusedMessage } from '@/lib/background/handlers';
import { createRuleSync } from '@/lib/background/rule-sync';
import type { Policy } from '@/lib/match-url';
import type { DnrRule } from '@/lib/rules';

const ORIGIN = 'chrome-extension://ext-id/';
const both: Policy = { categories: { social: true, messaging: true } };

function fakeSessionRules() {
  let rules: DnrRule[] = [];
  return {
    get rules() {
      return rules;
    },
    getSessionRules: async () => rules,
    updateSessionRules: async ({
      removeRuleIds = [],
      addRules = [],
    }: {
      removeRuleIds?: number[];
      addRules?: DnrRule[];
    }) => {
      rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
    },
  };
}

function setup(now = { t: 1_000_000 }) {
  const session = fakeSessionRules();
  let stored: Grant[] = [];
  const wakeAt = vi.fn(async (_when: number) => undefined);
  const grants = createGrants({
    session,
    store: {
      get: async () => stored,
      set: async (g) => {
        stored = g;
      },
    },
    wakeAt,
    now: () => now.t,
  });
  const sync = vi.fn(async () => both);
  const deps: HandlerDeps = {
    extensionId: 'ext-id',
    extensionOrigin: ORIGIN,
    interstitialPath: '/interstitial.html',
    grants,
    sync,
    currentPolicy: async () => both,
  };
  return { session, grants, deps, sync, wakeAt, now, stored: () => stored };
}

const interstitial = { id: 'ext-id', url: `${ORIGIN}interstitial.html#https://www.instagram.com/`, tab: { id: 5 } };

describe('handleMessage', () => {
  it('grants a continue to the interstitial, for its own tab and the site only', async () => {
    const { deps, session, now } = setup();
    const answer = await handleMessage(
      { type: 'grant-continue', url: 'https://www.instagram.com/' },
      interstitial,
      deps,
    );
    expect(answer).toEqual({ ok: true, until: now.t + GRANT_MS });
    expect(session.rules).toHaveLength(1);
    expect(session.rules[0]?.condition).toMatchObject({ tabIds: [5], requestDomains: ['instagram.com'] });
  });

  it.each([
    ['a content script on the site', { id: 'ext-id', url: 'https://www.instagram.com/', tab: { id: 5 } }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/interstitial.html', tab: { id: 5 } }],
    ['the options page', { id: 'ext-id', url: `${ORIGIN}options.html`, tab: { id: 5 } }],
    ['a page with no tab', { id: 'ext-id', url: `${ORIGIN}interstitial.html` }],
  ])('refuses a grant asked for by %s', async (_who, sender) => {
    const { deps, session } = setup();
    await expect(
      handleMessage({ type: 'grant-continue', url: 'https://www.instagram.com/' }, sender, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(session.rules).toHaveLength(0);
  });

  it('does not grant a URL that is not stopped', async () => {
    const { deps, session } = setup();
    expect(await handleMessage({ type: 'grant-continue', url: 'https://example.org/' }, interstitial, deps)).toEqual({
      ok: false,
      reason: 'not-stopped',
    });
    expect(session.rules).toHaveLength(0);
  });

  it.each([
    [{ type: 'grant-continue', url: 'javascript:alert(1)' }],
    [{ type: 'grant-continue', url: `https://x.com/${'a'.repeat(9000)}` }],
    [{ type: 'grant-continue' }],
    [{ type: 'record-urge', urge: {} }],
    ['sync'],
    [null],
  ])('refuses the malformed message %j', async (message) => {
    const { deps } = setup();
    await expect(handleMessage(message, interstitial, deps)).rejects.toThrow(/Unknown message/);
  });

  it('syncs on request from an extension page only', async () => {
    const { deps, sync } = setup();
    await expect(
      handleMessage({ type: 'sync' }, { id: 'ext-id', url: `${ORIGIN}options.html` }, deps),
    ).resolves.toEqual({ ok: true });
    await expect(
      handleMessage({ type: 'sync' }, { id: 'ext-id', url: 'https://evil.example/' }, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe('grants', () => {
  it('expire after ten minutes, with their rules', async () => {
    const { grants, session, now, wakeAt } = setup();
    await grants.add(5, 'instagram.com');
    expect(wakeAt).toHaveBeenCalledWith(now.t + GRANT_MS);
    expect(await grants.find(5, 'www.instagram.com')).not.toBeNull();
    expect(await grants.find(6, 'www.instagram.com')).toBeNull();
    expect(await grants.find(5, 'www.facebook.com')).toBeNull();
    now.t += GRANT_MS - 1;
    await grants.expire();
    expect(session.rules).toHaveLength(1);
    now.t += 1;
    await grants.expire();
    expect(session.rules).toHaveLength(0);
    expect(await grants.find(5, 'www.instagram.com')).toBeNull();
  });

  it('renews rather than duplicates, and forgets a closed tab', async () => {
    const { grants, session, stored } = setup();
    await grants.add(5, 'instagram.com');
    await grants.add(5, 'instagram.com');
    await grants.add(6, 'x.com');
    expect(session.rules).toHaveLength(2);
    expect(stored()).toHaveLength(2);
    await grants.forgetTab(5);
    expect(session.rules.map((r) => r.condition.tabIds)).toEqual([[6]]);
  });
});

describe('rule sync', () => {
  it('replaces all dynamic rules in one update', async () => {
    let rules: { id: number }[] = [{ id: 41 }, { id: 42 }];
    const update = vi.fn(async ({ removeRuleIds, addRules }: { removeRuleIds: number[]; addRules: DnrRule[] }) => {
      rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
    });
    const sync = createRuleSync({
      dnr: { getDynamicRules: async () => rules, updateDynamicRules: update },
      currentPolicy: async () => both,
      interstitialUrl: 'x',
    });
    await sync();
    expect(update).toHaveBeenCalledTimes(1);
    expect(rules.map((r) => r.id)).not.toContain(41);
    expect(rules.length).toBeGreaterThan(0);
  });

  it('folds a burst of requests into one follow-up run', async () => {
    let policy: Policy | null = both;
    const update = vi.fn(async () => undefined);
    const sync = createRuleSync({
      dnr: { getDynamicRules: async () => [], updateDynamicRules: update },
      currentPolicy: async () => policy,
      interstitialUrl: 'x',
    });
    const first = sync();
    policy = null;
    const rest = [sync(), sync(), sync()];
    expect(await first).toEqual(both);
    expect(await Promise.all(rest)).toEqual([null, null, null]);
    expect(update).toHaveBeenCalledTimes(2);
    expect(update).toHaveBeenLastCalledWith({ removeRuleIds: [], addRules: [] });
  });
});
