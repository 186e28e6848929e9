import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { pendingChangesItem } from '@/lib/lock/pending';
import {
  DEFAULT_SETTINGS,
  loadPeriod,
  loadSettings,
  parsePeriod,
  parseSettings,
  periodItem,
  periodMigrations,
  recentPromptsItem,
  saveSettings,
  settingsItem,
  settingsMigrations,
} from '@/lib/settings/settings';
import { STORAGE_VERSIONS } from '@/lib/settings/storage-versions';

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

  it('keeps up to three plans, trimmed, dropping empty or damaged ones, and a calm note within its limit', () => {
    const read = parseSettings({
      plans: ['  When I miss them, I will call my sister.  ', '', 42, '   ', 'Two', 'Three', 'Four'],
      calmNote: 'You chose this for a reason.',
      askOnMessaging: false,
    });
    expect(read.plans).toEqual(['When I miss them, I will call my sister.', 'Two', 'Three']);
    expect(read.calmNote).toBe('You chose this for a reason.');
    expect(read.askOnMessaging).toBe(false);
    expect(parseSettings({ plans: 'text', calmNote: 'x'.repeat(1001), askOnMessaging: 'no' })).toMatchObject({
      plans: [],
      calmNote: '',
      askOnMessaging: true,
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

/** Every stored item, by its key in `STORAGE_VERSIONS`: a key added there without a row here fails to compile. */
const ITEMS: Record<keyof typeof STORAGE_VERSIONS, { item: WxtStorageItem<unknown, Record<string, unknown>> }> = {
  settings: { item: settingsItem },
  period: { item: periodItem },
  pendingChanges: { item: pendingChangesItem },
  recentPrompts: { item: recentPromptsItem },
};

const v1Settings = { categories: { social: false, messaging: true }, pauseSeconds: 20 };
const v2Settings = {
  categories: { social: true, messaging: false },
  pauseSeconds: 10,
  person: { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' },
  neverContinueToPerson: false,
  customSites: [{ host: 'example.com', path: '/', label: 'example.com' }],
};
/** Version 4: the messaging question, and the person's own plans and note. */
const v4Settings = {
  ...v2Settings,
  keepPersonAfterPeriod: true,
  askOnMessaging: false,
  plans: ['When I want to look, I will step outside.'],
  calmNote: 'You are doing well.',
};
/** What version 5 makes of the person in versions 2 to 4: an id, no other names, and no one else yet. */
const v5People = {
  person: { id: 'them', name: v2Settings.person.name, otherNames: '', profiles: v2Settings.person.profiles },
  others: [],
};
const v1Period = { id: 'p1', startDate: '2026-11-01', lengthDays: 45, createdAt: 1_700_000_000_000 };

/**
 * Real values as each earlier version stored them, and exactly what each must be once upgraded.
 * Every version from the first up to the one before the current needs a row (checked below).
 */
const UPGRADES: Record<keyof typeof STORAGE_VERSIONS, Record<number, { stored: unknown; upgraded: unknown }>> = {
  settings: {
    1: {
      stored: v1Settings,
      upgraded: {
        ...v1Settings,
        person: { id: 'them', name: '', otherNames: '', profiles: '' },
        others: [],
        neverContinueToPerson: true,
        customSites: [],
        keepPersonAfterPeriod: false,
        askOnMessaging: true,
        plans: [],
        calmNote: '',
      },
    },
    2: {
      stored: v2Settings,
      upgraded: {
        ...v2Settings,
        ...v5People,
        keepPersonAfterPeriod: false,
        askOnMessaging: true,
        plans: [],
        calmNote: '',
      },
    },
    3: {
      stored: { ...v2Settings, keepPersonAfterPeriod: true },
      upgraded: {
        ...v2Settings,
        ...v5People,
        keepPersonAfterPeriod: true,
        askOnMessaging: true,
        plans: [],
        calmNote: '',
      },
    },
    4: {
      stored: v4Settings,
      upgraded: { ...v4Settings, ...v5People },
    },
  },
  period: {
    1: { stored: v1Period, upgraded: { ...v1Period, coolOffHours: 24 } },
  },
  pendingChanges: {},
  recentPrompts: {},
};

const versionsBefore = (current: number) => Array.from({ length: current - 1 }, (_, i) => i + 1);

describe('stored items', () => {
  it('has one typed item for every key in STORAGE_VERSIONS, at that key and version', async () => {
    for (const [key, version] of Object.entries(STORAGE_VERSIONS)) {
      const { item } = ITEMS[key as keyof typeof STORAGE_VERSIONS];
      expect(item.key).toBe(`local:${key}`);
      // A value written before any version was recorded is the first release's: the item upgrades it to `version`.
      await fakeBrowser.storage.local.set({ [key]: UPGRADES[key as keyof typeof UPGRADES][1]?.stored ?? [] });
      await item.migrate();
      const meta = (await fakeBrowser.storage.local.get(`${key}$`))[`${key}$`] as { v: number } | undefined;
      expect(meta ?? { v: 1 }).toEqual({ v: version });
    }
  });

  it('keeps a real value from every earlier version, for every item', () => {
    for (const [key, version] of Object.entries(STORAGE_VERSIONS)) {
      expect(Object.keys(UPGRADES[key as keyof typeof UPGRADES]).map(Number)).toEqual(versionsBefore(version));
    }
  });

  it('names a migration for every version after the first', () => {
    const names = (current: number) => versionsBefore(current).map((v) => String(v + 1));
    expect(Object.keys(settingsMigrations)).toEqual(names(STORAGE_VERSIONS.settings));
    expect(Object.keys(periodMigrations)).toEqual(names(STORAGE_VERSIONS.period));
  });

  const steps = Object.entries(UPGRADES).flatMap(([key, versions]) =>
    Object.entries(versions).map(([from, sample]) => ({
      key: key as keyof typeof UPGRADES,
      from: Number(from),
      sample,
    })),
  );
  it.each(steps)(
    'upgrades real version $from $key to exactly the current value, as stored',
    async ({ key, from, sample }) => {
      // What that release wrote: the value, and WXT's version in the item's metadata.
      await fakeBrowser.storage.local.set({ [key]: sample.stored, [`${key}$`]: { v: from } });
      await ITEMS[key].item.migrate();
      // The stored value itself, not a read that fills gaps with defaults: a missing step shows here.
      const stored = await fakeBrowser.storage.local.get([key, `${key}$`]);
      expect(stored[key]).toEqual(sample.upgraded);
      expect(stored[`${key}$`]).toEqual({ v: STORAGE_VERSIONS[key] });
    },
  );

  it('reads upgraded settings back as they were stored, keeping every choice', async () => {
    await fakeBrowser.storage.local.set({ settings: v2Settings, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await loadSettings()).toEqual(UPGRADES.settings[2]?.upgraded);
    await fakeBrowser.storage.local.set({ period: v1Period, period$: { v: 1 } });
    await periodItem.migrate();
    expect(await loadPeriod()).toEqual({ ...v1Period, coolOffHours: 24 });
  });

  it('reads defaults from empty storage and saves changes', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings((s) => ({ ...s, categories: { ...s.categories, social: false } }));
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      categories: { social: false, messaging: true },
    });
    expect((await loadSettings()).categories.social).toBe(false);
  });

  it('keeps "no period" as no period through the upgrade', async () => {
    await fakeBrowser.storage.local.set({ period: null, period$: { v: 1 } });
    await periodItem.migrate();
    expect(await loadPeriod()).toBeNull();
  });

  it('treats a damaged stored period as no period', async () => {
    await fakeBrowser.storage.local.set({ period: { id: 'x', startDate: 'soon', lengthDays: 30, createdAt: 0 } });
    expect(await loadPeriod()).toBeNull();
  });
});
