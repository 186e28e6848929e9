/**
 * What Breathing Room stores in IndexedDB, and the names of its indexes. Kept apart from the
 * Dexie class (`db.ts`) so views that read through `idb-lite.ts` don't pull Dexie in.
 */
import type { DayKey } from '../period/calendar';

export type Outcome = 'resisted' | 'gave-in';
/** Where the urge happened: a kind of page, or away from the browser (logged from the popup). */
export type UrgeContextKind = 'feed' | 'messaging' | 'profile' | 'search' | 'away';
/** What stopped the visit (see `MatchKind`), or `away` for one logged from the popup. */
export type UrgeCategory = 'social' | 'messaging' | 'person' | 'search' | 'custom' | 'away';

export const TRIGGERS = [
  { id: 'lonely', label: 'Feeling lonely' },
  { id: 'bored', label: 'Bored or restless' },
  { id: 'memory', label: 'A memory or a song' },
  { id: 'saw-something', label: 'Saw something about them' },
  { id: 'cant-sleep', label: 'Can’t sleep' },
  { id: 'stressed', label: 'Stressed or upset' },
  { id: 'drinking', label: 'After a drink' },
  { id: 'other', label: 'Something else' },
] as const;
export type Trigger = (typeof TRIGGERS)[number]['id'];

export const NOTE_MAX_LENGTH = 2000;

export interface Urge {
  id: number;
  /** Epoch ms. */
  time: number;
  /** Local calendar day, hour and weekday when it happened: kept so history reads as lived. */
  day: DayKey;
  hour: number;
  weekday: number;
  /** Host of the stopped page; empty for an urge logged away from the browser. */
  host: string;
  category: UrgeCategory;
  context: UrgeContextKind;
  /** 1 (a flicker) to 5 (overwhelming); null until the user rates it. */
  intensity: number | null;
  trigger: Trigger | null;
  note: string;
  outcome: Outcome;
  /** The typed answer to the prompt's question, when going on asked for one. */
  answer: string;
  /** The no-contact period it belongs to, if one was running. */
  periodId: string | null;
}

export type NewUrge = Omit<Urge, 'id'>;

/** An unsent letter: written instead of a message, kept on this device, never sent. */
export interface Letter {
  id: number;
  createdAt: number;
  updatedAt: number;
  body: string;
  /** Where it was written from (the stopped site's host), if anywhere. */
  host: string;
  periodId: string | null;
}

export const LETTER_MAX_LENGTH = 50_000;

/**
 * A contact with them. `contact` is real contact (a message, a call, a meeting; either of you may
 * have started it) and restarts the contact-free streak. `they-reached-out` is a message from
 * them that you did not answer: worth recording, and it breaks nothing.
 */
export type ContactKind = 'contact' | 'they-reached-out';
export type HowItWent = 'helped' | 'mixed' | 'hurt' | 'unsure';

export interface Contact {
  id: number;
  time: number;
  day: DayKey;
  kind: ContactKind;
  startedBy: 'me' | 'them';
  howItWent: HowItWent | null;
  note: string;
  periodId: string | null;
}

export type NewContact = Omit<Contact, 'id'>;

/** How a period ended. `completed` is one that ran its course and was closed without a choice. */
export type ClosedHow = 'moved-on' | 'reconnected';

/** A finished period, kept for the history of periods. */
export interface PastPeriod {
  id: string;
  startDate: DayKey;
  lengthDays: number;
  createdAt: number;
  closedAt: number;
  closedHow: ClosedHow;
  /** Checklist items ticked in the readiness check, out of how many. */
  readiness: { ticked: number; of: number } | null;
}

/** Index names shared by Dexie's schema and the lightweight reader in `idb-lite.ts`. */
export const INDEX = {
  time: 'time',
  day: 'day',
  outcomeTime: '[outcome+time]',
  /** Version 3 only; version 4 counts from daily summaries instead. */
  outcomeDay: '[outcome+day]',
  dayOutcome: '[day+outcome]',
  periodId: 'periodId',
  /** Version 3 only. */
  periodOutcome: '[periodId+outcome]',
  /** Version 3 only. */
  periodWeekdayHour: '[periodId+weekday+hour]',
  /** Version 3 only. */
  periodTrigger: '[periodId+trigger]',
  /** Version 3 only. */
  periodHost: '[periodId+host]',
  kindTime: '[kind+time]',
  closedAt: 'closedAt',
} as const;

export const DB_NAME = 'breathing-room';
