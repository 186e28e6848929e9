import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/lib/detection/catalog';
import { COPY_DOMAINS } from '@/lib/detection/copies';
import { matchUrl, type Policy } from '@/lib/detection/match-url';
import { personTargets } from '@/lib/detection/person';
import { VIEWER_DOMAINS, VIEWERS } from '@/lib/detection/viewers';
import { buildRules, grantRules, PRIORITY } from '@/lib/rules/rule-set';
import { simulate } from './dnr-simulator';
import { JORDAN_PROFILES, policy } from './policies';

const BASE = 'chrome-extension://abcdefghijklmnop/interstitial.html';

const both: Policy = policy({ categories: { social: true, messaging: true } });
const policies: [string, Policy][] = [
  ['both', both],
  ['social', policy({ categories: { social: true, messaging: false } })],
  ['messaging', policy({ categories: { social: false, messaging: true } })],
  ['none', policy({ categories: { social: false, messaging: false } })],
];

const urls = [
  ...CATALOG.map((s) => s.exampleUrl),
  'https://www.instagram.com/direct/inbox/',
  'https://www.instagram.com/directory/',
  'https://m.facebook.com/messages/t/12',
  'https://web.facebook.com/',
  'https://mobile.twitter.com/messages',
  'https://x.com/i/chat/123',
  'https://x.com/messagesfan',
  'https://www.linkedin.com/messaging/thread/1/',
  'https://web.snapchat.com/',
  'https://chat.reddit.com/room/abc',
  'https://old.reddit.com/message/inbox',
  'https://www.xbox.com/',
  'https://notinstagram.com/',
  'https://instagram.com.evil.example/',
  'https://example.org/?q=instagram.com',
  'http://instagram.com/',
  'https://www.instagram.com/p/abc/?utm=1#comments',
];

const PROFILES = [...JORDAN_PROFILES, 'linkedin:josé-ríos', 'https://jordanrivers.blog/'].join('\n');

const CUSTOM = [
  { host: 'example.com', path: '/', label: 'example.com' },
  { host: 'blog.example.org', path: '/jordan', label: 'blog.example.org/jordan' },
  { host: 'www.reddit.com', path: '/r/exes', label: 'reddit.com/r/exes' },
];

const personUrls = [
  'https://www.instagram.com/jordan.rivers/',
  'https://www.instagram.com/stories/jordan.rivers/123/',
  'https://www.instagram.com/jordan.riverside/',
  'https://www.instagram.com/jordan.rivers2/',
  'https://m.facebook.com/jordan.rivers.5/photos',
  'https://www.facebook.com/profile.php?id=100012345678901',
  'https://www.facebook.com/profile.php?sk=about&id=100012345678901',
  'https://www.facebook.com/profile.php?id=1000123456789012',
  'https://www.facebook.com/people/Jordan-Rivers/100012345678901/',
  'https://twitter.com/jordanrivers/status/1',
  'https://x.com/jordanriversfan',
  'https://x.com/intent/user?screen_name=JordanRivers',
  'https://www.tiktok.com/@jordan.rivers/video/1',
  'https://www.threads.com/@jordan.rivers',
  'https://www.threads.net/@jordan.rivers',
  'https://bsky.app/profile/jordanrivers.bsky.social',
  'https://www.linkedin.com/in/jordan-rivers-4a5b6c/',
  'https://www.linkedin.com/in/jos%C3%A9-r%C3%ADos/',
  'https://www.reddit.com/u/jordan_rivers/',
  'https://old.reddit.com/user/Jordan_Rivers/comments',
  'https://www.reddit.com/r/exes/comments/1',
  'https://www.reddit.com/r/exesanonymous',
  'https://www.snapchat.com/add/jordan.rivers',
  'https://www.youtube.com/@jordanrivers/videos',
  'https://www.youtube.com/@jordanriversx',
  'https://www.strava.com/athletes/12345678/posts',
  'https://www.strava.com/athletes/123456789',
  'https://jordanrivers.blog/2024/hello',
  'https://www.google.com/search?q=jordan+rivers+new+girlfriend',
  'https://www.google.com/search?q=jordan+river+map',
  'https://duckduckgo.com/?q=%22Jordan%20Rivers%22',
  'https://www.bing.com/search?q=jordan+rivers',
  'https://example.com/',
  'https://sub.example.com/page',
  'https://blog.example.org/jordan/post',
  'https://blog.example.org/jordanna',
];

describe('buildRules', () => {
  it('makes no rules without a policy (no active period)', () => {
    expect(buildRules(null, BASE)).toEqual([]);
  });

  it('makes only main-frame rules with unique ids', () => {
    const rules = buildRules(both, BASE);
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) expect(rule.condition.resourceTypes).toEqual(['main_frame']);
  });

  it.each(policies)('agrees with matchUrl for every URL under the "%s" policy', (_name, policy) => {
    const rules = buildRules(policy, BASE);
    for (const url of urls) {
      const stopped = matchUrl(url, policy) !== null;
      const outcome = simulate(rules, url);
      expect({ url, redirected: outcome.action === 'redirect' }).toEqual({ url, redirected: stopped });
    }
  });

  it.each([true, false])(
    'agrees with matchUrl for the person, their name and custom sites (never continue: %s)',
    (locked) => {
      for (const categories of [
        { social: true, messaging: true },
        { social: false, messaging: false },
        { social: true, messaging: false },
      ]) {
        const p = policy({
          categories,
          profiles: PROFILES,
          name: 'Jordan Rivers',
          custom: CUSTOM,
          neverContinueToPerson: locked,
        });
        const rules = buildRules(p, BASE);
        for (const url of [...urls, ...personUrls]) {
          const stopped = matchUrl(url, p) !== null;
          expect({ url, categories, redirected: simulate(rules, url).action === 'redirect' }).toEqual({
            url,
            categories,
            redirected: stopped,
          });
        }
      }
    },
  );

  it('lets no grant through to their pages when Continue is off there, and lets it when on', () => {
    for (const locked of [true, false]) {
      const p = policy({ profiles: 'instagram:jordan.rivers', neverContinueToPerson: locked });
      const rules = [
        ...buildRules(p, BASE),
        ...grantRules(1_000_000, 7, 'instagram.com', { keepMessagingStopped: false, pauseUrl: BASE }),
      ];
      expect(simulate(rules, 'https://www.instagram.com/jordan.rivers/', 7).action).toBe(locked ? 'redirect' : 'allow');
      expect(simulate(rules, 'https://www.instagram.com/', 7).action).toBe('allow');
    }
  });

  it('lets “Someone else” through to messaging and never to their pages, their name or an added site there', () => {
    for (const locked of [true, false]) {
      const p = policy({
        categories: { social: true, messaging: true },
        profiles: 'https://discord.com/users/123456789\ninstagram:jordan.rivers',
        name: 'Jordan Rivers',
        neverContinueToPerson: locked,
        custom: [{ host: 'discord.com', path: '/channels/42', label: 'discord.com/channels/42' }],
      });
      const rules = [
        ...buildRules(p, BASE),
        ...grantRules(1_000_000, 7, 'discord.com', {
          keepMessagingStopped: false,
          messagingOnly: true,
          pauseUrl: BASE,
        }),
        ...grantRules(2_000_000, 7, 'instagram.com', {
          keepMessagingStopped: false,
          messagingOnly: true,
          pauseUrl: BASE,
        }),
      ];
      const outcome = (url: string) => simulate(rules, url, 7).action;
      expect(outcome('https://discord.com/channels/@me')).toBe('allow');
      expect(outcome('https://www.instagram.com/direct/inbox/')).toBe('allow');
      // Their pages, on the messaging site and the social one, an added site and the feed stay stopped.
      expect(outcome('https://discord.com/users/123456789')).toBe('redirect');
      expect(outcome('https://www.instagram.com/jordan.rivers/')).toBe('redirect');
      expect(outcome('https://discord.com/channels/42')).toBe('redirect');
      expect(outcome('https://www.instagram.com/')).toBe('redirect');
      // Another tab is not let through at all.
      expect(simulate(rules, 'https://discord.com/channels/@me', 8).action).toBe('redirect');
    }
  });

  it('uses few regex rules: one per profile shape, custom page and name, one per platform for encoded handles, one copy of each profile rule, and one for the viewers of each profile on a platform that has them', () => {
    const p = policy({ profiles: PROFILES, name: 'Jordan Rivers', custom: CUSTOM });
    const rules = buildRules(p, BASE);
    const copies = rules.filter((r) => r.condition.requestDomains?.join() === COPY_DOMAINS.join());
    const viewers = rules.filter((r) => r.condition.requestDomains?.every((d) => VIEWER_DOMAINS.includes(d)));
    const encoded = rules.filter((r) => /%\(\?:2\[def\]/.test(r.condition.regexFilter ?? ''));
    const profileRules = rules.filter(
      (r) =>
        r.priority === PRIORITY.personLocked && !copies.includes(r) && !viewers.includes(r) && !encoded.includes(r),
    );
    // One copy of each profile rule, on every proxy and archive at once.
    expect(copies.length).toBe(profileRules.length);
    // One rule for the viewers of each handle on a platform that has viewers.
    const viewed = new Set(VIEWERS.map((v) => v.platform));
    const handles = personTargets(PROFILES).filter((t) => t.kind === 'handle' && !t.handle.startsWith('id:'));
    expect(viewers.length).toBe(handles.filter((t) => t.kind === 'handle' && viewed.has(t.platform)).length);
    expect(viewers.length).toBeGreaterThan(0);
    // And one per platform for handles spelled with needless encodings.
    expect(encoded.length).toBe(new Set(handles.map((t) => t.kind === 'handle' && t.platform)).size);
    expect(rules.length - copies.length - viewers.length).toBeLessThan(50);
  });

  it('stops their pages through Google Translate’s proxy, the web archive and AMP caches, and nothing else there', () => {
    const p = policy({
      categories: { social: false, messaging: false },
      profiles: 'instagram:jordan.rivers\nhttps://www.strava.com/athletes/1',
    });
    const rules = buildRules(p, BASE);
    const stopped = [
      'https://www-instagram-com.translate.goog/jordan.rivers/?_x_tr_sl=auto&_x_tr_tl=en',
      'https://web.archive.org/web/20240101000000/https://www.instagram.com/jordan.rivers/',
      'https://web.archive.org/web/2024/instagram.com/jordan.rivers',
      'https://www-strava-com.translate.goog/athletes/1',
      'https://www-instagram-com.cdn.ampproject.org/c/s/www.instagram.com/jordan.rivers/',
    ];
    for (const url of stopped) {
      expect(simulate(rules, url).action, url).toBe('redirect');
      expect(matchUrl(url, p), url).toMatchObject({ kind: 'person' });
    }
    for (const url of [
      'https://www-instagram-com.translate.goog/jordan.riverside/',
      'https://web.archive.org/web/2024/https://www.instagram.com/someone.else/',
      'https://en-wikipedia-org.translate.goog/wiki/Jordan_River',
    ]) {
      expect(simulate(rules, url).action, url).toBe('none');
      expect(matchUrl(url, p), url).toBeNull();
    }
    // The rule does not read the host back, so a copy of another site with the same path is
    // stopped by the rule and let through by the matcher (the pause page sends it straight on).
    const elsewhere = 'https://example-org.translate.goog/jordan.rivers/';
    expect(simulate(rules, elsewhere).action).toBe('redirect');
    expect(matchUrl(elsewhere, p)).toBeNull();
  });

  it('keeps the whole original URL in the fragment', () => {
    const rules = buildRules(both, BASE);
    const url = 'https://www.instagram.com/p/abc/?utm=1&x=%20y#comments';
    expect(simulate(rules, url)).toEqual({ action: 'redirect', to: `${BASE}#${url}` });
  });

  it('lets a granted tab through to that site only', () => {
    const rules = [
      ...buildRules(both, BASE),
      ...grantRules(1_000_000, 7, 'instagram.com', { keepMessagingStopped: false, pauseUrl: BASE }),
    ];
    expect(simulate(rules, 'https://www.instagram.com/', 7).action).toBe('allow');
    expect(simulate(rules, 'https://www.instagram.com/direct/inbox/', 7).action).toBe('allow');
    expect(simulate(rules, 'https://www.instagram.com/', 8).action).toBe('redirect');
    expect(simulate(rules, 'https://www.facebook.com/', 7).action).toBe('redirect');
  });
});
