import { useId, useState } from 'react';
import { requestEndEarly } from '@/lib/lock/pending';
import { lockActive } from '@/lib/lock/plan';
import { formatWait } from '@/lib/lock/wording';
import { confirmApplied, NOT_CONFIRMED } from '@/lib/messages/send';
import { itemsOfTheme } from '@/lib/pause/select-prompt';
import { dayKeyOf } from '@/lib/period/calendar';
import type { Period } from '@/lib/period/period';
import { closePeriodNow } from '@/lib/period/store';
import { canSayYourPiece, daysKept, EXTEND_PRESETS, extendPeriod } from '@/lib/period/way-out';
import type { LeanDb } from '@/lib/records/handle';
import { periodItem } from '@/lib/settings/settings';
import { AddDaysForm } from './AddDaysForm';

interface WayOutProps {
  period: Period;
  /** Whether their pages are set up, so "keep pausing them" means something. */
  hasPerson: boolean;
  /** The popup's lean database, where it has one; pages leave it out. */
  db?: LeanDb | null;
  onDone?: () => void;
  /** Told the closing words too, for a page that will not keep this component once the period is gone. */
  onClosed?: (message: string) => void;
}

type Step = 'check' | 'choose' | 'extend' | 'move-on' | 'reconnect' | 'done';

/**
 * The way out of a period: a readiness check, answered honestly, then a choice: extend, move on,
 * or reconnect with care. Nothing here erases history; a closed period is kept with its urges.
 */
export function WayOut({ period, hasPerson, db, onDone, onClosed }: WayOutProps) {
  const id = useId();
  const checklist = itemsOfTheme('final-checklist');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [step, setStep] = useState<Step>('check');
  const [error, setError] = useState<string | null>(null);
  /** A save that did not happen: said where the choice was made, and nothing moves on. */
  const [failure, setFailure] = useState<string | null>(null);
  const [keepPerson, setKeepPerson] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const [doneTitle, setDoneTitle] = useState('Done');
  const today = dayKeyOf(Date.now());
  const kept = daysKept(period, today);
  const readiness = { ticked: ticked.size, of: checklist.length };

  async function extend(text: string): Promise<boolean> {
    const result = extendPeriod(period, text);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    try {
      await periodItem.setValue(result.period);
    } catch {
      setError('Your period could not be lengthened, so nothing changed. Please try again.');
      return false;
    }
    const applied = await confirmApplied();
    setMessage(
      `Your period now runs for ${result.period.lengthDays} days. Giving yourself more time is a strong choice.${applied === null ? ` ${NOT_CONFIRMED}` : ''}`,
    );
    setStep('done');
    return true;
  }

  async function close(how: 'moved-on' | 'reconnected') {
    setFailure(null);
    if (lockActive(period, Date.now())) {
      // Still inside the period: ending it lowers protection, so it waits out the cool-off.
      let waiting: Awaited<ReturnType<typeof requestEndEarly>>;
      try {
        waiting = await requestEndEarly(period, {
          how,
          keepPerson: how === 'moved-on' && hasPerson && keepPerson,
          readiness,
        });
      } catch {
        setFailure('That could not be saved, so your period carries on as it was. Please try again.');
        return;
      }
      setMessage(
        `Your period will close in ${formatWait(waiting.effectiveAt - Date.now())}, after the cool-off you chose. Until then everything stays paused, and you can cancel this in Settings, under “Waiting changes”. If you still want this then, you need do nothing more.`,
      );
      setDoneTitle('Your period will close after the cool-off');
      setStep('done');
      return;
    }
    try {
      await closePeriodNow(
        period,
        { how, keepPerson: hasPerson && keepPerson, readiness },
        Date.now(),
        db ?? undefined,
      );
    } catch {
      setFailure('Your period could not be closed just now, so it carries on as it was. Please try again.');
      return;
    }
    const words =
      how === 'moved-on'
        ? `Your period is closed after ${kept} days. It stays in your history. ${hasPerson && keepPerson ? 'Their pages stay paused.' : ''}`
        : `Your period is closed after ${kept} days. Go gently, and come back here whenever you need to.`;
    onClosed?.(words.trim());
    const applied = await confirmApplied();
    setMessage(applied === null ? `${words.trim()} ${NOT_CONFIRMED}` : words.trim());
    setStep('done');
  }

  if (step === 'done') {
    return (
      <section className="card" aria-labelledby={`${id}-done`}>
        <h2 id={`${id}-done`}>{doneTitle}</h2>
        <p role="status">{message}</p>
        {onDone && (
          <button type="button" onClick={onDone}>
            Close
          </button>
        )}
      </section>
    );
  }

  if (step === 'check') {
    return (
      <section className="card stack" aria-labelledby={`${id}-check`}>
        <h2 id={`${id}-check`}>Readiness check</h2>
        <p className="hint">Tick only what is true today. There is no wrong answer, and nobody else sees this.</p>
        <fieldset>
          <legend>Before reaching out or moving on</legend>
          {checklist.map((item) => (
            <label key={item.id} className="check">
              <input
                type="checkbox"
                checked={ticked.has(item.id)}
                onChange={(e) => {
                  const next = new Set(ticked);
                  if (e.target.checked) next.add(item.id);
                  else next.delete(item.id);
                  setTicked(next);
                }}
              />
              <span>{item.text}</span>
            </label>
          ))}
        </fieldset>
        <button type="button" className="primary" onClick={() => setStep('choose')}>
          See my choices
        </button>
      </section>
    );
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-choose`}>
      <h2 id={`${id}-choose`}>What next?</h2>
      <p>
        {ticked.size === checklist.length
          ? 'You ticked every line. Whatever you choose, choose it slowly.'
          : `You ticked ${ticked.size} of ${checklist.length}. That is useful to know: more time is always an option.`}
      </p>
      <div className="actions">
        <button type="button" aria-pressed={step === 'extend'} onClick={() => setStep('extend')}>
          Extend
        </button>
        <button type="button" aria-pressed={step === 'move-on'} onClick={() => setStep('move-on')}>
          Move on
        </button>
        <button type="button" aria-pressed={step === 'reconnect'} onClick={() => setStep('reconnect')}>
          Reconnect with care
        </button>
      </div>

      {step === 'extend' && (
        <div className="stack">
          <p>Add days to your period. Many people extend once or twice; it is not a failure.</p>
          <div className="actions">
            {EXTEND_PRESETS.map((n) => (
              <button key={n} type="button" onClick={() => void extend(String(n))}>
                Add {n} days
              </button>
            ))}
          </div>
          <AddDaysForm label="Or add this many days" submitLabel="Extend" error={error} onSubmit={extend} />
        </div>
      )}

      {step === 'move-on' && (
        <div className="stack">
          <p>
            Close this period: you have done what you set out to do. It stays in your history with every urge you noted.
          </p>
          {hasPerson && (
            <label className="check">
              <input type="checkbox" checked={keepPerson} onChange={(e) => setKeepPerson(e.target.checked)} />
              <span>Keep pausing their pages and searches for their name</span>
            </label>
          )}
          <button type="button" className="primary" onClick={() => void close('moved-on')}>
            Close my period and move on
          </button>
          {failure && <p role="alert">{failure}</p>}
        </div>
      )}

      {step === 'reconnect' && (
        <div className="stack">
          <p>If you still want to try, go carefully:</p>
          <ul className="alternatives">
            {itemsOfTheme('reconnect-with-care', kept).map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
          {!canSayYourPiece(period, today) && (
            <p className="hint">
              After two months of no contact or more, there is one more idea here: saying your piece, once. You have
              kept {kept} days so far.
            </p>
          )}
          <button type="button" className="primary" onClick={() => void close('reconnected')}>
            Close my period and reconnect with care
          </button>
          {failure && <p role="alert">{failure}</p>}
        </div>
      )}
    </section>
  );
}
