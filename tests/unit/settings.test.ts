import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadPeriod,
  loadSettings,
  parsePeriod,
  parseSettings,
  periodItem,
  periodMigrations,
  saveSettings,
  settingsItem,
  settingsMigrations,
} from '@/lib/settings/settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps good fields and resets bad ones to their defaults', () => {
    expect(parseSettings({ categories: { social: false, messaging: 'yes' }, pauseSeconds: 3 })).toEqual({
      ...DEFAULT_SETTINGS,
      categories: { social: false, messaging: true },
      pauseSeconds: 10,
    });
    expect(parseSettings({ categories: 'none', pauseSeconds: 20 })).toEqual({ ...DEFAULT_SETTINGS, pauseSeconds: 20 });
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(
      parseSettings({
        person: { name: 42, profiles: 'instagram:jordan.rivers' },
        neverContinueToPerson: 'no',
        customSites: [
          { host: 'example.com', path: '/', label: 'example.com' },
          { host: 'bad host', path: '/', label: 'x' },
          { host: 'example.org', path: 'no-slash', label: 'x' },
          'example.net',
        ],
      }),
    ).toMatchObject({
      person: { name: '', profiles: 'instagram:jordan.rivers' },
      neverContinueToPerson: true,
      customSites: [{ host: 'example.com', path: '/', label: 'example.com' }],
    });
  });
});

describe('parsePeriod', () => {
  const good = { id: 'a', startDate: '2026-11-01', lengthDays: 30, createdAt: 1, coolOffHours: 12 };
  it('accepts a valid period', () => expect(parsePeriod(good)).toEqual(good));
  it('gives a period with a missing or damaged cool-off the default 24 hours', () => {
    expect(parsePeriod({ ...good, coolOffHours: undefined })).toEqual({ ...good, coolOffHours: 24 });
    expect(parsePeriod({ ...good, coolOffHours: 500 })).toEqual({ ...good, coolOffHours: 24 });
  });
  it.each([
    { ...good, startDate: '2026-02-30' },
    { ...good, lengthDays: 0 },
    { ...good, lengthDays: 1000 },
    { ...good, lengthDays: '30' },
    { ...good, id: '' },
    null,
    'period',
  ])('refuses %j', (value) => expect(parsePeriod(value)).toBeNull());
});

describe('stored settings', () => {
  it('upgrades real version 1 settings to the current version, keeping every choice', async () => {
    // What the first release wrote: the value, and WXT's version in the item's metadata.
    await fakeBrowser.storage.local.set({
      settings: { categories: { social: false, messaging: true }, pauseSeconds: 20 },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: 3 });
    expect(stored.settings).toEqual({
      categories: { social: false, messaging: true },
      pauseSeconds: 20,
      person: { name: '', profiles: '' },
      neverContinueToPerson: true,
      customSites: [],
      keepPersonAfterPeriod: false,
    });
    expect(await loadSettings()).toEqual(stored.settings);
  });

  it('names a migration for every version after the first', () => {
    expect(Object.keys(settingsMigrations)).toEqual(['2', '3']);
  });

  it('upgrades real version 2 settings, keeping the person and their sites', async () => {
    const v2 = {
      categories: { social: true, messaging: false },
      pauseSeconds: 10,
      person: { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' },
      neverContinueToPerson: false,
      customSites: [{ host: 'example.com', path: '/', label: 'example.com' }],
    };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await loadSettings()).toEqual({ ...v2, keepPersonAfterPeriod: false });
  });

  it('reads defaults from empty storage and saves changes', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings((s) => ({ ...s, categories: { ...s.categories, social: false } }));
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      categories: { social: false, messaging: true },
    });
    expect((await loadSettings()).categories.social).toBe(false);
  });

  it('upgrades a real version 1 period, giving it the default cool-off', async () => {
    const v1 = { id: 'p1', startDate: '2026-11-01', lengthDays: 45, createdAt: 1_700_000_000_000 };
    await fakeBrowser.storage.local.set({ period: v1, period$: { v: 1 } });
    await periodItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['period', 'period$']);
    expect(stored.period$).toEqual({ v: 2 });
    expect(stored.period).toEqual({ ...v1, coolOffHours: 24 });
    expect(await loadPeriod()).toEqual({ ...v1, coolOffHours: 24 });
  });

  it('keeps "no period" as no period through the upgrade', async () => {
    await fakeBrowser.storage.local.set({ period: null, period$: { v: 1 } });
    await periodItem.migrate();
    expect(await loadPeriod()).toBeNull();
    expect(Object.keys(periodMigrations)).toEqual(['2']);
  });

  it('treats a damaged stored period as no period', async () => {
    await fakeBrowser.storage.local.set({ period: { id: 'x', startDate: 'soon', lengthDays: 30, createdAt: 0 } });
    expect(await loadPeriod()).toBeNull();
  });
});
