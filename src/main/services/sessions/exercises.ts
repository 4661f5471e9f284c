import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
  findStarterExercise,
  starterExercises,
  starterTagReviews,
  withDerivedTags,
  type MovementTag,
} from '../../../shared/clinical/session';
import type { ParsedInputOf } from '../../../shared/contract';
import type { Exercise } from '../../../shared/contract/sessions';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { exercise, exerciseUsage, planItem } from '../../db/schema';
import { fieldError, notFound } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
import { requireClinician } from '../settings';

type ExerciseRow = typeof exercise.$inferSelect;

export function toExercise(row: ExerciseRow): Exercise {
  return {
    id: row.id,
    starterKey: row.starterKey,
    name: row.name,
    modality: row.modality as Exercise['modality'],
    position: row.position as Exercise['position'],
    equipment: JSON.parse(row.equipmentJson) as string[],
    impact: row.impact as Exercise['impact'],
    weightBearing: row.weightBearing,
    chairBased: row.chairBased,
    tags: JSON.parse(row.tagsJson) as MovementTag[],
    description: row.description,
    retired: row.retired,
  };
}

const seeded = new WeakSet<object>();

/**
 * Adds any starter exercise the library does not hold yet (by its stable key). Runs once per open
 * caseload; the clinic's edits to seeded exercises are kept because existing keys are skipped.
 */
export function ensureExerciseLibrary(ctx: ServiceContext): void {
  if (seeded.has(ctx.db)) return;
  const have = new Set(
    ctx.db
      .select({ key: exercise.starterKey })
      .from(exercise)
      .all()
      .map((r) => r.key),
  );
  const missing = starterExercises.filter((e) => !have.has(e.key));
  correctStarterTags(ctx);
  if (missing.length > 0) {
    // One entry per exercise, so reconciliation can check each seeded row like any other.
    const write = {
      actorId: starterActor(ctx),
      patientId: null,
      entity: 'exercise',
      at: ctx.now().toISOString(),
      reason: STARTER_REASON,
    };
    ctx.sqlite.transaction(() => {
      for (const e of missing) {
        insertAudited(
          ctx,
          exercise,
          {
            starterKey: e.key,
            name: e.name,
            modality: e.modality,
            position: e.position,
            equipmentJson: JSON.stringify(e.equipment),
            impact: e.impact,
            weightBearing: e.weightBearing,
            chairBased: e.chairBased,
            tagsJson: JSON.stringify(e.tags),
            description: e.description,
            retired: false,
          },
          write,
        );
      }
    })();
  }
  seeded.add(ctx.db);
}

/**
 * Releases before per-exercise entries logged a seeding or a tag review as one `exercise_library`
 * entry listing starter keys ({added} / {retagged}); reconcile.ts still reads those.
 */
const STARTER_REASON = 'Starter exercise library';

/** Who a seeded or machine-corrected row is stamped with: the signed-in clinician, else Pacewise itself. */
const starterActor = (ctx: ServiceContext) => ctx.session.clinicianId ?? 'pacewise';

/** Applies each tag review to seeded exercises still exactly as that review found them, each with its entry. */
function correctStarterTags(ctx: ServiceContext): void {
  for (const review of starterTagReviews) {
    const rows = ctx.db
      .select()
      .from(exercise)
      .where(inArray(exercise.starterKey, Object.keys(review.before)))
      .all();
    const stale = rows.filter((r) => r.starterKey && r.tagsJson === JSON.stringify(review.before[r.starterKey]));
    if (stale.length === 0) continue;
    const write = {
      actorId: starterActor(ctx),
      patientId: null,
      entity: 'exercise',
      at: ctx.now().toISOString(),
      reason: review.reason,
    };
    ctx.sqlite.transaction(() => {
      for (const r of stale) {
        const tags = findStarterExercise(r.starterKey!)!.tags;
        updateAudited(ctx, exercise, r, { tagsJson: JSON.stringify(tags) }, write);
      }
    })();
  }
}

export function listExercises(ctx: ServiceContext, includeRetired: boolean): Exercise[] {
  ensureExerciseLibrary(ctx);
  const rows = prepared(ctx, 'exercises.list', () =>
    ctx.db.select().from(exercise).orderBy(asc(exercise.name)).prepare(),
  ).all();
  return rows.filter((r) => includeRetired || !r.retired).map(toExercise);
}

export function exercisesById(ctx: ServiceContext, ids: readonly string[]): Map<string, Exercise> {
  ensureExerciseLibrary(ctx);
  const out = new Map<string, Exercise>();
  const stmt = prepared(ctx, 'exercises.byId', () =>
    ctx.db
      .select()
      .from(exercise)
      .where(eq(exercise.id, sql.placeholder('id')))
      .prepare(),
  );
  for (const id of new Set(ids)) {
    const row = stmt.get({ id });
    if (row) out.set(id, toExercise(row));
  }
  return out;
}

function values(input: ParsedInputOf<'exercises.add'>) {
  return {
    name: input.name,
    modality: input.modality,
    position: input.position,
    equipmentJson: JSON.stringify(input.equipment),
    impact: input.impact,
    weightBearing: input.weightBearing,
    chairBased: input.chairBased,
    tagsJson: JSON.stringify([...new Set(withDerivedTags(input).tags)]),
    description: input.description,
  };
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId?: string) {
  const clash = ctx.db
    .select({ id: exercise.id })
    .from(exercise)
    .where(sql`lower(${exercise.name}) = lower(${name})`)
    .get();
  if (clash && clash.id !== exceptId) throw fieldError('name', `The library already has an exercise called “${name}”`);
}

export function addExercise(ctx: ServiceContext, input: ParsedInputOf<'exercises.add'>): Exercise {
  const actor = requireClinician(ctx);
  ensureExerciseLibrary(ctx);
  return ctx.sqlite.transaction(() => {
    assertNameFree(ctx, input.name);
    const row = insertAudited(
      ctx,
      exercise,
      { id: ctx.newId(), starterKey: null, ...values(input), retired: false },
      { actorId: actor, patientId: null, entity: 'exercise' },
    );
    return toExercise(row);
  })();
}

function getRow(ctx: ServiceContext, id: string): ExerciseRow {
  const row = ctx.db.select().from(exercise).where(eq(exercise.id, id)).get();
  if (!row) throw notFound('That exercise');
  return row;
}

function inUse(ctx: ServiceContext, exerciseId: string): boolean {
  // exercise_usage is kept by triggers on exercise_entry (migration 0015).
  const logged = ctx.db
    .select({ id: exerciseUsage.exerciseId })
    .from(exerciseUsage)
    .where(eq(exerciseUsage.exerciseId, exerciseId))
    .get();
  if (logged) return true;
  return !!ctx.db.select({ id: planItem.id }).from(planItem).where(eq(planItem.exerciseId, exerciseId)).limit(1).get();
}

export function updateExercise(ctx: ServiceContext, input: ParsedInputOf<'exercises.update'>): Exercise {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const before = getRow(ctx, input.exerciseId);
    assertNameFree(ctx, input.name, before.id);
    if (input.name !== before.name && inUse(ctx, before.id)) {
      // Signed records and plans show the library name: renaming would rewrite what they say.
      throw fieldError(
        'name',
        `“${before.name}” is already in signed sessions or plans, so its name cannot change. Retire it and add the new exercise instead.`,
      );
    }
    const after = updateAudited(ctx, exercise, before, values(input), {
      actorId: actor,
      patientId: null,
      entity: 'exercise',
    });
    return toExercise(after);
  })();
}

/** Retired exercises leave the pick lists but stay readable in every record that used them. */
export function retireExercise(ctx: ServiceContext, exerciseId: string, retired: boolean): Exercise {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const before = getRow(ctx, exerciseId);
    const after = updateAudited(
      ctx,
      exercise,
      before,
      { retired },
      {
        actorId: actor,
        patientId: null,
        entity: 'exercise',
        action: retired ? 'retire' : 'update',
        before: { retired: before.retired },
        after: () => ({ retired }),
      },
    );
    return toExercise(after);
  })();
}
