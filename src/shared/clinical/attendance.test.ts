import { describe, expect, it } from 'vitest';
import type { WeekAttendance } from '../contract/assessments';
import { attendanceByMonth, recentFrom, recentSessions } from './attendance';

const week = (weekOf: string, attended: number, other: Partial<WeekAttendance> = {}): WeekAttendance => ({
  weekOf,
  attended,
  didNotAttend: 0,
  cancelled: 0,
  heldForSafety: 0,
  planned: 2,
  adherencePercent: null,
  ...other,
});

describe('recent window of the session charts', () => {
  it('starts on the Monday 25 weeks before this week, so 26 weeks show', () => {
    // Sunday 29 Nov 2026: this week began Monday 23 Nov; 25 weeks earlier is Monday 1 Jun.
    expect(recentFrom('2026-11-29')).toBe('2026-06-01');
    expect(recentFrom('2026-11-30')).toBe('2026-06-08');
  });

  it('keeps every week from that Monday to this one, weeks without a session empty', () => {
    const charts = {
      attendance: [week('2026-05-25', 2), week('2026-06-08', 1), week('2026-11-16', 2)],
      sessionScores: [
        { date: '2026-05-27', rpe: 12, fatigue: 3, pain: 1 },
        { date: '2026-06-10', rpe: 13, fatigue: 2, pain: 0 },
      ],
    };
    const recent = recentSessions(charts, '2026-11-29');
    expect(recent.attendance).toHaveLength(26);
    expect(recent.attendance[0]).toMatchObject({ weekOf: '2026-06-01', attended: 0, adherencePercent: null });
    expect(recent.attendance[1]).toMatchObject({ weekOf: '2026-06-08', attended: 1 });
    expect(recent.attendance.at(-2)).toMatchObject({ weekOf: '2026-11-16', attended: 2 });
    expect(recent.attendance.at(-1)).toMatchObject({ weekOf: '2026-11-23', attended: 0 });
    expect(recent.sessionScores.map((s) => s.date)).toEqual(['2026-06-10']);
    expect(recent.hasEarlier).toBe(true);
  });

  it('starts a newer patient at their first week, and shows nothing when the window has no session', () => {
    const newer = recentSessions({ attendance: [week('2026-11-09', 1)], sessionScores: [] }, '2026-11-29');
    expect(newer.attendance.map((w) => w.weekOf)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
    expect(newer.hasEarlier).toBe(false);
    const lapsed = recentSessions({ attendance: [week('2025-01-06', 2)], sessionScores: [] }, '2026-11-29');
    expect(lapsed.attendance).toEqual([]);
    expect(lapsed.hasEarlier).toBe(true);
  });
});

describe('attendance by month', () => {
  it('shows a month without a session empty, across a year end and up to this month', () => {
    const months = attendanceByMonth([week('2025-11-03', 2), week('2026-02-02', 1)], '2026-04-15');
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(months[1]).toEqual({
      month: '2025-12',
      attended: 0,
      didNotAttend: 0,
      cancelled: 0,
      heldForSafety: 0,
      adherencePercent: null,
    });
  });

  it('sums the weeks whose Monday falls in the month', () => {
    const months = attendanceByMonth(
      [
        week('2026-03-23', 2),
        week('2026-03-30', 1, { didNotAttend: 1, cancelled: 1 }),
        week('2026-04-06', 0, { heldForSafety: 1 }),
      ],
      '2026-04-20',
    );
    expect(months).toEqual([
      { month: '2026-03', attended: 3, didNotAttend: 1, cancelled: 1, heldForSafety: 0, adherencePercent: 75 },
      { month: '2026-04', attended: 0, didNotAttend: 0, cancelled: 0, heldForSafety: 1, adherencePercent: 0 },
    ]);
  });

  it('caps each week at its denominator, as the weekly figure is capped at 100 %', () => {
    // Three attended against a plan of two, then one of two: (2 + 1) / (2 + 2), not 4 / 4.
    expect(attendanceByMonth([week('2026-03-02', 3), week('2026-03-09', 1)], '2026-03-20')[0]!.adherencePercent).toBe(
      75,
    );
  });

  it('uses the sessions offered where no plan was in force, and has no figure with nothing offered', () => {
    const [withOffered, nothing] = attendanceByMonth(
      [
        week('2026-05-04', 1, { planned: null, didNotAttend: 1, cancelled: 2 }),
        week('2026-06-01', 0, { planned: null, cancelled: 1 }),
      ],
      '2026-06-10',
    );
    expect(withOffered!.adherencePercent).toBe(50); // cancelled sessions were not offered
    expect(nothing!.adherencePercent).toBeNull();
  });
});
