/**
 * How rules that cover part of a source are labelled, so the self-check can name what is not
 * protected (see `background/protection-health.ts`). Kept apart from the rule builder, which the
 * popup never loads.
 */

/** The rule for needlessly encoded addresses on a platform. */
export const ENCODED_SUFFIX = ' (encoded addresses)';
/** A page whose copies on proxies, archives and viewers could not all be covered. */
export const COPIES_SUFFIX = ' (copies on proxies, archives and viewers)';
