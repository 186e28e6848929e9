import { parseWebUrl } from './hosts';

/** Why the interstitial is showing; set by the extension in its query string. */
export type StopReason = 'visit' | 'open-tab';

export interface InterstitialTarget {
  url: URL;
  reason: StopReason;
}

const MAX_TARGET_LENGTH = 8192;

/**
 * Reads the stopped address from the interstitial's own URL: `interstitial.html#https://…`.
 * Anything can put a fragment on this page, so it is treated as untrusted: only an absolute
 * http(s) URL of sane length is accepted.
 */
export function readInterstitialTarget(href: string): InterstitialTarget | null {
  let page: URL;
  try {
    page = new URL(href);
  } catch {
    return null;
  }
  const raw = page.hash.slice(1);
  if (!raw || raw.length > MAX_TARGET_LENGTH) return null;
  const url = parseWebUrl(raw);
  if (!url) return null;
  const reason: StopReason = page.searchParams.get('reason') === 'open-tab' ? 'open-tab' : 'visit';
  return { url, reason };
}

/** The interstitial's address for a stopped URL. */
export function interstitialHref(base: string, target: string, reason: StopReason = 'visit'): string {
  return `${base}${reason === 'open-tab' ? '?reason=open-tab' : ''}#${target}`;
}
