import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { dayKeyOf } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { periodStatus } from '@/lib/period';
import { periodStartInstant } from '@/lib/period-store';
import { parsePeriod, periodItem } from '@/lib/settings';
import { urgeCounts } from '@/lib/urges';
import { ProgressRing } from '../ProgressRing';
import { useStoredValue } from '../use-stored-value';
import { LogUrge } from './LogUrge';

function openOptions() {
  void browser.runtime.openOptionsPage();
  window.close();
}

export function PopupPage() {
  const [now] = useState(() => Date.now());
  const period = useStoredValue(periodItem, parsePeriod);
  const today = dayKeyOf(now);
  const status = period ? periodStatus(period, today) : null;
  const active = status?.state === 'active' ? status : null;
  const periodStart = period && active ? periodStartInstant(period) : null;
  const counts = useLiveQuery(() => urgeCounts(getDb(), today, periodStart), [today, periodStart]);

  if (period === undefined) return <main className="popup" aria-busy="true" />;

  if (!active || !period) {
    return (
      <main className="popup">
        <h1>Breathing Room</h1>
        <p>
          {status?.state === 'ended'
            ? 'Your no-contact period has ended. Well done for every day you kept.'
            : 'No contact works best with a clear start and a length to aim for.'}
        </p>
        <button type="button" className="primary" onClick={openOptions}>
          Start a no-contact period
        </button>
      </main>
    );
  }

  const share = counts && counts.period > 0 ? Math.round((counts.periodResisted / counts.period) * 100) : null;

  return (
    <main className="popup">
      <h1 className="visually-hidden">Breathing Room</h1>
      <div className="popup-head">
        <ProgressRing day={active.day} of={active.lengthDays} />
        <p className="muted">
          {active.daysLeft === 1 ? 'Last day.' : `${active.daysLeft} days to go.`} One day at a time.
        </p>
      </div>
      <dl className="stats">
        <div>
          <dt>Urges today</dt>
          <dd>{counts?.today ?? '–'}</dd>
        </div>
        <div>
          <dt>Urges this period</dt>
          <dd>{counts?.period ?? '–'}</dd>
        </div>
        <div>
          <dt>Resisted</dt>
          <dd>{share === null ? '–' : `${share}%`}</dd>
        </div>
      </dl>
      <LogUrge periodId={period.id} />
      <p className="popup-foot">
        <a href={browser.runtime.getURL('/letters.html')} target="_blank" rel="noopener">
          Letters
        </a>
        <button type="button" className="quiet" onClick={openOptions}>
          Settings
        </button>
      </p>
    </main>
  );
}
