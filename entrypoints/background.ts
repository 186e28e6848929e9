import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { createGrants, type Grant } from '@/lib/background/grants';
import { handleMessage } from '@/lib/background/handlers';
import { reconcileOpenTabs } from '@/lib/background/open-tabs';
import { createRuleSync } from '@/lib/background/rule-sync';
import { settlePending } from '@/lib/background/settle';
import { addDays, dayKeyOf, startOfDay } from '@/lib/calendar';
import { loadPending, lockActive, pendingChangesItem, request } from '@/lib/cool-off';
import { getDb } from '@/lib/db';
import { clearDatabase, eraseEverything } from '@/lib/erase';
import { GUARDED_DOMAINS } from '@/lib/guarded-sites';
import { periodStatus } from '@/lib/period';
import { policyFromSettings } from '@/lib/policy';
import { loadPeriod, loadSettings, periodItem, RULE_KEYS, settingsItem } from '@/lib/settings';
import { releaseHostAccess } from '@/lib/site-access';

const INTERSTITIAL_PATH = '/interstitial.html';
const ALARM_GRANTS = 'grants';
const ALARM_DAY = 'day-change';
const ALARM_COOL_OFF = 'cool-off';

export default defineBackground(() => {
  const dnr = browser.declarativeNetRequest;
  const interstitialUrl = browser.runtime.getURL(INTERSTITIAL_PATH);
  const grantStore = storage.defineItem<Grant[]>('session:grants', { fallback: [] });
  const rulesDigest = storage.defineItem<string | null>('session:rulesDigest', { fallback: null });

  const currentPolicy = async () => policyFromSettings(await loadSettings(), await loadPeriod(), Date.now());

  const syncRules = createRuleSync({
    dnr,
    digest: { get: () => rulesDigest.getValue(), set: (v) => rulesDigest.setValue(v) },
    currentPolicy,
    interstitialUrl,
  });

  const grants = createGrants({
    session: dnr,
    store: { get: () => grantStore.getValue(), set: (g) => grantStore.setValue(g) },
    wakeAt: async (when) => browser.alarms.create(ALARM_GRANTS, { when: Math.max(when, Date.now() + 30_000) }),
    now: Date.now,
  });

  const erase = () => eraseEverything({ db: getDb(), storage: browser.storage, dnr, alarms: browser.alarms });

  /** Applies the waiting changes whose cool-off is over (see cool-off.ts). */
  const settle = () =>
    settlePending({
      loadPending,
      loadState: async () => ({ settings: await loadSettings(), period: await loadPeriod() }),
      save: async ({ settings, period, pending }) => {
        await settingsItem.setValue(settings);
        await periodItem.setValue(period);
        await pendingChangesItem.setValue(pending);
      },
      archive: async (past) => {
        await getDb().periods.put(past);
      },
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
    const period = await loadPeriod();
    const now = Date.now();
    if (!lockActive(period, now)) {
      await erase();
      await sync();
      return { waitsUntil: null };
    }
    await clearDatabase(getDb());
    const pending = request(await loadPending(), [{ kind: 'delete-everything' }], period, now);
    await pendingChangesItem.setValue(pending);
    await settle();
    const waiting = pending.find((p) => p.change.kind === 'delete-everything');
    return { waitsUntil: waiting?.effectiveAt ?? null };
  }

  /** The toolbar badge shows the day number while a period is active. */
  async function updateBadge() {
    const period = await loadPeriod();
    const status = period ? periodStatus(period, dayKeyOf(Date.now())) : null;
    await browser.action.setBadgeText({ text: status?.state === 'active' ? String(status.day) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#2f6f6a' });
    await browser.action.setTitle({
      title:
        status?.state === 'active' ? `Breathing Room: day ${status.day} of ${status.lengthDays}` : 'Breathing Room',
    });
  }

  /**
   * Applies waiting changes that are due, rebuilds the rules, brings open tabs in line (stopping
   * any already on a stopped page, and telling route guards the new policy), and wakes again at
   * the next local midnight, when a period may start or end.
   */
  async function sync() {
    await settle();
    await updateBadge();
    const { policy, changed } = await syncRules();
    await reconcileOpenTabs(policy, changed, {
      tabs: browser.tabs,
      grants,
      interstitialUrl,
      guardDomains: GUARDED_DOMAINS,
    });
    const tomorrow = addDays(dayKeyOf(Date.now()), 1);
    await browser.alarms.create(ALARM_DAY, { when: startOfDay(tomorrow) + 1000, periodInMinutes: 60 });
    return policy;
  }

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    // Create or upgrade the database now, so every page finds the current schema.
    await getDb()
      .open()
      .catch(() => undefined);
    await sync();
    if (reason === 'install') await browser.runtime.openOptionsPage();
  });
  browser.runtime.onStartup.addListener(() => void grants.expire());

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (RULE_KEYS.some((key) => key in changes)) void sync();
    else if ('pendingChanges' in changes) void settle();
  });

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === ALARM_GRANTS) await grants.expire();
    if (alarm.name === ALARM_DAY || alarm.name === ALARM_COOL_OFF) await sync();
  });

  browser.tabs.onRemoved.addListener((tabId) => void grants.forgetTab(tabId));

  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    interstitialPath: INTERSTITIAL_PATH,
    grants,
    sync,
    currentPolicy,
    deleteEverything,
  };
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(message, sender, deps));

  // Every start of the service worker (browser start, update, or waking after idle) checks the
  // rules and the open tabs; an unchanged policy costs one storage read and a tab query.
  void sync();
});
