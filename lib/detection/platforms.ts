import { hostSuffixes } from './hosts';

/**
 * The platforms whose profile links and handles we recognise, and how each one lays out a
 * person's pages. Everything here is compared in lower case: handles on all of these platforms
 * are case-insensitive.
 */

export type PlatformId =
  | 'instagram'
  | 'facebook'
  | 'x'
  | 'tiktok'
  | 'threads'
  | 'bluesky'
  | 'linkedin'
  | 'reddit'
  | 'snapchat'
  | 'youtube';

export interface Platform {
  id: PlatformId;
  name: string;
  domains: readonly string[];
  /** Words accepted before the colon in `platform:handle`. */
  aliases: readonly string[];
  /** What a valid handle looks like, after any leading `@` is removed. */
  handle: RegExp;
  /** How the handle is shown on a chip. */
  show: (handle: string) => string;
  /**
   * Path shapes that show one person's pages. `{h}` stands for the handle; each shape matches on
   * segment boundaries only, so `/{h}` covers `/h/` and `/h/reels/` but never `/h2`.
   */
  paths: readonly string[];
  /** First path segments that are the site's own pages, never a person (for parsing links). */
  reserved?: readonly string[];
  /** Reads a handle out of a pasted profile link, or says why it is not a profile. */
  fromUrl: (url: URL) => string | { error: string } | null;
}

const segments = (url: URL) =>
  url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => safeDecode(s));

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The handle in `/{handle}/…`, unless the first segment is one of the site's own pages. */
function firstSegment(reserved: readonly string[], what: string) {
  return (url: URL) => {
    const [first] = segments(url);
    if (!first) return null;
    if (reserved.includes(first.toLowerCase())) return { error: `That is ${what}, not someone's profile.` };
    return first;
  };
}

/** The handle in `/{prefix}/{handle}` (e.g. `/in/name`), or in `/@handle` when `prefix` is `@`. */
function afterPrefix(prefixes: readonly string[]) {
  return (url: URL) => {
    const parts = segments(url);
    for (const prefix of prefixes) {
      if (prefix === '@' && parts[0]?.startsWith('@')) return parts[0].slice(1);
      if (parts[0]?.toLowerCase() === prefix && parts[1]) return parts[1];
    }
    return null;
  };
}

const INSTAGRAM_RESERVED = [
  'p',
  'reel',
  'reels',
  'explore',
  'accounts',
  'direct',
  'tv',
  'about',
  'legal',
  'developer',
  'web',
  'challenge',
  'emails',
  'session',
  'privacy',
  'terms',
  'help',
];
const FACEBOOK_RESERVED = [
  'watch',
  'groups',
  'marketplace',
  'gaming',
  'events',
  'pages',
  'messages',
  'photo.php',
  'photo',
  'story.php',
  'permalink.php',
  'login',
  'login.php',
  'home.php',
  'settings',
  'notifications',
  'friends',
  'reel',
  'reels',
  'share',
  'sharer',
  'sharer.php',
  'help',
  'policies',
  'privacy',
  'hashtag',
  'search',
  'bookmarks',
  'saved',
  'memories',
  'stories',
  'video.php',
  'videos',
  'l.php',
  'dialog',
  'plugins',
];
const X_RESERVED = [
  'home',
  'explore',
  'notifications',
  'messages',
  'i',
  'search',
  'settings',
  'compose',
  'intent',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'hashtag',
  'jobs',
  'share',
  'account',
];

export const PLATFORMS: readonly Platform[] = [
  {
    id: 'instagram',
    name: 'Instagram',
    domains: ['instagram.com'],
    aliases: ['instagram', 'ig', 'insta'],
    handle: /^[a-z0-9._]{1,30}$/,
    show: (h) => `@${h}`,
    paths: ['/{h}', '/stories/{h}', '/_u/{h}'],
    reserved: INSTAGRAM_RESERVED,
    fromUrl: (url) => {
      const parts = segments(url);
      if (parts[0]?.toLowerCase() === 'stories' && parts[1]) return parts[1];
      if (parts[0] === '_u' && parts[1]) return parts[1];
      return firstSegment(INSTAGRAM_RESERVED, 'an Instagram page')(url);
    },
  },
  {
    id: 'facebook',
    name: 'Facebook',
    domains: ['facebook.com', 'fb.com'],
    aliases: ['facebook', 'fb'],
    // Vanity names, or a numeric profile id (from profile.php?id= or /people/Name/id).
    handle: /^(?:[a-z0-9.]{5,50}|id:\d{5,20})$/,
    show: (h) => (h.startsWith('id:') ? `profile ${h.slice(3)}` : h),
    paths: ['/{h}'],
    reserved: FACEBOOK_RESERVED,
    fromUrl: (url) => {
      const parts = segments(url);
      if (parts[0]?.toLowerCase() === 'profile.php') {
        const id = url.searchParams.get('id');
        return id && /^\d+$/.test(id) ? `id:${id}` : { error: 'That profile link has no profile number (id=…) in it.' };
      }
      if (parts[0]?.toLowerCase() === 'people' && parts[2] && /^\d+$/.test(parts[2])) return `id:${parts[2]}`;
      return firstSegment(FACEBOOK_RESERVED, 'a Facebook page')(url);
    },
  },
  {
    id: 'x',
    name: 'X (Twitter)',
    domains: ['x.com', 'twitter.com'],
    aliases: ['x', 'twitter'],
    handle: /^[a-z0-9_]{1,15}$/,
    show: (h) => `@${h}`,
    paths: ['/{h}'],
    reserved: X_RESERVED,
    fromUrl: (url) => {
      const screenName = url.searchParams.get('screen_name');
      if (url.pathname.toLowerCase().startsWith('/intent/') && screenName) return screenName;
      return firstSegment(X_RESERVED, 'an X page')(url);
    },
  },
  {
    id: 'tiktok',
    name: 'TikTok',
    domains: ['tiktok.com'],
    aliases: ['tiktok', 'tt'],
    handle: /^[a-z0-9._]{2,24}$/,
    show: (h) => `@${h}`,
    paths: ['/@{h}'],
    fromUrl: afterPrefix(['@']),
  },
  {
    id: 'threads',
    name: 'Threads',
    domains: ['threads.net', 'threads.com'],
    aliases: ['threads'],
    handle: /^[a-z0-9._]{1,30}$/,
    show: (h) => `@${h}`,
    paths: ['/@{h}'],
    fromUrl: afterPrefix(['@']),
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    domains: ['bsky.app'],
    aliases: ['bluesky', 'bsky'],
    // A domain-style handle (name.bsky.social, or their own domain) or a did:plc identifier.
    handle: /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|did:[a-z]+:[a-z0-9._:-]+)$/,
    show: (h) => `@${h}`,
    paths: ['/profile/{h}'],
    fromUrl: afterPrefix(['profile']),
  },
  {
    id: 'linkedin',
    name: 'LinkedIn',
    domains: ['linkedin.com'],
    aliases: ['linkedin', 'li'],
    handle: /^[\p{L}\p{N}_-]{3,100}$/u,
    show: (h) => `in/${h}`,
    paths: ['/in/{h}'],
    fromUrl: afterPrefix(['in']),
  },
  {
    id: 'reddit',
    name: 'Reddit',
    domains: ['reddit.com'],
    aliases: ['reddit'],
    handle: /^[a-z0-9_-]{3,20}$/,
    show: (h) => `u/${h}`,
    paths: ['/user/{h}', '/u/{h}'],
    fromUrl: afterPrefix(['user', 'u']),
  },
  {
    id: 'snapchat',
    name: 'Snapchat',
    domains: ['snapchat.com'],
    aliases: ['snapchat', 'snap'],
    handle: /^[a-z][a-z0-9._-]{2,14}$/,
    show: (h) => h,
    paths: ['/add/{h}', '/@{h}'],
    fromUrl: afterPrefix(['add', '@']),
  },
  {
    id: 'youtube',
    name: 'YouTube',
    domains: ['youtube.com'],
    aliases: ['youtube', 'yt'],
    handle: /^[\p{L}\p{N}._-]{3,30}$/u,
    show: (h) => `@${h}`,
    paths: ['/@{h}'],
    fromUrl: afterPrefix(['@']),
  },
];

const byDomain = new Map<string, Platform>();
const byAlias = new Map<string, Platform>();
for (const p of PLATFORMS) {
  for (const d of p.domains) byDomain.set(d, p);
  for (const a of p.aliases) byAlias.set(a, p);
}

export function platformForHost(host: string): Platform | null {
  for (const suffix of hostSuffixes(host)) {
    const platform = byDomain.get(suffix);
    if (platform) return platform;
  }
  return null;
}

export function platformByAlias(alias: string): Platform | null {
  return byAlias.get(alias.toLowerCase()) ?? null;
}

export function platformById(id: PlatformId): Platform {
  const platform = PLATFORMS.find((p) => p.id === id);
  if (!platform) throw new Error(`Unknown platform ${id}`);
  return platform;
}

/** Facebook's numeric ids live in the query string or a /people/ path, not in a `/{h}` segment. */
function facebookIdPage(url: URL, id: string): boolean {
  const parts = url.pathname
    .toLowerCase()
    .split('/')
    .filter(Boolean)
    .map((s) => safeDecode(s));
  if (parts[0] === 'profile.php') return url.searchParams.get('id') === id;
  return parts[0] === 'people' && parts[2] === id;
}

/** The path prefixes that show `handle`'s pages on `platform` (worked out once per policy). */
export function handlePrefixes(platform: Platform, handle: string): string[] {
  return platform.paths.map((shape) => shape.replace('{h}', handle));
}

/**
 * Whether `url` (already known to be on `platform`) shows the pages of `handle`. `path` is the
 * URL's path decoded and in lower case; prefixes match on whole segments only.
 */
export function pageOfHandle(
  platform: Platform,
  url: URL,
  path: string,
  prefixes: readonly string[],
  handle: string,
): boolean {
  if (platform.id === 'facebook' && handle.startsWith('id:')) return facebookIdPage(url, handle.slice(3));
  for (const prefix of prefixes) {
    if (path === prefix || (path.startsWith(prefix) && path[prefix.length] === '/')) return true;
  }
  if (platform.id === 'x' && path.startsWith('/intent/')) {
    return url.searchParams.get('screen_name')?.toLowerCase() === handle;
  }
  return false;
}
