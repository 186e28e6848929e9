import { hostMatches } from './hosts';

/**
 * Copies of a page that people use to look without being seen: Google Translate's proxy, the web
 * archive and AMP caches. Each shows another site's page under its own address; `originalOf`
 * reads that page's own address back, so their profiles and searches for their name are stopped
 * through a copy too. The rules do the same from the other side (`copyDrafts` in rule-set.ts).
 */

/** The hosts that serve copies (each with its subdomains). */
export const COPY_DOMAINS = ['translate.goog', 'web.archive.org', 'cdn.ampproject.org'] as const;

export function isCopyHost(host: string): boolean {
  // Most hosts end in none of these: a cheap no first.
  if (!/(?:goog|org)\.?$/.test(host)) return false;
  return COPY_DOMAINS.some((domain) => hostMatches(host, domain));
}

/**
 * A host as Google Translate's proxy writes it in its own subdomain: each `.` becomes `-`, and
 * each `-` is doubled (`www.jordan-rivers.com` → `www-jordan--rivers-com`).
 */
export function translateLabel(host: string): string {
  return host.replace(/-/g, '--').replace(/\./g, '-');
}

function fromTranslateLabel(label: string): string {
  return label.replace(/--|-/g, (m) => (m === '--' ? '-' : '.'));
}

function parse(address: string): URL | null {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The page a copy shows, or null when `url` is not a copy of a page. */
export function originalOf(url: URL): URL | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.endsWith('.translate.goog')) {
    const original = fromTranslateLabel(host.slice(0, -'.translate.goog'.length));
    return original.includes('.') ? parse(`https://${original}${url.pathname}${url.search}`) : null;
  }
  // web.archive.org/web/20240101000000/https://www.instagram.com/handle/ (or `*`, or no scheme).
  if (host === 'web.archive.org') {
    const archived = /^\/web\/[^/]*\/+(.+)$/.exec(url.pathname)?.[1];
    if (!archived) return null;
    const rest = `${archived}${url.search}`;
    return parse(/^https?:\/+/i.test(rest) ? rest.replace(/^(https?):\/+/i, '$1://') : `https://${rest}`);
  }
  // example-com.cdn.ampproject.org/c/s/example.com/page: `s` for https.
  if (host.endsWith('.cdn.ampproject.org')) {
    const parts = /^\/[a-z]+\/+(s\/+)?([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!parts) return null;
    return parse(`${parts[1] ? 'https' : 'http'}://${parts[2]}${parts[3] ?? '/'}${url.search}`);
  }
  return null;
}
