import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  DEFAULT_REASSESSMENT_WEEKS,
  REASSESSMENT_SOURCE,
  reassessmentDue,
  type TreatmentChange,
} from '../../../shared/clinical/measures';
import type { ScheduleView } from '../../../shared/contract/assessments';
import { todayLocal, type ClinicDate } from '../../../shared/dates';
import { treatmentTypes, type TreatmentType } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { assessment, patient, patientDetails, treatment } from '../../db/schema';

const amendment = alias(assessment, 'amendment');

/**
 * A finalised assessment counts unless a finalised correction has replaced it. The corrections
 * are looked up once per patient (an index range), not per row: almost every `amends_id` is null,
 * so SQLite's statistics make a per-row index probe look no better than a scan.
 */
export const notSuperseded = sql`${assessment.id} not in (select ${amendment.amendsId} from ${assessment} as ${sql.identifier('amendment')} where ${amendment.patientId} = ${sql.placeholder('patientId')} and ${amendment.amendsId} is not null and ${amendment.finalisedAt} is not null)`;

function lastFinalisedOn(ctx: ServiceContext, patientId: string): ClinicDate | null {
  const row = prepared(ctx, 'assessments.lastFinalised', () =>
    ctx.db
      .select({ on: assessment.assessedOn })
      .from(assessment)
      .where(
        and(eq(assessment.patientId, sql.placeholder('patientId')), isNotNull(assessment.finalisedAt), notSuperseded),
      )
      .orderBy(desc(assessment.assessedOn))
      .limit(1)
      .prepare(),
  ).get({ patientId });
  return row?.on ?? null;
}

/**
 * The patient's reassessment schedule from stored facts: the last finalised assessment, the
 * interval on the intake record (8 weeks when none is recorded), and treatment that started or
 * stopped after the last assessment, which brings the date forward (schedule.ts).
 */
export function scheduleFor(
  ctx: ServiceContext,
  patientId: string,
  today = todayLocal(ctx.now()),
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
  const last = lastFinalisedOn(ctx, patientId);
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
