import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boneLesion } from '../../db/schema';
import { openTestCaseload } from '../../testing';
import { auditTrailFor } from '../audit';
import { listExercises } from './exercises';
import { clearMovement, withdrawMovementClearance } from './movementClearance';
import { planView, savePlan } from './plans';
import { seedPatient } from '../../testSeed';

let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  t = openTestCaseload({ now: () => new Date('2026-11-27T09:30:00') });
});
afterEach(() => t.close());

const exerciseId = (key: string) => listExercises(t.ctx, false).find((e) => e.starterKey === key)!.id;
const planWith = (patientId: string, key: string, overrideNote: string | null = null) =>
  savePlan(t.ctx, {
    patientId,
    sessionsPerWeek: 2,
    sessionMinutes: 45,
    cycleAdjustment: null,
    milestones: null,
    notes: null,
    items: [{ exerciseId: exerciseId(key), overrideNote } as never],
  });

function refusalOf(fn: () => unknown): { fields?: Record<string, string> } {
  try {
    fn();
  } catch (error) {
    return error as { fields?: Record<string, string> };
  }
  throw new Error('expected a refusal');
}

describe('standing and balance work with a lower-limb or pelvic lesion', () => {
  it('single-leg stance conflicts with a partial-weight-bearing femur lesion, found by tag', () => {
    const p = seedPatient(t.ctx, { mrn: 'F1', lesions: ['proximal_femur'] });
    t.ctx.db.update(boneLesion).set({ weightBearing: 'partial' }).where(eq(boneLesion.patientId, p)).run();
    const error = refusalOf(() => planWith(p, 'supported_single_leg_stance'));
    expect(error.fields?.['items.0.overrideNote']).toMatch(/Partial-weight-bearing status/);
  });

  it('Mirels 9 blocks tandem stance until a clinician clears it with a reason, audited; withdrawing restores it', () => {
    const p = seedPatient(t.ctx, { mrn: 'F2', lesions: ['proximal_femur'] });
    t.ctx.db
      .update(boneLesion)
      .set({
        weightBearing: 'full',
        mirelsJson: JSON.stringify({
          site: 'peritrochanteric',
          lesion: 'lytic',
          size: 'one_to_two_thirds',
          pain: 'mild',
        }),
      })
      .where(eq(boneLesion.patientId, p))
      .run();
    const view = planView(t.ctx, p);
    // Issue 20: the femur row's resistance movements may be cleared too ("start low, go slow").
    expect(view.clearable.map((c) => c.tag)).toEqual([
      'single_leg_balance',
      'hip_flexion_extension',
      'knee_flexion_extension',
      'hip_abduction',
    ]);
    expect(view.clearable[0]!.because).toMatch(/^Clinic policy/);
    expect(view.clearable[1]!.because).toMatch(/PMC9335464 Tbl 2 note a/);
    expect(refusalOf(() => planWith(p, 'tandem_stance')).fields?.['items.0.overrideNote']).toMatch(/Mirels 9 \(≥9\)/);

    clearMovement(t.ctx, {
      patientId: p,
      tag: 'single_leg_balance',
      reason: 'Orthopaedic review: stable after fixation',
    });
    const cleared = planView(t.ctx, p);
    expect(cleared.movementClearances).toMatchObject([
      { tag: 'single_leg_balance', reason: 'Orthopaedic review: stable after fixation' },
    ]);
    expect(cleared.restrictions[0]!.avoid).not.toContain('single_leg_balance');
    expect(planWith(p, 'tandem_stance').items).toHaveLength(1);
    const trail = auditTrailFor(t.ctx.db, 'movement_clearance', cleared.movementClearances[0]!.id);
    expect(trail.at(-1)?.reason).toBe('Orthopaedic review: stable after fixation');

    withdrawMovementClearance(t.ctx, {
      patientId: p,
      clearanceId: cleared.movementClearances[0]!.id,
      reason: 'New pain on weight-bearing',
    });
    expect(planView(t.ctx, p).movementClearances).toEqual([]);
    expect(refusalOf(() => planWith(p, 'tandem_stance')).fields?.['items.0.overrideNote']).toBeDefined();
  });

  it('a pelvic lesion blocks standing and seated hip abduction, not double-leg calf raises (issue 20)', () => {
    const p = seedPatient(t.ctx, { mrn: 'P1', lesions: ['pelvis'] });
    for (const key of ['standing_hip_abduction', 'seated_hip_abduction_band', 'side_lying_clam', 'heel_toe_walk']) {
      expect(refusalOf(() => planWith(p, key)).fields?.['items.0.overrideNote'], key).toMatch(/Pelvic lesion/);
    }
    expect(planWith(p, 'standing_calf_raise').items).toHaveLength(1);
    expect(planWith(p, 'seated_knee_extension').items).toHaveLength(1);
  });

  it('hip flexion/extension with a pelvic lesion can be cleared for the patient with a reason, "start low, go slow"', () => {
    const p = seedPatient(t.ctx, { mrn: 'P2', lesions: ['pelvis'] });
    expect(refusalOf(() => planWith(p, 'glute_bridge')).fields?.['items.0.overrideNote']).toMatch(/Pelvic lesion/);
    clearMovement(t.ctx, {
      patientId: p,
      tag: 'hip_flexion_extension',
      reason: 'Radiotherapy done, pain-free; start low',
    });
    expect(planWith(p, 'glute_bridge').items).toHaveLength(1);
    // Walking stays barred: weight-bearing aerobic work is not a resistance movement.
    expect(refusalOf(() => planWith(p, 'walking')).fields?.['items.0.overrideNote']).toMatch(/Pelvic lesion/);
  });
});
