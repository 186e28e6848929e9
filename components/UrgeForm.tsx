import { useId } from 'react';
import { NOTE_MAX_LENGTH, TRIGGERS, type Trigger } from '@/lib/records/types';

export interface UrgeFields {
  intensity: number | null;
  trigger: Trigger | null;
  note: string;
}

interface UrgeFormProps {
  value: UrgeFields;
  onChange: (changes: Partial<UrgeFields>) => void;
  /** Shown under the form when a save failed. */
  error?: string | null;
}

const INTENSITY_WORDS = ['', 'a flicker', 'noticeable', 'strong', 'very strong', 'overwhelming'];

/** How strong the urge is, what set it off, and anything the user wants to note. Every field is optional. */
export function UrgeForm({ value, onChange, error }: UrgeFormProps) {
  const id = useId();
  return (
    <div className="urge-form">
      <fieldset aria-describedby={`${id}-intensity-hint`}>
        <legend>Intensity</legend>
        <p className="hint" id={`${id}-intensity-hint`}>
          1 is a flicker, 5 is overwhelming.
        </p>
        <div className="intensity">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="intensity-option">
              <input
                type="radio"
                name={`${id}-intensity`}
                value={n}
                checked={value.intensity === n}
                onChange={() => onChange({ intensity: n })}
                aria-label={`${n}, ${INTENSITY_WORDS[n]}`}
              />
              <span aria-hidden="true">{n}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-trigger`}>What set it off?</label>
        <select
          id={`${id}-trigger`}
          value={value.trigger ?? ''}
          onChange={(e) => onChange({ trigger: (e.target.value || null) as Trigger | null })}
        >
          <option value="">Not sure / rather not say</option>
          {TRIGGERS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          value={value.note}
          onChange={(e) => onChange({ note: e.target.value })}
          aria-describedby={`${id}-note-hint`}
        />
        <span className="hint" id={`${id}-note-hint`}>
          Kept only on this device.
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
