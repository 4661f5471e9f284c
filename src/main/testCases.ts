import type { ChannelName, InputOf, OutputOf } from '../shared/contract';

/**
 * Test-only: a realistic patient for the letters workflow, written through the real channels, so
 * the unit tests (dispatch) and the end-to-end tests (the page's window.api) build the same record.
 */
export type Call = <K extends ChannelName>(channel: K, input: InputOf<K>) => Promise<OutputOf<K>>;

export interface LetterCase {
  patientId: string;
  oncologistId: string;
  gpId: string;
}

export async function seedLetterCase(
  call: Call,
  options: {
    mrn: string;
    givenName: string;
    familyName: string;
    preferredName?: string | null;
    baselineOn: string;
    reassessedOn: string;
    lesions?: boolean;
    assessments?: boolean;
  },
): Promise<LetterCase> {
  const patient = await call('patients.create', {
    givenName: options.givenName,
    familyName: options.familyName,
    preferredName: options.preferredName ?? null,
    dateOfBirth: '1961-07-14',
    sex: 'female',
    mrn: options.mrn,
  });
  const oncologist = await call('contacts.save', {
    fullName: 'Dr Ana Lima',
    role: 'oncologist',
    practice: 'Riverside Cancer Centre',
    address: '12 Hospital Road\nRiverside NSW 2000',
    phone: '02 9000 1000',
    email: 'ana.lima@example.org',
  });
  const gp = await call('contacts.save', {
    fullName: 'Dr Tomás Ngata',
    role: 'gp',
    practice: 'Harbour Street Medical',
    address: '3 Harbour Street\nRiverside NSW 2001',
    phone: '02 9000 2000',
  });
  await call('intake.saveCareTeamMember', { patientId: patient.id, contactId: oncologist.id, isMainOncologist: true });
  await call('intake.saveCareTeamMember', { patientId: patient.id, contactId: gp.id });
  await call('intake.saveReferral', {
    patientId: patient.id,
    referredOn: options.baselineOn,
    referrerContactId: oncologist.id,
    reason: 'deconditioning during treatment for metastatic breast cancer',
    priority: 'routine',
  });
  await call('intake.saveDiagnosis', {
    patientId: patient.id,
    primarySite: 'Breast',
    histology: 'invasive ductal carcinoma',
    metastaticSites: options.lesions ? ['bone'] : ['liver'],
  });
  if (options.lesions) {
    await call('intake.saveBoneLesion', {
      patientId: patient.id,
      site: 'proximal_femur',
      side: 'left',
      lesionType: 'lytic',
      weightBearing: 'as_tolerated',
      mirels: { site: 'peritrochanteric', lesion: 'lytic', size: 'lt_one_third', pain: 'mild' },
    });
    await call('intake.saveBoneLesion', {
      patientId: patient.id,
      site: 'thoracic_spine',
      location: 'T8',
      lesionType: 'blastic',
      weightBearing: 'full',
      radiotherapy: true,
      radiotherapyOn: options.baselineOn,
    });
  }
  await call('intake.saveMedication', {
    patientId: patient.id,
    name: 'Metoprolol',
    dose: '50 mg twice daily',
    flags: ['beta_blocker'],
  });
  if (options.assessments !== false) {
    for (const [on, kind, walk, tug] of [
      [options.baselineOn, 'baseline', 380, 11.2],
      [options.reassessedOn, 'reassessment', 455, 9.1],
    ] as const) {
      const a = await call('assessments.create', {
        patientId: patient.id,
        kind,
        assessedOn: on,
        heightCm: 165,
        weightKg: 68,
        measureKeys: ['six_minute_walk', 'timed_up_and_go'],
      });
      await call('assessments.recordMeasure', {
        assessmentId: a.id,
        measureKey: 'six_minute_walk',
        components: { distance_m: walk },
        // The femoral lesion rules out weight-bearing walking tests unless a reason is recorded.
        ...(options.lesions
          ? { overrideNote: 'Walk agreed with the orthopaedic team; supervised, rests allowed' }
          : {}),
      });
      await call('assessments.recordMeasure', {
        assessmentId: a.id,
        measureKey: 'timed_up_and_go',
        components: { seconds: tug },
        ...(options.lesions
          ? { overrideNote: 'Agreed with the orthopaedic team; supervised, arms of the chair used' }
          : {}),
      });
      await call('assessments.finalise', { assessmentId: a.id });
    }
  }
  return { patientId: patient.id, oncologistId: oncologist.id, gpId: gp.id };
}
