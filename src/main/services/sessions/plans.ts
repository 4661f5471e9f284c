import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { conflictsFor, heartRateTargetAllowed, planItemLimitProblems } from '../../../shared/clinical/session';
import type { ParsedInputOf } from '../../../shared/contract';
import type { ExercisePlan, PlanItem, PlanView } from '../../../shared/contract/sessions';
import { todayLocal } from '../../../shared/dates';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { clinician, exercise, exercisePlan, patient, planItem } from '../../db/schema';
import { ApiError, notFound } from '../../errors';
import { insertAudited, stamps, updateAudited } from '../audit';
import { requireClinician } from '../settings';
import { exercisesById } from './exercises';
import { clearableFor, movementClearances, restrictionsFor } from './movementClearance';
import { safetyContextFor } from './safety';

function planRow(ctx: ServiceContext, patientId: string) {
  return prepared(ctx, 'plans.current', () =>
    ctx.db
      .select({ plan: exercisePlan, byName: clinician.fullName })
      .from(exercisePlan)
      .leftJoin(clinician, eq(clinician.id, exercisePlan.createdBy))
      .where(and(eq(exercisePlan.patientId, sql.placeholder('patientId')), isNull(exercisePlan.supersededAt)))
      .orderBy(desc(exercisePlan.version))
      .limit(1)
      .prepare(),
  ).get({ patientId });
}

export function currentPlan(ctx: ServiceContext, patientId: string): ExercisePlan | null {
  const found = planRow(ctx, patientId);
  if (!found) return null;
  const items = prepared(ctx, 'plans.items', () =>
    ctx.db
      .select({ item: planItem, exerciseName: exercise.name })
      .from(planItem)
      .innerJoin(exercise, eq(exercise.id, planItem.exerciseId))
      .where(eq(planItem.planId, sql.placeholder('planId')))
      .orderBy(asc(planItem.position))
      .prepare(),
  ).all({ planId: found.plan.id });
  const p = found.plan;
  return {
    id: p.id,
    patientId: p.patientId,
    version: p.version,
    sessionsPerWeek: p.sessionsPerWeek,
    sessionMinutes: p.sessionMinutes,
    cycleAdjustment: p.cycleAdjustment,
    milestones: p.milestones,
    notes: p.notes,
    createdAt: p.createdAt,
    createdByName: found.byName ?? 'Unknown clinician',
    supersededAt: p.supersededAt,
    items: items.map(({ item, exerciseName }): PlanItem => ({
      id: item.id,
      exerciseId: item.exerciseId,
      exerciseName,
      sets: item.sets,
      reps: item.reps,
      durationMin: item.durationMin,
      loadKg: item.loadKg,
      rpeMin: item.rpeMin,
      rpeMax: item.rpeMax,
      hrMin: item.hrMin,
      hrMax: item.hrMax,
      talkTest: item.talkTest,
      restSeconds: item.restSeconds,
      progression: item.progression,
      notes: item.notes,
      overrideNote: item.overrideNote,
    })),
  };
}

export function planView(ctx: ServiceContext, patientId: string): PlanView {
  const safety = safetyContextFor(ctx, patientId, todayLocal(ctx.now()));
  const versions =
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(exercisePlan)
      .where(eq(exercisePlan.patientId, patientId))
      .get()?.n ?? 0;
  return {
    plan: currentPlan(ctx, patientId),
    versions,
    restrictions: restrictionsFor(ctx, safety),
    heartRateTargets: heartRateTargetAllowed(safety.medicationFlags),
    movementClearances: movementClearances(ctx, patientId),
    clearable: clearableFor(safety),
    doctorRestrictions: { text: safety.clearance.restrictions, limits: safety.clearance.limits },
  };
}

/** Saves a new version; the previous one is marked superseded and stays readable. */
export function savePlan(ctx: ServiceContext, input: ParsedInputOf<'plans.save'>): ExercisePlan {
  const actor = requireClinician(ctx);
  if (!ctx.db.select({ id: patient.id }).from(patient).where(eq(patient.id, input.patientId)).get()) {
    throw notFound('That patient');
  }
  const safety = safetyContextFor(ctx, input.patientId, todayLocal(ctx.now()));
  const restrictions = restrictionsFor(ctx, safety);
  const hr = heartRateTargetAllowed(safety.medicationFlags);
  const library = exercisesById(
    ctx,
    input.items.map((i) => i.exerciseId),
  );
  const fields: Record<string, string> = {};
  input.items.forEach((item, i) => {
    const ex = library.get(item.exerciseId);
    if (!ex) {
      fields[`items.${i}.exerciseId`] = 'Choose an exercise from the library';
      return;
    }
    const conflicts = conflictsFor(ex, restrictions);
    const beyond = planItemLimitProblems(item, ex, safety.clearance.limits);
    if (conflicts.length > 0 && !item.overrideNote) {
      fields[`items.${i}.overrideNote`] =
        `${ex.name} conflicts with the bone-lesion restrictions (${conflicts[0]!.reason}). Record an override note to keep it.`;
    } else if (beyond.length > 0 && !item.overrideNote) {
      fields[`items.${i}.overrideNote`] =
        `${ex.name}: ${beyond.map((p) => p.message).join('; ')} (clearance restrictions). Record an override note to keep it.`;
    }
    // A warning with a reason, not a refusal: the doctor may have given the target range.
    if (
      !hr.allowed &&
      (item.hrMin != null || item.hrMax != null) &&
      !item.overrideNote &&
      !fields[`items.${i}.overrideNote`]
    ) {
      fields[`items.${i}.overrideNote`] =
        `${ex.name}: ${hr.reason}. Record the reason for the heart-rate target in the override note.`;
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new ApiError('validation', Object.values(fields).join(' '), fields);
  }
  const id = ctx.sqlite.transaction(() => {
    const at = ctx.now().toISOString();
    const previous = planRow(ctx, input.patientId)?.plan;
    const last = ctx.db
      .select({ v: sql<number>`max(${exercisePlan.version})` })
      .from(exercisePlan)
      .where(eq(exercisePlan.patientId, input.patientId))
      .get()?.v;
    const version = (last ?? 0) + 1;
    if (previous) {
      // An entry of its own: reconciliation reads each plan's superseded_at from that plan's trail.
      updateAudited(
        ctx,
        exercisePlan,
        previous,
        { supersededAt: at },
        {
          actorId: actor,
          patientId: input.patientId,
          entity: 'exercise_plan',
          at,
          before: { supersededAt: previous.supersededAt },
          after: () => ({ supersededAt: at }),
          reason: `Version ${previous.version} replaced by version ${version}`,
        },
      );
    }
    const planId = ctx.newId();
    // The items are logged inside the plan's entry.
    const items = input.items.map((item, position) => ({
      id: ctx.newId(),
      planId,
      position,
      ...item,
      ...stamps(at, actor),
    }));
    insertAudited(
      ctx,
      exercisePlan,
      {
        id: planId,
        patientId: input.patientId,
        version,
        sessionsPerWeek: input.sessionsPerWeek,
        sessionMinutes: input.sessionMinutes,
        cycleAdjustment: input.cycleAdjustment,
        milestones: input.milestones,
        notes: input.notes,
        supersededAt: null,
      },
      {
        actorId: actor,
        patientId: input.patientId,
        entity: 'exercise_plan',
        at,
        before: previous ? { id: previous.id, version: previous.version } : undefined,
        after: (row) => ({ ...row, items }),
      },
    );
    if (items.length > 0) ctx.db.insert(planItem).values(items).run();
    return planId;
  })();
  void id;
  return currentPlan(ctx, input.patientId)!;
}
