import { asc, eq, sql } from 'drizzle-orm';
import {
  compareSeries,
  incompletenessOf,
  measureCatalog,
  type MeasureDefinition,
  type ReassessmentState,
} from '../../../shared/clinical/measures';
import type {
  AssessmentKind,
  CaseloadReassessmentFlag,
  ComparisonRow,
  GoalProgressView,
  MeasureSeries,
  ProgressCharts,
  ProgressComparison,
  ProgressOverview,
  SeriesPointView,
  SessionScorePoint,
  ThresholdView,
  WeekAttendance,
} from '../../../shared/contract/assessments';
import { emptyWeek } from '../../../shared/clinical/attendance';
import { daysBetween, todayLocal } from '../../../shared/dates';
import type { GoalCategory, GoalStatus, Sex } from '../../../shared/domain/vocabulary';
import { REASSESSMENT_DUE_WINDOW_DAYS } from '../../../shared/clinical/measures';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { caseloadSummary, exercisePlan, goal, goalMilestone, patient } from '../../db/schema';
import { notFound } from '../../errors';
import { customDefinitions } from './measures';

interface EffectivePoint {
  measureKey: string;
  value: number;
  date: string;
  assessmentId: string;
  kind: string;
  derivedJson: string;
}

/**
 * Every counted result of the patient, grouped by measure in date order: one index range scan.
 * Counted means finalised and not superseded by a finalised amendment (the rule `notSuperseded` in
 * ./schedule states for drizzle queries). Written as SQL on better-sqlite3: the profile of the
 * progress screen showed drizzle's row mapping costing as much as the queries themselves.
 */
export function effectiveSeries(ctx: ServiceContext, patientId: string): Map<string, SeriesPointView[]> {
  const rows = prepared(ctx, 'progress.effective', () =>
    ctx.sqlite.prepare(
      `SELECT r.measure_key AS measureKey, r.value, r.assessed_on AS date, r.assessment_id AS assessmentId, a.kind,
              r.derived_json AS derivedJson
         FROM measure_result r JOIN assessment a ON a.id = r.assessment_id
        WHERE r.patient_id = :patientId AND r.value IS NOT NULL AND a.finalised_at IS NOT NULL
          AND a.id NOT IN (SELECT b.amends_id FROM assessment b
                            WHERE b.patient_id = :patientId AND b.amends_id IS NOT NULL AND b.finalised_at IS NOT NULL)
        ORDER BY r.measure_key, r.assessed_on, a.finalised_at`,
    ),
  ).all({ patientId }) as EffectivePoint[];
  const series = new Map<string, SeriesPointView[]>();
  for (const r of rows) {
    const point: SeriesPointView = {
      date: r.date,
      value: r.value,
      assessmentId: r.assessmentId,
      kind: r.kind as AssessmentKind,
    };
    // Only the ESAS-r total can be partial; other rows skip the JSON parse.
    if (r.measureKey === 'esas_r' && r.derivedJson.includes('missing')) {
      point.incomplete = incompletenessOf(r.measureKey, JSON.parse(r.derivedJson) as Record<string, unknown>);
    }
    const list = series.get(r.measureKey);
    if (list) list.push(point);
    else series.set(r.measureKey, [point]);
  }
  return series;
}

function person(ctx: ServiceContext, patientId: string): { sex: Sex; dateOfBirth: string } {
  const row = prepared(ctx, 'progress.person', () =>
    ctx.db
      .select({ sex: patient.sex, dateOfBirth: patient.dateOfBirth })
      .from(patient)
      .where(eq(patient.id, sql.placeholder('patientId')))
      .prepare(),
  ).get({ patientId });
  if (!row) throw notFound('That patient');
  return { sex: row.sex as Sex, dateOfBirth: row.dateOfBirth };
}

/** Catalog order first (the order the forms use), then the clinic's own measures by name. */
function orderedDefinitions(ctx: ServiceContext, keys: Iterable<string>): MeasureDefinition[] {
  const wanted = new Set(keys);
  const builtIn = Object.values(measureCatalog).filter((d) => wanted.has(d.key));
  const hasCustom = [...wanted].some((k) => k.startsWith('custom.'));
  const custom = hasCustom
    ? [...customDefinitions(ctx).values()].filter((d) => wanted.has(d.key)).sort((a, b) => a.name.localeCompare(b.name))
    : [];
  // ESAS-r symptoms sit right after the ESAS-r total.
  const ordered: MeasureDefinition[] = [];
  for (const def of builtIn) {
    if (def.parent) continue;
    ordered.push(def);
    if (def.key === 'esas_r') ordered.push(...builtIn.filter((d) => d.parent === 'esas_r'));
  }
  return [...ordered, ...custom];
}

function thresholdView(def: MeasureDefinition): ThresholdView | null {
  if (!def.mcid) return null;
  return {
    value: def.mcid.value,
    declineValue: def.mcid.declineValue ?? null,
    kind: def.mcid.kind,
    source: def.mcid.source,
    note: def.mcid.note ?? null,
    provenance: def.mcid.provenance ?? 'published',
    citation: def.mcid.citation ?? def.mcid.source,
  };
}

/**
 * Baseline, previous and current values of every measure with the change and its verdict, from
 * compareSeries in src/shared — the same function letters use, so they say the same thing.
 */
export function progressComparison(ctx: ServiceContext, patientId: string): ProgressComparison {
  return comparisonFrom(ctx, patientId, person(ctx, patientId), effectiveSeries(ctx, patientId));
}

function comparisonFrom(
  ctx: ServiceContext,
  patientId: string,
  who: { sex: Sex; dateOfBirth: string },
  series: Map<string, SeriesPointView[]>,
): ProgressComparison {
  const rows: ComparisonRow[] = [];
  for (const def of orderedDefinitions(ctx, series.keys())) {
    const points = series.get(def.key)!;
    const compared = compareSeries(def, points, who);
    rows.push({
      measureKey: def.key,
      name: def.name,
      shortName: def.shortName,
      unit: def.unit,
      decimals: def.decimals,
      better: def.better,
      parent: def.parent,
      baseline: compared.baseline as SeriesPointView | null,
      baselineKind: compared.baselineKind,
      previous: compared.previous as SeriesPointView | null,
      current: compared.current as SeriesPointView | null,
      changeFromBaseline: compared.changeFromBaseline,
      changeFromPrevious: compared.changeFromPrevious,
      cutoffFlags: compared.cutoffFlags.map(({ id, label, meaning, source, unverified }) => ({
        id,
        label,
        meaning,
        source,
        unverified: unverified === true,
      })),
      mcid: thresholdView(def),
      mcidGap: def.mcidGap,
    });
  }
  return { patientId, rows };
}

/** The value at the baseline assessment, else the first recorded (the same rule as compareSeries). */
function startPoint(points: SeriesPointView[]): SeriesPointView | undefined {
  return points.find((p) => p.kind === 'baseline') ?? points[0];
}

export function measureSeries(ctx: ServiceContext, series: Map<string, SeriesPointView[]>): MeasureSeries[] {
  return orderedDefinitions(ctx, series.keys())
    .filter((def) => !def.parent)
    .map((def) => {
      const points = series.get(def.key)!;
      const start = startPoint(points);
      return {
        measureKey: def.key,
        name: def.name,
        shortName: def.shortName,
        unit: def.unit,
        decimals: def.decimals,
        better: def.better,
        points,
        baseline: start?.value ?? null,
        baselineKind: start ? (start.kind === 'baseline' ? 'baseline' : 'first_recorded') : null,
        mcid: thresholdView(def),
      };
    });
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (Hinnant's days_from_civil): integer maths only. */
function epochDay(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Sessions a week. A chart of 300 sessions must not cost 300 Date objects, so the Monday of each
 * week is found with integer day numbers (1970-01-01 was a Thursday) and formatted once a week.
 */
interface SessionRow {
  date: string;
  attendance: string;
  rpe: number | null;
  fatigue: number | null;
  pain: number | null;
}

/**
 * One pass over the patient's sessions feeds both the attendance and the score charts. The signed
 * sessions' after-session JSON is parsed here once rather than by three json_extract calls a row,
 * which the profile showed as over half of this query's time.
 */
export function sessionRows(ctx: ServiceContext, patientId: string, today: string): SessionRow[] {
  const rows = prepared(ctx, 'progress.sessions', () =>
    ctx.sqlite
      .prepare(
        `SELECT date, attendance, CASE WHEN signed_at IS NOT NULL THEN after_json END AS after
           FROM session WHERE patient_id = ? AND date <= ? ORDER BY date`,
      )
      .raw(true),
  ).all(patientId, today) as Array<[string, string, string | null]>;
  return rows.map(([date, attendance, after]) => {
    const scores = after ? (JSON.parse(after) as Record<string, unknown>) : null;
    return {
      date,
      attendance,
      rpe: scoreOf(scores?.rpeOverall),
      fatigue: scoreOf(scores?.fatigue),
      pain: scoreOf(scores?.pain),
    };
  });
}

const scoreOf = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function attendanceByWeek(ctx: ServiceContext, patientId: string, sessions: SessionRow[]): WeekAttendance[] {
  if (sessions.length === 0) return [];
  const plans = prepared(ctx, 'progress.plans', () =>
    ctx.db
      .select({ perWeek: exercisePlan.sessionsPerWeek, from: exercisePlan.createdAt, to: exercisePlan.supersededAt })
      .from(exercisePlan)
      .where(eq(exercisePlan.patientId, sql.placeholder('patientId')))
      .orderBy(asc(exercisePlan.version))
      .prepare(),
  ).all({ patientId });
  const weeks: WeekAttendance[] = [];
  let week: WeekAttendance | null = null;
  let weekMonday = Number.NaN;
  for (const s of sessions) {
    const day = epochDay(s.date);
    const monday = day - ((day + 3) % 7);
    if (monday !== weekMonday) {
      weekMonday = monday;
      week = emptyWeek(new Date(monday * 86_400_000).toISOString().slice(0, 10));
      weeks.push(week);
    }
    if (s.attendance === 'attended') week!.attended += 1;
    else if (s.attendance === 'did_not_attend') week!.didNotAttend += 1;
    else if (s.attendance === 'cancelled') week!.cancelled += 1;
    else if (s.attendance === 'held_for_safety') week!.heldForSafety += 1;
  }
  for (const w of weeks) {
    // The plan in force on the Monday: created by then and not yet superseded.
    const plan = plans.findLast((p) => p.from.slice(0, 10) <= w.weekOf && (!p.to || p.to.slice(0, 10) > w.weekOf));
    w.planned = plan?.perWeek ?? null;
    const offered = w.attended + w.didNotAttend + w.heldForSafety;
    const denominator = w.planned ?? offered;
    w.adherencePercent = denominator > 0 ? Math.round(Math.min(100, (w.attended / denominator) * 100)) : null;
  }
  return weeks;
}

function sessionScores(sessions: SessionRow[]): SessionScorePoint[] {
  const points: SessionScorePoint[] = [];
  for (const { date, rpe, fatigue, pain } of sessions) {
    if (rpe != null || fatigue != null || pain != null) points.push({ date, rpe, fatigue, pain });
  }
  return points;
}

export // In a select list drizzle writes a column unqualified; inside the milestone subquery a bare "id"
// would mean the milestone's own id, so the goal's id is spelled out.
const goalIdColumn = sql`${sql.identifier('goal')}.${sql.identifier('id')}`;

export function goalProgress(
  ctx: ServiceContext,
  patientId: string,
  series: Map<string, SeriesPointView[]>,
): GoalProgressView[] {
  const goals = prepared(ctx, 'progress.goals', () =>
    ctx.db
      .select({
        id: goal.id,
        inOwnWords: goal.inOwnWords,
        category: goal.category,
        status: goal.status,
        measureKey: goal.measureKey,
        targetValue: goal.targetValue,
        targetDate: goal.targetDate,
        achievedOn: goal.achievedOn,
        milestonesTotal: sql<number>`(select count(*) from ${goalMilestone} where ${goalMilestone.goalId} = ${goalIdColumn})`,
        milestonesAchieved: sql<number>`(select count(*) from ${goalMilestone} where ${goalMilestone.goalId} = ${goalIdColumn} and ${goalMilestone.achievedOn} is not null)`,
      })
      .from(goal)
      .where(eq(goal.patientId, sql.placeholder('patientId')))
      .orderBy(asc(goal.createdAt))
      .prepare(),
  ).all({ patientId });
  const custom = goals.some((g) => g.measureKey?.startsWith('custom.')) ? customDefinitions(ctx) : null;
  return goals.map((g) => {
    const def = g.measureKey
      ? (measureCatalog[g.measureKey as keyof typeof measureCatalog] ?? custom?.get(g.measureKey))
      : undefined;
    const points = g.measureKey ? (series.get(g.measureKey) ?? []) : [];
    const start = startPoint(points);
    const baselineValue = start?.value ?? null;
    const last = points[points.length - 1];
    const latestValue = last && last !== start ? last.value : null;
    const target = g.targetValue != null ? Number.parseFloat(g.targetValue) : NaN;
    let percentToTarget: number | null = null;
    if (baselineValue != null && latestValue != null && Number.isFinite(target) && target !== baselineValue) {
      const share = (latestValue - baselineValue) / (target - baselineValue);
      percentToTarget = Math.round(Math.max(0, Math.min(1, share)) * 100);
    }
    return {
      id: g.id,
      inOwnWords: g.inOwnWords,
      category: g.category as GoalCategory,
      status: g.status as GoalStatus,
      targetDate: g.targetDate,
      achievedOn: g.achievedOn,
      measureKey: g.measureKey,
      measureName: def?.shortName ?? null,
      targetValue: g.targetValue,
      baselineValue,
      latestValue,
      percentToTarget,
      milestonesTotal: g.milestonesTotal,
      milestonesAchieved: g.milestonesAchieved,
    };
  });
}

function chartsFrom(ctx: ServiceContext, patientId: string, series: Map<string, SeriesPointView[]>): ProgressCharts {
  const sessions = sessionRows(ctx, patientId, todayLocal(ctx.now()));
  return {
    patientId,
    measures: measureSeries(ctx, series),
    attendance: attendanceByWeek(ctx, patientId, sessions),
    sessionScores: sessionScores(sessions),
    goals: goalProgress(ctx, patientId, series),
  };
}

/** Everything the progress charts draw, in one call. */
export function progressCharts(ctx: ServiceContext, patientId: string): ProgressCharts {
  person(ctx, patientId);
  return chartsFrom(ctx, patientId, effectiveSeries(ctx, patientId));
}

/** The progress screen's comparison and charts from one read of the patient's results. */
export function progressOverview(ctx: ServiceContext, patientId: string): ProgressOverview {
  const who = person(ctx, patientId);
  const series = effectiveSeries(ctx, patientId);
  return { comparison: comparisonFrom(ctx, patientId, who, series), charts: chartsFrom(ctx, patientId, series) };
}

/** What the caseload shows about reassessment, read from its stored row and judged against today. */
export function caseloadFlag(ctx: ServiceContext, patientId: string): CaseloadReassessmentFlag {
  const row = ctx.db
    .select({ last: caseloadSummary.lastAssessmentOn, due: caseloadSummary.reassessmentDueOn })
    .from(caseloadSummary)
    .where(eq(caseloadSummary.patientId, patientId))
    .get();
  if (!row) throw notFound('That patient');
  let state: ReassessmentState | null = null;
  if (row.due) {
    const days = daysBetween(todayLocal(ctx.now()), row.due);
    state = days < 0 ? 'overdue' : days <= REASSESSMENT_DUE_WINDOW_DAYS ? 'due' : 'not_due';
  }
  return { lastAssessmentOn: row.last, reassessmentDueOn: row.due, state };
}
