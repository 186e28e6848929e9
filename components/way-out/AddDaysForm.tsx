import { useId, useState } from 'react';

interface AddDaysFormProps {
  label: string;
  submitLabel: string;
  /** The error to show by the field, if any. */
  error: string | null;
  onSubmit: (daysText: string) => Promise<boolean>;
}

/** A typed number of days to add to a period. Clears itself when `onSubmit` reports success. */
export function AddDaysForm({ label, submitLabel, error, onSubmit }: AddDaysFormProps) {
  const id = useId();
  const [days, setDays] = useState('');
  return (
    <form
      className="field"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(days).then((ok) => ok && setDays(''));
      }}
    >
      <label htmlFor={`${id}-days`}>{label}</label>
      <div className="field-row">
        <input
          id={`${id}-days`}
          type="text"
          inputMode="numeric"
          size={5}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-days-error` : undefined}
        />
        <button type="submit">{submitLabel}</button>
      </div>
      {error && (
        <span className="error" id={`${id}-days-error`}>
          {error}
        </span>
      )}
    </form>
  );
}
