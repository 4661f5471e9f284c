import { and, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  DEFAULT_REASSESSMENT_WEEKS,
  REASSESSMENT_SOURCE,
  reassessmentDue,
  type TreatmentChange,
} from '../../../shared/clinical/measures';
import type { ScheduleView } from '../../../shared/contract/assessments';
import { addDays, todayLocal, type ClinicDate } from '../../../shared/dates';
import { treatmentTypes, type TreatmentType } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { assessment, auditEvent, patient, patientDetails, treatment } from '../../db/schema';

const amendment = alias(assessment, 'amendment');

/**
 * A finalised assessment counts unless a finalised correction has replaced it. The corrections
 * are looked up once per patient (an index range), not per row: almost every `amends_id` is null,
 * so SQLite's statistics make a per-row index probe look no better than a scan.
 */
export const notSuperseded = sql`${assessment.id} not in (select ${amendment.amendsId} from ${assessment} as ${sql.identifier('amendment')} where ${amendment.patientId} = ${sql.placeholder('patientId')} and ${amendment.amendsId} is not null and ${amendment.finalisedAt} is not null)`;

/** The last counted assessment on or before `asOf` (a report asks as of the end of its period). */
function lastFinalisedOn(ctx: ServiceContext, patientId: string, asOf: ClinicDate): ClinicDate | null {
  const row = prepared(ctx, 'assessments.lastFinalised', () =>
    ctx.db
      .select({ on: assessment.assessedOn })
      .from(assessment)
      .where(
        and(
          eq(assessment.patientId, sql.placeholder('patientId')),
          lte(assessment.assessedOn, sql.placeholder('asOf')),
          isNotNull(assessment.finalisedAt),
          // A check-in's ESAS-r is the patient's own report, not a reassessment: it does not reset the schedule.
          sql`${assessment.kind} <> 'patient_reported'`,
          notSuperseded,
        ),
      )
      .orderBy(desc(assessment.assessedOn))
      .limit(1)
      .prepare(),
  ).get({ patientId, asOf });
  return row?.on ?? null;
}

const changedField = (field: string) =>
  sql`json_extract(${auditEvent.beforeJson}, ${`$.${field}`}) is not json_extract(${auditEvent.afterJson}, ${`$.${field}`})`;

/**
 * Treatment edited in place after the reference date: a different type, regimen or cycle length is
 * a treatment change. The treatment table (intake's) keeps only the current values, so the change
 * and its date are read from the audit log, where every edit keeps its before and after. An edit
 * of anything else (notes, day-1 dates, a typo-free re-save) is not a change. The date is the day
 * the change was recorded, the only date Pacewise holds for it.
 */
function treatmentEdits(ctx: ServiceContext, patientId: string, reference: ClinicDate): TreatmentChange[] {
  const rows = prepared(ctx, 'assessments.scheduleTreatmentEdits', () =>
    ctx.db
      .select({ at: auditEvent.at, type: sql<string>`json_extract(${auditEvent.afterJson}, '$.type')` })
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.patientId, sql.placeholder('patientId')),
          eq(auditEvent.entity, 'treatment'),
          eq(auditEvent.action, 'update'),
          // Instants are UTC; a day's margin, then the clinic date is checked below.
          sql`${auditEvent.at} > ${sql.placeholder('since')}`,
          sql`(${changedField('type')} or ${changedField('regimen')} or ${changedField('cycleLengthDays')})`,
        ),
      )
      .prepare(),
  ).all({ patientId, since: addDays(reference, -1) });
  const edits: TreatmentChange[] = [];
  for (const r of rows) {
    const date = todayLocal(new Date(r.at));
    if (date <= reference) continue;
    const name = (treatmentTypes.labels[r.type as TreatmentType] ?? r.type ?? 'treatment').toLowerCase();
    edits.push({ date, change: 'changed', treatment: name });
  }
  return edits;
}

/**
 * The patient's reassessment schedule from stored facts: the last finalised assessment, the
 * interval on the intake record (8 weeks when none is recorded), and treatment that started,
 * stopped or changed type, regimen or cycle length after the last assessment, which brings the
 * date forward (schedule.ts).
 */
export function scheduleFor(
  ctx: ServiceContext,
  patientId: string,
  today = todayLocal(ctx.now()),
  /** Judge as of a past day: assessments dated after it are not yet on file (the clinic report). */
  asOf: ClinicDate | null = null,
): ScheduleView | null {
  const person = prepared(ctx, 'assessments.schedulePerson', () =>
    ctx.db
      .select({ createdAt: patient.createdAt, interval: patientDetails.reassessmentIntervalWeeks })
      .from(patient)
      .leftJoin(patientDetails, eq(patientDetails.patientId, patient.id))
      .where(eq(patient.id, sql.placeholder('patientId')))
      .prepare(),
  ).get({ patientId });
  if (!person) return null;
  const intervalWeeks = person.interval ?? DEFAULT_REASSESSMENT_WEEKS;
  const last = lastFinalisedOn(ctx, patientId, asOf ?? '9999-12-31');
  const intakeDate = todayLocal(new Date(person.createdAt));
  const reference = last ?? intakeDate;
  const treatments = prepared(ctx, 'assessments.scheduleTreatments', () =>
    ctx.db
      .select({ type: treatment.type, startDate: treatment.startDate, endDate: treatment.endDate })
      .from(treatment)
      .where(
        and(
          eq(treatment.patientId, sql.placeholder('patientId')),
          sql`(${treatment.startDate} > ${sql.placeholder('reference')} or ${treatment.endDate} > ${sql.placeholder('reference')})`,
        ),
      )
      .prepare(),
  ).all({ patientId, reference });
  const changes: TreatmentChange[] = [];
  for (const t of treatments) {
    const name = (treatmentTypes.labels[t.type as TreatmentType] ?? t.type).toLowerCase();
    if (t.startDate > reference) changes.push({ date: t.startDate, change: 'started', treatment: name });
    if (t.endDate && t.endDate > reference) changes.push({ date: t.endDate, change: 'stopped', treatment: name });
  }
  for (const edit of treatmentEdits(ctx, patientId, reference)) changes.push(edit);
  const due = reassessmentDue(
    { lastAssessmentDate: last, intakeDate, intervalWeeks, treatmentChanges: changes },
    today,
  );
  return {
    lastAssessmentOn: last,
    intervalWeeks,
    dueOn: due.dueOn,
    state: due.state,
    reason: due.reason,
    daysUntilDue: due.daysUntilDue,
    source: REASSESSMENT_SOURCE,
  };
}
