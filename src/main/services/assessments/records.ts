import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  isCustomMeasureKey,
  scoreCustomMeasure,
  scoreMeasure,
  type MeasureDefinition,
  type ScoreResult,
} from '../../../shared/clinical/measures';
import type { ParsedInputOf } from '../../../shared/contract';
import type {
  AssessmentDetail,
  AssessmentKind,
  AssessmentList,
  AssessmentSummary,
  MeasureResultView,
} from '../../../shared/contract/assessments';
import { ageOn, formatClinicDate, todayLocal } from '../../../shared/dates';
import type { Sex } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { assessment, clinician, measureResult, patient } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../../errors';
import { appendAudit } from '../audit';
import { refreshCaseloadSummary } from '../caseloadSummary';
import { requireClinician } from '../settings';
import { assertRecordable, defaultBattery, definitionFor } from './measures';
import { notSuperseded, scheduleFor } from './schedule';

type AssessmentRow = typeof assessment.$inferSelect;
type ResultRow = typeof measureResult.$inferSelect;
type ComponentValues = Record<string, number | string | boolean | null>;

function loadAssessment(ctx: ServiceContext, assessmentId: string): AssessmentRow {
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

function patientFacts(ctx: ServiceContext, patientId: string) {
  const row = ctx.db
    .select({ sex: patient.sex, dateOfBirth: patient.dateOfBirth })
    .from(patient)
    .where(eq(patient.id, patientId))
    .get();
  if (!row) throw notFound('That patient');
  return { sex: row.sex as Sex, dateOfBirth: row.dateOfBirth };
}

function clinicianName(ctx: ServiceContext, clinicianId: string | null): string | null {
  if (!clinicianId) return null;
  return (
    ctx.db.select({ name: clinician.fullName }).from(clinician).where(eq(clinician.id, clinicianId)).get()?.name ?? null
  );
}

function assertDraft(row: AssessmentRow): void {
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

function supersededBy(ctx: ServiceContext, assessmentId: string): string | null {
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

function score(
  def: MeasureDefinition,
  components: ComponentValues,
  context: { sex: Sex; age: number; heightCm: number | null; weightKg: number | null },
): ScoreResult {
  if (isCustomMeasureKey(def.key)) return scoreCustomMeasure(def, components);
  return scoreMeasure(def.key, components, context);
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
  };
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

function resultRows(ctx: ServiceContext, assessmentId: string): ResultRow[] {
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

function assertClinician(ctx: ServiceContext, clinicianId: string): void {
  const row = ctx.db.select({ active: clinician.active }).from(clinician).where(eq(clinician.id, clinicianId)).get();
  if (!row || !row.active) throw fieldError('clinicianId', 'Choose an active clinician');
}

export function createAssessment(ctx: ServiceContext, input: ParsedInputOf<'assessments.create'>): AssessmentDetail {
  const actor = requireClinician(ctx);
  const id = ctx.sqlite.transaction(() => {
    patientFacts(ctx, input.patientId);
    const clinicianId = input.clinicianId ?? actor;
    assertClinician(ctx, clinicianId);
    const planned = [...new Set(input.measureKeys ?? defaultBattery(ctx))];
    planned.forEach((key, i) => assertRecordable(ctx, key, `measureKeys.${i}`));
    const open = ctx.db
      .select({ id: assessment.id, on: assessment.assessedOn })
      .from(assessment)
      .where(
        and(eq(assessment.patientId, input.patientId), isNull(assessment.finalisedAt), isNull(assessment.discardedAt)),
      )
      .get();
    if (open) {
      throw new ApiError(
        'conflict',
        `This patient already has a draft assessment dated ${formatClinicDate(open.on)}. Finalise or discard it before starting another.`,
      );
    }
    if (input.kind === 'baseline') assertNoBaselineYet(ctx, input.patientId);
    assertNotBeforeBaseline(ctx, input.patientId, input.kind, input.assessedOn);
    const at = ctx.now().toISOString();
    const row: AssessmentRow = {
      id: ctx.newId(),
      patientId: input.patientId,
      kind: input.kind,
      assessedOn: input.assessedOn,
      clinicianId,
      notes: input.notes,
      heightCm: input.heightCm,
      weightKg: input.weightKg,
      plannedMeasuresJson: JSON.stringify(planned),
      amendsId: null,
      amendmentReason: null,
      finalisedAt: null,
      finalisedBy: null,
      discardedAt: null,
      discardedBy: null,
      discardReason: null,
      createdAt: at,
      createdBy: actor,
      updatedAt: at,
      updatedBy: actor,
    };
    ctx.db.insert(assessment).values(row).run();
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'assessment',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return row.id;
  })();
  return getAssessment(ctx, id);
}

interface RescoredResult {
  measureKey: string;
  before: { value: number | null; derived: unknown };
  after: { value: number | null; derived: unknown };
}

/**
 * Re-scores every result of a draft from its stored components, after the date, height or weight
 * changed. Each result whose score changed gets its own audit entry, and the list of changes is
 * returned for the header's entry, so no stored value changes without a trace.
 */
function rescore(ctx: ServiceContext, row: AssessmentRow, actor: string): RescoredResult[] {
  const changed: RescoredResult[] = [];
  for (const r of resultRows(ctx, row.id)) {
    if (r.parentResultId || r.componentsJson === '{}') continue;
    writeResult(ctx, row, r.measureKey, JSON.parse(r.componentsJson) as ComponentValues, actor, 'changed');
    const now = ctx.db.select().from(measureResult).where(eq(measureResult.id, r.id)).get()!;
    if (now.value !== r.value || now.derivedJson !== r.derivedJson) {
      changed.push({
        measureKey: r.measureKey,
        before: { value: r.value, derived: JSON.parse(r.derivedJson) as unknown },
        after: { value: now.value, derived: JSON.parse(now.derivedJson) as unknown },
      });
    }
  }
  return changed;
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

function assertNotBeforeBaseline(ctx: ServiceContext, patientId: string, kind: string, assessedOn: string): void {
  if (kind === 'baseline') {
    // A baseline finalised after later assessments (a draft left open, or a correction of its date)
    // must not end up dated after a reassessment or discharge that counts.
    const earlier = ctx.db
      .select({ on: assessment.assessedOn, kind: assessment.kind })
      .from(assessment)
      .where(
        and(
          eq(assessment.patientId, patientId),
          sql`${assessment.kind} <> 'baseline'`,
          isNotNull(assessment.finalisedAt),
          sql`${assessment.assessedOn} < ${assessedOn}`,
          sql`${assessment.id} not in (select a2.amends_id from assessment a2 where a2.patient_id = ${patientId} and a2.amends_id is not null and a2.finalised_at is not null)`,
        ),
      )
      .orderBy(asc(assessment.assessedOn))
      .get();
    if (earlier) {
      throw fieldError(
        'assessedOn',
        `The baseline cannot be dated after the ${earlier.kind === 'discharge' ? 'discharge assessment' : 'reassessment'} of ${formatClinicDate(earlier.on)}`,
      );
    }
    return;
  }
  const baseline = finalisedBaseline(ctx, patientId);
  if (baseline && assessedOn < baseline.assessedOn) {
    const what = kind === 'discharge' ? 'A discharge assessment' : 'A reassessment';
    throw fieldError(
      'assessedOn',
      `${what} cannot be dated before the baseline of ${formatClinicDate(baseline.assessedOn)}`,
    );
  }
}

/** A patient has one baseline; a later first visit is a reassessment. Discarded drafts do not count. */
function assertNoBaselineYet(ctx: ServiceContext, patientId: string): void {
  const existing = ctx.db
    .select({ id: assessment.id })
    .from(assessment)
    .where(and(eq(assessment.patientId, patientId), eq(assessment.kind, 'baseline'), isNull(assessment.discardedAt)))
    .get();
  if (existing) throw fieldError('kind', 'This patient already has a baseline; record a reassessment instead');
}

export function updateAssessment(ctx: ServiceContext, input: ParsedInputOf<'assessments.update'>): AssessmentDetail {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const before = loadAssessment(ctx, input.assessmentId);
    assertDraft(before);
    const clinicianId = input.clinicianId ?? before.clinicianId;
    if (clinicianId !== before.clinicianId) assertClinician(ctx, clinicianId);
    if (input.kind === 'baseline' && before.kind !== 'baseline' && !before.amendsId) {
      assertNoBaselineYet(ctx, before.patientId);
    }
    assertNotBeforeBaseline(ctx, before.patientId, input.kind, input.assessedOn);
    const changes = {
      kind: input.kind,
      assessedOn: input.assessedOn,
      clinicianId,
      notes: input.notes,
      heightCm: input.heightCm,
      weightKg: input.weightKg,
      updatedAt: ctx.now().toISOString(),
      updatedBy: actor,
    };
    ctx.db.update(assessment).set(changes).where(eq(assessment.id, before.id)).run();
    const after = { ...before, ...changes };
    if (after.assessedOn !== before.assessedOn) {
      ctx.db
        .update(measureResult)
        .set({ assessedOn: after.assessedOn })
        .where(eq(measureResult.assessmentId, before.id))
        .run();
    }
    const rescored = rescore(ctx, after, actor);
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: before.patientId,
      entity: 'assessment',
      entityId: before.id,
      action: 'update',
      before,
      // The results move with the date, and any score the new date, height or weight changed is listed.
      after: { ...after, rescoredResults: rescored },
    });
  })();
  return getAssessment(ctx, input.assessmentId);
}

/**
 * Scores the components in main (the same pure function the form shows live) and upserts the
 * result, with ESAS-r symptoms as their own rows. Refuses, naming each component, when the
 * scoring finds a problem, so a half-entered measure never stores a misleading score.
 */
function writeResult(
  ctx: ServiceContext,
  row: AssessmentRow,
  measureKey: string,
  components: ComponentValues,
  actor: string,
  /** true: audit every write; 'changed': audit only a result whose stored score changed. */
  audit: boolean | 'changed',
): void {
  const def = assertRecordable(ctx, measureKey);
  const facts = patientFacts(ctx, row.patientId);
  const scored = score(def, components, {
    sex: facts.sex,
    age: ageOn(facts.dateOfBirth, row.assessedOn),
    heightCm: row.heightCm,
    weightKg: row.weightKg,
  });
  if (scored.errors.length > 0 || scored.value == null) {
    const known = new Set(def.components.map((c) => c.key));
    const fields = Object.fromEntries(
      scored.errors.map((e) => [known.has(e.field) ? `components.${e.field}` : '_', e.message]),
    );
    const first = scored.errors[0]?.message ?? 'The score could not be worked out.';
    throw new ApiError('validation', `${def.shortName} not saved: ${first}`, fields);
  }
  const at = ctx.now().toISOString();
  const upsert = (
    key: string,
    value: number | null,
    comps: unknown,
    derived: unknown,
    warnings: string[],
    parentResultId: string | null,
  ) => {
    const existing = ctx.db
      .select()
      .from(measureResult)
      .where(and(eq(measureResult.assessmentId, row.id), eq(measureResult.measureKey, key)))
      .get();
    const values = {
      value,
      componentsJson: JSON.stringify(comps),
      derivedJson: JSON.stringify(derived),
      warningsJson: JSON.stringify(warnings),
      assessedOn: row.assessedOn,
      parentResultId,
      updatedAt: at,
      updatedBy: actor,
    };
    let id: string;
    if (existing) {
      id = existing.id;
      ctx.db.update(measureResult).set(values).where(eq(measureResult.id, id)).run();
    } else {
      id = ctx.newId();
      ctx.db
        .insert(measureResult)
        .values({
          id,
          assessmentId: row.id,
          patientId: row.patientId,
          measureKey: key,
          ...values,
          createdAt: at,
          createdBy: actor,
        })
        .run();
    }
    const changed =
      !existing ||
      existing.value !== values.value ||
      existing.componentsJson !== values.componentsJson ||
      existing.derivedJson !== values.derivedJson ||
      existing.warningsJson !== values.warningsJson;
    if ((audit === true || (audit === 'changed' && changed)) && !parentResultId) {
      appendAudit(ctx.db, ctx, {
        actorId: actor,
        patientId: row.patientId,
        entity: 'measure_result',
        entityId: id,
        action: existing ? 'update' : 'create',
        before: existing ?? undefined,
        after: { assessmentId: row.id, measureKey: key, ...values },
        reason: audit === 'changed' ? 'Re-scored after the assessment details changed' : undefined,
      });
    }
    return id;
  };
  const parentId = upsert(measureKey, scored.value, components, scored.derived, scored.warnings, null);
  if (def.key === 'esas_r') {
    for (const [key, value] of Object.entries(scored.derived)) {
      if (!key.startsWith('esas_r.') || key === 'esas_r.other' || typeof value !== 'number') continue;
      upsert(key, value, { [key.slice('esas_r.'.length)]: value }, {}, [], parentId);
    }
  }
}

export function recordMeasure(
  ctx: ServiceContext,
  input: ParsedInputOf<'assessments.recordMeasure'>,
): AssessmentDetail {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const row = loadAssessment(ctx, input.assessmentId);
    assertDraft(row);
    writeResult(ctx, row, input.measureKey, input.components, actor, true);
  })();
  return getAssessment(ctx, input.assessmentId);
}

/** Takes a measure off a draft. The row stays (audited) with no value, so nothing is deleted. */
export function clearMeasure(ctx: ServiceContext, input: ParsedInputOf<'assessments.clearMeasure'>): AssessmentDetail {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const row = loadAssessment(ctx, input.assessmentId);
    assertDraft(row);
    const existing = ctx.db
      .select()
      .from(measureResult)
      .where(and(eq(measureResult.assessmentId, row.id), eq(measureResult.measureKey, input.measureKey)))
      .get();
    if (!existing) throw notFound('That measure on this assessment');
    const at = ctx.now().toISOString();
    const cleared = {
      value: null,
      componentsJson: '{}',
      derivedJson: '{}',
      warningsJson: '[]',
      updatedAt: at,
      updatedBy: actor,
    };
    ctx.db.update(measureResult).set(cleared).where(eq(measureResult.id, existing.id)).run();
    ctx.db.update(measureResult).set(cleared).where(eq(measureResult.parentResultId, existing.id)).run();
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'measure_result',
      entityId: existing.id,
      action: 'update',
      before: existing,
      after: { ...existing, ...cleared },
      reason: 'Removed from the draft',
    });
  })();
  return getAssessment(ctx, input.assessmentId);
}

export function finaliseAssessment(ctx: ServiceContext, assessmentId: string): AssessmentDetail {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const row = loadAssessment(ctx, assessmentId);
    assertDraft(row);
    const recorded = resultRows(ctx, row.id).filter((r) => r.value != null);
    if (recorded.length === 0) {
      throw new ApiError('validation', 'Record at least one measure before finalising.');
    }
    if (row.assessedOn > todayLocal(ctx.now())) {
      throw fieldError('assessedOn', 'Assessment date cannot be in the future');
    }
    assertNotBeforeBaseline(ctx, row.patientId, row.kind, row.assessedOn);
    if (row.amendsId && supersededBy(ctx, row.amendsId)) {
      throw new ApiError('conflict', 'The assessment this corrects has already been corrected.');
    }
    const at = ctx.now().toISOString();
    ctx.db
      .update(assessment)
      .set({ finalisedAt: at, finalisedBy: actor, updatedAt: at, updatedBy: actor })
      .where(eq(assessment.id, row.id))
      .run();
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'assessment',
      entityId: row.id,
      action: 'finalise',
      before: { finalisedAt: null },
      after: { finalisedAt: at, finalisedBy: actor, amendsId: row.amendsId, results: recorded.length },
      reason: row.amendmentReason,
    });
    refreshCaseloadSummary(ctx, row.patientId);
  })();
  return getAssessment(ctx, assessmentId);
}

/**
 * Starts a correction of a finalised assessment: a new draft with the same header and results,
 * pointing back to the original. The original is never changed; it stops counting only when the
 * correction is finalised, and both stay readable.
 */
export function amendAssessment(ctx: ServiceContext, input: ParsedInputOf<'assessments.amend'>): AssessmentDetail {
  const actor = requireClinician(ctx);
  const id = ctx.sqlite.transaction(() => {
    const original = loadAssessment(ctx, input.assessmentId);
    if (original.discardedAt) throw new ApiError('conflict', 'A discarded draft cannot be corrected.');
    if (!original.finalisedAt) {
      throw new ApiError('conflict', 'This assessment is still a draft: change it directly, no amendment is needed.');
    }
    if (supersededBy(ctx, original.id)) {
      throw new ApiError('conflict', 'This assessment has already been corrected. Correct the latest version instead.');
    }
    const open = ctx.db
      .select({ id: assessment.id })
      .from(assessment)
      .where(
        and(
          eq(assessment.patientId, original.patientId),
          isNull(assessment.finalisedAt),
          isNull(assessment.discardedAt),
        ),
      )
      .get();
    if (open)
      throw new ApiError(
        'conflict',
        'Finalise or discard the open draft for this patient before starting a correction.',
      );
    const at = ctx.now().toISOString();
    const row: AssessmentRow = {
      ...original,
      id: ctx.newId(),
      amendsId: original.id,
      amendmentReason: input.reason,
      finalisedAt: null,
      finalisedBy: null,
      discardedAt: null,
      discardedBy: null,
      discardReason: null,
      createdAt: at,
      createdBy: actor,
      updatedAt: at,
      updatedBy: actor,
    };
    ctx.db.insert(assessment).values(row).run();
    for (const r of resultRows(ctx, original.id)) {
      if (r.parentResultId || r.value == null) continue;
      writeResult(ctx, row, r.measureKey, JSON.parse(r.componentsJson) as ComponentValues, actor, false);
    }
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'assessment',
      entityId: row.id,
      action: 'amend',
      before: { id: original.id },
      after: row,
      reason: input.reason,
    });
    return row.id;
  })();
  return getAssessment(ctx, id);
}

/**
 * Abandons a draft assessment or an unfinalised correction. Nothing is deleted: the row and its
 * results stay, marked discarded (who, when, why), and it no longer blocks a new assessment or
 * counts anywhere. A correction's original is untouched and keeps counting.
 */
export function discardAssessment(ctx: ServiceContext, input: ParsedInputOf<'assessments.discard'>): AssessmentDetail {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const row = loadAssessment(ctx, input.assessmentId);
    if (row.discardedAt) throw new ApiError('conflict', 'This draft has already been discarded.');
    if (row.finalisedAt) {
      throw new ApiError(
        'locked',
        'A finalised assessment cannot be discarded. Use “Correct this assessment” to record an amendment.',
      );
    }
    const at = ctx.now().toISOString();
    const changes = {
      discardedAt: at,
      discardedBy: actor,
      discardReason: input.reason,
      updatedAt: at,
      updatedBy: actor,
    };
    ctx.db.update(assessment).set(changes).where(eq(assessment.id, row.id)).run();
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'assessment',
      entityId: row.id,
      action: 'discard',
      before: { discardedAt: null, kind: row.kind, assessedOn: row.assessedOn, amendsId: row.amendsId },
      after: { ...changes, kind: row.kind, assessedOn: row.assessedOn, amendsId: row.amendsId },
      reason: `Draft discarded: ${input.reason}`,
    });
  })();
  return getAssessment(ctx, input.assessmentId);
}
