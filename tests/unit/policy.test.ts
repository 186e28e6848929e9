import { describe, expect, it } from 'vitest';
import { policyFromSettings } from '@/lib/detection/policy';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

const period = { id: 'p', startDate: '2026-11-01', lengthDays: 30, createdAt: 0, coolOffHours: 24 };
const during = Date.parse('2026-11-10T12:00:00Z');
const after = Date.parse('2026-12-10T12:00:00Z');
const withPerson = {
  ...DEFAULT_SETTINGS,
  person: { id: 'them', otherNames: '', name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' },
};

describe('policyFromSettings', () => {
  it('stops the categories, the person and custom sites during a period', () => {
    expect(policyFromSettings(withPerson, period, during, 'UTC')).toMatchObject({
      categories: { social: true, messaging: true },
      person: [{ platform: 'instagram', handle: 'jordan.rivers' }],
      names: ['Jordan Rivers'],
    });
  });

  it('stops nothing with no period, unless the person was kept on after moving on', () => {
    expect(policyFromSettings(withPerson, null, during, 'UTC')).toBeNull();
    expect(policyFromSettings(withPerson, period, after, 'UTC')).toBeNull();
    expect(policyFromSettings({ ...withPerson, keepPersonAfterPeriod: true }, null, after, 'UTC')).toEqual({
      categories: { social: false, messaging: false },
      person: [{ kind: 'handle', platform: 'instagram', handle: 'jordan.rivers' }],
      names: ['Jordan Rivers'],
      neverContinueToPerson: true,
      custom: [],
    });
  });
});

describe('everyone the user chose', () => {
  const people = {
    ...withPerson,
    person: { ...withPerson.person, otherNames: 'JoJo\n  jordan   RIVERS  \nJordan Rivers-Okafor' },
    others: [
      { id: 'a', name: 'Sam Okafor', otherNames: 'Sammy O', profiles: 'tiktok:@sam.okafor\ninstagram:jordan.rivers' },
      { id: 'b', name: '', otherNames: '', profiles: 'https://www.strava.com/athletes/7' },
      { id: 'c', name: '  ', otherNames: 'Riley Quinn', profiles: '' },
    ],
  };

  it('pauses every name and every profile of everyone, each once, and says nothing of whose', () => {
    const policy = policyFromSettings(people, period, during, 'UTC');
    expect(policy?.names).toEqual([
      'Jordan Rivers',
      'JoJo',
      'Jordan Rivers-Okafor',
      'Sam Okafor',
      'Sammy O',
      'Riley Quinn',
    ]);
    expect(policy?.person).toEqual([
      { kind: 'handle', platform: 'instagram', handle: 'jordan.rivers' },
      { kind: 'handle', platform: 'tiktok', handle: 'sam.okafor' },
      { kind: 'page', host: 'strava.com', path: '/athletes/7' },
    ]);
    expect(JSON.stringify(policy)).not.toContain('"a"');
  });

  it('keeps pausing everyone after moving on, when the user chose that', () => {
    const policy = policyFromSettings({ ...people, keepPersonAfterPeriod: true }, null, after, 'UTC');
    expect(policy?.names).toContain('Sam Okafor');
    expect(policy?.person).toContainEqual({ kind: 'page', host: 'strava.com', path: '/athletes/7' });
  });
});
