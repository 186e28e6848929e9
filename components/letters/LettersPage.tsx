import { useEffect, useState } from 'react';
import { deleteLetter, letterPreview, restoreLetter } from '@/lib/records/letters';
import { useLetters } from '@/lib/records/live';
import type { Letter } from '@/lib/records/types';
import { LetterEditor } from '../LetterEditor';
import { SectionBoundary } from '../SectionBoundary';
import { SkippedNote } from '../SkippedNote';
import { UndoBar } from '../UndoBar';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The letter named in the address (`letters.html#12`), if the fragment is a plain id. */
function idFromHash(): number | null {
  const raw = location.hash.slice(1);
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}

/** Every unsent letter: reread, keep editing, or delete (with a moment to undo). */
export function LettersPage() {
  const read = useLetters();
  const letters = read?.rows;
  const [openId, setOpenId] = useState<number | null>(idFromHash);
  const [deleted, setDeleted] = useState<Letter | null>(null);

  useEffect(() => {
    const onHash = () => setOpenId(idFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  function open(id: number | null) {
    history.replaceState(null, '', id === null ? location.pathname : `#${id}`);
    setOpenId(id);
  }

  async function remove(letter: Letter) {
    await deleteLetter(letter.id);
    setDeleted(letter);
    if (openId === letter.id) open(null);
  }

  async function undo() {
    if (!deleted) return;
    await restoreLetter(deleted);
    setDeleted(null);
  }

  const current = letters?.find((l) => l.id === openId);

  return (
    <main className="page">
      <h1>Letters you didn’t send</h1>
      <p className="lead">
        Everything you wanted to say, kept here instead. Only you can read these; they never leave this device.
      </p>
      {deleted && <UndoBar message="Letter deleted." onUndo={() => void undo()} />}
      <SkippedNote skipped={read?.skipped ?? 0} />
      <SectionBoundary name="Your letters">
        {current ? (
          <section className="card" aria-labelledby="letter-heading">
            <h2 id="letter-heading">Letter from {when.format(current.createdAt)}</h2>
            <LetterEditor key={current.id} letterId={current.id} initialBody={current.body} label="Your letter" />
            <div className="actions">
              <button type="button" onClick={() => open(null)}>
                Back to all letters
              </button>
              <button type="button" className="danger" onClick={() => void remove(current)}>
                Delete this letter
              </button>
            </div>
          </section>
        ) : letters === undefined ? (
          <p aria-busy="true">Loading…</p>
        ) : letters.length === 0 ? (
          <p>No letters yet. When a messaging page or their profile is paused, “Write it here instead” starts one.</p>
        ) : (
          <ul className="letter-list" aria-label="Your letters">
            {letters.map((letter) => (
              <li key={letter.id} className="card">
                <p className="hint">
                  {when.format(letter.updatedAt)}
                  {letter.host ? ` · written instead of ${letter.host.replace(/^www\./, '')}` : ''}
                </p>
                <p className="letter-preview">{letterPreview(letter.body)}</p>
                <div className="actions">
                  <button type="button" onClick={() => open(letter.id)}>
                    Read
                    <span className="visually-hidden">
                      {' '}
                      the letter “{letterPreview(letter.body, 40)}”, {when.format(letter.updatedAt)}
                    </span>
                  </button>
                  <button type="button" className="quiet" onClick={() => void remove(letter)}>
                    Delete
                    <span className="visually-hidden">
                      {' '}
                      the letter “{letterPreview(letter.body, 40)}”, {when.format(letter.updatedAt)}
                    </span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </SectionBoundary>
      <NewLetter />
    </main>
  );
}

function NewLetter() {
  const [writing, setWriting] = useState(false);
  if (!writing) {
    return (
      <p>
        <button type="button" onClick={() => setWriting(true)}>
          Write a new letter
        </button>
      </p>
    );
  }
  return (
    <section className="card" aria-labelledby="new-letter-heading">
      <h2 id="new-letter-heading">A new letter</h2>
      <LetterEditor label="Your new letter" autoFocus />
    </section>
  );
}
