import { afterEach, describe, expect, it } from 'vitest';
import {
  parseClockTime,
  addDays,
  ageOn,
  daysBetween,
  defaultDateOrderFor,
  formatClinicDate,
  formatDateAs,
  isClinicDate,
  parseDateAs,
  startOfWeek,
  todayLocal,
} from './dates';

// The test machine runs in UTC, where no clock ever changes: set a zone with daylight saving so these
// checks could fail if date arithmetic slipped into local time.
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('clinic dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isClinicDate('2024-02-29')).toBe(true);
    expect(isClinicDate('2025-02-29')).toBe(false);
    expect(isClinicDate('2025-13-01')).toBe(false);
    expect(isClinicDate('25-01-01')).toBe(false);
  });
  it('counts whole days across a daylight-saving change', () => {
    process.env.TZ = 'Europe/London'; // clocks change on 29 Mar and 25 Oct 2026
    expect(new Date(2026, 2, 30).getTimezoneOffset()).not.toBe(new Date(2026, 2, 28).getTimezoneOffset());
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-03-30', -2)).toBe('2026-03-28');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });
  it("takes today from the clinic's own clock, not UTC", () => {
    process.env.TZ = 'Pacific/Auckland'; // UTC+13 in November
    expect(todayLocal(new Date('2026-11-27T20:00:00Z'))).toBe('2026-11-28');
    process.env.TZ = 'America/New_York'; // UTC−5 in November
    expect(todayLocal(new Date('2026-11-27T03:00:00Z'))).toBe('2026-11-26');
  });
  it('gives age in completed years', () => {
    expect(ageOn('1960-05-10', '2026-05-09')).toBe(65);
    expect(ageOn('1960-05-10', '2026-05-10')).toBe(66);
  });
  it('finds the Monday of the week and formats unambiguously', () => {
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
    expect(formatClinicDate('2026-03-03')).toBe('3 Mar 2026');
  });
  it('agrees with the calendar day by day across two centuries, leap days included', () => {
    let expected = Date.UTC(1899, 11, 25);
    let date = '1899-12-25';
    for (let i = 0; i < 75_000; i++) {
      date = addDays(date, 1);
      expected += 86_400_000;
      expect(date).toBe(new Date(expected).toISOString().slice(0, 10));
    }
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2100-03-01', -1)).toBe('2100-02-28');
    expect(isClinicDate('2024-02-29')).toBe(true);
    expect(isClinicDate('2023-02-29')).toBe(false);
    expect(isClinicDate('2026-04-31')).toBe(false);
    expect(isClinicDate('2026-00-10')).toBe(false);
    expect(isClinicDate('0000-01-01')).toBe(false);
    expect(isClinicDate('0099-12-31')).toBe(false);
  });
});

describe("the clinic's date format", () => {
  it('defaults from the computer locale: day first for en-AU and en-GB, month first for en-US, else ISO', () => {
    expect(defaultDateOrderFor('en-AU')).toBe('DMY');
    expect(defaultDateOrderFor('en_GB')).toBe('DMY');
    expect(defaultDateOrderFor('en-US')).toBe('MDY');
    expect(defaultDateOrderFor('de-DE')).toBe('YMD');
    expect(defaultDateOrderFor('ja')).toBe('YMD');
  });

  it('shows a date with the month named, or in figures when the clinic asks', () => {
    expect(formatDateAs('2026-04-03', { order: 'DMY', monthNames: true })).toBe('3 Apr 2026');
    expect(formatDateAs('2026-04-03', { order: 'MDY', monthNames: true })).toBe('Apr 3, 2026');
    expect(formatDateAs('2026-04-03', { order: 'DMY', monthNames: false })).toBe('03/04/2026');
    expect(formatDateAs('2026-04-03', { order: 'MDY', monthNames: false })).toBe('04/03/2026');
    expect(formatDateAs('2026-04-03', { order: 'YMD', monthNames: true })).toBe('2026-04-03');
    expect(formatDateAs(null, { order: 'DMY', monthNames: true })).toBe('—');
  });

  it("reads 03/04/2026 in the clinic's order only, month names in either order, and ISO always", () => {
    expect(parseDateAs('03/04/2026', 'DMY')).toBe('2026-04-03');
    expect(parseDateAs('03/04/2026', 'MDY')).toBe('2026-03-04');
    expect(parseDateAs('3.4.2026', 'DMY')).toBe('2026-04-03');
    expect(parseDateAs('2026-04-03', 'MDY')).toBe('2026-04-03');
    expect(parseDateAs('3 Apr 2026', 'MDY')).toBe('2026-04-03');
    expect(parseDateAs('April 3, 2026', 'DMY')).toBe('2026-04-03');
    expect(parseDateAs('30 Sept 2026', 'DMY')).toBe('2026-09-30');
    expect(parseDateAs('31/02/2026', 'DMY')).toBeNull();
    expect(parseDateAs('03/04/26', 'DMY')).toBeNull();
    expect(parseDateAs('3 Apx 2026', 'DMY')).toBeNull();
    expect(parseDateAs('2026/04/03', 'DMY')).toBeNull();
    expect(parseDateAs('2026/04/03', 'YMD')).toBe('2026-04-03');
    expect(parseDateAs('', 'DMY')).toBeNull();
  });
});

describe('a time typed on the 24-hour clock', () => {
  it('reads 16:30, 9:05, 9.05, 0905 and 905 as HH:mm', () => {
    expect(parseClockTime('16:30')).toBe('16:30');
    expect(parseClockTime(' 9:05 ')).toBe('09:05');
    expect(parseClockTime('9.05')).toBe('09:05');
    expect(parseClockTime('0905')).toBe('09:05');
    expect(parseClockTime('905')).toBe('09:05');
    expect(parseClockTime('00:00')).toBe('00:00');
    expect(parseClockTime('23:59')).toBe('23:59');
  });

  it('refuses what is not a time of day, and never guesses AM or PM', () => {
    for (const text of ['', '24:00', '12:60', '16:3', '4pm', '4:30 PM', '12345', 'noon']) {
      expect(parseClockTime(text), text).toBeNull();
    }
  });
});
