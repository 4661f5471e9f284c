import { addDays } from '../shared/dates';
import { seedLetterCase, type Call } from './testCases';

/**
 * Test-only: a patient whose record has something of every kind the FHIR and research exports
 * carry, written through the real channels (so unit and end-to-end tests build the same record):
 * contact details, a primary cancer with bone lesions, a medication, three sessions (signed, held
 * for safety, cancelled), a reassessment, handgrip, ECOG and a measure with no LOINC code, an
 * adverse event and a finalised letter. `today` is the clinic's date at the time of seeding.
 */
export async function seedFullRecord(
  call: Call,
  options: { mrn: string; givenName: string; familyName: string; today: string },
): Promise<{ patientId: string; sessionIds: string[]; letterId: string; adverseEventId: string }> {
  const { today } = options;
  const c = await seedLetterCase(call, {
    mrn: options.mrn,
    givenName: options.givenName,
    familyName: options.familyName,
    preferredName: 'Hoa',
    baselineOn: addDays(today, -84),
    reassessedOn: addDays(today, -2),
    lesions: true,
  });
  const patient = await call('patients.get', { patientId: c.patientId });
  await call('intake.saveDetails', {
    patientId: c.patientId,
    givenName: patient.givenName,
    familyName: patient.familyName,
    preferredName: patient.preferredName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    mrn: patient.mrn,
    phone: '0412 555 019',
    email: 'hoa.patient@example.net',
    address: '17 Wattle Crescent\nRiverside NSW 2003',
    preferredLanguage: 'Vietnamese',
    emergencyContactName: 'Minh Tran',
    emergencyContactRelationship: 'Son',
    emergencyContactPhone: '0413 555 020',
  });
  await call('intake.saveClearance', {
    patientId: c.patientId,
    receivedOn: addDays(today, -90),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(today, 180),
  });
  await call('intake.changeStatus', {
    patientId: c.patientId,
    toStatus: 'active',
    effectiveOn: addDays(today, -84),
    reason: 'Cleared and booked in',
  });
  await call('intake.saveComorbidity', { patientId: c.patientId, kind: 'diabetes', detail: 'type 2, diet-controlled' });

  const exercises = await call('exercises.list', {});
  // Two exercises neither lesion (proximal femur, thoracic spine) restricts.
  const bike = exercises.find((e) => e.name === 'Seated heel and toe raises')!;
  const band = exercises.find((e) => e.name === 'Seated biceps curl with band')!;
  const signed = await call('bookings.create', {
    patientId: c.patientId,
    date: addDays(today, -7),
    startTime: '09:30',
  });
  await call('sessions.sign', {
    sessionId: signed.sessionId,
    screen: {
      restingHr: 78,
      sbp: 132,
      dbp: 84,
      spo2: 96,
      temperatureC: 36.7,
      fatigue0to10: 4,
      pain0to10: 2,
      redFlags: [],
    },
    entries: [
      { exerciseId: bike.id, durationMin: 15, rpe: 12, outcome: 'completed' },
      { exerciseId: band.id, sets: 2, reps: 12, rpe: 13, outcome: 'modified', reason: 'Lighter band: shoulder sore' },
    ],
    after: { rpeOverall: 13 },
    notes: 'Hoa said the walk to the clinic tired her more than usual.',
    occurredAt: new Date(`${addDays(today, -7)}T09:35:00`).toISOString(),
  });
  const held = await call('bookings.create', { patientId: c.patientId, date: addDays(today, -4), startTime: '10:00' });
  await call('sessions.recordScreen', {
    sessionId: held.sessionId,
    screen: { restingHr: 126, sbp: 150, dbp: 90, spo2: 95, temperatureC: 38.4, redFlags: [] },
  });
  const cancelled = await call('bookings.create', {
    patientId: c.patientId,
    date: addDays(today, -1),
    startTime: '09:00',
  });
  await call('bookings.setAttendance', { sessionId: cancelled.sessionId, attendance: 'cancelled', reason: 'Unwell' });
  const event = await call('adverseEvents.record', {
    patientId: c.patientId,
    sessionId: signed.sessionId,
    type: 'fall',
    severity: 2,
    occurredAt: new Date(`${addDays(today, -7)}T10:05:00`).toISOString(),
    description: 'Stumbled stepping off the bike; no injury found',
    actionTaken: 'Checked over, rested 10 minutes',
  });

  const assessment = await call('assessments.create', {
    patientId: c.patientId,
    kind: 'reassessment',
    assessedOn: addDays(today, -1),
    heightCm: 165,
    weightKg: 66.5,
    measureKeys: ['handgrip', 'ecog', 'five_times_sit_to_stand'],
  });
  await call('assessments.recordMeasure', {
    assessmentId: assessment.id,
    measureKey: 'handgrip',
    components: { right_1: 21.5, right_2: 22.4, left_1: 19, left_2: 18.2 },
  });
  await call('assessments.recordMeasure', {
    assessmentId: assessment.id,
    measureKey: 'ecog',
    components: { grade: 1 },
  });
  await call('assessments.recordMeasure', {
    assessmentId: assessment.id,
    measureKey: 'five_times_sit_to_stand',
    components: { seconds: 13.4 },
    overrideNote: 'Chair rises agreed with the orthopaedic team; arms of the chair used',
  });
  await call('assessments.finalise', { assessmentId: assessment.id });

  const letter = await call('letters.create', { patientId: c.patientId, type: 'reassessment', date: today });
  await call('letters.finalise', { letterId: letter.id });
  return {
    patientId: c.patientId,
    sessionIds: [signed.sessionId, held.sessionId, cancelled.sessionId],
    letterId: letter.id,
    adverseEventId: event.id,
  };
}
