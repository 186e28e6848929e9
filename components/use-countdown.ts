import { useEffect, useState } from 'react';

function secondsLeft(seconds: number, startedAt: number, at: number): number {
  return Math.max(0, Math.ceil((startedAt + seconds * 1000 - at) / 1000));
}

/**
 * Whole seconds left of a pause of `seconds` that began at `startedAt`, or null while the length
 * is not known yet. Reads the clock rather than counting ticks, so a throttled tab still finishes
 * on time.
 */
export function useCountdown(seconds: number | null, startedAt: number, now: () => number = Date.now): number | null {
  const [remaining, setRemaining] = useState<number | null>(null);

  useEffect(() => {
    if (seconds === null) return;
    const tick = () => {
      const left = secondsLeft(seconds, startedAt, now());
      setRemaining(left);
      if (left === 0) clearInterval(timer);
    };
    const timer = setInterval(tick, 250);
    tick();
    return () => clearInterval(timer);
  }, [seconds, startedAt, now]);

  return seconds === null ? null : remaining;
}
