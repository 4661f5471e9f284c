import { z } from 'zod';
import { todayLocal } from '../dates';
import { patientStatuses, sexes } from '../domain/vocabulary';
import { channel } from './define';
import { calendarDate, choice, id, optionalClinicDate, optionalText, requiredText } from './fields';

export interface PatientSummary {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  sex: (typeof sexes.values)[number];
  mrn: string;
  status: (typeof patientStatuses.values)[number];
}

export interface PatientPage {
  patients: PatientSummary[];
  /** Total matching the search, so the screen can say "12 of 340". */
  total: number;
  offset: number;
  limit: number;
}

/** No one is older than 120: an older date is a typing slip (e.g. 1862 for 1962). */
export const dateOfBirthField = calendarDate('date of birth')
  .refine((v) => v <= todayLocal(), 'Date of birth cannot be in the future')
  .refine((v) => {
    const today = todayLocal();
    return v >= `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`;
  }, 'Check the date of birth');

export const patientIdentityInput = z.object({
  givenName: requiredText('given name', 100),
  familyName: requiredText('family name', 100),
  preferredName: optionalText('preferred name', 100),
  dateOfBirth: dateOfBirthField,
  sex: choice('sex', sexes.values),
  mrn: requiredText('hospital number (MRN)', 40).transform((v) => v.toUpperCase()),
});

export const patientSearchInput = z.object({
  query: z.string().trim().max(100, 'Search must be 100 characters or fewer').default(''),
  statuses: z.array(z.enum(patientStatuses.values)).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

/** An existing patient who may be the person being added: same MRN, or same name and date of birth. */
export interface PatientMatch {
  patient: PatientSummary;
  reason: 'mrn' | 'name_and_birth';
}

/** What the Add-patient dialog has so far; any part may still be blank. */
export const patientMatchInput = z.object({
  givenName: optionalText('given name', 100),
  familyName: optionalText('family name', 100),
  dateOfBirth: optionalClinicDate('date of birth'),
  mrn: optionalText('hospital number (MRN)', 40).transform((v) => v?.toUpperCase() ?? null),
});

export const patientChannels = {
  'patients.create': channel(
    patientIdentityInput.extend({
      /** The Add patient dialog offers the admitting clinician, so the caseload's Clinician column is filled. */
      leadClinicianId: id('Lead clinician')
        .nullish()
        .transform((v) => v ?? null),
    }),
  ).returns<PatientSummary>(),
  'patients.search': channel(patientSearchInput).returns<PatientPage>(),
  'patients.get': channel(z.object({ patientId: id('Patient') })).returns<PatientSummary>(),
  'patients.findMatches': channel(patientMatchInput).returns<PatientMatch[]>(),
};
