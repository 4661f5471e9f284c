import { eq, sql } from 'drizzle-orm';
import type { AppState, Clinician } from '../../shared/contract/setup';
import type { ParsedInputOf } from '../../shared/contract';
import type { ServiceContext } from '../context';
import { clinician, setting } from '../db/schema';
import {
  IDLE_LOCK_DEFAULT_MINUTES,
  PIN_ATTEMPTS,
  SIGN_IN_POLICY_DEFAULT,
  type SignInPolicy,
} from '../../shared/access/passphrase';
import { readKeyring, writeKeyring } from '../db/keyring';
import { CHECK_IN_IDLE, type PatientView } from '../../shared/contract/checkIn';
import { clinicianRow, insertAccount, toClinician } from './access';
import { ApiError } from '../errors';
import { appendAudit } from './audit';
import { prepared } from '../db/prepared';

const CLINIC_NAME = 'clinic.name';

export function readSetting<T>(ctx: ServiceContext, key: string): T | null {
  // Prepared once: the caseload reads two settings per page, and building the query cost more than running it.
  const row = prepared(ctx, 'settings.read', () =>
    ctx.db
      .select({ valueJson: setting.valueJson })
      .from(setting)
      .where(eq(setting.key, sql.placeholder('key')))
      .prepare(),
  ).get({ key });
  return row ? (JSON.parse(row.valueJson) as T) : null;
}

/** Writes a setting and its audit entry; call inside the caller's transaction. */
export function writeSetting(ctx: ServiceContext, key: string, value: unknown, actorId: string | null): void {
  const before = readSetting(ctx, key);
  const at = ctx.now().toISOString();
  ctx.db
    .insert(setting)
    .values({ key, valueJson: JSON.stringify(value), updatedAt: at, updatedBy: actorId })
    .onConflictDoUpdate({
      target: setting.key,
      set: { valueJson: JSON.stringify(value), updatedAt: at, updatedBy: actorId },
    })
    .run();
  appendAudit(ctx.db, ctx, {
    actorId,
    patientId: null,
    entity: 'setting',
    entityId: key,
    action: 'settings',
    before,
    after: value,
  });
}

/** What app.state says once the caseload is open; the launcher fills in where access stands. */
export function appState(ctx: ServiceContext): AppState {
  const clinicName = readSetting<string>(ctx, CLINIC_NAME);
  const current = ctx.session.clinicianId ? clinicianRow(ctx, ctx.session.clinicianId) : undefined;
  const signedIn = current !== undefined && !ctx.session.locked;
  const checkIn = patientView(ctx);
  return {
    isSetUp: clinicName !== null,
    access: !signedIn ? (current ? 'locked' : 'signed-out') : 'signed-in',
    locked: null,
    idleLockMinutes: idleLockMinutes(ctx),
    signInPolicy: signInPolicy(ctx),
    // While a patient holds the device the window is told nothing it would not show them.
    clinicName: checkIn ? null : clinicName,
    currentClinician: signedIn && !checkIn ? toClinician(ctx, current) : null,
    appVersion: ctx.appVersion,
    dataDirectory: ctx.dataDirectory,
    startup: null,
    checkIn,
  };
}

const IDLE_LOCK = 'access.idleLockMinutes';

export function idleLockMinutes(ctx: ServiceContext): number {
  return readSetting<number>(ctx, IDLE_LOCK) ?? IDLE_LOCK_DEFAULT_MINUTES;
}

export const CHECK_IN_IDLE_SETTING = 'checkIn.idleMinutes';

/** Minutes the patient view waits for a touch before discarding unfinished answers (clinic policy). */
export function checkInIdleMinutes(ctx: ServiceContext): number {
  return readSetting<number>(ctx, CHECK_IN_IDLE_SETTING) ?? CHECK_IN_IDLE.defaultMinutes;
}

/** What the window may know while a patient check-in is open (services/sessions/checkIn.ts). */
export function patientView(ctx: ServiceContext): PatientView | null {
  const open = ctx.checkInDesk.open;
  if (!open) return null;
  const pinHash = clinicianRow(ctx, open.startedBy)?.pinHash ?? null;
  return {
    checkInId: open.id,
    preferredName: open.preferredName,
    phase: open.phase,
    idleMinutes: checkInIdleMinutes(ctx),
    pinAllowed: pinHash !== null && open.failedHandBacks < PIN_ATTEMPTS,
  };
}

export function setIdleLockMinutes(ctx: ServiceContext, minutes: number, actorId: string): void {
  ctx.sqlite.transaction(() => writeSetting(ctx, IDLE_LOCK, minutes, actorId))();
}

const SIGN_IN_POLICY = 'access.signInPolicy';

export function signInPolicy(ctx: ServiceContext): SignInPolicy {
  return readSetting<SignInPolicy>(ctx, SIGN_IN_POLICY) ?? SIGN_IN_POLICY_DEFAULT;
}

/**
 * Sign-in happens before the caseload opens, so the gate reads the policy from the key ring: it is
 * copied there after every change and at every open (which also puts right a ring an earlier version
 * wrote, or one whose write failed). The database's setting stays the source of truth.
 */
export function keepSignInPolicyInRing(ctx: ServiceContext): void {
  const ring = readKeyring(ctx.dataDirectory);
  if (!ring) return;
  const policy = signInPolicy(ctx);
  const held = ring.signInPolicy;
  if (held?.freeAttempts === policy.freeAttempts && held.firstWaitSeconds === policy.firstWaitSeconds) return;
  writeKeyring(ctx.dataDirectory, { ...ring, signInPolicy: policy });
}

/** Audited like every setting; the ring's copy is written inside the transaction, last (see setActive). */
export function setSignInPolicy(ctx: ServiceContext, policy: SignInPolicy, actorId: string): void {
  ctx.sqlite.transaction(() => {
    writeSetting(ctx, SIGN_IN_POLICY, policy, actorId);
    keepSignInPolicyInRing(ctx);
  })();
}

/** The clinician acting now. Every clinical write goes through this, so none is anonymous. */
export function requireClinician(ctx: ServiceContext): string {
  if (!ctx.session.clinicianId || ctx.session.locked) {
    throw new ApiError('not_set_up', 'No clinician is signed in. Sign in first.');
  }
  return ctx.session.clinicianId;
}

/** Creates the clinic and its first administrator (the access set-up wraps the key for them). */
export function createClinic(
  ctx: ServiceContext,
  clinicName: string,
  first: Omit<ParsedInputOf<'access.addClinician'>, 'passphrase' | 'confirmPassphrase'>,
  id?: string,
): string {
  if (readSetting<string>(ctx, CLINIC_NAME) !== null) {
    throw new ApiError('conflict', 'This clinic is already set up. Add more clinicians in Settings.');
  }
  return ctx.sqlite.transaction(() => {
    const row = insertAccount(ctx, first, null, id);
    writeSetting(ctx, CLINIC_NAME, clinicName, row.id);
    return row.id;
  })();
}

export function listClinicians(ctx: ServiceContext): Clinician[] {
  return ctx.db
    .select()
    .from(clinician)
    .orderBy(clinician.fullName)
    .all()
    .map((row) => toClinician(ctx, row));
}
