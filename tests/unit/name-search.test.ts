import { describe, expect, it } from 'vitest';
import { matchUrl } from '@/lib/detection/match-url';
import { isSearchHost, queryMentionsName } from '@/lib/detection/name-search';
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
