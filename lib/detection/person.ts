import { displayHost, normalizeHost, parseWebUrl } from './hosts';
import { type PlatformId, platformByAlias, platformById, platformForHost } from './platforms';

/** One of the person's places online. */
export type PersonTarget =
  | { kind: 'handle'; platform: PlatformId; handle: string }
  /** Any other page (Strava, Spotify, a blog): that page and everything below it. */
  | { kind: 'page'; host: string; path: string };

export type ProfileLine =
  | { line: number; text: string; ok: true; target: PersonTarget; label: string }
  | { line: number; text: string; ok: false; error: string };

export { MAX_PROFILE_LINES } from '../settings/limits';

import { MAX_PROFILE_LINES } from '../settings/limits';

/** How a target reads on a chip: "Instagram · @jordan.rivers". */
export function describeTarget(target: PersonTarget): string {
  if (target.kind === 'page') return `${displayHost(target.host)}${target.path === '/' ? '' : target.path}`;
  const platform = platformById(target.platform);
  return `${platform.name} · ${platform.show(target.handle)}`;
}

/** Path words people type before a handle out of habit: `u/name`, `in/name`, `@name`. */
const HANDLE_PREFIX: Partial<Record<PlatformId, RegExp>> = {
  reddit: /^\/?(?:u|user)\//,
  linkedin: /^\/?in\//,
  bluesky: /^\/?profile\//,
  snapchat: /^\/?add\//,
};

function checkHandle(platformId: PlatformId, raw: string): PersonTarget | { error: string } {
  const platform = platformById(platformId);
  const handle = raw
    .trim()
    .toLowerCase()
    .replace(HANDLE_PREFIX[platformId] ?? /^$/, '')
    .replace(/^@/, '')
    .replace(/\/+$/, '');
  if (!handle) return { error: `Add the ${platform.name} handle after the colon.` };
  if (platform.reserved?.includes(handle))
    return { error: `“${handle}” is one of ${platform.name}'s own pages, not a person.` };
  if (!platform.handle.test(handle)) return { error: `“${raw.trim()}” doesn't look like a ${platform.name} handle.` };
  return { kind: 'handle', platform: platformId, handle };
}

/**
 * Endings that make a bare `name.ending` read as a web address rather than a handle with a dot
 * in it: the common generic ones, and any two-letter country ending.
 */
const WEB_ENDINGS = new Set(
  'com net org io co me app dev blog info biz xyz site online page link art club life live social tv fm studio design photo photography run fit music band world space website store shop'.split(
    ' ',
  ),
);

/** A pasted link, with or without `https://`. */
function readLink(text: string): URL | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return parseWebUrl(text);
  const bare = /^([^\s/:@?#]+\.([^\s/:@?#.]+))(?:[/?#]|$)/.exec(text);
  const ending = bare?.[2]?.toLowerCase();
  if (!ending) return null;
  const hasPath = text.length > (bare?.[1]?.length ?? 0) + 1;
  if (ending.length === 2 || WEB_ENDINGS.has(ending) || hasPath) return parseWebUrl(`https://${text}`);
  return null;
}

/** Parses one line: a profile link, a `platform:handle`, or any other page. */
export function parseProfileLine(text: string): PersonTarget | { error: string } {
  const trimmed = text.trim();

  const prefixed = /^([a-z]+)\s*:\s*(?!\/\/)(.*)$/i.exec(trimmed);
  if (prefixed?.[1] && prefixed[2] !== undefined && !/^https?$/i.test(prefixed[1])) {
    const platform = platformByAlias(prefixed[1]);
    if (!platform) return { error: `“${prefixed[1]}” isn't a platform we know. Paste the profile link instead.` };
    return checkHandle(platform.id, prefixed[2]);
  }

  const url = readLink(trimmed);
  if (!url) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return { error: 'Only web links (http or https) can be used.' };
    const handle = /^@?([\p{L}\p{N}._-]+)$/u.exec(trimmed)?.[1];
    if (handle)
      return {
        error: `Which site is “${handle}” on? Write it as platform:handle, like instagram:${handle}, or paste the link.`,
      };
    return { error: 'Paste a profile link, or write it as platform:handle (for example instagram:jordan.rivers).' };
  }

  const host = normalizeHost(url.hostname);
  const platform = platformForHost(host);
  if (platform) {
    const handle = platform.fromUrl(url);
    if (handle === null) return { error: `That is ${platform.name}'s front page. Paste the link to their profile.` };
    if (typeof handle !== 'string') return handle;
    if (platform.id === 'facebook' && handle.startsWith('id:')) return { kind: 'handle', platform: 'facebook', handle };
    return checkHandle(platform.id, handle);
  }

  if (!host.includes('.')) return { error: 'That link has no proper site name in it.' };
  const path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '') || '/';
  return { kind: 'page', host: displayHost(host), path: safeLower(path) };
}

function safeLower(path: string): string {
  return path.toLowerCase();
}

/** Every non-empty line of the "Their profiles" box, each recognised or with its own error. */
export function parseProfiles(text: string): ProfileLine[] {
  const out: ProfileLine[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const result = parseProfileLine(raw);
    if ('error' in result) out.push({ line: i + 1, text: raw.trim(), ok: false, error: result.error });
    else out.push({ line: i + 1, text: raw.trim(), ok: true, target: result, label: describeTarget(result) });
  });
  if (out.length > MAX_PROFILE_LINES) {
    return [
      ...out.slice(0, MAX_PROFILE_LINES),
      ...out.slice(MAX_PROFILE_LINES).map((l) => ({
        line: l.line,
        text: l.text,
        ok: false as const,
        error: `At most ${MAX_PROFILE_LINES} profiles.`,
      })),
    ];
  }
  return out;
}

/** The recognised targets, without duplicates. */
export function personTargets(text: string): PersonTarget[] {
  const seen = new Set<string>();
  const targets: PersonTarget[] = [];
  for (const line of parseProfiles(text)) {
    if (!line.ok) continue;
    const key = JSON.stringify(line.target);
    if (!seen.has(key)) {
      seen.add(key);
      targets.push(line.target);
    }
  }
  return targets;
}
