import { useId, useState } from 'react';
import { answerIsEnough, MIN_ANSWER_WORDS } from '@/lib/pause/escalation';
import { useAskBeforeLeaving } from '../use-ask-before-leaving';
import { useCountdown } from '../use-countdown';

/** How long to sit with the choice before ending a period early. */
export const END_EARLY_PAUSE_SECONDS = 30;

/**
 * Ending a period before its last days: possible, because this is never a trap, but not in one
 * tap, because a weak moment should not be able to undo weeks of work. Thirty seconds and a few
 * words about what has changed, then the same choices as at the end.
 */
export function EndEarly({ children }: { children: React.ReactNode }) {
  const id = useId();
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const remaining = useCountdown(askedAt === null ? null : END_EARLY_PAUSE_SECONDS, askedAt ?? 0);
  const [open, setOpen] = useState(false);
  useAskBeforeLeaving(!open && reason.trim() !== '');

  if (open) return <>{children}</>;
  if (askedAt === null) {
    return (
      <section className="card" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Ending early</h2>
        <p className="hint">
          You can close this period before its end. It takes a short pause first, so the decision is yours and not the
          urge’s.
        </p>
        <button type="button" onClick={() => setAskedAt(Date.now())}>
          End this period early…
        </button>
      </section>
    );
  }
  const waiting = remaining === null || remaining > 0;
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Ending early</h2>
      <div className="field">
        <label htmlFor={`${id}-reason`}>What has changed since you started?</label>
        <span className="hint" id={`${id}-hint`}>
          A few words ({MIN_ANSWER_WORDS} or more), for you alone.
        </span>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
      </div>
      <p className="hint">
        {waiting ? `Take a moment: ${remaining ?? END_EARLY_PAUSE_SECONDS} s.` : 'Thank you for taking the time.'}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => setAskedAt(null)}>
          Keep my period
        </button>
        <button type="button" disabled={waiting || !answerIsEnough(reason)} onClick={() => setOpen(true)}>
          Go on to my choices
        </button>
      </div>
    </section>
  );
}
