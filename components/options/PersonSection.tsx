import { useEffect, useId, useMemo, useState } from 'react';
import { describeGaps } from '@/lib/background/protection-health';
import { parseProfiles } from '@/lib/detection/person';
import { saveSettingsWithCoolOff } from '@/lib/lock/pending';
import { formatWait } from '@/lib/lock/wording';
import { confirmApplied } from '@/lib/messages/send';
import { MAX_NAME_LENGTH } from '@/lib/settings/limits';
import { personProblem } from '@/lib/settings/schema';
import type { Settings } from '@/lib/settings/settings';
import { hostsWithoutAccess, profilePageHosts, requestHostAccess } from '@/lib/settings/site-access';
import { NameHint, nameHintIds } from '../NameHint';
import { ProfileLines } from '../ProfileLines';
import { inTurn, useUnsavedEdits } from './unsaved-edits';

/** What Start says it saved along with the period: "Their name and 2 profiles were saved too." */
function savedTooSentence(stored: Settings, unreadable: number): string {
  const places = parseProfiles(stored.person.profiles).filter((l) => l.ok).length;
  const named = stored.person.name.trim() !== '';
  const profiles = places === 1 ? '1 profile' : `${places} profiles`;
  let saved: string;
  if (named && places) saved = `Their name and ${profiles} were saved too.`;
  else if (named) saved = 'Their name was saved too.';
  else if (places === 1) saved = 'Their profile was saved too.';
  else if (places) saved = `Their ${profiles} were saved too.`;
  else saved = 'Their details were saved too.';
  if (!unreadable) return saved;
  const one = unreadable === 1;
  return `${saved} ${one ? 'One line' : `${unreadable} lines`} under “Their profiles” couldn’t be read. ${one ? 'It is' : 'They are'} kept as you typed ${one ? 'it' : 'them'}, so you can fix ${one ? 'it' : 'them'} there.`;
}

/** `pausing`: whether their pages are being paused now (a period runs, or they chose to keep it). */
export function PersonSection({ settings, pausing }: { settings: Settings; pausing: boolean }) {
  const id = useId();
  const [name, setName] = useState(settings.person.name);
  const [profiles, setProfiles] = useState(settings.person.profiles);
  const [neverContinue, setNeverContinue] = useState(settings.neverContinueToPerson);
  // A waiting change that takes effect (or another page) changes what is stored: show that.
  useEffect(() => setName(settings.person.name), [settings.person.name]);
  useEffect(() => setProfiles(settings.person.profiles), [settings.person.profiles]);
  useEffect(() => setNeverContinue(settings.neverContinueToPerson), [settings.neverContinueToPerson]);
  const [status, setStatus] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const lines = useMemo(() => parseProfiles(profiles), [profiles]);
  const problems = lines.filter((l) => !l.ok);

  const dirty =
    name.trim() !== settings.person.name.trim() ||
    profiles !== settings.person.profiles ||
    neverContinue !== settings.neverContinueToPerson;

  /**
   * Saves what is typed, as it is (lines that can't be read are kept as typed, to fix later), and
   * shows the result here. Resolves to what is in force now; rejects when nothing could be saved.
   */
  function commit(): Promise<{ stored: Settings; unreadable: number }> {
    const typed = { name: name.trim(), profiles };
    const unreadable = problems.length;
    const problem = personProblem(typed);
    if (problem) {
      setStatus(problem);
      return Promise.reject(new Error(problem));
    }
    // The permission prompt needs the click itself, so it is asked for before anything is awaited.
    const access = requestHostAccess(profilePageHosts(profiles));
    return inTurn(async () => {
      let saved: Awaited<ReturnType<typeof saveSettingsWithCoolOff>>;
      try {
        await access;
        saved = await saveSettingsWithCoolOff((s) => ({
          ...s,
          person: typed,
          neverContinueToPerson: neverContinue,
        }));
      } catch (e) {
        setStatus('Their details could not be saved, so nothing changed. Please try again.');
        throw e;
      }
      // Saved. Applying it is a second step, and its result is told as it is.
      const gaps = await confirmApplied();
      // What is in force now: anything whose removal waits is still listed, and says so below.
      const stored = saved.settings;
      setName(stored.person.name);
      setProfiles(stored.person.profiles);
      setNeverContinue(stored.neverContinueToPerson);
      const without = await hostsWithoutAccess(profilePageHosts(stored.person.profiles)).catch(() => []);
      setMissing(without);
      const inForce = parseProfiles(stored.person.profiles).filter((l) => l.ok).length;
      const count = `${inForce} ${inForce === 1 ? 'place' : 'places'}`;
      const waiting = saved.waiting[0];
      const applied =
        gaps === null
          ? ' Breathing Room has not confirmed that it applied them; if a warning appears at the top of this page, it says what is not paused.'
          : gaps.length
            ? ` Not everything is paused yet: ${describeGaps(gaps)[0]}`
            : '';
      setStatus(
        `Saved. ${count} of theirs ${inForce === 1 ? 'is' : 'are'} ${applied ? 'listed' : pausing ? 'paused' : 'listed'}${stored.person.name.trim() ? `, and searches for their name${applied || !pausing ? ' too' : ''}` : ''}${pausing || applied ? '' : ', to be paused once your period starts'}.${unreadable ? ` ${unreadable} ${unreadable === 1 ? 'line needs' : 'lines need'} a second look.` : ''}${waiting ? ` ${saved.waiting.length === 1 ? 'One change lowers' : `${saved.waiting.length} changes lower`} your protection, so ${saved.waiting.length === 1 ? 'it waits' : 'they wait'} ${formatWait(waiting.effectiveAt - Date.now())} (see “Waiting changes”); until then it all stays paused.` : ''}${applied}`,
      );
      return { stored, unreadable };
    });
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    commit().catch(() => undefined);
  }

  // "Start no-contact" saves this too, and says what it saved.
  useUnsavedEdits('person', {
    dirty,
    save: async () => {
      const { stored, unreadable } = await commit();
      return savedTooSentence(stored, unreadable);
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
    <section className="card" aria-labelledby="person-heading">
      <h2 id="person-heading">The person</h2>
      <p className="hint">
        Their pages are paused whenever your period runs, even with both categories above turned off, so you can keep
        using social media for work and still not land on them. This stays on this device.
      </p>
      <form onSubmit={save} noValidate className="stack">
        <div className="field">
          <label htmlFor={`${id}-name`}>Their name</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            maxLength={MAX_NAME_LENGTH}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={nameHintIds(`${id}-name-hint`, name)}
          />
          <NameHint id={`${id}-name-hint`} name={name} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-profiles`}>Their profiles</label>
          <textarea
            id={`${id}-profiles`}
            rows={5}
            spellCheck={false}
            autoComplete="off"
            value={profiles}
            onChange={(e) => setProfiles(e.target.value)}
            aria-invalid={problems.length > 0}
            aria-describedby={`${id}-profiles-hint ${problems.length ? `${id}-profiles-errors` : ''}`}
          />
          <span className="hint" id={`${id}-profiles-hint`}>
            One per line: a link to their profile, or platform:handle (instagram:jordan.rivers, tiktok:@jordan). Any
            other page you paste, like a Strava or Spotify profile or a blog, is paused with everything under it.
          </span>
          <ProfileLines lines={lines} errorsId={`${id}-profiles-errors`} />
        </div>
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
            The pause page offers no “Continue” on their profiles.
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="primary" aria-describedby={dirty ? `${id}-unsaved` : undefined}>
            Save
          </button>
          {dirty && (
            <span className="hint unsaved" id={`${id}-unsaved`}>
              Unsaved changes
            </span>
          )}
        </div>
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
    </section>
  );
}
