import { useId, useRef, useState } from 'react';
import type { FieldErrors, FieldKey } from '@/lib/first-run';
import { MAX_CALM_NOTE_LENGTH, MAX_PLAN_LENGTH } from '@/lib/settings/limits';

/** Plans to start from: one click puts one in an empty field, to be made the person's own. */
export const EXAMPLE_PLANS = [
  'When I want to look at their profile, I will close the tab and text a friend instead.',
  'When I want to message them, I will write it in a letter I won’t send and wait until morning.',
  'When I can’t sleep and think of them, I will put my phone in another room and breathe slowly for five minutes.',
  'When something reminds me of them, I will step outside for a ten-minute walk.',
] as const;

/**
 * The person's own if-then plans and the note from their calm self: the same fields on the first
 * run and in settings. Nothing here is cut short: a plan or note past its limit is refused beside
 * its field (`errors`), never trimmed to fit.
 */
export function PlanFields({
  plans,
  calmNote,
  onPlans,
  onCalmNote,
  errors,
}: {
  /** Always one draft per field, empty ones included. */
  plans: readonly string[];
  calmNote: string;
  onPlans: (plans: string[]) => void;
  onCalmNote: (note: string) => void;
  errors: FieldErrors;
}) {
  const id = useId();
  const fields = useRef<(HTMLTextAreaElement | null)[]>([]);
  const [exampleNote, setExampleNote] = useState<string | null>(null);

  function setPlan(index: number, text: string) {
    onPlans(plans.map((p, i) => (i === index ? text : p)));
  }

  function takeExample(example: string) {
    const empty = plans.findIndex((p) => !p.trim());
    if (empty < 0) {
      setExampleNote('All three plans have words in them. Clear one first to use this example.');
      return;
    }
    setExampleNote(`Put in plan ${empty + 1}. Change any words to make it yours.`);
    setPlan(empty, example);
    // The person edits it next, so the cursor goes there, at the end.
    requestAnimationFrame(() => {
      const field = fields.current[empty];
      field?.focus();
      field?.setSelectionRange(field.value.length, field.value.length);
    });
  }

  const describedBy = (hint: string, key: FieldKey) => `${hint}${errors[key] ? ` ${id}-${key}-error` : ''}`;

  return (
    <div className="plan-fields">
      {plans.map((plan, i) => {
        const key = `plan${i}` as FieldKey;
        return (
          <div className="field" key={key}>
            <div className="field-row plan-label-row">
              <label htmlFor={`${id}-${key}`}>Plan {i + 1}</label>
              {plan.trim() && (
                <button
                  type="button"
                  className="quiet"
                  onClick={() => {
                    setPlan(i, '');
                    // The button goes with the words: the cursor waits in the emptied plan.
                    fields.current[i]?.focus();
                  }}
                >
                  Clear plan {i + 1}
                </button>
              )}
            </div>
            <textarea
              id={`${id}-${key}`}
              ref={(el) => {
                fields.current[i] = el;
              }}
              rows={3}
              value={plan}
              onChange={(e) => setPlan(i, e.target.value)}
              aria-invalid={!!errors[key]}
              aria-describedby={describedBy(`${id}-plan-hint`, key)}
            />
            {errors[key] && (
              <span className="error" id={`${id}-${key}-error`} role="alert">
                {errors[key]}
              </span>
            )}
          </div>
        );
      })}
      <p className="hint" id={`${id}-plan-hint`}>
        “When I want to…, I will…”. Up to {MAX_PLAN_LENGTH} characters each.
      </p>
      <fieldset className="examples">
        <legend>Examples to start from</legend>
        <p className="hint">Choose one to put it in an empty plan; then change it to fit you.</p>
        <ul className="example-list">
          {EXAMPLE_PLANS.map((example) => (
            <li key={example}>
              <button type="button" className="example" onClick={() => takeExample(example)}>
                {example}
              </button>
            </li>
          ))}
        </ul>
        <p className="status" role="status">
          {exampleNote}
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>A note to yourself at the pause</label>
        <textarea
          id={`${id}-note`}
          rows={4}
          value={calmNote}
          onChange={(e) => onCalmNote(e.target.value)}
          aria-invalid={!!errors.calmNote}
          aria-describedby={describedBy(`${id}-note-hint`, 'calmNote')}
        />
        <span className="hint" id={`${id}-note-hint`}>
          From you now, calm, to you at a harder moment. Shown on the pause page. Up to{' '}
          {MAX_CALM_NOTE_LENGTH.toLocaleString('en')} characters.
        </span>
        {errors.calmNote && (
          <span className="error" id={`${id}-calmNote-error`} role="alert">
            {errors.calmNote}
          </span>
        )}
      </div>
    </div>
  );
}
