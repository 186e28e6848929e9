import { useId, useState } from 'react';
import type { LibraryItem } from '@/content/library';
import { itemsOfTheme } from '@/lib/pause/select-prompt';
import { newContact } from '@/lib/records/new-records';
import { type HowItWent, type NewContact, NOTE_MAX_LENGTH } from '@/lib/records/types';
import { useAskBeforeLeaving } from './use-ask-before-leaving';

export type ContactFlowKind = 'i-contacted' | 'they-contacted';

interface ContactFlowProps {
  kind: ContactFlowKind;
  periodId: string | null;
  /** Saves the contact (the popup and the insights page store it their own way). */
  save: (contact: NewContact) => Promise<void>;
  onDone: () => void;
}

const HOW: { value: HowItWent; label: string }[] = [
  { value: 'helped', label: 'It helped' },
  { value: 'mixed', label: 'Mixed' },
  { value: 'hurt', label: 'It hurt' },
  { value: 'unsure', label: 'Not sure yet' },
];

/** A local date-time input value for an instant. */
function localInput(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * "I contacted them" and "They contacted me": record what happened, kindly, then a few words from
 * the library. A contact restarts the contact-free streak and nothing else; history stays.
 */
export function ContactFlow({ kind, periodId, save, onDone }: ContactFlowProps) {
  const id = useId();
  const [now] = useState(() => Date.now());
  const [when, setWhen] = useState(() => localInput(now));
  const [startedBy, setStartedBy] = useState<'me' | 'them'>(kind === 'i-contacted' ? 'me' : 'them');
  const [replied, setReplied] = useState<boolean | null>(null);
  const [how, setHow] = useState<HowItWent | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [after, setAfter] = useState<{ restarted: boolean; words: LibraryItem[] } | null>(null);
  useAskBeforeLeaving(!after && (note.trim() !== '' || how !== null || replied !== null));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const time = new Date(when).getTime();
    if (!Number.isFinite(time)) return setError('Choose when it happened.');
    if (time > Date.now() + 60_000) return setError('That time is still to come. Choose when it happened.');
    if (kind === 'they-contacted' && replied === null) return setError('Say whether you replied.');
    const isContact = kind === 'i-contacted' || replied === true;
    try {
      await save(
        newContact({
          time,
          kind: isContact ? 'contact' : 'they-reached-out',
          startedBy: kind === 'i-contacted' ? startedBy : 'them',
          howItWent: isContact ? how : null,
          note,
          periodId,
        }),
      );
      setError(null);
      const words = kind === 'i-contacted' || replied ? itemsOfTheme('if-i-slip') : itemsOfTheme('why-they-reach-out');
      setAfter({ restarted: isContact, words: words.slice(0, 3) });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That could not be saved. Please try again.');
    }
  }

  if (after) {
    return (
      <section className="card" aria-labelledby={`${id}-after`}>
        <h2 id={`${id}-after`}>{after.restarted ? 'Thank you for being honest' : 'It’s recorded'}</h2>
        <p>
          {after.restarted
            ? 'Your contact-free count starts again from today. Everything you have done so far still counts, and your period goes on.'
            : 'Nothing restarts: you have not been in contact. Take a moment before deciding anything.'}
        </p>
        <ul className="alternatives">
          {after.words.map((w) => (
            <li key={w.id}>{w.text}</li>
          ))}
        </ul>
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </section>
    );
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{kind === 'i-contacted' ? 'I contacted them' : 'They contacted me'}</h2>
      <p className="hint">
        {kind === 'i-contacted'
          ? 'Slips happen. Writing it down is part of getting back on track, not a mark against you.'
          : 'A message from them can stir everything up. Recording it helps you see it clearly.'}
      </p>
      <div className="field">
        <label htmlFor={`${id}-when`}>When</label>
        <input
          id={`${id}-when`}
          type="datetime-local"
          value={when}
          max={localInput(now)}
          onChange={(e) => setWhen(e.target.value)}
        />
      </div>
      {kind === 'i-contacted' ? (
        <fieldset>
          <legend>Who started it?</legend>
          <label className="check">
            <input
              type="radio"
              name={`${id}-started`}
              checked={startedBy === 'me'}
              onChange={() => setStartedBy('me')}
            />
            I did
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${id}-started`}
              checked={startedBy === 'them'}
              onChange={() => setStartedBy('them')}
            />
            They did, and I answered
          </label>
        </fieldset>
      ) : (
        <fieldset>
          <legend>Did you reply?</legend>
          <label className="check">
            <input type="radio" name={`${id}-replied`} checked={replied === false} onChange={() => setReplied(false)} />
            No, not (yet)
          </label>
          <label className="check">
            <input type="radio" name={`${id}-replied`} checked={replied === true} onChange={() => setReplied(true)} />
            Yes, we were in touch
          </label>
        </fieldset>
      )}
      {(kind === 'i-contacted' || replied) && (
        <fieldset>
          <legend>How did it go?</legend>
          <div className="field-row">
            {HOW.map((h) => (
              <label key={h.value} className="check">
                <input type="radio" name={`${id}-how`} checked={how === h.value} onChange={() => setHow(h.value)} />
                {h.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          Record it
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
