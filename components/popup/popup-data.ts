import { storage } from 'wxt/utils/storage';
import { pendingChangesItem } from '@/lib/lock/pending-item';
import { type DayKey, dayKeyOf } from '@/lib/period/calendar';
import type { Period } from '@/lib/period/period';
import { type LeanDb, openLean } from '@/lib/records/handle';
import {
  EMPTY_POPUP_STATS,
  type LastClosed,
  loadLastClosed,
  loadPopupStats,
  type PopupStats,
} from '@/lib/records/stats';
import { parsePeriod, parseSettings, periodItem, type Settings, settingsItem } from '@/lib/settings/settings';

export interface PopupData {
  today: DayKey;
  period: Period | null;
  settings: Settings;
  db: LeanDb | null;
  /** Null when the log could not be read: the popup says so rather than showing zeros. */
  stats: PopupStats | null;
  /** How many changes are waiting out the cool-off (see lib/lock), counted without parsing them. */
  waiting: number;
  /** With no period: the one closed most recently, if any (read only then). */
  lastClosed: LastClosed | null;
}

/**
 * Everything the popup's first render needs, fetched at once and in parallel: one storage read
 * for the period, settings and waiting changes (through their typed items, so the keys are theirs),
 * and the database opened alongside. Started before React mounts, so
 * the popup opens with its numbers rather than filling them in.
 */
export async function loadPopupData(now = Date.now()): Promise<PopupData> {
  const today = dayKeyOf(now);
  const [[storedPeriod, storedSettings, storedPending], opened] = await Promise.all([
    storage.getItems([periodItem, settingsItem, pendingChangesItem]),
    openLean().catch(() => 'unreadable' as const),
  ]);
  const period = parsePeriod(storedPeriod?.value);
  const settings = parseSettings(storedSettings?.value);
  // No database yet (nothing logged on this device) is an empty log; a failed read is not.
  const stats =
    opened === 'unreadable'
      ? null
      : opened
        ? await loadPopupStats(opened, today, period?.id ?? null).catch(() => null)
        : EMPTY_POPUP_STATS;
  const db = opened === 'unreadable' ? null : opened;
  const waiting = Array.isArray(storedPending?.value) ? storedPending.value.length : 0;
  const lastClosed = !period && db ? await loadLastClosed(db).catch(() => null) : null;
  return { today, period, settings, db, stats, waiting, lastClosed };
}
