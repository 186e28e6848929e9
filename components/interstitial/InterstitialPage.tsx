import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { LibraryItem } from '@/content/library';
import { displayHost } from '@/lib/detection/hosts';
import { type Match, matchUrl } from '@/lib/detection/match-url';
import { policyFromSettings } from '@/lib/detection/policy';
import type { ResponseFor } from '@/lib/messages/protocol';
import { ask } from '@/lib/messages/send';
import { readInterstitialTarget, refusedTargetText, type StopReason } from '@/lib/pause/address';
import { answerIsEnough, MIN_ANSWER_WORDS, needsTypedAnswer, pauseFor } from '@/lib/pause/escalation';
import { type PromptMoment, rememberShown, selectAlternatives, selectPrompt } from '@/lib/pause/select-prompt';
import { parseStopKey, stopKeyItem } from '@/lib/pause/stop-key';
import { dayKeyOf, localTime } from '@/lib/period/calendar';
import { periodStatus } from '@/lib/period/period';
import { newUrge } from '@/lib/records/new-records';
import { type NewUrge, NOTE_MAX_LENGTH } from '@/lib/records/types';
import { countUrgesOnDay, wentOnInHourBefore } from '@/lib/records/urges';
import {
  loadRecentPrompts,
  parsePeriod,
  parseSettings,
  periodItem,
  recentPromptsItem,
  settingsItem,
} from '@/lib/settings/settings';
import { ordinal } from '../format';
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
  // Going back can take a while on a busy machine: only a page that has not left by then opens
  // a fresh tab, so the person never ends up with two.
  if (history.length > 1) {
    const left = await new Promise<boolean>((resolve) => {
      window.addEventListener('pagehide', () => resolve(true), { once: true });
      history.back();
      setTimeout(() => resolve(false), 2000);
    });
    if (left) return;
  }
  const tab = await browser.tabs.getCurrent();
  if (!tab?.id) {
    window.close();
    return;
  }
  await browser.tabs.create({ windowId: tab.windowId, index: tab.index + 1, active: true });
  await browser.tabs.remove(tab.id);
}

/** Their page, embedded in another site: a calm note in the frame, and nothing to click. */
export function FramedNote() {
  return (
    <main className="framed-note">
      <p>Paused by Breathing Room.</p>
    </main>
  );
}

/**
 * A visit a widened rule stopped but the matcher does not (see rule-regex.ts): it goes straight
 * on, with no urge logged and nothing to click.
 */
function PassThrough({ url }: { url: URL }) {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    ask({ type: 'pass-through', url: url.href }).then(
      (answer) => (answer.ok ? location.replace(url.href) : setFailed(true)),
      () => setFailed(true),
    );
  }, [url]);
  const host = displayHost(url.hostname);
  return (
    <main className="page interstitial">
      {failed ? (
        <>
          <h1>Breathing Room won’t open this from here</h1>
          <p>
            This address on {host} is written in an unusual way, so Breathing Room can’t tell whether it is one of the
            pages you asked it to pause. If you meant to go there, type the address as you usually would.
          </p>
        </>
      ) : (
        <p aria-busy="true">Going on to {host}…</p>
      )}
    </main>
  );
}

export function InterstitialPage() {
  const [arrivedAt] = useState(() => Date.now());
  const target = useMemo(() => readInterstitialTarget(location.href), []);
  const settings = useStoredValue(settingsItem, parseSettings);
  const period = useStoredValue(periodItem, parsePeriod);
  const stopKey = useStoredValue(stopKeyItem, parseStopKey);
  // Whether this visit goes straight on is decided once, on arrival: a pause page left open never
  // sends itself on to the site because a setting changed later.
  const passesOn = useRef<boolean | null>(null);

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
  if (settings === undefined || period === undefined || stopKey === undefined) {
    return <main className="page interstitial" aria-busy="true" />;
  }

  // Only a stop Breathing Room made carries this session's key; a page that opened this one
  // itself (or an old tab from before a restart) logs nothing and lengthens no pause.
  const madeByUs = target.key !== null && target.key === stopKey;
  const policy = policyFromSettings(settings, period, arrivedAt);
  const match = policy && matchUrl(target.url, policy);
  passesOn.current ??= !match && madeByUs && target.reason === 'visit';
  if (!match && passesOn.current) return <PassThrough url={target.url} />;
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
      reason={target.reason}
      logs={madeByUs && target.reason === 'visit'}
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
  reason: StopReason;
  /** Whether this visit is logged as an urge (a real stop, not an open tab or a page's trick). */
  logs: boolean;
}

interface Moment {
  /** Times the person went on from the pause page in the hour before this one. */
  earlier: number;
  /** Urges today, this one included; null when the log could not be read. */
  today: number | null;
  prompt: LibraryItem;
  alternatives: LibraryItem[];
}

/**
 * Works out the moment once the urge is on record: how many times the person went on this hour,
 * how many urges came today,
 * and which prompt and alternatives to show (never one of the last ten prompts).
 */
function useMoment(
  urgeTime: number | null,
  urgeId: number | undefined,
  match: Match,
  day: PausedViewProps['day'],
  counted: boolean,
  saveFailed: boolean,
): Moment | null {
  const [moment, setMoment] = useState<Moment | null>(null);
  useEffect(() => {
    if (urgeTime === null || (counted && urgeId === undefined && !saveFailed)) return;
    let live = true;
    void (async () => {
      // When the log can't be read or written (a full disk), the pause falls back to its base
      // length and no count is shown; everything else on the page still works.
      const [earlier, todayCount, recent] = await Promise.all([
        wentOnInHourBefore(urgeTime, urgeId).catch(() => 0),
        countUrgesOnDay(dayKeyOf(urgeTime)).catch(() => null),
        loadRecentPrompts().catch(() => []),
      ]);
      const promptMoment: PromptMoment = { context: match.context, hour: localTime(urgeTime).hour, day, recent };
      const prompt = selectPrompt(promptMoment, Math.random, needsTypedAnswer(earlier));
      const alternatives = selectAlternatives(promptMoment);
      if (!live) return;
      const today = todayCount === null || (counted && saveFailed) ? null : counted ? todayCount : todayCount + 1;
      setMoment({ earlier: saveFailed ? 0 : earlier, today, prompt, alternatives });
      await recentPromptsItem.setValue(rememberShown(recent, [prompt.id])).catch(() => undefined);
    })();
    return () => {
      live = false;
    };
  }, [urgeTime, urgeId, match.context, day, counted, saveFailed]);
  return moment;
}

function PausedView({ url, match, day, basePause, arrivedAt, draft, reason, logs }: PausedViewProps) {
  const id = useId();
  const fromOpenTab = reason !== 'visit';
  const [stableDraft] = useState(draft);
  const [stableDay] = useState(day);
  const urge = useUrgeRecord(stableDraft, logs);
  const saveFailed = urge.error !== null;
  const moment = useMoment(
    urge.time ?? (saveFailed ? stableDraft.time : null),
    urge.id,
    match,
    stableDay,
    logs,
    saveFailed,
  );
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
    // Leaving never waits on the log: a full disk must not keep anyone here.
    if (logs) await urge.finish('resisted').catch(() => undefined);
    try {
      await leaveTab();
    } catch {
      setActionError('Something went wrong while leaving. You can close this tab.');
      setBusy(false);
    }
  }

  async function continueToSite() {
    setBusy(true);
    setActionError(null);
    // The urge is logged as gone on only once the background has granted the pass: a refused or
    // failed grant leaves it as it was, and the page says so.
    const unchanged = logs ? ' This urge is still logged as it was.' : '';
    let answer: ResponseFor<'grant-continue'>;
    try {
      answer = await ask({ type: 'grant-continue', url: url.href });
    } catch {
      setActionError(`Something went wrong, so the page was not opened.${unchanged} Please try again.`);
      setBusy(false);
      return;
    }
    if (!answer.ok) {
      setActionError(
        answer.reason === 'no-continue'
          ? `You chose never to continue to their pages, so this page was not opened.${unchanged}`
          : `This page is no longer paused, so Breathing Room did not open it from here.${unchanged}`,
      );
      setBusy(false);
      return;
    }
    // Recorded now, and never in the way of the pass already granted.
    if (logs) await urge.finish('gave-in').catch(() => undefined);
    location.replace(url.href);
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
        {reason === 'pass-ended'
          ? 'Your ten minutes are up on '
          : fromOpenTab
            ? 'This tab was open on '
            : 'You were on your way to '}
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
      {saveFailed && (
        <p className="status" role="status">
          This pause couldn’t be saved on this device; your browser may be out of storage space. Everything here still
          works.
        </p>
      )}
      {moment && logs && moment.today !== null && (
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
            You have gone on more than once in the past hour, so this time going on takes a few words first: answer the
            question above in at least {MIN_ANSWER_WORDS} words. It is saved with this urge.
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

      {logs && (
        <section className="card" aria-labelledby={`${id}-urge-heading`}>
          <h2 id={`${id}-urge-heading`}>Notice the urge</h2>
          <UrgeForm value={urge.fields} onChange={urge.change} error={null} />
        </section>
      )}
    </main>
  );
}
