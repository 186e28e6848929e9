import { LIBRARY, type LibraryItem, type PromptContext, type Theme } from '@/content/library';
import { REMEMBERED_SHOWN } from '../settings/limits';

/** A source of numbers in [0, 1): `Math.random` in the product, a seeded one in tests. */
export type Random = () => number;

/**
 * How many of the most recently shown prompts are never shown again straight away: forty, so that
 * over a month of ten pauses a day on one kind of page no prompt comes back within forty pauses,
 * nor more than eight times in all.
 */
export const NO_REPEAT_WINDOW = 40;
/** The same for things to do instead, of which fewer exist: the last two visits' three each. */
export const ALTERNATIVES_WINDOW = 6;
/** How many shown ids are remembered, prompts, alternatives and own words together. */
export const REMEMBERED = REMEMBERED_SHOWN;

const KIND_OF = new Map(LIBRARY.map((item) => [item.id, item.kind]));

export interface PromptMoment {
  /** The kind of page: feed, their profile, messaging, or a name search. */
  context: Exclude<PromptContext, 'late-night'>;
  /** Local hour, 0-23. 23:00 to 05:00 counts as late night. */
  hour: number;
  /** Where the period stands, if one is running. */
  day: { day: number; of: number } | null;
  /** Ids shown recently, oldest first. */
  recent: readonly string[];
  /** The contact on record (this period's): words about a slip or their message wait for it. */
  contacts?: { any: boolean; fromThem: boolean; fromMe: boolean };
}

/**
 * Themes that speak of something that may not have happened: a slip, their message, or a message
 * of yours left unanswered. Each waits until the contact log says it did.
 */
const AFTER_CONTACT: Partial<Record<Theme, (c: NonNullable<PromptMoment['contacts']>) => boolean>> = {
  'if-i-slip': (c) => c.any,
  'why-they-reach-out': (c) => c.fromThem,
  'no-reply': (c) => c.fromMe,
};

/** Whether an item's moment has come: words about contact only once that contact is on record. */
function happened(item: LibraryItem, moment: PromptMoment): boolean {
  const needs = AFTER_CONTACT[item.theme];
  return !needs || needs(moment.contacts ?? { any: false, fromThem: false, fromMe: false });
}

export function isLateNight(hour: number): boolean {
  return hour >= 23 || hour < 5;
}

/** Themes leaned on early in a period, and in its last week. */
const EARLY_THEMES: readonly Theme[] = ['urges-pass', 'why-no-contact'];
const LATE_THEMES: readonly Theme[] = ['readiness'];
/** On their own profile, the strongest words: what contact costs, and why you are reaching. */
const PROFILE_THEMES: readonly Theme[] = ['cost-of-contact', 'why-reaching', 'on-off-cycle', 'why-no-contact'];
export const EARLY_DAYS = 7;
/** Themes with places of their own (the popup's milestones, the way out), never used as prompts. */
const OWN_PLACE_THEMES: readonly Theme[] = ['milestone', 'reconnect-with-care', 'completion', 'moving-on-check'];

function weight(item: LibraryItem, moment: PromptMoment): number {
  if (!happened(item, moment)) return 0;
  const late = isLateNight(moment.hour);
  const fitsPage = item.contexts.includes(moment.context);
  const fitsHour = late && item.contexts.includes('late-night');
  if (!fitsPage && !fitsHour) return 0;
  let w = 1 + (fitsPage ? 2 : 0) + (fitsHour ? 3 : 0);
  if (moment.context === 'profile' && PROFILE_THEMES.includes(item.theme)) w *= 2;
  const day = moment.day;
  if (day && day.day <= EARLY_DAYS && EARLY_THEMES.includes(item.theme)) w *= 3;
  if (day && day.of - day.day < 7 && LATE_THEMES.includes(item.theme)) w *= 4;
  return w;
}

function pick<T>(items: readonly T[], weights: readonly number[], random: Random): T | undefined {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return items[i];
  }
  return items.at(-1);
}

/**
 * Chooses library items for a moment: fitted to the page and the hour, leaning on "urges pass"
 * and "why no contact" in the first week and on readiness in the last, and never one of the last
 * forty shown. Pure: the same moment and random source give the same choice.
 */
export function selectItems(
  moment: PromptMoment,
  kinds: readonly LibraryItem['kind'][],
  count: number,
  random: Random = Math.random,
  library: readonly LibraryItem[] = LIBRARY,
): LibraryItem[] {
  // Each kind has its own window: showing alternatives never pushes prompts out of memory.
  const window = kinds.includes('alternative') ? ALTERNATIVES_WINDOW : NO_REPEAT_WINDOW;
  const recentOfKinds = moment.recent.filter((id) => {
    const kind = KIND_OF.get(id);
    return kind !== undefined && kinds.includes(kind);
  });
  const recent = new Set(recentOfKinds.slice(-window));
  const candidates = library.filter((item) => kinds.includes(item.kind) && !OWN_PLACE_THEMES.includes(item.theme));
  const scored = candidates.map((item) => ({ item, w: weight(item, moment) })).filter((s) => s.w > 0);
  const fresh = scored.filter((s) => !recent.has(s.item.id));
  // Should everything that fits have been shown lately, repeat the ones shown longest ago.
  const oldestFirst = scored
    .filter((s) => recent.has(s.item.id))
    .sort((a, b) => recentOfKinds.indexOf(a.item.id) - recentOfKinds.indexOf(b.item.id));
  const pool = fresh.length >= count ? fresh : [...fresh, ...oldestFirst.slice(0, count - fresh.length)];
  const chosen: LibraryItem[] = [];
  const remaining = [...pool];
  while (chosen.length < count && remaining.length) {
    const next = pick(
      remaining.map((s) => s.item),
      remaining.map((s) => s.w),
      random,
    );
    if (!next) break;
    chosen.push(next);
    remaining.splice(
      remaining.findIndex((s) => s.item === next),
      1,
    );
  }
  return chosen;
}

/**
 * One reflection prompt: a reminder or a question; when going on takes a typed answer, an open
 * question (never one answered by yes or no).
 */
export function selectPrompt(
  moment: PromptMoment,
  random: Random = Math.random,
  openQuestionOnly = false,
  library: readonly LibraryItem[] = LIBRARY,
): LibraryItem {
  const pool = openQuestionOnly ? library.filter((item) => item.open) : library;
  const [item] = selectItems(moment, openQuestionOnly ? ['question'] : ['question', 'reminder'], 1, random, pool);
  if (!item) throw new Error('The reflection library has nothing for this moment.');
  return item;
}

/** Three things to do instead. */
export function selectAlternatives(moment: PromptMoment, random: Random = Math.random): LibraryItem[] {
  return selectItems(moment, ['alternative'], 3, random);
}

/** The ids to remember after showing `shown` (the prompt and the alternatives), oldest first. */
export function rememberShown(recent: readonly string[], shown: readonly string[]): string[] {
  const ids = [...recent.filter((id) => !shown.includes(id)), ...shown];
  return ids.slice(-REMEMBERED);
}

/** Items of one theme, leaving out those that need more days kept than so far. */
export function itemsOfTheme(theme: Theme, daysKept = 0, library: readonly LibraryItem[] = LIBRARY): LibraryItem[] {
  return library.filter((item) => item.theme === theme && (item.minDaysKept ?? 0) <= daysKept);
}

/** One of the person's own plans, or their calm note, as the pause page shows it. */
export interface OwnWords {
  id: string;
  kind: 'plan' | 'note';
  text: string;
}

/**
 * The person's own words for this pause: of their plans and their note, one never shown lately
 * (in the order they wrote them), or else the one shown longest ago, so several take turns.
 */
export function selectOwnWords(
  own: { plans: readonly string[]; calmNote: string },
  recent: readonly string[],
): OwnWords | null {
  const note = own.calmNote.trim();
  const items: OwnWords[] = [
    ...own.plans.map((text, i) => ({ id: `own:plan:${i}`, kind: 'plan' as const, text })),
    ...(note ? [{ id: 'own:note', kind: 'note' as const, text: note }] : []),
  ];
  const last = (item: OwnWords) => recent.lastIndexOf(item.id);
  return items.reduce<OwnWords | null>((best, item) => (!best || last(item) < last(best) ? item : best), null);
}
