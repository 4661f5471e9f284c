import { dirname, resolve } from 'node:path';
import { contract, type ApiResult } from '../shared/contract';
import type { AppState, ReconciliationReport, StartupProblem } from '../shared/contract/setup';
import { startCaseload, type RunningCaseload, type StartOptions } from './caseload';
import type { FileDialogs } from './context';
import type { ExportTarget } from './services/exports/target';
import { answer, parseRequest, type Dispatch } from './dispatch';
import { createAccessGate } from './accessGate';
import { adminChannels, gateChannels } from '../shared/contract/access';
import { ACTIVITY_REPORT_MS } from '../shared/access/passphrase';
import { CASELOAD_EXPORT_REFUSAL } from '../shared/contract/exports';
import { patientViewChannels } from '../shared/contract/checkIn';
import type { ServiceContext } from './context';
import { settleCheckIn } from './services/sessions/checkIn';
import { readAnchor } from './db/anchor';
import { KeyringUnreadableError } from './db/keyring';
import { AuditKeyMissingError, AuditKeyUnreadableError } from './db/auditKey';
import { CaseloadTooNewError, MigrationFailedError, readMigrations } from './db/migrate';
import {
  CaseloadBehindAnchorError,
  CaseloadDamagedError,
  CaseloadMissingError,
  CaseloadReadOnlyError,
  DataFolderUnwritableError,
} from './db/open';
import { appendAudit, auditHead } from './services/audit';
import { keepRolesInRing } from './services/access';
import { backupPolicy } from './services/maintenance';
import { keepSignInPolicyInRing } from './services/settings';
import { backupPathFor, dailyBackupIfDue, keepStagedImport, listBackups, putBackupInPlace } from './services/backups';
import { reconcileInWorker } from './services/reconcile';
import { runInWorker } from './workers/run';
import { warmRenderer } from './workers/render';

export interface LaunchOptions extends StartOptions {
  dialogs: FileDialogs;
  /** Where exports and letters are saved (a save dialog in the app, a folder in tests). */
  exportTarget?: ExportTarget;
  /** Take the first-start-of-the-day backup in the background (off in most tests). */
  dailyBackup?: boolean;
  /** Reconcile every clinical row with the audit trail in the background after start-up. */
  reconcileAtStart?: boolean;
  /**
   * Run the full page check (`quick_check`) in a worker right after each open instead of before it,
   * so sign-in does not grow with the caseload (the app and the e2e fixture; unit tests check inline).
   */
  checkAfterOpen?: boolean;
  /**
   * Starts the document worker as the caseload opens, so the first letter, report or record export
   * does not also wait for the worker to load its code (seconds on a slow clinic laptop).
   */
  warmDocuments?: boolean;
  /** scrypt cost for new passphrase wraps; only tests that sign in hundreds of times lower it. */
  passphraseKdf?: { N: number; r: number; p: number };
  /**
   * This computer's settings folder, where `device.json` (the caseload folder setting) is kept:
   * Electron's userData folder in the app. Without one (development and test runs that do not say),
   * the data folder's parent stands in: in an installed app's default layout, `<userData>/caseload`,
   * that is the userData folder itself. Tests that write the setting pass a folder of their own.
   */
  userDataDir?: string;
  /** The locale the window shows (see ServiceContext.displayLocale). */
  displayLocale?: string;
  /** A patient check-in opened or closed: the window goes full screen for the patient (Electron's kiosk). */
  onPatientView?: (open: boolean) => void;
}

export interface LaunchedCaseload {
  /** Stable across restores: the transport keeps calling the same function. */
  dispatch: Dispatch;
  running(): RunningCaseload | null;
  problem(): StartupProblem | null;
  /** Background work started at launch (daily backup, reconciliation), for tests and orderly shutdown. */
  settled(): Promise<void>;
  close(): void;
}

function describe(error: unknown, options: StartOptions): StartupProblem {
  const known = readMigrations(options.migrationsDir).length;
  const anchor = readAnchor(options.dataDir);
  const base = {
    missingChanges: null,
    lastSavedAt: anchor?.at ?? null,
    backups: [],
    recommendedBackup: null,
    canContinue: false,
    // The access gate fills this in for whoever is signed in when the screen asks.
    recoveryRefusal: null,
  };
  const withBackups = (problem: StartupProblem): StartupProblem => {
    const backups = listBackups(options.dataDir, known, anchor).filter((b) => b.problem === null);
    const recommended = backups.find((b) => b.holdsMissingChanges) ?? null;
    return { ...problem, backups, recommendedBackup: recommended?.fileName ?? null };
  };
  if (error instanceof DataFolderUnwritableError) {
    return {
      ...base,
      kind: error.reason === 'full' ? 'folder-full' : 'folder-read-only',
      title:
        error.reason === 'full'
          ? 'The disk is full'
          : error.reason === 'cannot-create'
            ? 'Pacewise cannot create its folder'
            : 'Pacewise cannot write to its folder',
      message: error.message,
    };
  }
  if (error instanceof CaseloadMissingError) {
    return withBackups({
      ...base,
      kind: 'missing',
      title: error.state === 'missing' ? 'The caseload file is missing' : 'The caseload file is empty',
      message: `${error.message} Restore the newest backup below.`,
      missingChanges: anchor?.seq ?? null,
    });
  }
  if (error instanceof CaseloadBehindAnchorError) {
    return withBackups({
      ...base,
      kind: 'behind',
      title: error.diverged
        ? 'This is not the caseload Pacewise last saved'
        : `${error.missing} saved changes are missing`,
      message: error.message,
      missingChanges: error.diverged ? null : error.missing,
      lastSavedAt: error.anchor.at,
      canContinue: true,
    });
  }
  if (error instanceof CaseloadDamagedError) {
    return withBackups({ ...base, kind: 'damaged', title: 'The caseload file is damaged', message: error.message });
  }
  if (error instanceof CaseloadReadOnlyError) {
    return { ...base, kind: 'read-only-database', title: 'The caseload cannot be saved to', message: error.message };
  }
  if (error instanceof CaseloadTooNewError) {
    return { ...base, kind: 'too-new', title: 'A newer Pacewise made this caseload', message: error.message };
  }
  if (error instanceof MigrationFailedError) {
    return { ...base, kind: 'migration-failed', title: 'Updating the caseload failed', message: error.message };
  }
  if (error instanceof KeyringUnreadableError) {
    return { ...base, kind: 'key-unreadable', title: 'The caseload’s key file cannot be read', message: error.message };
  }
  if (error instanceof AuditKeyUnreadableError || error instanceof AuditKeyMissingError) {
    return {
      ...base,
      kind: 'key-unreadable',
      title:
        error instanceof AuditKeyMissingError ? 'The audit-trail key is missing' : 'The audit-trail key cannot be read',
      message: error.message,
    };
  }
  return {
    ...base,
    kind: 'other',
    title: 'Pacewise could not open the caseload',
    message: 'Pacewise could not open the caseload and has not changed it. Note the time and contact support.',
  };
}

const CHECK_IN_OPEN =
  'A patient check-in is open on this device: only its questions are answered until staff take the device back.';
/** Access channels whose answer is the app state, which a settled check-in changes. */
const answersWithState: ReadonlySet<string> = new Set([
  'access.lock',
  'access.unlock',
  'access.switchClinician',
  'access.signIn',
]);

function refused(
  message: string,
  code: 'not_set_up' | 'conflict' | 'validation' | 'locked' | 'forbidden' = 'not_set_up',
): ApiResult<never> {
  return { ok: false, error: { code, message, fields: {} } };
}

/**
 * Start-up as the clinician meets it: the caseload opens, or the window gets a recovery screen
 * that says what is wrong and what can be done. The Electron entry and the e2e fixture both
 * launch here; nothing here ever starts an empty caseload in place of one that existed.
 */
export function launchCaseload(options: LaunchOptions): LaunchedCaseload {
  let running: RunningCaseload | null = null;
  let problem: StartupProblem | null = null;
  const background: Array<Promise<unknown>> = [];
  let lastReconciliation: Promise<ReconciliationReport> | null = null;
  const log = options.log ?? console.error;
  const userDataDir = options.userDataDir ?? dirname(resolve(options.dataDir));
  // Held here, like the access session, so it outlives a reopened file.
  const checkInDesk: ServiceContext['checkInDesk'] = { open: null };
  const gate = createAccessGate({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    now: () => (options.now ?? (() => new Date()))(),
    ...(options.passphraseKdf ? { kdf: options.passphraseKdf } : {}),
    running: () => running,
    problem: () => problem,
    dialogs: options.dialogs,
    open: () => open(),
    closeRunning: () => {
      running?.close();
      running = null;
    },
  });

  const reconcileNow = () => {
    const current = running!;
    lastReconciliation = reconcileInWorker(current.caseload.path, options.dataDir, current.ctx.now());
    lastReconciliation.catch(log);
    return lastReconciliation;
  };

  /**
   * The full page check, in a worker right after the caseload opens (it reads every page: seconds
   * on a large encrypted caseload, which sign-in must not wait for). A damaged file found here is
   * closed and reported as at start-up: the window's next request finds the recovery screen.
   */
  const checkInBackground = (opened: RunningCaseload) => {
    const check = runInWorker<string>({ task: 'check', caseloadPath: opened.caseload.path }).then((result) => {
      if (result === 'ok' || running !== opened) return;
      opened.close();
      running = null;
      problem = describe(new CaseloadDamagedError(result), options);
    });
    background.push(check.catch(log));
  };

  const open = (extra: { acceptBehindAnchor?: boolean } = {}) => {
    try {
      running = startCaseload({ ...options, ...extra, deferFullCheck: options.checkAfterOpen === true });
      problem = null;
    } catch (error) {
      running = null;
      problem = describe(error, options);
      if (problem.kind === 'other') log(error);
      return;
    }
    // One session for the launcher's lifetime: a restore reopens the file, not the sign-in.
    running.ctx.session = gate.session;
    running.ctx.checkInDesk = checkInDesk;
    if (options.passphraseKdf) running.ctx.passphraseKdf = options.passphraseKdf;
    if (options.exportTarget) running.ctx.exportTarget = options.exportTarget;
    running.ctx.userDataDirectory = userDataDir;
    if (options.displayLocale) running.ctx.displayLocale = options.displayLocale;
    try {
      // At every open, so a ring the previous version wrote (no roles in it) gets them now.
      keepRolesInRing(running.ctx);
      keepSignInPolicyInRing(running.ctx);
    } catch (error) {
      // The database keeps the roles; the recovery screen's copy is put right at the next open.
      log(error);
    }
    running.ctx.host = {
      dialogs: options.dialogs,
      restore: (fileName, actorId, reason) => restore(fileName, actorId, reason),
      reconcile: async (fresh) => (fresh ? reconcileNow() : lastReconciliation),
      ...(options.onPatientView ? { patientView: options.onPatientView } : {}),
    };
    // A brand-new caseload with nothing in it yet needs no backup.
    if (options.dailyBackup && (auditHead(running.caseload.sqlite)?.seq ?? 0) > 0) {
      const policy = backupPolicy(running.ctx);
      background.push(
        dailyBackupIfDue(options.dataDir, running.ctx.now(), {
          daily: policy.keepDaily,
          weekly: policy.keepWeekly,
        }).catch(log),
      );
    }
    if (options.reconcileAtStart) background.push(reconcileNow().catch(() => undefined));
    if (options.checkAfterOpen) checkInBackground(running);
    if (options.warmDocuments) warmRenderer();
  };

  const audit = (entry: {
    entityId: string;
    action: 'restore' | 'update';
    after: unknown;
    reason: string;
    actorId: string | null;
  }) => {
    const r = running!;
    r.ctx.sqlite.transaction(() => appendAudit(r.ctx.db, r.ctx, { patientId: null, entity: 'caseload', ...entry }))();
    r.syncAnchor();
  };

  async function restore(
    fileName: string,
    actorId: string | null,
    reason: string,
  ): Promise<{ state: AppState; replacedFile: string | null }> {
    await Promise.allSettled(background);
    const migrations = readMigrations(options.migrationsDir).length;
    // A backup brought from elsewhere joins the list as it is restored.
    keepStagedImport(options.dataDir, fileName);
    const path = backupPathFor(options.dataDir, fileName);
    const before = readAnchor(options.dataDir);
    const now = (options.now ?? (() => new Date()))();
    running?.close();
    running = null;
    let outcome: ReturnType<typeof putBackupInPlace>;
    try {
      outcome = putBackupInPlace(options.dataDir, path, migrations, now);
    } finally {
      // Whatever happened, open what is now in place: never leave the window talking to nothing.
      open();
    }
    if (!running) throw new Error(problem?.message ?? 'The restored caseload could not be opened.');
    // The clinician restoring may be newer than the backup: then they must sign in again.
    const known =
      actorId && (running as RunningCaseload).ctx.sqlite.prepare('SELECT 1 FROM clinician WHERE id = ?').get(actorId);
    if (!known) gate.session.clinicianId = null;
    audit({
      entityId: 'restore',
      action: 'restore',
      actorId: known ? actorId : null,
      reason,
      after: {
        fromBackup: fileName,
        backupChanges: outcome.head.seq,
        replacedFile: outcome.replacedPath,
        changesBefore: before?.seq ?? null,
      },
    });
    return { state: gate.state(), replacedFile: outcome.replacedPath };
  }

  gate.start();
  // The idle lock is also checked between requests, so it takes effect (and is audited) on time.
  const idleWatch = setInterval(() => {
    try {
      gate.enforceIdle();
    } catch (error) {
      log(error);
    }
  }, ACTIVITY_REPORT_MS);
  idleWatch.unref();

  const appStateInRecovery = (): AppState => gate.state();

  const recoveryDispatch: Dispatch = async (channel, payload) => {
    if (channel === 'recovery.restore') {
      const refusal = gate.recoveryRefusal();
      if (refusal) return refused(refusal, 'forbidden');
      const parsed = contract['recovery.restore'].input.safeParse(payload);
      if (!parsed.success) return refused('Choose a backup from the list.', 'validation');
      try {
        await restore(
          parsed.data.fileName,
          gate.session.clinicianId,
          `Restored at start-up: ${problem?.title ?? 'caseload could not open'}`,
        );
      } catch (error) {
        return refused(error instanceof Error ? error.message : String(error), 'conflict');
      }
      return running ? running.dispatch('app.state', {}) : { ok: true, value: appStateInRecovery() };
    }
    if (channel === 'recovery.continue') {
      const request = parseRequest(channel, payload, log);
      if (!request.ok) return request.result;
      if (!problem?.canContinue) return refused('This caseload cannot be opened as it is.', 'conflict');
      // Accepting that saved changes are gone is an administrator's decision, like a restore.
      const refusal = gate.recoveryRefusal();
      if (refusal) return refused(refusal, 'forbidden');
      const missing = problem.missingChanges;
      open({ acceptBehindAnchor: true });
      if (!running) return { ok: true, value: appStateInRecovery() };
      audit({
        entityId: 'recovery',
        action: 'update',
        actorId: gate.session.clinicianId,
        reason: 'Opened at start-up without the changes the caseload was missing',
        after: { missingChanges: missing },
      });
      return { ok: true, value: gate.state() };
    }
    if (!problem) return refused('Sign in first.', 'locked');
    return refused('The caseload is not open. Resolve the start-up problem first.');
  };

  /**
   * Brings an open patient check-in in step with the lock, the clinician at the computer and its idle
   * time (services/sessions/checkIn.ts), before anything is answered. True when it changed.
   */
  const settleOpenCheckIn = (): boolean => {
    if (!running || !checkInDesk.open) return false;
    try {
      return settleCheckIn(running.ctx, gate.session);
    } catch (error) {
      log(error);
      return false;
    } finally {
      running.afterRequest();
    }
  };
  /** While a patient holds the device (not locked), only the patient view's channels are answered. */
  const patientHoldsDevice = () => checkInDesk.open !== null && !gate.session.locked;

  const dispatch: Dispatch = async (channel, payload) => {
    try {
      gate.enforceIdle();
    } catch (error) {
      // The lock's audit entry could not be written: refuse this request all the same.
      log(error);
      return refused('Pacewise is locked. Unlock it first.', 'locked');
    }
    if (channel === 'app.state') {
      // Parsed like every channel, though it takes nothing: a payload it does not expect is refused.
      const request = parseRequest(channel, payload, log);
      if (!request.ok) return request.result;
      settleOpenCheckIn();
      return answer(() => gate.state(), log);
    }
    if (gateChannels.has(channel)) {
      if (patientHoldsDevice() && !patientViewChannels.has(channel)) return refused(CHECK_IN_OPEN, 'forbidden');
      const request = parseRequest(channel, payload, log);
      if (!request.ok) return request.result;
      let result: ApiResult<unknown>;
      try {
        result = await answer(() => gate.handle(channel, request.input), log);
      } finally {
        running?.afterRequest();
      }
      // A lock ends the patient's answering; the unlock (or a switch) then hands the device back.
      if (settleOpenCheckIn() && result.ok && answersWithState.has(channel)) return { ok: true, value: gate.state() };
      return result;
    }
    if (!running) return recoveryDispatch(channel, payload);
    settleOpenCheckIn();
    const phase = gate.phase();
    if (phase === 'secure-existing' || phase === 'set-up') {
      return refused('Set up sign-in for this caseload first.', 'not_set_up');
    }
    if (phase !== 'signed-in') {
      // Signed out or locked: nothing of the caseload is answered.
      return refused(phase === 'locked' ? 'Pacewise is locked. Unlock it first.' : 'Sign in first.', 'locked');
    }
    if (channel !== 'access.changePassphrase' && gate.mustChoosePassphrase()) {
      return refused(
        'An administrator chose the passphrase you signed in with: choose your own before opening the caseload.',
        'forbidden',
      );
    }
    if (patientHoldsDevice() && !patientViewChannels.has(channel)) return refused(CHECK_IN_OPEN, 'forbidden');
    if (adminChannels.has(channel)) {
      const role = running.ctx.sqlite
        .prepare('SELECT role FROM clinician WHERE id = ?')
        .get(gate.session.clinicianId) as { role: string } | undefined;
      if (role?.role !== 'administrator') {
        return refused(
          channel === 'exports.caseloadCsv'
            ? CASELOAD_EXPORT_REFUSAL
            : 'Only a clinic administrator can change this. Ask your administrator.',
          'forbidden',
        );
      }
    }
    return running.dispatch(channel, payload);
  };

  return {
    dispatch,
    running: () => running,
    problem: () => problem,
    settled: async () => {
      await Promise.allSettled(background);
    },
    close: () => {
      clearInterval(idleWatch);
      running?.close();
      running = null;
      gate.forget();
    },
  };
}
