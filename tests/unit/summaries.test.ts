import { afterEach, describe, expect, it } from 'vitest';
import { BreathingRoomDb } from '@/lib/records/db';
import { newUrge } from '@/lib/records/new-records';
import { catchUp, summariesForDays, summariesForPeriod } from '@/lib/records/summaries';
import { addUrge, deleteUrge, restoreUrge, updateUrge } from '@/lib/records/urges';

let n = 0;
const dbs: BreathingRoomDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function fresh() {
  const db = new BreathingRoomDb(`test-summaries-${n++}`);
  dbs.push(db);
  await db.open();
  return db;
}

const at = (iso: string, periodId: string | null = 'p1', host = 'x.com') =>
  newUrge({ time: Date.parse(iso), host, category: 'social', context: 'feed', periodId }, 'UTC');

describe('daily summaries', () => {
  it('catch up on new urges once, by day and period', async () => {
    const db = await fresh();
    await addUrge(at('2026-11-20T09:00:00Z'), db);
    await addUrge(at('2026-11-20T21:30:00Z', 'p1', 'www.instagram.com'), db);
    await addUrge(at('2026-11-21T09:00:00Z', null, ''), db);
    expect(await catchUp(db.backendDB())).toBe(2);
    expect(await catchUp(db.backendDB())).toBe(0);
    const rows = await summariesForDays(db.backendDB(), '2026-11-20', '2026-11-21');
    expect(rows).toHaveLength(2);
    const day1 = rows.find((r) => r.day === '2026-11-20');
    expect(day1).toMatchObject({
      periodId: 'p1',
      total: 2,
      resisted: 2,
      hosts: { 'x.com': 1, 'www.instagram.com': 1 },
    });
    expect(day1?.hours[9]).toBe(1);
    expect(day1?.hours[21]).toBe(1);
    expect(rows.find((r) => r.day === '2026-11-21')).toMatchObject({ periodId: '', total: 1, hosts: {} });

    await addUrge(at('2026-11-20T10:00:00Z'), db);
    expect(await catchUp(db.backendDB())).toBe(1);
    expect((await summariesForPeriod(db.backendDB(), 'p1'))[0]).toMatchObject({ day: '2026-11-20', total: 3 });
  });

  it('follow edits of outcome and trigger, deletes and undo', async () => {
    const db = await fresh();
    const id = await addUrge(at('2026-11-20T09:00:00Z'), db);
    await catchUp(db.backendDB());
    await updateUrge(id, { outcome: 'gave-in', trigger: 'lonely' }, db);
    let [row] = await summariesForPeriod(db.backendDB(), 'p1');
    expect(row).toMatchObject({ total: 1, resisted: 0, triggers: { lonely: 1 } });
    const gone = await deleteUrge(id, db);
    expect(await summariesForPeriod(db.backendDB(), 'p1')).toEqual([]);
    if (gone) await restoreUrge(gone, db);
    [row] = await summariesForPeriod(db.backendDB(), 'p1');
    expect(row).toMatchObject({ total: 1, resisted: 0, triggers: { lonely: 1 } });
  });
});
