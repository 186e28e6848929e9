import { describe, expect, it } from 'vitest';
import { addDays, dayKeyOf, daysBetween, isDayKey, localTime, startOfDay } from '@/lib/period/calendar';
import { isPeriodActive, periodStatus, validatePeriodForm } from '@/lib/period/period';

const period = (startDate: string, lengthDays = 30) => ({
  id: 'p',
  startDate,
  lengthDays,
  createdAt: 0,
  coolOffHours: 24,
});

describe('calendar days', () => {
  it.each([
    // instant, zone, local day
    ['2026-03-08T04:59:00Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'],
    ['2026-11-22T23:30:00Z', 'Europe/London', '2026-11-22'],
    ['2026-11-22T23:30:00Z', 'Europe/Berlin', '2026-11-23'],
    ['2026-11-22T14:00:00Z', 'Pacific/Kiritimati', '2026-11-23'],
    ['2026-11-22T14:00:00Z', 'Pacific/Pago_Pago', '2026-11-22'],
    ['2026-06-30T18:29:00Z', 'Asia/Kolkata', '2026-06-30'],
    ['2026-06-30T18:30:00Z', 'Asia/Kolkata', '2026-07-01'],
  ])('%s in %s is %s', (iso, zone, day) => {
    expect(dayKeyOf(Date.parse(iso), zone)).toBe(day);
  });

  it('reads hour and weekday on the local clock', () => {
    expect(localTime(Date.parse('2026-11-23T04:30:00Z'), 'America/Los_Angeles')).toEqual({
      day: '2026-11-22',
      hour: 20,
      minute: 30,
      weekday: 0,
    });
  });

  it('adds and counts calendar days across month, year and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('counts a DST day as one day, whichever way the clocks go', () => {
    // US spring forward (23-hour day) and fall back (25-hour day).
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    const springStart = startOfDay('2026-03-08', 'America/New_York');
    const nextStart = startOfDay('2026-03-09', 'America/New_York');
    expect(nextStart - springStart).toBe(23 * 3_600_000);
    const fallStart = startOfDay('2026-11-01', 'America/New_York');
    expect(startOfDay('2026-11-02', 'America/New_York') - fallStart).toBe(25 * 3_600_000);
  });

  it('finds the start of a day in zones ahead of and behind UTC', () => {
    expect(new Date(startOfDay('2026-11-23', 'Asia/Tokyo')).toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(new Date(startOfDay('2026-11-23', 'America/Chicago')).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(new Date(startOfDay('2026-07-01', 'Asia/Kathmandu')).toISOString()).toBe('2026-06-30T18:15:00.000Z');
  });

  it('rejects dates that do not exist', () => {
    expect(isDayKey('2026-02-29')).toBe(false);
    expect(isDayKey('2028-02-29')).toBe(true);
    expect(isDayKey('2026-13-01')).toBe(false);
    expect(isDayKey('26-01-01')).toBe(false);
  });
});

describe('periodStatus', () => {
  it('counts day 1 on the start date and day M on the last day', () => {
    expect(periodStatus(period('2026-11-01'), '2026-11-01')).toMatchObject({
      state: 'active',
      day: 1,
      lengthDays: 30,
      daysLeft: 30,
    });
    expect(periodStatus(period('2026-11-01'), '2026-11-30')).toMatchObject({ state: 'active', day: 30, daysLeft: 1 });
    expect(periodStatus(period('2026-11-01'), '2026-12-01')).toMatchObject({ state: 'ended', endDate: '2026-12-01' });
  });

  it('is upcoming before the start date', () => {
    expect(periodStatus(period('2026-11-10'), '2026-11-09').state).toBe('upcoming');
  });

  it('counts calendar days through a DST change', () => {
    // Started the Saturday before US clocks spring forward; Monday is day 3 however long Sunday was.
    const p = period('2026-03-07');
    const mondayMorning = Date.parse('2026-03-09T04:30:00Z'); // 00:30 in New York, 21:30 Sunday in LA
    expect(periodStatus(p, dayKeyOf(mondayMorning, 'America/New_York'))).toMatchObject({ day: 3 });
    expect(periodStatus(p, dayKeyOf(mondayMorning, 'America/Los_Angeles'))).toMatchObject({ day: 2 });
  });

  it('turns over at local midnight, not at UTC midnight', () => {
    const p = period('2026-11-01', 7);
    const beforeMidnight = Date.parse('2026-11-08T04:59:59Z'); // 23:59:59 on the 7th in New York
    const afterMidnight = Date.parse('2026-11-08T05:00:00Z');
    expect(isPeriodActive(p, beforeMidnight, 'America/New_York')).toBe(true);
    expect(isPeriodActive(p, afterMidnight, 'America/New_York')).toBe(false);
    expect(isPeriodActive(null, afterMidnight)).toBe(false);
  });
});

describe('validatePeriodForm', () => {
  const today = '2026-11-23';

  it('accepts today and a backdated start within a year', () => {
    expect(validatePeriodForm({ startDate: today, lengthDays: '30', coolOffHours: '24' }, today)).toEqual({
      ok: true,
      value: { startDate: today, lengthDays: 30, coolOffHours: 24 },
    });
    expect(
      validatePeriodForm({ startDate: '2026-11-01', lengthDays: ' 45 ', coolOffHours: '24' }, today),
    ).toMatchObject({
      ok: true,
      value: { lengthDays: 45 },
    });
    expect(validatePeriodForm({ startDate: '2025-11-24', lengthDays: '365', coolOffHours: '24' }, today).ok).toBe(true);
    expect(validatePeriodForm({ startDate: '2025-11-23', lengthDays: '365', coolOffHours: '24' }, today).ok).toBe(
      false,
    );
  });

  it('takes a cool-off of 1 to 72 hours', () => {
    for (const hours of ['1', '24', ' 72 ']) {
      expect(validatePeriodForm({ startDate: today, lengthDays: '30', coolOffHours: hours }, today)).toMatchObject({
        ok: true,
        value: { coolOffHours: Number(hours) },
      });
    }
  });

  it.each([
    [{ startDate: '2026-11-24', lengthDays: '30', coolOffHours: '24' }, 'startDate', /future/],
    [{ startDate: '2025-11-22', lengthDays: '365', coolOffHours: '24' }, 'startDate', /a year/],
    [{ startDate: '', lengthDays: '30', coolOffHours: '24' }, 'startDate', /Choose/],
    [{ startDate: '2026-02-30', lengthDays: '30', coolOffHours: '24' }, 'startDate', /real date/],
    [{ startDate: today, lengthDays: '0', coolOffHours: '24' }, 'lengthDays', /between 7 and 365/],
    [{ startDate: today, lengthDays: '6', coolOffHours: '24' }, 'lengthDays', /between 7 and 365/],
    [{ startDate: today, lengthDays: '366', coolOffHours: '24' }, 'lengthDays', /between 7 and 365/],
    [{ startDate: today, lengthDays: '1000', coolOffHours: '24' }, 'lengthDays', /between 7 and 365/],
    [{ startDate: today, lengthDays: 'abc', coolOffHours: '24' }, 'lengthDays', /whole number/],
    [{ startDate: today, lengthDays: '30.5', coolOffHours: '24' }, 'lengthDays', /whole number/],
    [{ startDate: today, lengthDays: '-30', coolOffHours: '24' }, 'lengthDays', /whole number/],
    [{ startDate: today, lengthDays: '', coolOffHours: '24' }, 'lengthDays', /whole number/],
    [{ startDate: '2026-10-01', lengthDays: '30', coolOffHours: '24' }, 'lengthDays', /already ended/],
    [{ startDate: today, lengthDays: '30', coolOffHours: '0' }, 'coolOffHours', /from 1 to 72/],
    [{ startDate: today, lengthDays: '30', coolOffHours: '73' }, 'coolOffHours', /from 1 to 72/],
    [{ startDate: today, lengthDays: '30', coolOffHours: '1.5' }, 'coolOffHours', /whole number/],
    [{ startDate: today, lengthDays: '30', coolOffHours: '' }, 'coolOffHours', /whole number/],
  ])('rejects %j with an error on %s', (form, field, message) => {
    const result = validatePeriodForm(form, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as 'startDate' | 'lengthDays' | 'coolOffHours']).toMatch(message);
  });
});
