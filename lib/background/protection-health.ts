import { storage } from 'wxt/utils/storage';
import { displayHost } from '../detection/hosts';
import { ENCODED_SUFFIX } from '../rules/labels';
import type { RuleSource } from '../rules/rule-set';
import { isObject } from '../settings/validate';

/**
 * The self-check: after every sync the background compares what the settings need with what the
 * browser actually holds (the installed rules and the site access), and keeps the gaps here. The
 * badge, the popup and the settings page read it, so a protection that is off is never silent.
 */

export type Gap =
  /** A rule the browser refused, or that could not be built: what it protects is not paused. */
  | { kind: 'rule'; source: RuleSource; partial?: boolean }
  /**
   * Sites Breathing Room may not act on (access withheld or removed by the user). `ahead`: no
   * period is running, and these are the sites the next one would need (Firefox can withhold
   * access from the moment of install, before anything is set up).
   */
  | {
      kind: 'access';
      hosts: string[];
      ahead?: true;
      /** Every site the policy (or, `ahead`, a period) needs is without access: nothing is paused. */
      all?: true;
      /**
       * How many of `hosts`, at the end of the list, are sites the person chose (custom sites,
       * profile pages) rather than ones the manifest names: pages that print no names only count
       * them, without needing the manifest's list of sites.
       */
      chosen?: number;
    };

export interface Health {
  checkedAt: number;
  gaps: Gap[];
}

export const NO_GAPS: Health = { checkedAt: 0, gaps: [] };

/** Kept for the browser session; the background checks again on every start. */
export const healthItem = storage.defineItem<Health>('session:health', { fallback: NO_GAPS });

function isSource(value: unknown): value is RuleSource {
  if (!isObject(value)) return false;
  if (value.kind === 'catalog') return true;
  // A record from before names had labels reads as a name without one.
  if (value.kind === 'name' && value.label === undefined) value.label = '';
  return (
    (value.kind === 'profile' || value.kind === 'site' || value.kind === 'name') && typeof value.label === 'string'
  );
}

export function parseHealth(value: unknown): Health {
  if (!isObject(value) || !Array.isArray(value.gaps)) return NO_GAPS;
  const gaps = value.gaps.flatMap((g): Gap[] => {
    if (!isObject(g)) return [];
    if (g.kind === 'rule' && isSource(g.source)) {
      return [
        g.partial === true ? { kind: 'rule', source: g.source, partial: true } : { kind: 'rule', source: g.source },
      ];
    }
    if (g.kind === 'access' && Array.isArray(g.hosts)) {
      const hosts = g.hosts.filter((h): h is string => typeof h === 'string');
      if (!hosts.length) return [];
      const chosen = Number.isInteger(g.chosen) && Number(g.chosen) > 0 ? Math.min(Number(g.chosen), hosts.length) : 0;
      return [
        {
          kind: 'access',
          hosts,
          ...(g.ahead === true && { ahead: true }),
          ...(g.all === true && { all: true }),
          ...(chosen && { chosen }),
        },
      ];
    }
    return [];
  });
  return { checkedAt: typeof value.checkedAt === 'number' ? value.checkedAt : 0, gaps };
}

function list(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, 2).join(', ')} and ${items.length - 2} more`;
}

/** What a refused rule leaves open, in words, and whether the words are plural. */
function ruleWhat(source: RuleSource, names: boolean): { what: string; plural: boolean } {
  switch (source.kind) {
    case 'name':
      return {
        what: source.label && names ? `Searches for “${source.label}”` : 'Searches for one of the names you chose',
        plural: true,
      };
    case 'profile':
      return source.label.endsWith(ENCODED_SUFFIX)
        ? {
            what: `Their ${source.label.slice(0, -ENCODED_SUFFIX.length)} pages written in an unusual way`,
            plural: true,
          }
        : { what: `Their page ${source.label}`, plural: false };
    case 'site':
      return { what: source.label, plural: false };
    case 'catalog':
      return { what: 'Some social and messaging sites', plural: true };
  }
}

/**
 * Hosts in words. Where names may not be printed (the popup), only the sites the manifest names
 * are: a site the person added, which may be their own, is only counted.
 */
function hostList({ hosts, chosen = 0 }: { hosts: readonly string[]; chosen?: number }, names: boolean): string {
  if (names) return list(hosts.map(displayHost));
  const known = hosts.slice(0, hosts.length - chosen).slice(0, 2);
  const others = hosts.length - known.length;
  if (!known.length) return others === 1 ? 'a site you chose' : `${others} sites you chose`;
  return others ? `${known.map(displayHost).join(', ')} and ${others} more` : list(known.map(displayHost));
}

/** Whether not one site can be paused now: the browser gives access to none that the policy needs. */
export function nothingPaused(gaps: readonly Gap[]): boolean {
  return gaps.some((g) => g.kind === 'access' && g.all && !g.ahead);
}

/** The warning's heading: how much is not paused, in a few words. */
export function gapsHeading(gaps: readonly Gap[]): string {
  if (nothingPaused(gaps)) return 'Nothing is paused';
  if (gaps.length && gaps.every((g) => g.kind === 'access' && g.ahead)) {
    return gaps.some((g) => g.kind === 'access' && g.all)
      ? 'Breathing Room can’t pause sites yet'
      : 'Breathing Room can’t pause some sites yet';
  }
  return 'Not everything is paused';
}

/**
 * One plain sentence per gap: what is not protected and why. The first is what the popup leads
 * with; the settings page lists them all.
 */
export function describeGaps(
  gaps: readonly Gap[],
  /** Whether a name may be printed (the settings page); the popup, glanced at anywhere, names no one. */
  { names = true }: { names?: boolean } = {},
): string[] {
  const sentences: string[] = [];
  for (const gap of gaps) {
    if (gap.kind !== 'access') continue;
    const hosts = hostList(gap, names);
    const one = gap.hosts.length === 1;
    if (gap.all) {
      sentences.push(
        gap.ahead
          ? `Your browser hasn’t let Breathing Room act on any of the sites it pauses (${hosts}), so during a period nothing would be paused.`
          : `Nothing is paused: your browser hasn’t let Breathing Room act on any of the sites it pauses (${hosts}).`,
      );
    } else {
      sentences.push(
        gap.ahead
          ? `Your browser hasn’t let Breathing Room act on ${hosts}, so during a period ${one ? 'it would open' : 'they would open'} without a pause.`
          : `${hosts.replace(/^a /, 'A ')} ${one ? 'opens' : 'open'} without a pause: Breathing Room doesn’t have your browser’s permission to act there.`,
      );
    }
  }
  const refused = gaps.flatMap((g) => (g.kind === 'rule' ? [g.source] : []));
  if (refused.length) {
    const whats = refused.map((source) => ruleWhat(source, names));
    const plural = refused.length > 1 || !!whats[0]?.plural;
    const yours = refused.every(
      (s) => s.kind === 'name' || s.kind === 'site' || (s.kind === 'profile' && !s.label.endsWith(ENCODED_SUFFIX)),
    );
    sentences.push(
      `${list(whats.map((w) => w.what))} ${plural ? 'are' : 'is'} not paused: your browser would not accept the rule for ${plural ? 'them' : 'it'}.${yours ? ` Changing or removing ${plural ? 'them' : 'it'} applies at once.` : ''}`,
    );
  }
  return sentences;
}

/** The hosts without access, from a health record. */
export function hostsWithoutAccessIn(health: Health): string[] {
  return health.gaps.flatMap((g) => (g.kind === 'access' ? g.hosts : []));
}

/** What is not protecting anything now, so removing it need not wait (see `planSettings`). */
export interface Unprotected {
  /** Names (as written) whose search rule is not installed. */
  names: ReadonlySet<string>;
  /** Profile labels (as `describeTarget` writes them) and site labels whose rules are not installed. */
  labels: ReadonlySet<string>;
  /** Hosts without access. */
  hosts: ReadonlySet<string>;
}

export function unprotectedIn(health: Health): Unprotected {
  const labels = new Set<string>();
  const names = new Set<string>();
  for (const gap of health.gaps) {
    if (gap.kind !== 'rule' || gap.partial) continue;
    if (gap.source.kind === 'name') names.add(gap.source.label);
    if (gap.source.kind === 'profile' || gap.source.kind === 'site') labels.add(gap.source.label);
  }
  return { names, labels, hosts: new Set(hostsWithoutAccessIn(health)) };
}
