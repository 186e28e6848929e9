import { CATALOG, type CatalogSite } from '../detection/catalog';
import { COPY_DOMAINS } from '../detection/copies';
import type { Policy } from '../detection/match-url';
import { nameWords, SEARCH_DOMAINS } from '../detection/name-search';
import { describeTarget, type PersonTarget } from '../detection/person';
import { type Platform, platformById } from '../detection/platforms';
import { escapeRegex } from '../detection/regex';
import { VIEWERS } from '../detection/viewers';
import { interstitialHref } from '../pause/address';
import { COPIES_SUFFIX, ENCODED_SUFFIX } from './labels';
import { fitsRe2Budget } from './limits';
import { ANY_ORIGIN, atomsOf, longestFitting, REST, SEGMENT_END } from './regex';

/**
 * The subset of `declarativeNetRequest.Rule` we generate. Structurally compatible with the
 * browser's type, but kept here so rule building stays a pure, browser-free function.
 */
export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } } | { type: 'allow' };
  condition: {
    regexFilter?: string;
    urlFilter?: string;
    requestDomains?: string[];
    resourceTypes: ('main_frame' | 'sub_frame')[];
    isUrlFilterCaseSensitive?: boolean;
    tabIds?: number[];
  };
}

/**
 * Priorities, highest wins. Category rules stop whole sites; exemptions carve the messaging
 * areas out of a social site when only "Social sites" is on; area rules stop messaging areas
 * when only "Messaging" is on; grants (session rules, see `grantRules`) let one tab through.
 */
export const PRIORITY = {
  category: 1,
  exemption: 2,
  area: 3,
  /**
   * "Someone else" on messaging: an allow at the inbox's own level. It wins over the category and
   * the inbox (an allow beats a redirect of equal priority), and never over their pages, searches
   * for their name or custom sites: nothing logged must never open those.
   */
  messagingPass: 3,
  /** The person's pages, searches for their name, and custom sites. */
  target: 4,
  grant: 100,
  /** A feed's pass does not open the site's inbox while messaging is paused. */
  grantedAreas: 101,
  /** The person's pages when "Never let me continue to their pages" is on: above any grant. */
  personLocked: 200,
  /** A visit a widened rule stopped that the matcher does not: it goes straight on. */
  passThrough: 300,
} as const;

/** What a rule protects, so a rule the browser refuses can be named to the user. */
export type RuleSource =
  | { kind: 'catalog' }
  /** Searches for one name (`label`: the name as written). */
  | { kind: 'name'; label: string }
  | { kind: 'profile'; label: string }
  | { kind: 'site'; label: string };

export function sourceKey(source: RuleSource): string {
  return source.kind === 'catalog' ? source.kind : `${source.kind}:${source.label}`;
}

interface RuleDraft {
  priority: number;
  action: 'redirect' | 'allow';
  requestDomains?: string[];
  regexFilter: string;
  /** Their pages and searches are stopped in frames too (an embed of their profile). */
  frames?: boolean;
  source: RuleSource;
}

/** The path before a handle on the anonymous viewers: any whole segment. */
const ANY_SEGMENT = '/(?:[^?#]*/)?';

/** Matches the whole URL, so `\0` in the substitution is the original address. */
const ANY_WEB_URL = '^https?://.*$';

/** A path as a regex: each `/` may be doubled (`//handle`), as the browser sends it on. */
function pathRegex(path: string): string {
  return path
    .split('/')
    .map((part) => escapeRegex(part))
    .join('/+');
}

/** A regex for the messaging paths of a site, anchored to a segment boundary. */
function areaPathRegex(paths: readonly string[]): string {
  return `${ANY_ORIGIN}(?:${paths.map(pathRegex).join('|')})${SEGMENT_END}`;
}

export type Fits = (regex: string) => boolean;

function categoryDrafts(policy: Policy): RuleDraft[] {
  const drafts: RuleDraft[] = [];
  const { social, messaging } = policy.categories;
  const sitesOf = (category: 'social' | 'messaging') => CATALOG.filter((s) => s.category === category);
  const source = { kind: 'catalog' } as const;

  for (const category of ['social', 'messaging'] as const) {
    if (!policy.categories[category]) continue;
    drafts.push({
      priority: PRIORITY.category,
      action: 'redirect',
      requestDomains: sitesOf(category).flatMap((s) => s.domains),
      regexFilter: ANY_WEB_URL,
      source,
    });
  }
  // Messaging areas inside social sites: stopped when Messaging is on, let through when it is off.
  const areaAction = messaging ? 'redirect' : social ? 'allow' : null;
  if (areaAction) {
    const priority = areaAction === 'redirect' ? PRIORITY.area : PRIORITY.exemption;
    drafts.push(...messagingAreaDrafts(priority, areaAction));
  }
  return drafts;
}

function messagingAreaDrafts(priority: number, action: 'redirect' | 'allow'): RuleDraft[] {
  const social = CATALOG.filter((s) => s.category === 'social');
  const source = { kind: 'catalog' } as const;
  const drafts: RuleDraft[] = [];
  const areaHosts = social.flatMap((s) => s.messaging?.hosts ?? []);
  if (areaHosts.length) drafts.push({ priority, action, requestDomains: areaHosts, regexFilter: ANY_WEB_URL, source });
  for (const site of social as CatalogSite[]) {
    const paths = site.messaging?.paths;
    if (paths?.length) {
      drafts.push({ priority, action, requestDomains: [...site.domains], regexFilter: areaPathRegex(paths), source });
    }
  }
  return drafts;
}

/** A path's characters as atoms: `/` may be doubled; everything else is itself. */
function pathAtoms(path: string): string[] {
  return [...path].map((ch) => (ch === '/' ? '/+' : escapeRegex(ch)));
}

/**
 * Atoms between a fixed beginning and end; shortened to a prefix and a wildcard when the whole
 * would not fit. Null when not even the beginning fits.
 */
function literalRegex(before: string, atoms: readonly string[], after: string, fits: Fits): string | null {
  return (
    longestFitting(
      atoms.length,
      (k) => `${before}${atoms.slice(0, k).join('')}${k === atoms.length ? after : REST}`,
      fits,
    )?.regex ?? null
  );
}

/** Path shapes before the handle, as one regex: `/{h}`, `/stories/{h}` → `/+(?:stories/+)?`. */
function shapesOf(paths: readonly string[]): string {
  const prefixes = [...new Set(paths.map((shape) => pathRegex(shape.slice(0, shape.indexOf('{h}')))))];
  return prefixes.length === 1 ? (prefixes[0] ?? '') : `(?:${prefixes.join('|')})`;
}

/**
 * The shapes before a handle, on the site or on its copies. The viewers' pages are copied too,
 * each with its own shapes, so on a copy of a platform that has viewers the handle may follow any
 * `/` (the copies' origin takes any path before it).
 */
function copiedShapes(platform: Platform, served: Served): string {
  return served === COPIES && VIEWERS.some((v) => v.platform === platform.id) ? '/+' : shapesOf(platform.paths);
}

/**
 * Their profile on the anonymous viewers of its platform (see `detection/viewers.ts`): one rule for
 * every viewer of the platform, with their handle as any whole segment of the path. That is wider
 * than the viewers' own shapes, which the matcher reads, and keeps the rule small however many
 * viewers and shapes the list has.
 */
function viewerDrafts(target: PersonTarget, priority: number, fits: Fits): { drafts: RuleDraft[]; complete: boolean } {
  if (target.kind !== 'handle' || target.handle.startsWith('id:')) return { drafts: [], complete: true };
  const viewers = VIEWERS.filter((v) => v.platform === target.platform);
  if (!viewers.length) return { drafts: [], complete: true };
  const regexFilter = literalRegex(`${ANY_ORIGIN}${ANY_SEGMENT}`, atomsOf(target.handle, false), SEGMENT_END, fits);
  if (!regexFilter) return { drafts: [], complete: false };
  const requestDomains = viewers.flatMap((v) => [...v.domains]);
  const source = { kind: 'profile', label: describeTarget(target) } as const;
  return {
    drafts: [{ priority, action: 'redirect', requestDomains, regexFilter, frames: true, source }],
    complete: true,
  };
}

/**
 * Percent-encodings of characters a browser never encodes in a path (letters, digits, `-._~`,
 * and `@` and `/`, which the paths of profiles use). `jordan%2Erivers` or `/%40handle` is someone
 * spelling an address so that it slips past.
 */
const ENCODED_UNRESERVED = '%(?:2[def]|3[0-9]|40|[46][1-9a-f]|[57][0-9a]|5f|7e)';

/**
 * Where a page of `hosts` is served: the site itself (any origin on `requestDomains`), or a copy of
 * it on a proxy or an archive (see `detection/copies.ts`).
 */
interface Served {
  requestDomains: (hosts: readonly string[]) => string[];
  origin: (hosts: readonly string[]) => string;
}

const ON_THE_SITE: Served = { requestDomains: (hosts) => [...hosts], origin: () => ANY_ORIGIN };

/**
 * Copies of a page, on every proxy and archive at once (see `detection/copies.ts`): Google
 * Translate's proxy serves the path as it is, the web archive after `/web/<time>/<original host>`,
 * an AMP cache after `/<kind>/s/<original host>`. One rule covers all three: their page's path
 * after any path at all. It does not name the original host, so any copy whose path ends in their
 * page's path is stopped; the matcher, which reads the original address back (`originalOf`), lets
 * a copy of another site's page go straight on from the pause page. This only ever widens the
 * rule, and keeps it one rule per page, smaller than the page's own, however many copies.
 */
const COPIES: Served = { requestDomains: () => [...COPY_DOMAINS], origin: () => '^https?://[^?#]*' };

function personDrafts(target: PersonTarget, priority: number, fits: Fits, served: Served = ON_THE_SITE): RuleDraft[] {
  const source = { kind: 'profile', label: describeTarget(target) } as const;
  const draft = (hosts: readonly string[], regexFilter: string | null): RuleDraft[] =>
    regexFilter
      ? [
          {
            priority,
            action: 'redirect',
            requestDomains: served.requestDomains(hosts),
            regexFilter,
            frames: true,
            source,
          },
        ]
      : [];

  if (target.kind === 'page') {
    const origin = served.origin([target.host]);
    if (target.path === '/') return draft([target.host], `${origin}/${REST}`);
    return draft([target.host], literalRegex(origin, pathAtoms(target.path), SEGMENT_END, fits));
  }
  const platform = platformById(target.platform);
  const origin = served.origin(platform.domains);
  if (platform.id === 'facebook' && target.handle.startsWith('id:')) {
    const id = target.handle.slice(3);
    return [
      ...draft(platform.domains, `${origin}/+profile\\.php\\?(?:[^#]*&)?id=${id}(?:[&#].*)?$`),
      ...draft(platform.domains, `${origin}/+people/+[^/?#]+/+${id}${SEGMENT_END}`),
    ].filter((d) => fits(d.regexFilter));
  }
  const drafts = draft(
    platform.domains,
    literalRegex(`${origin}${copiedShapes(platform, served)}`, atomsOf(target.handle, false), SEGMENT_END, fits),
  );
  if (platform.id === 'x') {
    drafts.push(
      ...draft(
        platform.domains,
        literalRegex(
          `${origin}/+intent/+[^?#]*\\?(?:[^#]*&)?screen_name=`,
          atomsOf(target.handle, false),
          '(?:[&#].*)?$',
          fits,
        ),
      ),
    );
  }
  return drafts;
}

/**
 * A person's page on proxies and archives, each rule fitted on its own; not complete when the
 * copies have fewer rules than the `onSite` rules the page has on its own site.
 */
function copyDrafts(
  target: PersonTarget,
  priority: number,
  fits: Fits,
  onSite: number,
): { drafts: RuleDraft[]; complete: boolean } {
  const drafts = personDrafts(target, priority, fits, COPIES);
  return { drafts, complete: drafts.length === onSite };
}

/** One rule per platform with a handle: a URL that spells anything with needless encodings. */
function encodedHandleDrafts(policy: Policy, priority: number): RuleDraft[] {
  const platforms = new Set(policy.person.flatMap((t) => (t.kind === 'handle' ? [t.platform] : [])));
  return [...platforms].map((id) => ({
    priority,
    action: 'redirect' as const,
    // The platform, its anonymous viewers and the copies: wherever the matcher decodes their path.
    requestDomains: [
      ...platformById(id).domains,
      ...VIEWERS.filter((v) => v.platform === id).flatMap((v) => v.domains),
      ...COPY_DOMAINS,
    ],
    // In the path only: a query often carries an encoded address (`?next=%2Faccounts`).
    regexFilter: `${ANY_ORIGIN}/[^?#]*${ENCODED_UNRESERVED}${REST}`,
    frames: true,
    source: { kind: 'profile' as const, label: `${platformById(id).name}${ENCODED_SUFFIX}` },
  }));
}

/** The query parameter of every search engine we cover. */
/**
 * Up to the value of any query parameter, on any path of the search sites' domains. Wider than the
 * matcher, which reads each site's own parameter (`q`, `p`, `text`, `search_query`…) on its own
 * search pages; what only the rule stops goes straight on from the pause page. Naming the
 * parameters would cost RE2 more than a name can spare, and any parameter costs less than `q=`.
 */
const SEARCH_PREFIX = '^https?://[^#]*[?&][^=&#]+=';
/**
 * Separators between words: anything but an ASCII letter, or any percent-encoded byte (`%2C`, a
 * comma, or `%E2%80%99`, a curly apostrophe, whose hex has letters). Digits and encoded letters
 * count as separators here, which only ever widens the rule; the matcher has the final word.
 */
const SEP = '(?:%..|[^a-z])+';

/**
 * Searches for their name, as a regex no bigger than `fits` allows, from exact to wider:
 * 1. the whole name as consecutive words, with no ASCII letter right before or after (a
 *    percent-encoded character before it, such as a curly quote, counts as a boundary);
 * 2. without the boundaries at either end;
 * 3. any characters of the parameter between the words;
 * 4. then each word shortened, longest first, down to its first character, then fewer words.
 * Each step stops a superset of the one before, so the rule never stops less than the matcher.
 */
export function nameSearchRegex(name: string, fits: Fits = fitsRe2Budget): string | null {
  if (!nameWords(name)) return null;
  const words = name
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .map((w) => atomsOf(w, true));

  const exact = (ws: string[][]) => ws.map((w) => w.join('')).join(SEP);
  const candidates = [
    `${SEARCH_PREFIX}(?:[^&#]*(?:[^a-z]|%..))?${exact(words)}(?:[^a-z]|$)${REST}`,
    `${SEARCH_PREFIX}[^&#]*${exact(words)}${REST}`,
  ];
  for (const regex of candidates) if (fits(regex)) return regex;

  // Looser: any characters of the parameter between words (and in place of a shortened word's end).
  const loose = (ws: string[][]) => `${SEARCH_PREFIX}[^&#]*${ws.map((w) => w.join('')).join('[^&#]+')}${REST}`;
  const current = words.map((w) => [...w]);
  for (;;) {
    const regex = loose(current);
    if (fits(regex)) return regex;
    // Shorten the word with the most atoms; when every word is one atom long, drop the last word.
    let longest = 0;
    for (let i = 1; i < current.length; i++)
      if ((current[i]?.length ?? 0) > (current[longest]?.length ?? 0)) longest = i;
    const word = current[longest];
    if (word && word.length > 1) word.pop();
    else if (current.length > 1) current.pop();
    else {
      return null;
    }
  }
}

function targetDrafts(policy: Policy, fits: Fits): { drafts: RuleDraft[]; unbuilt: RuleSource[] } {
  const drafts: RuleDraft[] = [];
  const unbuilt: RuleSource[] = [];
  const personPriority = policy.neverContinueToPerson ? PRIORITY.personLocked : PRIORITY.target;
  for (const target of policy.person) {
    const built = personDrafts(target, personPriority, fits);
    if (built.length) drafts.push(...built);
    else unbuilt.push({ kind: 'profile', label: describeTarget(target) });
    const copies = copyDrafts(target, personPriority, fits, built.length);
    const viewers = viewerDrafts(target, personPriority, fits);
    drafts.push(...copies.drafts, ...viewers.drafts);
    if ((!copies.complete || !viewers.complete) && built.length) {
      unbuilt.push({ kind: 'profile', label: `${describeTarget(target)}${COPIES_SUFFIX}` });
    }
  }
  drafts.push(...encodedHandleDrafts(policy, personPriority));

  for (const name of policy.names) {
    const regex = nameSearchRegex(name, fits);
    const source = { kind: 'name', label: name } as const;
    if (regex) {
      drafts.push({
        priority: PRIORITY.target,
        action: 'redirect',
        requestDomains: [...SEARCH_DOMAINS, ...COPY_DOMAINS],
        regexFilter: regex,
        frames: true,
        source,
      });
    } else {
      unbuilt.push(source);
    }
  }

  const wholeSites = policy.custom.filter((s) => s.path === '/');
  if (wholeSites.length) {
    drafts.push({
      priority: PRIORITY.target,
      action: 'redirect',
      requestDomains: wholeSites.map((s) => s.host),
      regexFilter: ANY_WEB_URL,
      source: { kind: 'site', label: wholeSites.length === 1 ? (wholeSites[0]?.label ?? '') : 'your sites' },
    });
  }
  for (const site of policy.custom) {
    if (site.path === '/') continue;
    const regex = literalRegex(ANY_ORIGIN, pathAtoms(site.path), SEGMENT_END, fits);
    const source = { kind: 'site', label: site.label } as const;
    if (regex)
      drafts.push({
        priority: PRIORITY.target,
        action: 'redirect',
        requestDomains: [site.host],
        regexFilter: regex,
        source,
      });
    else unbuilt.push(source);
  }
  return { drafts, unbuilt };
}

export interface RuleSet {
  rules: DnrRule[];
  /** What each rule protects, by rule id. */
  sources: Map<number, RuleSource>;
  /** What could not be made into a rule at all. */
  unbuilt: RuleSource[];
}

function redirectTo(pauseUrl: string): DnrRule['action'] {
  return { type: 'redirect', redirect: { regexSubstitution: interstitialHref(pauseUrl, '\\0') } };
}

/**
 * The dynamic rules that carry out a policy. Every redirect keeps the original address in the
 * pause page's fragment (`interstitial.html?…#https://…`), so nothing about the visit is lost and
 * nothing reaches the site. No policy (no active period) means no rules. `fits` says whether a
 * regex fits the browser (by default the model in `rule-limits.ts`).
 */
export function buildRuleSet(policy: Policy | null, pauseUrl: string, fits: Fits = fitsRe2Budget): RuleSet {
  if (!policy) return { rules: [], sources: new Map(), unbuilt: [] };
  const targets = targetDrafts(policy, fits);
  const sources = new Map<number, RuleSource>();
  const rules = [...categoryDrafts(policy), ...targets.drafts].map((draft, i): DnrRule => {
    const id = i + 1;
    sources.set(id, draft.source);
    const condition: DnrRule['condition'] = {
      resourceTypes: draft.frames ? ['main_frame', 'sub_frame'] : ['main_frame'],
      isUrlFilterCaseSensitive: false,
      regexFilter: draft.regexFilter,
    };
    if (draft.requestDomains) condition.requestDomains = draft.requestDomains;
    return {
      id,
      priority: draft.priority,
      action: draft.action === 'redirect' ? redirectTo(pauseUrl) : { type: 'allow' },
      condition,
    };
  });
  return { rules, sources, unbuilt: targets.unbuilt };
}

/** The rules alone (see `buildRuleSet`). */
export function buildRules(policy: Policy | null, pauseUrl: string, fits: Fits = fitsRe2Budget): DnrRule[] {
  return buildRuleSet(policy, pauseUrl, fits).rules;
}

/** The drafts of a social site's messaging areas (its inbox paths and hosts) that fall on `domain`. */
function areasOn(domain: string, priority: number, action: 'redirect' | 'allow') {
  return messagingAreaDrafts(priority, action).flatMap((draft) => {
    const domains = (draft.requestDomains ?? []).filter(
      (d) => d === domain || d.endsWith(`.${domain}`) || domain.endsWith(`.${d}`),
    );
    return domains.length ? [{ ...draft, requestDomains: domains }] : [];
  });
}

/**
 * The session rules of a pass: one tab may reach one site. A pass for a feed does not open the
 * site's inbox while messaging is paused, so for those it also keeps the messaging areas stopped
 * in that tab. A pass for messaging only ("Someone else") opens a social site's inbox and nothing
 * else of it; on a messaging site it opens the site.
 */
export function grantRules(
  firstId: number,
  tabId: number,
  domain: string,
  opts: { keepMessagingStopped: boolean; messagingOnly?: boolean; pauseUrl: string },
): DnrRule[] {
  if (opts.messagingOnly) {
    const areas = areasOn(domain, PRIORITY.messagingPass, 'allow');
    if (areas.length) {
      return areas.map((draft, i) => ({
        id: firstId + i,
        priority: PRIORITY.messagingPass,
        action: { type: 'allow' as const },
        condition: {
          tabIds: [tabId],
          requestDomains: draft.requestDomains,
          resourceTypes: ['main_frame' as const],
          isUrlFilterCaseSensitive: false,
          regexFilter: draft.regexFilter,
        },
      }));
    }
  }
  const rules: DnrRule[] = [
    {
      id: firstId,
      priority: opts.messagingOnly ? PRIORITY.messagingPass : PRIORITY.grant,
      action: { type: 'allow' },
      condition: { tabIds: [tabId], requestDomains: [domain], resourceTypes: ['main_frame'] },
    },
  ];
  if (!opts.keepMessagingStopped) return rules;
  let id = firstId;
  for (const draft of areasOn(domain, PRIORITY.grantedAreas, 'redirect')) {
    rules.push({
      id: ++id,
      priority: draft.priority,
      action: redirectTo(opts.pauseUrl),
      condition: {
        tabIds: [tabId],
        requestDomains: draft.requestDomains,
        resourceTypes: ['main_frame'],
        isUrlFilterCaseSensitive: false,
        regexFilter: draft.regexFilter,
      },
    });
  }
  return rules;
}

/**
 * Whether an address the matcher does not stop may go straight on. Not when it could be read two
 * ways: a repeated query parameter (`?id=1&id=…`: the matcher reads the first, a server may read
 * the last), a needlessly encoded character in the path or one that does not decode, or a `*`, `^`
 * or `|`, which the pass's `urlFilter` would read as a wildcard rather than itself. Such an
 * address stays on the pause page; nobody types one by accident.
 */
export function mayPassThrough(url: string): boolean {
  if (/[*^|]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
    decodeURIComponent(parsed.pathname);
  } catch {
    return false;
  }
  if (new RegExp(ENCODED_UNRESERVED, 'i').test(parsed.pathname)) return false;
  const names = [...parsed.searchParams.keys()].map((k) => k.toLowerCase());
  return new Set(names).size === names.length;
}

/** The session rule that lets one tab go on to an address a widened rule stopped by mistake. */
export function passThroughRule(id: number, tabId: number, url: string): DnrRule {
  return {
    id,
    priority: PRIORITY.passThrough,
    action: { type: 'allow' },
    condition: {
      tabIds: [tabId],
      // The exact address (`mayPassThrough` refuses one with `*`, `^` or `|`, which urlFilter
      // would read as wildcards and anchors).
      urlFilter: `|${url}|`,
      isUrlFilterCaseSensitive: true,
      resourceTypes: ['main_frame'],
    },
  };
}
