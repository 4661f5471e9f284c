import { describe, expect, it } from 'vitest';
import {
  adherence,
  cycleAdjustment,
  defaultCycleRule,
  heartRateTargetAllowed,
  intensityAnchors,
  isHeavyLoad,
  type AttendanceRecord,
} from './prescription';

describe('heartRateTargetAllowed', () => {
  it('warns that HR targets are unreliable on a beta-blocker, and asks for a reason instead of refusing', () => {
    expect(heartRateTargetAllowed(['opioid', 'beta_blocker'])).toMatchObject({
      allowed: false,
      medicines: 'Beta-blocker',
      reason:
        'HR targets are unreliable on beta-blockers; use RPE 11–13 / talk test, or record why a target range is used (e.g. one set by the doctor)',
    });
    expect(heartRateTargetAllowed(['opioid'])).toEqual({ allowed: true, reason: null, source: null, medicines: '' });
    expect(heartRateTargetAllowed([]).allowed).toBe(true);
  });

  it('treats diltiazem, verapamil, ivabradine and digoxin like a beta-blocker (issue 20), saying the list is unchecked', () => {
    const verdict = heartRateTargetAllowed(['heart_rate_lowering']);
    expect(verdict).toMatchObject({ allowed: false, medicines: 'Other heart-rate-lowering medicine' });
    expect(verdict.reason).toMatch(/heart-rate-lowering medicines/);
    expect(verdict.source).toMatch(/not checked against the text here/);
    expect(heartRateTargetAllowed(['beta_blocker', 'heart_rate_lowering']).medicines).toBe(
      'Beta-blocker and other heart-rate-lowering medicine',
    );
  });
});

describe('intensityAnchors', () => {
  it('gives the Campbell 2019 anchors, marked unverified', () => {
    expect(intensityAnchors.moderate).toMatchObject({
      hrrPercent: { min: 40, max: 59 },
      rpe6to20: { min: 12, max: 13 },
      verified: false,
    });
    expect(intensityAnchors.vigorous).toMatchObject({
      hrrPercent: { min: 60, max: 89 },
      rpe6to20: { min: 14, max: 17 },
      verified: false,
    });
    expect(intensityAnchors.moderate.source).toMatch(/Campbell/);
    expect(intensityAnchors.deconditioned.rpe6to20).toEqual({ min: 11, max: 13 });
  });
});

describe('isHeavyLoad', () => {
  it('treats 8RM or fewer, or 80% 1RM or more, as heavy', () => {
    expect(isHeavyLoad({ repMax: 8 })).toBe(true);
    expect(isHeavyLoad({ repMax: 9 })).toBe(false);
    expect(isHeavyLoad({ percent1RM: 80 })).toBe(true);
    expect(isHeavyLoad({ percent1RM: 79 })).toBe(false);
    expect(isHeavyLoad({})).toBe(false);
  });
});

describe('cycleAdjustment', () => {
  it('uses days 1–5 by default', () => {
    expect(cycleAdjustment(null, 0).lighter).toBe(false);
    expect(cycleAdjustment(null, 1)).toEqual({ lighter: true, note: defaultCycleRule.note });
    expect(cycleAdjustment(null, 5).lighter).toBe(true);
    expect(cycleAdjustment(null, 6).lighter).toBe(false);
    expect(cycleAdjustment(null, null)).toEqual({ lighter: false, note: 'No treatment cycle recorded.' });
  });

  it('follows a clinic rule', () => {
    const rule = { lighterFromDay: 2, lighterToDay: 7, note: 'Week after infusion' };
    expect(cycleAdjustment(rule, 1).lighter).toBe(false);
    expect(cycleAdjustment(rule, 7)).toEqual({ lighter: true, note: 'Week after infusion' });
    expect(cycleAdjustment(rule, 8).note).toMatch(/outside/);
  });
});

describe('adherence', () => {
  const records: AttendanceRecord[] = [
    { date: '2026-02-28', attendance: 'attended' },
    { date: '2026-03-02', attendance: 'attended' },
    { date: '2026-03-04', attendance: 'held_for_safety' },
    { date: '2026-03-06', attendance: 'attended' },
    { date: '2026-03-09', attendance: 'cancelled' },
    { date: '2026-03-11', attendance: 'did_not_attend' },
    { date: '2026-03-13', attendance: 'attended' },
    { date: '2026-03-16', attendance: 'attended' },
  ];

  it('counts sessions in the period, inclusive of both ends', () => {
    const summary = adherence(records, '2026-03-02', '2026-03-15', 3);
    expect(summary).toEqual({
      attended: 3,
      offered: 6,
      held: 1,
      cancelled: 1,
      dna: 1,
      attendanceRate: 0.5,
      plannedSessions: 6,
      adherenceToPlan: 0.5,
    });
  });

  it('leaves out the plan when none is given and gives null rates with nothing offered', () => {
    const empty = adherence([], '2026-03-02', '2026-03-08');
    expect(empty.attendanceRate).toBeNull();
    expect('adherenceToPlan' in empty).toBe(false);
    expect(adherence([], '2026-03-02', '2026-03-08', 0).adherenceToPlan).toBeNull();
  });

  it('rejects a period that ends before it starts', () => {
    expect(() => adherence(records, '2026-03-10', '2026-03-01')).toThrow(RangeError);
  });
});
