import { loadPending } from '@/lib/lock/pending';
import type { BreathingRoomDb } from '@/lib/records/db';
import { loadPeriod, loadSettings } from '@/lib/settings/settings';

/** Everything on this "device": settings, period, waiting changes, and every table of `db`. */
export async function deviceSnapshot(db: BreathingRoomDb) {
  return {
    settings: await loadSettings(),
    period: await loadPeriod(),
    pending: await loadPending(),
    urges: await db.urges.toArray(),
    letters: await db.letters.toArray(),
    contacts: await db.contacts.toArray(),
    periods: await db.periods.toArray(),
  };
}
