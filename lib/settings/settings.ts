import { storage } from 'wxt/utils/storage';
import type { Period } from '../period/period';
import { DEFAULT_COOL_OFF_HOURS, REMEMBERED_SHOWN } from './limits';
import { DEFAULT_SETTINGS, readPeriod, readSettings, type Settings, THEM } from './schema';
import { STORAGE_VERSIONS } from './storage-versions';
import { isObject } from './validate';

export {
  MAX_NAME_LENGTH,
  MAX_PAUSE_SECONDS,
  MAX_PROFILES_LENGTH,
  MIN_PAUSE_SECONDS,
} from './limits';
export { DEFAULT_SETTINGS, type Settings } from './schema';

/**
 * Everything the user chooses, kept in `browser.storage.local` behind typed, versioned items.
 *
 * Each item has a version. When its shape changes, bump `version` and add a migration that turns
 * the previous shape into the new one; WXT runs them in order when the extension updates. Values
 * are checked again on every read, against the one schema (`schema.ts`), so a damaged or
 * hand-edited value falls back field by field to the defaults instead of breaking the extension.
 */

/** Any stored value to valid settings: each bad or missing field takes its default. */
export const parseSettings = readSettings;

/** A stored period, or null when there is none or it cannot be trusted. */
export const parsePeriod = readPeriod;

/** Version 1 of a period: before the cool-off existed. */
type PeriodV1 = Omit<Period, 'coolOffHours'>;

export const periodMigrations = {
  /** 1 → 2: the cool-off, at its default, for a period started before it existed. */
  2: (v1: PeriodV1 | null): Period | null => (v1 ? { ...v1, coolOffHours: DEFAULT_COOL_OFF_HOURS } : null),
};

/** Version 1 (the first release): categories and the pause only. */
interface SettingsV1 {
  categories: { social: boolean; messaging: boolean };
  pauseSeconds: number;
}

type SettingsV4 = Omit<Settings, 'person' | 'others'> & { person: { name: string; profiles: string } };
type SettingsV3 = Omit<SettingsV4, 'askOnMessaging' | 'plans' | 'calmNote'>;
type SettingsV2 = Omit<SettingsV3, 'keepPersonAfterPeriod'>;

export const settingsMigrations = {
  /** 1 → 2: the person, "never continue to their pages" (on, the protective choice) and custom sites. */
  2: (v1: SettingsV1): SettingsV2 => ({
    ...v1,
    person: { name: '', profiles: '' },
    neverContinueToPerson: true,
    customSites: [],
  }),
  /** 2 → 3: "keep pausing their pages after the period", off until the user chooses it on Move on. */
  3: (v2: SettingsV2): SettingsV3 => ({ ...v2, keepPersonAfterPeriod: false }),
  /** 3 → 4: the messaging question (asked, as before there was a choice) and the person's own plan and note. */
  4: (v3: SettingsV3): SettingsV4 => ({ ...v3, askOnMessaging: true, plans: [], calmNote: '' }),
  /** 4 → 5: the person gets an id and other names (none yet), and others can be added beside them. */
  5: (v4: SettingsV4): Settings => {
    // Read with care: a damaged value must upgrade too, never throw (the migration would run again).
    const person: Record<string, unknown> = isObject(v4?.person) ? v4.person : {};
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return {
      ...v4,
      person: { id: THEM, name: text(person.name), otherNames: '', profiles: text(person.profiles) },
      others: [],
    };
  },
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: STORAGE_VERSIONS.settings,
  migrations: settingsMigrations,
});

export const periodItem = storage.defineItem<Period | null>('local:period', {
  fallback: null,
  version: STORAGE_VERSIONS.period,
  migrations: periodMigrations,
});

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function loadPeriod(): Promise<Period | null> {
  return parsePeriod(await periodItem.getValue());
}

/**
 * Writes a change as it is, unchecked against the rule limit and the cool-off: for what only ever
 * lowers what is paused once nothing is left to protect (a period's end). Anything a person
 * changes in a form goes through `saveSettingsWithCoolOff` (`lib/lock/pending.ts`), which checks.
 */
export async function saveSettings(update: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(update(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Ids of the reflection prompts shown most recently, oldest first (see `rememberShown`). */
export const recentPromptsItem = storage.defineItem<string[]>('local:recentPrompts', {
  fallback: [],
  version: STORAGE_VERSIONS.recentPrompts,
});

export async function loadRecentPrompts(): Promise<string[]> {
  const value = await recentPromptsItem.getValue();
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(-REMEMBERED_SHOWN) : [];
}
