import { describe, expect, it } from 'vitest';
import { type FieldLike, isSearchField, typedSearchStop } from '@/lib/guard/search-field';

const field = (
  tagName: string,
  attributes: Record<string, string> = {},
  extra: Partial<FieldLike> = {},
): FieldLike => ({
  tagName,
  type: attributes.type ?? (tagName === 'INPUT' ? 'text' : undefined),
  value: '',
  getAttribute: (name) => attributes[name] ?? null,
  closest: () => null,
  ...extra,
});

describe('which fields are a site’s search', () => {
  it.each([
    ['a search input', field('INPUT', { type: 'search' })],
    ['a text input labelled Search', field('INPUT', { 'aria-label': 'Search' })],
    ['a text input with a search placeholder', field('INPUT', { placeholder: 'Search Instagram' })],
    ['a combobox labelled Search', field('INPUT', { role: 'combobox', 'aria-label': 'Search' })],
    ['Google’s own search box', field('TEXTAREA', { role: 'combobox', name: 'q', 'aria-label': 'Search' })],
    ['a field named q', field('INPUT', { name: 'q' })],
    ['a field labelled in German', field('INPUT', { 'aria-label': 'Suche' })],
    [
      'a field inside a search landmark',
      field('INPUT', {}, { closest: (s: string) => (s.includes('search') ? {} : null) }),
    ],
  ])('%s is', (_what, el) => {
    expect(isSearchField(el)).toBe(true);
  });

  it.each([
    ['a comment box', field('TEXTAREA', { 'aria-label': 'Add a comment…' })],
    ['a message box', field('INPUT', { placeholder: 'Message…' })],
    ['a password field', field('INPUT', { type: 'password', name: 'q' })],
    ['an email field', field('INPUT', { type: 'email', placeholder: 'Search' })],
    ['a checkbox', field('INPUT', { type: 'checkbox', 'aria-label': 'Search' })],
    ['a div', field('DIV', { role: 'searchbox' })],
    ['a comment box with a mention picker', field('TEXTAREA', { role: 'combobox', 'aria-label': 'Add a comment' })],
    ['a mail recipient field', field('INPUT', { role: 'combobox', 'aria-label': 'To recipients' })],
    ['notes about research', field('INPUT', { id: 'research-notes' })],
    ['a textarea in a search landmark', field('TEXTAREA', {}, { closest: () => ({}) })],
    ['nothing', null],
  ])('%s is not', (_what, el) => {
    expect(isSearchField(el)).toBe(false);
  });
});

describe('what typing their name stops', () => {
  it.each([
    ['jordan rivers', 'https://www.instagram.com/', 'https://www.instagram.com/explore/search?q=Jordan%20Rivers'],
    ['JORDAN RIVERS new girlfriend', 'https://x.com/home', 'https://x.com/search?q=Jordan%20Rivers'],
    [
      '"jordan  rivers"',
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/search/results?keywords=Jordan%20Rivers',
    ],
  ])('%s typed on %s stops %s, the saved name and nothing else typed', (typed, page, stop) => {
    expect(typedSearchStop(typed, ['Jordan Rivers'], page)).toBe(stop);
  });

  it.each([
    ['jordan river', 'https://www.instagram.com/'],
    ['jordan', 'https://www.instagram.com/'],
    ['jordan riversmith', 'https://www.instagram.com/'],
    // No search of its own: nothing to stop there.
    ['jordan rivers', 'https://web.whatsapp.com/'],
    // An engine's box changes the address, which the rules and the route guard see; mail is not a search.
    ['jordan rivers', 'https://www.youtube.com/'],
    ['jordan rivers', 'https://mail.google.com/mail/u/0/'],
  ])('%s typed on %s stops nothing', (typed, page) => {
    expect(typedSearchStop(typed, ['Jordan Rivers'], page)).toBeNull();
  });

  it('stops nothing without a name', () => {
    expect(typedSearchStop('jordan rivers', [], 'https://www.instagram.com/')).toBeNull();
  });
});
