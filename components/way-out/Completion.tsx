import { useEffect, useId, useState } from 'react';
import type { DayKey } from '@/lib/period/calendar';
import type { Period } from '@/lib/period/period';
import { daysKept } from '@/lib/period/way-out';
import { type Completion, completionLine, type Hardest, loadCompletion } from '@/lib/records/completion';
import { type LeanDb, pagesDb } from '@/lib/records/handle';

/** An hour of the day as people say it: "1 a.m.", "noon", "11 p.m.", "midnight". */
export function hourWords(hour: number): string {
  if (hour === 0) return 'midnight';
  if (hour === 12) return 'noon';
  return hour < 12 ? `${hour} a.m.` : `${hour - 12} p.m.`;
}

const dayFormat = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long' });

/** The hardest moment they got through, in one sentence. */
export function hardestWords(hardest: Hardest): string {
  if (hardest.kind === 'moment') {
    return `Your hardest moment: ${dayFormat.format(hardest.time)}, around ${hourWords(hardest.hour)}, an urge you rated ${hardest.intensity} of 5. You stepped away from it.`;
  }
  return `The hour that pulled hardest was around ${hourWords(hardest.hour)}: you rode out ${hardest.count} ${hardest.count === 1 ? 'urge' : 'urges'} then.`;
}

/**
 * What a period came to, before any choice about what comes next: shown on its last day and once
 * it has ended. The days kept, the urges ridden out, the letters written and never sent, the
 * hardest moment got through, and a line from the library. Then one way on.
 */
export function CompletionView({
  period,
  today,
  ended,
  db,
  onContinue,
  headingLevel = 2,
}: {
  period: Period;
  today: DayKey;
  ended: boolean;
  /** The popup's lean database; pages leave it out and their own is used. Null: nothing logged yet. */
  db?: LeanDb | null;
  onContinue: () => void;
  headingLevel?: 2 | 3;
}) {
  const id = useId();
  const kept = daysKept(period, today);
  /** Undefined while reading; null when it could not be read (the days kept are still known). */
  const [figures, setFigures] = useState<Completion | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    (async () => {
      // The popup's own handle when it has one; otherwise the pages' database, opened first (its
      // `backendDB()` is null until then), which also creates or upgrades it where needed.
      if (db) return loadCompletion(db, period, today);
      const pages = await pagesDb();
      await pages.open();
      return loadCompletion(pages.backendDB(), period, today);
    })()
      .catch(() => null)
      .then((read) => {
        if (live) setFigures(read);
      });
    return () => {
      live = false;
    };
  }, [db, period, today]);
  const line = figures?.line ?? completionLine(period.id);
  const Heading = `h${headingLevel}` as const;
  const riddenOut = figures?.riddenOut ?? 0;
  const letters = figures?.letters ?? 0;
  // Told as it was: a day with a contact is not claimed as a day of no contact, and nothing is
  // claimed before the log has been read.
  const free = kept - (figures?.contactDays ?? 0);
  const clean = !!figures && figures.contactDays === 0;

  return (
    <section className="card completion" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>
        {!ended
          ? `The last day of your ${period.lengthDays}.`
          : clean
            ? `You kept ${kept} days of no contact.`
            : `Your ${kept} days are done.`}
      </Heading>
      <dl className="completion-figures" aria-busy={figures === undefined}>
        {figures && free > 0 && (
          <div>
            <dt>
              {!ended
                ? `${free === 1 ? 'day' : 'days'} without contact so far`
                : clean
                  ? kept === 1
                    ? 'day kept'
                    : 'days kept'
                  : `${free === 1 ? 'day' : 'days'} without contact, of ${kept}`}
            </dt>
            <dd>{free}</dd>
          </div>
        )}
        {riddenOut > 0 && (
          <div>
            <dt>{riddenOut === 1 ? 'urge ridden out' : 'urges ridden out'}</dt>
            <dd>{riddenOut}</dd>
          </div>
        )}
        {letters > 0 && (
          <div>
            <dt>{letters === 1 ? 'letter written, never sent' : 'letters written, never sent'}</dt>
            <dd>{letters}</dd>
          </div>
        )}
      </dl>
      {figures?.hardest && <p>{hardestWords(figures.hardest)}</p>}
      {figures === null && (
        <p className="hint">Your log couldn’t be read just now, so only the days are counted here. Nothing is lost.</p>
      )}
      <blockquote className="completion-line">
        <p>{line.text}</p>
      </blockquote>
      <button type="button" className="primary" onClick={onContinue}>
        {ended ? 'See what comes next' : 'Look at what comes next'}
      </button>
    </section>
  );
}
