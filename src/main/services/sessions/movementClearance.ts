import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { clearableRules, restrictionsForLesions, type BoneRestriction } from '../../../shared/clinical/session';
import type { ParsedInputOf } from '../../../shared/contract';
import {
  clearableMovementTags,
  type ClearableMovementTag,
  type MovementClearanceView,
  type PlanView,
} from '../../../shared/contract/sessions';
import type { PatientSafetyContext } from '../../../shared/domain/safetyContext';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { clinician, movementClearance, patient } from '../../db/schema';
import { notFound } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
import { requireClinician } from '../settings';

/** The clinician clearances in force for a patient, oldest first. */
export function movementClearances(ctx: ServiceContext, patientId: string): MovementClearanceView[] {
  return prepared(ctx, 'sessions.movementClearances', () =>
    ctx.db
      .select({
        id: movementClearance.id,
        tag: movementClearance.tag,
        reason: movementClearance.reason,
        clearedByName: clinician.fullName,
        clearedAt: movementClearance.createdAt,
      })
      .from(movementClearance)
      .leftJoin(clinician, eq(clinician.id, movementClearance.createdBy))
      .where(and(eq(movementClearance.patientId, sql.placeholder('patientId')), isNull(movementClearance.withdrawnAt)))
      .orderBy(asc(movementClearance.createdAt), asc(movementClearance.id))
      .prepare(),
  )
    .all({ patientId })
    .filter((row) => (clearableMovementTags as readonly string[]).includes(row.tag))
    .map((row) => ({ ...row, tag: row.tag as ClearableMovementTag, clearedByName: row.clearedByName ?? 'Unknown' }));
}

/** The patient's bone-lesion restrictions, with the movement work a clinician has cleared given way. */
export function restrictionsFor(ctx: ServiceContext, safety: PatientSafetyContext): BoneRestriction[] {
  if (safety.boneLesions.length === 0) return [];
  const cleared = movementClearances(ctx, safety.patientId).map((c) => c.tag);
  return restrictionsForLesions(safety.boneLesions, cleared);
}

/** Clearable work some lesion blocks (before clearances), for the plan screen to offer. */
export function clearableFor(safety: PatientSafetyContext): PlanView['clearable'] {
  const blocking = clearableRules(safety.boneLesions);
  return clearableMovementTags.flatMap((tag) => {
    const rule = blocking.find((r) => r.tag === tag);
    return rule ? [{ tag, because: rule.clearableBecause ?? rule.source }] : [];
  });
}

export function clearMovement(ctx: ServiceContext, input: ParsedInputOf<'plans.clearMovement'>): void {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    if (!ctx.db.select({ id: patient.id }).from(patient).where(eq(patient.id, input.patientId)).get()) {
      throw notFound('That patient');
    }
    // Clearing twice records nothing new: the clearance in force already says who, when and why.
    if (movementClearances(ctx, input.patientId).some((c) => c.tag === input.tag)) return;
    insertAudited(
      ctx,
      movementClearance,
      {
        id: ctx.newId(),
        patientId: input.patientId,
        tag: input.tag,
        reason: input.reason,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawnReason: null,
      },
      { actorId: actor, patientId: input.patientId, entity: 'movement_clearance', reason: input.reason },
    );
  })();
}

export function withdrawMovementClearance(
  ctx: ServiceContext,
  input: ParsedInputOf<'plans.withdrawMovementClearance'>,
): void {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const before = ctx.db.select().from(movementClearance).where(eq(movementClearance.id, input.clearanceId)).get();
    if (!before || before.patientId !== input.patientId || before.withdrawnAt) throw notFound('That clearance');
    updateAudited(
      ctx,
      movementClearance,
      before,
      { withdrawnAt: ctx.now().toISOString(), withdrawnBy: actor, withdrawnReason: input.reason },
      { actorId: actor, patientId: input.patientId, entity: 'movement_clearance', reason: input.reason },
    );
  })();
}
