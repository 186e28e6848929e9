import { hostMatches, hostSuffixes } from './hosts';

export type Category = 'social' | 'messaging';

/** A part of a site that is messaging even when the site as a whole is social. */
export interface MessagingArea {
  /** Hosts (and their subdomains) that are messaging in full, such as `web.snapchat.com`. */
  hosts?: readonly string[];
  /** Path prefixes, matched on a segment boundary: `/direct` matches `/direct/t/1`, not `/directory`. */
  paths?: readonly string[];
}

export interface CatalogSite {
  id: string;
  name: string;
  category: Category;
  /** Registrable domains; each covers its subdomains (`m.`, `web.`, `old.` …). */
  domains: readonly string[];
  messaging?: MessagingArea;
  /** A real address on the site, used by tests and the options page. */
  exampleUrl: string;
}

/**
 * The built-in list of social and messaging sites. Alternate and mobile hosts are covered by
 * listing the registrable domain: `facebook.com` covers `m.facebook.com` and `web.facebook.com`.
 */
export const CATALOG: readonly CatalogSite[] = [
  {
    id: 'instagram',
    name: 'Instagram',
    category: 'social',
    // instagr.am is its short domain; ig.me links open a chat (`ig.me/m/name`).
    domains: ['instagram.com', 'instagr.am', 'ig.me'],
    messaging: { hosts: ['ig.me'], paths: ['/direct'] },
    exampleUrl: 'https://www.instagram.com/',
  },
  {
    id: 'facebook',
    name: 'Facebook',
    category: 'social',
    domains: ['facebook.com', 'fb.com'],
    messaging: { paths: ['/messages'] },
    exampleUrl: 'https://www.facebook.com/',
  },
  {
    id: 'messenger',
    name: 'Messenger',
    category: 'messaging',
    // m.me links open a Messenger chat.
    domains: ['messenger.com', 'm.me'],
    exampleUrl: 'https://www.messenger.com/',
  },
  {
    id: 'x',
    name: 'X (Twitter)',
    category: 'social',
    domains: ['x.com', 'twitter.com'],
    // X moved direct messages from /messages to /i/chat in 2025; both are still served.
    messaging: { paths: ['/messages', '/i/chat'] },
    exampleUrl: 'https://x.com/home',
  },
  {
    id: 'tiktok',
    name: 'TikTok',
    category: 'social',
    domains: ['tiktok.com'],
    messaging: { paths: ['/messages'] },
    exampleUrl: 'https://www.tiktok.com/',
  },
  {
    id: 'snapchat',
    name: 'Snapchat',
    category: 'social',
    domains: ['snapchat.com'],
    messaging: { hosts: ['web.snapchat.com'], paths: ['/web'] },
    exampleUrl: 'https://www.snapchat.com/',
  },
  {
    id: 'linkedin',
    name: 'LinkedIn',
    category: 'social',
    domains: ['linkedin.com'],
    messaging: { paths: ['/messaging'] },
    exampleUrl: 'https://www.linkedin.com/feed/',
  },
  {
    id: 'threads',
    name: 'Threads',
    category: 'social',
    domains: ['threads.net', 'threads.com'],
    exampleUrl: 'https://www.threads.com/',
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    category: 'social',
    domains: ['bsky.app'],
    messaging: { paths: ['/messages'] },
    exampleUrl: 'https://bsky.app/',
  },
  {
    id: 'reddit',
    name: 'Reddit',
    category: 'social',
    // redd.it is its short domain for posts.
    domains: ['reddit.com', 'redd.it'],
    messaging: { hosts: ['chat.reddit.com'], paths: ['/message', '/chat'] },
    exampleUrl: 'https://www.reddit.com/',
  },
  {
    id: 'whatsapp',
    name: 'WhatsApp Web',
    category: 'messaging',
    // Only the web client and its click-to-chat links; whatsapp.com itself is a product site.
    domains: ['web.whatsapp.com', 'api.whatsapp.com', 'wa.me'],
    exampleUrl: 'https://web.whatsapp.com/',
  },
  {
    id: 'telegram',
    name: 'Telegram Web',
    category: 'messaging',
    domains: ['web.telegram.org', 't.me', 'telegram.me'],
    exampleUrl: 'https://web.telegram.org/k/',
  },
  {
    id: 'discord',
    name: 'Discord',
    category: 'messaging',
    domains: ['discord.com', 'discordapp.com', 'discord.gg'],
    exampleUrl: 'https://discord.com/channels/@me',
  },
  {
    id: 'google-messages',
    name: 'Google Messages',
    category: 'messaging',
    domains: ['messages.google.com'],
    exampleUrl: 'https://messages.google.com/web/conversations',
  },
];

const byDomain = new Map<string, CatalogSite>();
for (const site of CATALOG) for (const d of site.domains) byDomain.set(d, site);

/** The catalog site a host belongs to, by its most specific listed domain. */
export function siteForHost(host: string): { site: CatalogSite; domain: string } | null {
  for (const suffix of hostSuffixes(host)) {
    const site = byDomain.get(suffix);
    if (site) return { site, domain: suffix };
  }
  return null;
}

/** True when `path` is `prefix` or continues it after a `/`. */
export function pathHasPrefix(path: string, prefix: string): boolean {
  return path === prefix || (path.startsWith(prefix) && path[prefix.length] === '/');
}

/** Whether this page of a catalog site is one of its messaging areas. */
export function isMessagingPage(site: CatalogSite, host: string, path: string): boolean {
  if (site.category === 'messaging') return true;
  const area = site.messaging;
  if (!area) return false;
  if (area.hosts?.some((h) => hostMatches(host, h))) return true;
  const lower = path.toLowerCase();
  return area.paths?.some((p) => pathHasPrefix(lower, p)) ?? false;
}

export const CATALOG_DOMAINS: readonly string[] = CATALOG.flatMap((s) => s.domains);
