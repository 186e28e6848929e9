import type { ReactNode } from 'react';
import { describeGaps, type Gap, gapsHeading, healthItem, parseHealth } from '@/lib/background/protection-health';
import { useStoredValue } from './use-stored-value';

/**
 * What the self-check found not protected, in plain words: a heading that says how much, and a
 * sentence a gap. Where names may be printed (the settings and first-run pages), every sentence;
 * elsewhere only the first, naming no one.
 */
export function GapsNotice({ gaps, names, children }: { gaps: readonly Gap[]; names: boolean; children: ReactNode }) {
  const sentences = describeGaps(gaps, { names });
  return (
    <section className="warning protection-warning" role="alert" aria-labelledby="protection-warning-heading">
      <h2 id="protection-warning-heading" className="visually-hidden">
        {gapsHeading(gaps)}
      </h2>
      {(names ? sentences : sentences.slice(0, 1)).map((s) => (
        <p key={s}>{s}</p>
      ))}
      {children}
    </section>
  );
}

/**
 * The popup's warning, at the top: the first sentence, and the way to the settings, where the
 * fix is. It imports nothing of the site lists or the permission request, so the popup stays light.
 */
export function ProtectionWarning({ onOpenSettings }: { onOpenSettings: () => void }) {
  const health = useStoredValue(healthItem, parseHealth);
  if (!health?.gaps.length) return null;
  return (
    <GapsNotice gaps={health.gaps} names={false}>
      <button type="button" onClick={onOpenSettings}>
        See what to do
      </button>
    </GapsNotice>
  );
}
