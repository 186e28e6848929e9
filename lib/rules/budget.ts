import { activePolicy } from '../detection/policy';
import { SaveRefused } from '../settings/refusal';
import type { Settings } from '../settings/schema';
import { MAX_REGEX_RULES } from './limits';
import { buildRuleSet } from './rule-set';

/**
 * The browsers' rule limits, checked before settings are saved. Every rule Breathing Room writes
 * is a regex rule, and both browsers allow 1,000 (in Chrome, dynamic and session rules together).
 * A change that would need more is refused with a plain sentence, before anything is written, so
 * nothing already paused is dropped to make room.
 */

/**
 * Regex rules kept free for passes: a pass for a social site's feed keeps its inbox paused with a
 * session rule or two, one set per tab that has a pass.
 */
export const RULES_KEPT_FOR_PASSES = 50;

/** Regex rules the settings may need. */
export const RULE_BUDGET = MAX_REGEX_RULES - RULES_KEPT_FOR_PASSES;

/** The regex rules these settings need while a period runs (when the most is paused). */
export function rulesNeeded(settings: Settings): number {
  return buildRuleSet(activePolicy(settings), 'chrome-extension://id/interstitial.html').rules.filter(
    (r) => r.condition.regexFilter,
  ).length;
}

/**
 * Why `after` can't be saved over `before`, in words for beside the form, or null. A change that
 * needs no more rules than before is never refused, so the way back down stays open.
 */
export function ruleBudgetProblem(before: Settings, after: Settings, subject = 'That'): string | null {
  // The usual save (a plan, a note, the pause) changes nothing the rules are made from.
  const policy = activePolicy(after);
  if (JSON.stringify(policy) === JSON.stringify(activePolicy(before))) return null;
  const needed = rulesNeeded(after);
  if (needed <= RULE_BUDGET || needed <= rulesNeeded(before)) return null;
  return `${subject} is more than your browser can pause at once: it would need ${needed.toLocaleString('en')} rules, and Breathing Room can use ${RULE_BUDGET.toLocaleString('en')}. Nothing was saved, and everything stays paused as before. Each profile takes two to five rules, each name one, and each site with a path one; remove a few you need least, then try again.`;
}

/** A save refused by `ruleBudgetProblem`; its message is for the person. */
export class RuleBudgetError extends SaveRefused {
  override name = 'RuleBudgetError';
}

/** Throws `RuleBudgetError` when `after` would need more rules than the browsers allow. */
export function assertWithinRuleBudget(before: Settings, after: Settings, subject?: string): void {
  const problem = ruleBudgetProblem(before, after, subject);
  if (problem) throw new RuleBudgetError(problem);
}
