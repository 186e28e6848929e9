import { oneWordWarning } from '@/lib/detection/name-search';
import { otherNameLines } from '@/lib/settings/schema';

/**
 * "Other names": a nickname, a former or married surname, one a line. Searches for each pause like
 * searches for their name, and a one-word name gets the same warning, name by name. `describedBy`
 * adds the ids of anything else about the field (an error beside it).
 */
export function OtherNamesField({
  id,
  label,
  value,
  onChange,
  invalid = false,
  describedBy = '',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const warnings = otherNameLines(value).flatMap((name) => {
    const warning = oneWordWarning(name);
    return warning ? [warning] : [];
  });
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={[`${id}-hint`, warnings.length ? `${id}-one-word` : '', describedBy]
          .filter(Boolean)
          .join(' ')}
      />
      <span className="hint" id={`${id}-hint`}>
        Optional, one a line: a nickname, a former or married surname. Searches for each pause too.
      </span>
      <span className="warning-text" id={`${id}-one-word`} role="status">
        {warnings.join(' ')}
      </span>
    </div>
  );
}
