import { eq } from 'drizzle-orm';
import { boneLesion, careTeamMember, clearance, contact, medication, patient, treatment } from './db/schema';
import type { ServiceContext } from './context';
import type { ParsedInputOf } from '../shared/contract';
import type { BoneLesionSite, MedicationFlag, TreatmentType } from '../shared/domain/vocabulary';
import { refreshCaseloadSummary } from './services/caseloadSummary';
import { createPatient } from './services/patients';

/**
 * Test-only: writes intake facts straight into intake's tables, so session tests do not depend on
 * intake's screens or channels. Sessions code itself reads them only through getSafetyContext.
 */
export function seedPatient(
  ctx: ServiceContext,
  options: {
    mrn: string;
    given?: string;
    family?: string;
    cleared?: boolean;
    lesions?: BoneLesionSite[];
    medicationFlags?: MedicationFlag[];
    oncologistPhone?: string;
    status?: string;
    treatments?: Array<{
      type: TreatmentType;
      regimen: string;
      startDate: string;
      cycleLengthDays?: number;
      day1Dates?: string[];
    }>;
  },
): string {
  const p = createPatient(ctx, {
    givenName: options.given ?? 'Test',
    familyName: options.family ?? options.mrn,
    preferredName: null,
    dateOfBirth: '1960-01-01',
    sex: 'female',
    mrn: options.mrn,
  });
  const actor = ctx.session.clinicianId!;
  const at = ctx.now().toISOString();
  const who = { createdAt: at, createdBy: actor, updatedAt: at, updatedBy: actor };
  ctx.db
    .update(patient)
    .set({ status: options.status ?? 'active' })
    .where(eq(patient.id, p.id))
    .run();
  if (options.cleared !== false) {
    ctx.db
      .insert(clearance)
      .values({
        id: ctx.newId(),
        patientId: p.id,
        receivedOn: '2026-01-05',
        receivedFromName: 'Dr Lee',
        decision: 'no_restrictions',
        reviewBy: '2027-12-31',
        ...who,
      })
      .run();
  }
  for (const site of options.lesions ?? []) {
    ctx.db
      .insert(boneLesion)
      .values({ id: ctx.newId(), patientId: p.id, site, lesionType: 'lytic', ...who })
      .run();
  }
  if (options.medicationFlags?.length) {
    ctx.db
      .insert(medication)
      .values({
        id: ctx.newId(),
        patientId: p.id,
        name: 'Metoprolol',
        flagsJson: JSON.stringify(options.medicationFlags),
        startedOn: '2025-01-01',
        ...who,
      })
      .run();
  }
  for (const t of options.treatments ?? []) {
    ctx.db
      .insert(treatment)
      .values({
        id: ctx.newId(),
        patientId: p.id,
        type: t.type,
        regimen: t.regimen,
        startDate: t.startDate,
        cycleLengthDays: t.cycleLengthDays ?? null,
        day1DatesJson: JSON.stringify(t.day1Dates ?? []),
        ...who,
      })
      .run();
  }
  if (options.oncologistPhone) {
    const contactId = ctx.newId();
    ctx.db
      .insert(contact)
      .values({ id: contactId, fullName: 'Dr Ana Lima', role: 'oncologist', phone: options.oncologistPhone, ...who })
      .run();
    ctx.db
      .insert(careTeamMember)
      .values({ id: ctx.newId(), patientId: p.id, contactId, isMainOncologist: true, ...who })
      .run();
  }
  refreshCaseloadSummary(ctx, p.id);
  return p.id;
}

type Screen = ParsedInputOf<'sessions.recordScreen'>['screen'];

/** Test-only: a pre-session screen with nothing entered (every value null, no red flags). */
export function nullScreen(): Screen {
  return {
    restingHr: null,
    sbp: null,
    dbp: null,
    spo2: null,
    temperatureC: null,
    haemoglobinGL: null,
    plateletsX109: null,
    neutrophilsX109: null,
    glucoseMmol: null,
    bloodsDate: null,
    fatigue0to10: null,
    pain0to10: null,
    painSite: null,
    breathlessness0to10: null,
    nausea0to10: null,
    sleepQuality0to10: null,
    energy0to10: null,
    redFlags: [],
  };
}

/** Test-only: an unremarkable screen that says Go (normal resting vitals, nothing else). */
export function normalScreen(): Screen {
  return { ...nullScreen(), restingHr: 72, sbp: 128, dbp: 78, spo2: 97, temperatureC: 36.6 };
}
