import { useId, useState } from 'react';
import { confirmApplied, NOT_CONFIRMED } from '@/lib/messages/send';
import { addDays, dayKeyOf } from '@/lib/period/calendar';
import {
  DEFAULT_COOL_OFF_HOURS,
  DEFAULT_LENGTH_DAYS,
  LENGTH_PRESETS,
  MAX_BACKDATE_DAYS,
  MAX_COOL_OFF_HOURS,
  MIN_COOL_OFF_HOURS,
  type Period,
  type PeriodFormErrors,
  periodStatus,
  validatePeriodForm,
} from '@/lib/period/period';
import { startPeriod } from '@/lib/period/store';
import { extendPeriod } from '@/lib/period/way-out';
import { periodItem } from '@/lib/settings/settings';
import { formatDay } from '../format';
import { AddDaysForm } from '../way-out/AddDaysForm';
import { useSaveAllUnsaved } from './unsaved-edits';

export function PeriodSection({ period }: { period: Period | null }) {
  const today = dayKeyOf(Date.now());
  const status = period ? periodStatus(period, today) : null;
  // Said once the period starts, with whatever else Start saved. Always rendered, so it is announced.
  const [started, setStarted] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="period-heading">
      <h2 id="period-heading">Your no-contact period</h2>
      {period && status?.state === 'active' ? (
        <div className="stack">
          <p className="status">
            Day {status.day} of {status.lengthDays}.
          </p>
          <p>
            You began on {formatDay(period.startDate)}. The period runs until the end of{' '}
            {formatDay(addDays(status.endDate, -1))}.
          </p>
          <p className="hint">
            Until then, any change that lowers your protection waits {period.coolOffHours}{' '}
            {period.coolOffHours === 1 ? 'hour' : 'hours'} before it takes effect, and you can cancel it while it waits.
            Adding protection happens at once.
          </p>
          <Lengthen period={period} />
        </div>
      ) : (
        <StartForm today={today} ended={status?.state === 'ended'} onStarted={setStarted} />
      )}
      <p className="status" role="status">
        {started}
      </p>
    </section>
  );
}

/** Making the period longer is tightening, so it applies at once. */
function Lengthen({ period }: { period: Period }) {
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function lengthen(days: string): Promise<boolean> {
    const result = extendPeriod(period, days);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    try {
      await periodItem.setValue(result.period);
    } catch {
      setStatus('Your period could not be lengthened. Please try again.');
      return false;
    }
    const applied = await confirmApplied();
    setStatus(
      `Done. Your period now runs for ${result.period.lengthDays} days.${applied === null ? ` ${NOT_CONFIRMED}` : ''}`,
    );
    return true;
  }

  return (
    <div>
      <AddDaysForm label="Add days to this period" submitLabel="Lengthen" error={error} onSubmit={lengthen} />
      <p className="status" role="status">
        {status}
      </p>
    </div>
  );
}

function StartForm({
  today,
  ended,
  onStarted,
}: {
  today: string;
  ended: boolean;
  onStarted: (message: string) => void;
}) {
  const id = useId();
  const saveAllUnsaved = useSaveAllUnsaved();
  const [startDate, setStartDate] = useState(today);
  const [lengthDays, setLengthDays] = useState(String(DEFAULT_LENGTH_DAYS));
  const [coolOffHours, setCoolOffHours] = useState(String(DEFAULT_COOL_OFF_HOURS));
  const [errors, setErrors] = useState<PeriodFormErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = validatePeriodForm({ startDate, lengthDays, coolOffHours }, dayKeyOf(Date.now()));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    // Everything typed elsewhere on the page is saved first, while nothing has to wait out the
    // cool-off yet. This runs in the click, so any site access can still be asked for.
    const others = saveAllUnsaved();
    void (async () => {
      let alsoSaved: string[];
      try {
        alsoSaved = await others;
      } catch {
        setFailure(
          'Not everything you typed on this page could be saved, so your period hasn’t started yet. Please try again.',
        );
        setSaving(false);
        return;
      }
      try {
        await startPeriod(result.value);
      } catch {
        setFailure('Your period could not be saved. Please try again.');
        setSaving(false);
        return;
      }
      // Ask the browser to keep our data even when the disk is nearly full.
      void navigator.storage?.persist?.();
      const applied = await confirmApplied();
      setSaving(false);
      onStarted(['Your period has started.', ...alsoSaved, applied === null ? NOT_CONFIRMED : ''].join(' ').trim());
    })();
  }

  const startError = errors.startDate;
  const lengthError = errors.lengthDays;
  const coolOffError = errors.coolOffHours;

  return (
    <form onSubmit={submit} noValidate className="stack">
      <p>
        {ended
          ? 'Your last period has ended. You can begin another whenever you are ready.'
          : 'Pick the day your no contact began and how long you want it to last. While it runs, social and messaging sites pause before they load.'}
      </p>
      <div className="field">
        <label htmlFor={`${id}-start`}>Start date</label>
        <input
          id={`${id}-start`}
          type="date"
          value={startDate}
          max={today}
          min={addDays(today, -MAX_BACKDATE_DAYS)}
          onChange={(e) => setStartDate(e.target.value)}
          aria-invalid={!!startError}
          aria-describedby={`${id}-start-hint${startError ? ` ${id}-start-error` : ''}`}
        />
        <span className="hint" id={`${id}-start-hint`}>
          Today, or a day in the past year if you began already.
        </span>
        {startError && (
          <span className="error" id={`${id}-start-error`}>
            {startError}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-length`}>Length in days</label>
        <input
          id={`${id}-length`}
          type="text"
          inputMode="numeric"
          size={5}
          value={lengthDays}
          onChange={(e) => setLengthDays(e.target.value)}
          aria-invalid={!!lengthError}
          aria-describedby={`${id}-length-hint${lengthError ? ` ${id}-length-error` : ''}`}
        />
        <span className="hint" id={`${id}-length-hint`}>
          At least 30 days is the usual advice; 45 to 90 is common. Any whole number from 7 to 365.
        </span>
        {lengthError && (
          <span className="error" id={`${id}-length-error`}>
            {lengthError}
          </span>
        )}
        <fieldset className="presets">
          <legend className="hint">Common lengths</legend>
          <div className="field-row">
            {LENGTH_PRESETS.map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={lengthDays.trim() === String(n)}
                onClick={() => setLengthDays(String(n))}
              >
                {n} days
              </button>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="field">
        <label htmlFor={`${id}-cool-off`}>Cool-off in hours</label>
        <input
          id={`${id}-cool-off`}
          type="text"
          inputMode="numeric"
          size={3}
          value={coolOffHours}
          onChange={(e) => setCoolOffHours(e.target.value)}
          aria-invalid={!!coolOffError}
          aria-describedby={`${id}-cool-off-hint${coolOffError ? ` ${id}-cool-off-error` : ''}`}
        />
        <span className="hint" id={`${id}-cool-off-hint`}>
          While the period runs, turning protection down (ending early, removing them or a site, turning a category off)
          waits this long, so a hard night can’t undo it. You can always cancel a waiting change. From{' '}
          {MIN_COOL_OFF_HOURS} to {MAX_COOL_OFF_HOURS}; fixed until the period ends.
        </span>
        {coolOffError && (
          <span className="error" id={`${id}-cool-off-error`}>
            {coolOffError}
          </span>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          Start no-contact
        </button>
      </div>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
