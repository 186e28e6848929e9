import { localTime } from '../period/calendar';
import {
  type ContactKind,
  type HowItWent,
  MAX_PROMPT_ID_LENGTH,
  type NewContact,
  type NewUrge,
  NOTE_MAX_LENGTH,
  type Outcome,
  TRIGGERS,
  type Trigger,
  type Urge,
  type UrgeCategory,
  type UrgeContextKind,
} from './types';

/**
 * Builds and checks the records a person creates: urges and contacts. Pure, and free of Dexie, so
 * the popup can use it with the lightweight reader.
 */

export interface UrgeMoment {
  time: number;
  host: string;
  category: UrgeCategory;
  context: UrgeContextKind;
  periodId: string | null;
  outcome?: Outcome;
  intensity?: number | null;
}

/** A new urge, stamped with the local day, hour and weekday it happened on. */
export function newUrge(moment: UrgeMoment, timeZone?: string): NewUrge {
  const local = localTime(moment.time, timeZone);
  return {
    time: moment.time,
    day: local.day,
    hour: local.hour,
    weekday: local.weekday,
    host: moment.host,
    category: moment.category,
    context: moment.context,
    intensity: moment.intensity ?? null,
    trigger: null,
    note: '',
    outcome: moment.outcome ?? 'resisted',
    answer: '',
    periodId: moment.periodId,
  };
}

export type UrgeChanges = Partial<
  Pick<Urge, 'intensity' | 'trigger' | 'note' | 'outcome' | 'answer' | 'continued' | 'prompt'>
>;

const TRIGGER_IDS = new Set<string>(TRIGGERS.map((t) => t.id));

export function isTrigger(value: unknown): value is Trigger {
  return typeof value === 'string' && TRIGGER_IDS.has(value);
}

/** Checks the fields a person can change on an urge; throws a readable error on a bad value. */
export function checkUrgeChanges(changes: UrgeChanges): UrgeChanges {
  const out: UrgeChanges = {};
  if ('intensity' in changes) {
    const v = changes.intensity;
    if (v !== null && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5)) {
      throw new RangeError('Intensity is a whole number from 1 to 5.');
    }
    out.intensity = v ?? null;
  }
  if ('trigger' in changes) {
    const v = changes.trigger;
    if (v !== null && !isTrigger(v)) throw new RangeError('That trigger is not on the list.');
    out.trigger = v ?? null;
  }
  if ('note' in changes) {
    const v = changes.note ?? '';
    if (v.length > NOTE_MAX_LENGTH) throw new RangeError(`A note can be at most ${NOTE_MAX_LENGTH} characters.`);
    out.note = v;
  }
  if ('answer' in changes) {
    const v = changes.answer ?? '';
    if (v.length > NOTE_MAX_LENGTH) throw new RangeError(`An answer can be at most ${NOTE_MAX_LENGTH} characters.`);
    out.answer = v;
  }
  if ('outcome' in changes) {
    if (changes.outcome !== 'resisted' && changes.outcome !== 'gave-in') throw new RangeError('Unknown outcome.');
    out.outcome = changes.outcome;
    // Marked as resisted after all (an edit of the history): it no longer counts as going on.
    if (changes.outcome === 'resisted') out.continued = false;
  }
  if ('prompt' in changes) {
    const v = changes.prompt;
    if (typeof v !== 'string' || v.length > MAX_PROMPT_ID_LENGTH) throw new RangeError('That question is not known.');
    out.prompt = v;
  }
  if ('continued' in changes && out.continued === undefined) {
    if (typeof changes.continued !== 'boolean') throw new RangeError('Whether it went on is true or false.');
    out.continued = changes.continued;
  }
  return out;
}

export interface ContactMoment {
  time: number;
  kind: ContactKind;
  startedBy: 'me' | 'them';
  howItWent?: HowItWent | null;
  note?: string;
  periodId: string | null;
}

const HOW_IT_WENT = new Set<string>(['helped', 'mixed', 'hurt', 'unsure']);

/** A contact, stamped with its local day; its note is checked like an urge's. */
export function newContact(moment: ContactMoment, timeZone?: string): NewContact {
  const note = moment.note ?? '';
  if (note.length > NOTE_MAX_LENGTH) throw new RangeError(`A note can be at most ${NOTE_MAX_LENGTH} characters.`);
  const how = moment.howItWent ?? null;
  if (how !== null && !HOW_IT_WENT.has(how)) throw new RangeError('Unknown answer to how it went.');
  return {
    time: moment.time,
    day: localTime(moment.time, timeZone).day,
    kind: moment.kind,
    startedBy: moment.startedBy,
    howItWent: how,
    note,
    periodId: moment.periodId,
  };
}
