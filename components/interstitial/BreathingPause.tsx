interface BreathingPauseProps {
  /** Seconds left, or null while the pause is being worked out. */
  remaining: number | null;
  pauseSeconds: number | null;
  elapsedMs: number;
}

const IN_MS = 4000;
const CYCLE_MS = 10_000;

/**
 * A breathing guide for the pause: in for four, out for six, drawn with a CSS animation. With
 * reduced motion the circle and its cue are hidden by CSS, leaving a still, text-only countdown.
 */
export function BreathingPause({ remaining, pauseSeconds, elapsedMs }: BreathingPauseProps) {
  const breathingIn = elapsedMs % CYCLE_MS < IN_MS;
  return (
    <div className="breathing">
      <div className="breath-guide" aria-hidden="true">
        <div className="breath-circle" />
        <p className="breath-cue">{breathingIn ? 'Breathe in…' : 'and out…'}</p>
      </div>
      <p className="countdown" aria-live="off">
        {remaining === null || pauseSeconds === null
          ? 'A short pause first.'
          : remaining > 0
            ? `A ${pauseSeconds}-second pause: ${remaining} s left.`
            : 'The pause is over.'}
      </p>
    </div>
  );
}
