import { useState } from 'react';
import { dayKeyOf } from '@/lib/period/calendar';
import { isPeriodActive, type Period, periodStatus } from '@/lib/period/period';
import { parsePeriod, parseSettings, periodItem, type Settings, settingsItem } from '@/lib/settings/settings';
import { useStoredValue } from '../use-stored-value';
import { FirstRunFlow } from './FirstRunFlow';
import { OpenSettings } from './OpenSettings';

/**
 * The guided first run, opened on install. When a period is already running (the page opened
 * again by hand), it says so and points to the settings page instead of offering a second start.
 * What is stored is read once, when the page opens: a period started elsewhere while this page is
 * open is caught when Start is pressed, and what was typed here stays on screen.
 */
export function WelcomePage() {
  const settings = useStoredValue(settingsItem, parseSettings);
  const period = useStoredValue(periodItem, parsePeriod);
  if (settings === undefined || period === undefined) return <main className="page welcome" aria-busy="true" />;
  return <Opened settings={settings} period={period} />;
}

function Opened({ settings, period }: { settings: Settings; period: Period | null }) {
  // Decided once, on what was stored when the page opened: the start made here must not turn the
  // page into "already running" under the person's eyes.
  const [runningAtOpen] = useState(isPeriodActive(period, Date.now()) ? period : null);
  if (runningAtOpen) return <AlreadyRunning period={runningAtOpen} />;
  return <FirstRunFlow settings={settings} ended={period !== null} />;
}

function AlreadyRunning({ period }: { period: Period }) {
  const status = periodStatus(period, dayKeyOf(Date.now()));
  return (
    <main className="page welcome">
      <h1>Breathing Room</h1>
      <section className="card" aria-labelledby="running-heading">
        <h2 id="running-heading">Your no-contact period is already running</h2>
        {status.state === 'active' && (
          <p className="status">
            Day {status.day} of {status.lengthDays}.
          </p>
        )}
        <p>
          There is nothing to set up again. To change what pauses, the person, or your plan, use the settings page.
          Changes that add protection apply at once; changes that lower it wait out your cool-off.
        </p>
        <OpenSettings />
      </section>
    </main>
  );
}
