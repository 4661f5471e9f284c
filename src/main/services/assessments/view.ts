import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { MeasureDefinition } from '../../../shared/clinical/measures';
import type {
  AssessmentDetail,
  AssessmentKind,
  AssessmentList,
  AssessmentSummary,
  MeasureResultView,
} from '../../../shared/contract/assessments';
import { ageOn } from '../../../shared/dates';
import type { Sex } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { assessment, clinician, measureResult, patient } from '../../db/schema';
import { outcomeTestConflicts } from '../../../shared/clinical/measures/testingRestrictions';
import { restrictionsFor } from '../sessions/movementClearance';
import { safetyContextFor } from '../sessions/safety';
import { ApiError, notFound } from '../../errors';
import { definitionFor } from './measures';
import { notSuperseded, scheduleFor } from './schedule';

/**
 * Reads: an assessment and its results as the screens show them, and the row guards the writes
 * share. Writes live in lifecycle.ts (the assessment) and results.ts (its measures).
 */

export type AssessmentRow = typeof assessment.$inferSelect;
export type ResultRow = typeof measureResult.$inferSelect;
export type ComponentValues = Record<string, number | string | boolean | null>;

export function loadAssessment(ctx: ServiceContext, assessmentId: string): AssessmentRow {
  const row = prepared(ctx, 'assessments.byId', () =>
    ctx.db
      .select()
      .from(assessment)
      .where(eq(assessment.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id: assessmentId });
  if (!row) throw notFound('That assessment');
  return row;
}

export function patientFacts(ctx: ServiceContext, patientId: string) {
  const row = ctx.db
    .select({ sex: patient.sex, dateOfBirth: patient.dateOfBirth })
    .from(patient)
    .where(eq(patient.id, patientId))
    .get();
  if (!row) throw notFound('That patient');
  return { sex: row.sex as Sex, dateOfBirth: row.dateOfBirth };
}

export function clinicianName(ctx: ServiceContext, clinicianId: string | null): string | null {
  if (!clinicianId) return null;
  return (
    ctx.db.select({ name: clinician.fullName }).from(clinician).where(eq(clinician.id, clinicianId)).get()?.name ?? null
  );
}

export function assertDraft(row: AssessmentRow): void {
  if (row.discardedAt) {
    throw new ApiError('locked', 'This draft was discarded and cannot be changed. Start a new assessment instead.');
  }
  if (row.finalisedAt) {
    throw new ApiError(
      'locked',
      'This assessment is finalised and cannot be changed. Use “Correct this assessment” to record an amendment.',
    );
  }
}

export function supersededBy(ctx: ServiceContext, assessmentId: string): string | null {
  return (
    prepared(ctx, 'assessments.supersededBy', () =>
      ctx.db
        .select({ id: assessment.id })
        .from(assessment)
        .where(and(eq(assessment.amendsId, sql.placeholder('id')), isNotNull(assessment.finalisedAt)))
        .limit(1)
        .prepare(),
    ).get({ id: assessmentId })?.id ?? null
  );
}

function toResultView(
  ctx: ServiceContext,
  row: ResultRow,
  defs: Map<string, MeasureDefinition | null>,
): MeasureResultView {
  let def = defs.get(row.measureKey);
  if (def === undefined) {
    def = definitionFor(ctx, row.measureKey);
    defs.set(row.measureKey, def);
  }
  return {
    id: row.id,
    measureKey: row.measureKey,
    name: def?.name ?? row.measureKey,
    shortName: def?.shortName ?? row.measureKey,
    unit: def?.unit ?? '',
    decimals: def?.decimals ?? 1,
    value: row.value,
    components: JSON.parse(row.componentsJson) as ComponentValues,
    derived: JSON.parse(row.derivedJson) as Record<string, number | string>,
    warnings: JSON.parse(row.warningsJson) as string[],
    overrideNote: row.overrideNote,
  };
}

/** The tests on this assessment that the patient's bone-lesion restrictions rule out on its date. */
export function testConflictsFor(ctx: ServiceContext, row: AssessmentRow, measureKeys: readonly string[]) {
  const safety = safetyContextFor(ctx, row.patientId, row.assessedOn);
  return outcomeTestConflicts(measureKeys, restrictionsFor(ctx, safety));
}

function summaryOf(
  ctx: ServiceContext,
  row: AssessmentRow,
  names: Map<string, string>,
  measureNames: string[],
  superseded: string | null,
): AssessmentSummary {
  let name = names.get(row.clinicianId);
  if (name === undefined) {
    name = clinicianName(ctx, row.clinicianId) ?? 'Unknown clinician';
    names.set(row.clinicianId, name);
  }
  return {
    id: row.id,
    patientId: row.patientId,
    kind: row.kind as AssessmentKind,
    assessedOn: row.assessedOn,
    clinicianId: row.clinicianId,
    clinicianName: name,
    status: row.finalisedAt ? 'finalised' : row.discardedAt ? 'discarded' : 'draft',
    finalisedAt: row.finalisedAt,
    amendsId: row.amendsId,
    amendmentReason: row.amendmentReason,
    supersededById: superseded,
    discardedAt: row.discardedAt,
    discardReason: row.discardReason,
    measureNames,
  };
}

export function resultRows(ctx: ServiceContext, assessmentId: string): ResultRow[] {
  return prepared(ctx, 'assessments.results', () =>
    ctx.db
      .select()
      .from(measureResult)
      .where(eq(measureResult.assessmentId, sql.placeholder('id')))
      .orderBy(asc(measureResult.createdAt), asc(measureResult.id))
      .prepare(),
  ).all({ id: assessmentId });
}

export function getAssessment(ctx: ServiceContext, assessmentId: string): AssessmentDetail {
  const row = loadAssessment(ctx, assessmentId);
  const facts = patientFacts(ctx, row.patientId);
  const defs = new Map<string, MeasureDefinition | null>();
  const rows = resultRows(ctx, row.id).filter((r) => r.value != null || r.componentsJson !== '{}');
  const results = rows.map((r) => toResultView(ctx, r, defs));
  const planned = JSON.parse(row.plannedMeasuresJson) as string[];
  const topLevel = results.filter((r) => !r.measureKey.startsWith('esas_r.'));
  return {
    ...summaryOf(
      ctx,
      row,
      new Map(),
      topLevel.map((r) => r.shortName),
      supersededBy(ctx, row.id),
    ),
    notes: row.notes,
    heightCm: row.heightCm,
    weightKg: row.weightKg,
    finalisedByName: clinicianName(ctx, row.finalisedBy),
    results,
    plannedMeasureKeys: planned,
    person: { sex: facts.sex, ageOnDate: ageOn(facts.dateOfBirth, row.assessedOn) },
    testConflicts: testConflictsFor(ctx, row, [...planned, ...topLevel.map((r) => r.measureKey)]),
  };
}

export function listAssessments(ctx: ServiceContext, patientId: string): AssessmentList {
  patientFacts(ctx, patientId);
  const rows = prepared(ctx, 'assessments.forPatient', () =>
    ctx.db
      .select()
      .from(assessment)
      .where(eq(assessment.patientId, sql.placeholder('patientId')))
      .orderBy(desc(assessment.assessedOn), desc(assessment.createdAt))
      .prepare(),
  ).all({ patientId });
  const ids = rows.map((r) => r.id);
  const measureRows =
    ids.length === 0
      ? []
      : ctx.db
          .select({ assessmentId: measureResult.assessmentId, key: measureResult.measureKey })
          .from(measureResult)
          .where(
            and(
              inArray(measureResult.assessmentId, ids),
              isNotNull(measureResult.value),
              sql`${measureResult.parentResultId} is null`,
            ),
          )
          .orderBy(asc(measureResult.createdAt))
          .all();
  const defs = new Map<string, string>();
  const byAssessment = new Map<string, string[]>();
  for (const m of measureRows) {
    let name = defs.get(m.key);
    if (name === undefined) {
      name = definitionFor(ctx, m.key)?.shortName ?? m.key;
      defs.set(m.key, name);
    }
    (byAssessment.get(m.assessmentId) ?? byAssessment.set(m.assessmentId, []).get(m.assessmentId)!).push(name);
  }
  const superseding = new Map(rows.filter((r) => r.amendsId && r.finalisedAt).map((r) => [r.amendsId!, r.id]));
  const names = new Map<string, string>();
  const schedule = scheduleFor(ctx, patientId);
  return {
    assessments: rows.map((r) => summaryOf(ctx, r, names, byAssessment.get(r.id) ?? [], superseding.get(r.id) ?? null)),
    schedule: schedule!,
  };
}

/**
 * The patient's finalised baseline that counts (not replaced by a correction, never a discarded
 * draft). Reassessments and discharges are measured from it, so none may be dated before it.
 */
export function finalisedBaseline(
  ctx: ServiceContext,
  patientId: string,
): { id: string; assessedOn: string } | undefined {
  return prepared(ctx, 'assessments.finalisedBaseline', () =>
    ctx.db
      .select({ id: assessment.id, assessedOn: assessment.assessedOn })
      .from(assessment)
      .where(
        and(
          eq(assessment.patientId, sql.placeholder('patientId')),
          eq(assessment.kind, 'baseline'),
          isNotNull(assessment.finalisedAt),
          notSuperseded,
        ),
      )
      .orderBy(asc(assessment.assessedOn))
      .limit(1)
      .prepare(),
  ).get({ patientId });
}
