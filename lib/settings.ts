import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { isDayKey } from './calendar';
import { type CustomSite, MAX_CUSTOM_SITES } from './custom-sites';
import { MAX_LENGTH_DAYS, MIN_LENGTH_DAYS, type Period } from './period';
import { STORAGE_VERSIONS } from './storage-versions';

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
}

export const DEFAULT_SETTINGS: Settings = {
  categories: { social: true, messaging: true },
  pauseSeconds: 10,
  person: { name: '', profiles: '' },
  neverContinueToPerson: true,
  customSites: [],
};

const customSiteSchema = z.object({
  host: z.string().check(z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/), z.maxLength(253)),
  path: z.string().check(z.regex(/^\//), z.maxLength(2000)),
  label: z.string().check(z.maxLength(2300)),
});

/** Keeps the valid entries of a stored list and drops the rest, up to the limit. */
function validSites(value: unknown[]): CustomSite[] {
  return value
    .flatMap((v) => {
      const r = customSiteSchema.safeParse(v);
      return r.success ? [r.data] : [];
    })
    .slice(0, MAX_CUSTOM_SITES);
}

const settingsSchema = z.object({
  categories: z.catch(
    z.object({
      social: z.catch(z.boolean(), DEFAULT_SETTINGS.categories.social),
      messaging: z.catch(z.boolean(), DEFAULT_SETTINGS.categories.messaging),
    }),
    () => ({ ...DEFAULT_SETTINGS.categories }),
  ),
  pauseSeconds: z.catch(
    z.int().check(z.minimum(MIN_PAUSE_SECONDS), z.maximum(MAX_PAUSE_SECONDS)),
    DEFAULT_SETTINGS.pauseSeconds,
  ),
  person: z.catch(
    z.object({
      name: z.catch(z.string().check(z.maxLength(MAX_NAME_LENGTH)), ''),
      profiles: z.catch(z.string().check(z.maxLength(MAX_PROFILES_LENGTH)), ''),
    }),
    () => ({ ...DEFAULT_SETTINGS.person }),
  ),
  neverContinueToPerson: z.catch(z.boolean(), DEFAULT_SETTINGS.neverContinueToPerson),
  customSites: z.catch(z.pipe(z.array(z.unknown()), z.transform(validSites)), () => []),
});

/** Any stored value to valid settings: bad or missing fields take their defaults. */
export function parseSettings(value: unknown): Settings {
  const result = settingsSchema.safeParse(value ?? {});
  return result.success ? result.data : structuredClone(DEFAULT_SETTINGS);
}

const periodSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  startDate: z.string().check(z.refine(isDayKey)),
  lengthDays: z.int().check(z.minimum(MIN_LENGTH_DAYS), z.maximum(MAX_LENGTH_DAYS)),
  createdAt: z.number(),
});

/** A stored period, or null when there is none or it cannot be trusted. */
export function parsePeriod(value: unknown): Period | null {
  const result = periodSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** Version 1 (the first release): categories and the pause only. */
interface SettingsV1 {
  categories: { social: boolean; messaging: boolean };
  pauseSeconds: number;
}

export const settingsMigrations = {
  /** 1 → 2: the person, "never continue to their pages" (on, the protective choice) and custom sites. */
  2: (v1: SettingsV1): Settings => ({
    ...v1,
    person: { name: '', profiles: '' },
    neverContinueToPerson: true,
    customSites: [],
  }),
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: STORAGE_VERSIONS.settings,
  migrations: settingsMigrations,
});

export const periodItem = storage.defineItem<Period | null>('local:period', {
  fallback: null,
  version: STORAGE_VERSIONS.period,
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
