import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { describeGaps } from '@/lib/background/protection-health';
import { parseProfiles } from '@/lib/detection/person';
import { namesOf } from '@/lib/detection/policy';
import { parsePending, pendingChangesItem, saveSettingsWithCoolOff } from '@/lib/lock/pending';
import { formatWait } from '@/lib/lock/wording';
import { confirmApplied } from '@/lib/messages/send';
import { MAX_NAME_LENGTH, MAX_OTHER_PEOPLE } from '@/lib/settings/limits';
import { listsAnything, newPersonId, withPersonRemoved, withPersonSaved } from '@/lib/settings/people';
import { SaveRefused } from '@/lib/settings/refusal';
import { otherNameLines, type Person, personProblem, THEM } from '@/lib/settings/schema';
import type { Settings } from '@/lib/settings/settings';
import { hostsWithoutAccess, profilePageHosts, requestHostAccess } from '@/lib/settings/site-access';
import { NameHint, nameHintIds } from '../NameHint';
import { OtherNamesField } from '../OtherNamesField';
import { ProfileLines } from '../ProfileLines';
import { useStoredValue } from '../use-stored-value';
import { inTurn, useUnsavedEdits } from './unsaved-edits';

type Saved = Awaited<ReturnType<typeof saveSettingsWithCoolOff>>;

/** What Start says it saved along with the period: "Their name and 2 profiles were saved too." */
function savedTooSentence(stored: Person, unreadable: number, them: boolean): string {
  const places = parseProfiles(stored.profiles).filter((l) => l.ok).length;
  const named = namesOf(stored).length > 0;
  const profiles = places === 1 ? '1 profile' : `${places} profiles`;
  const names = namesOf(stored).length === 1 ? 'name' : 'names';
  let saved: string;
  if (named && places) saved = `Their ${names} and ${profiles} were saved too.`;
  else if (named) saved = names === 'name' ? 'Their name was saved too.' : 'Their names were saved too.';
  else if (places === 1) saved = 'Their profile was saved too.';
  else if (places) saved = `Their ${profiles} were saved too.`;
  else saved = 'Their details were saved too.';
  // Someone around them is named, so it is clear whose.
  if (!them)
    saved = `${stored.name.trim() || 'Someone around them'}: ${saved.charAt(0).toLowerCase()}${saved.slice(1)}`;
  if (!unreadable) return saved;
  const one = unreadable === 1;
  return `${saved} ${one ? 'One line' : `${unreadable} lines`} under “${them ? 'Their profiles' : 'Profiles'}” couldn’t be read. ${one ? 'It is' : 'They are'} kept as you typed ${one ? 'it' : 'them'}, so you can fix ${one ? 'it' : 'them'} there.`;
}

/** What a save did, in one plain sentence or two. */
function savedSentence(
  stored: Person,
  saved: Saved,
  gaps: Awaited<ReturnType<typeof confirmApplied>>,
  pausing: boolean,
  unreadable: number,
): string {
  const inForce = parseProfiles(stored.profiles).filter((l) => l.ok).length;
  const count = `${inForce} ${inForce === 1 ? 'place' : 'places'}`;
  const names = namesOf(stored).length;
  const waiting = saved.waiting[0];
  const applied =
    gaps === null
      ? ' Breathing Room has not confirmed that it applied them; if a warning appears at the top of this page, it says what is not paused.'
      : gaps.length
        ? ` Not everything is paused yet: ${describeGaps(gaps)[0]}`
        : '';
  const verb = applied ? 'listed' : pausing ? 'paused' : 'listed';
  return `Saved. ${count} of theirs ${inForce === 1 ? 'is' : 'are'} ${verb}${names ? `, and searches for ${names === 1 ? 'their name' : `their ${names} names`}${applied || !pausing ? ' too' : ''}` : ''}${pausing || applied ? '' : ', to be paused once your period starts'}.${unreadable ? ` ${unreadable} ${unreadable === 1 ? 'line needs' : 'lines need'} a second look.` : ''}${waiting ? ` ${saved.waiting.length === 1 ? 'One change lowers' : `${saved.waiting.length} changes lower`} your protection, so ${saved.waiting.length === 1 ? 'it waits' : 'they wait'} ${formatWait(waiting.effectiveAt - Date.now())} (see “Waiting changes”); until then it all stays paused.` : ''}${applied}`;
}

/** Why a save failed, in words: the rule limit says its own, anything else is a plain retry. */
function failure(e: unknown, what: string): string {
  if (e instanceof SaveRefused) return e.message;
  return `${what} could not be saved, so nothing changed. Please try again.`;
}

interface PersonFormProps {
  /** As stored, or a blank for someone new. */
  person: Person;
  /** Whether their pages are being paused now (a period runs, or they chose to keep it). */
  pausing: boolean;
  /** The stored "never continue" choice: on the form of the person the period is about only. */
  neverContinue?: boolean;
  /** For someone around them: removes them (or their unsaved draft). */
  onRemove?: () => void;
  /** Moves focus to the name field when the form first shows (someone just added). */
  focusOnShow?: boolean;
  /** Someone added here and not saved yet: their Remove is a Cancel. */
  draft?: boolean;
}

/**
 * One person's name, other names and profiles, with their own Save. The person the period is
 * about and each person around them use the same form, the same limits and the same cool-off.
 */
function PersonForm({
  person,
  pausing,
  neverContinue: storedNeverContinue,
  onRemove,
  focusOnShow,
  draft = false,
}: PersonFormProps) {
  const id = useId();
  const them = person.id === THEM;
  const [name, setName] = useState(person.name);
  const [otherNames, setOtherNames] = useState(person.otherNames);
  const [profiles, setProfiles] = useState(person.profiles);
  const [neverContinue, setNeverContinue] = useState(storedNeverContinue ?? true);
  // A waiting change that takes effect (or another page) changes what is stored: show that.
  useEffect(() => setName(person.name), [person.name]);
  useEffect(() => setOtherNames(person.otherNames), [person.otherNames]);
  useEffect(() => setProfiles(person.profiles), [person.profiles]);
  useEffect(() => setNeverContinue(storedNeverContinue ?? true), [storedNeverContinue]);
  const [status, setStatus] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const lines = useMemo(() => parseProfiles(profiles), [profiles]);
  const problems = lines.filter((l) => !l.ok);
  const nameField = useRef<HTMLInputElement>(null);
  // What of theirs is listed only because its removal waits out the cool-off: said, so a name or
  // a line that comes back after being deleted is never a surprise.
  const pending = useStoredValue(pendingChangesItem, parsePending) ?? [];
  const held = pending.flatMap((p) => {
    const c = p.change;
    if (c.kind === 'remove-name' && c.person === person.id) return [`“${c.name}”`];
    if (c.kind === 'remove-profile' && (c.person ?? THEM) === person.id) return [c.label];
    return [];
  });
  useEffect(() => {
    if (focusOnShow) nameField.current?.focus();
  }, [focusOnShow]);

  const typedOtherNames = otherNameLines(otherNames).join('\n');
  const dirty =
    name.trim() !== person.name.trim() ||
    typedOtherNames !== otherNameLines(person.otherNames).join('\n') ||
    profiles !== person.profiles ||
    (them && neverContinue !== storedNeverContinue);

  /**
   * Saves what is typed, as it is (lines that can't be read are kept as typed, to fix later), and
   * shows the result here. Resolves to what is in force now; rejects when nothing could be saved.
   */
  function commit(): Promise<{ stored: Person; unreadable: number }> {
    const typed: Person = { id: person.id, name: name.trim(), otherNames: typedOtherNames, profiles };
    const unreadable = problems.length;
    const problem =
      personProblem({ ...typed, otherNames }, person.otherNames) ??
      (draft && !listsAnything(typed) ? 'Type their name or a profile first. Nothing was saved.' : null);
    if (problem) {
      setStatus(problem);
      return Promise.reject(new Error(problem));
    }
    // Someone around them with nothing left is no longer listed (during a period, what they had waits).
    const cleared = !them && !listsAnything(typed);
    // The permission prompt needs the click itself, so it is asked for before anything is awaited.
    const access = requestHostAccess(profilePageHosts(profiles));
    return inTurn(async () => {
      let saved: Saved;
      try {
        await access;
        saved = await saveSettingsWithCoolOff((s) => {
          if (cleared) return withPersonRemoved(s, typed.id);
          const next = withPersonSaved(s, typed);
          return them ? { ...next, neverContinueToPerson: neverContinue } : next;
        });
      } catch (e) {
        setStatus(failure(e, them ? 'Their details' : 'These details'));
        throw e;
      }
      // Saved. Applying it is a second step, and its result is told as it is.
      const gaps = await confirmApplied();
      // What is in force now: anything whose removal waits is still listed, and says so below.
      const stored = them ? saved.settings.person : (saved.settings.others.find((p) => p.id === person.id) ?? typed);
      setName(stored.name);
      setOtherNames(stored.otherNames);
      setProfiles(stored.profiles);
      if (them) setNeverContinue(saved.settings.neverContinueToPerson);
      setMissing(await hostsWithoutAccess(profilePageHosts(stored.profiles)).catch(() => []));
      setStatus(savedSentence(stored, saved, gaps, pausing, unreadable));
      return { stored, unreadable };
    });
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    commit().catch(() => undefined);
  }

  // "Start no-contact" saves this too, and says what it saved.
  useUnsavedEdits(`person:${person.id}`, {
    dirty,
    save: async () => {
      const { stored, unreadable } = await commit();
      return savedTooSentence(stored, unreadable, them);
    },
  });

  function allow() {
    const access = requestHostAccess(missing);
    void access
      .then(async () => {
        setMissing(await hostsWithoutAccess(profilePageHosts(profiles)));
        await confirmApplied();
      })
      .catch(() => setStatus('The browser could not be asked for access just now. Please try again.'));
  }

  return (
    <form onSubmit={save} noValidate className="stack">
      <div className="field">
        <label htmlFor={`${id}-name`}>{them ? 'Their name' : 'Name'}</label>
        <input
          ref={nameField}
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={nameHintIds(`${id}-name-hint`, name)}
        />
        <NameHint id={`${id}-name-hint`} name={name} short={!them} />
      </div>
      <OtherNamesField
        id={`${id}-other-names`}
        label={them ? 'Other names they go by' : 'Other names'}
        value={otherNames}
        onChange={setOtherNames}
      />
      <div className="field">
        <label htmlFor={`${id}-profiles`}>{them ? 'Their profiles' : 'Profiles'}</label>
        <textarea
          id={`${id}-profiles`}
          rows={them ? 5 : 3}
          spellCheck={false}
          autoComplete="off"
          value={profiles}
          onChange={(e) => setProfiles(e.target.value)}
          aria-invalid={problems.length > 0}
          aria-describedby={`${id}-profiles-hint ${problems.length ? `${id}-profiles-errors` : ''}`}
        />
        <span className="hint" id={`${id}-profiles-hint`}>
          {them
            ? 'One per line: a link to their profile, or platform:handle (instagram:jordan.rivers, tiktok:@jordan). Any other page you paste, like a Strava or Spotify profile or a blog, is paused with everything under it.'
            : 'One per line, as for theirs: a profile link, or platform:handle.'}
        </span>
        <ProfileLines lines={lines} errorsId={`${id}-profiles-errors`} />
      </div>
      {them && (
        <div>
          <label className="check">
            <input
              type="checkbox"
              checked={neverContinue}
              onChange={(e) => setNeverContinue(e.target.checked)}
              aria-describedby={`${id}-never-hint`}
            />
            <span>Never let me continue to their pages</span>
          </label>
          <p className="hint site-list" id={`${id}-never-hint`}>
            The pause page offers no “Continue” on their profiles, nor on those of the people around them.
          </p>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" aria-describedby={dirty ? `${id}-unsaved` : undefined}>
          Save
        </button>
        {onRemove && (
          <button type="button" onClick={onRemove}>
            {draft ? 'Cancel' : `Remove ${person.name.trim() || 'this person'}`}
          </button>
        )}
        {dirty && (
          <span className="hint unsaved" id={`${id}-unsaved`}>
            Unsaved changes
          </span>
        )}
      </div>
      {held.length > 0 && (
        <p className="hint">
          Still paused until the cool-off ends: {held.join(', ')}.{' '}
          {held.length === 1 ? 'Its removal is' : 'Their removals are'} under “Waiting changes”, where you can cancel{' '}
          {held.length === 1 ? 'it' : 'them'}.
        </p>
      )}
      <p className="status" role="status">
        {status}
      </p>
      {missing.length > 0 && (
        <div className="warning" role="alert">
          <p>
            Breathing Room doesn’t have your permission to pause {missing.join(', ')}, so{' '}
            {missing.length === 1 ? 'that page' : 'those pages'} can still open.
          </p>
          <button type="button" onClick={allow}>
            Allow access to {missing.length === 1 ? missing[0] : 'these sites'}
          </button>
        </div>
      )}
    </form>
  );
}

/** The person the period is about. */
export function PersonSection({ settings, pausing }: { settings: Settings; pausing: boolean }) {
  return (
    <section className="card" aria-labelledby="person-heading">
      <h2 id="person-heading">The person</h2>
      <p className="hint">
        Their pages are paused whenever your period runs, even with both categories above turned off, so you can keep
        using social media for work and still not land on them. This stays on this device.
      </p>
      <PersonForm person={settings.person} pausing={pausing} neverContinue={settings.neverContinueToPerson} />
    </section>
  );
}

/**
 * The people around them: someone whose pages the user looks at to check on them, like a new
 * partner or a best friend. Each has the same protections and the same cool-off; removing someone
 * lowers protection, so during a period it waits like any other removal.
 */
export function OthersSection({ settings, pausing }: { settings: Settings; pausing: boolean }) {
  const id = useId();
  /** People added here and not saved yet, by id. */
  const [drafts, setDrafts] = useState<string[]>([]);
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // A draft once saved is listed with the rest (its card stays the same: the list is keyed by id),
  // and is no longer a draft: removed later, it must not come back as an empty one.
  const unsaved = drafts.filter((d) => !settings.others.some((p) => p.id === d));
  useEffect(() => {
    if (unsaved.length !== drafts.length) setDrafts(unsaved);
  }, [unsaved, drafts]);
  const listed = settings.others.length + unsaved.length;
  const full = listed >= MAX_OTHER_PEOPLE;

  function add() {
    const draft = newPersonId();
    setDrafts((d) => [...d, draft]);
    setJustAdded(draft);
    setStatus(null);
  }

  function dropDraft(draft: string) {
    setDrafts((d) => d.filter((x) => x !== draft));
    setStatus('The person you were adding was not saved, and is no longer listed.');
    addButton.current?.focus();
  }

  async function remove(person: Person) {
    const who = person.name.trim() || 'This person';
    let saved: Saved;
    try {
      saved = await inTurn(() => saveSettingsWithCoolOff((s) => withPersonRemoved(s, person.id)));
    } catch (e) {
      setStatus(
        e instanceof SaveRefused ? e.message : `${who} could not be removed, so nothing changed. Please try again.`,
      );
      return;
    }
    await confirmApplied();
    const waiting = saved.waiting[0];
    setStatus(
      waiting
        ? `${who} stays paused for now. Removing their names and profiles waits ${formatWait(waiting.effectiveAt - Date.now())}; you can cancel it under “Waiting changes”.`
        : `Removed ${person.name.trim() || 'them'}.`,
    );
    addButton.current?.focus();
  }

  const blank = (draft: string): Person => ({ id: draft, name: '', otherNames: '', profiles: '' });

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>People around them</h2>
      <p className="hint">
        If you check on them through someone else’s pages, like a new partner’s or a close friend’s, add those people
        here. Their pages and searches for their names pause the same way, under the same cool-off. The pause page never
        says whose page it was.
      </p>
      {/* One list, keyed by id: someone just saved keeps their card, its status and its focus. */}
      {[
        ...settings.others.map((person) => ({ person, draft: false })),
        ...unsaved.map((d) => ({ person: blank(d), draft: true })),
      ].map(({ person, draft }) => (
        <section key={person.id} className="person-card" aria-labelledby={`${id}-${person.id}-heading`}>
          <h3 id={`${id}-${person.id}-heading`}>
            {draft ? 'Someone new' : person.name.trim() || 'Someone around them'}
          </h3>
          <PersonForm
            person={person}
            pausing={pausing}
            onRemove={draft ? () => dropDraft(person.id) : () => void remove(person)}
            focusOnShow={justAdded === person.id}
            draft={draft}
          />
        </section>
      ))}
      <div className="actions">
        <button
          ref={addButton}
          type="button"
          onClick={add}
          disabled={full}
          aria-describedby={full ? `${id}-full` : undefined}
        >
          Add someone
        </button>
        {full && (
          <span className="hint" id={`${id}-full`}>
            You can list up to {MAX_OTHER_PEOPLE} people around them.
          </span>
        )}
      </div>
      <p className="status" role="status">
        {status}
      </p>
    </section>
  );
}
