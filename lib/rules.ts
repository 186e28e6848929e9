import { CATALOG, type CatalogSite } from './catalog';
import type { Policy } from './match-url';
import { nameSearchRegex, SEARCH_DOMAINS } from './name-search';
import type { PersonTarget } from './person';
import { platformById } from './platforms';
import { escapeRegex } from './regex';

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
    requestDomains?: string[];
    resourceTypes: ['main_frame'];
    isUrlFilterCaseSensitive?: false;
    tabIds?: number[];
  };
}

/**
 * Priorities, highest wins. Category rules stop whole sites; exemptions carve the messaging
 * areas out of a social site when only "Social sites" is on; area rules stop messaging areas
 * when only "Messaging" is on; grants (session rules, see `grantRule`) let one tab through.
 */
export const PRIORITY = {
  category: 1,
  exemption: 2,
  area: 3,
  /** The person's pages, searches for their name, and custom sites. */
  target: 4,
  grant: 100,
  /** The person's pages when "Never let me continue to their pages" is on: above any grant. */
  personLocked: 200,
} as const;

/** Matches the whole URL, so `\0` in the substitution is the original address. */
const ANY_WEB_URL = '^https?://.*$';

/** A piece of path as it may appear in a raw URL: as typed, or percent-encoded. */
function pathForms(text: string): string {
  const forms = new Set([text, encodeURIComponent(text).replace(/%2F/gi, '/')]);
  const escaped = [...forms].map(escapeRegex);
  return escaped.length === 1 ? (escaped[0] ?? '') : `(?:${escaped.join('|')})`;
}

/** The rest of a URL after a path prefix that ends on a segment boundary. */
const SEGMENT_END = '(?:[/?#].*)?$';

function hostsRegex(domains: readonly string[]): string {
  return `(?:[^/?#@]*\\.)?(?:${domains.map(escapeRegex).join('|')})`;
}

/** A regex for the messaging paths of a site, on any of its hosts, anchored to a segment boundary. */
function areaPathRegex(site: CatalogSite, paths: readonly string[]): string {
  const alternatives = paths.map((p) => escapeRegex(p)).join('|');
  return `^https?://${hostsRegex(site.domains)}(?::\\d+)?(?:${alternatives})${SEGMENT_END}`;
}

interface RuleDraft {
  priority: number;
  action: 'redirect' | 'allow';
  requestDomains?: string[];
  regexFilter?: string;
}

function categoryDrafts(policy: Policy): RuleDraft[] {
  const drafts: RuleDraft[] = [];
  const { social, messaging } = policy.categories;
  const sitesOf = (category: 'social' | 'messaging') => CATALOG.filter((s) => s.category === category);

  if (social) {
    drafts.push({
      priority: PRIORITY.category,
      action: 'redirect',
      requestDomains: sitesOf('social').flatMap((s) => s.domains),
    });
  }
  if (messaging) {
    drafts.push({
      priority: PRIORITY.category,
      action: 'redirect',
      requestDomains: sitesOf('messaging').flatMap((s) => s.domains),
    });
  }
  // Messaging areas inside social sites: stopped when Messaging is on, let through when it is off.
  const areaHosts = sitesOf('social').flatMap((s) => s.messaging?.hosts ?? []);
  const areaAction = messaging ? 'redirect' : social ? 'allow' : null;
  if (areaAction) {
    const priority = areaAction === 'redirect' ? PRIORITY.area : PRIORITY.exemption;
    if (areaHosts.length) drafts.push({ priority, action: areaAction, requestDomains: areaHosts });
    for (const site of sitesOf('social')) {
      const paths = site.messaging?.paths;
      if (paths?.length) {
        drafts.push({
          priority,
          action: areaAction,
          requestDomains: [...site.domains],
          regexFilter: areaPathRegex(site, paths),
        });
      }
    }
  }
  return drafts;
}

function personDrafts(target: PersonTarget, priority: number): RuleDraft[] {
  if (target.kind === 'page') {
    const path = target.path === '/' ? '/.*$' : `${pathForms(target.path)}${SEGMENT_END}`;
    return [{ priority, action: 'redirect', requestDomains: [target.host], regexFilter: `^https?://[^/?#]+${path}` }];
  }
  const platform = platformById(target.platform);
  const origin = `^https?://${hostsRegex(platform.domains)}(?::\\d+)?`;
  const draft = (regexFilter: string): RuleDraft => ({
    priority,
    action: 'redirect',
    requestDomains: [...platform.domains],
    regexFilter,
  });
  if (platform.id === 'facebook' && target.handle.startsWith('id:')) {
    const id = target.handle.slice(3);
    return [
      draft(`${origin}/profile\\.php\\?(?:[^#]*&)?id=${id}(?:[&#].*)?$`),
      draft(`${origin}/people/[^/?#]+/${id}${SEGMENT_END}`),
    ];
  }
  const shapes = platform.paths.map((shape) => shape.split('{h}').map(escapeRegex).join(pathForms(target.handle)));
  const drafts = [draft(`${origin}(?:${shapes.join('|')})${SEGMENT_END}`)];
  if (platform.id === 'x') {
    drafts.push(draft(`${origin}/intent/[^?#]*\\?(?:[^#]*&)?screen_name=${escapeRegex(target.handle)}(?:[&#].*)?$`));
  }
  return drafts;
}

function targetDrafts(policy: Policy): RuleDraft[] {
  const drafts: RuleDraft[] = [];
  const personPriority = policy.neverContinueToPerson ? PRIORITY.personLocked : PRIORITY.target;
  for (const target of policy.person) drafts.push(...personDrafts(target, personPriority));

  const nameRegex = policy.name && nameSearchRegex(policy.name);
  if (nameRegex)
    drafts.push({
      priority: PRIORITY.target,
      action: 'redirect',
      requestDomains: [...SEARCH_DOMAINS],
      regexFilter: nameRegex,
    });

  const wholeSites = policy.custom.filter((s) => s.path === '/').map((s) => s.host);
  if (wholeSites.length) drafts.push({ priority: PRIORITY.target, action: 'redirect', requestDomains: wholeSites });
  for (const site of policy.custom) {
    if (site.path === '/') continue;
    drafts.push({
      priority: PRIORITY.target,
      action: 'redirect',
      requestDomains: [site.host],
      regexFilter: `^https?://[^/?#]+${pathForms(site.path)}${SEGMENT_END}`,
    });
  }
  return drafts;
}

/**
 * The dynamic rules that carry out a policy. Every redirect keeps the original address in the
 * interstitial's fragment (`interstitial.html#https://…`), so nothing about the visit is lost and
 * nothing reaches the site. No policy (no active period) means no rules.
 */
export function buildRules(policy: Policy | null, interstitialUrl: string): DnrRule[] {
  if (!policy) return [];
  return [...categoryDrafts(policy), ...targetDrafts(policy)].map((draft, i) => {
    const condition: DnrRule['condition'] = {
      resourceTypes: ['main_frame'],
      isUrlFilterCaseSensitive: false,
      regexFilter: draft.regexFilter ?? ANY_WEB_URL,
    };
    if (draft.requestDomains) condition.requestDomains = draft.requestDomains;
    return {
      id: i + 1,
      priority: draft.priority,
      action:
        draft.action === 'redirect'
          ? { type: 'redirect', redirect: { regexSubstitution: `${interstitialUrl}#\\0` } }
          : { type: 'allow' },
      condition,
    };
  });
}

/** A session rule that lets one tab reach one site (and its subdomains) without being stopped. */
export function grantRule(id: number, tabId: number, domain: string): DnrRule {
  return {
    id,
    priority: PRIORITY.grant,
    action: { type: 'allow' },
    condition: { tabIds: [tabId], requestDomains: [domain], resourceTypes: ['main_frame'] },
  };
}
