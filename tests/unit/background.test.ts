import { describe, expect, it, vi } from 'vitest';
import { createGrants, GRANT_MS, type Grant, tabsToSendBack } from '@/lib/background/grants';
import {
  createHandlers,
  type HandlerDeps,
  handleMessage,
  RefusedMessage,
  type Sender,
} from '@/lib/background/handlers';
import { reconcileOpenTabs } from '@/lib/background/open-tabs';
import { describeGaps } from '@/lib/background/protection-health';
import { createRuleSync } from '@/lib/background/rule-sync';
import type { Policy } from '@/lib/detection/match-url';
import type { DnrRule } from '@/lib/rules/rule-set';
import { policy } from './policies';

const ORIGIN = 'chrome-extension://ext-id/';
/** Hands a message to the background's handlers, built from `deps` as they are now. */
const handle = (message: unknown, sender: Sender, deps: HandlerDeps) =>
  handleMessage(message, sender, createHandlers(deps));

const both: Policy = policy({ categories: { social: true, messaging: true } });

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
      rules = [...rules.filter((r) => !removeRuleIds?.includes(r.id)), ...(addRules ?? [])];
    },
  };
}

function tabsApi(tabs: { id?: number; url?: string }[]) {
  return {
    query: async () => tabs,
    update: vi.fn(async (_id: number, _props: { url: string }) => undefined),
    sendMessage: vi.fn(async () => undefined),
  };
}

function setup(now = { t: 1_000_000 }, asks = { onMessaging: true }) {
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
  const sync = vi.fn(async () => ({ policy: both, changed: true, gaps: [] }));
  const deleteEverything = vi.fn(async () => ({ waitsUntil: null }));
  const deps: HandlerDeps = {
    extensionId: 'ext-id',
    extensionOrigin: ORIGIN,
    interstitialPath: '/interstitial.html',
    grants,
    sync,
    currentPolicy: async () => both,
    asksOnMessaging: async () => asks.onMessaging,
    pauseUrl: async () => 'ext:/i.html?k=00000000000000000000000000000000',
    stopKey: async () => '00000000000000000000000000000000',
    openPause: vi.fn(async () => undefined),
    deleteEverything,
  };
  return { session, grants, deps, sync, deleteEverything, wakeAt, now, stored: () => stored };
}

const interstitial = {
  id: 'ext-id',
  url: `${ORIGIN}interstitial.html#https://www.instagram.com/`,
  tab: { id: 5 },
  frameId: 0,
};

describe('handleMessage', () => {
  it('grants a continue to the interstitial, for its own tab and the site only', async () => {
    const { deps, session, now } = setup();
    const answer = await handle({ type: 'grant-continue', url: 'https://www.instagram.com/' }, interstitial, deps);
    expect(answer).toEqual({ ok: true, until: now.t + GRANT_MS });
    // The pass allows the site in that tab; with messaging paused, the inbox stays stopped there.
    expect(session.rules).toHaveLength(2);
    expect(session.rules[0]?.condition).toMatchObject({ tabIds: [5], requestDomains: ['instagram.com'] });
    expect(session.rules[0]?.action).toEqual({ type: 'allow' });
    expect(session.rules[1]?.condition).toMatchObject({ tabIds: [5], requestDomains: ['instagram.com'] });
    expect(session.rules[1]?.action.type).toBe('redirect');
    expect(session.rules[1]?.priority).toBeGreaterThan(session.rules[0]?.priority ?? 0);
  });

  const pauseFor = (url: string) => ({ ...interstitial, url: `${ORIGIN}interstitial.html#${url}` });

  it('lets “Someone else” reach only the inbox of a social site, in that tab, for 30 minutes', async () => {
    const { deps, session, now } = setup();
    const inbox = 'https://www.instagram.com/direct/inbox/';
    const answer = await handle({ type: 'grant-someone-else', url: inbox }, pauseFor(inbox), deps);
    expect(answer).toEqual({ ok: true, until: now.t + 30 * 60_000 });
    // Allow rules for the inbox's paths only: the feed and their profile stay stopped.
    expect(session.rules.length).toBeGreaterThan(0);
    for (const rule of session.rules) {
      expect(rule.action).toEqual({ type: 'allow' });
      expect(rule.condition).toMatchObject({ tabIds: [5], requestDomains: ['instagram.com'] });
      const regex = new RegExp(rule.condition.regexFilter ?? '', 'i');
      expect(regex.test(inbox)).toBe(true);
      expect(regex.test('https://www.instagram.com/')).toBe(false);
      expect(regex.test('https://www.instagram.com/jordan.rivers/')).toBe(false);
    }
    // The route guard's view of it: messaging is covered, the feed is not.
    const grant = await deps.grants.find(5, 'www.instagram.com');
    expect(grant?.messagingOnly).toBe(true);
  });

  it('when passes end, sends back the tabs that went on, never a conversation opened with “Someone else”', async () => {
    const { deps, grants, now } = setup();
    const chat = 'https://web.whatsapp.com/';
    await handle({ type: 'grant-someone-else', url: chat }, { ...pauseFor(chat), tab: { id: 6 } }, deps);
    await handle({ type: 'grant-continue', url: 'https://www.instagram.com/' }, interstitial, deps);
    now.t += 31 * 60_000;
    const ended = await grants.expire();
    expect(ended.map((g) => g.tabId).sort()).toEqual([5, 6]);
    expect(tabsToSendBack(ended)).toEqual([5]);
  });

  it('lets “Someone else” reach a messaging site as a whole', async () => {
    const { deps, session } = setup();
    const chat = 'https://web.whatsapp.com/';
    expect(await handle({ type: 'grant-someone-else', url: chat }, pauseFor(chat), deps)).toMatchObject({ ok: true });
    expect(session.rules).toEqual([
      expect.objectContaining({
        action: { type: 'allow' },
        condition: expect.objectContaining({ tabIds: [5], requestDomains: ['web.whatsapp.com'] }),
      }),
    ]);
  });

  it.each([
    ['a feed', 'https://www.instagram.com/'],
    ['a site not stopped at all', 'https://example.org/'],
  ])('refuses “Someone else” on %s', async (_what, url) => {
    const { deps, session } = setup();
    const answer = await handle({ type: 'grant-someone-else', url }, pauseFor(url), deps);
    expect(answer).toMatchObject({ ok: false });
    expect(session.rules).toHaveLength(0);
  });

  it('refuses “Someone else” when the user made messaging a full pause', async () => {
    const { deps, session } = setup(undefined, { onMessaging: false });
    const chat = 'https://web.whatsapp.com/';
    expect(await handle({ type: 'grant-someone-else', url: chat }, pauseFor(chat), deps)).toEqual({
      ok: false,
      reason: 'not-asked',
    });
    expect(session.rules).toHaveLength(0);
  });

  it.each([
    ['a content script on the site', { id: 'ext-id', url: 'https://www.instagram.com/', tab: { id: 5 } }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/interstitial.html', tab: { id: 5 } }],
    ['the options page', { id: 'ext-id', url: `${ORIGIN}options.html`, tab: { id: 5 } }],
    ['a page with no tab', { id: 'ext-id', url: `${ORIGIN}interstitial.html` }],
    ['the pause page framed inside a web page', { ...interstitial, frameId: 3 }],
    ['a pause page that does not say which frame it is', { ...interstitial, frameId: undefined }],
    ['a web page on the same tab', { id: undefined, url: 'https://evil.example/', tab: { id: 5 }, frameId: 0 }],
    ['a page that names our id but another origin', { ...interstitial, url: 'https://evil.example/interstitial.html' }],
    [
      'a page whose origin only starts like ours',
      { ...interstitial, url: 'chrome-extension://ext-id.evil/interstitial.html' },
    ],
  ])('refuses a grant asked for by %s', async (_who, sender) => {
    const { deps, session } = setup();
    await expect(
      handle({ type: 'grant-continue', url: 'https://www.instagram.com/' }, sender, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(session.rules).toHaveLength(0);
  });

  it('grants a continue only to the address the pause page itself was opened for', async () => {
    const { deps, session } = setup();
    for (const url of ['https://www.facebook.com/', 'https://www.instagram.com/other/']) {
      await expect(handle({ type: 'grant-continue', url }, interstitial, deps)).rejects.toThrow(/its own address/);
    }
    const noTarget = { ...interstitial, url: `${ORIGIN}interstitial.html` };
    await expect(
      handle({ type: 'grant-continue', url: 'https://www.instagram.com/' }, noTarget, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(session.rules).toHaveLength(0);
  });

  it('does not grant a URL that is not stopped', async () => {
    const { deps, session } = setup();
    const onExample = { ...interstitial, url: `${ORIGIN}interstitial.html#https://example.org/` };
    expect(await handle({ type: 'grant-continue', url: 'https://example.org/' }, onExample, deps)).toEqual({
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
    await expect(handle(message, interstitial, deps)).rejects.toThrow(/Unknown message/);
  });

  it('deletes everything only when an extension page asks', async () => {
    const { deps, deleteEverything } = setup();
    await expect(
      handle({ type: 'delete-everything' }, { id: 'ext-id', url: `${ORIGIN}options.html` }, deps),
    ).resolves.toEqual({ ok: true, waitsUntil: null });
    for (const sender of [
      { id: 'ext-id', url: 'https://www.instagram.com/', tab: { id: 5 } },
      { id: 'other', url: 'chrome-extension://other/options.html' },
      {},
    ]) {
      await expect(handle({ type: 'delete-everything' }, sender, deps)).rejects.toBeInstanceOf(RefusedMessage);
    }
    expect(deleteEverything).toHaveBeenCalledTimes(1);
  });

  it('tells a route guard only its own tab’s policy, from the browser’s own sender details', async () => {
    const { deps } = setup();
    await expect(
      handle({ type: 'guard-policy' }, { id: 'ext-id', url: 'https://www.instagram.com/' }, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      handle({ type: 'guard-policy' }, { id: 'other', url: 'https://www.instagram.com/', tab: { id: 1 } }, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      handle({ type: 'guard-policy' }, { id: 'ext-id', url: 'file:///etc/passwd', tab: { id: 1 } }, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
  });

  it('syncs on request from an extension page only', async () => {
    const { deps, sync } = setup();
    await expect(handle({ type: 'sync' }, { id: 'ext-id', url: `${ORIGIN}options.html` }, deps)).resolves.toEqual({
      ok: true,
      gaps: [],
    });
    await expect(handle({ type: 'sync' }, { id: 'ext-id', url: 'https://evil.example/' }, deps)).rejects.toBeInstanceOf(
      RefusedMessage,
    );
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe('grants', () => {
  it('expire after ten minutes, with their rules', async () => {
    const { grants, session, now, wakeAt } = setup();
    await grants.add(5, { domain: 'instagram.com' }, 'ext:/i.html');
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
    await grants.add(5, { domain: 'instagram.com' }, 'ext:/i.html');
    await grants.add(5, { domain: 'instagram.com' }, 'ext:/i.html');
    await grants.add(6, { domain: 'x.com' }, 'ext:/i.html');
    expect(session.rules).toHaveLength(2);
    expect(stored()).toHaveLength(2);
    await grants.forgetTab(5);
    expect(session.rules.map((r) => r.condition.tabIds)).toEqual([[6]]);
  });
});

describe('rule sync', () => {
  it('replaces all dynamic rules in one update', async () => {
    let rules: { id: number }[] = [{ id: 41 }, { id: 42 }];
    const update = vi.fn(async ({ removeRuleIds, addRules }: { removeRuleIds?: number[]; addRules?: DnrRule[] }) => {
      rules = [...rules.filter((r) => !removeRuleIds?.includes(r.id)), ...(addRules ?? [])];
    });
    let digest: string | null = null;
    const sync = createRuleSync({
      dnr: { getDynamicRules: async () => rules, updateDynamicRules: update },
      digest: {
        get: async () => digest,
        set: async (d) => {
          digest = d;
        },
      },
      currentPolicy: async () => both,
      pauseUrl: async () => 'x',
      hasAccess: async () => true,
    });
    expect(await sync()).toEqual({ policy: both, changed: true, gaps: [] });
    expect(update).toHaveBeenCalledTimes(1);
    expect(await sync()).toEqual({ policy: both, changed: false, gaps: [] });
    expect(update).toHaveBeenCalledTimes(1);
    expect(rules.map((r) => r.id)).not.toContain(41);
    expect(rules.length).toBeGreaterThan(0);
  });

  it('folds a burst of requests into one follow-up run', async () => {
    let policy: Policy | null = both;
    const update = vi.fn(async () => undefined);
    const sync = createRuleSync({
      dnr: { getDynamicRules: async () => [], updateDynamicRules: update },
      digest: { get: async () => null, set: async () => undefined },
      currentPolicy: async () => policy,
      pauseUrl: async () => 'x',
      hasAccess: async () => true,
    });
    const first = sync();
    policy = null;
    const rest = [sync(), sync(), sync()];
    expect((await first).policy).toEqual(both);
    expect((await Promise.all(rest)).map((r) => r.policy)).toEqual([null, null, null]);
    expect(update).toHaveBeenCalledTimes(2);
    expect(update).toHaveBeenLastCalledWith({ removeRuleIds: [], addRules: [] });
  });
});

describe('the route guard policy', () => {
  const withPerson = policy({
    profiles: 'instagram:jordan.rivers\nx:jordanrivers\nhttps://www.strava.com/athletes/1',
    name: 'Jordan Rivers',
    custom: [{ host: 'example.com', path: '/', label: 'example.com' }],
  });

  it('answers a content script with only what applies to its own site, and its tab’s grant', async () => {
    const { deps, grants } = setup();
    deps.currentPolicy = async () => withPerson;
    await grants.add(9, { domain: 'instagram.com' }, 'ext:/i.html');
    const answer = await handle(
      { type: 'guard-policy' },
      { id: 'ext-id', url: 'https://www.instagram.com/', tab: { id: 9 } },
      deps,
    );
    // Instagram has a search of its own, so its guard learns their name too.
    expect(answer).toMatchObject({
      policy: {
        person: [{ kind: 'handle', platform: 'instagram', handle: 'jordan.rivers' }],
        names: ['Jordan Rivers'],
        custom: [],
      },
      grant: { domain: 'instagram.com' },
    });
    const messaging = await handle(
      { type: 'guard-policy' },
      { id: 'ext-id', url: 'https://web.whatsapp.com/', tab: { id: 4 } },
      deps,
    );
    expect(messaging).toMatchObject({ policy: { person: [], names: [], custom: [] }, grant: null });
    const search = await handle(
      { type: 'guard-policy' },
      { id: 'ext-id', url: 'https://www.google.com/', tab: { id: 3 } },
      deps,
    );
    expect(search).toMatchObject({ policy: { person: [], names: ['Jordan Rivers'] }, grant: null });
  });

  it('refuses to answer anything but a content script in a web page', async () => {
    const { deps } = setup();
    await expect(
      handle({ type: 'guard-policy' }, { id: 'other', url: 'https://x.com/', tab: { id: 1 } }, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(
      handle({ type: 'guard-policy' }, { id: 'ext-id', url: 'https://x.com/' }, deps),
    ).rejects.toBeInstanceOf(RefusedMessage);
  });

  it('refuses a grant on their pages when Continue is off there', async () => {
    const { deps, session } = setup();
    deps.currentPolicy = async () => withPerson;
    const sender = { ...interstitial, url: `${ORIGIN}interstitial.html#https://www.instagram.com/jordan.rivers/` };
    expect(
      await handle({ type: 'grant-continue', url: 'https://www.instagram.com/jordan.rivers/' }, sender, deps),
    ).toEqual({
      ok: false,
      reason: 'no-continue',
    });
    expect(session.rules).toHaveLength(0);
  });
});

describe('reconcileOpenTabs', () => {
  it('sends tabs already on a stopped page to the pause page, marked as an open tab', async () => {
    const { grants } = setup();
    const tabs = tabsApi([
      { id: 1, url: 'https://www.instagram.com/jordan.rivers/' },
      { id: 2, url: 'https://example.org/' },
      { id: 3 },
      { id: 4, url: 'chrome://settings/' },
      { id: 5, url: 'https://web.whatsapp.com/' },
    ]);
    const stopped = await reconcileOpenTabs(both, false, {
      tabs,
      grants,
      interstitialUrl: 'ext:/i.html',
      guardDomains: ['instagram.com'],
    });
    expect(stopped.sort()).toEqual([1, 5]);
    expect(tabs.update).toHaveBeenCalledWith(1, {
      url: 'ext:/i.html?reason=open-tab#https://www.instagram.com/jordan.rivers/',
    });
    expect(tabs.sendMessage).not.toHaveBeenCalled();
  });

  it('leaves a tab with a live grant alone, and tells guards a changed policy', async () => {
    const { grants } = setup();
    await grants.add(1, { domain: 'instagram.com' }, 'ext:/i.html');
    const tabs = tabsApi([
      { id: 1, url: 'https://www.instagram.com/' },
      { id: 2, url: 'https://www.reddit.com/r/cooking/' },
    ]);
    const onlyThemPolicy = policy({
      categories: { social: false, messaging: false },
      profiles: 'reddit:jordan_rivers',
    });
    expect(
      await reconcileOpenTabs(both, true, {
        tabs,
        grants,
        interstitialUrl: 'x',
        guardDomains: ['instagram.com', 'reddit.com'],
      }),
    ).toEqual([2]);
    tabs.update.mockClear();
    expect(
      await reconcileOpenTabs(onlyThemPolicy, true, {
        tabs,
        grants,
        interstitialUrl: 'x',
        guardDomains: ['instagram.com', 'reddit.com'],
      }),
    ).toEqual([]);
    expect(tabs.sendMessage).toHaveBeenCalledWith(2, {
      type: 'guard-policy-changed',
      guard: expect.objectContaining({
        policy: expect.objectContaining({ person: [{ kind: 'handle', platform: 'reddit', handle: 'jordan_rivers' }] }),
      }),
    });
  });
});

describe('rule sync: every rule installs, or the self-check says which did not', () => {
  const withPerson = policy({
    categories: { social: true, messaging: true },
    profiles: 'instagram:jordan.rivers\ntiktok:jordan.rivers',
    name: 'Jordan Rivers',
  });

  function browserDnr(refuse: (rule: DnrRule) => boolean, unsupported: (regex: string) => boolean = () => false) {
    let installed: DnrRule[] = [];
    return {
      get installed() {
        return installed;
      },
      getDynamicRules: async () => installed,
      updateDynamicRules: vi.fn(
        async ({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: DnrRule[] }) => {
          // Like Chrome: one refused rule refuses the whole update.
          if (addRules.some(refuse)) throw new Error('Rule exceeds the memory limit.');
          installed = [...installed.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
        },
      ),
      isRegexSupported: vi.fn(async ({ regex }: { regex: string }) => ({ isSupported: !unsupported(regex) })),
    };
  }

  const deps = (dnr: ReturnType<typeof browserDnr>, access: (host: string) => boolean = () => true) => ({
    dnr,
    digest: { get: async () => null, set: async () => undefined },
    currentPolicy: async () => withPerson,
    pauseUrl: async () => 'ext:/i.html?k=1',
    hasAccess: async (host: string) => access(host),
  });

  it('installs everything in one update when the browser takes it, and reports no gaps', async () => {
    const dnr = browserDnr(() => false);
    const result = await createRuleSync(deps(dnr))();
    expect(result.gaps).toEqual([]);
    expect(dnr.updateDynamicRules).toHaveBeenCalledTimes(1);
    expect(dnr.installed.length).toBeGreaterThan(5);
  });

  it('keeps the other rules when the browser refuses one, and names what that one protects', async () => {
    const isTikTok = (r: DnrRule) =>
      r.condition.requestDomains?.join() === 'tiktok.com' && !!r.condition.regexFilter?.includes('jordan');
    const dnr = browserDnr(isTikTok);
    const result = await createRuleSync(deps(dnr))();
    expect(dnr.installed.some(isTikTok)).toBe(false);
    expect(dnr.installed.some((r) => r.condition.requestDomains?.includes('google.com'))).toBe(true);
    expect(
      dnr.installed.some(
        (r) =>
          r.condition.regexFilter?.includes('jordan\\.rivers') && r.condition.requestDomains?.includes('instagram.com'),
      ),
    ).toBe(true);
    // Its copies on proxies and archives are still stopped, so the page is partly protected.
    expect(result.gaps).toEqual([
      { kind: 'rule', partial: true, source: { kind: 'profile', label: 'TikTok · @jordan.rivers' } },
    ]);
  });

  it('asks the browser about every regex and rebuilds a refused one smaller', async () => {
    const full = (regex: string) => regex.includes('Jordan(?:%') && regex.includes('Rivers(?:[^a-z]|$)');
    const dnr = browserDnr(() => false, full);
    const result = await createRuleSync(deps(dnr))();
    expect(dnr.isRegexSupported).toHaveBeenCalled();
    const name = dnr.installed.find((r) => r.condition.requestDomains?.includes('bing.com'));
    expect(name?.condition.regexFilter).toBeDefined();
    expect(full(name?.condition.regexFilter ?? '')).toBe(false);
    expect(result.gaps).toEqual([]);
  });

  it('asks once about every host it needs, and host by host only when something is missing', async () => {
    const dnr = browserDnr(() => false);
    const hasAccess = vi.fn(async (host: string) => host !== 'bing.com');
    const everything = await createRuleSync({ ...deps(dnr), hasAccess, hasAccessToAll: async () => true })();
    expect(everything.gaps).toEqual([]);
    expect(hasAccess).not.toHaveBeenCalled();
    const missing = await createRuleSync({ ...deps(dnr), hasAccess, hasAccessToAll: async () => false })();
    expect(missing.gaps).toEqual([{ kind: 'access', hosts: ['bing.com'] }]);
    expect(hasAccess).toHaveBeenCalled();
  });

  it('with no period running, checks the access a period would need, and says it is ahead', async () => {
    const dnr = browserDnr(() => false);
    const noAccess = (h: string) => h !== 'instagram.com' && h !== 'bing.com';
    const planned = { ...deps(dnr, noAccess), currentPolicy: async () => null, plannedPolicy: async () => withPerson };
    const result = await createRuleSync(planned)();
    expect(result.policy).toBeNull();
    expect(dnr.installed).toEqual([]);
    expect(result.gaps).toEqual([{ kind: 'access', hosts: ['instagram.com', 'bing.com'], ahead: true }]);
    // With access given, nothing is missing; and a running period's gap is not "ahead".
    expect((await createRuleSync({ ...planned, hasAccess: async () => true })()).gaps).toEqual([]);
    expect((await createRuleSync(deps(dnr, noAccess))()).gaps).toEqual([
      { kind: 'access', hosts: ['instagram.com', 'bing.com'] },
    ]);
  });

  it('after a period, keeps their pages’ gaps as they are now and the rest as ahead; with no access at all, says so', async () => {
    const dnr = browserDnr(() => false);
    const theirPagesOnly = { ...withPerson, categories: { social: false, messaging: false } };
    const keeping = {
      ...deps(dnr, (h) => h !== 'instagram.com' && h !== 'discord.com'),
      currentPolicy: async () => theirPagesOnly,
      plannedPolicy: async () => withPerson,
    };
    const some = await createRuleSync(keeping)();
    // Their Instagram is paused after the period, as they chose: without access it is open now.
    expect(some.gaps).toEqual([
      { kind: 'access', hosts: ['instagram.com'] },
      { kind: 'access', hosts: ['discord.com'], ahead: true },
    ]);
    const none = await createRuleSync({ ...keeping, hasAccess: async () => false })();
    expect(none.gaps.map((g) => g.kind === 'access' && [g.ahead, g.all])).toEqual([
      [undefined, true],
      [true, true],
    ]);
  });

  it('stores the manifest’s sites first and counts the ones the person chose, so the popup can leave them unnamed', async () => {
    const dnr = browserDnr(() => false);
    const theirs = policy({
      profiles: 'https://www.strava.com/athletes/1',
      name: 'Jordan Rivers',
      custom: [{ host: 'example.com', path: '/', label: 'example.com' }],
    });
    const without = (h: string) => h !== 'strava.com' && h !== 'example.com' && h !== 'bing.com';
    const result = await createRuleSync({ ...deps(dnr, without), currentPolicy: async () => theirs })();
    expect(result.gaps).toEqual([{ kind: 'access', hosts: ['bing.com', 'strava.com', 'example.com'], chosen: 2 }]);
    expect(describeGaps(result.gaps, { names: false })).toEqual([
      'bing.com and 2 more open without a pause: Breathing Room doesn’t have your browser’s permission to act there.',
    ]);
  });

  it('reports sites it has no access to', async () => {
    const dnr = browserDnr(() => false);
    const result = await createRuleSync(deps(dnr, (h) => h !== 'instagram.com' && h !== 'bing.com'))();
    expect(result.gaps).toEqual([{ kind: 'access', hosts: ['instagram.com', 'bing.com'] }]);
  });
});

describe('passes that end', () => {
  it('returns the passes that ran out, and a pass-through is never a Continue', async () => {
    const { grants, now } = setup();
    await grants.add(5, { domain: 'instagram.com' }, 'ext:/i.html');
    await grants.passThrough(6, 'https://www.google.com/search?q=jordan+river+map');
    expect(await grants.find(6, 'www.google.com')).toBeNull();
    now.t += GRANT_MS;
    const ended = await grants.expire();
    expect(ended.map((g) => g.tabId).sort()).toEqual([5, 6]);
  });

  it('sends a tab whose pass ran out back to the pause page, saying why', async () => {
    const { grants } = setup();
    const tabs = tabsApi([{ id: 5, url: 'https://www.instagram.com/explore/' }]);
    await reconcileOpenTabs(both, false, {
      tabs,
      grants,
      interstitialUrl: 'ext:/i.html?k=1',
      guardDomains: [],
      reasonFor: () => 'pass-ended',
    });
    expect(tabs.update).toHaveBeenCalledWith(5, {
      url: 'ext:/i.html?k=1&reason=pass-ended#https://www.instagram.com/explore/',
    });
  });
});

describe('pass-through', () => {
  it('lets the pause page send on an address the matcher does not stop, and never one it does', async () => {
    const { deps, session } = setup();
    deps.currentPolicy = async () => policy({ categories: { social: false, messaging: false }, name: 'Jordan Rivers' });
    const miss = 'https://www.google.com/search?q=jordan+riversmith';
    const sender = { ...interstitial, url: `${ORIGIN}interstitial.html?k=1#${miss}` };
    await expect(handle({ type: 'pass-through', url: miss }, sender, deps)).resolves.toEqual({ ok: true });
    expect(session.rules.at(-1)?.condition).toMatchObject({ tabIds: [5], urlFilter: `|${miss}|` });
    const hit = 'https://www.google.com/search?q=jordan+rivers';
    const hitSender = { ...interstitial, url: `${ORIGIN}interstitial.html?k=1#${hit}` };
    await expect(handle({ type: 'pass-through', url: hit }, hitSender, deps)).resolves.toEqual({ ok: false });
    await expect(handle({ type: 'pass-through', url: miss }, hitSender, deps)).rejects.toThrow(/its own address/);
  });
});

describe('the route guard asks the background to move its tab', () => {
  const guardSender = { id: 'ext-id', url: 'https://www.instagram.com/', tab: { id: 7 }, frameId: 0 };

  it('moves the tab for a stopped route on the same site, so the page never sees the pause address', async () => {
    const { deps } = setup();
    await expect(
      handle({ type: 'stop-route', url: 'https://www.instagram.com/explore/' }, guardSender, deps),
    ).resolves.toEqual({ ok: true });
    expect(deps.openPause).toHaveBeenCalledWith(7, 'https://www.instagram.com/explore/');
  });

  it('refuses another site, a route that is not stopped, a live pass, a frame and a web page', async () => {
    const { deps, grants } = setup();
    deps.currentPolicy = async () => policy({ categories: { social: false, messaging: true } });
    const ask = (url: string, sender: object = guardSender) => handle({ type: 'stop-route', url }, sender, deps);
    await expect(ask('https://www.facebook.com/messages/')).resolves.toEqual({ ok: false });
    await expect(ask('https://www.instagram.com/explore/')).resolves.toEqual({ ok: false });
    await grants.add(7, { domain: 'instagram.com' }, 'ext:/i.html');
    await expect(ask('https://www.instagram.com/direct/inbox/')).resolves.toEqual({ ok: false });
    await expect(ask('https://www.instagram.com/direct/inbox/', { ...guardSender, frameId: 2 })).rejects.toBeInstanceOf(
      RefusedMessage,
    );
    await expect(
      ask('https://www.instagram.com/direct/inbox/', { ...guardSender, id: undefined }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    expect(deps.openPause).not.toHaveBeenCalled();
  });
});
