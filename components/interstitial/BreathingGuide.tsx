import { useEffect, useState } from 'react';

/** In for four, out for six: a slow breath, with the out-breath longer than the in-breath. */
export const IN_SECONDS = 4;
export const OUT_SECONDS = 6;
const CYCLE_MS = (IN_SECONDS + OUT_SECONDS) * 1000;

export interface Breath {
  phase: 'in' | 'out';
  /** Which second of the phase this is, from 1. */
  count: number;
  /** Breaths begun since the guide started, so each phase's animation starts afresh. */
  cycle: number;
}

/** Where the breath is, `elapsedMs` after the guide started. */
export function breathAt(elapsedMs: number): Breath {
  const t = Math.max(0, elapsedMs);
  const cycle = Math.floor(t / CYCLE_MS);
  const into = t % CYCLE_MS;
  return into < IN_SECONDS * 1000
    ? { phase: 'in', count: Math.floor(into / 1000) + 1, cycle }
    : { phase: 'out', count: Math.floor((into - IN_SECONDS * 1000) / 1000) + 1, cycle };
}

/** The breath now, read from the clock once a second, so words and circle change together. */
function useBreath(startedAt: number): Breath {
  const [breath, setBreath] = useState(() => breathAt(Date.now() - startedAt));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const elapsed = Date.now() - startedAt;
      setBreath(breathAt(elapsed));
      // To the next whole second of the guide (a timer never fires early).
      timer = setTimeout(tick, 1000 - (elapsed % 1000));
    };
    tick();
    return () => clearTimeout(timer);
  }, [startedAt]);
  return breath;
}

/**
 * The centre of the pause page: a large circle that grows as you breathe in for four and shrinks
 * as you breathe out for six. The words and the circle follow one clock: the circle's animation
 * for each phase starts when the words change, so they never drift apart. With reduced motion the
 * circle is still and the words, with their count, guide the breath alone.
 */
export function BreathingGuide() {
  // The first breath in starts as the guide appears, with the circle at its smallest.
  const [startedAt] = useState(Date.now);
  const { phase, count, cycle } = useBreath(startedAt);
  const of = phase === 'in' ? IN_SECONDS : OUT_SECONDS;
  return (
    <div className="breathing">
      <p className="visually-hidden">
        Breathe in for a count of {IN_SECONDS}, then out for a count of {OUT_SECONDS}, for as long as you like.
      </p>
      <div className="breath-guide" aria-hidden="true" data-phase={phase}>
        {/* A new element each phase restarts its animation in step with the words. */}
        <div className="breath-circle" key={`${cycle}-${phase}`} />
        <p className="breath-words">
          <span className="breath-cue">{phase === 'in' ? 'Breathe in' : 'Breathe out'}</span>
          <span className="breath-count">
            {count} of {of}
          </span>
        </p>
      </div>
    </div>
  );
}
