import type { SessionScorePoint, WeekAttendance } from '../contract/assessments';
import { addWeeks, startOfWeek, type ClinicDate } from '../dates';

/**
 * What the Progress screen's session charts show. A clinician reviewing progress (reassessment is
 * every 8–12 weeks) reads the recent weeks bar by bar; a record of two or three years drawn a bar a
 * week is a few pixels a bar and slow to draw, so the longer history is shown a bar a month.
 */
export const RECENT_WEEKS = 26;

/** The Monday that starts the recent window: this week and the 25 before it. */
export function recentFrom(today: ClinicDate): ClinicDate {
  return startOfWeek(addWeeks(today, -(RECENT_WEEKS - 1)));
}

export interface MonthAttendance {
  /** `YYYY-MM`, the month of each week's Monday. */
  month: string;
  attended: number;
  didNotAttend: number;
  cancelled: number;
  heldForSafety: number;
  /** Attended as a share of planned sessions, week by week as on the weekly chart, summed over the month. */
  adherencePercent: number | null;
}

/**
 * Weeks grouped by the month their Monday falls in. Adherence sums each week's attended sessions
 * (capped at that week's denominator, as the weekly figure is capped at 100 %) over the sum of the
 * weeks' denominators: the plan's sessions a week where a plan was in force, else the sessions
 * offered (attended, did not attend, held for safety).
 */
export function attendanceByMonth(weeks: readonly WeekAttendance[], today: ClinicDate): MonthAttendance[] {
  const months: MonthAttendance[] = [];
  let current: MonthAttendance | null = null;
  let counted = 0;
  let of = 0;
  const open = (month: string) => {
    current = { month, attended: 0, didNotAttend: 0, cancelled: 0, heldForSafety: 0, adherencePercent: null };
    months.push(current);
    counted = 0;
    of = 0;
    return current;
  };
  for (const w of weeks) {
    const month = w.weekOf.slice(0, 7);
    if (!current || current.month !== month) {
      // A month without a session is shown empty, so the axis keeps time and a break is visible.
      if (current) for (let m = nextMonth(current.month); m < month; m = nextMonth(m)) open(m);
      current = open(month);
    }
    current.attended += w.attended;
    current.didNotAttend += w.didNotAttend;
    current.cancelled += w.cancelled;
    current.heldForSafety += w.heldForSafety;
    const denominator = w.planned ?? w.attended + w.didNotAttend + w.heldForSafety;
    if (denominator > 0) {
      counted += Math.min(w.attended, denominator);
      of += denominator;
      current.adherencePercent = Math.round((counted / of) * 100);
    }
  }
  const last = (current as MonthAttendance | null)?.month;
  if (last) for (let m = nextMonth(last); m <= today.slice(0, 7); m = nextMonth(m)) open(m);
  return months;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A week with nothing recorded yet (the server fills it in; the charts show it empty). */
export const emptyWeek = (weekOf: ClinicDate): WeekAttendance => ({
  weekOf,
  attended: 0,
  didNotAttend: 0,
  cancelled: 0,
  heldForSafety: 0,
  planned: null,
  adherencePercent: null,
});

export interface SessionChartWindow {
  attendance: WeekAttendance[];
  sessionScores: SessionScorePoint[];
  /** Whether anything falls before the recent window (so "all" would show more). */
  hasEarlier: boolean;
}

/** The recent window of the weekly attendance and the per-session scores (both in date order). */
export function recentSessions(
  charts: { attendance: readonly WeekAttendance[]; sessionScores: readonly SessionScorePoint[] },
  today: ClinicDate,
): SessionChartWindow {
  const from = recentFrom(today);
  const recent = charts.attendance.filter((w) => w.weekOf >= from);
  const sessionScores = charts.sessionScores.filter((s) => s.date >= from);
  const hasEarlier = recent.length < charts.attendance.length || sessionScores.length < charts.sessionScores.length;
  // Every week from the window's first Monday (or the first week with a session, for a newer
  // patient) to this week, a week without a session shown empty, so the axis keeps time and a
  // break in attendance is visible.
  const attendance: WeekAttendance[] = [];
  if (recent.length > 0) {
    const thisWeek = startOfWeek(today);
    let next = 0;
    for (let monday = hasEarlier ? from : recent[0]!.weekOf; monday <= thisWeek; monday = addWeeks(monday, 1)) {
      if (recent[next]?.weekOf === monday) attendance.push(recent[next++]!);
      else attendance.push(emptyWeek(monday));
    }
  }
  return { attendance, sessionScores, hasEarlier };
}
