import type { Match } from '../detection/match-url';

/** How long "Someone else" lets one tab reach messaging on one site. */
export const SOMEONE_ELSE_MINUTES = 30;

/**
 * Whether the pause page first asks "Is this about them?": on messaging (a messaging site, or the
 * inbox inside a social site) while the user keeps the question on. People message family and
 * friends every day, and a full pause each time would teach them to switch Breathing Room off.
 * Their own pages, searches for their name and sites the user added always get the full pause.
 */
export function asksWhoItIsAbout(match: Pick<Match, 'kind'>, askOnMessaging: boolean): boolean {
  return askOnMessaging && match.kind === 'messaging';
}
