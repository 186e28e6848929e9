import { useEffect, useRef, useState } from 'react';
import { cleanPlans, type FieldErrors, planDrafts, planErrors } from '@/lib/first-run';
import { saveSettingsWithCoolOff } from '@/lib/lock/pending';
import type { Settings } from '@/lib/settings/settings';
import { PlanFields } from '../PlanFields';
import { inTurn, useUnsavedEdits } from './unsaved-edits';

/** "3 plans and your note": what is kept, for the status line. */
function keptSentence(plans: number, note: boolean): string {
  if (!plans && !note) return 'Your plan is now empty.';
  const parts = [plans ? `${plans === 1 ? 'your plan' : `your ${plans} plans`}` : '', note ? 'your note' : ''];
  const kept = parts.filter(Boolean).join(' and ');
  return `${kept.charAt(0).toUpperCase()}${kept.slice(1)} ${plans + (note ? 1 : 0) === 1 ? 'is' : 'are'} kept on this device.`;
}

/**
 * "Your plan": the person's own if-then plans and the note from their calm self. Not protection,
 * so every change, a deletion too, applies at once, even while a period runs.
 */
export function PlanSection({ settings }: { settings: Settings }) {
  const storedKey = JSON.stringify([settings.plans, settings.calmNote]);
  const [plans, setPlans] = useState(() => planDrafts(settings.plans));
  const [calmNote, setCalmNote] = useState(settings.calmNote);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const dirty =
    JSON.stringify(cleanPlans(plans)) !== JSON.stringify(settings.plans) || calmNote.trim() !== settings.calmNote;
  // Another page (or a restored backup) changed what is stored: show that, unless the person is in
  // the middle of editing, whose words are never replaced without a word.
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  // biome-ignore lint/correctness/useExhaustiveDependencies: storedKey stands for the stored plans and note
  useEffect(() => {
    if (dirtyNow.current) {
      setStatus('Your plan was changed elsewhere (another tab, or a restored backup). Saving here replaces it.');
      return;
    }
    setPlans(planDrafts(settings.plans));
    setCalmNote(settings.calmNote);
  }, [storedKey]);

  /** Saves the plans and note as typed; rejects (and says why beside the field) when they can't be. */
  function commit(): Promise<string> {
    const found = planErrors(plans, calmNote);
    setErrors(found);
    if (Object.keys(found).length) {
      setStatus('Your plan was not saved: one part is too long (see above).');
      return Promise.reject(new Error('too long'));
    }
    const next = { plans: cleanPlans(plans), calmNote: calmNote.trim() };
    return inTurn(async () => {
      try {
        const saved = await saveSettingsWithCoolOff((s) => ({ ...s, ...next }));
        setPlans(planDrafts(saved.settings.plans));
        setCalmNote(saved.settings.calmNote);
        const sentence = keptSentence(saved.settings.plans.length, saved.settings.calmNote !== '');
        setStatus(`Saved. ${sentence}`);
        return sentence;
      } catch (e) {
        setStatus('Your plan could not be saved, so nothing changed. Please try again.');
        throw e;
      }
    });
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    commit().catch(() => undefined);
  }

  // "Start no-contact" saves this too, and says what it saved.
  useUnsavedEdits('plan', { dirty, save: () => commit().then((sentence) => `${sentence.replace(/\.$/, '')} too.`) });

  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Your plan</h2>
      <p className="hint">
        Up to three if-then plans in your own words, and a note from your calm self, shown on the pause page. Changes
        and deletions apply at once. Kept only on this device, and part of your backup.
      </p>
      <form onSubmit={save} noValidate className="stack">
        <PlanFields plans={plans} calmNote={calmNote} onPlans={setPlans} onCalmNote={setCalmNote} errors={errors} />
        <div className="actions">
          <button type="submit" className="primary" aria-describedby={dirty ? 'plan-unsaved' : undefined}>
            Save your plan
          </button>
          {dirty && (
            <span className="hint unsaved" id="plan-unsaved">
              Unsaved changes
            </span>
          )}
        </div>
        <p className="status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
