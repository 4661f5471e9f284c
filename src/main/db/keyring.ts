import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { roles as roleNames, type Role } from '../../shared/contract/access';
import type { SignInPolicy } from '../../shared/access/passphrase';
import type { DataKey } from './connection';
import { writeFileAtomic } from './files';

/**
 * The caseload's key ring (`caseload.keys`, beside the database). The database is encrypted with
 * one random 256-bit data key that is never written in the clear: it is wrapped (AES-256-GCM) once
 * per active clinician under a key derived from their passphrase (scrypt), and once under the
 * clinic's recovery key. The audit chain's HMAC key is sealed under the data key here as well.
 * The same pattern as Signal Desktop's wrapped SQLCipher key (HIPAA §164.312(a)(2)(iv), APP 11).
 */
export const KEYRING_FILE = 'caseload.keys';

/**
 * scrypt cost: N = 2^16, r = 8 (64 MiB). About 0.2–0.45 s on a two-core clinic laptop: slow
 * enough to make guessing a stolen ring expensive, quick enough to sign in between patients.
 */
export const PASSPHRASE_KDF = { N: 2 ** 16, r: 8, p: 1 } as const;

interface Sealed {
  iv: string;
  data: string;
}

export interface ClinicianWrap extends Sealed {
  clinicianId: string;
  /** The sign-in name, folded to lower case. */
  login: string;
  salt: string;
  kdf: { N: number; r: number; p: number };
  /**
   * 'administrator' when an administrator chose this passphrase (a new account, a reset): the
   * clinician must choose their own at their next sign-in. Absent when they chose it themselves.
   */
  chosenBy?: 'administrator';
}

export interface PendingAccessEvent {
  /** When it happened (the first time, for a folded entry). */
  at: string;
  login: string;
  event: 'sign-in-failed' | 'recovery-failed' | 'adopted-backup';
  detail: string;
  /** Repeats of the same attempt folded into this entry (see accessGate's addPending): absent means one. */
  count?: number;
  /** The last of the folded repeats. */
  lastAt?: string;
}

export interface Keyring {
  format: 'pacewise-keyring';
  version: 1;
  clinicians: ClinicianWrap[];
  recovery: Sealed & { salt: string };
  /** The audit chain's HMAC key (auditKey.ts's JSON), sealed under the data key. */
  auditKey: Sealed | null;
  /** Failed sign-ins before the caseload could be opened; written to the audit trail at the next sign-in. */
  pending: PendingAccessEvent[];
  /** Sign-in names of deactivated accounts (their wraps are gone), so a sign-in can say so plainly. */
  deactivated: string[];
  /**
   * Each active clinician's role, so the recovery screen can tell an administrator when the
   * database (where roles live) cannot be opened. Absent in a ring an earlier version wrote.
   */
  roles?: SealedRoles;
  /** The clinic's sign-in slowdown, copied from the caseload's setting so it holds before the caseload opens. */
  signInPolicy?: SignInPolicy;
  /** Failed sign-ins in a row per (folded) sign-in name, cleared by a successful sign-in. */
  signInFailures?: Record<string, { count: number; lastAt: string }>;
}

/** Clinician id → role, with an HMAC over it keyed from the data key: an edit to the file does not verify. */
export interface SealedRoles {
  map: Record<string, Role>;
  /** HMAC-SHA256 (base64) of the map, keyed by HKDF(data key, "pacewise keyring roles"). */
  mac: string;
}

export class KeyringUnreadableError extends Error {
  constructor(path: string) {
    super(
      `The caseload's key file (${path}) cannot be read. The caseload has not been opened. Put the key file back ` +
        'from the clinic’s backup of this folder, or contact support.',
    );
    this.name = 'KeyringUnreadableError';
  }
}

export function keyringPath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE);
}

export function hasKeyring(dataDir: string): boolean {
  return existsSync(keyringPath(dataDir));
}

export function parseKeyring(text: string): Keyring | null {
  try {
    const ring = JSON.parse(text) as Partial<Keyring>;
    if (ring.format !== 'pacewise-keyring' || !Array.isArray(ring.clinicians) || !ring.recovery) return null;
    return { auditKey: null, pending: [], deactivated: [], ...ring } as Keyring;
  } catch {
    return null;
  }
}

export function readKeyring(dataDir: string): Keyring | null {
  const path = keyringPath(dataDir);
  if (!existsSync(path)) return null;
  const ring = parseKeyring(readFileSync(path, 'utf8'));
  if (!ring) throw new KeyringUnreadableError(path);
  return ring;
}

export function writeKeyring(dataDir: string, ring: Keyring): void {
  writeFileAtomic(keyringPath(dataDir), JSON.stringify(ring, null, 1));
}

/* ------------------------------------------------------------------ sealing */

function seal(key: Buffer, plain: Buffer, context: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString('base64'), data: data.toString('base64') };
}

/** The plaintext, or null when the key is wrong or the sealed bytes were changed (GCM's tag). */
function unseal(key: Buffer, sealed: Sealed, context: string): Buffer | null {
  try {
    const data = Buffer.from(sealed.data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

function derivePassphraseKey(passphrase: string, salt: Buffer, kdf: ClinicianWrap['kdf']): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { ...kdf, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 },
      (error, key) => (error ? fail(error) : done(key)),
    ),
  );
}

export function foldLogin(login: string): string {
  return login.trim().normalize('NFC').toLowerCase();
}

export function newDataKey(): DataKey {
  return randomBytes(32);
}

export async function wrapForClinician(
  dataKey: DataKey,
  clinicianId: string,
  login: string,
  passphrase: string,
  kdf: ClinicianWrap['kdf'] = PASSPHRASE_KDF,
): Promise<ClinicianWrap> {
  const salt = randomBytes(16);
  const kek = await derivePassphraseKey(passphrase, salt, kdf);
  return {
    clinicianId,
    login: foldLogin(login),
    salt: salt.toString('base64'),
    kdf: { ...kdf },
    ...seal(kek, dataKey, `clinician:${clinicianId}`),
  };
}

/** The data key, or null for an unknown login or a wrong passphrase (deliberately not told apart). */
export async function unwrapForClinician(
  ring: Keyring,
  login: string,
  passphrase: string,
): Promise<{ dataKey: DataKey; clinicianId: string } | null> {
  const wrap = ring.clinicians.find((w) => w.login === foldLogin(login));
  if (!wrap) {
    // The same work as a real attempt, so timing does not reveal which sign-in names exist.
    await derivePassphraseKey(passphrase, randomBytes(16), PASSPHRASE_KDF);
    return null;
  }
  const kek = await derivePassphraseKey(passphrase, Buffer.from(wrap.salt, 'base64'), wrap.kdf);
  const dataKey = unseal(kek, wrap, `clinician:${wrap.clinicianId}`);
  return dataKey ? { dataKey, clinicianId: wrap.clinicianId } : null;
}

/* ------------------------------------------------------------------ recovery key */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_BYTES = 32;
const CHECK_BYTES = 2;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const digit = CROCKFORD.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new recovery key: 256 random bits and a 16-bit checksum, in groups of five letters and digits. */
export function newRecoveryKey(): { secret: Buffer; text: string } {
  const secret = randomBytes(RECOVERY_BYTES);
  const check = createHash('sha256').update(secret).digest().subarray(0, CHECK_BYTES);
  const text = (base32(Buffer.concat([secret, check])).match(/.{1,5}/g) ?? []).join('-');
  return { secret, text };
}

export type RecoveryKeyReading = { ok: true; secret: Buffer } | { ok: false; problem: string };

/** Reads a typed recovery key: case, spaces and dashes do not matter; O/I/L are read as 0/1/1. */
export function readRecoveryKey(text: string): RecoveryKeyReading {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const expected = Math.ceil(((RECOVERY_BYTES + CHECK_BYTES) * 8) / 5);
  if (cleaned.length !== expected) {
    return {
      ok: false,
      problem: `The recovery key has ${expected} letters and digits (11 groups of five); this one has ${cleaned.length}.`,
    };
  }
  const bytes = fromBase32(cleaned);
  if (!bytes) return { ok: false, problem: 'The recovery key contains a character that is not in any recovery key.' };
  const secret = bytes.subarray(0, RECOVERY_BYTES);
  const check = bytes.subarray(RECOVERY_BYTES, RECOVERY_BYTES + CHECK_BYTES);
  const expectedCheck = createHash('sha256').update(secret).digest().subarray(0, CHECK_BYTES);
  if (!timingSafeEqual(check, expectedCheck)) {
    return { ok: false, problem: 'The recovery key has a typo: check each group against the printed key.' };
  }
  return { ok: true, secret };
}

function recoveryKek(secret: Buffer, salt: Buffer): Buffer {
  // The recovery key is itself 256 random bits: HKDF suffices, no slow derivation is needed.
  return Buffer.from(hkdfSync('sha256', secret, salt, 'pacewise caseload recovery', 32));
}

export function wrapForRecovery(dataKey: DataKey, secret: Buffer): Keyring['recovery'] {
  const salt = randomBytes(16);
  return { salt: salt.toString('base64'), ...seal(recoveryKek(secret, salt), dataKey, 'recovery') };
}

export function unwrapWithRecovery(ring: Keyring, secret: Buffer): DataKey | null {
  return unseal(recoveryKek(secret, Buffer.from(ring.recovery.salt, 'base64')), ring.recovery, 'recovery');
}

/* ------------------------------------------------------------------ the audit key, sealed */

export function sealAuditKey(dataKey: DataKey, serialised: string): Sealed {
  return seal(dataKey, Buffer.from(serialised, 'utf8'), 'audit-key');
}

export function unsealAuditKey(dataKey: DataKey, sealed: Sealed): string | null {
  return unseal(dataKey, sealed, 'audit-key')?.toString('utf8') ?? null;
}

/** Proves a data key belongs to this ring: the sealed audit key opens under it. */
export function dataKeyMatches(ring: Keyring, dataKey: DataKey): boolean {
  return ring.auditKey === null || unsealAuditKey(dataKey, ring.auditKey) !== null;
}

/* ------------------------------------------------------------------ roles, authenticated */

function rolesMac(dataKey: DataKey, map: Record<string, Role>): Buffer {
  const key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'pacewise keyring roles', 32));
  // Sorted pairs: the same roles give the same bytes, whatever order the file lists them in.
  const pairs = Object.keys(map)
    .sort()
    .map((id) => [id, map[id]]);
  return createHmac('sha256', key)
    .update(JSON.stringify(['pacewise-roles', 1, pairs]))
    .digest();
}

export function sealRoles(dataKey: DataKey, map: Record<string, Role>): SealedRoles {
  const copy: Record<string, Role> = {};
  for (const id of Object.keys(map).sort()) copy[id] = map[id]!;
  return { map: copy, mac: rolesMac(dataKey, copy).toString('base64') };
}

/**
 * What the ring says about roles: `absent` in a ring an earlier version wrote (no map yet),
 * `invalid` when the map is malformed or its HMAC does not match (edited outside Pacewise, or
 * sealed under another key), else the verified map.
 */
export type RingRoles =
  { state: 'absent' } | { state: 'invalid' } | { state: 'verified'; roles: ReadonlyMap<string, Role> };

export function readRingRoles(ring: Keyring, dataKey: DataKey): RingRoles {
  const sealed = ring.roles as unknown;
  if (sealed === undefined) return { state: 'absent' };
  if (!sealed || typeof sealed !== 'object') return { state: 'invalid' };
  const { map, mac } = sealed as { map?: unknown; mac?: unknown };
  if (!map || typeof map !== 'object' || Array.isArray(map) || typeof mac !== 'string') return { state: 'invalid' };
  const entries = Object.entries(map as Record<string, unknown>);
  if (!entries.every(([, role]) => (roleNames as readonly unknown[]).includes(role))) return { state: 'invalid' };
  const roles = new Map(entries as Array<[string, Role]>);
  const expected = rolesMac(dataKey, Object.fromEntries(roles));
  const given = Buffer.from(mac, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { state: 'invalid' };
  return { state: 'verified', roles };
}

/* ------------------------------------------------------------------ keys held in memory */

/**
 * The data keys of the caseload folders this process has unlocked, by folder. Held only in memory;
 * worker threads are handed theirs in their task message. A file's key is its folder's, or its
 * parent folder's for a backup (`backups/`, `replaced/…`).
 */
const unlocked = new Map<string, DataKey>();

export function rememberDataKey(dataDir: string, key: DataKey): void {
  unlocked.set(resolve(dataDir), key);
}

export function forgetDataKey(dataDir: string): void {
  unlocked.delete(resolve(dataDir));
}

export function dataKeyFor(dataDir: string): DataKey | null {
  return unlocked.get(resolve(dataDir)) ?? null;
}

export function dataKeyForFile(path: string): DataKey | null {
  let folder = dirname(resolve(path));
  for (let depth = 0; depth < 3; depth += 1) {
    const key = unlocked.get(folder);
    if (key) return key;
    folder = dirname(folder);
  }
  return null;
}
