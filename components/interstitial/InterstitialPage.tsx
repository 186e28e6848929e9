import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { ask } from '@/lib/browser-messages';
import { dayKeyOf } from '@/lib/calendar';
import type { NewUrge } from '@/lib/db';
import { displayHost } from '@/lib/hosts';
import { readInterstitialTarget } from '@/lib/interstitial-target';
import { type Match, matchUrl } from '@/lib/match-url';
import { periodStatus } from '@/lib/period';
import { policyFromSettings } from '@/lib/policy';
import { selectPrompt } from '@/lib/select-prompt';
import { parsePeriod, parseSettings, periodItem, settingsItem } from '@/lib/settings';
import { newUrge } from '@/lib/urges';
import { UrgeForm } from '../UrgeForm';
import { useCountdown } from '../use-countdown';
import { useStoredValue } from '../use-stored-value';
import { useUrgeRecord } from './use-urge-record';

/** Goes back to where the user came from, or swaps this tab for a fresh one when there is nowhere to go back to. */
async function leaveTab() {
  // history.length counts entries of every origin (the Navigation API only sees ours). If going
  // back does not take us anywhere, for instance because this is the first entry, fall through.
  if (history.length > 1) {
    history.back();
    await new Promise((resolve) => setTimeout(resolve, 600));
  }
  const tab = await browser.tabs.getCurrent();
  if (!tab?.id) {
    window.close();
    return;
  }
  await browser.tabs.create({ windowId: tab.windowId, index: tab.index + 1, active: true });
  await browser.tabs.remove(tab.id);
}

export function InterstitialPage() {
  const [arrivedAt] = useState(() => Date.now());
  const target = useMemo(() => readInterstitialTarget(location.href), []);
  const settings = useStoredValue(settingsItem, parseSettings);
  const period = useStoredValue(periodItem, parsePeriod);

  if (!target) {
    return (
      <main className="page interstitial">
        <h1>Nothing is paused here</h1>
        <p>This page opens when Breathing Room pauses a visit, and this time there is no visit to pause.</p>
      </main>
    );
  }
  if (settings === undefined || period === undefined) {
    return <main className="page interstitial" aria-busy="true" />;
  }

  const policy = policyFromSettings(settings, period, arrivedAt);
  const match = policy && matchUrl(target.url, policy);
  if (!match || !period) {
    return (
      <main className="page interstitial">
        <h1>This page is no longer paused</h1>
        <p>
          Your settings have changed since this pause began, and {displayHost(target.url.hostname)} is not being stopped
          now.
        </p>
        <p>
          <a href={target.url.href}>Go to {displayHost(target.url.hostname)}</a>
        </p>
      </main>
    );
  }

  const status = periodStatus(period, dayKeyOf(arrivedAt));
  const day = status.state === 'active' ? { day: status.day, of: status.lengthDays } : null;
  const draft = newUrge({
    time: arrivedAt,
    host: match.host,
    category: match.kind,
    context: match.context,
    periodId: period.id,
  });

  return (
    <PausedView
      url={target.url}
      match={match}
      day={day}
      pauseSeconds={settings.pauseSeconds}
      arrivedAt={arrivedAt}
      draft={draft}
      recordOnArrival={target.reason === 'visit'}
      fromOpenTab={target.reason === 'open-tab'}
    />
  );
}

interface PausedViewProps {
  url: URL;
  match: Match;
  day: { day: number; of: number } | null;
  pauseSeconds: number;
  arrivedAt: number;
  draft: NewUrge;
  recordOnArrival: boolean;
  fromOpenTab: boolean;
}

function PausedView({
  url,
  match,
  day,
  pauseSeconds,
  arrivedAt,
  draft,
  recordOnArrival,
  fromOpenTab,
}: PausedViewProps) {
  const [prompt] = useState(() => selectPrompt(match.context));
  const [stableDraft] = useState(draft);
  const urge = useUrgeRecord(stableDraft, recordOnArrival);
  const remaining = useCountdown(pauseSeconds, arrivedAt);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const host = displayHost(match.host);
  const waiting = remaining === null || remaining > 0;

  async function stepAway() {
    setBusy(true);
    try {
      if (recordOnArrival) await urge.finish('resisted');
      await leaveTab();
    } catch {
      setActionError('Something went wrong while leaving. You can close this tab.');
      setBusy(false);
    }
  }

  async function continueToSite() {
    setBusy(true);
    setActionError(null);
    try {
      await urge.finish('gave-in');
      const answer = await ask({ type: 'grant-continue', url: url.href });
      if (!answer.ok) {
        setActionError('This page can’t be opened from here right now.');
        setBusy(false);
        return;
      }
      location.replace(url.href);
    } catch {
      setActionError('Something went wrong, so the page was not opened. Please try again.');
      setBusy(false);
    }
  }

  return (
    <main className="page interstitial">
      <p className="brand">Breathing Room</p>
      <h1>Take a breath.</h1>
      <p className="lead">
        {fromOpenTab ? 'This tab was open on ' : 'You were on your way to '}
        {match.kind === 'person' ? 'their page on ' : match.kind === 'search' ? 'a search for them on ' : ''}
        <strong className="stopped-host">{host}</strong>.
        {day && (
          <>
            {' '}
            <span className="day-count">
              Day {day.day} of {day.of}
            </span>{' '}
            of your no-contact period.
          </>
        )}
      </p>

      <figure className="card prompt" aria-labelledby="prompt-label">
        <figcaption id="prompt-label" className="hint">
          A thought for this moment
        </figcaption>
        <blockquote className="prompt-text">{prompt.text}</blockquote>
      </figure>

      <section className="card" aria-labelledby="urge-heading">
        <h2 id="urge-heading">Notice the urge</h2>
        <UrgeForm value={urge.fields} onChange={urge.change} error={urge.error} />
      </section>

      <div className="actions">
        <button type="button" className="primary" onClick={stepAway} disabled={busy}>
          Step away
        </button>
        {!match.noContinue && (
          <button type="button" onClick={continueToSite} disabled={busy || waiting} aria-describedby="pause-status">
            Continue to site
          </button>
        )}
      </div>
      {match.noContinue ? (
        <p className="hint">
          You chose never to continue to their pages from here. That was a decision made on a clearer day; it still
          stands. You can change it in the settings if your reasons change.
        </p>
      ) : (
        <p id="pause-status" className="hint">
          {waiting ? (
            <>
              Continue opens after a {pauseSeconds}-second pause.
              {remaining ? <span aria-hidden="true"> {remaining} s left.</span> : null}
            </>
          ) : (
            'You can continue if you still want to. Stepping away is always there too.'
          )}
        </p>
      )}
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}
    </main>
  );
}
