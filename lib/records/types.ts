/**
 * The rows Breathing Room stores in IndexedDB: one type per kind of record, shared by Dexie
 * (`db.ts`) and the popup's lean path (`idb-lite.ts`). The stores and indexes are in `schema.ts`.
 */
import type { DayKey } from '../period/calendar';

/**
 * How an urge ended. The stored value `gave-in` keeps its name, so every backup stays readable;
 * everywhere it is shown it reads as `OUTCOME_LABELS` says, in neutral words.
 */
export type Outcome = 'resisted' | 'gave-in';

/** What each outcome is called wherever it is shown: the history, the charts, the spreadsheet. */
export const OUTCOME_LABELS: Record<Outcome, string> = { resisted: 'Resisted', 'gave-in': 'Went on' };
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

/** A library item's id, as an urge keeps the question its answer was typed to. */
export const MAX_PROMPT_ID_LENGTH = 100;
export const NOTE_MAX_LENGTH = 2000;

export interface Urge {
  /** This device's row number. */
  id: number;
  /** The stable id every copy of this urge keeps (see `newUid` in schema.ts). */
  uid: string;
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
  /** The id of the library question the answer was typed to (see `content/library.ts`). */
  prompt?: string;
  /**
   * True when the person went on with Continue from the pause page: only these lengthen later
   * pauses. Never set by the popup or by editing the history. Absent on rows from before it existed.
   */
  continued?: boolean;
  /** The no-contact period it belongs to, if one was running. */
  periodId: string | null;
}

/** An urge before it is added: the add stamps its `id` and `uid`. */
export type NewUrge = Omit<Urge, 'id' | 'uid'>;

/** An unsent letter: written instead of a message, kept on this device, never sent. */
export interface Letter {
  id: number;
  /** The stable id every copy of this letter keeps. */
  uid: string;
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
  /** The stable id every copy of this contact keeps. */
  uid: string;
  time: number;
  day: DayKey;
  kind: ContactKind;
  startedBy: 'me' | 'them';
  howItWent: HowItWent | null;
  note: string;
  periodId: string | null;
}

export type NewContact = Omit<Contact, 'id' | 'uid'>;

/** How a period ended. `completed` is one that ran its course and was closed without a choice. */
export type ClosedHow = 'moved-on' | 'reconnected';

/** A finished period, kept for the history of periods. */
export interface PastPeriod {
  /** The period's own id, a random UUID made when it started: stable on every device. */
  id: string;
  startDate: DayKey;
  lengthDays: number;
  createdAt: number;
  closedAt: number;
  closedHow: ClosedHow;
  /** Checklist items ticked in the readiness check, out of how many. */
  readiness: { ticked: number; of: number } | null;
}
