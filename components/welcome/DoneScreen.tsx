import { useEffect, useRef } from 'react';
import { nothingPaused } from '@/lib/background/protection-health';
import { joinPhrases, pausedPhrases, unreadableLines } from '@/lib/first-run';
import { NOT_CONFIRMED } from '@/lib/messages/send';
import { addDays, dayKeyOf } from '@/lib/period/calendar';
import { periodStatus } from '@/lib/period/period';
import { formatDay } from '../format';
import { usePrivateWindowsAllowed } from '../options/PrivateWindowsSection';
import { FixableProtectionWarning } from '../ProtectionFix';
import type { Started } from './FirstRunFlow';
import { OpenSettings } from './OpenSettings';

/**
 * After the start: what is now paused, told as it is. Only what the background confirmed it
 * applied is called paused; no answer is "saved, not yet confirmed", and a gap is named.
 */
export function DoneScreen({ started }: { started: Started }) {
  const { period, choices, gaps } = started;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const status = periodStatus(period, dayKeyOf(Date.now()));
  const paused = pausedPhrases(choices);
  const unreadable = unreadableLines(choices.person.profiles);
  const hours = `${period.coolOffHours} ${period.coolOffHours === 1 ? 'hour' : 'hours'}`;
  const privateAllowed = usePrivateWindowsAllowed();
  // Without access to any of the sites, nothing is paused anywhere, private windows or not.
  const nothing = !!gaps && nothingPaused(gaps);

  return (
    <main className="page welcome">
      <h1>Breathing Room</h1>
      <section className="card" aria-labelledby="done-heading">
        <h2 id="done-heading" ref={heading} tabIndex={-1}>
          Your no-contact period has started
        </h2>
        {status.state === 'active' && (
          <p className="status">
            Day {status.day} of {status.lengthDays}, until the end of {formatDay(addDays(status.endDate, -1))}.
          </p>
        )}
        {gaps === null ? (
          <p>Everything you chose is saved. {NOT_CONFIRMED}</p>
        ) : gaps.length ? (
          <>
            <p>Everything you chose is saved, but {nothing ? 'nothing' : 'not everything'} is paused yet.</p>
            <FixableProtectionWarning />
          </>
        ) : paused.length ? (
          <p>Now paused before they load: {joinPhrases(paused)}.</p>
        ) : (
          <p>
            Nothing is paused yet: you turned off both kinds of sites and gave no name or profiles. You can add them in
            settings whenever you like; adding protection applies at once.
          </p>
        )}
        {privateAllowed === false && paused.length > 0 && !nothing && (
          <p>
            <strong>Private windows are not paused yet.</strong> Browsers keep extensions out of them unless you allow
            it; the settings page shows how.
          </p>
        )}
        {unreadable > 0 && (
          <p>
            {unreadable === 1 ? 'One line' : `${unreadable} lines`} under “Their profiles” couldn’t be read.{' '}
            {unreadable === 1 ? 'It is' : 'They are'} kept as you typed {unreadable === 1 ? 'it' : 'them'}, so you can
            fix {unreadable === 1 ? 'it' : 'them'} in settings.
          </p>
        )}
        <p>
          The Breathing Room button in your browser’s toolbar shows how far you’ve come, and is where you can note an
          urge (if you don’t see it, it is in the toolbar’s Extensions menu, where you can pin it). Changes that lower
          your protection wait {hours}; adding protection applies at once.
        </p>
        <OpenSettings />
      </section>
    </main>
  );
}
