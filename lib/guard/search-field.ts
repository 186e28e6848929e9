import { nameWords, queryMentionsName, searchPageFor } from '../detection/name-search';

/**
 * Their name typed into a site's own search field, where the site shows results in place without
 * changing its address (Instagram's search panel does). The guard reads a field's value only when
 * the field is a search field and only as the input event arrives; nothing typed is kept, logged
 * or sent. What it stops is the site's search page for the name as the user saved it, never for
 * what was typed around it.
 */

/** What the guard needs to know of the element an input event came from. */
export interface FieldLike {
  tagName?: string;
  type?: string;
  value?: unknown;
  getAttribute?(name: string): string | null;
  closest?(selector: string): unknown;
}

/** Words that name a search field, as whole words (not "research"); the scripts without spaces as they are. */
const SEARCH_WORDS =
  /(?:^|[^\p{L}])(?:search|query|find|recherche|rechercher|suche|suchen|buscar|busca|pesquisar|pesquisa|cerca|zoeken|szukaj|поиск)(?:$|[^\p{L}])|検索|搜索|검색/iu;

/** Whether an element is a field for searching the site: by its type, role, name or label. */
export function isSearchField(el: FieldLike | null | undefined): boolean {
  if (!el || typeof el.value !== 'string') return false;
  const tag = el.tagName?.toLowerCase();
  if (tag === 'input') {
    const type = (el.type ?? 'text').toLowerCase();
    if (type === 'search') return true;
    if (type !== 'text') return false;
  } else if (tag !== 'textarea') {
    return false;
  }
  const attribute = (name: string) => el.getAttribute?.(name) ?? '';
  const role = attribute('role');
  if (role === 'searchbox') return true;
  const described = ['name', 'id', 'placeholder', 'aria-label', 'title'].map(attribute).join(' ');
  const named = SEARCH_WORDS.test(described) || attribute('name') === 'q';
  // A comment box with a mention picker is a combobox or a textarea too: those count only when
  // they are also named for searching. A plain text field may instead sit in a search landmark.
  if (role === 'combobox' || tag === 'textarea') return named;
  return named || !!el.closest?.('[role="search"], form[action*="search" i]');
}

/**
 * The search page to stop when `value`, typed on the page at `pageHref`, searches for one of
 * `names`; null when it does not, or the site has no search of its own.
 */
export function typedSearchStop(value: string, names: readonly string[], pageHref: string): string | null {
  const name = names.find((n) => {
    const words = nameWords(n);
    return !!words && queryMentionsName(value, words);
  });
  return name ? searchPageFor(pageHref, name) : null;
}
