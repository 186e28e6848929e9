import { useEffect, useId, useState } from 'react';
import { cancelPending, parsePending, pendingChangesItem } from '@/lib/lock/pending';
import type { PendingChange } from '@/lib/lock/plan';
import { describeChange, formatWait } from '@/lib/lock/wording';
import { ask } from '@/lib/messages/send';
import { formatMoment } from './format';
import { useStoredValue } from './use-stored-value';

/** The clock, read whenever the number of countdowns changes and then every second while any run. */
function useNow(countdowns: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!countdowns) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [countdowns]);
  return now;
}

/**
 * Every change that is waiting out its cool-off, with the time left and a way to cancel it.
 * Nothing waits out of sight: this list is the whole of it.
 */
export function PendingChanges() {
  const id = useId();
  const pending = useStoredValue(pendingChangesItem, parsePending) ?? [];
  const now = useNow(pending.length);
  const [status, setStatus] = useState<string | null>(null);
  const due = pending.some((p) => p.effectiveAt <= now);

  // A countdown that reaches zero while this page is open: ask the background to apply it now
  // rather than when its alarm next fires.
  useEffect(() => {
    if (due) void ask({ type: 'sync' }).catch(() => undefined);
  }, [due]);

  if (!pending.length && !status) return null;

  async function cancel(change: PendingChange) {
    await cancelPending(change.id);
    setStatus(`Cancelled: ${describeChange(change.change).toLowerCase()}. Nothing changes.`);
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Waiting changes</h2>
      {pending.length > 0 && (
        <>
          <p className="hint">
            While your period runs, changes that lower your protection wait before they take effect. Until then
            everything stays as it is. Cancel any of them if the moment has passed.
          </p>
          <ul className="pending">
            {pending.map((p) => {
              const label = describeChange(p.change);
              return (
                <li key={p.id} className="pending-change">
                  <div>
                    <strong>{label}</strong>
                    <p className="hint">
                      {p.effectiveAt > now ? (
                        <>
                          Takes effect in <span role="timer">{formatWait(p.effectiveAt - now)}</span>, on{' '}
                          {formatMoment(p.effectiveAt)}.
                        </>
                      ) : (
                        'Taking effect now.'
                      )}
                    </p>
                  </div>
                  <button type="button" onClick={() => void cancel(p)} aria-label={`Cancel: ${label}`}>
                    Cancel
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p className="status" role="status">
        {status}
      </p>
    </section>
  );
}
