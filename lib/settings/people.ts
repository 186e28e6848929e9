import { MAX_OTHER_PEOPLE } from './limits';
import { SaveRefused } from './refusal';
import type { Person, Settings } from './schema';
import { THEM } from './schema';

/**
 * Everyone whose pages are paused: the person the period is about, then the people around them
 * the user added (a new partner, a best friend). Each is a `Person`; this module reads and
 * changes them as one list. It stays small, for the popup: the names a search is stopped for are
 * `namesOf` in `detection/policy.ts`, beside the search matching they need.
 */

/** The person the period is about, then the people around them. */
export function everyone(settings: Pick<Settings, 'person' | 'others'>): Person[] {
  return [settings.person, ...settings.others];
}

/** Whether anything of theirs is listed: a name, another name or a profile line. */
export function listsAnything(person: Pick<Person, 'name' | 'otherNames' | 'profiles'>): boolean {
  return !!(person.name.trim() || person.otherNames.trim() || person.profiles.trim());
}

/** Whether anyone besides the person the period is about has anything listed. */
export function hasOthers(settings: Pick<Settings, 'others'>): boolean {
  return settings.others.some(listsAnything);
}

export function newPersonId(): string {
  return crypto.randomUUID();
}

/**
 * `settings` with `person` saved in their place: the person the period is about, someone already
 * listed, or someone new at the end. Throws when someone new would be one too many.
 */
export function withPersonSaved(settings: Settings, person: Person): Settings {
  if (person.id === THEM) return { ...settings, person };
  if (settings.others.some((p) => p.id === person.id)) {
    return { ...settings, others: settings.others.map((p) => (p.id === person.id ? person : p)) };
  }
  if (settings.others.length >= MAX_OTHER_PEOPLE) {
    throw new SaveRefused(`You can list up to ${MAX_OTHER_PEOPLE} people around them. Nothing was saved.`);
  }
  return { ...settings, others: [...settings.others, person] };
}

/** `settings` without someone around them (the cool-off keeps what waits; see `lib/lock`). */
export function withPersonRemoved(settings: Settings, id: string): Settings {
  return { ...settings, others: settings.others.filter((p) => p.id !== id) };
}
