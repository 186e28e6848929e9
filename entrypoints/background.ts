import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storage } from 'wxt/utils/storage';
import { createGrants, type Grant } from '@/lib/background/grants';
import { handleMessage } from '@/lib/background/handlers';
import { reconcileOpenTabs } from '@/lib/background/open-tabs';
import { createRuleSync } from '@/lib/background/rule-sync';
import { addDays, dayKeyOf, startOfDay } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { GUARDED_DOMAINS } from '@/lib/guarded-sites';
import { periodStatus } from '@/lib/period';
import { policyFromSettings } from '@/lib/policy';
import { loadPeriod, loadSettings, RULE_KEYS } from '@/lib/settings';

const INTERSTITIAL_PATH = '/interstitial.html';
const ALARM_GRANTS = 'grants';
const ALARM_DAY = 'day-change';

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

  /**
   * Rebuilds the rules, brings open tabs in line (stopping any already on a stopped page, and
   * telling route guards the new policy), and wakes again at the next local midnight, when a
   * period may start or end.
   */
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

  async function sync() {
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
    if (area === 'local' && RULE_KEYS.some((key) => key in changes)) void sync();
  });

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === ALARM_GRANTS) await grants.expire();
    if (alarm.name === ALARM_DAY) await sync();
  });

  browser.tabs.onRemoved.addListener((tabId) => void grants.forgetTab(tabId));

  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    interstitialPath: INTERSTITIAL_PATH,
    grants,
    sync,
    currentPolicy,
  };
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleMessage(message, sender, deps));

  // Every start of the service worker (browser start, update, or waking after idle) checks the
  // rules and the open tabs; an unchanged policy costs one storage read and a tab query.
  void sync();
});
