import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { exercise } from '../../db/schema';
import { openTestCaseload } from '../../testing';
import { auditTrailFor } from '../audit';
import { ensureExerciseLibrary, listExercises } from './exercises';

let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  t = openTestCaseload();
});
afterEach(() => t.close());

describe('starter library tag review', () => {
  it('retags a seeded exercise still as first seeded, leaves a clinic edit alone, and audits the change', () => {
    listExercises(t.ctx, true);
    // Set the library back to the first seeding, then reopen the caseload on the same file.
    t.ctx.db
      .update(exercise)
      .set({ tagsJson: JSON.stringify(['non_weight_bearing_aerobic']) })
      .where(eq(exercise.starterKey, 'seated_marching'))
      .run();
    t.ctx.db
      .update(exercise)
      .set({ tagsJson: JSON.stringify(['non_weight_bearing_aerobic', 'shoulder_movements', 'flexibility']) })
      .where(eq(exercise.starterKey, 'chair_aerobics'))
      .run();
    const fresh = { ...t.ctx, db: Object.create(t.ctx.db) as typeof t.ctx.db };
    ensureExerciseLibrary(fresh);
    const tagsOf = (key: string) => listExercises(t.ctx, true).find((e) => e.starterKey === key)!.tags;
    expect(tagsOf('seated_marching')).toEqual(['non_weight_bearing_aerobic', 'hip_flexion_extension']);
    expect(tagsOf('chair_aerobics')).toEqual(['non_weight_bearing_aerobic', 'shoulder_movements', 'flexibility']);
    const idOf = (key: string) => listExercises(t.ctx, true).find((e) => e.starterKey === key)!.id;
    const marching = auditTrailFor(t.ctx.db, 'exercise', idOf('seated_marching'));
    expect(marching.map((e) => e.action)).toEqual(['create', 'update']);
    expect(marching.at(-1)?.reason).toContain('tag review');
    expect(JSON.parse(marching.at(-1)!.afterJson!)).toMatchObject({
      tagsJson: JSON.stringify(['non_weight_bearing_aerobic', 'hip_flexion_extension']),
    });
    expect(auditTrailFor(t.ctx.db, 'exercise', idOf('chair_aerobics')).map((e) => e.action)).toEqual(['create']);
  });
});

describe('starter library tag review (issue 20)', () => {
  it('brings a library seeded before the review up to date, and leaves a clinic edit alone', () => {
    listExercises(t.ctx, true);
    const seededAs = (key: string, tags: string[]) =>
      t.ctx.db
        .update(exercise)
        .set({ tagsJson: JSON.stringify(tags) })
        .where(eq(exercise.starterKey, key))
        .run();
    seededAs('side_lying_clam', ['lower_body_resistance']);
    seededAs('neck_turns', ['flexibility', 'spinal_rotation']);
    seededAs('standing_calf_raise', ['lower_body_resistance', 'single_leg_balance', 'standing_lower_limb_load']);
    seededAs('leg_press_machine', ['hip_flexion_extension', 'lower_body_resistance']);
    const fresh = { ...t.ctx, db: Object.create(t.ctx.db) as typeof t.ctx.db };
    ensureExerciseLibrary(fresh);
    const tagsOf = (key: string) => listExercises(t.ctx, true).find((e) => e.starterKey === key)!.tags;
    expect(tagsOf('side_lying_clam')).toEqual(['lower_body_resistance', 'hip_abduction']);
    expect(tagsOf('neck_turns')).toEqual(['flexibility', 'neck_movements']);
    expect(tagsOf('standing_calf_raise')).toEqual(['lower_body_resistance', 'standing_lower_limb_load']);
    // Not as seeded: the clinic's own edit stays.
    expect(tagsOf('leg_press_machine')).toEqual(['hip_flexion_extension', 'lower_body_resistance']);
    const clam = listExercises(t.ctx, true).find((e) => e.starterKey === 'side_lying_clam')!.id;
    expect(auditTrailFor(t.ctx.db, 'exercise', clam).at(-1)?.reason).toMatch(/issue 20.*trochanteric pull/);
  });
});
