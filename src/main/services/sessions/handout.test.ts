import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../../testing';
import { seedPatient } from '../../testSeed';
import { folderExportTarget } from '../exports/target';
import { listExercises } from './exercises';
import { patientHandout } from './handout';

let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  t = openTestCaseload();
  t.ctx.exportTarget = folderExportTarget(join(t.dir, 'saved'));
});
afterEach(() => t.close());

async function patientWithPlan(): Promise<{ patientId: string; planId: string }> {
  const patientId = seedPatient(t.ctx, { mrn: 'H1', family: 'Ngata' });
  const walking = listExercises(t.ctx, false).find((e) => e.starterKey === 'walking')!.id;
  const saved = await t.dispatch('plans.save', {
    patientId,
    sessionsPerWeek: 2,
    sessionMinutes: 45,
    items: [{ exerciseId: walking, durationMin: 10, rpeMin: 11, rpeMax: 13, talkTest: true }],
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return { patientId, planId: (saved.value as { id: string }).id };
}

describe('the patient handout', () => {
  it('is saved where the specialist chooses and recorded in the audit trail: who, whose plan, which file', async () => {
    const { patientId, planId } = await patientWithPlan();
    const saved = await patientHandout(t.ctx, patientId);
    expect(saved.fileName).toMatch(/^exercise-plan-ngata-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(saved.path).toBe(join(t.dir, 'saved', saved.fileName));
    expect(readFileSync(saved.path!).subarray(0, 5).toString()).toBe('%PDF-');
    const entry = t.ctx.sqlite
      .prepare(
        "SELECT actor_id AS actor, patient_id AS patientId, entity_id AS planId, after_json AS after FROM audit_event WHERE entity = 'record_export'",
      )
      .get() as { actor: string; patientId: string; planId: string; after: string };
    expect(entry).toMatchObject({ actor: t.ctx.session.clinicianId, patientId, planId });
    expect(JSON.parse(entry.after)).toMatchObject({
      kind: 'plan_handout',
      file: saved.fileName,
      path: saved.path,
      planVersion: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('writes and records nothing when the save dialog is cancelled', async () => {
    const { patientId } = await patientWithPlan();
    t.ctx.exportTarget = { choose: async () => null };
    const before = t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get();
    expect(await patientHandout(t.ctx, patientId)).toMatchObject({ path: null });
    expect(t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get()).toEqual(before);
    expect(readdirSync(t.dir)).not.toContain('saved');
  });
});
