import type { PacewiseApp } from '../fixtures';
import { addDays, todayLocal } from '../../src/shared/dates';

/**
 * A finalised assessment with one six-minute walk, made through the contract as the assessment
 * screens would: for scenarios that need a baseline or a reassessment on file, not the editor. A patient
 * whose bone lesion rules the walk out needs the clinician's reason (overrideNote), as on the screen.
 */
export async function finalisedWalk(
  app: PacewiseApp,
  patientId: string,
  {
    on,
    metres,
    kind = 'baseline',
    overrideNote,
  }: { on: string; metres: number; kind?: 'baseline' | 'reassessment'; overrideNote?: string },
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
    overrideNote,
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

/**
 * Ruth Okafor, active and cleared, with something in every intake section (a lumbar lesion, docetaxel on
 * day 3 of a cycle), a written plan of three exercises, and a baseline and a reassessment walk.
 */
export async function patientOnFile(app: PacewiseApp): Promise<string> {
  const today = todayLocal();
  const { id: patientId } = await app.call('patients.create', {
    givenName: 'Ruth',
    familyName: 'Okafor',
    dateOfBirth: '1956-03-14',
    sex: 'female',
    mrn: 'RMH-1001',
  });
  await app.call('intake.changeStatus', { patientId, toStatus: 'active', effectiveOn: today, reason: 'Cleared' });
  const oncologist = await app.call('contacts.save', {
    fullName: 'Dr Ana Lima',
    role: 'oncologist',
    practice: 'Riverside Hospital',
    address: '12 River Road, Riverside VIC 3000',
    phone: '03 9555 0101',
  });
  await app.call('intake.saveCareTeamMember', { patientId, contactId: oncologist.id, isMainOncologist: true });
  await app.call('intake.saveReferral', {
    patientId,
    referredOn: addDays(today, -30),
    referrerContactId: oncologist.id,
    reason: 'Deconditioning during chemotherapy',
  });
  await app.call('intake.saveDiagnosis', {
    patientId,
    primarySite: 'Breast',
    histology: 'Invasive ductal carcinoma',
    stage: 'IV',
    metastaticSites: ['bone', 'liver'],
  });
  await app.call('intake.saveBoneLesion', {
    patientId,
    site: 'lumbar_spine',
    location: 'L3 vertebral body',
    lesionType: 'lytic',
    weightBearing: 'full',
  });
  await app.call('intake.saveTreatment', {
    patientId,
    type: 'chemotherapy',
    regimen: 'Docetaxel',
    startDate: addDays(today, -30),
    cycleLengthDays: 21,
    day1Dates: [addDays(today, -23), addDays(today, -2)],
  });
  await app.call('intake.saveComorbidity', { patientId, kind: 'diabetes', detail: 'Type 2, on metformin' });
  await app.call('intake.saveMedication', { patientId, name: 'Metformin', dose: '500 mg twice daily' });
  await app.call('intake.saveClearance', {
    patientId,
    receivedOn: addDays(today, -10),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(today, 80),
  });
  await app.call('intake.saveScreening', {
    patientId,
    screenedOn: addDays(today, -20),
    fatigue: 6,
    pain: 2,
    painSite: 'Lower back',
    ecog: 1,
  });
  await app.call('intake.saveGoal', {
    patientId,
    inOwnWords: 'Walk to the market and back without stopping',
    category: 'mobility',
    measureKey: 'six_minute_walk',
    targetValue: '420',
  });
  const library = await app.call('exercises.list', {});
  await app.call('plans.save', {
    patientId,
    sessionsPerWeek: 2,
    sessionMinutes: 45,
    cycleAdjustment: 'Lighter on days 1–5 after each infusion',
    items: ['stationary_cycle', 'seated_biceps_curl', 'sit_to_stand'].map((key) => ({
      exerciseId: library.find((e) => e.starterKey === key)!.id,
      sets: key === 'stationary_cycle' ? null : 2,
      reps: key === 'stationary_cycle' ? null : 12,
      durationMin: key === 'stationary_cycle' ? 10 : null,
      rpeMin: 11,
      rpeMax: 13,
      talkTest: true,
    })),
  });
  // The lumbar lesion rules out weight-bearing aerobic work, so each walk is kept with the reason for it.
  const overrideNote = 'Spinal team agreed the walking test; walked at her own pace with rests allowed';
  await finalisedWalk(app, patientId, { on: addDays(today, -56), metres: 350, overrideNote });
  await finalisedWalk(app, patientId, { on: addDays(today, -1), metres: 400, kind: 'reassessment', overrideNote });
  return patientId;
}
