import { useId, useMemo } from 'react';
import { CATALOG, type Category } from '@/lib/detection/catalog';
import { parseProfiles } from '@/lib/detection/person';
import {
  cleanPlans,
  type FieldErrors,
  type FieldKey,
  type FirstRun,
  joinPhrases,
  pausedPhrases,
  unreadableLines,
} from '@/lib/first-run';
import { addDays, dayKeyOf, isDayKey } from '@/lib/period/calendar';
import {
  LENGTH_PRESETS,
  MAX_BACKDATE_DAYS,
  MAX_COOL_OFF_HOURS,
  MAX_LENGTH_DAYS,
  MIN_COOL_OFF_HOURS,
  MIN_LENGTH_DAYS,
} from '@/lib/period/period';
import { formatDay } from '../format';
import { NameHint, nameHintIds } from '../NameHint';
import { OtherNamesField } from '../OtherNamesField';
import { PlanFields } from '../PlanFields';
import { ProfileLines } from '../ProfileLines';

export interface StepProps {
  run: FirstRun;
  update: (change: Partial<FirstRun>) => void;
  errors: FieldErrors;
}

/** An error beside its field, announced when it appears. */
function FieldError({ id, errors, field }: { id: string; errors: FieldErrors; field: FieldKey }) {
  if (!errors[field]) return null;
  return (
    <span className="error" id={`${id}-${field}-error`} role="alert">
      {errors[field]}
    </span>
  );
}

const describedBy = (id: string, errors: FieldErrors, field: FieldKey, hint = `${id}-${field}-hint`) =>
  `${hint}${errors[field] ? ` ${id}-${field}-error` : ''}`;

export function WhenStep({ run, update, errors }: StepProps) {
  const id = useId();
  const today = dayKeyOf(Date.now());
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-startDate`}>Start date</label>
        <input
          id={`${id}-startDate`}
          type="date"
          value={run.startDate}
          max={today}
          min={addDays(today, -MAX_BACKDATE_DAYS)}
          onChange={(e) => update({ startDate: e.target.value })}
          aria-invalid={!!errors.startDate}
          aria-describedby={describedBy(id, errors, 'startDate')}
        />
        <span className="hint" id={`${id}-startDate-hint`}>
          Today, or the day it began if that has passed already (up to a year ago).
        </span>
        <FieldError id={id} errors={errors} field="startDate" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-lengthDays`}>Length in days</label>
        <input
          id={`${id}-lengthDays`}
          type="text"
          inputMode="numeric"
          size={5}
          value={run.lengthDays}
          onChange={(e) => update({ lengthDays: e.target.value })}
          aria-invalid={!!errors.lengthDays}
          aria-describedby={describedBy(id, errors, 'lengthDays')}
        />
        <span className="hint" id={`${id}-lengthDays-hint`}>
          30 days is the usual advice; 45 to 90 is common. Any whole number from {MIN_LENGTH_DAYS} to {MAX_LENGTH_DAYS}.
        </span>
        <FieldError id={id} errors={errors} field="lengthDays" />
        <fieldset className="presets">
          <legend className="hint">Common lengths</legend>
          <div className="field-row">
            {LENGTH_PRESETS.map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={run.lengthDays.trim() === String(n)}
                onClick={() => update({ lengthDays: String(n) })}
              >
                {n} days
              </button>
            ))}
          </div>
        </fieldset>
      </div>
    </>
  );
}

export function PersonStep({ run, update, errors }: StepProps) {
  const id = useId();
  const lines = useMemo(() => parseProfiles(run.profiles), [run.profiles]);
  const problems = lines.filter((l) => !l.ok).length;
  return (
    <>
      <p>
        All of it is optional. With their profiles, their pages pause whatever you choose next. With their names,
        searches for them pause too. Without any, only the kinds of sites you choose next pause.
      </p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Their name</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          value={run.name}
          onChange={(e) => update({ name: e.target.value })}
          aria-invalid={!!errors.name}
          aria-describedby={describedBy(id, errors, 'name', nameHintIds(`${id}-name-hint`, run.name))}
        />
        <NameHint id={`${id}-name-hint`} name={run.name} />
        <FieldError id={id} errors={errors} field="name" />
      </div>
      <OtherNamesField
        id={`${id}-otherNames`}
        label="Other names they go by"
        value={run.otherNames}
        onChange={(otherNames) => update({ otherNames })}
        invalid={!!errors.otherNames}
        describedBy={errors.otherNames ? `${id}-otherNames-error` : ''}
      />
      <FieldError id={id} errors={errors} field="otherNames" />
      <div className="field">
        <label htmlFor={`${id}-profiles`}>Their profiles</label>
        <textarea
          id={`${id}-profiles`}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          value={run.profiles}
          onChange={(e) => update({ profiles: e.target.value })}
          aria-invalid={problems > 0 || !!errors.profiles}
          aria-describedby={`${describedBy(id, errors, 'profiles')}${problems ? ` ${id}-profiles-errors` : ''}`}
        />
        <span className="hint" id={`${id}-profiles-hint`}>
          One per line: a link to their profile, or platform:handle (instagram:jordan.rivers, tiktok:@jordan). Any other
          page you paste, like a Strava profile or a blog, pauses with everything under it.
        </span>
        <ProfileLines lines={lines} errorsId={`${id}-profiles-errors`} />
        {problems > 0 && (
          <span className="hint">
            A line that can’t be read is kept as you typed it, but it doesn’t pause anything until it is fixed.
          </span>
        )}
        <FieldError id={id} errors={errors} field="profiles" />
      </div>
      <p className="hint">
        If you check on them through someone else’s pages, like a new partner’s or a close friend’s, you can add those
        people in the settings once you have started.
      </p>
    </>
  );
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const CATEGORY_LABELS: Record<Category, { label: string; hint: string }> = {
  social: { label: 'Social sites', hint: 'Feeds and profiles' },
  messaging: { label: 'Messaging', hint: 'Chats, including the inboxes inside social sites' },
};

export function WhatStep({ run, update }: StepProps) {
  const id = useId();
  const person = { name: run.name, otherNames: run.otherNames, profiles: run.profiles };
  const theirs = pausedPhrases({ categories: { social: false, messaging: false }, askOnMessaging: false, person });
  const only = !run.social && !run.messaging;
  return (
    <>
      <p>
        While your period runs, these pause before they load. Choose one, both, or neither: neither means{' '}
        <strong>only them</strong>.
      </p>
      <fieldset>
        <legend>Pause these</legend>
        {(Object.keys(CATEGORY_LABELS) as Category[]).map((category) => (
          <div key={category} className="category">
            <label className="check">
              <input
                type="checkbox"
                checked={run[category]}
                onChange={(e) => update({ [category]: e.target.checked })}
                aria-describedby={`${id}-${category}-hint`}
              />
              <span>{CATEGORY_LABELS[category].label}</span>
            </label>
            <p className="hint site-list" id={`${id}-${category}-hint`}>
              {CATEGORY_LABELS[category].hint}:{' '}
              {CATALOG.filter((s) => s.category === category)
                .map((s) => s.name)
                .join(', ')}
            </p>
          </div>
        ))}
        {run.messaging && (
          <div className="sub-option">
            <label className="check">
              <input
                type="checkbox"
                checked={run.askOnMessaging}
                onChange={(e) => update({ askOnMessaging: e.target.checked })}
                aria-describedby={`${id}-ask-hint`}
              />
              <span>Ask first whether it’s about them</span>
            </label>
            <p className="hint site-list" id={`${id}-ask-hint`}>
              On a messaging page, the pause first asks. “Someone else” lets that tab through for 30 minutes and logs
              nothing. Unticked, every messaging page is a full pause.
            </p>
          </div>
        )}
      </fieldset>
      <p aria-live="polite">
        {only
          ? theirs.length
            ? `Only them: ${joinPhrases(theirs)} pause, and nothing else.`
            : 'Only them: but you haven’t given their name or profiles, so nothing would pause. You can go back a step to add them, or add them later in settings.'
          : theirs.length
            ? `${capitalized(joinPhrases(theirs))} pause too, whatever you choose here.`
            : ''}
      </p>
    </>
  );
}

export function PlanStep({ run, update, errors }: StepProps) {
  return (
    <>
      <p>
        A plan you write yourself, in your own words, helps you do what you meant to do when the moment comes. Your
        plans and note are shown on the pause page. All optional; they stay on this device and are part of your backup.
      </p>
      <PlanFields
        plans={run.plans}
        calmNote={run.calmNote}
        onPlans={(plans) => update({ plans })}
        onCalmNote={(calmNote) => update({ calmNote })}
        errors={errors}
      />
    </>
  );
}

export function CoolOffStep({ run, update, errors }: StepProps) {
  const id = useId();
  return (
    <>
      <p>
        While your period runs, a change that lowers your protection (turning a kind of site off, removing them, ending
        early) waits this long before it takes effect. A weak moment passes; a considered choice survives the wait.
        Adding protection always applies at once, and you can cancel a waiting change.
      </p>
      <div className="field">
        <label htmlFor={`${id}-coolOffHours`}>Cool-off in hours</label>
        <input
          id={`${id}-coolOffHours`}
          type="text"
          inputMode="numeric"
          size={3}
          value={run.coolOffHours}
          onChange={(e) => update({ coolOffHours: e.target.value })}
          aria-invalid={!!errors.coolOffHours}
          aria-describedby={describedBy(id, errors, 'coolOffHours')}
        />
        <span className="hint" id={`${id}-coolOffHours-hint`}>
          From {MIN_COOL_OFF_HOURS} to {MAX_COOL_OFF_HOURS} hours; 24 unless you choose otherwise. Fixed until the
          period ends.
        </span>
        <FieldError id={id} errors={errors} field="coolOffHours" />
      </div>
      <Summary run={run} />
    </>
  );
}

/** What Start will save, in a few lines, before the one action. */
function Summary({ run }: { run: FirstRun }) {
  const paused = pausedPhrases({
    categories: { social: run.social, messaging: run.messaging },
    askOnMessaging: run.askOnMessaging,
    person: { name: run.name, otherNames: run.otherNames, profiles: run.profiles },
  });
  const unreadable = unreadableLines(run.profiles);
  const plans = cleanPlans(run.plans).length;
  const note = run.calmNote.trim() !== '';
  const length = run.lengthDays.trim();
  return (
    <div className="summary">
      <h3 id="summary-heading">What you’re starting</h3>
      <dl>
        <dt>Began</dt>
        <dd>
          {isDayKey(run.startDate) ? formatDay(run.startDate) : run.startDate}, for {length} days
        </dd>
        <dt>Paused before they load</dt>
        <dd>
          {paused.length ? joinPhrases(paused) : 'Nothing yet: no kinds of sites, and no name or profiles.'}
          {unreadable > 0 &&
            ` (${unreadable === 1 ? 'one line' : `${unreadable} lines`} under their profiles can’t be read and won’t pause: go back to step 2 to fix it, or fix it later in settings)`}
        </dd>
        <dt>Your plan</dt>
        <dd>
          {plans || note
            ? [plans ? `${plans} ${plans === 1 ? 'plan' : 'plans'}` : '', note ? 'a note to yourself' : '']
                .filter(Boolean)
                .join(' and ')
            : 'None yet; you can add one in settings at any time'}
        </dd>
        <dt>Cool-off</dt>
        <dd>
          {run.coolOffHours.trim()} {run.coolOffHours.trim() === '1' ? 'hour' : 'hours'}
        </dd>
      </dl>
    </div>
  );
}
