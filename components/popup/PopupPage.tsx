import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DayKey } from '@/lib/period/calendar';
import { milestoneLine } from '@/lib/period/milestones';
import { type Period, periodStatus } from '@/lib/period/period';
import { progress } from '@/lib/period/progress';
import { readinessDue } from '@/lib/period/way-out';
import { addContact } from '@/lib/records/contacts';
import type { LeanDb } from '@/lib/records/handle';
import { loadPopupStats, type PopupStats } from '@/lib/records/stats';
import { everyone, listsAnything } from '@/lib/settings/people';
import { parsePeriod, parseSettings, periodItem, settingsItem } from '@/lib/settings/settings';
import { ContactButtons } from '../ContactButtons';
import type { ContactFlowKind } from '../ContactFlow';
import { StackedBars } from '../charts/StackedBars';
import { ProgressRing } from '../ProgressRing';
import { ProtectionWarning } from '../ProtectionWarning';
import { useStoredValue } from '../use-stored-value';
import { LogUrge } from './LogUrge';
import type { PopupData } from './popup-data';

// Loaded only when opened, so the popup's first render carries as little as possible.
const ContactFlow = lazy(() => import('../ContactFlow').then((m) => ({ default: m.ContactFlow })));
const WayOut = lazy(() => import('../way-out/WayOut').then((m) => ({ default: m.WayOut })));
const CompletionView = lazy(() => import('../way-out/Completion').then((m) => ({ default: m.CompletionView })));

/** A flow that takes over the popup (loaded on demand). */
function Flow({ children }: { children: ReactNode }) {
  return (
    <main className="popup">
      <h1 className="visually-hidden">Breathing Room</h1>
      <Suspense fallback={<p aria-busy="true">Opening…</p>}>{children}</Suspense>
    </main>
  );
}

function openOptions() {
  void browser.runtime.openOptionsPage();
  window.close();
}

function openPage(path: '/insights.html' | '/letters.html' | '/welcome.html') {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
  window.close();
}

const closedOn = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long' });

export function PopupPage({ initial: first }: { initial: PopupData }) {
  const { today, db } = first;
  // Live from here on: a change made elsewhere (options, another window) shows at once.
  const livePeriod = useStoredValue(periodItem, parsePeriod);
  const liveSettings = useStoredValue(settingsItem, parseSettings);
  const period = livePeriod === undefined ? first.period : livePeriod;
  const settings = liveSettings ?? first.settings;
  const [stats, setStats] = useState<PopupStats | null>(first.stats);
  const reload = useCallback(async () => {
    if (db) setStats(await loadPopupStats(db, today, period?.id ?? null).catch(() => null));
  }, [db, today, period?.id]);
  // The way out keeps the period it began with: closing it must not whisk the page away mid-flow.
  const [wayOutFor, setWayOutFor] = useState<Period | null>(null);

  // The first render already has the day count and today's urges: mark it for the benchmark.
  useEffect(() => {
    performance.mark('breathing-room:popup-ready');
  }, []);

  const hasPerson = everyone(settings).some(listsAnything);
  if (wayOutFor) {
    return (
      <Flow>
        <WayOut period={wayOutFor} hasPerson={hasPerson} db={db} onDone={() => window.close()} />
      </Flow>
    );
  }

  const status = period ? periodStatus(period, today) : null;
  if (!period || !status || status.state === 'upcoming') {
    const closed = first.lastClosed;
    return (
      <main className="popup">
        <h1>Breathing Room</h1>
        <ProtectionWarning onOpenSettings={openOptions} />
        {closed ? (
          // After a period: what it came to, and another only as a quiet option.
          <>
            <section className="card closed-period" aria-labelledby="closed-heading">
              <h2 id="closed-heading">Your last period</h2>
              <p>
                You kept {closed.daysKept} {closed.daysKept === 1 ? 'day' : 'days'} of no contact
                {closed.riddenOut > 0
                  ? ` and rode out ${closed.riddenOut} ${closed.riddenOut === 1 ? 'urge' : 'urges'}`
                  : ''}
                . It closed on {closedOn.format(closed.period.closedAt)}, and it stays in your history.
              </p>
            </section>
            {settings.keepPersonAfterPeriod && <p className="status">Their pages are still paused, as you chose.</p>}
            <button type="button" className="quiet" onClick={() => openPage('/welcome.html')}>
              Start another period
            </button>
          </>
        ) : (
          <>
            <p>No contact works best with a clear start and a length to aim for.</p>
            {settings.keepPersonAfterPeriod && <p className="status">Their pages are still paused, as you chose.</p>}
            {/* The same guided start as on install: one step at a time, one save at the end. */}
            <button type="button" className="primary" onClick={() => openPage('/welcome.html')}>
              Start a no-contact period
            </button>
          </>
        )}
        <Footer />
      </main>
    );
  }

  return (
    <ActivePopup
      period={period}
      today={today}
      ended={status.state === 'ended'}
      day={status.state === 'active' ? status.day : period.lengthDays}
      daysLeft={status.state === 'active' ? status.daysLeft : 0}
      lastDay={status.state === 'active' && status.day === period.lengthDays}
      offerWayOut={readinessDue(status)}
      onWayOut={() => setWayOutFor(period)}
      stats={stats}
      db={db}
      reload={reload}
      waiting={first.waiting}
    />
  );
}

interface ActiveProps {
  period: Period;
  today: string;
  ended: boolean;
  day: number;
  daysLeft: number;
  /** Today is the period's last day: what it came to shows, as once it has ended. */
  lastDay: boolean;
  offerWayOut: boolean;
  onWayOut: () => void;
  stats: PopupStats | null;
  db: LeanDb | null;
  reload: () => Promise<void>;
  waiting: number;
}

type View = 'home' | ContactFlowKind;

function ActivePopup({
  period,
  today,
  ended,
  day,
  daysLeft,
  lastDay,
  offerWayOut,
  onWayOut,
  stats,
  db,
  reload,
  waiting,
}: ActiveProps) {
  const [view, setView] = useState<View>('home');
  const milestone = ended ? null : milestoneLine(day);
  const told = progress({
    day,
    periodStart: period.startDate,
    today: today as DayKey,
    counts: stats && {
      today: stats.today,
      week: stats.week,
      periodTotal: stats.periodTotal,
      periodResisted: stats.periodResisted,
      // Once the period is over, its days are told by what it came to, not by a streak.
      lastContactDay: ended ? null : stats.lastContactDay,
    },
  });
  // Until there is something to show, a warm line rather than an empty chart.
  const hasBars = !!stats && day > 1 && stats.last14.some((d) => d.resisted + d.gaveIn > 0);
  // On the last day and after, what the period came to tells its figures: not twice over.
  const closing = ended || lastDay;
  const header = closing ? [] : told.header;
  const contactNote = closing ? null : told.contactNote;
  const back = () => {
    setView('home');
    void reload();
  };

  if (view === 'i-contacted' || view === 'they-contacted') {
    return (
      <Flow>
        <ContactFlow
          kind={view}
          periodId={period.id}
          save={async (contact) => {
            if (!db) throw new Error('Your log isn’t ready on this device yet. Open Insights once, then try again.');
            await addContact(contact, db);
          }}
          onDone={back}
        />
      </Flow>
    );
  }

  return (
    <main className="popup">
      <h1 className="visually-hidden">Breathing Room</h1>
      <ProtectionWarning onOpenSettings={openOptions} />
      <div className="popup-head">
        <ProgressRing day={day} of={period.lengthDays} />
        {header.length > 0 && (
          <dl className="streaks">
            {header.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {contactNote && <p className="hint contact-note">{contactNote}</p>}
      {header.some((f) => f.value === '–') && (
        <p className="hint">
          1 entry couldn’t be read, so a count of days it starts from is not shown. It is still stored on this device.
        </p>
      )}
      {/* Always within the first screen, whatever cards show below. */}
      <LogUrge periodId={period.id} db={db} onLogged={() => void reload()} />
      <ContactButtons small onChoose={setView} />
      {(ended || lastDay) && (
        <Suspense fallback={<p aria-busy="true">Opening…</p>}>
          <CompletionView period={period} today={today as DayKey} ended={ended} db={db} onContinue={onWayOut} />
        </Suspense>
      )}
      {offerWayOut && !ended && !lastDay && (
        <div className="card way-out-offer">
          <p>
            {daysLeft === 1 ? 'One day' : `${daysLeft} days`} to go. When you are ready, take stock honestly of what
            comes next.
          </p>
          <button type="button" onClick={onWayOut}>
            Look at what comes next
          </button>
        </div>
      )}
      {milestone && (
        <p className="milestone">
          <strong>Day {day}.</strong> {milestone.text}
        </p>
      )}
      {waiting > 0 && (
        <p className="hint waiting-note">
          {waiting === 1 ? 'One change is' : `${waiting} changes are`} waiting out your cool-off; everything stays
          paused until then.{' '}
          <button type="button" className="quiet" onClick={openOptions}>
            See or cancel
          </button>
        </p>
      )}
      {!stats && (
        <p className="status" role="status">
          Your numbers couldn’t be read on this device just now, so they are not shown. Nothing has been lost.
        </p>
      )}
      {told.row.length > 0 && (
        <dl className="stats">
          {told.row.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {hasBars && stats ? (
        <StackedBars bars={stats.last14} title="Urges in the last 14 days" level={2} />
      ) : (
        stats && (
          <p className="hint first-days">
            As you note urges, a chart of your last two weeks will grow here: the ones you rode out, and the ones you
            went on.
          </p>
        )
      )}
      <Footer />
    </main>
  );
}

function Footer() {
  return (
    <nav className="popup-foot" aria-label="More">
      <button type="button" className="quiet" onClick={() => openPage('/insights.html')}>
        Insights
      </button>
      <button type="button" className="quiet" onClick={() => openPage('/letters.html')}>
        Letters
      </button>
      <button type="button" className="quiet" onClick={openOptions}>
        Settings
      </button>
    </nav>
  );
}
