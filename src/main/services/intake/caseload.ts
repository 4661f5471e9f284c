import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import {
  CLEARANCE_EXPIRING_WITHIN_DAYS,
  cycleDaysInWeek,
  type SkeletalRiskLevel,
} from '../../../shared/clinical/intake';
import type { ParsedInputOf } from '../../../shared/contract';
import {
  REASSESSMENT_DUE_WITHIN_DAYS,
  type CaseloadFlag,
  type CaseloadPage,
  type CaseloadRow,
  type CaseloadSort,
  type ClearanceDisplayState,
} from '../../../shared/contract/intake';
import { addDays, daysBetween, startOfWeek, todayLocal, type ClinicDate } from '../../../shared/dates';
import type { PatientStatus } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { caseloadSummary as s, clinician, patient as p, treatment } from '../../db/schema';
import { searchParams, searchWhere } from '../patients';
import { alertableSites } from '../../../shared/clinical/intake/patientAlerts';
import { parseJsonArray, toTreatment } from './facts';
import { siteAlertPolicy } from './siteAlerts';
import { replyWaitDays } from '../letters/settings';
import { guidanceReplyWait } from '../../../shared/clinical/letters/model';

const ph = (name: string) => sql.placeholder(name);

/** Date-dependent flags are judged here, against today, from the dates the summary row stores. */
/**
 * Fixed values are written into the SQL rather than bound: each flag has its own prepared
 * statement anyway, and a literal lets SQLite's planner pick the summary's clearance index.
 */
const literal = (value: string) => sql.raw(`'${value.replace(/'/g, "''")}'`);

function flagWhere(flag: CaseloadFlag | null): SQL | undefined {
  switch (flag) {
    case null:
      return undefined;
    case 'clearance_missing':
      return sql`${s.clearanceState} IN ('missing', 'requested')`;
    case 'clearance_expiring':
      return and(
        eq(s.clearanceState, literal('valid')),
        gte(s.clearanceReviewBy, ph('today')),
        sql`${s.clearanceReviewBy} <= ${ph('in14')}`,
      );
    case 'clearance_expired':
      return and(eq(s.clearanceState, literal('valid')), lt(s.clearanceReviewBy, ph('today')));
    case 'not_cleared':
      return eq(s.clearanceState, literal('not_cleared'));
    case 'reassessment_due':
      return and(gte(s.reassessmentDueOn, ph('today')), sql`${s.reassessmentDueOn} <= ${ph('in7')}`);
    case 'reassessment_overdue':
      return lt(s.reassessmentDueOn, ph('today'));
    case 'open_problem':
      return sql`(${s.openAdverseEvents} > 0 OR ${s.openRedFlags} > 0)`;
    case 'on_treatment':
      return sql`(${s.treatmentFrom} <= ${ph('weekEnd')} AND (${s.treatmentTo} IS NULL OR ${s.treatmentTo} >= ${ph('weekStart')}))`;
    case 'bone_mets':
      return eq(s.hasBoneMets, true);
    case 'reply_overdue':
      return sql`${s.guidanceAwaitingSince} <= ${ph('replyCutoff')}`;
  }
}

/** Flags under which every matching row has the same clearance urgency, so it need not be sorted on. */
const oneClearanceClass: ReadonlySet<CaseloadFlag | null> = new Set([
  'clearance_expiring',
  'clearance_expired',
  'not_cleared',
] as const);

function sortKeys(sort: CaseloadSort, flag: CaseloadFlag | null): SQL[] {
  switch (sort) {
    case 'name':
      return [];
    case 'mrn':
      return [sql`${p.mrn}`];
    case 'status':
      return [sql`${p.status}`];
    case 'clearance':
      if (oneClearanceClass.has(flag)) return [sql`${s.clearanceReviewBy}`];
      // Most urgent first: not cleared, expired, missing, requested, expiring, valid.
      return [
        sql`CASE ${s.clearanceState} WHEN 'not_cleared' THEN 0 WHEN 'missing' THEN 2 WHEN 'requested' THEN 3
              ELSE CASE WHEN ${s.clearanceReviewBy} < ${ph('today')} THEN 1
                        WHEN ${s.clearanceReviewBy} <= ${ph('in14')} THEN 4 ELSE 5 END END`,
        sql`${s.clearanceReviewBy}`,
      ];
    case 'reassessment':
      return [sql`${s.reassessmentDueOn} IS NULL`, sql`${s.reassessmentDueOn}`];
    case 'problems':
      return [sql`-(${s.openRedFlags} * 1000 + ${s.openAdverseEvents})`];
    case 'treatment':
      return [
        sql`NOT (${s.treatmentFrom} <= ${ph('weekEnd')} AND (${s.treatmentTo} IS NULL OR ${s.treatmentTo} >= ${ph('weekStart')}))`,
      ];
    case 'bone':
      return [
        sql`-(CASE ${s.skeletalRiskLevel} WHEN 'high' THEN 4 WHEN 'moderate' THEN 3 WHEN 'unscored' THEN 2 WHEN 'low' THEN 1 ELSE 0 END)`,
        sql`NOT ${s.hasBoneMets}`,
      ];
    case 'clinician':
      return [sql`${clinician.fullName} IS NULL`, sql`${clinician.fullName}`];
  }
}

const rowColumns = {
  id: p.id,
  givenName: p.givenName,
  familyName: p.familyName,
  preferredName: p.preferredName,
  mrn: p.mrn,
  dateOfBirth: p.dateOfBirth,
  status: p.status,
  leadClinicianId: s.leadClinicianId,
  leadClinicianName: clinician.fullName,
  clearanceState: s.clearanceState,
  clearanceReviewBy: s.clearanceReviewBy,
  reassessmentDueOn: s.reassessmentDueOn,
  openAdverseEvents: s.openAdverseEvents,
  openRedFlags: s.openRedFlags,
  hasBoneMets: s.hasBoneMets,
  metastaticSitesJson: s.metastaticSitesJson,
  skeletalRiskLevel: s.skeletalRiskLevel,
  treatmentFrom: s.treatmentFrom,
  treatmentTo: s.treatmentTo,
  guidanceAwaitingSince: s.guidanceAwaitingSince,
};

export function clearanceDisplay(
  stored: string | null,
  reviewBy: ClinicDate | null,
  today: ClinicDate,
): CaseloadRow['clearance'] {
  const base = (stored ?? 'missing') as ClearanceDisplayState;
  if (base !== 'valid' || !reviewBy) return { state: base, reviewBy, daysLeft: null };
  const daysLeft = daysBetween(today, reviewBy);
  const state: ClearanceDisplayState =
    daysLeft < 0 ? 'expired' : daysLeft <= CLEARANCE_EXPIRING_WITHIN_DAYS ? 'expiring' : 'valid';
  return { state, reviewBy, daysLeft };
}

export function reassessmentDisplay(dueOn: ClinicDate | null, today: ClinicDate): CaseloadRow['reassessment'] {
  if (!dueOn) return null;
  const days = daysBetween(today, dueOn);
  return { dueOn, days, state: days < 0 ? 'overdue' : days <= REASSESSMENT_DUE_WITHIN_DAYS ? 'due' : 'scheduled' };
}

/**
 * The caseload: patient joined to its summary row, filtered, sorted and paged in SQL on prepared
 * statements (one per query shape). Cycle days are worked out only for the rows on the page.
 */
export function listCaseload(ctx: ServiceContext, input: ParsedInputOf<'caseload.list'>): CaseloadPage {
  const today = todayLocal(ctx.now());
  const weekStart = startOfWeek(today);
  const waitDays = replyWaitDays(ctx);
  const policy = siteAlertPolicy(ctx);
  const { shape, params } = searchParams(input.query);
  const statuses = [...new Set(input.statuses)].sort() as PatientStatus[];
  const hasClinician = input.clinicianId !== null;
  const key = [shape, statuses.join(','), input.flag ?? '', hasClinician ? 'c' : '', input.sort, input.direction].join(
    ':',
  );
  const statusIn = (column: SQL) =>
    // Statuses are validated enum values and part of the statement's cache key, so literals are safe.
    statuses.length > 0 ? sql`${column} IN (${sql.join(statuses.map(literal), sql`, `)})` : sql`0`;
  const summaryWhere = () =>
    and(flagWhere(input.flag), hasClinician ? eq(s.leadClinicianId, ph('clinicianId')) : undefined);
  const usesSummary = input.flag !== null || hasClinician;
  const where = () => and(statusIn(sql`${p.status}`), searchWhere(shape), summaryWhere());
  const dir = input.direction === 'desc' ? desc : asc;
  const nameOrder = () => [dir(p.familyKey), dir(p.givenKey), dir(p.id)];
  const page = prepared(ctx, `caseload.list:${key}:page`, () => {
    if (input.sort === 'name' && !usesSummary) {
      // The default view. The plan showed SQLite choosing the status index (most of the file
      // matches) and sorting every row for each page; instead walk patient_name_order, which
      // holds the order and the status, and look up the full rows for the page only. The unary
      // + keeps the status index out of the plan.
      const keys = ctx.db
        .select({ id: p.id })
        .from(p)
        .where(and(statusIn(sql`+${p.status}`), searchWhere(shape)))
        .orderBy(...nameOrder())
        .limit(ph('limit'))
        .offset(ph('offset'))
        .as('page_keys');
      return ctx.db
        .select(rowColumns)
        .from(keys)
        .innerJoin(p, eq(p.id, keys.id))
        .leftJoin(s, eq(s.patientId, p.id))
        .leftJoin(clinician, eq(clinician.id, s.leadClinicianId))
        .orderBy(...nameOrder())
        .prepare();
    }
    return ctx.db
      .select(rowColumns)
      .from(p)
      .leftJoin(s, eq(s.patientId, p.id))
      .leftJoin(clinician, eq(clinician.id, s.leadClinicianId))
      .where(where())
      .orderBy(...sortKeys(input.sort, input.flag).map((k) => dir(k)), ...nameOrder())
      .limit(ph('limit'))
      .offset(ph('offset'))
      .prepare();
  });
  const total = prepared(
    ctx,
    `caseload.list:${shape}:${statuses.join(',')}:${input.flag ?? ''}:${hasClinician}:count`,
    () =>
      usesSummary
        ? // A flag or clinician condition needs the summary row, so an inner join loses nothing.
          ctx.db.select({ n: count() }).from(s).innerJoin(p, eq(p.id, s.patientId)).where(where()).prepare()
        : // The join is not needed to count: the plan scanned every patient and probed the summary
          // for each; this counts from the covering patient_status_family index.
          ctx.db.select({ n: count() }).from(p).where(where()).prepare(),
  );
  const values: Record<string, unknown> = {
    ...params,
    today,
    in14: addDays(today, CLEARANCE_EXPIRING_WITHIN_DAYS),
    in7: addDays(today, REASSESSMENT_DUE_WITHIN_DAYS),
    weekStart,
    weekEnd: addDays(weekStart, 6),
    replyCutoff: addDays(today, -waitDays - 1),
    clinicianId: input.clinicianId,
    limit: input.limit,
    offset: input.offset,
  };
  const rows = page.all(values);
  const n = total.get(values)?.n ?? 0;

  const onTreatment = rows.filter(
    (r) =>
      r.treatmentFrom !== null &&
      r.treatmentFrom <= addDays(weekStart, 6) &&
      (r.treatmentTo === null || r.treatmentTo >= weekStart),
  );
  const treatmentsByPatient = new Map<string, CaseloadRow['treatments']>();
  if (onTreatment.length > 0) {
    const treatments = prepared(ctx, 'caseload.list:treatments', () =>
      ctx.db
        .select()
        .from(treatment)
        .where(sql`${treatment.patientId} IN (SELECT value FROM json_each(${ph('ids')}))`)
        .prepare(),
    ).all({ ids: JSON.stringify(onTreatment.map((r) => r.id)) });
    const week = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
    const byPatient = new Map<string, typeof treatments>();
    for (const t of treatments) byPatient.set(t.patientId, [...(byPatient.get(t.patientId) ?? []), t]);
    for (const row of onTreatment) {
      const mine = (byPatient.get(row.id) ?? []).map(toTreatment);
      treatmentsByPatient.set(
        row.id,
        cycleDaysInWeek(mine, week, today).map((entry) => ({
          type: entry.treatment.type,
          regimen: entry.treatment.regimen,
          cycleDay: entry.cycleDay,
        })),
      );
    }
  }

  const enabledSites = alertableSites.filter((site) => policy[site].enabled);
  return {
    rows: rows.map((r): CaseloadRow => ({
      id: r.id,
      givenName: r.givenName,
      familyName: r.familyName,
      preferredName: r.preferredName,
      mrn: r.mrn,
      dateOfBirth: r.dateOfBirth,
      status: r.status as PatientStatus,
      leadClinician:
        r.leadClinicianId && r.leadClinicianName ? { id: r.leadClinicianId, fullName: r.leadClinicianName } : null,
      clearance: clearanceDisplay(r.clearanceState, r.clearanceReviewBy, today),
      reassessment: reassessmentDisplay(r.reassessmentDueOn, today),
      openAdverseEvents: r.openAdverseEvents ?? 0,
      openRedFlags: r.openRedFlags ?? 0,
      hasBoneMets: r.hasBoneMets ?? false,
      alertSites:
        enabledSites.length === 0
          ? []
          : ((sites) => enabledSites.filter((site) => sites.includes(site)))(
              parseJsonArray<string>(r.metastaticSitesJson),
            ),
      skeletalRiskLevel: (r.skeletalRiskLevel ?? 'none') as SkeletalRiskLevel,
      treatments: treatmentsByPatient.get(r.id) ?? [],
      guidanceReply: guidanceReplyWait(r.guidanceAwaitingSince, today, waitDays),
    })),
    total: n,
    offset: input.offset,
    limit: input.limit,
    today,
  };
}
