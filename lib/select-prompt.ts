import { LIBRARY, type LibraryItem, type PromptContext } from '@/content/library';

/** A source of numbers in [0, 1): `Math.random` in the product, a seeded one in tests. */
export type Random = () => number;

/** One reflection prompt (a question or a reminder) that fits the moment's context. */
export function selectPrompt(
  context: PromptContext,
  random: Random = Math.random,
  library: readonly LibraryItem[] = LIBRARY,
): LibraryItem {
  const prompts = library.filter((item) => item.kind === 'question' || item.kind === 'reminder');
  const fitting = prompts.filter((item) => item.contexts.includes(context));
  const pool = fitting.length ? fitting : prompts;
  const item = pool[Math.floor(random() * pool.length)] ?? pool[0];
  if (!item) throw new Error('The reflection library has no prompts.');
  return item;
}
