import { describe, expect, it } from 'vitest';
import {
  checkStep,
  cleanPlans,
  firstProblem,
  freshRun,
  joinPhrases,
  pausedPhrases,
  planDrafts,
  planErrors,
  runTouched,
  toSave,
  unreadableLines,
  withChoices,
} from '@/lib/first-run';
import { MAX_CALM_NOTE_LENGTH, MAX_PLAN_LENGTH } from '@/lib/settings/limits';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';

const TODAY = '2026-12-05';

describe('the first run', () => {
  it('starts today, for 30 days, with the protective defaults and three empty plans', () => {
    expect(freshRun(TODAY)).toEqual({
      startDate: TODAY,
      lengthDays: '30',
      name: '',
      otherNames: '',
      profiles: '',
      social: true,
      messaging: true,
      askOnMessaging: true,
      plans: ['', '', ''],
      calmNote: '',
      coolOffHours: '24',
    });
  });

  it('knows when anything was typed, and when it was undone', () => {
    const fresh = freshRun(TODAY);
    expect(runTouched(fresh, fresh)).toBe(false);
    expect(runTouched({ ...fresh, lengthDays: '45' }, fresh)).toBe(true);
    expect(runTouched({ ...fresh, plans: ['', 'x', ''] }, fresh)).toBe(true);
    expect(runTouched({ ...fresh, messaging: false }, fresh)).toBe(true);
    expect(runTouched({ ...fresh, plans: ['', '', ''] }, fresh)).toBe(false);
  });

  it.each([
    ['a future date', { startDate: '2026-12-06' }, 1, { startDate: expect.stringMatching(/can’t be in the future/) }],
    ['more than a year back', { startDate: '2025-12-01' }, 1, { startDate: expect.stringMatching(/a year ago/) }],
    ['no date', { startDate: '' }, 1, { startDate: expect.stringMatching(/Choose the day/) }],
    ['a length that is not a number', { lengthDays: 'abc' }, 1, { lengthDays: expect.stringMatching(/whole number/) }],
    ['a length too short', { lengthDays: '3' }, 1, { lengthDays: expect.stringMatching(/between 7 and 365/) }],
    ['a period already over', { startDate: '2026-10-01' }, 1, { lengthDays: expect.stringMatching(/already ended/) }],
    ['a cool-off of 0', { coolOffHours: '0' }, 5, { coolOffHours: expect.stringMatching(/from 1 to 72/) }],
    ['a cool-off of 73', { coolOffHours: '73' }, 5, { coolOffHours: expect.stringMatching(/from 1 to 72/) }],
    ['a name too long', { name: 'x'.repeat(201) }, 2, { name: expect.stringMatching(/at most 200/) }],
    [
      'profiles too long',
      { profiles: 'instagram:jordan\n'.repeat(700) },
      2,
      { profiles: expect.stringMatching(/at most 10,000 characters; this is 11,900/) },
    ],
    ['a plan too long', { plans: ['', 'x'.repeat(MAX_PLAN_LENGTH + 1), ''] }, 4, { plan1: expect.any(String) }],
    ['a note too long', { calmNote: 'x'.repeat(MAX_CALM_NOTE_LENGTH + 1) }, 4, { calmNote: expect.any(String) }],
  ] as const)('refuses %s on its own step, and only there', (_, change, step, errors) => {
    const run = { ...freshRun(TODAY), ...change };
    expect(checkStep(run, step, TODAY)).toEqual(errors);
    for (const other of [1, 2, 3, 4, 5] as const) {
      if (other !== step) expect(checkStep(run, other, TODAY)).toEqual({});
    }
    expect(firstProblem(run, TODAY)).toEqual({ step, errors });
    expect(toSave(run, TODAY)).toEqual({ ok: false, step, errors });
  });

  it('says nothing of “Nothing was saved” beside a step: nothing is saved until the end anyway', () => {
    const errors = checkStep({ ...freshRun(TODAY), name: 'x'.repeat(201) }, 2, TODAY);
    expect(errors.name).not.toMatch(/Nothing was saved/);
  });

  it('accepts a plan of exactly the limit, spaces around it aside', () => {
    expect(planErrors([` ${'x'.repeat(MAX_PLAN_LENGTH)} `, '', ''], '')).toEqual({});
  });

  it('turns the run into the settings and the period Start saves', () => {
    const run = {
      ...freshRun(TODAY),
      startDate: '2026-12-01',
      lengthDays: '60',
      name: '  Jordan Rivers ',
      otherNames: ' JoJo \n\n Jordan Okafor',
      profiles: 'instagram:jordan.rivers\nnot a profile',
      social: false,
      askOnMessaging: false,
      plans: ['', '  When I want to look, I will walk.  ', 'When I miss them, I will write.'],
      calmNote: '  You are doing well.\n',
      coolOffHours: '48',
    };
    const save = toSave(run, TODAY);
    expect(save).toEqual({
      ok: true,
      choices: {
        categories: { social: false, messaging: true },
        askOnMessaging: false,
        person: {
          id: 'them',
          name: 'Jordan Rivers',
          otherNames: 'JoJo\nJordan Okafor',
          profiles: 'instagram:jordan.rivers\nnot a profile',
        },
        plans: ['When I want to look, I will walk.', 'When I miss them, I will write.'],
        calmNote: 'You are doing well.',
      },
      period: { startDate: '2026-12-01', lengthDays: 60, coolOffHours: 48 },
    });
    if (!save.ok) return;
    const stored = { ...DEFAULT_SETTINGS, pauseSeconds: 20, neverContinueToPerson: false };
    expect(withChoices(stored, save.choices)).toEqual({ ...stored, ...save.choices });
  });

  it('keeps plan fields in place and stores plans trimmed, empty ones dropped', () => {
    expect(planDrafts(['a'])).toEqual(['a', '', '']);
    expect(planDrafts(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(cleanPlans([' ', ' b ', 'c'])).toEqual(['b', 'c']);
  });

  it.each([
    [
      { social: true, messaging: true },
      true,
      '',
      '',
      ['social sites', 'messaging (asking first whether it’s about them)'],
    ],
    [{ social: false, messaging: true }, false, '', '', ['messaging (a full pause)']],
    [
      { social: false, messaging: false },
      true,
      'Jordan',
      'instagram:jordan\nnope',
      ['their profile', 'searches for “Jordan”'],
    ],
    [{ social: false, messaging: false }, true, '', 'instagram:jordan\ntiktok:@jordan', ['their 2 profiles']],
    [{ social: false, messaging: false }, true, ' ', '', []],
  ] as const)('says what is paused: %o', (categories, askOnMessaging, name, profiles, phrases) => {
    expect(pausedPhrases({ categories, askOnMessaging, person: { name, otherNames: '', profiles } })).toEqual(phrases);
  });

  it('counts the lines it can’t read and joins phrases as people write them', () => {
    expect(unreadableLines('instagram:jordan\nnope\n\nalso nope')).toBe(2);
    expect(joinPhrases([])).toBe('');
    expect(joinPhrases(['a'])).toBe('a');
    expect(joinPhrases(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
