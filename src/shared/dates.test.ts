import { describe, expect, it } from 'vitest';
import { addDays, ageOn, daysBetween, formatClinicDate, isClinicDate, startOfWeek } from './dates';

describe('clinic dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isClinicDate('2024-02-29')).toBe(true);
    expect(isClinicDate('2025-02-29')).toBe(false);
    expect(isClinicDate('2025-13-01')).toBe(false);
    expect(isClinicDate('25-01-01')).toBe(false);
  });
  it('counts whole days across a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
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
});
