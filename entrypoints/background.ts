import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { createGrants, type Grant, tabsToSendBack } from '@/lib/background/grants';
import { createHandlers, handleMessage } from '@/lib/background/handlers';
import { reconcileOpenTabs } from '@/lib/background/open-tabs';
import { type Gap, healthItem, nothingPaused } from '@/lib/background/protection-health';
import { createRuleSync } from '@/lib/background/rule-sync';
import { settlePending } from '@/lib/background/settle';
import { createSyncQueue } from '@/lib/background/sync-queue';
import { domainPattern, GUARDED_DOMAINS } from '@/lib/detection/guarded-sites';
import { activePolicy, policyFromSettings } from '@/lib/detection/policy';
import { loadPending, pendingChangesItem, savePending } from '@/lib/lock/pending';
import { lockActive, request } from '@/lib/lock/plan';
import { pushToTab } from '@/lib/messages/send';
import { fixedPausePage, interstitialHref, newStopKey, PAUSE_PAGE_PATH, pauseBase } from '@/lib/pause/address';
import { parseStopKey, stopKeyItem } from '@/lib/pause/stop-key';
import { addDays, dayKeyOf, startOfDay } from '@/lib/period/calendar';
import { isPeriodActive, periodStatus } from '@/lib/period/period';
import { clearDatabase, eraseEverything } from '@/lib/records/erase';
import { openDatabase } from '@/lib/records/handle';
import { archivePeriod } from '@/lib/records/periods';
import { loadPeriod, loadSettings, periodItem, settingsItem } from '@/lib/settings/settings';
import { releaseHostAccess } from '@/lib/settings/site-access';

const ALARM_GRANTS = 'grants';
const ALARM_DAY = 'day-change';
const ALARM_COOL_OFF = 'cool-off';
/** What a sync acts on as stored: the settings, the period and the waiting changes. */
const SYNC_ITEMS = [settingsItem, periodItem, pendingChangesItem] as const;
/** Their keys in `browser.storage.local`, as `storage.onChanged` names them. */
const SYNC_KEYS = SYNC_ITEMS.map((item) => item.key.replace(/^local:/, ''));

export default defineBackground(() => {
  const dnr = browser.declarativeNetRequest;
  const interstitialUrl = fixedPausePage((path) => browser.runtime.getURL(path));
  const grantStore = storage.defineItem<Grant[]>('session:grants', { fallback: [] });
  const rulesDigest = storage.defineItem<string | null>('session:rulesDigest', { fallback: null });

  /** This session's stop key (see pause/address.ts), made on first use. */
  async function stopKey(): Promise<string> {
    const known = parseStopKey(await stopKeyItem.getValue());
    if (known) return known;
    const key = newStopKey();
    await stopKeyItem.setValue(key);
    return key;
  }
  const pauseUrl = async () => pauseBase(interstitialUrl, await stopKey());

  const currentPolicy = async () => policyFromSettings(await loadSettings(), await loadPeriod(), Date.now());

  const syncRules = createRuleSync({
    dnr,
    digest: { get: () => rulesDigest.getValue(), set: (v) => rulesDigest.setValue(v) },
    currentPolicy,
    plannedPolicy: async () =>
      isPeriodActive(await loadPeriod(), Date.now()) ? null : activePolicy(await loadSettings()),
    pauseUrl,
    hasAccess: (host) => browser.permissions.contains({ origins: [domainPattern(host)] }).catch(() => false),
    hasAccessToAll: (hosts) => browser.permissions.contains({ origins: hosts.map(domainPattern) }),
  });

  const grants = createGrants({
    session: dnr,
    store: { get: () => grantStore.getValue(), set: (g) => grantStore.setValue(g) },
    wakeAt: async (when) => browser.alarms.create(ALARM_GRANTS, { when: Math.max(when, Date.now() + 30_000) }),
    now: Date.now,
  });

  const erase = () => eraseEverything({ storage: browser.storage, dnr, alarms: browser.alarms });

  /** Applies the waiting changes whose cool-off is over (see lib/lock). */
  const settle = () =>
    settlePending({
      loadPending,
      loadState: async () => ({ settings: await loadSettings(), period: await loadPeriod() }),
      save: async ({ settings, period, pending }) => {
        await settingsItem.setValue(settings);
        await periodItem.setValue(period);
        await pendingChangesItem.setValue(pending);
      },
      archive: (past) => archivePeriod(past),
      eraseEverything: erase,
      releaseHosts: releaseHostAccess,
      wakeAt: async (when) => {
        if (when === null) await browser.alarms.clear(ALARM_COOL_OFF);
        else await browser.alarms.create(ALARM_COOL_OFF, { when: Math.max(when, Date.now() + 1000) });
      },
      now: Date.now,
    });

  /** "Delete everything": at once, or, while a period runs, history now and the rest after the cool-off. */
  async function deleteEverything(): Promise<{ waitsUntil: number | null }> {
    const waitsUntil = await syncs.inTurn(async () => {
      const period = await loadPeriod();
      const now = Date.now();
      if (!lockActive(period, now)) {
        await erase();
        return null;
      }
      await clearDatabase();
      const pending = request(await loadPending(), [{ kind: 'delete-everything' }], period, now);
      await savePending(pending);
      return pending.find((p) => p.change.kind === 'delete-everything')?.effectiveAt ?? null;
    });
    // The sync settles the waiting change (setting its alarm) or rebuilds the rules for nothing.
    await sync();
    return { waitsUntil };
  }

  /**
   * The toolbar badge shows the day number while a period is active, and a warning mark when the
   * self-check found something that is not protected.
   */
  async function updateBadge(gaps: readonly Gap[]) {
    const period = await loadPeriod();
    const status = period ? periodStatus(period, dayKeyOf(Date.now())) : null;
    const active = status?.state === 'active';
    if (gaps.length) {
      await browser.action.setBadgeText({ text: '!' });
      await browser.action.setBadgeBackgroundColor({ color: '#a4380f' });
      await browser.action.setTitle({
        title: `Breathing Room: ${nothingPaused(gaps) ? 'nothing is paused' : 'something can’t be paused'}. Open to see what.`,
      });
      return;
    }
    await browser.action.setBadgeText({ text: active ? String(status.day) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#2f6f6a' });
    await browser.action.setTitle({
      title: active ? `Breathing Room: day ${status.day} of ${status.lengthDays}` : 'Breathing Room',
    });
  }

  /**
   * What a sync acts on: the settings, the period and the waiting changes as stored, which of
   * those changes are due, the day (a period starts and ends at local midnight) and the sites the
   * browser lets us act on. Two syncs that read the same inputs make the same rules.
   */
  async function syncInputs(): Promise<string> {
    const stored = await storage.getItems([...SYNC_ITEMS]);
    const now = Date.now();
    const due = (await loadPending()).filter((p) => p.effectiveAt <= now).length;
    const origins = ((await browser.permissions.getAll().catch(() => null))?.origins ?? []).sort();
    return JSON.stringify([stored.map(({ value }) => value ?? null), due, dayKeyOf(now), origins]);
  }

  /**
   * Applies waiting changes that are due, rebuilds the rules, brings open tabs in line (stopping
   * any already on a stopped page, and telling route guards the new policy), and wakes again at
   * the next local midnight, when a period may start or end. One sync at a time (see
   * sync-queue.ts).
   */
  const syncs = createSyncQueue({
    prepare: async () => {
      await settle();
    },
    inputs: syncInputs,
    run: async () => {
      const { policy, changed, gaps } = await syncRules();
      await healthItem.setValue({ checkedAt: Date.now(), gaps });
      await updateBadge(gaps);
      await reconcileOpenTabs(policy, changed, openTabDeps(await pauseUrl()));
      const tomorrow = addDays(dayKeyOf(Date.now()), 1);
      await browser.alarms.create(ALARM_DAY, { when: startOfDay(tomorrow) + 1000, periodInMinutes: 60 });
      return { policy, gaps };
    },
  });
  const sync = () => syncs.request();
  /** A sync that starts from now, for what the stored inputs do not show. */
  const syncAgain = () => void syncs.request({ fresh: true }).catch(() => undefined);

  const openTabDeps = (base: string, passEndedIn: readonly number[] = []) => ({
    tabs: {
      query: (query: Record<string, never>) => browser.tabs.query(query),
      update: (tabId: number, props: { url: string }) => browser.tabs.update(tabId, props),
      sendMessage: pushToTab,
    },
    grants,
    interstitialUrl: base,
    guardDomains: GUARDED_DOMAINS,
    stopKey,
    reasonFor: (tabId: number) => (passEndedIn.includes(tabId) ? ('pass-ended' as const) : ('open-tab' as const)),
  });

  /** Passes that ran out: a tab still on a stopped page goes back to the pause page. */
  const expireGrants = () =>
    syncs.inTurn(async () => {
      const ended = await grants.expire();
      const tabs = tabsToSendBack(ended);
      if (tabs.length) await reconcileOpenTabs(await currentPolicy(), true, openTabDeps(await pauseUrl(), tabs));
    });

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    // Create or upgrade the database now, so every page finds the current schema.
    await openDatabase().catch(() => undefined);
    await sync().catch(() => undefined);
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void grants.expire());
  // Site access can be withheld or given back at any time (Firefox's and Chrome's site controls).
  browser.permissions.onAdded.addListener(syncAgain);
  browser.permissions.onRemoved.addListener(syncAgain);

  // Any page's write of the settings, the period or a waiting change; when the page that wrote
  // also asks for a sync, the two requests share one (see sync-queue.ts).
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (SYNC_KEYS.some((key) => key in changes)) void sync().catch(() => undefined);
  });

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === ALARM_GRANTS) await expireGrants();
    if (alarm.name === ALARM_DAY || alarm.name === ALARM_COOL_OFF) await syncs.request({ fresh: true });
  });

  browser.tabs.onRemoved.addListener((tabId) => void grants.forgetTab(tabId));

  const handlers = createHandlers({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    interstitialPath: PAUSE_PAGE_PATH,
    grants,
    sync,
    currentPolicy,
    asksOnMessaging: async () => (await loadSettings()).askOnMessaging,
    pauseUrl,
    stopKey,
    openPause: async (tabId: number, url: string) =>
      browser.tabs.update(tabId, { url: interstitialHref(await pauseUrl(), url) }),
    deleteEverything,
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(message, sender, handlers));

  // Every start of the service worker (browser start, update, or waking after idle) checks the
  // rules and the open tabs; an unchanged policy costs one storage read and a tab query.
  syncAgain();
});
