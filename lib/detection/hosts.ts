/**
 * Host names, compared the way the browser resolves them: lower case, no trailing dot, and
 * international names in their punycode (ASCII) form, which is what `new URL()` produces.
 */

/** `host` is `domain` itself or one of its subdomains. Never a substring match. */
export function hostMatches(host: string, domain: string): boolean {
  return (
    host === domain ||
    (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.')
  );
}

export function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

let memoHost = '';
let memoSuffixes: readonly string[] = [];

/**
 * `host` and each parent domain, most specific first: a.b.c → a.b.c, b.c, c. One decision asks
 * this of the same host several times (catalog, platforms, search engines, custom sites), so the
 * last answer is kept.
 */
export function hostSuffixes(host: string): readonly string[] {
  if (host === memoHost) return memoSuffixes;
  const out: string[] = [];
  let rest = host;
  while (rest) {
    out.push(rest);
    const dot = rest.indexOf('.');
    if (dot < 0) break;
    rest = rest.slice(dot + 1);
  }
  memoHost = host;
  memoSuffixes = out;
  return out;
}

/** Parses an absolute http(s) URL, or returns null for anything else. */
export function parseWebUrl(input: string | URL): URL | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url;
}

/** The host as people say it: without a leading `www.`. */
export function displayHost(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}
