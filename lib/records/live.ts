import { useLiveQuery } from 'dexie-react-hooks';
import { listContacts } from './contacts';
import { getDb } from './db';
import { listLetters } from './letters';
import { listPastPeriods } from './periods';
import type { Readable } from './readable';
import type { Urge } from './types';
import { urgeHistory } from './urges';

/**
 * The records as React hooks that follow every change made through Dexie, in this page or
 * another (Dexie tells the others). Undefined until the first read. The pages use these; the
 * popup, which ships without Dexie, does not.
 */

export function useLetters() {
  return useLiveQuery(() => listLetters(getDb()), []);
}

export function useContacts(limit: number) {
  return useLiveQuery(() => listContacts(limit, getDb()), [limit]);
}

export function usePastPeriods() {
  return useLiveQuery(() => listPastPeriods(getDb()), []);
}

/** A page of the urge history (see `urgeHistory`); `deps` say when `keep` changes. */
export function useUrgeHistory(
  range: { from: number; to: number },
  keep: (urge: Urge) => boolean,
  limit: number,
  deps: readonly unknown[],
): Readable<Urge> | undefined {
  return useLiveQuery(() => urgeHistory(getDb(), range, keep, limit), [range.from, range.to, limit, ...deps]);
}
