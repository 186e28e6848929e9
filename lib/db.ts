import { Dexie, type EntityTable } from 'dexie';
import type { DayKey } from './calendar';

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

export class BreathingRoomDb extends Dexie {
  urges!: EntityTable<Urge, 'id'>;
  letters!: EntityTable<Letter, 'id'>;

  constructor(name = 'breathing-room') {
    super(name);
    // Version 1: the urge log. `time` orders history and bounds date ranges; `day` answers
    // "today" with an index count; [outcome+time] counts resisted urges over a range.
    this.version(1).stores({
      urges: '++id, time, day, outcome, [outcome+time], periodId',
    });
    // Version 2: unsent letters, newest first by `updatedAt`; urges gain a typed `answer`.
    this.version(2)
      .stores({ letters: '++id, updatedAt' })
      .upgrade((tx) =>
        tx
          .table('urges')
          .toCollection()
          .modify((urge: Partial<Urge>) => {
            urge.answer ??= '';
          }),
      );
  }
}

let instance: BreathingRoomDb | null = null;

/** The extension's database. Only extension pages open it; content scripts never do. */
export function getDb(): BreathingRoomDb {
  instance ??= new BreathingRoomDb();
  return instance;
}
