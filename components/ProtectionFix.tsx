import { useState } from 'react';
import { browser } from 'wxt/browser';
import { healthItem, hostsWithoutAccessIn, parseHealth } from '@/lib/background/protection-health';
import { isGuardedHost } from '@/lib/detection/guarded-sites';
import { confirmApplied, NOT_CONFIRMED } from '@/lib/messages/send';
import { originsToAsk } from '@/lib/settings/site-access';
import { GapsNotice } from './ProtectionWarning';
import { useStoredValue } from './use-stored-value';

/**
 * The warning with its fix, on the settings and first-run pages: every sentence, and a button
 * that asks the browser for the missing site access. The prompt needs the click itself, so the
 * request is made before anything is awaited. What the browser answered stays said after the
 * warning itself has gone.
 */
export function FixableProtectionWarning() {
  const health = useStoredValue(healthItem, parseHealth);
  const [status, setStatus] = useState<string | null>(null);
  if (!health?.gaps.length)
    return status ? (
      <p className="status" role="status">
        {status}
      </p>
    ) : null;

  const hosts = hostsWithoutAccessIn(health);
  const ahead = health.gaps.every((g) => g.kind === 'access' && g.ahead);

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
    <GapsNotice gaps={health.gaps} names>
      {hosts.length > 0 && (
        <button type="button" className="primary" onClick={allow}>
          {hosts.some(isGuardedHost)
            ? 'Allow access to the sites it pauses'
            : `Allow access to ${hosts.length === 1 ? hosts[0] : `these ${hosts.length} sites`}`}
        </button>
      )}
      {status && <p className="status">{status}</p>}
    </GapsNotice>
  );
}
