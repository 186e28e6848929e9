import { useEffect, useRef, useState } from 'react';
import type { Gap } from '@/lib/background/protection-health';
import {
  checkStep,
  type FieldErrors,
  type FirstRun,
  type FirstRunChoices,
  freshRun,
  planDrafts,
  runTouched,
  STEP_COUNT,
  type Step,
  toSave,
  withChoices,
} from '@/lib/first-run';
import { saveSettingsWithCoolOff } from '@/lib/lock/pending';
import { confirmApplied } from '@/lib/messages/send';
import { dayKeyOf } from '@/lib/period/calendar';
import { isPeriodActive, type Period } from '@/lib/period/period';
import { startPeriod } from '@/lib/period/store';
import { SaveRefused } from '@/lib/settings/refusal';
import { loadPeriod, type Settings } from '@/lib/settings/settings';
import { profilePageHosts, requestHostAccess } from '@/lib/settings/site-access';
import { FixableProtectionWarning } from '../ProtectionFix';
import { useAskBeforeLeaving } from '../use-ask-before-leaving';
import { DoneScreen } from './DoneScreen';
import { CoolOffStep, PersonStep, PlanStep, WhatStep, WhenStep } from './steps';

const TITLES: Record<Step, string> = {
  1: 'When did no contact begin?',
  2: 'Who is it?',
  3: 'What should pause?',
  4: 'Your plan',
  5: 'How long should a change wait?',
};

/** The run as it starts: a fresh one, with anything already in settings (a second run after a period ended). */
function startingRun(settings: Settings): FirstRun {
  return {
    ...freshRun(dayKeyOf(Date.now())),
    name: settings.person.name,
    otherNames: settings.person.otherNames,
    profiles: settings.person.profiles,
    social: settings.categories.social,
    messaging: settings.categories.messaging,
    askOnMessaging: settings.askOnMessaging,
    plans: planDrafts(settings.plans),
    calmNote: settings.calmNote,
  };
}

export interface Started {
  period: Period;
  choices: FirstRunChoices;
  /** What the background found not protected after applying it; null when it did not answer. */
  gaps: Gap[] | null;
}

/**
 * The five steps, one at a time, over one state object: going back and forth never loses a word.
 * Nothing is saved until "Start my no-contact period" on the last step.
 */
export function FirstRunFlow({ settings, ended }: { settings: Settings; ended: boolean }) {
  const [initial] = useState(() => startingRun(settings));
  const [run, setRun] = useState(initial);
  const [step, setStep] = useState<Step>(1);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [started, setStarted] = useState<Started | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const stepArea = useRef<HTMLDivElement>(null);
  // Focus follows Next and Back to the new step's heading, never on the first load.
  const moved = useRef(false);

  const dirty = !started && runTouched(run, initial);
  useAskBeforeLeaving(dirty);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);

  const update = (change: Partial<FirstRun>) => setRun((r) => ({ ...r, ...change }));

  function goTo(next: Step) {
    moved.current = true;
    setStep(next);
    window.scrollTo({ top: 0 });
  }

  /** Shows the errors where they belong, and puts the cursor in the first field that has one. */
  function showErrors(found: FieldErrors) {
    setErrors(found);
    requestAnimationFrame(() => stepArea.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function next(event: React.FormEvent) {
    event.preventDefault();
    const found = checkStep(run, step, dayKeyOf(Date.now()));
    if (Object.keys(found).length) {
      showErrors(found);
      return;
    }
    setErrors({});
    if (step < STEP_COUNT) goTo((step + 1) as Step);
  }

  function back() {
    // Going back checks nothing and keeps everything, errors included, where it was typed.
    if (step > 1) goTo((step - 1) as Step);
  }

  function start() {
    const save = toSave(run, dayKeyOf(Date.now()));
    if (!save.ok) {
      if (save.step !== step) goTo(save.step);
      showErrors(save.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    // The permission prompt for any other page of theirs needs the click itself.
    const access = requestHostAccess(profilePageHosts(save.choices.person.profiles));
    void (async () => {
      try {
        await access;
        if (isPeriodActive(await loadPeriod(), Date.now())) {
          setFailure(
            'A no-contact period is already running (it was started somewhere else), so nothing here was saved. What you typed is still here; to change things, open the settings page.',
          );
          setSaving(false);
          return;
        }
        await saveSettingsWithCoolOff((s) => withChoices(s, save.choices));
      } catch (e) {
        setFailure(
          e instanceof SaveRefused
            ? `${e.message} Your period hasn’t started, and everything you typed is still here.`
            : 'Your choices could not be saved, so your period hasn’t started. Everything you typed is still here. Please try again.',
        );
        setSaving(false);
        return;
      }
      let period: Period;
      try {
        period = await startPeriod(save.period);
      } catch {
        setFailure(
          'Your choices were saved, but your period could not be started. Everything you typed is still here. Please try again.',
        );
        setSaving(false);
        return;
      }
      // Ask the browser to keep our data even when the disk is nearly full.
      void navigator.storage?.persist?.();
      const gaps = await confirmApplied();
      setSaving(false);
      setStarted({ period, choices: save.choices, gaps });
    })();
  }

  if (started) return <DoneScreen started={started} />;

  const stepProps = { run, update, errors };

  return (
    <main className="page welcome">
      <h1>Welcome to Breathing Room</h1>
      <FixableProtectionWarning />
      {step === 1 && (
        <p className="lead">
          {ended ? 'Your last period has ended. When you are ready, a' : 'A'} few questions, one at a time. Nothing is
          saved until the last step, and everything stays on this device.
        </p>
      )}
      <section className="card" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={heading} tabIndex={-1} aria-label={`Step ${step} of ${STEP_COUNT}: ${TITLES[step]}`}>
          <span className="step-count">
            Step {step} of {STEP_COUNT}
          </span>
          {TITLES[step]}
        </h2>
        <div ref={stepArea}>
          <form onSubmit={next} noValidate className="stack">
            {step === 1 && <WhenStep {...stepProps} />}
            {step === 2 && <PersonStep {...stepProps} />}
            {step === 3 && <WhatStep {...stepProps} />}
            {step === 4 && <PlanStep {...stepProps} />}
            {step === 5 && <CoolOffStep {...stepProps} />}
            <div className="actions step-actions">
              {step > 1 && (
                <button type="button" onClick={back} disabled={saving}>
                  Back
                </button>
              )}
              {step < STEP_COUNT ? (
                <button type="submit" className="primary">
                  Next
                </button>
              ) : (
                <button type="button" className="primary" onClick={start} disabled={saving}>
                  {saving ? 'Starting…' : 'Start my no-contact period'}
                </button>
              )}
            </div>
            {failure && (
              <p className="error" role="alert">
                {failure}
              </p>
            )}
          </form>
        </div>
      </section>
    </main>
  );
}
