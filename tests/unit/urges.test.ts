import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BreathingRoomDb } from '@/lib/records/db';
import { checkUrgeChanges, newUrge } from '@/lib/records/new-records';
import { addUrge, updateUrge } from '@/lib/records/urges';

let db: BreathingRoomDb;
let n = 0;

beforeEach(async () => {
  db = new BreathingRoomDb(`test-urges-${n++}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

const ZONE = 'Europe/London';
const at = (iso: string) => Date.parse(iso);

function urgeAt(iso: string, outcome: 'resisted' | 'gave-in' = 'resisted') {
  return newUrge(
    { time: at(iso), host: 'www.instagram.com', category: 'social', context: 'feed', periodId: 'p1', outcome },
    ZONE,
  );
}

describe('newUrge', () => {
  it('stamps the local day, hour and weekday', () => {
    const urge = newUrge(
      { time: at('2026-11-22T23:30:00Z'), host: 'x.com', category: 'social', context: 'feed', periodId: null },
      'Europe/Berlin',
    );
    expect(urge).toMatchObject({
      day: '2026-11-23',
      hour: 0,
      weekday: 1,
      outcome: 'resisted',
      intensity: null,
      trigger: null,
      note: '',
    });
  });
});

describe('the urge repository', () => {
  it('records, reads back and updates an urge', async () => {
    const id = await addUrge(urgeAt('2026-11-23T10:00:00Z'), db);
    await updateUrge(id, { intensity: 4, trigger: 'lonely', note: 'after the call', outcome: 'gave-in' }, db);
    expect(await db.urges.get(id)).toMatchObject({
      intensity: 4,
      trigger: 'lonely',
      note: 'after the call',
      outcome: 'gave-in',
      host: 'www.instagram.com',
    });
  });

  it('refuses bad values and leaves the record as it was', async () => {
    const id = await addUrge(urgeAt('2026-11-23T10:00:00Z'), db);
    await expect(updateUrge(id, { intensity: 6 }, db)).rejects.toThrow(/1 to 5/);
    await expect(updateUrge(id, { intensity: 2.5 }, db)).rejects.toThrow(/1 to 5/);
    await expect(updateUrge(id, { trigger: 'boredom' as never }, db)).rejects.toThrow(/trigger/);
    await expect(updateUrge(id, { note: 'x'.repeat(2001) }, db)).rejects.toThrow(/2000/);
    await expect(updateUrge(id, { outcome: 'maybe' as never }, db)).rejects.toThrow(/outcome/);
    await expect(updateUrge(id, { prompt: 42 as never }, db)).rejects.toThrow(/question/);
    await expect(updateUrge(id, { prompt: 'x'.repeat(101) }, db)).rejects.toThrow(/question/);
    await expect(updateUrge(id, { continued: 'yes' as never }, db)).rejects.toThrow(/true or false/);
    expect(await db.urges.get(id)).toMatchObject({ intensity: null, trigger: null, note: '', outcome: 'resisted' });
  });

  it('says so when the urge was deleted meanwhile', async () => {
    await expect(updateUrge(999, { intensity: 3 }, db)).rejects.toThrow(/no longer/);
  });

  it('keeps the question an answer was typed to', async () => {
    const id = await addUrge(urgeAt('2026-11-23T10:00:00Z'), db);
    await updateUrge(id, { answer: 'I miss how easy it was', prompt: 'reach-what-for' }, db);
    expect(await db.urges.get(id)).toMatchObject({ answer: 'I miss how easy it was', prompt: 'reach-what-for' });
  });

  it('accepts a 2000-character note and clearing fields', () => {
    expect(checkUrgeChanges({ note: 'x'.repeat(2000), intensity: null, trigger: null })).toEqual({
      note: 'x'.repeat(2000),
      intensity: null,
      trigger: null,
    });
  });
});
