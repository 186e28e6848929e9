import type { ProfileLine } from '@/lib/detection/person';

/**
 * The feedback under a "Their profiles" box, line by line: what was recognised, as chips, and each
 * line that can't be read with its own reason (`errorsId` is for the box's aria-describedby).
 * Shared by the settings page and the first run, so both say the same.
 */
export function ProfileLines({ lines, errorsId }: { lines: readonly ProfileLine[]; errorsId: string }) {
  const recognised = lines.filter((l) => l.ok);
  const problems = lines.filter((l) => !l.ok);
  return (
    <>
      {recognised.length > 0 && (
        <ul className="chips" aria-label="Recognised profiles">
          {recognised.map((l) =>
            l.ok ? (
              <li key={l.line} className="chip">
                {l.label}
              </li>
            ) : null,
          )}
        </ul>
      )}
      {problems.length > 0 && (
        <ul className="line-errors" id={errorsId}>
          {problems.map((l) =>
            l.ok ? null : (
              <li key={l.line} className="error">
                Line {l.line} (“{l.text.length > 60 ? `${l.text.slice(0, 60)}…` : l.text}”): {l.error}
              </li>
            ),
          )}
        </ul>
      )}
    </>
  );
}
