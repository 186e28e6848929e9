import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '@/lib/detection/country-codes';
import { GUARDED_DOMAINS } from '@/lib/detection/guarded-sites';
import { matchUrl } from '@/lib/detection/match-url';
import { GOOGLE_DOMAINS, isSearchHost, oneWordWarning, queryMentionsName } from '@/lib/detection/name-search';
import { nameSearchRegex } from '@/lib/rules/rule-set';
import { policy } from './policies';

const jordan = policy({ categories: { social: false, messaging: false }, name: 'Jordan Rivers' });

const stopped = [
  'https://www.google.com/search?q=jordan+rivers',
  'https://www.google.com/search?q=jordan+rivers+new+girlfriend&oq=jordan',
  'https://www.google.com/search?client=firefox-b-d&q=Jordan%20Rivers',
  'https://www.google.com/search?q=%22jordan+rivers%22',
  'https://www.google.com/search?q=%22Jordan%20Rivers%22+instagram',
  'https://www.google.com/search?q="jordan rivers"',
  'https://www.google.co.uk/search?q=JORDAN+RIVERS',
  'https://google.de/search?hl=de&q=wer+ist+jordan+rivers',
  'https://www.bing.com/search?q=jordan+rivers&form=QBLH',
  'https://www.bing.com/images/search?q=jordan%20rivers',
  'https://duckduckgo.com/?q=jordan+rivers&t=h_&ia=web',
  'https://html.duckduckgo.com/html/?q=jordan%20rivers',
  'https://www.google.com/search?q=jordan++rivers',
  'https://www.google.com/search?q=jordan-rivers+linkedin',
  'https://www.google.com/search?q=is+jordan+rivers%3F',
  // A parameter name written with an encoding is still that parameter.
  'https://www.google.com/search?%71=jordan+rivers',
  // Google on any country domain, in each of its three shapes.
  'https://www.google.com.vn/search?q=jordan+rivers',
  'https://www.google.lk/search?q=jordan+rivers',
  'https://www.google.co.ke/search?q=jordan+rivers',
  'https://google.cat/search?q=jordan+rivers',
  'https://www.google.com.sl/search?q=Jordan+Rivers',
  'https://images.google.fr/search?q=jordan+rivers',
  // Image, video and news results, and every DuckDuckGo vertical.
  'https://www.google.com/search?q=jordan+rivers&tbm=isch',
  'https://news.google.com/search?q=jordan%20rivers&hl=en-US',
  'https://www.bing.com/videos/search?q=jordan+rivers',
  'https://www.bing.com/news/search?q=jordan+rivers',
  'https://duckduckgo.com/?q=jordan+rivers&ia=images&iax=images',
  'https://duckduckgo.com/?q=jordan+rivers&ia=news',
  // The other engines, each with its own parameter.
  'https://search.yahoo.com/search?p=jordan+rivers',
  'https://uk.search.yahoo.com/search?p=Jordan%20Rivers&fr=yfp-t',
  'https://images.search.yahoo.com/search/images?p=jordan+rivers',
  'https://www.ecosia.org/search?method=index&q=jordan+rivers',
  'https://www.ecosia.org/images?q=jordan+rivers',
  'https://search.brave.com/search?q=jordan+rivers&source=web',
  'https://search.brave.com/images?q=jordan+rivers',
  'https://www.startpage.com/do/search?query=jordan+rivers',
  'https://www.startpage.com/sp/search?q=jordan+rivers',
  'https://yandex.ru/search/?text=jordan+rivers&lr=213',
  'https://yandex.com/images/search?text=jordan%20rivers',
  'https://ya.ru/search/?text=jordan+rivers',
  'https://www.baidu.com/s?wd=jordan+rivers',
  'https://www.baidu.com/s?ie=utf-8&word=jordan%20rivers',
  'https://search.naver.com/search.naver?where=nexearch&query=jordan+rivers',
  'https://www.youtube.com/results?search_query=jordan+rivers',
  'https://m.youtube.com/results?search_query=jordan+rivers+vlog',
  // The search inside the sites.
  'https://www.instagram.com/explore/search/keyword/?q=jordan%20rivers',
  'https://www.facebook.com/search/top?q=jordan%20rivers',
  'https://m.facebook.com/search/people/?q=Jordan+Rivers',
  'https://x.com/search?q=jordan%20rivers&src=typed_query',
  'https://twitter.com/search?q=%22jordan+rivers%22&f=live',
  'https://www.tiktok.com/search?q=jordan%20rivers&t=1700000000000',
  'https://www.tiktok.com/search/user?q=jordan%20rivers',
  'https://www.linkedin.com/search/results/all/?keywords=jordan%20rivers&origin=GLOBAL_SEARCH_HEADER',
  'https://www.linkedin.com/search/results/people/?keywords=Jordan%20Rivers',
  'https://www.reddit.com/search/?q=jordan+rivers',
  'https://old.reddit.com/r/exes/search/?q=jordan+rivers&restrict_sr=1',
  'https://www.threads.net/search?q=jordan%20rivers&serp_type=default',
  'https://www.threads.com/search?q=jordan+rivers',
  'https://bsky.app/search?q=jordan+rivers',
  'https://www.pinterest.com/search/pins/?q=jordan%20rivers',
  'https://uk.pinterest.com/search/users/?q=jordan+rivers',
  'https://www.pinterest.co.uk/search/pins/?q=Jordan+Rivers',
];

const notStopped = [
  'https://www.google.com/search?q=jordan+river+map',
  'https://www.google.com/search?q=jordan+riversmith',
  'https://www.google.com/search?q=michael+jordan+rivers',
  'https://www.google.com/search?q=rivers+jordan',
  'https://www.google.com/search?q=jordanrivers',
  'https://www.google.com/maps/place/Jordan+River',
  'https://www.google.com/',
  'https://example.org/search?q=jordan+rivers',
  'https://www.yahoo.com/search?q=jordan+rivers',
  // Not Google: look-alike hosts.
  'https://www.google.evil.example/search?q=jordan+rivers',
  'https://google.com.evil.io/search?q=jordan+rivers',
  'https://notgoogle.de/search?q=jordan+rivers',
  // Not a country's domain: not in the list, and not in the browser's permissions either.
  'https://google.eu/search?q=jordan+rivers',
  'https://google.co.zz/search?q=jordan+rivers',
  'https://www.googleusercontent.com/search?q=jordan+rivers',
  // Near misses on the other engines and sites.
  'https://search.yahoo.com/search?p=jordan+river+map',
  'https://www.youtube.com/results?search_query=jordan+river',
  'https://www.baidu.com/s?wd=jordan+riversmith',
  'https://www.startpage.com/do/search?query=rivers+jordan',
  'https://www.instagram.com/explore/search/keyword/?q=jordan+river',
  'https://www.linkedin.com/search/results/all/?keywords=jordan',
  'https://bsky.app/search?q=jordanrivers',
];

/**
 * Their name in a parameter that is not the site's search, or off its search pages: the matcher
 * lets these through; the rule, which cannot afford to name each site's parameter and path,
 * stops them, and the pause page sends them straight on (see `pass-through`).
 */
const widenedOnly = [
  'https://www.google.com/search?q=jordan&oq=jordan+rivers',
  'https://www.youtube.com/watch?v=abc123&q=jordan+rivers',
  'https://yandex.ru/maps/?text=jordan+rivers',
  'https://www.reddit.com/r/exes/?q=jordan+rivers',
];

describe('searches for their name', () => {
  it.each(stopped)('stops %s', (url) => {
    expect(matchUrl(url, jordan)).toMatchObject({ kind: 'search', context: 'search', noContinue: false });
  });

  it.each(notStopped.filter((u) => !u.includes('michael')))('leaves %s alone', (url) => {
    expect(matchUrl(url, jordan)).toBeNull();
  });

  it('matches the whole name anywhere in the query, even inside a longer phrase', () => {
    expect(queryMentionsName('michael jordan rivers', ['jordan', 'rivers'])).toBe(true);
  });

  it('folds case and accents both ways', () => {
    const zoe = policy({ name: 'Zoë Ångström' });
    expect(matchUrl('https://www.google.com/search?q=zoe+angstrom', zoe)?.kind).toBe('search');
    expect(matchUrl('https://www.google.com/search?q=Zo%C3%AB+%C3%85ngstr%C3%B6m', zoe)?.kind).toBe('search');
    expect(matchUrl('https://www.google.com/search?q=ZO%C3%8B+%C3%85NGSTR%C3%96M+wedding', zoe)?.kind).toBe('search');
    expect(matchUrl('https://www.google.com/search?q=zoe+angstroms', zoe)).toBeNull();
  });

  it('stops nothing without a name', () => {
    expect(matchUrl('https://www.google.com/search?q=jordan+rivers', policy({ name: null }))).toBeNull();
    expect(nameSearchRegex('  !! ')).toBeNull();
  });
});

describe('a one-word name', () => {
  it('is warned about with an example of what it would stop; a full name is not', () => {
    expect(oneWordWarning('Jordan')).toBe(
      '“Jordan” is one word, so every search containing it would pause too: “Jordan weather”, say. Add their surname to pause only searches for them.',
    );
    // And it would indeed stop that search.
    expect(matchUrl('https://www.google.com/search?q=Jordan+weather', policy({ name: 'Jordan' }))?.kind).toBe('search');
    for (const name of ['Jordan Rivers', 'Mary-Jane Watson', '', '  ', '!!']) expect(oneWordWarning(name)).toBeNull();
  });
});

describe('Google on every country domain', () => {
  it('spells out every country code in three shapes, each one the matcher and the manifest know', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    expect(GOOGLE_DOMAINS.length).toBe(2 + 3 * COUNTRY_CODES.length);
    for (const cc of ['de', 'uk', 'br', 'in', 'vn', 'ke', 'lk', 'ng', 'pk', 'kr']) {
      for (const domain of [`google.${cc}`, `google.co.${cc}`, `google.com.${cc}`]) {
        expect(GOOGLE_DOMAINS).toContain(domain);
      }
    }
    for (const domain of GOOGLE_DOMAINS) {
      expect(GUARDED_DOMAINS).toContain(domain);
      expect(matchUrl(`https://www.${domain}/search?q=jordan+rivers`, jordan)?.kind).toBe('search');
    }
  });
});

describe('nameSearchRegex agrees with the matcher', () => {
  const regex = new RegExp(nameSearchRegex('Jordan Rivers') ?? '', 'i');
  // The rule runs only on the search sites' domains (its `requestDomains`).
  const onSearchSites = (u: string) => isSearchHost(new URL(u).hostname);
  it.each([...stopped, ...notStopped].filter((u) => !u.includes('michael') && onSearchSites(u)))('%s', (url) => {
    expect(regex.test(new URL(url).href)).toBe(matchUrl(url, jordan) !== null);
  });

  it.each(widenedOnly)('stops %s by rule only, which the matcher lets through', (url) => {
    expect(onSearchSites(url)).toBe(true);
    expect(regex.test(new URL(url).href)).toBe(true);
    expect(matchUrl(url, jordan)).toBeNull();
  });

  it('handles accented names in their encoded forms', () => {
    // Unlimited: the exact form. Within Chrome's limit: a wider one, which the matcher narrows.
    const exact = new RegExp(nameSearchRegex('Zoë Ångström', () => true) ?? '', 'i');
    const fitted = new RegExp(nameSearchRegex('Zoë Ångström') ?? '', 'i');
    for (const regex of [exact, fitted]) {
      expect(regex.test('https://www.google.com/search?q=Zo%C3%AB+%C3%85ngstr%C3%B6m')).toBe(true);
      expect(regex.test('https://www.google.com/search?q=zoe+angstrom+new')).toBe(true);
      expect(regex.test('https://www.google.com/search?q=ZOE%CC%88+A%CC%8ANGSTRO%CC%88M')).toBe(true);
    }
    expect(exact.test('https://www.google.com/search?q=zoe+angstroms')).toBe(false);
    expect(exact.test('https://www.google.com/search?q=zoe+angstrom')).toBe(true);
  });
});
