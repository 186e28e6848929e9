import { describe, expect, it } from 'vitest';
import { policyFromSettings } from '@/lib/detection/policy';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';

const period = { id: 'p', startDate: '2026-11-01', lengthDays: 30, createdAt: 0, coolOffHours: 24 };
const during = Date.parse('2026-11-10T12:00:00Z');
const after = Date.parse('2026-12-10T12:00:00Z');
const withPerson = { ...DEFAULT_SETTINGS, person: { name: 'Jordan Rivers', profiles: 'instagram:jordan.rivers' } };

describe('policyFromSettings', () => {
  it('stops the categories, the person and custom sites during a period', () => {
    expect(policyFromSettings(withPerson, period, during, 'UTC')).toMatchObject({
      categories: { social: true, messaging: true },
      person: [{ platform: 'instagram', handle: 'jordan.rivers' }],
      name: 'Jordan Rivers',
    });
  });

  it('stops nothing with no period, unless the person was kept on after moving on', () => {
    expect(policyFromSettings(withPerson, null, during, 'UTC')).toBeNull();
    expect(policyFromSettings(withPerson, period, after, 'UTC')).toBeNull();
    expect(policyFromSettings({ ...withPerson, keepPersonAfterPeriod: true }, null, after, 'UTC')).toEqual({
      categories: { social: false, messaging: false },
      person: [{ kind: 'handle', platform: 'instagram', handle: 'jordan.rivers' }],
      name: 'Jordan Rivers',
      neverContinueToPerson: true,
      custom: [],
    });
  });
});
