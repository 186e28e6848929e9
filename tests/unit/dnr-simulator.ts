import { hostMatches } from '@/lib/detection/hosts';
import type { DnrRule } from '@/lib/rules/rule-set';

/** Action precedence at equal priority, as Chrome documents it: allow beats redirect. */
const ACTION_RANK = { allow: 2, redirect: 1 } as const;

/**
 * Evaluates rules against a main-frame navigation the way declarativeNetRequest does: the
 * matching rule with the highest priority wins. Regexes are the RE2 subset we emit, which
 * JavaScript reads the same way. Returns where the browser would send the tab.
 */
export function simulate(
  rules: readonly DnrRule[],
  url: string,
  tabId = 1,
): { action: 'none' | 'allow' } | { action: 'redirect'; to: string } {
  // Chrome matches `requestDomains` on a host written with a trailing dot (`instagram.com.`) as
  // on the plain host (seen in Chromium 156 with a local server).
  const host = new URL(url).hostname.replace(/\.$/, '');
  const hits = rules.filter((rule) => {
    const c = rule.condition;
    if (c.tabIds && !c.tabIds.includes(tabId)) return false;
    if (c.requestDomains && !c.requestDomains.some((d) => hostMatches(host, d))) return false;
    if (c.regexFilter && !new RegExp(c.regexFilter, c.isUrlFilterCaseSensitive === false ? 'i' : '').test(url))
      return false;
    return true;
  });
  hits.sort((a, b) => b.priority - a.priority || ACTION_RANK[b.action.type] - ACTION_RANK[a.action.type]);
  const top = hits[0];
  if (!top) return { action: 'none' };
  if (top.action.type === 'allow') return { action: 'allow' };
  const regex = new RegExp(top.condition.regexFilter ?? '^.*$', 'i');
  const to = top.action.redirect.regexSubstitution.replace('\\0', regex.exec(url)?.[0] ?? '');
  return { action: 'redirect', to };
}
