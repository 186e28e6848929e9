import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/lib/catalog';
import { matchUrl, type Policy } from '@/lib/match-url';
import { buildRules, grantRule } from '@/lib/rules';
import { simulate } from './dnr-simulator';

const BASE = 'chrome-extension://abcdefghijklmnop/interstitial.html';

const both: Policy = { categories: { social: true, messaging: true } };
const policies: [string, Policy][] = [
  ['both', both],
  ['social', { categories: { social: true, messaging: false } }],
  ['messaging', { categories: { social: false, messaging: true } }],
  ['none', { categories: { social: false, messaging: false } }],
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

  it('keeps the whole original URL in the fragment', () => {
    const rules = buildRules(both, BASE);
    const url = 'https://www.instagram.com/p/abc/?utm=1&x=%20y#comments';
    expect(simulate(rules, url)).toEqual({ action: 'redirect', to: `${BASE}#${url}` });
  });

  it('lets a granted tab through to that site only', () => {
    const rules = [...buildRules(both, BASE), grantRule(1_000_000, 7, 'instagram.com')];
    expect(simulate(rules, 'https://www.instagram.com/', 7).action).toBe('allow');
    expect(simulate(rules, 'https://www.instagram.com/direct/inbox/', 7).action).toBe('allow');
    expect(simulate(rules, 'https://www.instagram.com/', 8).action).toBe('redirect');
    expect(simulate(rules, 'https://www.facebook.com/', 7).action).toBe('redirect');
  });
});
