import { storage } from 'wxt/utils/storage';
import type { CustomSite } from '../detection/custom-sites';
import { isDayKey } from '../period/calendar';
import {
  DEFAULT_COOL_OFF_HOURS,
  MAX_COOL_OFF_HOURS,
  MAX_TOTAL_DAYS,
  MIN_COOL_OFF_HOURS,
  MIN_LENGTH_DAYS,
  type Period,
} from '../period/period';
import { MAX_CUSTOM_SITES } from './limits';
import { STORAGE_VERSIONS } from './storage-versions';
import { bool, intIn, isObject, text } from './validate';

/**
 * Everything the user chooses, kept in `browser.storage.local` behind typed, versioned items.
 *
 * Each item has a version. When its shape changes, bump `version` and add a migration that turns
 * the previous shape into the new one; WXT runs them in order when the extension updates. Values
 * are checked again on every read (`parseSettings`), so a damaged or hand-edited value falls back
 * field by field to the defaults instead of breaking the extension.
 */

export const MIN_PAUSE_SECONDS = 5;
export const MAX_PAUSE_SECONDS = 60;

export const MAX_NAME_LENGTH = 200;
export const MAX_PROFILES_LENGTH = 10_000;

export interface Settings {
  categories: { social: boolean; messaging: boolean };
  /** The first pause on the interstitial before "Continue" is possible. */
  pauseSeconds: number;
  /** The person, as the user typed them: name, and one profile link or platform:handle a line. */
  person: { name: string; profiles: string };
  /** "Never let me continue to their pages". */
  neverContinueToPerson: boolean;
  customSites: CustomSite[];
  /** After "Move on": keep pausing their pages (and searches for their name) with no period running. */
  keepPersonAfterPeriod: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  categories: { social: true, messaging: true },
  pauseSeconds: 10,
  person: { name: '', profiles: '' },
  neverContinueToPerson: true,
  customSites: [],
  keepPersonAfterPeriod: false,
};

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Keeps the valid entries of a stored list and drops the rest, up to the limit. */
function validSites(value: unknown): CustomSite[] {
  if (!Array.isArray(value)) return [];
  return value
    .flatMap((v): CustomSite[] => {
      if (!isObject(v)) return [];
      const host = text(v.host, 253, '', HOST);
      const path = text(v.path, 2000, '', /^\//);
      const label = text(v.label, 2300, '');
      return host && path ? [{ host, path, label: label || host }] : [];
    })
    .slice(0, MAX_CUSTOM_SITES);
}

/** Any stored value to valid settings: each bad or missing field takes its default. */
export function parseSettings(value: unknown): Settings {
  const v = isObject(value) ? value : {};
  const categories = isObject(v.categories) ? v.categories : {};
  const person = isObject(v.person) ? v.person : {};
  const d = DEFAULT_SETTINGS;
  return {
    categories: {
      social: bool(categories.social, d.categories.social),
      messaging: bool(categories.messaging, d.categories.messaging),
    },
    pauseSeconds: intIn(v.pauseSeconds, MIN_PAUSE_SECONDS, MAX_PAUSE_SECONDS, d.pauseSeconds),
    person: {
      name: text(person.name, MAX_NAME_LENGTH, ''),
      profiles: text(person.profiles, MAX_PROFILES_LENGTH, ''),
    },
    neverContinueToPerson: bool(v.neverContinueToPerson, d.neverContinueToPerson),
    customSites: validSites(v.customSites),
    keepPersonAfterPeriod: bool(v.keepPersonAfterPeriod, d.keepPersonAfterPeriod),
  };
}

/** A stored period, or null when there is none or it cannot be trusted. */
export function parsePeriod(value: unknown): Period | null {
  if (!isObject(value)) return null;
  const id = text(value.id, 100, '');
  const startDate = text(value.startDate, 10, '');
  const lengthDays = intIn(value.lengthDays, MIN_LENGTH_DAYS, MAX_TOTAL_DAYS, 0);
  const createdAt = typeof value.createdAt === 'number' && Number.isFinite(value.createdAt) ? value.createdAt : null;
  if (!id || !isDayKey(startDate) || !lengthDays || createdAt === null) return null;
  const coolOffHours = intIn(value.coolOffHours, MIN_COOL_OFF_HOURS, MAX_COOL_OFF_HOURS, DEFAULT_COOL_OFF_HOURS);
  return { id, startDate, lengthDays, createdAt, coolOffHours };
}

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

type SettingsV2 = Omit<Settings, 'keepPersonAfterPeriod'>;

export const settingsMigrations = {
  /** 1 → 2: the person, "never continue to their pages" (on, the protective choice) and custom sites. */
  2: (v1: SettingsV1): SettingsV2 => ({
    ...v1,
    person: { name: '', profiles: '' },
    neverContinueToPerson: true,
    customSites: [],
  }),
  /** 2 → 3: "keep pausing their pages after the period", off until the user chooses it on Move on. */
  3: (v2: SettingsV2): Settings => ({ ...v2, keepPersonAfterPeriod: false }),
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

export async function saveSettings(update: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(update(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Storage keys whose change means the blocking rules must be rebuilt. */
export const RULE_KEYS = ['settings', 'period'] as const;

/** Ids of the reflection prompts shown most recently, oldest first (see `rememberShown`). */
export const recentPromptsItem = storage.defineItem<string[]>('local:recentPrompts', {
  fallback: [],
  version: STORAGE_VERSIONS.recentPrompts,
});

export async function loadRecentPrompts(): Promise<string[]> {
  const value = await recentPromptsItem.getValue();
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(-20) : [];
}
