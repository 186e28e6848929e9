import { storage } from 'wxt/utils/storage';

/**
 * This browser session's stop key (see `interstitial-target.ts`): the background puts it in every
 * pause page address it makes, and the pause page logs an urge only when it arrives with it.
 */
export const stopKeyItem = storage.defineItem<string | null>('session:stopKey', { fallback: null });

export function parseStopKey(value: unknown): string | null {
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value) ? value : null;
}
