import type { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { hardestWords, hourWords } from '@/components/way-out/Completion';
import { COMPLETION_LINES } from '@/content/milestone-lines';
import type { Period } from '@/lib/period/period';
import { completionLine, hardestOf, loadCompletion } from '@/lib/records/completion';
import { addContact } from '@/lib/records/contacts';
import { BreathingRoomDb } from '@/lib/records/db';
import { addLetter, saveLetter } from '@/lib/records/letters';
import { newUrge } from '@/lib/records/new-records';
import { addUrge } from '@/lib/records/urges';

const open: Dexie[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
});

const period: Period = { id: 'p1', startDate: '2026-11-01', lengthDays: 45, createdAt: 0, coolOffHours: 24 };
const at = (day: number, hour: number) =>
  Date.parse(`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00Z`);

describe('what a period came to', () => {
  it('finds the hardest moment ridden out: the strongest, the latest of equals; never one gone on with', () => {
    const u = (outcome: 'resisted' | 'gave-in', intensity: number | null, time: number) => ({
      outcome,
      intensity,
      time,
      hour: new Date(time).getUTCHours(),
    });
    expect(hardestOf([])).toBeNull();
    expect(hardestOf([u('gave-in', 5, at(2, 1))])).toBeNull();
    expect(
      hardestOf([
        u('resisted', 3, at(2, 1)),
        u('resisted', 4, at(3, 23)),
        u('resisted', 4, at(5, 1)),
        u('gave-in', 5, at(6, 2)),
      ]),
    ).toEqual({
      kind: 'moment',
      time: at(5, 1),
      hour: 1,
      intensity: 4,
    });
    // Nothing rated: the hour with the most ridden out, the latest at night of equals.
    expect(
      hardestOf([u('resisted', null, at(2, 22)), u('resisted', null, at(3, 1)), u('resisted', null, at(4, 9))]),
    ).toEqual({
      kind: 'hour',
      hour: 1,
      count: 1,
    });
    expect(
      hardestOf([u('resisted', null, at(2, 22)), u('resisted', null, at(3, 22)), u('resisted', null, at(4, 1))]),
    ).toEqual({
      kind: 'hour',
      hour: 22,
      count: 2,
    });
  });

  it('says the hour as people do', () => {
    expect([0, 1, 11, 12, 13, 23].map(hourWords)).toEqual([
      'midnight',
      '1 a.m.',
      '11 a.m.',
      'noon',
      '1 p.m.',
      '11 p.m.',
    ]);
    expect(hardestWords({ kind: 'hour', hour: 23, count: 6 })).toBe(
      'The hour that pulled hardest was around 11 p.m.: you rode out 6 urges then.',
    );
    expect(hardestWords({ kind: 'moment', time: at(4, 1), hour: 1, intensity: 5 })).toMatch(
      /^Your hardest moment: \w+day, November 4, around 1 a\.m\., an urge you rated 5 of 5\. You stepped away from it\.$/,
    );
  });

  it('keeps one line from the library for a period', () => {
    expect(completionLine('p1')).toBe(completionLine('p1'));
    expect(COMPLETION_LINES).toContain(completionLine('another'));
    const lines = new Set(Array.from({ length: 40 }, (_, i) => completionLine(`period-${i}`).id));
    expect(lines.size).toBe(COMPLETION_LINES.length);
  });

  it('counts the urges ridden out and the letters of this period only', async () => {
    const db = new BreathingRoomDb(`test-completion-${Math.random()}`);
    open.push(db);
    const urge = (periodId: string | null, outcome: 'resisted' | 'gave-in', intensity: number | null, time: number) =>
      addUrge(
        newUrge({ time, host: 'x.com', category: 'social', context: 'feed', periodId, outcome, intensity }, 'UTC'),
        db,
      );
    await urge('p1', 'resisted', 2, at(2, 22));
    await urge('p1', 'resisted', 5, at(3, 1));
    await urge('p1', 'gave-in', 5, at(4, 2));
    await urge('other', 'resisted', 5, at(5, 3));
    await urge(null, 'resisted', 1, at(6, 3));
    const letter = await addLetter({ host: '', periodId: 'p1' }, at(3, 2), db);
    await saveLetter(letter, 'Dear J,\nI did not send this.', at(3, 2), db);
    await addLetter({ host: '', periodId: 'p1' }, at(3, 3), db); // left empty: not a letter
    // Written on the letters page during the period, and before it began.
    const during = await addLetter({ host: '', periodId: null }, at(8, 12), db);
    await saveLetter(during, 'Nobody will read this.', at(8, 12), db);
    const earlier = await addLetter({ host: '', periodId: null }, Date.parse('2026-10-20T12:00:00Z'), db);
    await saveLetter(earlier, 'From before.', Date.parse('2026-10-20T12:00:00Z'), db);
    const elsewhere = await addLetter({ host: '', periodId: 'other' }, at(3, 4), db);
    await saveLetter(elsewhere, 'Another period.', at(3, 4), db);

    // In touch twice on one day, once on another period; a message from them is not contact.
    for (const [kind, periodId, time] of [
      ['contact', 'p1', at(9, 20)],
      ['contact', 'p1', at(9, 23)],
      ['contact', 'other', at(11, 20)],
      // Given this period's id but dated before it began: not one of its days.
      ['contact', 'p1', Date.parse('2026-10-25T12:00:00Z')],
      ['they-reached-out', 'p1', at(12, 20)],
    ] as const) {
      await addContact(
        {
          time,
          day: new Date(time).toISOString().slice(0, 10),
          kind,
          startedBy: 'me',
          howItWent: null,
          note: '',
          periodId,
        },
        db,
      );
    }
    const completion = await loadCompletion(db.backendDB(), period, '2026-12-15');
    expect(completion).toEqual({
      daysKept: 45,
      contactDays: 1,
      riddenOut: 2,
      letters: 2,
      hardest: { kind: 'moment', time: at(3, 1), hour: 1, intensity: 5 },
      line: completionLine('p1'),
    });
    expect((await loadCompletion(db.backendDB(), period, '2026-11-10')).daysKept).toBe(10);
  });
});
