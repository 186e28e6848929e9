import { cloneElement, type ReactElement, useEffect, useId, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { LIBRARY, type LibraryItem } from '@/content/library';
import { displayHost } from '@/lib/detection/hosts';
import { type Match, matchUrl } from '@/lib/detection/match-url';
import { policyFromSettings } from '@/lib/detection/policy';
import type { ResponseFor } from '@/lib/messages/protocol';
import { ask } from '@/lib/messages/send';
import { readInterstitialTarget, refusedTargetText, type StopReason } from '@/lib/pause/address';
import { answerIsEnough, MIN_ANSWER_WORDS, needsTypedAnswer, pauseFor } from '@/lib/pause/escalation';
import { asksWhoItIsAbout, SOMEONE_ELSE_MINUTES } from '@/lib/pause/messaging-question';
import {
  type OwnWords,
  type PromptMoment,
  rememberShown,
  selectAlternatives,
  selectOwnWords,
  selectPrompt,
} from '@/lib/pause/select-prompt';
import { parseStopKey, stopKeyItem } from '@/lib/pause/stop-key';
import { dayKeyOf, localTime } from '@/lib/period/calendar';
import { periodStatus } from '@/lib/period/period';
import { contactsSeen } from '@/lib/records/contacts';
import { newUrge } from '@/lib/records/new-records';
import { type NewUrge, NOTE_MAX_LENGTH } from '@/lib/records/types';
import { wentOnInHourBefore } from '@/lib/records/urges';
import { hasOthers } from '@/lib/settings/people';
import {
  loadRecentPrompts,
  parsePeriod,
  parseSettings,
  periodItem,
  recentPromptsItem,
  settingsItem,
} from '@/lib/settings/settings';
import { LetterEditor } from '../LetterEditor';
import { UrgeForm } from '../UrgeForm';
import { useCountdown } from '../use-countdown';
import { useStoredValue } from '../use-stored-value';
import { BreathingGuide } from './BreathingGuide';
import { landedBySteppingAway, leaveTab } from './leave-tab';
import { useUrgeRecord } from './use-urge-record';

/** How long leaving or going on waits for the urge's outcome to be written: never longer. */
const LOG_WAIT_MS = 1500;

/** Waits for `write` to finish, or `LOG_WAIT_MS`, whichever comes first; never throws. */
function noLongerThan(write: Promise<unknown>): Promise<unknown> {
  return Promise.race([write.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, LOG_WAIT_MS))]);
}

/**
 * Going back after Step away landed on an address that is paused too: this page logs nothing and
 * goes on back (or opens a fresh tab when there is nowhere further back).
 */
function GoingOnBack() {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void leaveTab().catch(() => window.close());
  }, []);
  return (
    <main className="page interstitial">
      <h1 className="visually-hidden">Stepping away</h1>
      <p className="lead" role="status">
        Going back…
      </p>
    </main>
  );
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
  // Decided once, on arrival, before anything is logged: see leave-tab.ts.
  const [steppingAway] = useState(() => landedBySteppingAway(target?.url ?? null));
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
  // Going back landed on a paused address while the person was leaving: leave on, logging nothing.
  // (An address that is not paused after all goes through as below.)
  if (match && steppingAway) return <GoingOnBack />;
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
  const view = {
    url: target.url,
    match,
    day,
    reason: target.reason,
    own: { plans: settings.plans, calmNote: settings.calmNote },
    several: hasOthers(settings),
  };
  const full = (
    <PausedView
      {...view}
      basePause={settings.pauseSeconds}
      draft={draft}
      logs={madeByUs && target.reason === 'visit'}
    />
  );
  return asksWhoItIsAbout(match, settings.askOnMessaging) ? <AskFirst {...view}>{full}</AskFirst> : full;
}

interface ViewProps {
  url: URL;
  match: Match;
  day: { day: number; of: number } | null;
  reason: StopReason;
  own: { plans: string[]; calmNote: string };
  /** Whether people around them are listed too: then this page never says whose page it was. */
  several: boolean;
}

/** Where the person was going, in one sentence, with the day of their period. */
function Where({ match, day, reason, several }: Pick<ViewProps, 'match' | 'day' | 'reason' | 'several'>) {
  return (
    <p className="lead">
      {reason === 'pass-ended'
        ? 'Your time is up on '
        : reason !== 'visit'
          ? 'This tab was open on '
          : 'You were on your way to '}
      {match.kind === 'person'
        ? several
          ? 'a page of one of the people you chose, on '
          : 'their page on '
        : match.kind === 'search'
          ? several
            ? 'a search for one of the people you chose, on '
            : 'a search for them on '
          : ''}
      <strong className="stopped-host">{displayHost(match.host)}</strong>.
      {day && (
        <>
          {' '}
          <span className="day-count">
            Day {day.day} of {day.of}
          </span>
          .
        </>
      )}
    </p>
  );
}

/**
 * On messaging, one question first: is this about them? People message family and friends all
 * day; "Someone else" lets this tab through to messaging on this site for half an hour, logs
 * nothing and lengthens no later pause. "Them" leads to the full pause.
 */
function AskFirst({
  url,
  match,
  day,
  reason,
  several,
  children,
}: ViewProps & { children: ReactElement<PausedViewProps> }) {
  const id = useId();
  const [aboutThem, setAboutThem] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const host = displayHost(match.host);
  if (aboutThem) return cloneElement(children, { focusOnShow: true });

  async function someoneElse() {
    setBusy(true);
    setError(null);
    try {
      const answer = await ask({ type: 'grant-someone-else', url: url.href });
      if (answer.ok) {
        location.replace(url.href);
        return;
      }
      setError(
        answer.reason === 'not-asked'
          ? 'Messaging is now a full pause in your settings, so this page was not opened. Reload to see the pause.'
          : 'This page is no longer paused, so Breathing Room did not open it from here.',
      );
    } catch {
      setError('Something went wrong, so the page was not opened. Please try again.');
    }
    setBusy(false);
  }

  return (
    <main className="page interstitial ask-first">
      <p className="brand">Breathing Room</p>
      <h1 id={`${id}-question`}>Is this about them?</h1>
      <Where match={match} day={day} reason={reason} several={several} />
      <fieldset className="choice" aria-labelledby={`${id}-question`}>
        <button
          type="button"
          className="big"
          onClick={someoneElse}
          disabled={busy}
          aria-describedby={`${id}-else-hint`}
        >
          Someone else
        </button>
        <button type="button" className="big" onClick={() => setAboutThem(true)} aria-describedby={`${id}-them-hint`}>
          Them
        </button>
      </fieldset>
      <p className="hint" id={`${id}-else-hint`}>
        Someone else: {host} opens in this tab for {SOMEONE_ELSE_MINUTES} minutes, for messages only. Nothing is logged.
      </p>
      <p className="hint" id={`${id}-them-hint`}>
        Them: a moment to breathe first, and somewhere to write it instead.
      </p>
      <p>
        <button type="button" className="quiet" onClick={() => void leaveTab().catch(() => window.close())}>
          Step away
        </button>{' '}
        <span className="hint">Goes back, with nothing logged.</span>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}

/** The prompt this page showed before a reload (kept in `history.state`), if it still fits. */
function keptPrompt(openQuestionOnly: boolean): LibraryItem | null {
  const id = (history.state as { promptId?: unknown } | null)?.promptId;
  const item = typeof id === 'string' ? LIBRARY.find((i) => i.id === id) : undefined;
  return item && (!openQuestionOnly || item.open) ? item : null;
}

interface PausedViewProps extends ViewProps {
  basePause: number;
  /** Shown in place of the messaging question: focus moves to its heading. */
  focusOnShow?: boolean;
  draft: NewUrge;
  /** Whether this visit is logged as an urge (a real stop, not an open tab or a page's trick). */
  logs: boolean;
}

interface Moment {
  /** Times the person went on from the pause page in the hour before this one. */
  earlier: number;
  prompt: LibraryItem;
  alternatives: LibraryItem[];
  /** One of their own plans, or their note, when they wrote any. */
  own: OwnWords | null;
}

/**
 * Works out the moment once the urge is on record: how many times the person went on this hour,
 * what contact is on record, and which of their own words, prompt and alternatives to show
 * (none shown lately).
 */
function useMoment(
  urgeTime: number | null,
  urgeId: number | undefined,
  props: Pick<PausedViewProps, 'match' | 'day' | 'own' | 'draft'>,
  counted: boolean,
  saveFailed: boolean,
): Moment | null {
  const [moment, setMoment] = useState<Moment | null>(null);
  const [fixed] = useState(props);
  useEffect(() => {
    if (urgeTime === null || (counted && urgeId === undefined && !saveFailed)) return;
    let live = true;
    void (async () => {
      // When the log can't be read or written (a full disk), the pause falls back to its base
      // length; everything else on the page still works.
      const [earlier, contacts, recent] = await Promise.all([
        wentOnInHourBefore(urgeTime, urgeId).catch(() => 0),
        contactsSeen(fixed.draft.periodId).catch(() => undefined),
        loadRecentPrompts().catch(() => []),
      ]);
      const promptMoment: PromptMoment = {
        context: fixed.match.context,
        hour: localTime(urgeTime).hour,
        day: fixed.day,
        recent,
        contacts,
      };
      const prompt =
        keptPrompt(needsTypedAnswer(earlier)) ?? selectPrompt(promptMoment, Math.random, needsTypedAnswer(earlier));
      // Kept with the page, so a reload shows the same words above an answer already typed.
      history.replaceState({ ...(history.state as object | null), promptId: prompt.id }, '');
      const alternatives = selectAlternatives(promptMoment);
      const own = selectOwnWords(fixed.own, recent);
      if (!live) return;
      setMoment({ earlier: saveFailed ? 0 : earlier, prompt, alternatives, own });
      const shown = [...(own ? [own.id] : []), prompt.id, ...alternatives.map((a) => a.id)];
      await recentPromptsItem.setValue(rememberShown(recent, shown)).catch(() => undefined);
    })();
    return () => {
      live = false;
    };
  }, [urgeTime, urgeId, fixed, counted, saveFailed]);
  return moment;
}

function PausedView({ url, match, day, reason, own, several, basePause, draft, logs, focusOnShow }: PausedViewProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // After "Is this about them?", focus moves to the pause that replaced the question.
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  const [stableDraft] = useState(draft);
  const urge = useUrgeRecord(stableDraft, logs);
  const saveFailed = urge.error !== null;
  const moment = useMoment(
    urge.time ?? (saveFailed ? stableDraft.time : null),
    urge.id,
    { match, day, own, draft: stableDraft },
    logs,
    saveFailed,
  );
  // On their pages, where Continue is not offered, there is nothing to count down to.
  const pauseSeconds = moment && !match.noContinue ? pauseFor(basePause, moment.earlier) : null;
  // The pause runs from when it is shown (after "Them", on messaging), not from the stop.
  const [shownAt] = useState(Date.now);
  const remaining = useCountdown(pauseSeconds, shownAt);
  const [busy, setBusy] = useState(false);
  const [writing, setWriting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const host = displayHost(match.host);
  const waiting = remaining === null || remaining > 0;
  const askAnswer = moment ? needsTypedAnswer(moment.earlier) : false;
  const answered = !askAnswer || answerIsEnough(urge.fields.answer);
  const writeFirst = match.context === 'messaging' || match.context === 'profile';

  async function stepAway() {
    setBusy(true);
    // Leaving never waits on the log: a full disk must not keep anyone here.
    if (logs) await noLongerThan(urge.finish('resisted'));
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
          ? `You chose never to continue to ${several ? 'these pages' : 'their pages'}, so this page was not opened.${unchanged}`
          : `This page is no longer paused, so Breathing Room did not open it from here.${unchanged}`,
      );
      setBusy(false);
      return;
    }
    // Recorded now, and never in the way of the pass already granted.
    if (logs) await noLongerThan(urge.finish('gave-in'));
    location.replace(url.href);
  }

  const writeButton = (
    <button
      type="button"
      className={writeFirst ? 'primary big' : 'big'}
      onClick={() => setWriting(true)}
      aria-controls={writing ? `${id}-letter` : undefined}
    >
      Write it here instead
    </button>
  );

  return (
    <main className="page interstitial">
      <p className="brand">Breathing Room</p>
      <h1 ref={heading} tabIndex={-1}>
        Take a breath.
      </h1>
      <Where match={match} day={day} reason={reason} several={several} />
      {saveFailed && (
        <p className="status" role="status">
          This pause couldn’t be saved on this device; your browser may be out of storage space. Everything here still
          works.
        </p>
      )}

      <BreathingGuide />

      {moment && (
        <section className="card prompt" aria-label="For this moment">
          {moment.own && (
            <div className="own-words">
              <p className="hint">{moment.own.kind === 'plan' ? 'Your plan' : 'From you, on a calmer day'}</p>
              <blockquote className="prompt-text">{moment.own.text}</blockquote>
            </div>
          )}
          <p className="hint" id={`${id}-prompt-label`}>
            {askAnswer
              ? 'A question to answer before going on'
              : moment.own
                ? 'And a thought'
                : 'A thought for this moment'}
          </p>
          <blockquote
            className={moment.own && !askAnswer ? 'prompt-text secondary' : 'prompt-text'}
            id={`${id}-prompt`}
            aria-labelledby={`${id}-prompt-label`}
          >
            {moment.prompt.text}
          </blockquote>
        </section>
      )}

      <div className="pause-actions">
        {writeFirst && writeButton}
        <button type="button" className={writeFirst ? 'big' : 'primary big'} onClick={stepAway} disabled={busy}>
          Step away
        </button>
        {!writeFirst && writeButton}
      </div>

      {writing && (
        <section className="card" id={`${id}-letter`} aria-labelledby={`${id}-letter-heading`}>
          <h2 id={`${id}-letter-heading`}>Write it here instead</h2>
          <LetterEditor
            from={{ host: match.host, periodId: stableDraft.periodId }}
            label={`A letter you won’t send${(match.kind === 'person' && !several) || match.context === 'messaging' ? ' to them' : ''}`}
            autoFocus
          />
          <p>
            <a href={browser.runtime.getURL('/letters.html')} target="_blank" rel="noopener">
              All your letters
            </a>
          </p>
        </section>
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
            onChange={(e) => urge.change({ answer: e.target.value, ...(moment ? { prompt: moment.prompt.id } : {}) })}
            aria-describedby={`${id}-prompt ${id}-answer-hint`}
          />
        </div>
      )}

      {match.noContinue ? (
        <p className="hint">
          Continue isn’t offered on {several ? 'these pages' : 'their pages'}. You can change that in the settings; like
          every change that lowers your protection, it waits out your cool-off.
        </p>
      ) : (
        <p className="continue-line">
          <button
            type="button"
            className="quiet"
            onClick={continueToSite}
            disabled={busy || waiting || !answered}
            aria-describedby={`${id}-continue-hint`}
          >
            Continue to site
          </button>{' '}
          <span className="hint" id={`${id}-continue-hint`}>
            {waiting
              ? pauseSeconds === null
                ? 'Opens after a short pause.'
                : `A ${pauseSeconds}-second pause: opens in ${remaining ?? pauseSeconds} s.`
              : answered
                ? `Goes on to ${host} for ten minutes.`
                : `Opens once you have answered in at least ${MIN_ANSWER_WORDS} words.`}
          </span>
        </p>
      )}
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}

      {moment && (moment.alternatives.length > 0 || logs) && (
        <details className="card notice">
          <summary className="notice-summary">Notice it (optional)</summary>
          {moment.alternatives.length > 0 && (
            <>
              <h2 id={`${id}-alt-heading`}>Instead, you could</h2>
              <ul className="alternatives" aria-labelledby={`${id}-alt-heading`}>
                {moment.alternatives.map((a) => (
                  <li key={a.id}>{a.text}</li>
                ))}
              </ul>
            </>
          )}
          {logs && (
            <>
              <h2 id={`${id}-urge-heading`}>Notice the urge</h2>
              <UrgeForm value={urge.fields} onChange={urge.change} error={null} />
            </>
          )}
        </details>
      )}
    </main>
  );
}
