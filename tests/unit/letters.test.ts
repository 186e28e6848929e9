import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BreathingRoomDb } from '@/lib/records/db';
import { addLetter, deleteLetter, letterPreview, listLetters, restoreLetter, saveLetter } from '@/lib/records/letters';
import { newUrge } from '@/lib/records/new-records';
import { addUrge, updateUrge, wentOnInHourBefore } from '@/lib/records/urges';

let n = 0;
const open: Dexie[] = [];
function freshDb() {
  const db = new BreathingRoomDb(`test-letters-${n++}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** A real moment: a letter dated in 1970 is not one a page can show. */
const T0 = Date.parse('2026-11-20T22:00:00Z');

describe('letters', () => {
  it('are created, saved as typed, listed newest first, and deleted with undo', async () => {
    const db = freshDb();
    const a = await addLetter({ host: 'www.instagram.com', periodId: 'p' }, T0 + 1000, db);
    await saveLetter(a, 'Dear J,\nI wanted to say', T0 + 2000, db);
    const b = await addLetter({ host: '', periodId: null }, T0 + 3000, db);
    await saveLetter(b, 'Second letter', T0 + 4000, db);
    const empty = await addLetter({ host: '', periodId: null }, T0 + 5000, db);
    expect((await listLetters(db)).rows.map((l) => l.id)).toEqual([b, a]);
    expect(empty).toBeGreaterThan(0);
    const removed = await deleteLetter(a, db);
    expect((await listLetters(db)).rows.map((l) => l.id)).toEqual([b]);
    expect(removed?.id).toBe(a);
    await restoreLetter(removed as NonNullable<typeof removed>, db);
    expect(await db.letters.get(a)).toMatchObject({
      body: 'Dear J,\nI wanted to say',
      createdAt: T0 + 1000,
      updatedAt: T0 + 2000,
    });
  });

  it('says so when saving a letter that was deleted meanwhile', async () => {
    await expect(saveLetter(42, 'hello', undefined, freshDb())).rejects.toThrow(/no longer here/);
  });

  it('names a letter by its first line', () => {
    expect(letterPreview('  First line\nsecond')).toBe('First line');
    expect(letterPreview('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it.each([
    ['Dear J,\n\nI keep thinking about the lake.', 'I keep thinking about the lake.'],
    ['Dear J, I keep thinking about the lake.', 'I keep thinking about the lake.'],
    ['Hi Sam —\nToday was hard.', 'Today was hard.'],
    ['My dearest Jordan:\n\n\nThere is so much I never said.', 'There is so much I never said.'],
    ['Hey,\nwhy did you go?', 'why did you go?'],
    // Not greetings: said as they are.
    ['Hello darkness my old friend', 'Hello darkness my old friend'],
    ['Today I walked past our café.', 'Today I walked past our café.'],
    // A first line that says something is kept, even when it starts like a greeting.
    ['Dear J, I miss you so much\nAnyway, see you', 'I miss you so much'],
    ['To be honest I have not been okay\nbye', 'To be honest I have not been okay'],
    ['Hey I still think about you every night\nJ', 'Hey I still think about you every night'],
    // Lines of marks only say nothing yet.
    ['Hey you,\n...\nI wanted to say', 'I wanted to say'],
    ['Dear J,\n—\n:(\nIt was a long day.', 'It was a long day.'],
    // Only a greeting: the greeting.
    ['Dear J,', 'Dear J,'],
  ])('looks past the greeting: %j → %j', (body, preview) => {
    expect(letterPreview(body)).toBe(preview);
  });

  it('shortens on a word boundary', () => {
    expect(letterPreview('Dear J,\nI wanted to tell you about the morning everything changed for me', 30)).toBe(
      'I wanted to tell you about…',
    );
  });
});

describe('wentOnInHourBefore', () => {
  it('counts only going on from the pause page in the hour up to an urge, never stepping away or the popup', async () => {
    const db = freshDb();
    const t = Date.parse('2026-11-23T22:00:00Z');
    const at = async (minutes: number, outcome: 'resisted' | 'gave-in', category: 'social' | 'away' = 'social') => {
      const id = await addUrge(
        newUrge({
          time: t + minutes * 60_000,
          host: category === 'away' ? '' : 'x.com',
          category,
          context: category === 'away' ? 'away' : 'feed',
          periodId: null,
        }),
        db,
      );
      // As the pages record it: the pause page marks Continue; the popup logs an outcome only.
      await updateUrge(id, category === 'away' ? { outcome } : { outcome, continued: outcome === 'gave-in' }, db);
      return id;
    };
    await at(-61, 'gave-in'); // over an hour before
    await at(-60, 'gave-in'); // counts: the hour back from 22:00 includes 21:00
    await at(-30, 'resisted'); // stepped away
    await at(-20, 'gave-in', 'away'); // logged from the popup: honest, never counted
    await at(-10, 'resisted', 'away');
    const edited = await at(-5, 'resisted'); // stepped away, then marked "went on" in the history
    await updateUrge(edited, { outcome: 'gave-in' }, db);
    const corrected = await at(-3, 'gave-in'); // went on, then marked "resisted" in the history
    await updateUrge(corrected, { outcome: 'resisted' }, db);
    await at(-1, 'gave-in'); // counts
    const self = await at(0, 'gave-in'); // the pause this is about
    await at(5, 'gave-in'); // later
    expect(await wentOnInHourBefore(t, self, db)).toBe(2);
    expect(await wentOnInHourBefore(t, undefined, db)).toBe(3);
  });
});

describe('database upgrade', () => {
  it('opens a version 1 database with real old urges, keeping them and adding letters', async () => {
    const name = `test-upgrade-${n++}`;
    // The first release's schema, exactly as it shipped.
    const v1 = new Dexie(name);
    v1.version(1).stores({ urges: '++id, time, day, outcome, [outcome+time], periodId' });
    await v1.table('urges').add({
      time: 1,
      day: '2026-11-01',
      hour: 22,
      weekday: 0,
      host: 'www.instagram.com',
      category: 'social',
      context: 'feed',
      intensity: 4,
      trigger: 'lonely',
      note: 'old note',
      outcome: 'resisted',
      periodId: 'p1',
    });
    v1.close();

    const db = new BreathingRoomDb(name);
    open.push(db);
    const [urge] = await db.urges.toArray();
    expect(urge).toMatchObject({ note: 'old note', intensity: 4, answer: '' });
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.letters.count()).toBe(0);
  });
});
