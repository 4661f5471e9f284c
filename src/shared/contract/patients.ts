import { z } from 'zod';
import { patientStatuses, sexes } from '../domain/vocabulary';
import { channel } from './define';
import { choice, id, optionalText, pastOrTodayDate, requiredText } from './fields';

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

export const patientIdentityInput = z.object({
  givenName: requiredText('given name', 100),
  familyName: requiredText('family name', 100),
  preferredName: optionalText('preferred name', 100),
  dateOfBirth: pastOrTodayDate('date of birth'),
  sex: choice('sex', sexes.values),
  mrn: requiredText('hospital number (MRN)', 40).transform((v) => v.toUpperCase()),
});

export const patientSearchInput = z.object({
  query: z.string().trim().max(100, 'Search must be 100 characters or fewer').default(''),
  statuses: z.array(z.enum(patientStatuses.values)).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const patientChannels = {
  'patients.create': channel(patientIdentityInput).returns<PatientSummary>(),
  'patients.search': channel(patientSearchInput).returns<PatientPage>(),
  'patients.get': channel(z.object({ patientId: id('Patient') })).returns<PatientSummary>(),
};
