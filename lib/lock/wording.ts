import type { Loosening } from '../settings/schema';

/** What a waiting change will do, in the user's words. */
export function describeChange(change: Loosening): string {
  switch (change.kind) {
    case 'category-off':
      return change.category === 'social' ? 'Stop pausing social sites' : 'Stop pausing messaging';
    case 'allow-continue':
      return 'Let me continue to their pages after the pause';
    case 'ask-on-messaging':
      return 'On messaging pages, ask first whether it is about them';
    case 'change-name':
      return change.name ? `Change their name to “${change.name}”` : 'Remove their name';
    case 'remove-name':
      return `Stop pausing searches for “${change.name}”`;
    case 'remove-profile':
      return `Stop pausing ${change.label}`;
    case 'remove-site':
      return `Stop pausing ${change.label}`;
    case 'end-period':
      return change.how === 'moved-on'
        ? 'End my period early and move on'
        : 'End my period early and reconnect with care';
    case 'delete-everything':
      return 'Delete my settings and period (history is already deleted)';
  }
}

/** Time left before a change takes effect, as people say it: "23 h 5 min", "12 min", "40 s". */
export function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
