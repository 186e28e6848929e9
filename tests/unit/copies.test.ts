import { describe, expect, it } from 'vitest';
import { isCopyHost, originalOf, translateLabel } from '@/lib/detection/copies';
import { GUARDED_DOMAINS } from '@/lib/detection/guarded-sites';
import { matchUrl } from '@/lib/detection/match-url';
import { VIEWERS } from '@/lib/detection/viewers';
import { buildRules } from '@/lib/rules/rule-set';
import { simulate } from './dnr-simulator';
import { policy } from './policies';

const jordan = policy({
  categories: { social: false, messaging: false },
  profiles: 'instagram:jordan.rivers\nx:jordanrivers\nhttps://www.jordan-rivers.com/blog',
  name: 'Jordan Rivers',
});

describe('originalOf: the page a copy shows', () => {
  it.each([
    [
      'https://www-instagram-com.translate.goog/jordan.rivers/?_x_tr_sl=auto',
      'https://www.instagram.com/jordan.rivers/?_x_tr_sl=auto',
    ],
    ['https://www-jordan--rivers-com.translate.goog/blog', 'https://www.jordan-rivers.com/blog'],
    ['https://web.archive.org/web/20240101000000/https://x.com/jordanrivers', 'https://x.com/jordanrivers'],
    ['https://web.archive.org/web/2024*/instagram.com/jordan.rivers', 'https://instagram.com/jordan.rivers'],
    [
      'https://web.archive.org/web/2024id_/http:/www.instagram.com/jordan.rivers/',
      'http://www.instagram.com/jordan.rivers/',
    ],
    ['https://www-example-com.cdn.ampproject.org/c/s/www.example.com/amp/page', 'https://www.example.com/amp/page'],
    ['https://www-example-com.cdn.ampproject.org/v/www.example.com/page?x=1', 'http://www.example.com/page?x=1'],
  ])('%s shows %s', (copy, original) => {
    expect(originalOf(new URL(copy))?.href).toBe(original);
  });

  it.each([
    'https://translate.goog/',
    'https://web.archive.org/',
    'https://web.archive.org/save/',
    'https://cdn.ampproject.org/v0.js',
    'https://www.instagram.com/jordan.rivers/',
  ])('%s is not a copy of a page', (url) => {
    expect(originalOf(new URL(url))).toBeNull();
  });

  it('writes hosts as the proxy does, and knows the copy hosts and no look-alikes', () => {
    expect(translateLabel('www.jordan-rivers.com')).toBe('www-jordan--rivers-com');
    expect(isCopyHost('www-instagram-com.translate.goog')).toBe(true);
    expect(isCopyHost('web.archive.org')).toBe(true);
    expect(isCopyHost('translate.goog.evil.example')).toBe(false);
    expect(isCopyHost('notweb.archive.org.example')).toBe(false);
  });
});

describe('their pages and their name, through a copy', () => {
  it.each([
    ['https://www-instagram-com.translate.goog/jordan.rivers/?_x_tr_sl=auto&_x_tr_tl=en', 'person'],
    ['https://web.archive.org/web/20240101000000/https://x.com/jordanrivers', 'person'],
    ['https://www-jordan--rivers-com.translate.goog/blog/2024/post', 'person'],
    ['https://www-google-com.translate.goog/search?q=jordan+rivers', 'search'],
    ['https://web.archive.org/web/2024/https://www.bing.com/search?q=Jordan+Rivers', 'search'],
  ])('%s is stopped as %s', (url, kind) => {
    expect(matchUrl(url, jordan)).toMatchObject({ kind, host: new URL(url).hostname });
  });

  it.each([
    'https://www-instagram-com.translate.goog/jordan.riverside/',
    'https://www-instagram-com.translate.goog/',
    'https://web.archive.org/web/2024/https://x.com/someone',
    'https://en-wikipedia-org.translate.goog/wiki/Jordan_River',
    'https://www-google-com.translate.goog/search?q=jordan+river+map',
    // A copy of a copy is not followed.
    'https://web-archive-org.translate.goog/web/2024/https://x.com/jordanrivers',
  ])('%s is not', (url) => {
    expect(matchUrl(url, jordan)).toBeNull();
  });
});

describe('their profile on anonymous viewers', () => {
  const rules = buildRules(jordan, 'ext:/i.html');
  it.each([
    'https://www.picuki.com/profile/jordan.rivers',
    'https://picnob.com/profile/Jordan.Rivers/',
    'https://imginn.com/jordan.rivers/',
    'https://imginn.com/stories/jordan.rivers/',
    'https://dumpor.io/v/jordan.rivers',
    'https://nitter.net/jordanrivers',
    'https://nitter.poast.org/JordanRivers/with_replies',
    'https://xcancel.com/jordanrivers/status/123',
    // Through a copy, and written with needless encodings.
    'https://www-picuki-com.translate.goog/profile/jordan.rivers',
    'https://web.archive.org/web/2024/https://www.picuki.com/profile/jordan.rivers',
    'https://imginn.com/jordan%2Erivers',
    'https://nitter.net/%6Aordanrivers',
    'https://www-instagram-com.translate.goog/jordan%2Erivers',
  ])('%s is stopped, by the rules and by the matcher', (url) => {
    expect(matchUrl(url, jordan)).toMatchObject({ kind: 'person', noContinue: true });
    expect(simulate(rules, url).action).toBe('redirect');
  });

  it.each([
    'https://www.picuki.com/profile/jordan.riverside',
    'https://www.picuki.com/',
    'https://imginn.com/someone.else/',
    'https://nitter.net/jordanriversfan',
    'https://nitter.net/search?q=jordan',
    // A viewer of X does not show Instagram handles, and the other way round.
    'https://nitter.net/jordan.rivers',
  ])('%s is not', (url) => {
    expect(matchUrl(url, jordan)).toBeNull();
    expect(simulate(rules, url).action).toBe('none');
  });

  it('lists each viewer with a platform and profile shapes, and asks for access to it ahead', () => {
    for (const viewer of VIEWERS) {
      expect(viewer.paths.every((p) => p.includes('{h}'))).toBe(true);
      for (const domain of viewer.domains) expect(GUARDED_DOMAINS).toContain(domain);
    }
  });
});
