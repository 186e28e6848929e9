import { parseWebUrl } from '../detection/hosts';

/**
 * Why the interstitial is showing; set by the extension in its query string. Only a `visit` is an
 * urge: a tab that was already open, or whose pass ran out, logs nothing.
 */
export type StopReason = 'visit' | 'open-tab' | 'pass-ended';

export interface InterstitialTarget {
  url: URL;
  reason: StopReason;
  /**
   * The stop key the rules and the route guard put in the address (`?k=`). Only a page opened
   * with this session's key was sent here by Breathing Room; any other opening logs nothing.
   */
  key: string | null;
}

/** A stop key: 128 random bits, hex. */
export function newStopKey(bytes: Uint8Array = crypto.getRandomValues(new Uint8Array(16))): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const STOP_KEY = /^[0-9a-f]{32}$/;

/** The pause page's path in the extension. */
export const PAUSE_PAGE_PATH = '/interstitial.html';

/**
 * The pause page at the extension's fixed address, for the rules and the background. In Chrome,
 * `runtime.getURL` gives web accessible pages a per-session address (`use_dynamic_url`), which a
 * rule must not hold: after a restart it would point nowhere until the worker rebuilt the rules. A
 * redirect may use the fixed address; web pages may not load it. So it is read off a page that is
 * not web accessible.
 */
export function fixedPausePage(getURL: (path: '/popup.html') => string): string {
  return getURL('/popup.html').replace(/popup\.html$/, PAUSE_PAGE_PATH.slice(1));
}

/**
 * The pause page's address with this session's stop key, as the rules and the guard use it;
 * without a key (the guard before it has heard one), the page alone.
 */
export function pauseBase(pageUrl: string, key: string | null | undefined): string {
  return key ? `${pageUrl}?k=${key}` : pageUrl;
}

const MAX_TARGET_LENGTH = 8192;
const SHOWN_LENGTH = 200;

/**
 * What a real stopped address looks like in our fragment: the browser writes it as a serialized
 * URL (our rules put the request's URL there, the route guard its `location.href`), so it is
 * printable ASCII (the browser percent-encodes everything else) with an explicit http(s) scheme
 * and `//`, and a host in its ASCII (punycode) form. Anything else (another scheme, a backslash
 * before the host ends, spaces or control characters, Unicode or percent signs in the host, a
 * host hidden behind `user@`) was not written by the browser. After the host, a backslash can
 * only be part of the path or query (a search for `a\b`), so it is allowed there.
 */
const WEB_ADDRESS = /^https?:\/\/[a-z0-9.\-:[\]]+(?:[/?#][\x21-\x7e]*)?$/i;

/**
 * Reads the stopped address from the interstitial's own URL: `interstitial.html#https://…`.
 * Any web page can link here with any fragment, so it is hostile until proved otherwise: only an
 * absolute http(s) URL of sane length, in the form the browser itself writes, with no user name
 * or password, is accepted. Everything else is refused (and shown only as text).
 */
export function readInterstitialTarget(href: string): InterstitialTarget | null {
  let page: URL;
  try {
    page = new URL(href);
  } catch {
    return null;
  }
  const raw = page.hash.slice(1);
  if (!raw || raw.length > MAX_TARGET_LENGTH || !WEB_ADDRESS.test(raw)) return null;
  const url = parseWebUrl(raw);
  if (!url || url.username || url.password) return null;
  const given = page.searchParams.get('reason');
  const reason: StopReason = given === 'open-tab' || given === 'pass-ended' ? given : 'visit';
  const key = page.searchParams.get('k');
  return { url, reason, key: key && STOP_KEY.test(key) ? key : null };
}

/**
 * A refused fragment as plain text to show the person, never as a link: cut to a readable length.
 * The browser has already percent-encoded it, so it holds no direction-changing or invisible
 * characters.
 */
export function refusedTargetText(href: string): string {
  let raw: string;
  try {
    raw = new URL(href).hash.slice(1);
  } catch {
    return '';
  }
  return raw.length > SHOWN_LENGTH ? `${raw.slice(0, SHOWN_LENGTH)}…` : raw;
}

/**
 * The interstitial's address for a stopped URL (`base` may already carry the stop key). The rules
 * pass `\0`, their placeholder for the whole address they stopped.
 */
export function interstitialHref(base: string, target: string, reason: StopReason = 'visit'): string {
  const query = reason === 'visit' ? '' : `${base.includes('?') ? '&' : '?'}reason=${reason}`;
  return `${base}${query}#${target}`;
}
