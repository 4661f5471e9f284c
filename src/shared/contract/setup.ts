import { z } from 'zod';
import { professions } from '../domain/vocabulary';
import { channel } from './define';
import { integerIn } from './fields';
import type { SignInPolicy } from '../access/passphrase';
import type { PatientView } from './checkIn';

export interface Clinician {
  id: string;
  fullName: string;
  profession: (typeof professions.values)[number];
  registrationNumber: string | null;
  active: boolean;
  role: 'clinician' | 'administrator';
  /** The sign-in name; null for a clinician from an earlier version not yet given one. */
  login: string | null;
  /** Whether they can sign in on this computer (an active account with a passphrase set). */
  canSignIn: boolean;
  hasPin: boolean;
  /** An administrator chose their passphrase (a new account, a reset): they must choose their own next. */
  mustChoosePassphrase: boolean;
}

/**
 * Where access stands: `set-up` (a new install), `secure-existing` (an earlier version's
 * unencrypted caseload, to be encrypted), `signed-out`, `locked`, or `signed-in`.
 */
export type AccessPhase = 'set-up' | 'secure-existing' | 'signed-out' | 'locked' | 'signed-in';

export interface AppState {
  /** False until the clinic and its first clinician exist: the renderer shows set-up. */
  isSetUp: boolean;
  access: AccessPhase;
  /** While locked: who may unlock, and whether a PIN will do (false after 5 wrong PINs or without one). */
  locked: { clinicianId: string; fullName: string; pinAllowed: boolean; failedAttempts: number } | null;
  /** Idle minutes before the app locks itself (clinic policy, 1–60). */
  idleLockMinutes: number;
  /** The sign-in slowdown after repeated failures (clinic policy), known before sign-in too. */
  signInPolicy: SignInPolicy;
  clinicName: string | null;
  currentClinician: Clinician | null;
  appVersion: string;
  dataDirectory: string;
  /** Set when the caseload could not be opened as it is: the renderer shows the recovery screen. */
  startup: StartupProblem | null;
  /** A patient check-in open on this device: the window shows only the patient's view. */
  checkIn: PatientView | null;
}

/** How a backup came to be: the first start of a day, on demand, brought from elsewhere, or before an upgrade. */
export type BackupKind = 'daily' | 'manual' | 'imported' | 'upgrade' | 'other';

export interface BackupSummary {
  fileName: string;
  kind: BackupKind;
  createdAt: string;
  patients: number;
  /** How many audited changes it holds (its audit trail's last sequence number). */
  changes: number;
  lastChangeAt: string | null;
  /** Whether it holds every change Pacewise last acknowledged (only known at recovery). */
  holdsMissingChanges: boolean;
  /** Why it cannot be restored, if it cannot. */
  problem: string | null;
}

export type StartupProblemKind =
  | 'missing'
  | 'behind'
  | 'damaged'
  | 'folder-read-only'
  | 'folder-full'
  | 'read-only-database'
  | 'too-new'
  | 'migration-failed'
  | 'key-unreadable'
  | 'other';

/** How many automatic daily and weekly backups are kept (clinic policy; defaults 14 and 8). */
export interface BackupPolicy {
  keepDaily: number;
  keepWeekly: number;
}

export interface StartupProblem {
  kind: StartupProblemKind;
  title: string;
  message: string;
  /** Changes Pacewise acknowledged that the database does not hold (behind its anchor). */
  missingChanges: number | null;
  lastSavedAt: string | null;
  /** Backups worth restoring, newest first; empty where restoring would not help. */
  backups: BackupSummary[];
  /** The newest backup that holds every acknowledged change, if any. */
  recommendedBackup: string | null;
  /** Whether the clinician may carry on with the caseload as it is (accepting the loss). */
  canContinue: boolean;
  /**
   * Why the clinician signed in may not restore a backup here, nor carry on without the missing
   * changes (only an administrator may); null when they may.
   */
  recoveryRefusal: string | null;
}

export interface ReconciliationFinding {
  entity: string;
  recordId: string;
  field: string;
  problem: string;
  /** The audit trail's value and the stored one, as text, when both exist. */
  audited: string | null;
  stored: string | null;
}

export interface ReconciliationReport {
  ok: boolean;
  rowsChecked: number;
  findings: ReconciliationFinding[];
  findingCount: number;
  chain: AuditCheck;
  checkedAt: string;
  durationMs: number;
}

/** What a restore did: the backup put in place, what it held, and where the caseload it replaced is kept. */
export interface RestoreResult {
  state: AppState;
  backup: BackupSummary;
  /** The replaced caseload file, kept, never deleted; null when there was none. */
  replacedFile: string | null;
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
  /** Every break in the chain, in order (the list is capped; breakCount is the full number). */
  breaks: Array<{ seq: number; problem: string }>;
  breakCount: number;
  checkedAt: string;
}

const backupFileName = z
  .string({ error: 'Choose a backup' })
  .regex(/^caseload-[A-Za-z0-9._-]+\.db$/, { error: 'Choose a backup from the list' });

export const setupChannels = {
  'app.state': channel(z.object({}).strict()).returns<AppState>(),
  'clinicians.list': channel(z.object({}).strict()).returns<Clinician[]>(),
  'maintenance.backUp': channel(z.object({}).strict()).returns<BackupResult>(),
  'maintenance.checkAuditTrail': channel(z.object({}).strict()).returns<AuditCheck>(),
  /** Back up to a folder the specialist picks (a USB stick); null when they cancel. */
  'maintenance.backUpTo': channel(z.object({}).strict()).returns<BackupResult | null>(),
  'maintenance.backupPolicy': channel(z.object({}).strict()).returns<BackupPolicy>(),
  'maintenance.setBackupPolicy': channel(
    z
      .object({
        keepDaily: integerIn('daily backups to keep', 1, 365),
        keepWeekly: integerIn('weekly backups to keep', 0, 520),
      })
      .strict(),
  ).returns<BackupPolicy>(),
  'maintenance.listBackups': channel(z.object({}).strict()).returns<BackupSummary[]>(),
  /**
   * Brings a backup the specialist picks from elsewhere (a USB stick) and says what it holds; null on
   * cancel. It joins the backups list only when it is restored.
   */
  'maintenance.importBackup': channel(z.object({}).strict()).returns<BackupSummary | null>(),
  'maintenance.restore': channel(z.object({ fileName: backupFileName })).returns<RestoreResult>(),
  /** Every clinical row against its latest audit entry, in a worker; the last start-up's result if `fresh` is false. */
  'maintenance.reconcile': channel(z.object({ fresh: z.boolean() }).strict()).returns<ReconciliationReport | null>(),
  'recovery.restore': channel(z.object({ fileName: backupFileName })).returns<AppState>(),
  'recovery.continue': channel(z.object({}).strict()).returns<AppState>(),
};
