/**
 * The shapes of the reflection library, apart from its words, so that `library.ts` and
 * `milestone-lines.ts` both depend on this file and never on each other.
 */

import type { Source } from './sources';

export type { Source };

export const ITEM_KINDS = ['question', 'reminder', 'alternative', 'checklist'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** What an item is about. Every theme has items; selection leans on some of them by period day. */
export const THEMES = [
  'why-reaching',
  'why-they-reach-out',
  'cost-of-contact',
  'why-no-contact',
  'on-off-cycle',
  'urges-pass',
  'self-worth',
  'someone-new',
  'if-i-slip',
  'readiness',
  'final-checklist',
  'no-reply',
  'milestone',
  'reconnect-with-care',
  /** The end of a period, on its completion view. */
  'completion',
  /** Moving on: whether they are all right without them (never the reconnect checklist). */
  'moving-on-check',
] as const;
export type Theme = (typeof THEMES)[number];

/** Where a prompt fits: the kind of page, or the hour. */
export const PROMPT_CONTEXTS = ['feed', 'profile', 'messaging', 'search', 'late-night'] as const;
export type PromptContext = (typeof PROMPT_CONTEXTS)[number];

/** Every context: for items that fit any moment. */
export const ALL: readonly PromptContext[] = PROMPT_CONTEXTS;

export interface LibraryItem {
  id: string;
  kind: ItemKind;
  theme: Theme;
  contexts: readonly PromptContext[];
  /**
   * The article its idea comes from, or null for a technique from general practice that none of
   * the five articles describes: then `basis` names that practice.
   */
  source: Source | null;
  /** For an item with no article as its source: the practice it comes from, named truly. */
  basis?: string;
  /**
   * Where in its article the idea is: the first and last line (1-based) it draws on. Checked
   * against the articles by `scripts/check-articles.ts` when they are beside the project.
   */
  lines?: readonly [number, number];
  text: string;
  /** For milestone lines: the day of the period they mark. */
  milestone?: number;
  /** Shown only once this many days of no contact have been kept. */
  minDaysKept?: number;
  /**
   * A question with no yes or no answer ("What are you hoping to find?"): only these are asked
   * when going on takes a typed answer.
   */
  open?: true;
}
