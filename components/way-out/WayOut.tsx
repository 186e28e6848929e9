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
import { CompletionView } from './Completion';

interface WayOutProps {
  period: Period;
  /** On its last day or once it has ended: what the period came to comes first (`CompletionView`). */
  complete?: { ended: boolean };
  /** Whether their pages are set up, so "keep pausing them" means something. */
  hasPerson: boolean;
  /** The popup's lean database, where it has one; pages leave it out. */
  db?: LeanDb | null;
  onDone?: () => void;
  /** Told the closing words too, for a page that will not keep this component once the period is gone. */
  onClosed?: (message: string) => void;
}

type Step = 'complete' | 'choose' | 'extend' | 'move-on' | 'reconnect' | 'done';

/**
 * The way out of a period: what it came to (on its last day and after), then a choice: extend,
 * move on, or reconnect with care. Each way on has its own honest check: moving on asks whether
 * you are all right without them; reconnecting is the final checklist before reaching out. One is
 * never scored against the other. Nothing here erases history; a closed period is kept with its
 * urges.
 */
export function WayOut({ period, complete, hasPerson, db, onDone, onClosed }: WayOutProps) {
  const id = useId();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [step, setStep] = useState<Step>(complete ? 'complete' : 'choose');
  const checklist = itemsOfTheme(step === 'reconnect' ? 'final-checklist' : 'moving-on-check');
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
    setDoneTitle('More time');
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
        ? `Your ${kept}-day period is closed, and it stays in your history with every urge you rode out. ${hasPerson && keepPerson ? 'Their pages stay paused, as you chose.' : ''}`
        : `Your ${kept}-day period is closed. Go gently, and come back here whenever you need to.`;
    setDoneTitle(how === 'moved-on' ? 'You moved on' : 'Your period is closed');
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

  if (step === 'complete' && complete) {
    return (
      <CompletionView
        period={period}
        today={today}
        ended={complete.ended}
        db={db}
        onContinue={() => setStep('choose')}
      />
    );
  }

  /** The check of one way on: tick only what is true today. */
  const check = (legend: string) => (
    <fieldset>
      <legend>{legend}</legend>
      <p className="hint">Tick only what is true today. There is no wrong answer, and nobody else sees this.</p>
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
      <p className="hint" aria-live="polite">
        {ticked.size === 0
          ? ''
          : ticked.size === checklist.length
            ? 'Every line is true today. Whatever you choose, choose it slowly.'
            : `${ticked.size} of ${checklist.length} true today. That is worth knowing: more time is always an option.`}
      </p>
    </fieldset>
  );
  /** A new way on starts its own check afresh. */
  const choose = (next: Step) => {
    if (next !== step) setTicked(new Set());
    setFailure(null);
    setStep(next);
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-choose`}>
      <h2 id={`${id}-choose`}>What next?</h2>
      <p>Three ways on, and none of them is a test. Choose one to see what it means.</p>
      <div className="actions choice-buttons">
        <button type="button" aria-pressed={step === 'extend'} onClick={() => choose('extend')}>
          Extend
        </button>
        <button type="button" aria-pressed={step === 'move-on'} onClick={() => choose('move-on')}>
          Move on
        </button>
        <button type="button" aria-pressed={step === 'reconnect'} onClick={() => choose('reconnect')}>
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
          {check('Are you all right without them?')}
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
          {check('Before reaching out')}
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
