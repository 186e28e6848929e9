import { displayHost, normalizeHost } from './hosts';

export { MAX_CUSTOM_SITES } from '../settings/limits';

import { MAX_CUSTOM_SITES } from '../settings/limits';

/**
 * A site the user added: a whole domain (`example.com`, with its subdomains) or one page and
 * everything below it (`example.com/some/page`). Domains are kept in their ASCII (punycode) form,
 * which is what the browser compares; `label` keeps what the user typed, for display.
 */
export interface CustomSite {
  host: string;
  /** `/` for the whole site, otherwise a path prefix without a trailing slash, in lower case. */
  path: string;
  label: string;
}

export type CustomSiteResult = { ok: true; site: CustomSite } | { ok: false; error: string };

const OTHER_SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;

/** Reads what the user typed into the "Add a site" field. */
export function parseCustomSite(input: string): CustomSiteResult {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Enter a site, like example.com, or a page, like example.com/some/page.' };

  const scheme = OTHER_SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    return { ok: false, error: `Only web addresses (http or https) can be paused, not “${scheme}:” links.` };
  }

  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${text}`);
  } catch {
    return { ok: false, error: 'That doesn’t look like a web address. Try something like example.com.' };
  }
  if (url.username || url.password) return { ok: false, error: 'Leave out any user name or password.' };

  const host = normalizeHost(url.hostname);
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => !l)) {
    return {
      ok: false,
      error: `“${text.replace(/^\.+/, '')}” is a whole top-level domain. Enter one site, like example.${labels.at(-1) || 'com'}.`,
    };
  }
  if (labels.length === 2 && /^(?:co|com|net|org|gov|ac|edu|ne|or)$/.test(labels[0] ?? '') && labels[1]?.length === 2) {
    return { ok: false, error: `“${host}” is a whole country domain. Enter one site, like example.${host}.` };
  }
  if (!labels.every((l) => /^[a-z0-9-]+$/.test(l) && !l.startsWith('-') && !l.endsWith('-'))) {
    return { ok: false, error: 'That site name has characters a web address can’t have.' };
  }
  if (/^\d+$/.test(labels.at(-1) ?? '') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) {
    return { ok: false, error: 'That doesn’t look like a web address. Try something like example.com.' };
  }

  const path =
    url.pathname
      .replace(/\/{2,}/g, '/')
      .replace(/\/+$/, '')
      .toLowerCase() || '/';
  const shownHost = displayHost(host);
  const typedHost = text.replace(/^https?:\/\//i, '').split(/[/?#]/)[0] ?? shownHost;
  const label = `${displayHost(typedHost.toLowerCase())}${path === '/' ? '' : path}`;
  return { ok: true, site: { host: shownHost, path, label } };
}

export function customSiteKey(site: Pick<CustomSite, 'host' | 'path'>): string {
  return `${site.host}${site.path === '/' ? '' : site.path}`;
}

/** Adds a site to the list, or says why it cannot be added. */
export function addCustomSite(
  list: readonly CustomSite[],
  input: string,
): { ok: true; list: CustomSite[]; site: CustomSite } | { ok: false; error: string } {
  const parsed = parseCustomSite(input);
  if (!parsed.ok) return parsed;
  const key = customSiteKey(parsed.site);
  if (list.some((s) => customSiteKey(s) === key))
    return { ok: false, error: `${parsed.site.label} is already on your list.` };
  if (list.length >= MAX_CUSTOM_SITES)
    return { ok: false, error: `You can add up to ${MAX_CUSTOM_SITES} sites. Remove one to add another.` };
  return { ok: true, list: [...list, parsed.site], site: parsed.site };
}

/** The match patterns Breathing Room needs host access to for a site. */
export function originPatterns(host: string): string[] {
  return [`*://${host}/*`, `*://*.${host}/*`];
}
