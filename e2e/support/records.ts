import type { PacewiseApp } from '../fixtures';
import { addDays, todayLocal } from '../../src/shared/dates';

/**
 * A finalised assessment with one six-minute walk, made through the contract as the assessment
 * screens would: for scenarios that need a baseline or a reassessment on file, not the editor.
 */
export async function finalisedWalk(
  app: PacewiseApp,
  patientId: string,
  { on, metres, kind = 'baseline' }: { on: string; metres: number; kind?: 'baseline' | 'reassessment' },
): Promise<void> {
  const assessment = await app.call('assessments.create', {
    patientId,
    kind,
    assessedOn: on,
    heightCm: 165,
    weightKg: 70,
    measureKeys: ['six_minute_walk'],
  });
  await app.call('assessments.recordMeasure', {
    assessmentId: assessment.id,
    measureKey: 'six_minute_walk',
    components: { distance_m: metres },
  });
  await app.call('assessments.finalise', { assessmentId: assessment.id });
}

/** An active patient with valid clearance, made through the contract as intake would. */
export async function clearedPatient(
  app: PacewiseApp,
  p: { given: string; family: string; mrn: string; sex?: 'female' | 'male' },
): Promise<string> {
  const today = todayLocal();
  const { id } = await app.call('patients.create', {
    givenName: p.given,
    familyName: p.family,
    dateOfBirth: '1958-06-02',
    sex: p.sex ?? 'female',
    mrn: p.mrn,
  });
  await app.call('intake.changeStatus', { patientId: id, toStatus: 'active', effectiveOn: today, reason: 'Assessed' });
  await app.call('intake.saveClearance', {
    patientId: id,
    receivedOn: addDays(today, -10),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(today, 80),
  });
  return id;
}
