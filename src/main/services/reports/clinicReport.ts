import { compareSeries, measureCatalog, incompletenessOf, type SeriesPoint } from '../../../shared/clinical/measures';
import type { ClinicReport, Share } from '../../../shared/contract/reports';
import { addDays, todayLocal, type ClinicDate } from '../../../shared/dates';
import type { ServiceContext } from '../../context';
import { scheduleFor } from '../assessments/schedule';

export interface ReportPeriod {
  from: ClinicDate;
  to: ClinicDate;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function share(count: number, of: number): Share {
  return { count, percent: of > 0 ? round1((count / of) * 100) : null };
}

const per100 = (count: number, attended: number) => (attended > 0 ? round1((count / attended) * 100) : null);

/** Assessments replaced by a finalised correction: kept for the record, counted nowhere. */
const NOT_REPLACED = `a.id NOT IN (SELECT b.amends_id FROM assessment b WHERE b.amends_id IS NOT NULL AND b.finalised_at IS NOT NULL)`;

/**
 * The clinic report for a period, read in one read transaction through explicit columns. Counting
 * rules are stated in `reportDefinitions` (shared/contract/reports.ts) and shown beside each figure.
 * Runs on any connection: the document worker's own, so a year's report never stalls the window.
 */
export function clinicReport(ctx: ServiceContext, period: ReportPeriod, today: ClinicDate): ClinicReport {
  const { from, to } = period;
  const asOf = to < today ? to : today;
  const db = ctx.sqlite;
  return db.transaction((): ClinicReport => {
    const sessions = { booked: 0, attended: 0, cancelled: 0, didNotAttend: 0, heldForSafety: 0, notYetRecorded: 0 };
    const decisions = { go: 0, modify: 0, hold: 0 };
    const byOutcome = db
      .prepare(
        `SELECT attendance, decision, count(*) AS n FROM session WHERE date BETWEEN ? AND ? GROUP BY attendance, decision`,
      )
      .all(from, to) as Array<{ attendance: string; decision: string | null; n: number }>;
    for (const { attendance, decision, n } of byOutcome) {
      sessions.booked += n;
      if (attendance === 'attended') sessions.attended += n;
      else if (attendance === 'cancelled') sessions.cancelled += n;
      else if (attendance === 'did_not_attend') sessions.didNotAttend += n;
      else if (attendance === 'held_for_safety') sessions.heldForSafety += n;
      else sessions.notYetRecorded += n;
      if (decision === 'go' || decision === 'modify' || decision === 'hold') decisions[decision] += n;
    }
    const screened = decisions.go + decisions.modify + decisions.hold;
    const { seen } = db
      .prepare(
        `SELECT count(DISTINCT patient_id) AS seen FROM session
          WHERE date BETWEEN ? AND ? AND attendance IN ('attended', 'held_for_safety')`,
      )
      .get(from, to) as { seen: number };

    // Instants are UTC; a day's margin either side, then each is placed on the clinic's calendar.
    const events = (
      db
        .prepare(
          `SELECT occurred_at AS occurredAt, severity FROM adverse_event WHERE occurred_at >= ? AND occurred_at < ?`,
        )
        .all(addDays(from, -1), addDays(to, 2)) as Array<{ occurredAt: string; severity: number | null }>
    ).filter((e) => {
      const day = todayLocal(new Date(e.occurredAt));
      return day >= from && day <= to;
    });
    const grades = [1, 2, 3, 4, 5, null] as const;

    const { done } = db
      .prepare(
        `SELECT count(*) AS done FROM assessment a
          WHERE a.kind IN ('reassessment', 'discharge') AND a.assessed_on BETWEEN ? AND ?
            AND a.finalised_at IS NOT NULL AND ${NOT_REPLACED}`,
      )
      .get(from, to) as { done: number };

    const active = activeOn(ctx, asOf);
    let overdue = 0;
    for (const patientId of active) {
      if (scheduleFor(ctx, patientId, asOf, asOf)?.state === 'overdue') overdue += 1;
    }

    return {
      from,
      to,
      asOf,
      generatedAt: ctx.now().toISOString(),
      patientsSeen: seen,
      sessions,
      screens: {
        total: screened,
        go: share(decisions.go, screened),
        modify: share(decisions.modify, screened),
        hold: share(decisions.hold, screened),
      },
      adverseEvents: {
        total: events.length,
        byGrade: grades.map((grade) => {
          const count = events.filter((e) => e.severity === grade).length;
          return { grade, count, per100: per100(count, sessions.attended) };
        }),
        per100: per100(events.length, sessions.attended),
        attendedSessions: sessions.attended,
      },
      reassessments: { done, overdue, activePatients: active.length },
      sixMinuteWalk: sixMinuteWalks(ctx, period, asOf),
    };
  })();
}

/**
 * Patients whose status was Active on `day`, from the status history: the latest change effective
 * by then (a history entered later and dated back counts); with no change by then, the status they
 * were added with (the first change's "from"), or their status now if it has never changed, as long
 * as they were on file by `day`.
 */
function activeOn(ctx: ServiceContext, day: ClinicDate): string[] {
  const patients = ctx.sqlite.prepare('SELECT id, status, created_at AS createdAt FROM patient').all() as Array<{
    id: string;
    status: string;
    createdAt: string;
  }>;
  const changes = ctx.sqlite
    .prepare(
      `SELECT patient_id AS patientId, from_status AS fromStatus, to_status AS toStatus, effective_on AS effectiveOn
         FROM status_change ORDER BY patient_id, effective_on, created_at`,
    )
    .all() as Array<{ patientId: string; fromStatus: string | null; toStatus: string; effectiveOn: string }>;
  const history = new Map<string, typeof changes>();
  for (const change of changes) history.set(change.patientId, [...(history.get(change.patientId) ?? []), change]);
  const active: string[] = [];
  for (const p of patients) {
    const list = history.get(p.id) ?? [];
    const last = list.filter((c) => c.effectiveOn <= day).at(-1);
    let status: string;
    if (last) status = last.toStatus;
    // No change by then, and not yet on file: a patient entered later with no earlier history.
    else if (todayLocal(new Date(p.createdAt)) > day) continue;
    else status = list.length > 0 ? (list[0]!.fromStatus ?? 'referred') : p.status;
    if (status === 'active') active.push(p.id);
  }
  return active;
}

/**
 * Each patient's latest counted six-minute walk dated in the period, compared with their start
 * (compareSeries: the baseline assessment's walk, else the first recorded), exactly as Progress does.
 */
function sixMinuteWalks(ctx: ServiceContext, period: ReportPeriod, asOf: ClinicDate): ClinicReport['sixMinuteWalk'] {
  const def = measureCatalog.six_minute_walk;
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.patient_id AS patientId, r.value, r.assessed_on AS date, r.assessment_id AS assessmentId, a.kind,
              r.derived_json AS derivedJson
         FROM measure_result r JOIN assessment a ON a.id = r.assessment_id
        WHERE r.measure_key = 'six_minute_walk' AND r.value IS NOT NULL AND r.assessed_on <= ?
          AND a.finalised_at IS NOT NULL AND ${NOT_REPLACED}
        ORDER BY r.patient_id, r.assessed_on, a.finalised_at`,
    )
    .all(asOf) as Array<{
    patientId: string;
    value: number;
    date: string;
    assessmentId: string;
    kind: string;
    derivedJson: string;
  }>;
  const byPatient = new Map<string, SeriesPoint[]>();
  for (const r of rows) {
    const point: SeriesPoint = {
      date: r.date,
      value: r.value,
      assessmentId: r.assessmentId,
      kind: r.kind,
      incomplete: incompletenessOf('six_minute_walk', JSON.parse(r.derivedJson) as Record<string, unknown>),
    };
    byPatient.set(r.patientId, [...(byPatient.get(r.patientId) ?? []), point]);
  }
  const counts = { patients: 0, improved: 0, stable: 0, declined: 0, notJudged: 0 };
  for (const points of byPatient.values()) {
    const lastInPeriod = points.findLastIndex((p) => p.date >= period.from && p.date <= period.to);
    if (lastInPeriod < 0) continue;
    const change = compareSeries(def, points.slice(0, lastInPeriod + 1)).changeFromBaseline;
    // The walk in the period is the start itself: nothing to compare yet.
    if (!change) continue;
    counts.patients += 1;
    if (change.verdict === 'improved') counts.improved += 1;
    else if (change.verdict === 'stable') counts.stable += 1;
    else if (change.verdict === 'declined') counts.declined += 1;
    else counts.notJudged += 1;
  }
  const mcid = def.mcid!;
  return {
    patients: counts.patients,
    improved: share(counts.improved, counts.patients),
    stable: counts.stable,
    declined: counts.declined,
    notJudged: counts.notJudged,
    threshold: {
      value: mcid.value,
      unit: def.unit,
      source: mcid.source,
      note: mcid.note ?? null,
      clinicPolicy: mcid.provenance === 'pacewise',
    },
  };
}
