import { parseProfiles } from './detection/person';
import { namesOf } from './detection/policy';
import { type DayKey, dayKeyOf } from './period/calendar';
import { DEFAULT_COOL_OFF_HOURS, DEFAULT_LENGTH_DAYS, type Period, validatePeriodForm } from './period/period';
import { MAX_CALM_NOTE_LENGTH, MAX_PLAN_LENGTH, MAX_PLANS } from './settings/limits';
import { DEFAULT_SETTINGS, otherNameLines, type Person, personProblem, type Settings, THEM } from './settings/schema';

/**
 * The guided first run: five steps, one state object for the whole run, so nothing typed on one
 * step is lost by going back or forth. This module is its pure part: the state, each step's
 * checks (worded for beside the field), and the settings and period it saves in the end. The page
 * is `components/welcome/`.
 */

export const STEP_COUNT = 5;
export type Step = 1 | 2 | 3 | 4 | 5;

export interface FirstRun {
  /** Step 1: when no contact began, and for how long (as typed). */
  startDate: string;
  lengthDays: string;
  /** Step 2: the person, as typed (lines that can't be read are kept, as the settings page keeps them). */
  name: string;
  otherNames: string;
  profiles: string;
  /** Step 3: what to pause. Both off is "only them". */
  social: boolean;
  messaging: boolean;
  askOnMessaging: boolean;
  /** Step 4: always `MAX_PLANS` drafts, empty ones included, so each field keeps its place. */
  plans: readonly string[];
  calmNote: string;
  /** Step 5: the cool-off, in hours, as typed. */
  coolOffHours: string;
}

export function freshRun(today: DayKey = dayKeyOf(Date.now())): FirstRun {
  return {
    startDate: today,
    lengthDays: String(DEFAULT_LENGTH_DAYS),
    name: '',
    otherNames: '',
    profiles: '',
    social: DEFAULT_SETTINGS.categories.social,
    messaging: DEFAULT_SETTINGS.categories.messaging,
    askOnMessaging: DEFAULT_SETTINGS.askOnMessaging,
    plans: planDrafts([]),
    calmNote: '',
    coolOffHours: String(DEFAULT_COOL_OFF_HOURS),
  };
}

/** Whether anything differs from a fresh run: leaving then asks first. */
export function runTouched(run: FirstRun, fresh: FirstRun): boolean {
  return (Object.keys(fresh) as (keyof FirstRun)[]).some(
    (key) => JSON.stringify(run[key]) !== JSON.stringify(fresh[key]),
  );
}

/** Where an error is shown: one key per field (plans by their place). */
export type FieldKey =
  | 'startDate'
  | 'lengthDays'
  | 'name'
  | 'otherNames'
  | 'profiles'
  | 'plan0'
  | 'plan1'
  | 'plan2'
  | 'calmNote'
  | 'coolOffHours';
export type FieldErrors = Partial<Record<FieldKey, string>>;

/** The step each field is on, so an error is shown where it belongs. */
export const STEP_OF: Record<FieldKey, Step> = {
  startDate: 1,
  lengthDays: 1,
  name: 2,
  otherNames: 2,
  profiles: 2,
  plan0: 4,
  plan1: 4,
  plan2: 4,
  calmNote: 4,
  coolOffHours: 5,
};

/** `MAX_PLANS` drafts from stored plans: the stored ones first, then empty fields. */
export function planDrafts(plans: readonly string[]): string[] {
  return Array.from({ length: MAX_PLANS }, (_, i) => plans[i] ?? '');
}

/** Plans as stored: trimmed, empty ones dropped. */
export function cleanPlans(drafts: readonly string[]): string[] {
  return drafts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Why the plans or the note can't be saved, beside the field. Nothing is cut short to fit: a plan
 * that is too long is refused with its length, so no typed word is dropped without a word.
 */
export function planErrors(drafts: readonly string[], calmNote: string): FieldErrors {
  const errors: FieldErrors = {};
  drafts.forEach((draft, i) => {
    const length = draft.trim().length;
    if (i < MAX_PLANS && length > MAX_PLAN_LENGTH) {
      errors[`plan${i}` as FieldKey] =
        `This plan is ${length} characters; a plan can be at most ${MAX_PLAN_LENGTH}. Shorten it a little to keep it.`;
    }
  });
  const noteLength = calmNote.trim().length;
  if (noteLength > MAX_CALM_NOTE_LENGTH) {
    errors.calmNote = `Your note is ${noteLength.toLocaleString('en')} characters; it can be at most ${MAX_CALM_NOTE_LENGTH.toLocaleString('en')}. Shorten it a little to keep it.`;
  }
  return errors;
}

/** The checks of one step, worded for beside its field. Empty when the step can go on. */
export function checkStep(run: FirstRun, step: Step, today: DayKey): FieldErrors {
  if (step === 1 || step === 5) {
    const result = validatePeriodForm(run, today);
    if (result.ok) return {};
    const { startDate, lengthDays, coolOffHours } = result.errors;
    if (step === 5) return coolOffHours ? { coolOffHours } : {};
    return { ...(startDate ? { startDate } : {}), ...(lengthDays ? { lengthDays } : {}) };
  }
  if (step === 2) {
    // The settings page's limits and words, each beside its own field; nothing is saved yet, so
    // "Nothing was saved" is left off.
    const beside = (problem: string | null) => problem?.replace(/ Nothing was saved\.$/, '');
    const name = beside(personProblem({ name: run.name.trim(), profiles: '' }));
    const otherNames = beside(personProblem({ name: '', otherNames: run.otherNames, profiles: '' }));
    const profiles = beside(personProblem({ name: '', profiles: run.profiles }));
    return {
      ...(name ? { name } : {}),
      ...(otherNames ? { otherNames } : {}),
      ...(profiles ? { profiles } : {}),
    };
  }
  if (step === 4) return planErrors(run.plans, run.calmNote);
  return {};
}

/** The first step (in order) that can't go on, with its errors; null when every step is fine. */
export function firstProblem(run: FirstRun, today: DayKey): { step: Step; errors: FieldErrors } | null {
  for (const step of [1, 2, 3, 4, 5] as const) {
    const errors = checkStep(run, step, today);
    if (Object.keys(errors).length) return { step, errors };
  }
  return null;
}

export type FirstRunChoices = Pick<Settings, 'categories' | 'askOnMessaging' | 'person' | 'plans' | 'calmNote'>;

export type FirstRunSave =
  | { ok: true; choices: FirstRunChoices; period: Pick<Period, 'startDate' | 'lengthDays' | 'coolOffHours'> }
  | { ok: false; step: Step; errors: FieldErrors };

/** What Start saves: the settings chosen on the way (over whatever is stored) and the period. */
export function toSave(run: FirstRun, today: DayKey): FirstRunSave {
  const problem = firstProblem(run, today);
  if (problem) return { ok: false, ...problem };
  const period = validatePeriodForm(run, today);
  if (!period.ok) return { ok: false, step: 1, errors: period.errors };
  return {
    ok: true,
    choices: {
      categories: { social: run.social, messaging: run.messaging },
      askOnMessaging: run.askOnMessaging,
      person: {
        id: THEM,
        name: run.name.trim(),
        otherNames: otherNameLines(run.otherNames).join('\n'),
        profiles: run.profiles,
      },
      plans: cleanPlans(run.plans),
      calmNote: run.calmNote.trim(),
    },
    period: period.value,
  };
}

/** Applies the choices to the stored settings, keeping everything the first run does not ask about. */
export function withChoices(settings: Settings, choices: FirstRunChoices): Settings {
  return { ...settings, ...choices };
}

/**
 * What is paused with these choices, one phrase a line, in the words the steps use. Empty when
 * nothing would be: the caller says so plainly.
 */
export function pausedPhrases(choices: {
  categories: Settings['categories'];
  askOnMessaging: boolean;
  person: Pick<Person, 'name' | 'otherNames' | 'profiles'>;
}): string[] {
  const phrases: string[] = [];
  if (choices.categories.social) phrases.push('social sites');
  if (choices.categories.messaging) {
    phrases.push(
      choices.askOnMessaging ? 'messaging (asking first whether it’s about them)' : 'messaging (a full pause)',
    );
  }
  const places = parseProfiles(choices.person.profiles).filter((l) => l.ok).length;
  if (places) phrases.push(places === 1 ? 'their profile' : `their ${places} profiles`);
  const names = namesOf(choices.person).map((n) => `“${n}”`);
  if (names.length)
    phrases.push(`searches for ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]}`);
  return phrases;
}

/** Lines under "Their profiles" that can't be read: kept as typed, but not paused until fixed. */
export function unreadableLines(profiles: string): number {
  return parseProfiles(profiles).filter((l) => !l.ok).length;
}

/** "a, b and c". */
export function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}
