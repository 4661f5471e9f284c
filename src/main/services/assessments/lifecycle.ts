import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../shared/contract';
import type { AssessmentDetail } from '../../../shared/contract/assessments';
import { formatClinicDate, todayLocal } from '../../../shared/dates';
import type { ServiceContext } from '../../context';
import { assessment, clinician, measureResult } from '../../db/schema';
import { ApiError, fieldError } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
import { refreshCaseloadSummary } from '../caseloadSummary';
import { requireClinician } from '../settings';
import { assertRecordable, defaultBattery } from './measures';
import { rescore, writeResult } from './results';
import {
  finalisedBaseline,
  assertDraft,
  getAssessment,
  loadAssessment,
  patientFacts,
  resultRows,
  supersededBy,
  type ComponentValues,
} from './view';

/** An assessment's life: created as a draft, changed, finalised, corrected by amendment, or discarded. */

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
    const row = insertAudited(
      ctx,
      assessment,
      {
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
      },
      { actorId: actor, patientId: input.patientId, entity: 'assessment' },
    );
    return row.id;
  })();
  return getAssessment(ctx, id);
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
          sql`${assessment.kind} not in ('baseline', 'patient_reported')`,
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
    };
    let rescored: ReturnType<typeof rescore> = [];
    updateAudited(ctx, assessment, before, changes, {
      actorId: actor,
      patientId: before.patientId,
      entity: 'assessment',
      beforeEntry: (after) => {
        if (after.assessedOn !== before.assessedOn) {
          ctx.db
            .update(measureResult)
            .set({ assessedOn: after.assessedOn })
            .where(eq(measureResult.assessmentId, before.id))
            .run();
        }
        rescored = rescore(ctx, after, actor);
      },
      // The results move with the date, and any score the new date, height or weight changed is listed.
      after: (after) => ({ ...after, rescoredResults: rescored }),
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
    updateAudited(
      ctx,
      assessment,
      row,
      { finalisedAt: at, finalisedBy: actor },
      {
        actorId: actor,
        at,
        patientId: row.patientId,
        entity: 'assessment',
        action: 'finalise',
        before: { finalisedAt: null },
        after: (after) => ({
          finalisedAt: after.finalisedAt,
          finalisedBy: actor,
          amendsId: row.amendsId,
          results: recorded.length,
        }),
        reason: row.amendmentReason,
      },
    );
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
    if (original.kind === 'patient_reported') {
      throw new ApiError(
        'conflict',
        'This ESAS-r is what the patient reported at check-in and stays as they gave it. Record your own ratings on the session’s screen or in an assessment.',
      );
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
    const { createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...header } = original;
    const row = insertAudited(
      ctx,
      assessment,
      {
        ...header,
        id: ctx.newId(),
        amendsId: original.id,
        amendmentReason: input.reason,
        finalisedAt: null,
        finalisedBy: null,
        discardedAt: null,
        discardedBy: null,
        discardReason: null,
      },
      {
        actorId: actor,
        patientId: original.patientId,
        entity: 'assessment',
        action: 'amend',
        before: { id: original.id },
        beforeEntry: (copy) => {
          for (const r of resultRows(ctx, original.id)) {
            if (r.parentResultId || r.value == null) continue;
            writeResult(ctx, copy, r.measureKey, JSON.parse(r.componentsJson) as ComponentValues, actor, false);
          }
        },
        reason: input.reason,
      },
    );
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
    const context = { kind: row.kind, assessedOn: row.assessedOn, amendsId: row.amendsId };
    updateAudited(
      ctx,
      assessment,
      row,
      { discardedAt: at, discardedBy: actor, discardReason: input.reason },
      {
        actorId: actor,
        at,
        patientId: row.patientId,
        entity: 'assessment',
        action: 'discard',
        before: { discardedAt: null, ...context },
        after: (after) => ({
          discardedAt: after.discardedAt,
          discardedBy: after.discardedBy,
          discardReason: after.discardReason,
          updatedAt: after.updatedAt,
          updatedBy: after.updatedBy,
          ...context,
        }),
        reason: `Draft discarded: ${input.reason}`,
      },
    );
  })();
  return getAssessment(ctx, input.assessmentId);
}
