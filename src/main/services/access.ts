import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/contract';
import type { Role } from '../../shared/contract/access';
import type { Clinician } from '../../shared/contract/setup';
import { passphraseProblem, PIN_ATTEMPTS } from '../../shared/access/passphrase';
import type { ServiceContext } from '../context';
import type { DataKey } from '../db/connection';
import {
  dataKeyFor,
  foldLogin,
  readKeyring,
  readRingRoles,
  sealRoles,
  unwrapForClinician,
  wrapForClinician,
  writeKeyring,
  type PendingAccessEvent,
} from '../db/keyring';
import { clinician } from '../db/schema';
import { ApiError, fieldError, notFound } from '../errors';
import { appendAudit, insertAudited, updateAudited } from './audit';

type ClinicianRow = typeof clinician.$inferSelect;

/** Who is at the computer. Held only in memory; the launcher owns it (src/main/launch.ts). */
export interface AccessSession {
  clinicianId: string | null;
  locked: boolean;
  failedUnlocks: number;
}

export type AccessEvent =
  | 'sign-in'
  | 'sign-in-failed'
  | 'lock'
  | 'unlock'
  | 'unlock-failed'
  | 'switch'
  | 'recovery'
  | 'recovery-failed'
  | 'passphrase-reset'
  | 'passphrase-changed'
  | 'pin-set'
  | 'encrypted'
  | 'adopted-backup';

export function clinicianRow(ctx: ServiceContext, id: string): ClinicianRow | undefined {
  return ctx.db.select().from(clinician).where(eq(clinician.id, id)).get();
}

export function toClinician(ctx: ServiceContext, row: ClinicianRow): Clinician {
  const ring = readKeyring(ctx.dataDirectory);
  return {
    id: row.id,
    fullName: row.fullName,
    profession: row.profession as Clinician['profession'],
    registrationNumber: row.registrationNumber,
    active: row.active,
    role: row.role as Role,
    login: row.login,
    canSignIn: row.active && (ring?.clinicians.some((w) => w.clinicianId === row.id) ?? false),
    hasPin: row.pinHash !== null,
    mustChoosePassphrase:
      ring?.clinicians.some((w) => w.clinicianId === row.id && w.chosenBy === 'administrator') ?? false,
  };
}

/** One access event in the audit trail; call inside a transaction or alone (it is one insert). */
export function auditAccess(
  ctx: ServiceContext,
  entry: {
    actorId: string | null;
    subjectId: string;
    event: AccessEvent;
    reason: string;
    at?: string;
    detail?: object;
  },
): void {
  const write = () =>
    appendAudit(ctx.db, entry.at ? { ...ctx, now: () => new Date(entry.at!) } : ctx, {
      actorId: entry.actorId,
      patientId: null,
      entity: 'access',
      entityId: entry.subjectId,
      action: 'access',
      after: { event: entry.event, ...entry.detail },
      reason: entry.reason,
    });
  if (ctx.sqlite.inTransaction) write();
  else ctx.sqlite.transaction(write)();
}

/** Failed sign-ins made while the caseload was closed go into the trail at the next sign-in. */
export function flushPendingAccessEvents(ctx: ServiceContext): void {
  const ring = readKeyring(ctx.dataDirectory);
  if (!ring || ring.pending.length === 0) return;
  const pending: PendingAccessEvent[] = ring.pending;
  ctx.sqlite.transaction(() => {
    for (const event of pending) {
      const count = event.count ?? 1;
      auditAccess(ctx, {
        actorId: null,
        subjectId: event.login,
        event: event.event,
        reason: count > 1 ? `${event.detail} (${count} attempts)` : event.detail,
        at: event.at,
        ...(count > 1 ? { detail: { attempts: count, lastAt: event.lastAt } } : {}),
      });
    }
  })();
  writeKeyring(ctx.dataDirectory, { ...readKeyring(ctx.dataDirectory)!, pending: [] });
}

/**
 * Copies each active clinician's role into the key ring (sealed under the data key), so the
 * recovery screen can tell an administrator when the database cannot be opened. Called after
 * every change of role or of who is active, and at every open of the database, which also writes
 * the map into a ring an earlier version left without one. The database stays the source of truth:
 * a ring write that fails here is put right at the next open.
 */
export function keepRolesInRing(ctx: ServiceContext): void {
  const dataKey = dataKeyFor(ctx.dataDirectory);
  const ring = readKeyring(ctx.dataDirectory);
  if (!dataKey || !ring) return;
  const map: Record<string, Role> = {};
  for (const row of ctx.db
    .select({ id: clinician.id, role: clinician.role, active: clinician.active })
    .from(clinician)
    .all()) {
    if (row.active) map[row.id] = row.role as Role;
  }
  // A caseload still being set up (its first administrator not yet written) keeps the ring's map.
  if (Object.keys(map).length === 0) return;
  const held = readRingRoles(ring, dataKey);
  if (held.state === 'verified' && held.roles.size === Object.keys(map).length) {
    if (Object.entries(map).every(([id, role]) => held.roles.get(id) === role)) return;
  }
  writeKeyring(ctx.dataDirectory, { ...ring, roles: sealRoles(dataKey, map) });
}

function requireDataKey(ctx: ServiceContext): DataKey {
  const key = dataKeyFor(ctx.dataDirectory);
  if (!key) throw new ApiError('not_set_up', 'The caseload is locked. Sign in again.');
  return key;
}

function loginTaken(ctx: ServiceContext, login: string, exceptId?: string): boolean {
  const row = ctx.db
    .select({ id: clinician.id })
    .from(clinician)
    .where(eq(clinician.login, foldLogin(login)))
    .get();
  return row !== undefined && row.id !== exceptId;
}

async function setWrap(
  ctx: ServiceContext,
  row: ClinicianRow,
  login: string,
  passphrase: string,
  chosenBy: 'self' | 'administrator',
): Promise<void> {
  // The contract checks the rules where the input names the sign-in name; a reset or a change of
  // one's own does not, so the name held here is checked again, as everywhere a passphrase is chosen.
  const problem = passphraseProblem(passphrase, login);
  if (problem) throw fieldError('passphrase', problem);
  const dataKey = requireDataKey(ctx);
  const wrap = await wrapForClinician(dataKey, row.id, login, passphrase, ctx.passphraseKdf);
  const ring = readKeyring(ctx.dataDirectory)!;
  writeKeyring(ctx.dataDirectory, {
    ...ring,
    clinicians: [
      ...ring.clinicians.filter((w) => w.clinicianId !== row.id),
      chosenBy === 'administrator' ? { ...wrap, chosenBy } : wrap,
    ],
  });
}

function removeWrap(ctx: ServiceContext, row: ClinicianRow): void {
  const ring = readKeyring(ctx.dataDirectory);
  if (!ring) return;
  writeKeyring(ctx.dataDirectory, {
    ...ring,
    clinicians: ring.clinicians.filter((w) => w.clinicianId !== row.id),
    deactivated: row.login ? [...new Set([...ring.deactivated, row.login])] : ring.deactivated,
  });
}

function markReactivated(ctx: ServiceContext, row: ClinicianRow): void {
  const ring = readKeyring(ctx.dataDirectory);
  if (!ring || !row.login) return;
  writeKeyring(ctx.dataDirectory, { ...ring, deactivated: ring.deactivated.filter((l) => l !== row.login) });
}

/** Inserts a clinician with a sign-in name; the caller wraps the key for them afterwards. */
export function insertAccount(
  ctx: ServiceContext,
  input: Omit<ParsedInputOf<'access.addClinician'>, 'passphrase' | 'confirmPassphrase'>,
  actorId: string | null,
  id: string = ctx.newId(),
): ClinicianRow {
  if (loginTaken(ctx, input.login)) {
    throw new ApiError('validation', 'That sign-in name is already in use', {
      login: 'That sign-in name is already in use',
    });
  }
  return insertAudited(
    ctx,
    clinician,
    {
      id,
      fullName: input.fullName,
      profession: input.profession,
      registrationNumber: input.registrationNumber,
      active: true,
      role: input.role,
      login: foldLogin(input.login),
      pinHash: null,
    },
    // The first administrator creates themselves.
    { actorId: actorId ?? id, patientId: null, entity: 'clinician', unaudited: ['pinHash'] },
  );
}

export async function addClinicianAccount(
  ctx: ServiceContext,
  actorId: string,
  input: ParsedInputOf<'access.addClinician'>,
): Promise<Clinician> {
  const ring = readKeyring(ctx.dataDirectory);
  if (ring?.deactivated.includes(foldLogin(input.login))) {
    const message = 'That sign-in name belonged to a deactivated account: choose another';
    throw new ApiError('validation', message, { login: message });
  }
  const row = ctx.sqlite.transaction(() => insertAccount(ctx, input, actorId))();
  await setWrap(ctx, row, input.login, input.passphrase, 'administrator');
  keepRolesInRing(ctx);
  return toClinician(ctx, row);
}

function existing(ctx: ServiceContext, id: string): ClinicianRow {
  const row = clinicianRow(ctx, id);
  if (!row) throw notFound('That clinician');
  return row;
}

export async function resetPassphrase(
  ctx: ServiceContext,
  actorId: string,
  input: ParsedInputOf<'access.resetPassphrase'>,
): Promise<Clinician> {
  const row = existing(ctx, input.clinicianId);
  if (!row.active) {
    throw new ApiError(
      'conflict',
      `${row.fullName}'s account is deactivated: reactivate it before setting a passphrase.`,
    );
  }
  if (!row.login) {
    throw new ApiError('conflict', `${row.fullName} has no sign-in name yet.`);
  }
  // Recovery sets an administrator's own new passphrase; any other reset is chosen for them.
  const own = actorId === row.id;
  await setWrap(ctx, row, row.login, input.passphrase, own ? 'self' : 'administrator');
  auditAccess(ctx, {
    actorId,
    subjectId: row.id,
    event: 'passphrase-reset',
    reason: own
      ? `Passphrase set by ${row.fullName}`
      : `Passphrase set for ${row.fullName} by an administrator; they choose their own at their next sign-in`,
  });
  return toClinician(ctx, row);
}

export async function changeOwnPassphrase(
  ctx: ServiceContext,
  actorId: string,
  input: ParsedInputOf<'access.changePassphrase'>,
): Promise<Clinician> {
  const row = existing(ctx, actorId);
  await requirePassphrase(ctx, row, input.currentPassphrase, 'currentPassphrase');
  if (input.passphrase === input.currentPassphrase) {
    // Above all for one an administrator chose: keeping it is not choosing one's own.
    throw fieldError('passphrase', 'Choose a passphrase different from the current one');
  }
  await setWrap(ctx, row, row.login!, input.passphrase, 'self');
  auditAccess(ctx, { actorId, subjectId: row.id, event: 'passphrase-changed', reason: 'Changed own passphrase' });
  return toClinician(ctx, row);
}

/** Deactivating removes the clinician's wrap of the key: their passphrase no longer opens anything. */
export function setActive(ctx: ServiceContext, actorId: string, input: ParsedInputOf<'access.setActive'>): Clinician {
  const row = existing(ctx, input.clinicianId);
  if (!input.active && row.id === actorId) {
    throw new ApiError('conflict', 'You cannot deactivate your own account while signed in.');
  }
  if (!input.active) refuseLastAdministrator(ctx, row);
  // The key ring is written inside the transaction, last: if it cannot be written the change is
  // rolled back, so a deactivated account never keeps its wrap of the key (nor "nothing was saved"
  // said of a change that was).
  const after = ctx.sqlite.transaction(() => {
    const updated = updateAudited(
      ctx,
      clinician,
      row,
      { active: input.active },
      {
        actorId,
        patientId: null,
        entity: 'clinician',
        action: 'status',
        reason: input.reason,
        unaudited: ['pinHash'],
      },
    );
    // Reactivated, they sign in again once an administrator sets them a new passphrase.
    if (!input.active) removeWrap(ctx, row);
    else markReactivated(ctx, row);
    keepRolesInRing(ctx);
    return updated;
  })();
  return toClinician(ctx, after);
}

/** A clinic always keeps an active administrator: `row` may not stop being one if it is the last. */
function refuseLastAdministrator(ctx: ServiceContext, row: { id: string; role: string }): void {
  if (row.role !== 'administrator') return;
  const others = ctx.db
    .select({ id: clinician.id, role: clinician.role, active: clinician.active })
    .from(clinician)
    .all()
    .filter((c) => c.id !== row.id && c.active && c.role === 'administrator').length;
  if (others === 0) {
    throw new ApiError(
      'conflict',
      'This is the last active administrator: make another clinician an administrator first.',
    );
  }
}

export function setRole(ctx: ServiceContext, actorId: string, input: ParsedInputOf<'access.setRole'>): Clinician {
  const row = existing(ctx, input.clinicianId);
  if (input.role !== 'administrator') refuseLastAdministrator(ctx, row);
  // The ring's copy of the roles is written inside the transaction, last (see setActive).
  const after = ctx.sqlite.transaction(() => {
    const updated = updateAudited(
      ctx,
      clinician,
      row,
      { role: input.role },
      { actorId, patientId: null, entity: 'clinician', unaudited: ['pinHash'] },
    );
    keepRolesInRing(ctx);
    return updated;
  })();
  return toClinician(ctx, after);
}

/* ------------------------------------------------------------------ passphrase and PIN checks */

async function requirePassphrase(ctx: ServiceContext, row: ClinicianRow, passphrase: string, field: string) {
  const ring = readKeyring(ctx.dataDirectory);
  const opened = ring && row.login ? await unwrapForClinician(ring, row.login, passphrase) : null;
  if (!opened || opened.clinicianId !== row.id) {
    throw new ApiError('validation', 'That passphrase is not right', { [field]: 'That passphrase is not right' });
  }
}

/** Whether `passphrase` is this clinician's (their wrap opens with it). */
export async function passphraseIsRight(
  ctx: ServiceContext,
  clinicianId: string,
  passphrase: string,
): Promise<boolean> {
  const row = clinicianRow(ctx, clinicianId);
  const ring = readKeyring(ctx.dataDirectory);
  if (!row?.login || !ring) return false;
  const opened = await unwrapForClinician(ring, row.login, passphrase);
  return opened?.clinicianId === row.id;
}

// A PIN is short, so its hash only gates an unlock of a caseload that is already open in memory;
// it wraps nothing, lives inside the encrypted database, and 5 wrong tries end it.
const PIN_KDF = { N: 2 ** 14, r: 8, p: 1 };

function hashPin(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(pin, salt, 32, { ...PIN_KDF, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? fail(error) : done(key))),
  );
}

export async function setPin(
  ctx: ServiceContext,
  actorId: string,
  input: ParsedInputOf<'access.setPin'>,
): Promise<Clinician> {
  const row = existing(ctx, actorId);
  await requirePassphrase(ctx, row, input.passphrase, 'passphrase');
  let pinHash: string | null = null;
  if (input.pin !== null) {
    const salt = randomBytes(16);
    pinHash = `scrypt:${salt.toString('base64')}:${(await hashPin(input.pin, salt)).toString('base64')}`;
  }
  const after = ctx.sqlite.transaction(() => {
    const updated = updateAudited(
      ctx,
      clinician,
      row,
      { pinHash },
      {
        actorId,
        patientId: null,
        entity: 'clinician',
        reason: input.pin === null ? 'Quick-unlock PIN removed' : 'Quick-unlock PIN set',
        unaudited: ['pinHash'],
      },
    );
    return updated;
  })();
  return toClinician(ctx, after);
}

export async function pinIsRight(ctx: ServiceContext, clinicianId: string, pin: string): Promise<boolean> {
  const row = clinicianRow(ctx, clinicianId);
  if (!row?.pinHash) return false;
  const [, salt, hash] = row.pinHash.split(':');
  const expected = Buffer.from(hash ?? '', 'base64');
  const actual = await hashPin(pin, Buffer.from(salt ?? '', 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export { PIN_ATTEMPTS };
