import type { PacewiseApp } from '../fixtures';

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
