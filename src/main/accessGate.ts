import { copyFileSync, existsSync, statSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileDialogs } from './context';
import { writeAnchor } from './db/anchor';
import { backupHead, backupKeyring, importBackup } from './services/backups';
import { monotonicFactory } from 'ulid';
import type { ParsedInputOf } from '../shared/contract';
import { PIN_ATTEMPTS } from '../shared/access/passphrase';
import type { AccessPhase, AppState, StartupProblem } from '../shared/contract/setup';
import type { RunningCaseload } from './caseload';
import { auditKeyPath, readAuditKey, serialiseAuditKey } from './db/auditKey';
import { backUpBeforeEncryption, encryptPlainFiles, removeDatabaseFile } from './db/encrypt';
import {
  dataKeyFor,
  foldLogin,
  forgetDataKey,
  hasKeyring,
  KeyringUnreadableError,
  newDataKey,
  newRecoveryKey,
  readKeyring,
  readRecoveryKey,
  readRingRoles,
  rememberDataKey,
  sealAuditKey,
  sealRoles,
  unwrapForClinician,
  unwrapWithRecovery,
  wrapForClinician,
  wrapForRecovery,
  writeKeyring,
  type ClinicianWrap,
  type Keyring,
  type PendingAccessEvent,
} from './db/keyring';
import { BACKUP_DIR, CASELOAD_FILE, DataFolderUnwritableError, folderHeldCaseload, prepareDataFolder } from './db/open';
import { clinician } from './db/schema';
import { ApiError } from './errors';
import {
  auditAccess,
  clinicianRow,
  flushPendingAccessEvents,
  keepRolesInRing,
  passphraseIsRight,
  pinIsRight,
  resetPassphrase,
  type AccessSession,
} from './services/access';
import { updateAudited } from './services/audit';
import { appState, createClinic, idleLockMinutes, readSetting } from './services/settings';
import {
  ACTIVITY_REPORT_MS,
  IDLE_LOCK_DEFAULT_MINUTES,
  SIGN_IN_POLICY_DEFAULT,
  signInWaitSeconds,
  spokenDuration,
  type SignInPolicy,
} from '../shared/access/passphrase';

export interface GateDeps {
  dataDir: string;
  appVersion: string;
  now: () => Date;
  kdf?: ClinicianWrap['kdf'];
  running(): RunningCaseload | null;
  problem(): StartupProblem | null;
  /** Opens the caseload in the folder (with the data key held for it, if any). */
  open(): void;
  closeRunning(): void;
  dialogs: FileDialogs;
}

/** What a clinician who is not an administrator sees at the recovery screen instead of the restore buttons. */
export const ONLY_ADMINISTRATORS_RECOVER =
  'Only a clinic administrator can restore a backup or open the caseload without the missing changes; ask one to sign in.';
const ROLES_UNVERIFIED =
  'Pacewise cannot confirm who is a clinic administrator: the list of roles in the caseload’s key file was ' +
  'changed outside Pacewise, so no one can restore a backup or open the caseload without the missing changes ' +
  'here. The backups are untouched; contact support.';

/** Sign-in names whose failures are counted at once; the oldest counters give way beyond this. */
const MAX_COUNTED_NAMES = 200;
/** Distinct pending failures kept one by one in the ring; beyond it, further names are folded into one entry. */
const MAX_PENDING_ENTRIES = 200;
const OTHER_NAMES = '(other names)';

/**
 * A failed attempt added to those waiting in the ring for the next sign-in. Nothing is dropped: a
 * repeat of an attempt already waiting (same name, same outcome) adds to its count and last time,
 * and once the ring holds MAX_PENDING_ENTRIES different ones, the rest are counted in one entry. So
 * a script hammering the sign-in cannot grow the file without bound, and no attempt is forgotten
 * before it reaches the audit trail.
 */
export function withPending(pending: PendingAccessEvent[], event: PendingAccessEvent): PendingAccessEvent[] {
  const folded =
    pending.find((p) => p.event === event.event && p.login === event.login && p.detail === event.detail) ??
    (pending.length >= MAX_PENDING_ENTRIES
      ? pending.find((p) => p.event === event.event && p.login === OTHER_NAMES)
      : undefined);
  if (folded) {
    return pending.map((p) => (p === folded ? { ...p, count: (p.count ?? 1) + 1, lastAt: event.at } : p));
  }
  if (pending.length >= MAX_PENDING_ENTRIES) {
    const overflow = { ...event, login: OTHER_NAMES, detail: 'Further failed attempts, for other sign-in names' };
    return [...pending, overflow];
  }
  return [...pending, event];
}

const wrongSignIn = () =>
  new ApiError('validation', 'The sign-in name or passphrase is not right.', {
    passphrase: 'The sign-in name or passphrase is not right',
  });

/**
 * Who is at the computer, and what they may reach. Nothing of the caseload is read before a
 * passphrase (or the recovery key) unwraps its key; failed attempts made while it is closed are
 * kept in the key ring and written to the audit trail at the next sign-in.
 */
export function createAccessGate(deps: GateDeps) {
  const session: AccessSession = { clinicianId: null, locked: false, failedUnlocks: 0 };
  /** The clinician who pressed "Switch clinician", for the next sign-in's audit entry. */
  let switchedFrom: string | null = null;
  /** The clinician signed in with a passphrase an administrator chose, until they choose their own. */
  let givenPassphrase: string | null = null;
  /** When the clinician signed in is last known to have used the window (main's own idle clock). */
  let lastActivity: Date | null = null;
  const ulid = monotonicFactory();

  const caseloadFileHasContent = () => {
    const path = join(deps.dataDir, CASELOAD_FILE);
    return existsSync(path) && statSync(path).size > 0;
  };

  /** At launch: an encrypted folder waits for sign-in; an earlier version's plain caseload is opened to be secured. */
  function start(): void {
    if (hasKeyring(deps.dataDir)) return;
    if (caseloadFileHasContent() || folderHeldCaseload(deps.dataDir)) deps.open();
  }

  function plainClinicIsSetUp(): boolean {
    const r = deps.running();
    return r !== null && readSetting<string>(r.ctx, 'clinic.name') !== null;
  }

  function phase(): AccessPhase {
    if (hasKeyring(deps.dataDir)) {
      if (!deps.running() || !session.clinicianId) return 'signed-out';
      return session.locked ? 'locked' : 'signed-in';
    }
    return plainClinicIsSetUp() ? 'secure-existing' : 'set-up';
  }

  function state(): AppState {
    const r = deps.running();
    const current = phase();
    if (!r || current === 'set-up' || current === 'secure-existing' || current === 'signed-out') {
      return {
        isSetUp: current !== 'set-up',
        access: current,
        locked: null,
        idleLockMinutes: IDLE_LOCK_DEFAULT_MINUTES,
        signInPolicy: signInPolicyBeforeSignIn(),
        // Before sign-in nothing of the caseload is shown, not even the clinic's name.
        clinicName: null,
        currentClinician: null,
        appVersion: deps.appVersion,
        dataDirectory: deps.dataDir,
        // With accounts, what went wrong (and the backups there are) is shown only after a sign-in.
        startup: hasKeyring(deps.dataDir) && !session.clinicianId ? null : startupProblem(),
        checkIn: null,
      };
    }
    const base = appState(r.ctx);
    if (current !== 'locked') return base;
    const row = clinicianRow(r.ctx, session.clinicianId!)!;
    return {
      ...base,
      access: 'locked',
      locked: {
        clinicianId: row.id,
        fullName: row.fullName,
        pinAllowed: row.pinHash !== null && session.failedUnlocks < PIN_ATTEMPTS,
        failedAttempts: session.failedUnlocks,
      },
    };
  }

  function signInPolicyBeforeSignIn(): SignInPolicy {
    try {
      return signInPolicy(readKeyring(deps.dataDir));
    } catch {
      return SIGN_IN_POLICY_DEFAULT;
    }
  }

  function startupProblem(): StartupProblem | null {
    const problem = deps.problem();
    return problem && { ...problem, recoveryRefusal: recoveryRefusal() };
  }

  /**
   * Why the clinician at the computer may not restore a backup at the recovery screen, nor open
   * the caseload without the changes it is missing (both decide what the clinic's record is), or
   * null when they may. Roles live in the database that failed to open, so the key ring's sealed copy
   * of them decides (keepRolesInRing). Anyone who can write to the caseload folder could put a
   * backup in place by hand, so this guards the app's restore, not the files themselves.
   */
  function recoveryRefusal(): string | null {
    // An earlier version's unencrypted caseload has no accounts: nobody signs in, as before.
    if (!hasKeyring(deps.dataDir)) return null;
    const dataKey = dataKeyFor(deps.dataDir);
    if (!session.clinicianId || !dataKey) return ONLY_ADMINISTRATORS_RECOVER;
    let ring: Keyring | null;
    try {
      ring = readKeyring(deps.dataDir);
    } catch {
      return ROLES_UNVERIFIED;
    }
    if (!ring) return ONLY_ADMINISTRATORS_RECOVER;
    const held = readRingRoles(ring, dataKey);
    // A ring the previous version wrote has no roles yet: restore stays open to any signed-in
    // clinician, as it was, until the next successful open of the database writes the map.
    if (held.state === 'absent') return null;
    if (held.state === 'invalid') return ROLES_UNVERIFIED;
    return held.roles.get(session.clinicianId) === 'administrator' ? null : ONLY_ADMINISTRATORS_RECOVER;
  }

  /**
   * A new computer has no caseload folder yet (nor, for a folder named in device.json, perhaps its
   * parents): create it before the first file is written there, refusing with the start-up wording.
   */
  function prepareFolder(): void {
    try {
      prepareDataFolder(deps.dataDir);
    } catch (error) {
      if (error instanceof DataFolderUnwritableError) throw new ApiError('conflict', error.message);
      throw error;
    }
  }

  function requireRunning(): RunningCaseload {
    const r = deps.running();
    if (!r) throw new ApiError('not_set_up', 'The caseload is not open.');
    return r;
  }

  function addPending(event: PendingAccessEvent): void {
    const ring = readKeyring(deps.dataDir);
    if (ring) writeKeyring(deps.dataDir, { ...ring, pending: withPending(ring.pending, event) });
  }

  /** Sign-in names whose passphrase is being checked now: a second try at one would race its failure count. */
  const checking = new Set<string>();

  function signInPolicy(ring: Keyring | null): SignInPolicy {
    return ring?.signInPolicy ?? SIGN_IN_POLICY_DEFAULT;
  }

  /** Seconds the next try for `login` must still wait (0: none), by the clinic's policy. */
  function waitFor(ring: Keyring, login: string): number {
    const failures = ring.signInFailures?.[login];
    if (!failures) return 0;
    const until = Date.parse(failures.lastAt) + signInWaitSeconds(signInPolicy(ring), failures.count) * 1000;
    return Math.max(0, (until - deps.now().getTime()) / 1000);
  }

  /** Counts a failed sign-in for `login` and says what the clinician must now wait, if anything. */
  function countFailure(login: string): string {
    const ring = readKeyring(deps.dataDir)!;
    const failures = { ...ring.signInFailures };
    const count = (failures[login]?.count ?? 0) + 1;
    failures[login] = { count, lastAt: deps.now().toISOString() };
    // Counters only slow guessing down (every attempt also reaches the audit trail): keep the newest names.
    const names = Object.keys(failures).sort((a, b) => failures[a]!.lastAt.localeCompare(failures[b]!.lastAt));
    for (const name of names.slice(0, Math.max(0, names.length - MAX_COUNTED_NAMES))) delete failures[name];
    writeKeyring(deps.dataDir, { ...ring, signInFailures: failures });
    const wait = signInWaitSeconds(signInPolicy(ring), count);
    return wait > 0
      ? ` Wait ${spokenDuration(wait)} before the next try (${count} failed sign-ins for this name).`
      : '';
  }

  function clearFailures(login: string): void {
    const ring = readKeyring(deps.dataDir);
    if (!ring?.signInFailures?.[login]) return;
    const failures = { ...ring.signInFailures };
    delete failures[login];
    writeKeyring(deps.dataDir, { ...ring, signInFailures: failures });
  }

  /** A failed attempt: into the trail if the caseload is open, else kept for the next sign-in. */
  function recordFailure(login: string, event: 'sign-in-failed' | 'recovery-failed', detail: string): void {
    const r = deps.running();
    if (r && dataKeyFor(deps.dataDir)) {
      auditAccess(r.ctx, { actorId: null, subjectId: foldLogin(login) || '(blank)', event, reason: detail });
      r.syncAnchor();
    } else {
      addPending({ at: deps.now().toISOString(), login: foldLogin(login), event, detail });
    }
  }

  /** Opens the caseload with the key just unwrapped; a start-up problem is shown after sign-in. */
  function openWith(dataKey: Buffer): RunningCaseload | null {
    rememberDataKey(deps.dataDir, dataKey);
    if (!deps.running()) deps.open();
    return deps.running();
  }

  function beginSession(r: RunningCaseload, clinicianId: string, how: string): AppState {
    const row = clinicianRow(r.ctx, clinicianId);
    if (!row || !row.active) {
      auditAccess(r.ctx, {
        actorId: null,
        subjectId: clinicianId,
        event: 'sign-in-failed',
        reason: 'Sign-in refused: the account is deactivated',
      });
      r.syncAnchor();
      throw new ApiError('forbidden', 'This account is deactivated. Ask your clinic administrator.');
    }
    const from = switchedFrom && switchedFrom !== row.id ? clinicianRow(r.ctx, switchedFrom) : undefined;
    Object.assign(session, { clinicianId: row.id, locked: false, failedUnlocks: 0 });
    switchedFrom = null;
    lastActivity = deps.now();
    givenPassphrase = readKeyring(deps.dataDir)?.clinicians.some(
      (w) => w.clinicianId === row.id && w.chosenBy === 'administrator',
    )
      ? row.id
      : null;
    flushPendingAccessEvents(r.ctx);
    auditAccess(r.ctx, {
      actorId: row.id,
      subjectId: row.id,
      event: 'sign-in',
      reason: from ? `${how}, taking over from ${from.fullName}` : how,
    });
    r.syncAnchor();
    return state();
  }

  async function signIn(input: ParsedInputOf<'access.signIn'>): Promise<AppState> {
    const ring = readKeyring(deps.dataDir);
    if (!ring) throw new ApiError('not_set_up', 'This caseload has no accounts yet. Set it up first.');
    const login = foldLogin(input.login);
    if (ring.deactivated?.includes(login)) {
      recordFailure(input.login, 'sign-in-failed', 'Sign-in refused: the account is deactivated');
      throw new ApiError('forbidden', 'This account is deactivated. Ask your clinic administrator.', {
        login: 'This account is deactivated',
      });
    }
    const wait = waitFor(ring, login);
    if (wait > 0 || checking.has(login)) {
      // Not checked at all, so it cannot be a guess; it is still recorded, like every attempt.
      recordFailure(input.login, 'sign-in-failed', 'Sign-in refused unchecked: tried again during the wait');
      const message =
        wait > 0
          ? `Wait ${spokenDuration(wait)} before trying this sign-in name again.`
          : 'This sign-in name is being checked already: wait a moment.';
      throw new ApiError('validation', message, { passphrase: message });
    }
    checking.add(login);
    let opened: Awaited<ReturnType<typeof unwrapForClinician>>;
    try {
      opened = await unwrapForClinician(ring, input.login, input.passphrase);
    } finally {
      checking.delete(login);
    }
    if (!opened) {
      recordFailure(input.login, 'sign-in-failed', 'Sign-in failed: wrong sign-in name or passphrase');
      const waiting = countFailure(login);
      if (!waiting) throw wrongSignIn();
      const message = `The sign-in name or passphrase is not right.${waiting}`;
      throw new ApiError('validation', message, { passphrase: message });
    }
    clearFailures(login);
    const r = openWith(opened.dataKey);
    if (!r) {
      // The caseload could not open: the recovery screen shows, with this clinician known.
      Object.assign(session, { clinicianId: opened.clinicianId, locked: false, failedUnlocks: 0 });
      return state();
    }
    return beginSession(r, opened.clinicianId, 'Signed in');
  }

  async function recover(input: ParsedInputOf<'access.recover'>): Promise<AppState> {
    const ring = readKeyring(deps.dataDir);
    if (!ring) throw new ApiError('not_set_up', 'This caseload has no recovery key yet. Set it up first.');
    const reading = readRecoveryKey(input.recoveryKey);
    if (!reading.ok) throw new ApiError('validation', reading.problem, { recoveryKey: reading.problem });
    const dataKey = unwrapWithRecovery(ring, reading.secret);
    if (!dataKey) {
      recordFailure(input.login, 'recovery-failed', 'Recovery failed: the recovery key does not open this caseload');
      const message = 'This recovery key does not open this caseload: it belongs to another clinic or set-up.';
      throw new ApiError('validation', message, { recoveryKey: message });
    }
    const r = openWith(dataKey);
    if (!r) throw new ApiError('conflict', deps.problem()?.message ?? 'The caseload could not be opened.');
    const row = r.ctx.db
      .select()
      .from(clinician)
      .all()
      .find((c) => c.login === foldLogin(input.login));
    if (!row || row.role !== 'administrator' || !row.active) {
      const message = 'Recovery sets a new passphrase for an active administrator: no such sign-in name.';
      throw new ApiError('validation', message, { login: message });
    }
    // Their new passphrase is wrapped first; only then are they signed in (nothing answers as them before).
    await resetPassphrase(r.ctx, row.id, {
      clinicianId: row.id,
      passphrase: input.passphrase,
      confirmPassphrase: input.confirmPassphrase,
    });
    Object.assign(session, { clinicianId: row.id, locked: false, failedUnlocks: 0 });
    lastActivity = deps.now();
    auditAccess(r.ctx, {
      actorId: row.id,
      subjectId: row.id,
      event: 'recovery',
      reason: 'Caseload opened with the recovery key; new passphrase set',
    });
    flushPendingAccessEvents(r.ctx);
    r.syncAnchor();
    return state();
  }

  async function setUp(input: ParsedInputOf<'access.setUp'>): Promise<{ state: AppState; recoveryKey: string }> {
    if (phase() !== 'set-up') throw new ApiError('conflict', 'This clinic is already set up.');
    if (deps.running()) {
      // A caseload file from a set-up that never finished: nothing in it to keep.
      deps.closeRunning();
    }
    prepareFolder();
    const dataKey = newDataKey();
    const recovery = newRecoveryKey();
    const adminId = ulid();
    const wrap = await wrapForClinician(dataKey, adminId, input.clinician.login, input.passphrase, deps.kdf);
    const ring: Keyring = {
      format: 'pacewise-keyring',
      version: 1,
      clinicians: [wrap],
      recovery: wrapForRecovery(dataKey, recovery.secret),
      auditKey: null,
      pending: [],
      deactivated: [],
      roles: sealRoles(dataKey, { [adminId]: 'administrator' }),
    };
    // The ring is written before the database exists, so no encrypted page is ever without its key.
    writeKeyring(deps.dataDir, ring);
    rememberDataKey(deps.dataDir, dataKey);
    encryptPlainFiles(deps.dataDir, dataKey);
    deps.open();
    const r = deps.running();
    if (!r) throw new ApiError('conflict', deps.problem()?.message ?? 'The new caseload could not be created.');
    const id = createClinic(r.ctx, input.clinicName, { ...input.clinician, role: 'administrator' }, adminId);
    keepRolesInRing(r.ctx);
    auditAccess(r.ctx, {
      actorId: id,
      subjectId: id,
      event: 'encrypted',
      reason: 'Caseload created encrypted; recovery key issued',
    });
    return { state: beginSession(r, id, 'Signed in at set-up'), recoveryKey: recovery.text };
  }

  function existingClinicians(): Array<{ id: string; fullName: string }> {
    if (phase() !== 'secure-existing') throw new ApiError('conflict', 'This caseload is already secured.');
    const r = requireRunning();
    return r.ctx.db
      .select()
      .from(clinician)
      .all()
      .filter((c) => c.active)
      .map((c) => ({ id: c.id, fullName: c.fullName }));
  }

  /**
   * An earlier version's unencrypted caseload: a checked plain backup, the key ring, every
   * database file in the folder encrypted in place, the plain audit key taken into the ring, the
   * caseload reopened and proven whole, and only then the plain backup removed.
   */
  async function secureExisting(
    input: ParsedInputOf<'access.secureExisting'>,
  ): Promise<{ state: AppState; recoveryKey: string }> {
    if (phase() !== 'secure-existing') throw new ApiError('conflict', 'This caseload is already secured.');
    const plain = requireRunning();
    const row = clinicianRow(plain.ctx, input.clinicianId);
    if (!row || !row.active)
      throw new ApiError('validation', 'Choose an active clinician', { clinicianId: 'Choose an active clinician' });
    const clash = plain.ctx.db
      .select()
      .from(clinician)
      .all()
      .find((c) => c.login === foldLogin(input.login) && c.id !== row.id);
    if (clash)
      throw new ApiError('validation', 'That sign-in name is already in use', {
        login: 'That sign-in name is already in use',
      });

    const at = deps.now();
    const headBefore = plain.caseload.sqlite.prepare('SELECT max(seq) AS seq FROM audit_event').get() as {
      seq: number | null;
    };
    const plainBackup = backUpBeforeEncryption(plain.caseload.sqlite, join(deps.dataDir, BACKUP_DIR), at);
    const plainAuditKey = readAuditKey(deps.dataDir);
    deps.closeRunning();

    const dataKey = newDataKey();
    const recovery = newRecoveryKey();
    const ring: Keyring = {
      format: 'pacewise-keyring',
      version: 1,
      clinicians: [await wrapForClinician(dataKey, row.id, input.login, input.passphrase, deps.kdf)],
      recovery: wrapForRecovery(dataKey, recovery.secret),
      auditKey: plainAuditKey ? sealAuditKey(dataKey, serialiseAuditKey(plainAuditKey, at)) : null,
      pending: [],
      deactivated: [],
      roles: sealRoles(dataKey, { [row.id]: 'administrator' }),
    };
    writeKeyring(deps.dataDir, ring);
    rememberDataKey(deps.dataDir, dataKey);
    encryptPlainFiles(deps.dataDir, dataKey);
    if (existsSync(auditKeyPath(deps.dataDir))) unlinkSync(auditKeyPath(deps.dataDir));
    deps.open();
    const r = deps.running();
    if (!r) throw new ApiError('conflict', deps.problem()?.message ?? 'The encrypted caseload could not be opened.');
    const headAfter = r.caseload.sqlite.prepare('SELECT max(seq) AS seq FROM audit_event').get() as {
      seq: number | null;
    };
    if (headAfter.seq !== headBefore.seq) {
      throw new ApiError(
        'conflict',
        'The encrypted caseload does not match the original; the plain backup has been kept.',
      );
    }
    // The caseload is whole under its key: the plain copy must not outlive it.
    removeDatabaseFile(plainBackup);
    r.ctx.sqlite.transaction(() =>
      updateAudited(
        r.ctx,
        clinician,
        row,
        { login: foldLogin(input.login), role: 'administrator' },
        {
          actorId: row.id,
          patientId: null,
          entity: 'clinician',
          reason: 'Made the clinic administrator when the caseload was encrypted',
          unaudited: ['pinHash'],
        },
      ),
    )();
    keepRolesInRing(r.ctx);
    auditAccess(r.ctx, {
      actorId: row.id,
      subjectId: row.id,
      event: 'encrypted',
      reason: 'Earlier version’s caseload encrypted in place after a checked backup; recovery key issued',
    });
    return { state: beginSession(r, row.id, 'Signed in after encrypting the caseload'), recoveryKey: recovery.text };
  }

  /**
   * A new computer after a lost one: the caseload comes from a backup and the key ring its manifest
   * carries. Nothing in it can be read until someone signs in with a passphrase from that ring.
   */
  async function adoptBackup(): Promise<AppState> {
    if (phase() !== 'set-up') throw new ApiError('conflict', 'This computer already holds a caseload.');
    const path = await deps.dialogs.chooseBackupFile();
    if (!path) return state();
    const ring = backupKeyring(path);
    const head = backupHead(path);
    if (!ring || !head) {
      throw new ApiError(
        'validation',
        'This backup cannot be opened here: its key ring (the ".db.json" file saved beside it) is missing. ' +
          'Copy both files from the backup folder and try again.',
      );
    }
    if (deps.running()) deps.closeRunning();
    prepareFolder();
    const at = deps.now();
    writeKeyring(deps.dataDir, {
      ...ring,
      pending: [
        {
          at: at.toISOString(),
          login: '',
          event: 'adopted-backup',
          detail: `Caseload taken from the backup ${basename(path)}`,
        },
      ],
    });
    const imported = importBackup(deps.dataDir, path, at);
    copyFileSync(imported, join(deps.dataDir, CASELOAD_FILE));
    writeAnchor(deps.dataDir, { seq: head.seq, hash: head.hash ?? '', at: at.toISOString() });
    return state();
  }

  const lockReasons: Record<ParsedInputOf<'access.lock'>['reason'], string> = {
    idle: 'Locked after the idle time',
    manual: 'Locked by the clinician',
    system: 'Locked when the computer was locked or went to sleep',
    'window-closed': 'Locked when the window was closed',
  };

  function lock(
    input: ParsedInputOf<'access.lock'>,
    why: { reason: string; detail?: object } = { reason: lockReasons[input.reason] },
  ): AppState {
    const r = requireRunning();
    if (!session.clinicianId || session.locked) return state();
    session.locked = true;
    auditAccess(r.ctx, { actorId: session.clinicianId, subjectId: session.clinicianId, event: 'lock', ...why });
    r.syncAnchor();
    return state();
  }

  /**
   * The idle lock, kept by the main process whatever the window's own timer did (a window that
   * never asks to lock still stops getting answers). Checked before every request; the window's
   * timer, which saves the draft first, fires a report interval earlier.
   */
  function enforceIdle(): void {
    const r = deps.running();
    if (!r || !lastActivity || phase() !== 'signed-in') return;
    const minutes = idleLockMinutes(r.ctx);
    const quietMs = deps.now().getTime() - lastActivity.getTime();
    if (quietMs <= minutes * 60_000 + ACTIVITY_REPORT_MS) return;
    lock(
      { reason: 'idle' },
      {
        reason: `Locked by Pacewise after ${minutes} idle minute${minutes === 1 ? '' : 's'} with no activity reported by the window`,
        detail: { lastActivityAt: lastActivity.toISOString() },
      },
    );
  }

  /**
   * Whether the clinician signed in holds a passphrase an administrator chose (a new account, a
   * reset): until they choose their own, nothing of the caseload is answered. Read from the ring,
   * which changing the passphrase rewrites.
   */
  function mustChoosePassphrase(): boolean {
    const id = session.clinicianId;
    // Only a clinician found holding one at sign-in pays for reading the ring on each request.
    if (!id || id !== givenPassphrase) return false;
    const ring = readKeyring(deps.dataDir);
    if (ring?.clinicians.some((w) => w.clinicianId === id && w.chosenBy === 'administrator')) return true;
    givenPassphrase = null;
    return false;
  }

  /** The window saw the clinician at work: the idle clock starts again (never while locked). */
  function activity(): { access: AccessPhase } {
    if (phase() === 'signed-in') lastActivity = deps.now();
    return { access: phase() };
  }

  async function unlock(input: ParsedInputOf<'access.unlock'>): Promise<AppState> {
    const r = requireRunning();
    const id = session.clinicianId;
    if (!id || !session.locked) return state();
    const byPin = 'pin' in input;
    if (byPin && session.failedUnlocks >= PIN_ATTEMPTS) {
      const message = `${PIN_ATTEMPTS} wrong PINs: enter your passphrase instead`;
      throw new ApiError('locked', message, { pin: message });
    }
    const right = byPin ? await pinIsRight(r.ctx, id, input.pin) : await passphraseIsRight(r.ctx, id, input.passphrase);
    if (!right) {
      session.failedUnlocks += 1;
      auditAccess(r.ctx, {
        actorId: null,
        subjectId: id,
        event: 'unlock-failed',
        reason: `Unlock failed: wrong ${byPin ? 'PIN' : 'passphrase'} (attempt ${session.failedUnlocks})`,
      });
      r.syncAnchor();
      if (byPin) {
        const left = PIN_ATTEMPTS - session.failedUnlocks;
        const message =
          left > 0
            ? `That PIN is not right (${left} ${left === 1 ? 'try' : 'tries'} left)`
            : `That PIN is not right. After ${PIN_ATTEMPTS} wrong PINs your passphrase is needed`;
        throw new ApiError('validation', message, { pin: message });
      }
      throw new ApiError('validation', 'That passphrase is not right', { passphrase: 'That passphrase is not right' });
    }
    Object.assign(session, { locked: false, failedUnlocks: 0 });
    lastActivity = deps.now();
    auditAccess(r.ctx, {
      actorId: id,
      subjectId: id,
      event: 'unlock',
      reason: byPin ? 'Unlocked with PIN' : 'Unlocked with passphrase',
    });
    r.syncAnchor();
    return state();
  }

  function switchClinician(): AppState {
    const r = deps.running();
    if (!r && hasKeyring(deps.dataDir) && session.clinicianId) {
      // At the recovery screen the caseload is not open, so there is no trail to record the
      // hand-over in. The key leaves memory with this clinician; the next one's passphrase brings it back.
      forgetDataKey(deps.dataDir);
      switchedFrom = null;
      Object.assign(session, { clinicianId: null, locked: false, failedUnlocks: 0 });
      return state();
    }
    if (!r) throw new ApiError('not_set_up', 'The caseload is not open.');
    if (!session.clinicianId) return state();
    auditAccess(r.ctx, {
      actorId: session.clinicianId,
      subjectId: session.clinicianId,
      event: 'switch',
      reason: 'Handed the computer to another clinician',
    });
    r.syncAnchor();
    switchedFrom = session.clinicianId;
    Object.assign(session, { clinicianId: null, locked: false, failedUnlocks: 0 });
    return state();
  }

  async function handle(channel: string, input: unknown): Promise<unknown> {
    try {
      return await route(channel, input);
    } catch (error) {
      if (error instanceof KeyringUnreadableError) throw new ApiError('conflict', error.message);
      throw error;
    }
  }

  async function route(channel: string, input: unknown): Promise<unknown> {
    switch (channel) {
      case 'access.setUp':
        return setUp(input as ParsedInputOf<'access.setUp'>);
      case 'access.existingClinicians':
        return existingClinicians();
      case 'access.secureExisting':
        return secureExisting(input as ParsedInputOf<'access.secureExisting'>);
      case 'access.adoptBackup':
        return adoptBackup();
      case 'access.signIn':
        return signIn(input as ParsedInputOf<'access.signIn'>);
      case 'access.recover':
        return recover(input as ParsedInputOf<'access.recover'>);
      case 'access.lock':
        return lock(input as ParsedInputOf<'access.lock'>);
      case 'access.activity':
        return activity();
      case 'access.unlock':
        return unlock(input as ParsedInputOf<'access.unlock'>);
      case 'access.switchClinician':
        return switchClinician();
      default:
        throw new ApiError('not_found', `Unknown request: ${channel}`);
    }
  }

  /** At close: the key leaves memory with the caseload. */
  function forget(): void {
    forgetDataKey(deps.dataDir);
    Object.assign(session, { clinicianId: null, locked: false, failedUnlocks: 0 });
  }

  return {
    session,
    start,
    phase,
    state,
    handle,
    forget,
    recoveryRefusal,
    enforceIdle,
    mustChoosePassphrase,
    signedIn: () => phase() === 'signed-in',
  };
}

export type AccessGate = ReturnType<typeof createAccessGate>;
