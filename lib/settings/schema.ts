import { z } from 'zod/mini';
import type { Category } from '../detection/catalog';
import { type CustomSite, customSiteKey, parseCustomSite } from '../detection/custom-sites';
import { type DayKey, isDayKey } from '../period/calendar';
import type { Period } from '../period/period';
import type { ClosedHow } from '../records/types';
import {
  DEFAULT_COOL_OFF_HOURS,
  MAX_CALM_NOTE_LENGTH,
  MAX_COOL_OFF_HOURS,
  MAX_CUSTOM_SITES,
  MAX_HOST_LENGTH,
  MAX_ID_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_LISTED_OTHER_PEOPLE,
  MAX_NAME_LENGTH,
  MAX_OTHER_NAMES,
  MAX_OTHER_NAMES_LENGTH,
  MAX_PATH_LENGTH,
  MAX_PAUSE_SECONDS,
  MAX_PLAN_LENGTH,
  MAX_PLANS,
  MAX_PROFILES_LENGTH,
  MAX_TOTAL_DAYS,
  MIN_COOL_OFF_HOURS,
  MIN_LENGTH_DAYS,
  MIN_PAUSE_SECONDS,
} from './limits';
import { isObject } from './validate';

/**
 * One description of what the user chooses: the settings, the period and the changes waiting out
 * the cool-off. Three edges read through it, each as strict as it should be:
 *
 * - storage (`readSettings`, `readPeriod`, `readPending`) is forgiving: a damaged field takes its
 *   default and a damaged entry of a list is dropped, so one bad value never costs the rest (the
 *   way darkreader's validation resets a bad field to its default);
 * - a backup (`backupSettingsSchema`, `backupPeriodSchema`) is strict: any bad field refuses the
 *   file, and the file's error names it. Custom sites pass the same checks as "Add a site";
 * - a waiting change (`pendingChangesSchema`) is checked before it is stored.
 *
 * The limits are in `limits.ts`.
 */

/** Someone whose pages are paused, as the user typed them. */
export interface Person {
  /** Stable, so a waiting change knows whose it is. The person the period is about is `THEM`. */
  id: string;
  /** Their name: searches for it are paused. */
  name: string;
  /** Other names they go by, one a line: a nickname, a former or married surname. */
  otherNames: string;
  /** One profile link or platform:handle a line. */
  profiles: string;
}

/** The id of the person the period is about. */
export const THEM = 'them';

export const NO_ONE: Person = { id: THEM, name: '', otherNames: '', profiles: '' };

export interface Settings {
  categories: { social: boolean; messaging: boolean };
  /** The first pause on the interstitial before "Continue" is possible. */
  pauseSeconds: number;
  /** The person the period is about. */
  person: Person;
  /**
   * People whose pages the user looks at to check on them (a new partner, a best friend), with
   * the same protections and the same cool-off. The pause page never says which of them it was.
   */
  others: Person[];
  /** "Never let me continue to their pages". */
  neverContinueToPerson: boolean;
  customSites: CustomSite[];
  /** After "Move on": keep pausing their pages (and searches for their name) with no period running. */
  keepPersonAfterPeriod: boolean;
  /**
   * On messaging pages, ask first whether this is about them: "Someone else" goes on for 30
   * minutes with nothing logged. Off makes messaging a full pause.
   */
  askOnMessaging: boolean;
  /** The person's own if-then plans ("When I want to…, I will…"), at most three, shown first on the pause page. */
  plans: string[];
  /** A note from their calm self to the self standing at the pause. */
  calmNote: string;
}

const DEFAULT_ASK_ON_MESSAGING = true;

export const DEFAULT_SETTINGS: Settings = {
  categories: { social: true, messaging: true },
  pauseSeconds: 10,
  person: NO_ONE,
  others: [],
  neverContinueToPerson: true,
  customSites: [],
  keepPersonAfterPeriod: false,
  askOnMessaging: DEFAULT_ASK_ON_MESSAGING,
  plans: [],
  calmNote: '',
};

/** A change that lowers protection, waiting out the cool-off (see `lib/lock`). */
export type Loosening =
  | { kind: 'category-off'; category: Category }
  | { kind: 'allow-continue' }
  /** Ask "is this about them?" on messaging pages again, instead of the full pause. */
  | { kind: 'ask-on-messaging' }
  /** One line of someone's profiles, by its text, removed when the wait ends (`person`: whose; none is `THEM`). */
  | { kind: 'remove-profile'; line: string; label: string; person?: string }
  /** From before other names: a new name (or none) for the person the period is about. */
  | { kind: 'change-name'; name: string }
  /** One of someone's names (their name or another), removed when the wait ends. `person`: whose (an id). */
  | { kind: 'remove-name'; person: string; name: string }
  | { kind: 'remove-site'; host: string; path: string; label: string }
  | {
      kind: 'end-period';
      periodId: string;
      how: ClosedHow;
      keepPerson: boolean;
      readiness: { ticked: number; of: number } | null;
    }
  /** The rest of "Delete everything": settings, the period and the rules. History goes at once. */
  | { kind: 'delete-everything' };

export interface PendingChange {
  id: string;
  change: Loosening;
  requestedAt: number;
  /** When the change takes effect (epoch ms). */
  effectiveAt: number;
}

const int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
const str = (max: number) => z.string().check(z.maxLength(max));
const id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));
const finite = z.number().check(z.refine(Number.isFinite, { message: 'a number' }));
export const time = z.number().check(z.int(), z.gte(0), z.lte(8.64e15));
export const day = z.string().check(z.refine(isDayKey, { message: 'a date written as YYYY-MM-DD' }));
export const readinessSchema = z.nullable(z.object({ ticked: int(0, 100), of: int(0, 100) }));

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const host = z.string().check(z.minLength(1), z.maxLength(MAX_HOST_LENGTH), z.regex(HOST));
const path = z.string().check(z.maxLength(MAX_PATH_LENGTH), z.regex(/^\//));
const label = str(MAX_LABEL_LENGTH);

const bool = z.boolean();
const category = z.object({ social: bool, messaging: bool });
const pauseSeconds = int(MIN_PAUSE_SECONDS, MAX_PAUSE_SECONDS);
const name = str(MAX_NAME_LENGTH);
const otherNames = str(MAX_OTHER_NAMES_LENGTH);
const profiles = str(MAX_PROFILES_LENGTH);
const siteSchema = z.object({ host, path, label });
const plan = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_PLAN_LENGTH));
const plans = z.array(plan).check(z.maxLength(MAX_PLANS));
const calmNote = str(MAX_CALM_NOTE_LENGTH);

/**
 * What "Add a site" would do with each site: read it the same way (`parseCustomSite`), refuse a
 * repeat, and stop at the limit. A site the form would store differently, or refuse, is reported
 * at its place in the list.
 */
const asTheFormWould = z.superRefine((sites: CustomSite[], ctx) => {
  const seen = new Set<string>();
  sites.forEach((site, index) => {
    const key = customSiteKey(site);
    const read = parseCustomSite(key);
    if (!read.ok) {
      ctx.addIssue({
        code: 'custom',
        message: `a site “Add a site” accepts (${read.error})`,
        path: [index],
        input: site,
      });
    } else if (customSiteKey(read.site) !== key) {
      ctx.addIssue({
        code: 'custom',
        message: `a site as “Add a site” writes it, like ${customSiteKey(read.site)}`,
        path: [index],
        input: site,
      });
    } else if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        message: `listed once (${site.label} is already on the list)`,
        path: [index],
        input: site,
      });
    }
    seen.add(key);
  });
});

/** Other names in a backup: one a line, each no longer than a name may be (as the form keeps them). */
const backupOtherNames = z._default(
  otherNames.check(
    z.refine((text: string) => otherNameLines(text).every((n) => n.length <= MAX_NAME_LENGTH), {
      message: `one name a line, each at most ${MAX_NAME_LENGTH} characters`,
    }),
  ),
  '',
);

/** Someone in a backup; a file from before other names existed has none. */
const backupPerson = z.object({ id, name, otherNames: backupOtherNames, profiles });

/** Everyone listed once. */
const distinctIds = z.superRefine((people: Person[], ctx) => {
  const seen = new Set<string>();
  people.forEach((person, index) => {
    if (seen.has(person.id) || person.id === THEM) {
      ctx.addIssue({ code: 'custom', message: 'listed once', path: [index, 'id'], input: person.id });
    }
    seen.add(person.id);
  });
});

/** Settings in a backup: every field present and valid, every site one "Add a site" accepts. */
export const backupSettingsSchema = z.object({
  categories: category,
  pauseSeconds,
  // A file from before ids existed names only the person the period is about.
  person: z.object({ id: z._default(z.literal(THEM), THEM), name, otherNames: backupOtherNames, profiles }),
  others: z._default(z.array(backupPerson).check(z.maxLength(MAX_LISTED_OTHER_PEOPLE), distinctIds), []),
  neverContinueToPerson: z.boolean(),
  customSites: z.array(siteSchema).check(z.maxLength(MAX_CUSTOM_SITES), asTheFormWould),
  keepPersonAfterPeriod: z.boolean(),
  // Files from before these existed take the defaults.
  askOnMessaging: z._default(bool, DEFAULT_ASK_ON_MESSAGING),
  plans: z._default(plans, []),
  calmNote: z._default(calmNote, ''),
});

const periodFields = {
  id,
  startDate: day,
  lengthDays: int(MIN_LENGTH_DAYS, MAX_TOTAL_DAYS),
};
const coolOffHours = int(MIN_COOL_OFF_HOURS, MAX_COOL_OFF_HOURS);

/**
 * The current period in a backup, read on `today`: it has started (today or before, as the
 * "Start no-contact" form allows), and a file from before the cool-off existed gets the default.
 */
export function backupPeriodSchema(today: DayKey) {
  return z.object({
    ...periodFields,
    createdAt: time,
    startDate: day.check(z.refine((d: string) => d <= today, { message: 'today or a day that has passed' })),
    coolOffHours: z._default(coolOffHours, DEFAULT_COOL_OFF_HOURS),
  });
}

const looseningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('category-off'), category: z.enum(['social', 'messaging']) }),
  z.object({ kind: z.literal('allow-continue') }),
  z.object({ kind: z.literal('ask-on-messaging') }),
  z.object({ kind: z.literal('change-name'), name }),
  z.object({ kind: z.literal('remove-name'), person: id, name: name.check(z.minLength(1)) }),
  z.object({
    kind: z.literal('remove-profile'),
    line: z.string().check(z.minLength(1), z.maxLength(MAX_PROFILES_LENGTH)),
    label: profiles,
    person: z.optional(id),
  }),
  z.object({ kind: z.literal('remove-site'), host, path, label }),
  z.object({
    kind: z.literal('end-period'),
    periodId: id,
    how: z.enum(['moved-on', 'reconnected']),
    keepPerson: z.boolean(),
    readiness: readinessSchema,
  }),
  z.object({ kind: z.literal('delete-everything') }),
]);

const pendingChangeSchema = z.object({ id, change: looseningSchema, requestedAt: finite, effectiveAt: finite });

/** The waiting changes as stored: a change that would not pass is refused before it is written. */
export const pendingChangesSchema = z.array(pendingChangeSchema);

/** Someone's other names, one a line, without blank lines. */
export function otherNameLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Why a person's form can't save what is typed, in words for beside the form, or null. The same
 * limits the stored settings and a backup keep, so nothing typed is dropped later without a word.
 */
export function personProblem(
  person: { name: string; otherNames?: string; profiles: string },
  /** Their other names as stored: a name kept there while its removal waits never counts against the limit. */
  stored = '',
): string | null {
  if (!name.safeParse(person.name).success) {
    return `Their name can be at most ${MAX_NAME_LENGTH} characters. Nothing was saved.`;
  }
  const others = otherNameLines(person.otherNames ?? '');
  const kept = new Set(otherNameLines(stored));
  if (others.length > MAX_OTHER_NAMES && others.some((n) => !kept.has(n))) {
    return `“Other names” can hold at most ${MAX_OTHER_NAMES} names, one a line; this has ${others.length}. Nothing was saved.`;
  }
  if (others.some((n) => !name.safeParse(n).success) || !otherNames.safeParse(person.otherNames ?? '').success) {
    return `Each other name can be at most ${MAX_NAME_LENGTH} characters. Nothing was saved.`;
  }
  if (!profiles.safeParse(person.profiles).success) {
    return `“Their profiles” can hold at most ${MAX_PROFILES_LENGTH.toLocaleString('en')} characters; this is ${person.profiles.length.toLocaleString('en')}. Nothing was saved.`;
  }
  return null;
}

function valid<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): T {
  const read = schema.safeParse(value);
  return read.success ? read.data : fallback;
}

/** Settings as stored when nothing is wrong: read in one pass, the everyday case. */
const storedSettingsSchema = z.object({
  categories: category,
  pauseSeconds,
  person: z.object({ id: z.literal(THEM), name, otherNames, profiles }),
  others: z
    .array(z.object({ id, name, otherNames, profiles }))
    .check(z.maxLength(MAX_LISTED_OTHER_PEOPLE), distinctIds),
  neverContinueToPerson: z.boolean(),
  customSites: z
    .array(z.object({ host, path, label: z.string().check(z.minLength(1), z.maxLength(MAX_LABEL_LENGTH)) }))
    .check(z.maxLength(MAX_CUSTOM_SITES)),
  keepPersonAfterPeriod: z.boolean(),
  askOnMessaging: bool,
  plans,
  calmNote,
});

/**
 * Why settings cannot be stored whole, in words, or null. The forms keep within every limit, but
 * during a period what is removed stays until its wait is over, and enough of it (names held
 * across several saves, a backup's people added to those being removed) could go past what
 * storage keeps. Reading such settings back would drop a field to its default, unpausing at once
 * what should wait: so the save is refused instead, and nothing is written.
 */
export function storableProblem(settings: Settings, subject = 'That'): string | null {
  if (storedSettingsSchema.safeParse(settings).success) return null;
  return `${subject} is more than the settings can hold while earlier removals wait out the cool-off. Nothing was saved, and everything stays paused as before. Once the waiting changes are due, or if you cancel some under “Waiting changes”, try again.`;
}

/** Any stored value to valid settings: each bad or missing field takes its default. */
export function readSettings(value: unknown): Settings {
  const whole = storedSettingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const v = isObject(value) ? value : {};
  const categories = isObject(v.categories) ? v.categories : {};
  const d = DEFAULT_SETTINGS;
  const sites = Array.isArray(v.customSites) ? v.customSites : [];
  return {
    categories: {
      social: valid(bool, categories.social, d.categories.social),
      messaging: valid(bool, categories.messaging, d.categories.messaging),
    },
    pauseSeconds: valid(pauseSeconds, v.pauseSeconds, d.pauseSeconds),
    person: readPerson(v.person, THEM),
    others: readOthers(v.others),
    neverContinueToPerson: valid(bool, v.neverContinueToPerson, d.neverContinueToPerson),
    customSites: sites
      .flatMap((site): CustomSite[] => {
        if (!isObject(site) || !host.safeParse(site.host).success || !path.safeParse(site.path).success) return [];
        const { host: h, path: p } = site as { host: string; path: string };
        return [{ host: h, path: p, label: valid(label, site.label, '') || h }];
      })
      .slice(0, MAX_CUSTOM_SITES),
    keepPersonAfterPeriod: valid(bool, v.keepPersonAfterPeriod, d.keepPersonAfterPeriod),
    askOnMessaging: valid(bool, v.askOnMessaging, d.askOnMessaging),
    plans: (Array.isArray(v.plans) ? v.plans : []).flatMap((p) => valid(z.array(plan), [p], [])).slice(0, MAX_PLANS),
    calmNote: valid(calmNote, v.calmNote, ''),
  };
}

/** Someone as stored: a bad field takes its default. */
function readPerson(value: unknown, personId: string): Person {
  const p = isObject(value) ? value : {};
  return {
    id: personId,
    name: valid(name, p.name, ''),
    otherNames: valid(otherNames, p.otherNames, ''),
    profiles: valid(profiles, p.profiles, ''),
  };
}

/** The other people as stored: one without a usable id is dropped, not merged into someone else. */
function readOthers(value: unknown): Person[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>([THEM]);
  return value
    .flatMap((entry): Person[] => {
      const personId = isObject(entry) ? entry.id : undefined;
      if (typeof personId !== 'string' || !id.safeParse(personId).success || seen.has(personId)) return [];
      seen.add(personId);
      return [readPerson(entry, personId)];
    })
    .slice(0, MAX_LISTED_OTHER_PEOPLE);
}

const storedPeriodCore = z.object({ ...periodFields, createdAt: finite });
const storedPeriodSchema = z.object({ ...periodFields, createdAt: finite, coolOffHours });

/** A stored period, or null when there is none or it cannot be trusted; a bad cool-off takes the default. */
export function readPeriod(value: unknown): Period | null {
  if (!isObject(value)) return null;
  const whole = storedPeriodSchema.safeParse(value);
  if (whole.success) return whole.data;
  const read = storedPeriodCore.safeParse(value);
  if (!read.success) return null;
  return { ...read.data, coolOffHours: valid(coolOffHours, value.coolOffHours, DEFAULT_COOL_OFF_HOURS) };
}

/** The stored waiting changes, keeping only entries that can be trusted. */
export function readPending(value: unknown): PendingChange[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): PendingChange[] => {
    const read = pendingChangeSchema.safeParse(withFallbacks(entry));
    return read.success ? [read.data] : [];
  });
}

/** What stored changes have always been forgiven: a missing label reads as what it labels, and so on. */
function withFallbacks(entry: unknown): unknown {
  if (!isObject(entry) || !isObject(entry.change)) return entry;
  const c = entry.change;
  const change = { ...c };
  if (c.kind === 'remove-profile') change.label = valid(profiles, c.label, '') || c.line;
  if (c.kind === 'remove-site') change.label = valid(label, c.label, '') || c.host;
  if (c.kind === 'end-period') {
    change.keepPerson = c.keepPerson === true;
    change.readiness = valid(readinessSchema, c.readiness, null);
  }
  return { ...entry, change };
}
