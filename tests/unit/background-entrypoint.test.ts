import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { healthItem } from '@/lib/background/protection-health';
import { parseResponse } from '@/lib/messages/protocol';
import { dayKeyOf } from '@/lib/period/calendar';
import type { DnrRule } from '@/lib/rules/rule-set';
import { periodItem } from '@/lib/settings/settings';

/**
 * The real background entrypoint, run against WXT's fake browser. The fake has no
 * declarativeNetRequest and no permissions, so those are in-memory stand-ins here, as the browser
 * would answer with every site allowed.
 */

type Sender = Browser.runtime.MessageSender;

interface Rule {
  id: number;
  condition: DnrRule['condition'];
}

function fakeDnr() {
  let dynamic: Rule[] = [];
  let session: Rule[] = [];
  const apply = (
    rules: Rule[],
    { removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: Rule[] },
  ) => [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
  return {
    get dynamic() {
      return dynamic;
    },
    getDynamicRules: vi.fn(async () => dynamic),
    updateDynamicRules: vi.fn(async (options: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
      dynamic = apply(dynamic, options);
    }),
    getSessionRules: vi.fn(async () => session),
    updateSessionRules: vi.fn(async (options: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
      session = apply(session, options);
    }),
    isRegexSupported: vi.fn(async () => ({ isSupported: true })),
  };
}

function fakePermissions() {
  const listeners = { added: [] as (() => void)[], removed: [] as (() => void)[] };
  return {
    listeners,
    contains: vi.fn(async () => true),
    getAll: vi.fn(async () => ({ origins: ['*://*.instagram.com/*'], permissions: [] })),
    onAdded: { addListener: vi.fn((l: () => void) => listeners.added.push(l)) },
    onRemoved: { addListener: vi.fn((l: () => void) => listeners.removed.push(l)) },
  };
}

let dnr: ReturnType<typeof fakeDnr>;
let permissions: ReturnType<typeof fakePermissions>;

beforeEach(() => {
  dnr = fakeDnr();
  permissions = fakePermissions();
  Object.assign(fakeBrowser, { declarativeNetRequest: dnr, permissions });
  Object.assign(fakeBrowser.tabs, { sendMessage: vi.fn(async () => undefined) });
});

let background: typeof import('@/entrypoints/background').default;
// Loading the entrypoint (and everything it imports) is the slow part on a busy machine.
beforeAll(async () => {
  background = (await import('@/entrypoints/background')).default;
}, 60_000);

/** Waits, however busy the machine, for something the background does in its own time. */
const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 20_000, interval: 10 });

/** Starts the background as the browser does, and waits for its first sync. */
async function startBackground() {
  background.main();
  await eventually(async () => expect((await healthItem.getValue()).checkedAt).toBeGreaterThan(0));
  // Let the first sync finish its last steps (open tabs, alarm) before a test counts anything.
  await eventually(async () => expect(await fakeBrowser.alarms.get('day-change')).toBeDefined());
}

const OPTIONS_PAGE = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
const today = () => dayKeyOf(Date.now());

describe('the background entrypoint', { timeout: 60_000 }, () => {
  it('registers its listeners and syncs on start', async () => {
    await startBackground();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(true);
    expect(permissions.onAdded.addListener).toHaveBeenCalledTimes(1);
    expect(permissions.onRemoved.addListener).toHaveBeenCalledTimes(1);
    // No period: no rules, and the badge says nothing.
    expect(dnr.dynamic).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('makes one sync of a settings save, heard from storage and from the page, and installs its rules', async () => {
    await startBackground();
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const updates = dnr.updateDynamicRules.mock.calls.length;

    // The options page saves; storage.onChanged starts a sync, and while it runs, the page asks for
    // the sync to say what was applied.
    await periodItem.setValue({ id: 'p', startDate: today(), lengthDays: 30, createdAt: 0, coolOffHours: 24 });
    await eventually(() => expect(dnr.updateDynamicRules).toHaveBeenCalledTimes(updates + 1));
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'sync' }, OPTIONS_PAGE, () => undefined);

    expect(parseResponse('sync', answer)).toEqual({ ok: true, gaps: [] });
    expect(dnr.updateDynamicRules).toHaveBeenCalledTimes(updates + 1);
    expect(dnr.dynamic.some((r) => r.condition.requestDomains?.includes('instagram.com'))).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    // One sync: the open tabs were looked at once. A wake-up's sync queues behind anything still
    // to run, so by its end a second sync for the save would have shown.
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'day-change', scheduledTime: 0, persistAcrossSessions: false });
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('answers a message through runtime.onMessage with a schema-valid answer, and refuses a web page', async () => {
    await startBackground();
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'guard-policy' },
      { id: fakeBrowser.runtime.id, url: 'https://www.instagram.com/', tab: { id: 4 }, frameId: 0 } as Sender,
      () => undefined,
    );
    expect(parseResponse('guard-policy', answer)).toMatchObject({ policy: null, grant: null });
    await expect(
      fakeBrowser.runtime.onMessage.trigger({ type: 'sync' }, { url: 'https://evil.example/' }, () => undefined),
    ).rejects.toThrow(/Only extension pages/);
  });

  it('syncs again when site access changes, and when the day alarm fires', async () => {
    await startBackground();
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    permissions.contains.mockResolvedValue(false);
    await periodItem.setValue({ id: 'p', startDate: today(), lengthDays: 30, createdAt: 0, coolOffHours: 24 });
    await eventually(async () => expect((await healthItem.getValue()).gaps[0]?.kind).toBe('access'));
    permissions.contains.mockResolvedValue(true);
    for (const listener of permissions.listeners.added) listener();
    await eventually(async () => expect((await healthItem.getValue()).gaps).toEqual([]));
    const before = query.mock.calls.length;
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'day-change',
      scheduledTime: Date.now(),
      persistAcrossSessions: false,
    });
    expect(query).toHaveBeenCalledTimes(before + 1);
  });
});
