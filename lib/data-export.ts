import type { BreathingRoomDb, Letter, Urge } from './db';
import { periodItem, settingsItem } from './settings';

export const EXPORT_FORMAT = 'breathing-room-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  settings: unknown;
  period: unknown;
  urges: Urge[];
  letters: Letter[];
}

/** Everything Breathing Room keeps, as one JSON-ready object. */
export async function exportAll(db: BreathingRoomDb, now = Date.now()): Promise<ExportFile> {
  const [settings, period, urges, letters] = await Promise.all([
    settingsItem.getValue(),
    periodItem.getValue(),
    db.urges.orderBy('time').toArray(),
    db.letters.orderBy('updatedAt').toArray(),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    period,
    urges,
    letters,
  };
}

/** Deletes the urge log and the letters. Settings and the running period are left alone. */
export async function wipeHistory(db: BreathingRoomDb): Promise<void> {
  await db.transaction('rw', db.urges, db.letters, async () => {
    await db.urges.clear();
    await db.letters.clear();
  });
}
