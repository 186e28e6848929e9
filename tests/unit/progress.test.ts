import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/period/calendar';
import { type ProgressInput, progress } from '@/lib/period/progress';
import { seeded } from './random';

const START = '2026-11-01';
const on = (day: number) => addDays(START, day - 1);

function input(day: number, counts: Partial<NonNullable<ProgressInput['counts']>> = {}): ProgressInput {
  return {
    day,
    periodStart: START,
    today: on(day),
    counts: {
      today: 0,
      week: { total: 0, resisted: 0 },
      periodTotal: 0,
      periodResisted: 0,
      lastContactDay: null,
      ...counts,
    },
  };
}

const figures = (p: ReturnType<typeof progress>) => [...p.header, ...p.row];

describe('the popup tells progress in the positive', () => {
  it('puts the urges ridden out this period beside the day count', () => {
    const p = progress(input(10, { periodResisted: 36, periodTotal: 37, week: { total: 12, resisted: 11 } }));
    expect(p.header).toEqual([{ value: '36', label: 'urges ridden out' }]);
    expect(p.row).toEqual([
      { value: '0', label: 'urges today' },
      { value: '92%', label: 'resisted this week' },
      { value: '37', label: 'urges this period' },
    ]);
  });

  it('after a contact in this period, counts the days since, never a big 0', () => {
    const three = progress(input(10, { periodResisted: 36, lastContactDay: on(7) }));
    expect(three.header).toContainEqual({ value: '3', label: 'days without contact' });
    const today = progress(input(10, { periodResisted: 36, lastContactDay: on(10) }));
    expect(figures(today).some((f) => f.label.includes('without contact'))).toBe(false);
    expect(today.contactNote).toMatch(/start again from today/);
  });

  it('leaves out the days without contact when no contact happened in the period: the day count already says it', () => {
    for (const last of [null, '2026-10-20']) {
      const p = progress(input(10, { periodResisted: 4, lastContactDay: last }));
      expect(figures(p).some((f) => f.label.includes('without contact'))).toBe(false);
      expect(p.contactNote).toBeNull();
    }
  });

  it('never leads with the days since going on, nor counts it anywhere', () => {
    const p = progress(input(10, { periodResisted: 2, periodTotal: 5 }));
    expect(JSON.stringify(p)).not.toMatch(/gave|giving|went on|since/i);
  });

  it('on day 1 shows only what means something: no week share, no period count', () => {
    expect(progress(input(1)).row).toEqual([{ value: '0', label: 'urges today' }]);
    const busy = progress(input(1, { today: 3, week: { total: 3, resisted: 2 }, periodTotal: 3, periodResisted: 2 }));
    expect(busy.header).toEqual([{ value: '2', label: 'urges ridden out' }]);
    expect(busy.row).toEqual([{ value: '3', label: 'urges today' }]);
    // One urge on day 1, ridden out: said once, as the headline, even though it is also "1".
    const one = progress(input(1, { today: 1, week: { total: 1, resisted: 1 }, periodTotal: 1, periodResisted: 1 }));
    expect(one.header).toEqual([{ value: '1', label: 'urge ridden out' }]);
    expect(one.row).toEqual([]);
  });

  it('fits each label to its number', () => {
    const p = progress(input(9, { today: 1, periodResisted: 5, periodTotal: 6, lastContactDay: on(8) }));
    expect(p.header).toEqual([
      { value: '5', label: 'urges ridden out' },
      { value: '1', label: 'day without contact' },
    ]);
    expect(p.row).toEqual([
      { value: '1', label: 'urge today' },
      { value: '6', label: 'urges this period' },
    ]);
  });

  it('never counts the same urges twice, nor repeats the day count as a streak, in any state', () => {
    const random = seeded(7);
    const pick = (n: number) => Math.floor(random() * n);
    for (let i = 0; i < 2000; i++) {
      const day = 1 + pick(60);
      const today = pick(4);
      const weekTotal = today + pick(6);
      const periodTotal = weekTotal + pick(30);
      const periodResisted = pick(periodTotal + 1);
      const contact = pick(3) === 0 ? on(1 + pick(day)) : pick(2) ? null : '2026-10-01';
      const p = progress(
        input(day, {
          today,
          week: { total: weekTotal, resisted: pick(weekTotal + 1) },
          periodTotal,
          periodResisted,
          lastContactDay: contact,
        }),
      );
      const seen = JSON.stringify(p);
      const value = (label: RegExp) => [...p.header, ...p.row].find((f) => label.test(f.label))?.value;
      // No streak reads 0 or repeats the day number.
      const streak = value(/without contact/);
      expect(streak === '0' || streak === String(day), seen).toBe(false);
      // The period's urges never repeat today's, nor the ridden out when they are all of them.
      const period = value(/this period/);
      if (period !== undefined) {
        expect(period, seen).not.toBe(value(/today/));
        expect(period, seen).not.toBe(value(/ridden out/));
      }
      // Nothing about the week or the period on day 1.
      if (day === 1) expect(value(/this week|this period/), seen).toBeUndefined();
      // Nothing about going on.
      expect(seen).not.toMatch(/gave|giving|went on|since/i);
    }
  });

  it('says a count cannot be read rather than showing a number', () => {
    expect(progress({ ...input(5), counts: null })).toEqual({
      header: [],
      contactNote: null,
      row: [{ value: '–', label: 'urges today' }],
    });
    const p = progress(input(5, { lastContactDay: '1970-01-01' }));
    expect(p.header).toEqual([{ value: '–', label: 'days without contact' }]);
  });
});
