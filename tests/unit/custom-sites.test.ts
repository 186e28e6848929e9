import { describe, expect, it } from 'vitest';
import { addCustomSite, type CustomSite, MAX_CUSTOM_SITES, parseCustomSite } from '@/lib/detection/custom-sites';
import { matchUrl } from '@/lib/detection/match-url';
import { policy } from './policies';

describe('parseCustomSite', () => {
  it.each([
    ['example.com', { host: 'example.com', path: '/', label: 'example.com' }],
    ['  https://www.Example.com/  ', { host: 'example.com', path: '/', label: 'example.com' }],
    [
      'http://news.example.co.uk/Section/Page/',
      { host: 'news.example.co.uk', path: '/section/page', label: 'news.example.co.uk/section/page' },
    ],
    ['example.com/u/jordan?ref=1#top', { host: 'example.com', path: '/u/jordan', label: 'example.com/u/jordan' }],
    ['bücher.de', { host: 'xn--bcher-kva.de', path: '/', label: 'bücher.de' }],
    ['https://www.münchen.de/jordan', { host: 'xn--mnchen-3ya.de', path: '/jordan', label: 'münchen.de/jordan' }],
    ['localhost.test:8080/x', { host: 'localhost.test', path: '/x', label: 'localhost.test:8080/x' }],
  ])('accepts %s', (input, site) => {
    expect(parseCustomSite(input)).toEqual({ ok: true, site });
  });

  it.each([
    ['', /Enter a site/],
    ['   ', /Enter a site/],
    ['com', /top-level domain/],
    ['.com', /top-level domain/],
    ['co.uk', /country domain/],
    ['ftp://example.com/', /Only web addresses/],
    ['javascript:alert(1)', /Only web addresses/],
    ['mailto:jordan@example.com', /Only web addresses/],
    ['chrome://settings', /Only web addresses/],
    ['exa mple.com', /doesn’t look like a web address|characters/],
    ['https://user:pw@example.com/', /user name or password/],
    ['example..com', /top-level domain|characters/],
  ])('refuses %j with a clear message', (input, message) => {
    const result = parseCustomSite(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('addCustomSite', () => {
  it('refuses duplicates and the 501st entry', () => {
    const one = addCustomSite([], 'example.com');
    expect(one.ok).toBe(true);
    if (!one.ok) return;
    expect(addCustomSite(one.list, 'https://www.example.com/')).toMatchObject({
      ok: false,
      error: /already on your list/,
    });
    const full: CustomSite[] = Array.from({ length: MAX_CUSTOM_SITES }, (_, i) => ({
      host: `site${i}.example`,
      path: '/',
      label: `site${i}.example`,
    }));
    expect(addCustomSite(full, 'one-more.example')).toMatchObject({ ok: false, error: /up to 500/ });
    expect(addCustomSite(full.slice(1), 'one-more.example').ok).toBe(true);
  });
});

describe('matching custom sites', () => {
  const custom = policy({
    categories: { social: false, messaging: false },
    custom: [
      { host: 'example.com', path: '/', label: 'example.com' },
      { host: 'blog.example.org', path: '/jordan', label: 'blog.example.org/jordan' },
      { host: 'xn--bcher-kva.de', path: '/', label: 'bücher.de' },
    ],
  });
  it.each([
    ['https://example.com/', true],
    ['https://www.example.com/anything?x=1', true],
    ['https://blog.example.org/jordan', true],
    ['https://blog.example.org/Jordan/2024/post', true],
    ['https://blog.example.org/jordanna', false],
    ['https://blog.example.org/', false],
    ['https://bücher.de/', true],
    ['https://notexample.com/', false],
    ['https://example.com.evil.example/', false],
  ])('%s stopped: %s', (url, stopped) => {
    expect(matchUrl(url, custom)?.kind ?? null).toBe(stopped ? 'custom' : null);
  });
});
