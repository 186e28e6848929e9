import { describe, expect, it } from 'vitest';
import { ordinal } from '@/components/format';
import { LIBRARY } from '@/content/library';
import { answerIsEnough, needsTypedAnswer, pauseFor, wordCount } from '@/lib/pause/escalation';
import {
  isLateNight,
  NO_REPEAT_WINDOW,
  type PromptMoment,
  REMEMBERED,
  rememberShown,
  selectAlternatives,
  selectOwnWords,
  selectPrompt,
} from '@/lib/pause/select-prompt';
import { seeded } from './random';

const byId = new Map(LIBRARY.map((i) => [i.id, i]));
const noon: Omit<PromptMoment, 'context'> = { hour: 12, day: { day: 15, of: 30 }, recent: [] };

function sample(moment: PromptMoment, n = 400, seed = 7) {
  const random = seeded(seed);
  return Array.from({ length: n }, () => selectPrompt(moment, random));
}

const share = (items: { theme: string }[], themes: string[]) =>
  items.filter((i) => themes.includes(i.theme)).length / items.length;

describe('selectPrompt', () => {
  it.each(['feed', 'profile', 'messaging', 'search'] as const)(
    'only picks prompts that fit the %s context by day',
    (context) => {
      for (const item of sample({ ...noon, context })) {
        expect(item.contexts).toContain(context);
        expect(['question', 'reminder']).toContain(item.kind);
      }
    },
  );

  it('treats 23:00 to 05:00 as late night and leans on late-night prompts then', () => {
    expect([22, 23, 0, 4, 5].map(isLateNight)).toEqual([false, true, true, true, false]);
    const lateShare = (hour: number) =>
      sample({ ...noon, hour, context: 'feed' }).filter((i) => i.contexts.includes('late-night')).length / 400;
    expect(lateShare(1)).toBeGreaterThan(lateShare(12) + 0.15);
    // Late at night, a late-night prompt may be shown even where it does not name the page.
    expect(sample({ ...noon, hour: 2, context: 'search' }).some((i) => !i.contexts.includes('search'))).toBe(true);
  });

  it('leans on "urges pass" and "why no contact" in the first week', () => {
    const early = sample({ ...noon, context: 'feed', day: { day: 2, of: 30 } });
    const middle = sample({ ...noon, context: 'feed', day: { day: 15, of: 30 } });
    expect(share(early, ['urges-pass', 'why-no-contact'])).toBeGreaterThan(
      share(middle, ['urges-pass', 'why-no-contact']) + 0.2,
    );
  });

  it('leans on readiness in the last week', () => {
    const last = sample({ ...noon, context: 'profile', day: { day: 26, of: 30 } });
    const middle = sample({ ...noon, context: 'profile', day: { day: 15, of: 30 } });
    expect(share(last, ['readiness'])).toBeGreaterThan(share(middle, ['readiness']) + 0.15);
  });

  it('gives their profile the strongest themes', () => {
    const profile = sample({ ...noon, context: 'profile' });
    expect(share(profile, ['cost-of-contact', 'why-reaching', 'on-off-cycle', 'why-no-contact'])).toBeGreaterThan(0.6);
  });

  it('never repeats one of the last 10 shown, over a long run', () => {
    const random = seeded(42);
    let recent: string[] = [];
    const shown: string[] = [];
    for (let i = 0; i < 300; i++) {
      const item = selectPrompt(
        { ...noon, context: (['feed', 'messaging', 'profile', 'search'] as const)[i % 4] ?? 'feed', recent },
        random,
      );
      expect(recent.slice(-NO_REPEAT_WINDOW)).not.toContain(item.id);
      shown.push(item.id);
      recent = rememberShown(recent, [item.id]);
      expect(recent.length).toBeLessThanOrEqual(REMEMBERED);
    }
    for (let i = NO_REPEAT_WINDOW; i < shown.length; i++) {
      expect(shown.slice(i - NO_REPEAT_WINDOW, i)).not.toContain(shown[i]);
    }
  });

  it('is repeatable with the same seed and varies with another', () => {
    const moment: PromptMoment = { ...noon, context: 'messaging' };
    expect(sample(moment, 20, 1).map((i) => i.id)).toEqual(sample(moment, 20, 1).map((i) => i.id));
    expect(sample(moment, 20, 1).map((i) => i.id)).not.toEqual(sample(moment, 20, 2).map((i) => i.id));
  });

  const contexts = ['feed', 'profile', 'messaging', 'search'] as const;
  const moments: PromptMoment[] = contexts.flatMap((context) =>
    [12, 1].flatMap((hour) =>
      [{ day: 1, of: 30 }, { day: 28, of: 30 }, null].map((day) => ({ context, hour, day, recent: [] })),
    ),
  );

  it('asks only open questions when going on takes a typed answer, at every kind of page and hour', () => {
    const random = seeded(3);
    for (const moment of moments) {
      for (let i = 0; i < 30; i++) {
        const item = selectPrompt(moment, random, true);
        expect(item.kind).toBe('question');
        expect(item.open).toBe(true);
      }
    }
  });

  it('marks as open only questions that cannot be answered yes or no', () => {
    const open = LIBRARY.filter((item) => item.open);
    expect(open.length).toBeGreaterThanOrEqual(10);
    for (const item of open) {
      expect(item.kind).toBe('question');
      // Every question in it asks what, where, how or why, and none starts as a yes-or-no question does.
      const questions = item.text.split(/(?<=[.?!”])\s+/).filter((sentence) => sentence.endsWith('?'));
      expect(questions.length, item.id).toBeGreaterThan(0);
      for (const question of questions) {
        expect(question, item.id).toMatch(/\b(what|where|how|why)\b/i);
        expect(question, item.id).not.toMatch(
          /^(is|are|am|do|does|did|can|could|would|will|have|has|should|was|were)\b/i,
        );
      }
    }
  });

  it('keeps words about a slip, their message or an unanswered one until that contact is on record', () => {
    const random = seeded(5);
    const themes = (contacts: PromptMoment['contacts']) => {
      const seen = new Set<string>();
      for (const moment of moments) {
        for (let i = 0; i < 60; i++) seen.add(selectPrompt({ ...moment, contacts }, random).theme);
        for (const a of selectAlternatives({ ...moment, contacts }, random)) seen.add(a.theme);
      }
      return seen;
    };
    const none = themes(undefined);
    expect(none.has('if-i-slip')).toBe(false);
    expect(none.has('why-they-reach-out')).toBe(false);
    expect(none.has('no-reply')).toBe(false);
    const theyWrote = themes({ any: true, fromThem: true, fromMe: false });
    expect(theyWrote.has('why-they-reach-out')).toBe(true);
    expect(theyWrote.has('if-i-slip')).toBe(true);
    expect(theyWrote.has('no-reply')).toBe(false);
    const iWrote = themes({ any: true, fromThem: false, fromMe: true });
    expect(iWrote.has('no-reply')).toBe(true);
    expect(iWrote.has('why-they-reach-out')).toBe(false);
  });

  it('remembers forty visits of one prompt, three alternatives and one of the person’s own words', () => {
    expect(REMEMBERED).toBe(NO_REPEAT_WINDOW * 5);
  });

  it.each(['feed', 'profile', 'messaging', 'search'] as const)(
    'over a month of ten pauses a day on a %s page, shows no prompt more than 8 times, nor within 20 pauses of its last showing',
    (context) => {
      const random = seeded(2026);
      let recent: string[] = [];
      const count = new Map<string, number>();
      const last = new Map<string, number>();
      // Through the day and into the night, every day of a 30-day period.
      const hours = [8, 11, 13, 16, 18, 20, 22, 23, 1, 3];
      for (let day = 1; day <= 30; day++) {
        for (const [k, hour] of hours.entries()) {
          const n = (day - 1) * hours.length + k;
          const moment: PromptMoment = { context, hour, day: { day, of: 30 }, recent };
          const prompt = selectPrompt(moment, random);
          const alternatives = selectAlternatives(moment, random);
          recent = rememberShown(recent, [prompt.id, ...alternatives.map((a) => a.id), 'plan-0']);
          const seen = last.get(prompt.id);
          if (seen !== undefined) expect(n - seen, `${prompt.id} at pause ${n}`).toBeGreaterThan(20);
          last.set(prompt.id, n);
          count.set(prompt.id, (count.get(prompt.id) ?? 0) + 1);
        }
      }
      expect(Math.max(...count.values())).toBeLessThanOrEqual(8);
    },
  );

  it('rotates the things to do instead from one visit to the next, and keeps prompts from repeating too', () => {
    const random = seeded(11);
    let recent: string[] = [];
    let before: string[] = [];
    const prompts: string[] = [];
    for (let i = 0; i < 60; i++) {
      const moment: PromptMoment = { ...noon, context: 'feed', recent };
      const prompt = selectPrompt(moment, random);
      const alts = selectAlternatives(moment, random).map((a) => a.id);
      expect(alts.filter((id) => before.includes(id))).toEqual([]);
      expect(prompts.slice(-NO_REPEAT_WINDOW)).not.toContain(prompt.id);
      prompts.push(prompt.id);
      before = alts;
      recent = rememberShown(recent, [prompt.id, ...alts]);
    }
  });

  it('picks three different alternatives that fit', () => {
    const random = seeded(9);
    for (let i = 0; i < 50; i++) {
      const alts = selectAlternatives({ ...noon, hour: 1, context: 'messaging' }, random);
      expect(alts).toHaveLength(3);
      expect(new Set(alts.map((a) => a.id)).size).toBe(3);
      for (const a of alts) expect(byId.get(a.id)?.kind).toBe('alternative');
    }
  });
});

describe('selectOwnWords', () => {
  it('shows nothing of theirs when they wrote nothing', () => {
    expect(selectOwnWords({ plans: [], calmNote: '  ' }, [])).toBeNull();
  });

  it('takes turns through every plan and the note, in the order written, and back again', () => {
    const own = { plans: ['When A, I will B.', 'When C, I will D.'], calmNote: 'You chose this.' };
    let recent: string[] = [];
    const shown: string[] = [];
    for (let i = 0; i < 6; i++) {
      const words = selectOwnWords(own, recent);
      shown.push(words?.text ?? '');
      // Between their own words, the library's prompts and alternatives are remembered too.
      recent = rememberShown(recent, [words?.id ?? '', 'urge-notice', 'alt-walk']);
    }
    expect(shown).toEqual([
      'When A, I will B.',
      'When C, I will D.',
      'You chose this.',
      'When A, I will B.',
      'When C, I will D.',
      'You chose this.',
    ]);
    expect(selectOwnWords(own, [])?.kind).toBe('plan');
    expect(selectOwnWords({ plans: [], calmNote: 'Hold on.' }, [])).toEqual({
      id: 'own:note',
      kind: 'note',
      text: 'Hold on.',
    });
  });
});

describe('escalation', () => {
  it('doubles the pause with each further urge in the hour, up to a minute', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => pauseFor(10, n))).toEqual([10, 20, 40, 60, 60, 60]);
    expect([0, 1, 2].map((n) => pauseFor(15, n))).toEqual([15, 30, 60]);
  });

  it('asks for a typed answer from the third urge in an hour', () => {
    expect([0, 1, 2, 3].map(needsTypedAnswer)).toEqual([false, false, true, true]);
  });

  it('wants at least a few real words', () => {
    expect(wordCount('  I miss   them ')).toBe(3);
    expect(answerIsEnough('I miss them')).toBe(true);
    expect(answerIsEnough('just because')).toBe(false);
    expect(answerIsEnough('... ... ...')).toBe(false);
    expect(answerIsEnough('je suis seule')).toBe(true);
  });

  it('says the attempt calmly', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 102].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '102nd',
    ]);
  });
});
