import { afterEach, describe, expect, it } from 'vitest';
import { exportAll } from '@/lib/backup/export';
import { BreathingRoomDb } from '@/lib/records/db';
import { wipeHistory } from '@/lib/records/erase';
import { addLetter, saveLetter } from '@/lib/records/letters';
import { newContact, newUrge } from '@/lib/records/new-records';
import { catchUp, summariesForPeriod } from '@/lib/records/summaries';
import { addUrge } from '@/lib/records/urges';
import { periodItem } from '@/lib/settings/settings';

let db: BreathingRoomDb;
afterEach(async () => {
  await db.delete();
});

describe('your data', () => {
  it('exports everything kept, and deletes the history while keeping settings and past periods', async () => {
    db = new BreathingRoomDb('test-export');
    await db.open();
    const period = { id: 'p1', startDate: '2026-11-01', lengthDays: 30, createdAt: 1, coolOffHours: 24 };
    await periodItem.setValue(period);
    await addUrge(
      newUrge({
        time: Date.parse('2026-11-02T10:00:00Z'),
        host: 'x.com',
        category: 'social',
        context: 'feed',
        periodId: 'p1',
      }),
      db,
    );
    await saveLetter(await addLetter({ host: '', periodId: 'p1' }, undefined, db), 'Unsent words', undefined, db);
    await db.contacts.add(newContact({ time: 5, kind: 'contact', startedBy: 'me', periodId: 'p1' }) as never);
    await db.periods.put({ ...period, id: 'p0', closedAt: 9, closedHow: 'moved-on', readiness: null });
    await catchUp(db.backendDB());

    const file = await exportAll(db, Date.parse('2026-11-23T00:00:00Z'));
    expect(file).toMatchObject({
      format: 'breathing-room-export',
      version: 2,
      exportedAt: '2026-11-23T00:00:00.000Z',
      period,
    });
    expect([file.urges.length, file.letters.length, file.contacts.length, file.pastPeriods.length]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);

    await wipeHistory(db);
    expect([await db.urges.count(), await db.letters.count(), await db.contacts.count()]).toEqual([0, 0, 0]);
    expect(await summariesForPeriod(db.backendDB(), 'p1')).toEqual([]);
    expect(await db.periods.count()).toBe(1);
    expect(await periodItem.getValue()).toEqual(period);
  });
});
