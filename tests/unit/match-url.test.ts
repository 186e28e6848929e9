import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/lib/detection/catalog';
import { matchUrl, type Policy } from '@/lib/detection/match-url';
import { policy } from './policies';

const both: Policy = policy({ categories: { social: true, messaging: true } });
const socialOnly: Policy = policy({ categories: { social: true, messaging: false } });
const messagingOnly: Policy = policy({ categories: { social: false, messaging: true } });
const none: Policy = policy({ categories: { social: false, messaging: false } });

describe('matchUrl with both categories on', () => {
  it.each([
    // [url, kind, grant domain]
    ['https://www.instagram.com/', 'social', 'instagram.com'],
    ['https://instagram.com/some.one/', 'social', 'instagram.com'],
    ['http://www.instagram.com/explore/', 'social', 'instagram.com'],
    ['https://www.facebook.com/', 'social', 'facebook.com'],
    ['https://m.facebook.com/home.php', 'social', 'facebook.com'],
    ['https://web.facebook.com/', 'social', 'facebook.com'],
    ['https://www.messenger.com/t/123', 'messaging', 'messenger.com'],
    ['https://twitter.com/home', 'social', 'twitter.com'],
    ['https://mobile.twitter.com/home', 'social', 'twitter.com'],
    ['https://x.com/home', 'social', 'x.com'],
    ['https://www.tiktok.com/foryou', 'social', 'tiktok.com'],
    ['https://www.snapchat.com/', 'social', 'snapchat.com'],
    ['https://www.linkedin.com/feed/', 'social', 'linkedin.com'],
    ['https://www.threads.net/', 'social', 'threads.net'],
    ['https://www.threads.com/', 'social', 'threads.com'],
    ['https://bsky.app/', 'social', 'bsky.app'],
    ['https://www.reddit.com/r/BreakUps/', 'social', 'reddit.com'],
    ['https://old.reddit.com/', 'social', 'reddit.com'],
    ['https://web.whatsapp.com/', 'messaging', 'web.whatsapp.com'],
    ['https://web.telegram.org/k/', 'messaging', 'web.telegram.org'],
    ['https://discord.com/channels/@me', 'messaging', 'discord.com'],
    ['https://messages.google.com/web/conversations', 'messaging', 'messages.google.com'],
    ['https://WWW.INSTAGRAM.COM/', 'social', 'instagram.com'],
    ['https://www.instagram.com./', 'social', 'instagram.com'],
    ['https://www.instagram.com:8443/', 'social', 'instagram.com'],
    // The platforms' short domains, under the right site and category.
    ['https://instagr.am/p/abc123/', 'social', 'instagr.am'],
    ['https://ig.me/m/some.one', 'messaging', 'ig.me'],
    ['https://m.me/some.one', 'messaging', 'm.me'],
    ['https://t.me/someone', 'messaging', 't.me'],
    ['https://telegram.me/someone', 'messaging', 'telegram.me'],
    ['https://discordapp.com/channels/@me', 'messaging', 'discordapp.com'],
    ['https://fb.com/some.one', 'social', 'fb.com'],
    ['https://redd.it/abc123', 'social', 'redd.it'],
  ])('%s is stopped as %s', (url, kind, grantDomain) => {
    const match = matchUrl(url, both);
    expect(match).toMatchObject({ kind, grantDomain });
  });

  it.each([
    'https://www.xbox.com/',
    'https://netflix.com/',
    'https://www.dropbox.com/',
    'https://notinstagram.com/',
    'https://instagram.com.evil.example/',
    'https://www.instagram.com.evil.example/direct/',
    'https://evil.example/https://www.instagram.com/',
    'https://evil.example/?u=instagram.com',
    'https://myfacebook.com/',
    'https://x.company.com/',
    'https://box.com/',
    'https://tx.com/',
    'https://whatsapp.com/',
    'https://mme.example/',
    'https://notredd.it/',
    'https://pig.me/',
    'https://www.whatsapp.com/download',
    'https://google.com/',
    'https://example.org/',
    'ftp://www.instagram.com/',
    'chrome://settings/',
    'not a url',
    '',
  ])('%s is never stopped', (url) => {
    expect(matchUrl(url, both)).toBeNull();
  });
});

describe('messaging inside social sites', () => {
  it.each([
    ['https://www.instagram.com/direct/inbox/', 'messaging'],
    ['https://www.instagram.com/direct/t/1234/', 'messaging'],
    ['https://www.facebook.com/messages/t/1', 'messaging'],
    ['https://m.facebook.com/messages/', 'messaging'],
    ['https://x.com/messages', 'messaging'],
    ['https://x.com/messages/123-456', 'messaging'],
    ['https://x.com/i/chat', 'messaging'],
    ['https://twitter.com/messages', 'messaging'],
    ['https://www.linkedin.com/messaging/', 'messaging'],
    ['https://www.linkedin.com/messaging/thread/2-abc/', 'messaging'],
    ['https://www.instagram.com/DIRECT/inbox/', 'messaging'],
    ['https://www.instagram.com/directory/', 'social'],
    ['https://x.com/messagesfan', 'social'],
    ['https://www.linkedin.com/messaging-tips/', 'social'],
  ])('%s is %s', (url, kind) => {
    expect(matchUrl(url, both)?.kind).toBe(kind);
    expect(matchUrl(url, both)?.context).toBe(kind === 'messaging' ? 'messaging' : 'feed');
  });

  it('stops a social inbox with only Messaging on, and leaves the feed', () => {
    expect(matchUrl('https://www.instagram.com/direct/inbox/', messagingOnly)?.kind).toBe('messaging');
    expect(matchUrl('https://www.instagram.com/', messagingOnly)).toBeNull();
    expect(matchUrl('https://web.whatsapp.com/', messagingOnly)?.kind).toBe('messaging');
  });

  it('leaves inboxes alone with only Social sites on', () => {
    expect(matchUrl('https://www.instagram.com/direct/inbox/', socialOnly)).toBeNull();
    expect(matchUrl('https://web.whatsapp.com/', socialOnly)).toBeNull();
    expect(matchUrl('https://www.instagram.com/', socialOnly)?.kind).toBe('social');
  });

  it('stops nothing with both categories off', () => {
    for (const site of CATALOG) expect(matchUrl(site.exampleUrl, none)).toBeNull();
  });
});

describe('the catalog', () => {
  it.each(CATALOG.map((s) => [s.id, s] as const))('%s has a category and an example that it matches', (_id, site) => {
    expect(['social', 'messaging']).toContain(site.category);
    expect(site.domains.length).toBeGreaterThan(0);
    expect(matchUrl(site.exampleUrl, both)?.label).toBe(site.name);
  });

  it('lists no domain twice', () => {
    const domains = CATALOG.flatMap((s) => s.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });
});
