import { monotonicFactory } from 'ulid';
import type { Db } from './db/open';
import type Database from 'better-sqlite3';
import type { ExportTarget } from './services/exports/target';

/** Everything a service needs, passed in so tests can give a fixed clock and a temporary file. */
export interface ServiceContext {
  db: Db;
  sqlite: Database.Database;
  now: () => Date;
  newId: () => string;
  dataDirectory: string;
  appVersion: string;
  /** The clinician whose name goes on every write; set at sign-in, held only in memory. */
  session: { clinicianId: string | null; locked: boolean; failedUnlocks: number };
  /** The patient check-in open on this device, if any; held only in memory, like the session. */
  checkInDesk: { open: OpenCheckIn | null };
  /** scrypt cost for new passphrase wraps; tests that sign in hundreds of times may lower it. */
  passphraseKdf?: { N: number; r: number; p: number };
  /** Where exports are saved: the save dialog in the app, a folder in tests; unset, `exports/` beside the caseload. */
  exportTarget?: ExportTarget;
  /** What only the process holding the caseload can do (restore, dialogs); absent in plain service tests. */
  host?: CaseloadHost;
  /**
   * This computer's settings folder (Electron's userData), where `device.json` lives; the launcher
   * sets it. Absent in plain service tests, where the device settings are refused.
   */
  userDataDirectory?: string;
  /**
   * The locale the window shows dates in (Electron's app.getLocale(), the test browser's), from which
   * the clinic's date format defaults until the clinic chooses one, in letters as on screen. Absent,
   * this process's own locale stands in.
   */
  displayLocale?: string;
}

/**
 * A check-in open on this device (services/sessions/checkIn.ts): while it is, the window is the
 * patient's and the launcher answers only the patient view's channels.
 */
export interface OpenCheckIn {
  id: string;
  sessionId: string;
  patientId: string;
  preferredName: string;
  startedBy: string;
  phase: 'answering' | 'finished';
  /** The last touch the patient view reported (ms since the epoch, by ctx.now()). */
  lastSeenAt: number;
  /** Pacewise locked during it: the clinician's unlock then hands the device back. */
  sawLock: boolean;
  failedHandBacks: number;
}

/** Implemented by the launcher (src/main/launch.ts); Electron's dialogs sit behind `dialogs`. */
export interface CaseloadHost {
  /** Puts a backup in place and reopens; the caseload it replaced is kept at `replacedFile`. */
  restore(
    fileName: string,
    actorId: string | null,
    reason: string,
  ): Promise<{ state: import('../shared/contract/setup').AppState; replacedFile: string | null }>;
  dialogs: FileDialogs;
  /** The last reconciliation (the start-up one runs in the background), or a fresh one. */
  reconcile(fresh: boolean): Promise<import('../shared/contract/setup').ReconciliationReport | null>;
  /** The window becomes the patient's view (Electron: kiosk, full screen) or the clinician's again. */
  patientView?(open: boolean): void;
}

/** The small port in front of Electron's save/open dialogs; tests substitute a folder. */
export interface FileDialogs {
  chooseBackupFolder(): Promise<string | null>;
  chooseBackupFile(): Promise<string | null>;
}

export function createServiceContext(options: {
  db: Db;
  sqlite: Database.Database;
  dataDirectory: string;
  appVersion: string;
  now?: () => Date;
}): ServiceContext {
  const ulid = monotonicFactory();
  return {
    db: options.db,
    sqlite: options.sqlite,
    now: options.now ?? (() => new Date()),
    // ULIDs sort by creation time, so rows from two machines can later be merged without clashes.
    newId: () => ulid(),
    dataDirectory: options.dataDirectory,
    appVersion: options.appVersion,
    session: { clinicianId: null, locked: false, failedUnlocks: 0 },
    checkInDesk: { open: null },
  };
}
