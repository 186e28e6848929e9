import { useState } from 'react';
import { browser } from 'wxt/browser';
import {
  describeGaps,
  gapsHeading,
  healthItem,
  hostsWithoutAccessIn,
  parseHealth,
} from '@/lib/background/protection-health';
import { isGuardedHost } from '@/lib/detection/guarded-sites';
import { confirmApplied, NOT_CONFIRMED } from '@/lib/messages/send';
import { originsToAsk } from '@/lib/settings/site-access';
import { useStoredValue } from './use-stored-value';

/**
 * What the self-check found not protected, in plain words, at the top of the page. With `fix`,
 * a button asks the browser for the missing site access; the prompt needs the click itself, so
 * the request is made before anything is awaited.
 */
export function ProtectionWarning({ fix, onOpenSettings }: { fix: boolean; onOpenSettings?: () => void }) {
  const health = useStoredValue(healthItem, parseHealth);
  const [status, setStatus] = useState<string | null>(null);
  if (!health?.gaps.length)
    return status ? (
      <p className="status" role="status">
        {status}
      </p>
    ) : null;

  // Names only where the settings are: the popup is glanced at anywhere.
  const sentences = describeGaps(health.gaps, { names: fix });
  const hosts = hostsWithoutAccessIn(health);
  const ahead = health.gaps.every((g) => g.kind === 'access' && g.ahead);
  const heading = gapsHeading(health.gaps);

  function allow() {
    const request = browser.permissions.request({ origins: originsToAsk(hosts) });
    void request
      .catch(() => false)
      .then(async (granted) => {
        const gaps = await confirmApplied();
        setStatus(
          !granted || gaps?.some((g) => g.kind === 'access')
            ? ahead
              ? 'The browser did not give access, so during a period those sites would open without a pause.'
              : 'The browser did not give access, so those sites still open without a pause.'
            : gaps === null
              ? `Access given. ${NOT_CONFIRMED}`
              : 'Thank you. Breathing Room can act on those sites now.',
        );
      });
  }

  return (
    <section className="warning protection-warning" role="alert" aria-labelledby="protection-warning-heading">
      <h2 id="protection-warning-heading" className="visually-hidden">
        {heading}
      </h2>
      {(fix ? sentences : sentences.slice(0, 1)).map((s) => (
        <p key={s}>{s}</p>
      ))}
      {fix && hosts.length > 0 && (
        <button type="button" className="primary" onClick={allow}>
          {hosts.some(isGuardedHost)
            ? 'Allow access to the sites it pauses'
            : `Allow access to ${hosts.length === 1 ? hosts[0] : `these ${hosts.length} sites`}`}
        </button>
      )}
      {!fix && onOpenSettings && (
        <button type="button" onClick={onOpenSettings}>
          See what to do
        </button>
      )}
      {status && <p className="status">{status}</p>}
    </section>
  );
}
