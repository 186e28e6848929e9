import { useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { LibraryItem } from '@/content/library';
import { ask } from '@/lib/browser-messages';
import { dayKeyOf, localTime } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { answerIsEnough, MIN_ANSWER_WORDS, needsTypedAnswer, ordinal, pauseFor } from '@/lib/escalation';
import { displayHost } from '@/lib/hosts';
import { readInterstitialTarget, refusedTargetText } from '@/lib/interstitial-target';
import { type Match, matchUrl } from '@/lib/match-url';
import { newUrge } from '@/lib/new-records';
import { periodStatus } from '@/lib/period';
import { policyFromSettings } from '@/lib/policy';
import { type NewUrge, NOTE_MAX_LENGTH } from '@/lib/records';
import { type PromptMoment, rememberShown, selectAlternatives, selectPrompt } from '@/lib/select-prompt';
import {
  loadRecentPrompts,
  parsePeriod,
  parseSettings,
  periodItem,
  recentPromptsItem,
  settingsItem,
} from '@/lib/settings';
import { urgesInHourBefore } from '@/lib/urges';
import { LetterEditor } from '../LetterEditor';
import { UrgeForm } from '../UrgeForm';
import { useCountdown } from '../use-countdown';
import { useStoredValue } from '../use-stored-value';
import { BreathingPause } from './BreathingPause';
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
    const refused = refusedTargetText(location.href);
    return (
      <main className="page interstitial">
        <h1>Nothing is paused here</h1>
        <p>This page opens when Breathing Room pauses a visit, and this time there is no visit to pause.</p>
        {refused && (
          <>
            <p>This page was opened with an address that Breathing Room will not go to:</p>
            <p>
              <code className="refused-address">{refused}</code>
            </p>
          </>
        )}
      </main>
    );
  }
  if (settings === undefined || period === undefined) {
    return <main className="page interstitial" aria-busy="true" />;
  }

  const policy = policyFromSettings(settings, period, arrivedAt);
  const match = policy && matchUrl(target.url, policy);
  if (!match) {
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

  // With no period running, only their pages are paused (the user chose that on moving on).
  const status = period ? periodStatus(period, dayKeyOf(arrivedAt)) : null;
  const day = status?.state === 'active' ? { day: status.day, of: status.lengthDays } : null;
  const draft = newUrge({
    time: arrivedAt,
    host: match.host,
    category: match.kind,
    context: match.context,
    periodId: status?.state === 'active' ? (period?.id ?? null) : null,
  });

  return (
    <PausedView
      url={target.url}
      match={match}
      day={day}
      basePause={settings.pauseSeconds}
      arrivedAt={arrivedAt}
      draft={draft}
      fromOpenTab={target.reason === 'open-tab'}
    />
  );
}

interface PausedViewProps {
  url: URL;
  match: Match;
  day: { day: number; of: number } | null;
  basePause: number;
  arrivedAt: number;
  draft: NewUrge;
  fromOpenTab: boolean;
}

interface Moment {
  /** Urges in the hour before this one. */
  earlier: number;
  /** Urges today, this one included. */
  today: number;
  prompt: LibraryItem;
  alternatives: LibraryItem[];
}

/**
 * Works out the moment once the urge is on record: how many came before it this hour and today,
 * and which prompt and alternatives to show (never one of the last ten prompts).
 */
function useMoment(
  urgeTime: number | null,
  urgeId: number | undefined,
  match: Match,
  day: PausedViewProps['day'],
  counted: boolean,
): Moment | null {
  const [moment, setMoment] = useState<Moment | null>(null);
  useEffect(() => {
    if (urgeTime === null || (counted && urgeId === undefined)) return;
    let live = true;
    void (async () => {
      const db = getDb();
      const [earlier, todayCount, recent] = await Promise.all([
        urgesInHourBefore(db, urgeTime, urgeId),
        db.urges.where('day').equals(dayKeyOf(urgeTime)).count(),
        loadRecentPrompts(),
      ]);
      const promptMoment: PromptMoment = { context: match.context, hour: localTime(urgeTime).hour, day, recent };
      const prompt = selectPrompt(promptMoment, Math.random, needsTypedAnswer(earlier));
      const alternatives = selectAlternatives(promptMoment);
      if (!live) return;
      setMoment({ earlier, today: counted ? todayCount : todayCount + 1, prompt, alternatives });
      await recentPromptsItem.setValue(rememberShown(recent, [prompt.id]));
    })();
    return () => {
      live = false;
    };
  }, [urgeTime, urgeId, match.context, day, counted]);
  return moment;
}

function PausedView({ url, match, day, basePause, arrivedAt, draft, fromOpenTab }: PausedViewProps) {
  const id = useId();
  const [stableDraft] = useState(draft);
  const [stableDay] = useState(day);
  const urge = useUrgeRecord(stableDraft, !fromOpenTab);
  const moment = useMoment(urge.time, urge.id, match, stableDay, !fromOpenTab);
  const pauseSeconds = moment ? pauseFor(basePause, moment.earlier) : null;
  const remaining = useCountdown(pauseSeconds, arrivedAt);
  const [now, setNow] = useState(arrivedAt);
  const [busy, setBusy] = useState(false);
  const [writing, setWriting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const host = displayHost(match.host);
  const waiting = remaining === null || remaining > 0;
  const askAnswer = moment ? needsTypedAnswer(moment.earlier) : false;
  const answered = !askAnswer || answerIsEnough(urge.fields.answer);
  const writeFirst = match.context === 'messaging' || match.context === 'profile';

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [waiting]);

  async function stepAway() {
    setBusy(true);
    try {
      if (!fromOpenTab) await urge.finish('resisted');
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

  const writeButton = (
    <button
      type="button"
      className={writeFirst ? 'primary' : undefined}
      onClick={() => setWriting(true)}
      aria-expanded={writing}
      aria-controls={`${id}-letter`}
    >
      Write it here instead
    </button>
  );

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
      {moment && !fromOpenTab && (
        <p className="attempt">
          This is the {ordinal(moment.today)} time today. Noticing it is the work; there is nothing to be ashamed of.
        </p>
      )}

      <BreathingPause remaining={remaining} pauseSeconds={pauseSeconds} elapsedMs={now - arrivedAt} />

      {moment && (
        <figure className="card prompt" aria-labelledby={`${id}-prompt-label`}>
          <figcaption id={`${id}-prompt-label`} className="hint">
            {askAnswer ? 'A question to answer before going on' : 'A thought for this moment'}
          </figcaption>
          <blockquote className="prompt-text" id={`${id}-prompt`}>
            {moment.prompt.text}
          </blockquote>
        </figure>
      )}

      {askAnswer && (
        <div className="field">
          <label htmlFor={`${id}-answer`}>Your answer</label>
          <span className="hint" id={`${id}-answer-hint`}>
            This is the third pause this hour. To go on, answer the question above in at least {MIN_ANSWER_WORDS} words.
            It is saved with this urge.
          </span>
          <textarea
            id={`${id}-answer`}
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            value={urge.fields.answer}
            onChange={(e) => urge.change({ answer: e.target.value })}
            aria-describedby={`${id}-prompt ${id}-answer-hint`}
          />
        </div>
      )}

      <div className="actions">
        {writeFirst && writeButton}
        <button type="button" className={writeFirst ? undefined : 'primary'} onClick={stepAway} disabled={busy}>
          Step away
        </button>
        {!writeFirst && writeButton}
        {!match.noContinue && (
          <button
            type="button"
            onClick={continueToSite}
            disabled={busy || waiting || !answered}
            aria-describedby={`${id}-continue-hint`}
          >
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
        <p className="hint" id={`${id}-continue-hint`}>
          {waiting
            ? 'Continue opens when the pause is over.'
            : answered
              ? 'You can continue if you still want to. Stepping away is always there too.'
              : `Continue opens once you have answered in at least ${MIN_ANSWER_WORDS} words.`}
        </p>
      )}
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}

      {writing && (
        <section className="card" id={`${id}-letter`} aria-labelledby={`${id}-letter-heading`}>
          <h2 id={`${id}-letter-heading`}>Write it here instead</h2>
          <LetterEditor
            from={{ host: match.host, periodId: stableDraft.periodId }}
            label={`A letter you won’t send${match.kind === 'person' || match.context === 'messaging' ? ' to them' : ''}`}
            autoFocus
          />
          <p>
            <a href={browser.runtime.getURL('/letters.html')} target="_blank" rel="noopener">
              All your letters
            </a>
          </p>
        </section>
      )}

      {moment && moment.alternatives.length > 0 && (
        <section className="card" aria-labelledby={`${id}-alt-heading`}>
          <h2 id={`${id}-alt-heading`}>Instead, you could</h2>
          <ul className="alternatives">
            {moment.alternatives.map((a) => (
              <li key={a.id}>{a.text}</li>
            ))}
          </ul>
          <p className="hint">Step away above takes this tab back to where you were.</p>
        </section>
      )}

      {!fromOpenTab && (
        <section className="card" aria-labelledby={`${id}-urge-heading`}>
          <h2 id={`${id}-urge-heading`}>Notice the urge</h2>
          <UrgeForm value={urge.fields} onChange={urge.change} error={urge.error} />
        </section>
      )}
    </main>
  );
}
