import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadPeriod, loadSettings, parsePeriod, parseSettings, saveSettings } from '@/lib/settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps good fields and resets bad ones to their defaults', () => {
    expect(parseSettings({ categories: { social: false, messaging: 'yes' }, pauseSeconds: 3 })).toEqual({
      categories: { social: false, messaging: true },
      pauseSeconds: 10,
    });
    expect(parseSettings({ categories: 'none', pauseSeconds: 20 })).toEqual({
      categories: { social: true, messaging: true },
      pauseSeconds: 20,
    });
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});

describe('parsePeriod', () => {
  const good = { id: 'a', startDate: '2026-11-01', lengthDays: 30, createdAt: 1 };
  it('accepts a valid period', () => expect(parsePeriod(good)).toEqual(good));
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
  it('reads defaults from empty storage and saves changes', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings((s) => ({ ...s, categories: { ...s.categories, social: false } }));
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      categories: { social: false, messaging: true },
    });
    expect((await loadSettings()).categories.social).toBe(false);
  });

  it('treats a damaged stored period as no period', async () => {
    await fakeBrowser.storage.local.set({ period: { id: 'x', startDate: 'soon', lengthDays: 30, createdAt: 0 } });
    expect(await loadPeriod()).toBeNull();
  });
});
