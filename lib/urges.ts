import { Dexie } from 'dexie';
import { type DayKey, localTime } from './calendar';
import {
  type BreathingRoomDb,
  type NewUrge,
  NOTE_MAX_LENGTH,
  type Outcome,
  TRIGGERS,
  type Trigger,
  type Urge,
  type UrgeCategory,
  type UrgeContextKind,
} from './db';
import { ESCALATION_WINDOW_MS } from './escalation';

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

export type UrgeChanges = Partial<Pick<Urge, 'intensity' | 'trigger' | 'note' | 'outcome' | 'answer'>>;

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
  }
  return out;
}

export async function recordUrge(db: BreathingRoomDb, urge: NewUrge): Promise<number> {
  return db.urges.add(urge as Urge);
}

export async function updateUrge(db: BreathingRoomDb, id: number, changes: UrgeChanges): Promise<void> {
  const updated = await db.urges.update(id, checkUrgeChanges(changes));
  if (!updated) throw new Error('That urge is no longer in your log.');
}

/** Urges in the hour up to `time`, not counting the urge `self` (the one this hour is about). */
export async function urgesInHourBefore(db: BreathingRoomDb, time: number, self?: number): Promise<number> {
  const range = db.urges.where('time').between(time - ESCALATION_WINDOW_MS, time, true, true);
  return self === undefined ? range.count() : range.filter((u) => u.id !== self).count();
}

export interface UrgeCounts {
  today: number;
  period: number;
  periodResisted: number;
}

/**
 * The popup's numbers, answered from indexes with counts: no table scan, however long the log.
 * `periodStart` is the instant the period's first day began.
 */
export async function urgeCounts(db: BreathingRoomDb, today: DayKey, periodStart: number | null): Promise<UrgeCounts> {
  const [todayCount, period, periodResisted] = await Promise.all([
    db.urges.where('day').equals(today).count(),
    periodStart === null ? 0 : db.urges.where('time').aboveOrEqual(periodStart).count(),
    periodStart === null
      ? 0
      : db.urges.where('[outcome+time]').between(['resisted', periodStart], ['resisted', Dexie.maxKey]).count(),
  ]);
  return { today: todayCount, period, periodResisted };
}
