import { useState } from 'react';
import type { LeanDb } from '@/lib/records/handle';
import { newUrge } from '@/lib/records/new-records';
import type { Outcome } from '@/lib/records/types';
import { addUrge } from '@/lib/records/urges';

interface LogUrgeProps {
  periodId: string;
  db: LeanDb | null | undefined;
  onLogged: () => void;
}

/**
 * "Log an urge" for the ones felt away from the browser, phone in hand. Two taps: open, then say
 * how it went. Intensity is optional.
 */
export function LogUrge({ periodId, db, onLogged }: LogUrgeProps) {
  const [open, setOpen] = useState(false);
  const [intensity, setIntensity] = useState<number | null>(null);
  const [saved, setSaved] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(outcome: Outcome) {
    try {
      if (!db) throw new Error('no database');
      await addUrge(
        newUrge({ time: Date.now(), host: '', category: 'away', context: 'away', periodId, outcome, intensity }),
        db,
      );
      setSaved(outcome);
      setOpen(false);
      setIntensity(null);
      setError(null);
      onLogged();
    } catch {
      setError('That urge could not be saved. Please try again.');
    }
  }

  if (!open) {
    return (
      <div className="log-urge">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setOpen(true);
            setSaved(null);
          }}
        >
          Log an urge
        </button>
        <p className="hint" role="status">
          {saved === 'resisted' && 'Logged. You rode it out; that counts.'}
          {saved === 'gave-in' && 'Logged. Thank you for being honest; tomorrow is a new day.'}
        </p>
      </div>
    );
  }

  return (
    <section className="log-urge card" aria-labelledby="log-urge-heading">
      <h2 id="log-urge-heading">Log an urge</h2>
      <fieldset>
        <legend>How strong? (optional)</legend>
        <div className="intensity">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="intensity-option">
              <input type="radio" name="popup-intensity" checked={intensity === n} onChange={() => setIntensity(n)} />
              {n}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="button" className="primary" onClick={() => save('resisted')}>
          I resisted
        </button>
        <button type="button" onClick={() => save('gave-in')}>
          I went on
        </button>
        <button type="button" className="quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
