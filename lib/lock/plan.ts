import type { Unprotected } from '../background/protection-health';
import type { Category } from '../detection/catalog';
import { type CustomSite, customSiteKey } from '../detection/custom-sites';
import { parseProfiles, personTargets } from '../detection/person';
import { namesOf } from '../detection/policy';
import { isPeriodActive, type Period } from '../period/period';
import { closePeriod, settingsAfterEnd } from '../period/way-out';
import type { PastPeriod } from '../records/types';
import { MAX_CUSTOM_SITES, MAX_PROFILE_LINES } from '../settings/limits';
import { everyone, listsAnything } from '../settings/people';
import {
  type Loosening,
  otherNameLines,
  type PendingChange,
  type Person,
  type Settings,
  THEM,
} from '../settings/schema';

export type { Loosening, PendingChange } from '../settings/schema';

/**
 * The cool-off. While a period runs, anything that lowers protection waits (24 hours unless the
 * user chose otherwise when starting) before it takes effect: a weak moment passes, a considered
 * choice survives the wait. Anything that adds protection happens at once. Every waiting change
 * is listed with its countdown and can be cancelled; none is ever hidden.
 *
 * This module is the pure part (`planSettings`, `request`, `settle`): it decides. `pending.ts`
 * keeps the waiting list in storage, `wording.ts` says it in words; the background applies what
 * is due on an alarm and whenever its service worker starts, so a change waits across restarts.
 */

const HOUR = 3_600_000;

const NOTHING_UNPROTECTED: Unprotected = { names: new Set(), labels: new Set(), hosts: new Set() };

/** Whether changes wait now: only while a period is active. */
export function lockActive(period: Period | null, now: number): period is Period {
  return isPeriodActive(period, now);
}

function profileKey(line: string): string | null {
  return profileLines(line)[0]?.key ?? null;
}

function profileLines(profiles: string): { text: string; key: string | null; label: string }[] {
  return parseProfiles(profiles).map((l) => ({
    text: l.text,
    key: l.ok ? JSON.stringify(l.target) : null,
    label: l.ok ? l.label : l.text,
  }));
}

/** The same name, as matching sees it (case and spacing aside). */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

/**
 * One person's change, split like the settings' (see `planSettings`): names and profile lines that
 * are removed stay, and each removal waits as its own change. `after` is null when they were
 * removed altogether: then only what waits is kept, and nothing at all when nothing waits.
 */
function planPerson(
  before: Person,
  after: Person | null,
  unprotected: Unprotected,
): { now: Person | null; later: Loosening[] } {
  const later: Loosening[] = [];
  const target = after ?? { ...before, name: '', otherNames: '', profiles: '' };

  const afterNames = namesOf(target);
  const heldNames = namesOf(before).filter((n) => !afterNames.some((a) => sameName(a, n)) && !unprotected.names.has(n));
  for (const name of heldNames) later.push({ kind: 'remove-name', person: before.id, name });
  // A held name keeps its place as their name when none was typed in its stead.
  const keepsName = !target.name.trim() && heldNames.find((n) => sameName(n, before.name));
  const name = keepsName || target.name;
  const otherNames = [...otherNameLines(target.otherNames), ...heldNames.filter((n) => n !== keepsName)].join('\n');

  const kept = new Set(profileLines(target.profiles).flatMap((l) => (l.key ? [l.key] : [])));
  // A page on a site Breathing Room may not act on protects nothing yet.
  const pageWithoutAccess = (key: string) => {
    const t = JSON.parse(key) as { kind: string; host?: string };
    return t.kind === 'page' && !!t.host && unprotected.hosts.has(t.host);
  };
  const held: string[] = [];
  for (const line of profileLines(before.profiles)) {
    if (!line.key || kept.has(line.key) || unprotected.labels.has(line.label) || pageWithoutAccess(line.key)) continue;
    kept.add(line.key);
    held.push(line.text);
    const change: Loosening = { kind: 'remove-profile', line: line.text, label: line.label };
    later.push(before.id === THEM ? change : { ...change, person: before.id });
  }
  // Held lines go last, unless that would push them past the limit of lines read; then first,
  // because a line past the limit is not paused and a held line must stay paused.
  const afterLines = target.profiles.trimEnd();
  const heldFirst = parseProfiles(afterLines).length + held.length > MAX_PROFILE_LINES;
  const profiles = held.length
    ? (heldFirst ? [...held, afterLines] : [afterLines, ...held]).filter(Boolean).join('\n')
    : target.profiles;

  if (!after && !later.length) return { now: null, later };
  return { now: { ...target, name, otherNames, profiles }, later };
}

/**
 * Splits a settings change into what applies now and what must wait. `now` is `after` with every
 * loosening held back: categories stay on, removed names, profiles, people and sites stay listed,
 * "never continue" stays in force. `later` lists those held-back parts, one change each.
 */
export function planSettings(
  before: Settings,
  after: Settings,
  /** What is not protecting anything (its rule was refused, or there is no site access): removing it never waits. */
  unprotected: Unprotected = NOTHING_UNPROTECTED,
): { now: Settings; later: Loosening[] } {
  const later: Loosening[] = [];
  const categories = { ...after.categories };
  for (const category of Object.keys(categories) as Category[]) {
    if (before.categories[category] && !after.categories[category]) {
      categories[category] = true;
      later.push({ kind: 'category-off', category });
    }
  }

  let neverContinueToPerson = after.neverContinueToPerson;
  if (before.neverContinueToPerson && !after.neverContinueToPerson) {
    neverContinueToPerson = true;
    later.push({ kind: 'allow-continue' });
  }

  let askOnMessaging = after.askOnMessaging;
  if (!before.askOnMessaging && after.askOnMessaging) {
    askOnMessaging = false;
    later.push({ kind: 'ask-on-messaging' });
  }

  const them = planPerson(before.person, after.person, unprotected);
  later.push(...them.later);
  const others: Person[] = [];
  for (const person of after.others) {
    const was = before.others.find((p) => p.id === person.id);
    const planned = was ? planPerson(was, person, unprotected) : { now: person, later: [] };
    later.push(...planned.later);
    if (planned.now) others.push(planned.now);
  }
  // Someone removed altogether stays listed with what waits, after the rest.
  for (const was of before.others) {
    if (after.others.some((p) => p.id === was.id)) continue;
    const planned = planPerson(was, null, unprotected);
    later.push(...planned.later);
    if (planned.now) others.push(planned.now);
  }

  const afterSites = new Set(after.customSites.map(customSiteKey));
  const removedSites = before.customSites.filter(
    (s) => !afterSites.has(customSiteKey(s)) && !unprotected.labels.has(s.label) && !unprotected.hosts.has(s.host),
  );
  for (const site of removedSites) {
    later.push({ kind: 'remove-site', host: site.host, path: site.path, label: site.label });
  }

  const customSites =
    after.customSites.length + removedSites.length > MAX_CUSTOM_SITES
      ? [...removedSites, ...after.customSites]
      : [...after.customSites, ...removedSites];

  return {
    now: {
      ...after,
      categories,
      // The interface never shortens the pause; a restored backup must not either.
      pauseSeconds: Math.max(before.pauseSeconds, after.pauseSeconds),
      neverContinueToPerson,
      askOnMessaging,
      person: them.now ?? after.person,
      others,
      customSites,
    },
    later,
  };
}

/** Two requests for the same change: the first one's countdown stands. */
export function sameChange(a: Loosening, b: Loosening): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'category-off':
      return a.category === (b as typeof a).category;
    case 'remove-profile':
      return (
        (a.person ?? THEM) === ((b as typeof a).person ?? THEM) &&
        profileKey(a.line) === profileKey((b as typeof a).line)
      );
    case 'remove-name':
      return a.person === (b as typeof a).person && sameName(a.name, (b as typeof a).name);
    case 'remove-site':
      return customSiteKey(a) === customSiteKey(b as typeof a);
    // One name, one ending, one reset: a newer request of these replaces the older.
    default:
      return true;
  }
}

/** Adds requests to the waiting list. A repeat keeps its countdown; a new name or ending replaces the old one. */
export function request(
  pending: readonly PendingChange[],
  changes: readonly Loosening[],
  period: Period,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): PendingChange[] {
  let out = [...pending];
  for (const change of changes) {
    const existing = out.find((p) => sameChange(p.change, change));
    const replaces = change.kind === 'change-name' || change.kind === 'end-period';
    if (existing && !replaces) continue;
    if (existing) out = out.filter((p) => p !== existing);
    out.push({ id: newId(), change, requestedAt: now, effectiveAt: now + period.coolOffHours * HOUR });
  }
  return out;
}

export function cancel(pending: readonly PendingChange[], id: string): PendingChange[] {
  return pending.filter((p) => p.id !== id);
}

/** Applies one settings change. Changes to the period are `settle`'s. */
export function applyToSettings(
  settings: Settings,
  change: Loosening,
  /** For a `change-name` from version 4: their names were edited after it was asked for. */
  options: { typedSince?: boolean } = {},
): Settings {
  switch (change.kind) {
    case 'category-off':
      return { ...settings, categories: { ...settings.categories, [change.category]: false } };
    case 'allow-continue':
      return { ...settings, neverContinueToPerson: false };
    case 'ask-on-messaging':
      return { ...settings, askOnMessaging: true };
    case 'change-name': {
      // From before other names (version 4): the name in force is the one it replaces, unless
      // their names were edited since (`typedSince`); then the name in force was typed since, and
      // moves to the other names, still paused, rather than being dropped without its own wait.
      const { person } = settings;
      const now = person.name.trim();
      const keep = options.typedSince && now && !sameName(now, change.name);
      return {
        ...settings,
        person: {
          ...person,
          name: change.name,
          otherNames: keep ? [...otherNameLines(person.otherNames), now].join('\n') : person.otherNames,
        },
      };
    }
    case 'remove-name':
      return withPerson(settings, change.person, (p) => ({
        ...p,
        name: sameName(p.name, change.name) ? '' : p.name,
        otherNames: otherNameLines(p.otherNames)
          .filter((n) => !sameName(n, change.name))
          .join('\n'),
      }));
    case 'remove-profile': {
      const key = profileKey(change.line);
      return withPerson(settings, change.person, (p) => ({
        ...p,
        profiles: p.profiles
          .split(/\r?\n/)
          .filter((l) => !l.trim() || profileKey(l) !== key)
          .join('\n')
          .trim(),
      }));
    }
    case 'remove-site': {
      const key = customSiteKey(change);
      return { ...settings, customSites: settings.customSites.filter((s) => customSiteKey(s) !== key) };
    }
    default:
      return settings;
  }
}

/**
 * `settings` with one person changed. Someone around them with nothing left (no name, no other
 * name, no profile) is no longer listed.
 */
function withPerson(settings: Settings, id: string | undefined, change: (p: Person) => Person): Settings {
  if (!id || id === THEM) return { ...settings, person: change(settings.person) };
  return {
    ...settings,
    others: settings.others.flatMap((p) => {
      if (p.id !== id) return [p];
      const next = change(p);
      return listsAnything(next) ? [next] : [];
    }),
  };
}

export interface Settled {
  settings: Settings;
  period: Period | null;
  pending: PendingChange[];
  /** The period closed by a due "end early", to keep in the history of periods. */
  archived: PastPeriod | null;
  /** Hosts of custom sites that are gone, whose site access can be given back. */
  removedHosts: string[];
  /** A due "Delete everything": the caller erases all that is left. */
  eraseEverything: boolean;
  applied: PendingChange[];
}

/**
 * Applies the changes whose wait is over, in the order they were asked for. When no period is
 * active any more (it ended, or was closed), nothing is left to protect and every change is due.
 */
export function settle(
  settings: Settings,
  period: Period | null,
  pending: readonly PendingChange[],
  now: number,
): Settled {
  const locked = lockActive(period, now);
  const due = pending.filter((p) => !locked || p.effectiveAt <= now).sort((a, b) => a.requestedAt - b.requestedAt);
  const rest = pending.filter((p) => !due.includes(p));
  let nextSettings = settings;
  let nextPeriod = period;
  let archived: PastPeriod | null = null;
  let eraseEverything = false;
  const removedHosts: string[] = [];
  for (const { change, requestedAt } of due) {
    if (change.kind === 'delete-everything') eraseEverything = true;
    else if (change.kind === 'end-period') {
      if (nextPeriod && nextPeriod.id === change.periodId) {
        archived = closePeriod(nextPeriod, change.how, change.readiness, now);
        nextSettings = settingsAfterEnd(nextSettings, change);
        nextPeriod = null;
      }
    } else {
      const typedSince = pending.some(
        (p) => p.change.kind === 'remove-name' && p.change.person === THEM && p.requestedAt > requestedAt,
      );
      nextSettings = applyToSettings(nextSettings, change, { typedSince });
      if (change.kind === 'remove-site' && !hostStillUsed(nextSettings, change.host)) removedHosts.push(change.host);
    }
  }
  return {
    settings: nextSettings,
    period: nextPeriod,
    pending: rest,
    archived,
    removedHosts,
    eraseEverything,
    applied: due,
  };
}

/** Whether a custom site or a profile page still needs access to `host`. */
export function hostStillUsed(settings: Settings, host: string): boolean {
  const bare = host.replace(/^www\./, '');
  return (
    settings.customSites.some((s) => s.host.replace(/^www\./, '') === bare) ||
    everyone(settings).some((p) => personTargets(p.profiles).some((t) => t.kind === 'page' && t.host === bare))
  );
}

/** When the background should next wake to settle, if anything waits. */
export function nextDue(pending: readonly PendingChange[]): number | null {
  return pending.length ? Math.min(...pending.map((p) => p.effectiveAt)) : null;
}

/** Sites a settings change keeps listed only because their removal waits. */
export function heldSites(pending: readonly PendingChange[]): CustomSite[] {
  return pending.flatMap((p) =>
    p.change.kind === 'remove-site' ? [{ host: p.change.host, path: p.change.path, label: p.change.label }] : [],
  );
}
