import { z } from 'zod';
import {
  passphraseProblem,
  pinProblem,
  IDLE_LOCK_RANGE,
  SIGN_IN_ATTEMPTS_RANGE,
  SIGN_IN_FIRST_WAIT_RANGE,
} from '../access/passphrase';
import { channel } from './define';
import { choice, id, integerIn, optionalText, requiredText } from './fields';
import { professions } from '../domain/vocabulary';
import type { AccessPhase, AppState, Clinician } from './setup';

export const roles = ['clinician', 'administrator'] as const;
export type Role = (typeof roles)[number];

/** A sign-in name: letters, digits, dot, dash or underscore, as clinics write initials or emails. */
const login = z
  .string({ error: 'Enter the sign-in name' })
  .trim()
  .min(1, 'Enter the sign-in name')
  .min(2, 'Sign-in name must have at least 2 characters')
  .max(60, 'Sign-in name must have at most 60 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'Sign-in name may use letters, digits and . _ @ - only (no spaces)');

/** A passphrase being typed to sign in or unlock: checked against the ring, not against the rules. */
export const enteredPassphrase = z.string({ error: 'Enter the passphrase' }).min(1, 'Enter the passphrase').max(200);

/**
 * A new passphrase, typed twice: the rules (length, common list, not the sign-in name) apply.
 * `loginOf` finds the sign-in name in the input where it has one; where it has none (a reset or a
 * change of one's own), the service checks the name it holds (services/access.ts).
 */
function newPassphrase<T extends z.ZodRawShape>(
  shape: T,
  loginOf?: (value: Record<string, unknown>) => string | undefined,
) {
  return z
    .object({
      ...shape,
      passphrase: z.string({ error: 'Enter a passphrase' }),
      confirmPassphrase: z.string({ error: 'Type the passphrase again' }),
    })
    .superRefine((value, issue) => {
      const record = value as Record<string, unknown>;
      const problem = passphraseProblem(String(record.passphrase), loginOf?.(record));
      if (problem) issue.addIssue({ code: 'custom', path: ['passphrase'], message: problem });
      else if (record.passphrase !== record.confirmPassphrase) {
        issue.addIssue({ code: 'custom', path: ['confirmPassphrase'], message: 'The two passphrases differ' });
      }
    });
}

const loginField = (value: Record<string, unknown>) => value.login as string | undefined;

export const pin = z.string({ error: 'Enter the PIN' }).superRefine((value, issue) => {
  const problem = pinProblem(value);
  if (problem) issue.addIssue({ code: 'custom', message: problem });
});

const newClinician = {
  fullName: requiredText('clinician’s full name', 120),
  profession: choice('profession', professions.values),
  registrationNumber: optionalText('registration number', 40),
  login,
};

/** What set-up hands back once: the recovery key, to print and keep. It is never shown again. */
export interface SecuredCaseload {
  state: AppState;
  recoveryKey: string;
}

export const accessChannels = {
  /** First run: the clinic, its first administrator and their passphrase; the caseload is created encrypted. */
  'access.setUp': channel(
    newPassphrase(
      { clinicName: requiredText('clinic name', 120), clinician: z.object(newClinician) },
      (value) => (value.clinician as { login?: string } | undefined)?.login,
    ),
  ).returns<SecuredCaseload>(),
  /** An unencrypted caseload from an earlier version: who becomes its administrator. */
  'access.existingClinicians': channel(z.object({}).strict()).returns<Array<{ id: string; fullName: string }>>(),
  /** Encrypts an earlier version's caseload in place (after a verified backup) and signs its administrator in. */
  'access.secureExisting': channel(
    newPassphrase({ clinicianId: id('Clinician'), login }, loginField),
  ).returns<SecuredCaseload>(),
  /** A new computer: take the caseload from a backup (with its key ring) instead of starting an empty one. */
  'access.adoptBackup': channel(z.object({}).strict()).returns<AppState>(),
  'access.signIn': channel(z.object({ login, passphrase: enteredPassphrase }).strict()).returns<AppState>(),
  /** Every passphrase lost: the recovery key opens the caseload and sets an administrator's new passphrase. */
  'access.recover': channel(
    newPassphrase(
      { recoveryKey: z.string({ error: 'Enter the recovery key' }).min(1, 'Enter the recovery key'), login },
      loginField,
    ),
  ).returns<AppState>(),
  'access.lock': channel(
    z.object({ reason: z.enum(['idle', 'manual', 'system', 'window-closed']) }).strict(),
  ).returns<AppState>(),
  /**
   * The window saw the clinician use it (a key, the pointer, a touch), at most once every
   * ACTIVITY_REPORT_MS: the main process locks by itself when these stop for longer than the idle time.
   */
  'access.activity': channel(z.object({}).strict()).returns<{ access: AccessPhase }>(),
  /** The same clinician comes back: their PIN, or their passphrase (needed after 5 wrong PINs). */
  'access.unlock': channel(
    z.union([z.object({ pin }).strict(), z.object({ passphrase: enteredPassphrase }).strict()], {
      error: 'Enter the PIN or the passphrase',
    }),
  ).returns<AppState>(),
  /** Ends this clinician's turn at the computer; the next signs in with their own passphrase. */
  'access.switchClinician': channel(z.object({}).strict()).returns<AppState>(),
  'access.setPin': channel(
    z.object({ pin: pin.nullable(), passphrase: enteredPassphrase }).strict(),
  ).returns<Clinician>(),
  'access.changePassphrase': channel(newPassphrase({ currentPassphrase: enteredPassphrase })).returns<Clinician>(),
  /* Administrator only (see adminChannels). */
  'access.addClinician': channel(
    newPassphrase({ ...newClinician, role: choice('role', roles) }, loginField),
  ).returns<Clinician>(),
  'access.resetPassphrase': channel(newPassphrase({ clinicianId: id('Clinician') })).returns<Clinician>(),
  'access.setActive': channel(
    z
      .object({
        clinicianId: id('Clinician'),
        active: z.boolean(),
        reason: requiredText('reason', 500),
      })
      .strict(),
  ).returns<Clinician>(),
  'access.setRole': channel(
    z.object({ clinicianId: id('Clinician'), role: choice('role', roles) }).strict(),
  ).returns<Clinician>(),
  'access.setSignInPolicy': channel(
    z
      .object({
        freeAttempts: integerIn(
          'failed sign-ins before a wait',
          SIGN_IN_ATTEMPTS_RANGE.min,
          SIGN_IN_ATTEMPTS_RANGE.max,
        ),
        firstWaitSeconds: integerIn('first wait (seconds)', SIGN_IN_FIRST_WAIT_RANGE.min, SIGN_IN_FIRST_WAIT_RANGE.max),
      })
      .strict(),
  ).returns<AppState>(),
  'access.setIdleLock': channel(
    z
      .object({ minutes: integerIn('idle time before locking (minutes)', IDLE_LOCK_RANGE.min, IDLE_LOCK_RANGE.max) })
      .strict(),
  ).returns<AppState>(),
};

/**
 * Channels the launcher's access gate answers itself (they decide who holds the caseload); with
 * `app.state` and the recovery screen's two, the only ones answered while signed out or locked.
 */
export const gateChannels: ReadonlySet<string> = new Set([
  'access.setUp',
  'access.existingClinicians',
  'access.secureExisting',
  'access.adoptBackup',
  'access.signIn',
  'access.recover',
  'access.lock',
  'access.activity',
  'access.unlock',
  'access.switchClinician',
]);

/**
 * What only a clinic administrator may do: accounts, clinic and device settings (the date format
 * included), thresholds, templates, backups, restore, and exporting the whole caseload.
 */
export const adminChannels: ReadonlySet<string> = new Set([
  'access.addClinician',
  'access.resetPassphrase',
  'access.setActive',
  'access.setRole',
  'access.setIdleLock',
  'access.setSignInPolicy',
  'exports.research',
  'exports.researchProgress',
  'exports.setResearchDateShift',
  'device.setSettings',
  'display.setDateFormat',
  'exports.caseloadCsv',
  'maintenance.setBackupPolicy',
  'maintenance.importBackup',
  'maintenance.restore',
  'maintenance.backUpTo',
  'safety.setThresholds',
  'letters.saveLetterhead',
  'letters.saveTemplate',
  'letters.resetTemplate',
  'letters.setReplyWaitDays',
  'display.setLocalTerms',
  'intake.saveSiteAlertPolicy',
  'intake.savePrecautionPolicy',
  'measures.setDefaultBattery',
  'measures.createCustom',
  'measures.retireCustom',
  'checkIn.setIdleMinutes',
]);
