import { describe, expect, it } from 'vitest';
import { requestSchema } from '@/lib/messages/protocol';
import { readInterstitialTarget, refusedTargetText } from '@/lib/pause/address';
import { seeded } from './random';

/**
 * The pause page's fragment is written by whoever opens the page, and any web page can open it.
 * These are the things a hostile page (or a mangled link) could put there. None may come back as a
 * place to go: the page shows them as text only.
 */
const BASE = 'chrome-extension://abcdefghijklmnop/interstitial.html';

const SCHEMES = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'javascript://%0aalert(1)',
  'javascript://https://www.instagram.com/%0aalert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\nscript:alert(1)',
  'java%0ascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,hi',
  'data:,https://www.instagram.com/',
  'chrome://settings',
  'chrome://extensions/?id=abc',
  'chrome-extension://abcdefghijklmnop/options.html',
  'chrome-extension://other/evil.html',
  'moz-extension://abc/options.html',
  'about:blank',
  'about:config',
  'file:///etc/passwd',
  'file://C:/Windows/win.ini',
  'FILE:///home/user/.ssh/id_rsa',
  'view-source:https://www.instagram.com/',
  'blob:https://www.instagram.com/1234-5678',
  'filesystem:https://www.instagram.com/temporary/x',
  'ftp://example.com/file',
  'ws://www.instagram.com/',
  'wss://www.instagram.com/',
  'mailto:someone@example.com',
  'tel:+15555550123',
  'sms:+15555550123',
  'intent://scan/#Intent;scheme=zxing;end',
  'jar:https://example.com/x.jar!/',
  'edge://settings',
  'opera://settings',
  'brave://settings',
  'devtools://devtools/bundled/inspector.html',
  'chrome-untrusted://terminal',
];

const MALFORMED = [
  '',
  ' ',
  '#',
  '//www.instagram.com/',
  '///www.instagram.com/',
  'www.instagram.com',
  'instagram.com/jordan',
  'https:',
  'https:/',
  'https://',
  'https:///',
  'https:www.instagram.com',
  'https:/www.instagram.com/',
  'https:\\\\www.instagram.com\\',
  'https://\\www.instagram.com',
  'https:\\/\\/evil.example',
  'https://www.instagram.com\\@evil.example/',
  'http//www.instagram.com',
  'htps://www.instagram.com',
  'https//www.instagram.com',
  'https://[::1',
  'https://[gggg::1]/',
  'https://exa mple.com/',
  'https://example.com:99999/',
  'https://example.com:-1/',
  'https://%/',
  'https://%zz.com/',
  'https://a..b/',
  '%68ttps://www.instagram.com/',
  'https%3A%2F%2Fwww.instagram.com%2F',
  'https%3a//www.instagram.com/',
  'https://www.instagram.com%2F@evil.example',
  'https://user:pass@www.instagram.com/',
  'https://www.instagram.com@evil.example/',
  'https://www.instagram.com:443@evil.example/',
  'https://jordan@instagram.com/',
  'https://:@evil.example/',
  'http://evil.example%00.instagram.com/',
  'https://www.instagram.com%0d%0aSet-Cookie:x=1/',
  '\u0000https://www.instagram.com/',
  'https://www.instagram.com/\u0000',
  'null',
  'undefined',
  '[object Object]',
  '{"url":"https://www.instagram.com/"}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'-alert(1)-'",
];

const UNICODE_TRICKS = [
  'https://www.\u202Emoc.margatsni/',
  'https://www.instagram.com\u202E/moc.live/',
  'https://www.instagram.com/\u202Egnp.exe',
  'https://www.insta\u200Bgram.com/',
  'https://www.instagram.com\u200B.evil.example/',
  'https://\uFEFFwww.instagram.com/',
  'https://www.instagram.com\u2066/x\u2069',
  'https://www.instagram.com\u200E/',
  'https://www.instagram.com\u200F/',
  'https://www.instagram.com\u061C/',
  'https://www.іnstagram.com/', // Cyrillic і
  'https://www.instagrаm.com/', // Cyrillic а
  'https://www.ｉｎｓｔａｇｒａｍ.com/', // fullwidth letters
  'ｈｔｔｐｓ://www.instagram.com/',
  'https：//www.instagram.com/',
  'https:／／www.instagram.com/',
  'https://www.instagram。com/',
  'https://www.instagram.com／@evil.example',
  'https://www.instagram.com⁄jordan',
  'https://www.instagram.com∕jordan',
  'https://www.instagram.com\u2024evil.example/',
  'https://www.instagram.com\uFE52evil.example/',
  'https://www.xn--nstagram-3nc.com/',
  'https://xn--80ak6aa92e.com/',
  'https://www.insta\u0301gram.com/',
  'https://www.instagram.com/\uD800',
  'https://www.instagram.com/\uDFFF',
  'https://www.instagram.com/\u{1F600}',
  'https://\u{1F600}.example/',
  'https://www.instagram.com\u3000/',
  'https://www.instagram.com\u00A0/',
  'https://www.instagram.com\u2028/',
  'https://www.instagram.com\u2029/',
  'https://www.instagram.com\u0085/',
  'https://www.instagram.com\u00AD.evil/',
  'https://www.instagram.com\u034F/',
  'https://www.instagram.com\u115F/',
  'https://www.instagram.com\u180E/',
  'https://www.instagram.com\uFFFC/',
  'https://www.instagram.com\uFFFD/',
];

/** Hostile inputs built from the pieces above: prefixes, wrappers and encodings, repeatably random. */
function generated(count: number): string[] {
  const random = seeded(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const encode = (s: string) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return s; // a lone surrogate cannot be encoded; keep it raw
    }
  };
  const wrappers = [
    (s: string) => s,
    encode,
    (s: string) => ` ${s}`,
    (s: string) => `${s}\u202E`,
    (s: string) => `\u200B${s}`,
    (s: string) => s.toUpperCase(),
    (s: string) => `https://www.instagram.com@${s.replace(/^[a-z]+:\/*/i, '')}`,
    (s: string) => `https://user:${encode(s)}@www.instagram.com/`,
    (s: string) => s.replace('//', '\\\\'),
  ];
  const seeds = [...SCHEMES, ...UNICODE_TRICKS, 'javascript:void(0)', 'data:,x', 'file:///x'];
  const out: string[] = [];
  while (out.length < count) {
    const made = pick(wrappers)(pick(seeds));
    if (!out.includes(made)) out.push(made);
  }
  return out;
}

const overLong = [
  `https://www.instagram.com/${'a'.repeat(8200)}`,
  `https://${'a'.repeat(9000)}.com/`,
  `https://www.instagram.com/?q=${'%41'.repeat(3000)}`,
];

const HOSTILE = [...SCHEMES, ...MALFORMED, ...UNICODE_TRICKS, ...overLong, ...generated(120)];

/**
 * The few hostile inputs that, once the browser has written them out, are plain web addresses with
 * nothing hidden in them: each is read exactly as the browser would send the visit. Every other
 * hostile input is refused.
 */
const READ_AS: ReadonlyMap<string, string> = new Map([
  ['https://a..b/', 'https://a..b/'],
  ['https://www.instagram.com/\u0000', 'https://www.instagram.com/'],
  ['https://www.instagram.com/\u202Egnp.exe', 'https://www.instagram.com/%E2%80%AEgnp.exe'],
  ['HTTPS://WWW.INSTAGRAM.COM/\u202EGNP.EXE', 'https://www.instagram.com/%E2%80%AEGNP.EXE'],
  ['https://xn--80ak6aa92e.com/', 'https://xn--80ak6aa92e.com/'],
  ['https://www.instagram.com/\uD800', 'https://www.instagram.com/%EF%BF%BD'],
  ['https://www.instagram.com/\uDFFF', 'https://www.instagram.com/%EF%BF%BD'],
  ['https://www.instagram.com/\u{1F600}', 'https://www.instagram.com/%F0%9F%98%80'],
]);

const webLike = (input: string) => /^https?:\/\//i.test(input);

describe('the pause page’s address fragment, treated as hostile', () => {
  it.each(HOSTILE.map((h) => [h]))('never offers %j as a place to go', (input) => {
    const href = `${BASE}#${input}`;
    expect(readInterstitialTarget(href)?.url.href ?? null).toBe(READ_AS.get(input) ?? null);
    // Shown as text only: printable, with no direction-changing or invisible characters.
    const shown = refusedTargetText(href);
    expect(shown.length).toBeLessThanOrEqual(201);
    expect(shown).toMatch(/^[ -~]*…?$/);
  });

  it.each(HOSTILE.filter((h) => !webLike(h)).map((h) => [h]))('the background refuses a continue to %j', (input) => {
    expect(requestSchema.safeParse({ type: 'grant-continue', url: input }).success).toBe(false);
  });

  it.each([
    ...SCHEMES.slice(0, 26),
    'https://user:pass@www.instagram.com/',
    'https://www.instagram.com@evil.example/',
    'https:\\\\www.instagram.com\\',
    ' https://www.instagram.com/',
    'https://www.\u202Emoc.margatsni/',
    ...overLong,
  ])('refuses %j outright', (input) => {
    expect(readInterstitialTarget(`${BASE}#${input}`)).toBeNull();
  });

  it.each([
    'https://www.instagram.com/jordan.rivers/',
    'http://www.instagram.com/',
    'https://www.google.com/search?q=jordan+rivers&hl=en',
    'https://www.instagram.com/p/abc/?utm_source=x#comments',
    'https://xn--bcher-kva.example/path',
    'https://example.com/caf%C3%A9',
    'https://www.facebook.com/messages/t/123',
    'https://www.google.com/search?q=a\\b',
    'https://[::1]:8443/x',
  ])('still reads the real address %s', (input) => {
    expect(readInterstitialTarget(`${BASE}#${input}`)?.url.href).toBe(input);
  });

  it('reads an international host only in the form the browser writes it', () => {
    expect(readInterstitialTarget(`${BASE}#https://bücher.example/`)).toBeNull();
    expect(readInterstitialTarget(`${BASE}#https://b%C3%BCcher.example/`)).toBeNull();
    expect(readInterstitialTarget(`${BASE}#${new URL('https://bücher.example/').href}`)?.url.hostname).toBe(
      'xn--bcher-kva.example',
    );
  });
});
