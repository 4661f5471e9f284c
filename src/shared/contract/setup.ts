import { z } from 'zod';
import { professions } from '../domain/vocabulary';
import { channel } from './define';
import { choice, id, optionalText, requiredText } from './fields';

export interface Clinician {
  id: string;
  fullName: string;
  profession: (typeof professions.values)[number];
  registrationNumber: string | null;
  active: boolean;
}

export interface AppState {
  /** False until the clinic and its first clinician exist: the renderer shows set-up. */
  isSetUp: boolean;
  clinicName: string | null;
  currentClinician: Clinician | null;
  appVersion: string;
  dataDirectory: string;
}

export interface BackupResult {
  path: string;
  sizeBytes: number;
  at: string;
}

export interface AuditCheck {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  problem: string | null;
  checkedAt: string;
}

const clinicianInput = z.object({
  fullName: requiredText('clinician’s full name', 120),
  profession: choice('profession', professions.values),
  registrationNumber: optionalText('registration number', 40),
});

export const setupChannels = {
  'app.state': channel(z.object({}).strict()).returns<AppState>(),
  'setup.complete': channel(
    z.object({ clinicName: requiredText('clinic name', 120), clinician: clinicianInput }),
  ).returns<AppState>(),
  'clinicians.list': channel(z.object({}).strict()).returns<Clinician[]>(),
  'clinicians.add': channel(clinicianInput).returns<Clinician>(),
  'clinicians.signIn': channel(z.object({ clinicianId: id('Clinician') })).returns<AppState>(),
  'maintenance.backUp': channel(z.object({}).strict()).returns<BackupResult>(),
  'maintenance.checkAuditTrail': channel(z.object({}).strict()).returns<AuditCheck>(),
};
