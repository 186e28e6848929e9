import type { BreathingRoomDb } from './db';
import type { Contact, Letter, PastPeriod, Urge } from './records';
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
  contacts: Contact[];
  pastPeriods: PastPeriod[];
}

/** Everything Breathing Room keeps, as one JSON-ready object. */
export async function exportAll(db: BreathingRoomDb, now = Date.now()): Promise<ExportFile> {
  const [settings, period, urges, letters, contacts, pastPeriods] = await Promise.all([
    settingsItem.getValue(),
    periodItem.getValue(),
    db.urges.orderBy('time').toArray(),
    db.letters.orderBy('updatedAt').toArray(),
    db.contacts.orderBy('time').toArray(),
    db.periods.orderBy('closedAt').toArray(),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings,
    period,
    urges,
    letters,
    contacts,
    pastPeriods,
  };
}

/** Deletes the urge log, letters and contacts. Settings, the running period and past periods stay. */
export async function wipeHistory(db: BreathingRoomDb): Promise<void> {
  await db.transaction('rw', [db.urges, db.letters, db.contacts, db.summaries, db.meta], async () => {
    await db.urges.clear();
    await db.letters.clear();
    await db.contacts.clear();
    await db.summaries.clear();
    await db.meta.clear();
  });
}
