import { useCallback, useEffect, useState } from 'react';
import { personTargets } from '@/lib/detection/person';
import { namesOf } from '@/lib/detection/policy';
import { dayKeyOf } from '@/lib/period/calendar';
import { periodStatus } from '@/lib/period/period';
import { readinessDue } from '@/lib/period/way-out';
import { addContact } from '@/lib/records/contacts';
import { type InsightsStats, percent, readInsights } from '@/lib/records/stats';
import { everyone } from '@/lib/settings/people';
import { parsePeriod, parseSettings, periodItem, settingsItem } from '@/lib/settings/settings';
import { ContactButtons } from '../ContactButtons';
import { ContactFlow, type ContactFlowKind } from '../ContactFlow';
import { DailyChart } from '../charts/DailyChart';
import { Heatmap } from '../charts/Heatmap';
import { TopList } from '../charts/TopList';
import { WeeklyShare } from '../charts/WeeklyShare';
import { PendingChanges } from '../PendingChanges';
import { SectionBoundary } from '../SectionBoundary';
import { useStoredValue } from '../use-stored-value';
import { EndEarly } from '../way-out/EndEarly';
import { WayOut } from '../way-out/WayOut';
import { Contacts } from './Contacts';
import { History } from './History';
import { PastPeriods } from './PastPeriods';

/**
 * The insights page for the current period (or the last one): charts counted by the database,
 * the full history with filters and edits, contacts, past periods, and the way out.
 */
export function InsightsPage() {
  const [today] = useState(() => dayKeyOf(Date.now()));
  const period = useStoredValue(periodItem, parsePeriod);
  const settings = useStoredValue(settingsItem, parseSettings);
  const [stats, setStats] = useState<InsightsStats | null>();
  /** The counts could not be made: said as that, never as zero. */
  const [countFailed, setCountFailed] = useState(false);
  const [contactFlow, setContactFlow] = useState<ContactFlowKind | null>(null);
  const [closedWords, setClosedWords] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  // Counting reads indexes only; it runs again after an edit here and when the page comes back
  // into view (the popup writes without telling this page): `version` is that signal.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` only asks for a recount
  useEffect(() => {
    if (period === undefined) return;
    if (!period) {
      setStats(null);
      return;
    }
    let live = true;
    void (async () => {
      try {
        const result = await readInsights(period, today);
        if (live && result) {
          setStats(result);
          setCountFailed(false);
        }
      } catch {
        if (live) setCountFailed(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [period, today, version]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  useEffect(() => {
    if (stats) performance.mark('breathing-room:insights-ready');
  }, [stats]);

  if (period === undefined || settings === undefined) return <main className="page wide" aria-busy="true" />;

  const status = period ? periodStatus(period, today) : null;
  const wayOut = (p: NonNullable<typeof period>) => (
    <WayOut
      period={p}
      complete={
        status && (status.state === 'ended' || (status.state === 'active' && status.day === p.lengthDays))
          ? { ended: status.state === 'ended' }
          : undefined
      }
      hasPerson={everyone(settings).some((p) => personTargets(p.profiles).length > 0 || namesOf(p).length > 0)}
      onClosed={setClosedWords}
    />
  );
  const share = stats ? percent(stats.resisted, stats.total) : null;

  return (
    <main className="page wide">
      <h1>Insights</h1>
      {period && status ? (
        <p className="lead">
          {status.state === 'active'
            ? `Day ${status.day} of ${status.lengthDays}.`
            : `Your ${period.lengthDays}-day period has ended.`}{' '}
          {stats ? `${stats.total} urges noted${share === null ? '' : `, ${share}% resisted`}.` : ''}
        </p>
      ) : (
        <p className="lead">No period is running. Your history and past periods are below.</p>
      )}

      {closedWords && (
        <p className="card status" role="status">
          {closedWords}
        </p>
      )}
      <ContactButtons onChoose={setContactFlow} />
      {contactFlow && (
        <ContactFlow
          kind={contactFlow}
          periodId={period?.id ?? null}
          save={async (contact) => {
            await addContact(contact);
          }}
          onDone={() => setContactFlow(null)}
        />
      )}

      <PendingChanges />
      {period && readinessDue(status) && wayOut(period)}

      {period && (
        <SectionBoundary name="This period’s charts">
          <section className="card" aria-labelledby="charts-heading">
            <h2 id="charts-heading">This period</h2>
            {countFailed && !stats ? (
              <p>This period’s counts couldn’t be made just now. Your history below is still here.</p>
            ) : stats === undefined ? (
              <p aria-busy="true">Counting…</p>
            ) : stats && stats.total === 0 ? (
              <p>
                No urges noted in this period yet. When you note one, from the pause page or the popup, this is where
                you will see how they come and go.
              </p>
            ) : stats ? (
              <div className="charts">
                <DailyChart points={stats.daily} />
                <Heatmap cells={stats.heatmap} />
                <div className="two-up">
                  <TopList title="Top triggers" items={stats.triggers} empty="No triggers noted yet." />
                  <TopList title="Top sites" items={stats.sites} empty="No sites yet." />
                </div>
                <WeeklyShare weeks={stats.weeks} />
              </div>
            ) : (
              <p>Nothing to show yet.</p>
            )}
          </section>
        </SectionBoundary>
      )}

      <SectionBoundary name="History">
        <History sites={stats?.allSites ?? []} onChange={refresh} />
      </SectionBoundary>
      <SectionBoundary name="Contacts">
        <Contacts />
      </SectionBoundary>
      <SectionBoundary name="Past periods">
        <PastPeriods />
      </SectionBoundary>
      {/* Possible, never a trap, and never the first thing on the page. */}
      {period && !readinessDue(status) && <EndEarly>{wayOut(period)}</EndEarly>}
    </main>
  );
}
