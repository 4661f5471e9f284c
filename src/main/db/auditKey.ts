import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './files';
import { dataKeyFor, readKeyring, sealAuditKey, unsealAuditKey, writeKeyring } from './keyring';

/**
 * The audit chain's HMAC key. It lives outside the database so that someone who can edit the
 * file cannot recompute the chain. Everything that touches the key goes through this module. In an
 * encrypted caseload (a key ring beside it) the key is sealed in the ring under the data key and
 * backup manifests carry only that sealed form; the plain `caseload.key` file is an unencrypted
 * caseload's (and is taken into the ring, then removed, when the caseload is encrypted).
 */
export interface AuditKey {
  key: Buffer;
  /** Entries from this sequence number on are keyed; earlier ones (an older release's) are plain SHA-256. */
  keyedFromSeq: number;
}

export const AUDIT_KEY_FILE = 'caseload.key';

interface StoredKey {
  format: 'pacewise-audit-key';
  version: 1;
  key: string;
  keyedFromSeq: number;
  createdAt: string;
}

export class AuditKeyUnreadableError extends Error {
  constructor(path: string) {
    super(
      `Pacewise cannot read the audit-trail key at ${path}. The caseload has not been opened. ` +
        'Put back the key file from the same backup as the caseload, or contact support.',
    );
    this.name = 'AuditKeyUnreadableError';
  }
}

export class AuditKeyMissingError extends Error {
  constructor(path: string) {
    super(
      `The audit-trail key (${path}) is missing, and no backup in this folder carries it. The caseload has not been ` +
        'opened: without the key its audit trail cannot be checked. Put the key file back from the clinic’s backup ' +
        'of this folder, or contact support.',
    );
    this.name = 'AuditKeyMissingError';
  }
}

/**
 * A lost key file can come back from a backup's manifest, but only a key that verifies the
 * caseload's own newest entry is taken: `accepts` proves it.
 */
export function findKeyInBackups(backupDir: string, accepts: (auditKey: AuditKey) => boolean): AuditKey | null {
  if (!existsSync(backupDir)) return null;
  for (const name of readdirSync(backupDir)
    .filter((n) => n.endsWith('.db.json'))
    .sort()
    .reverse()) {
    try {
      const manifest = JSON.parse(readFileSync(join(backupDir, name), 'utf8')) as { auditKey?: string | null };
      const candidate = manifest.auditKey ? auditKeyFromManifest(dirname(backupDir), manifest.auditKey) : null;
      if (candidate && accepts(candidate)) return candidate;
    } catch {
      // A damaged manifest is just not a source of the key.
    }
  }
  return null;
}

export function auditKeyPath(dataDir: string): string {
  return join(dataDir, AUDIT_KEY_FILE);
}

export function parseAuditKey(text: string): AuditKey | null {
  try {
    const stored = JSON.parse(text) as Partial<StoredKey>;
    if (stored.format !== 'pacewise-audit-key' || typeof stored.key !== 'string') return null;
    const key = Buffer.from(stored.key, 'base64');
    if (key.length !== 32 || !Number.isInteger(stored.keyedFromSeq) || stored.keyedFromSeq! < 1) return null;
    return { key, keyedFromSeq: stored.keyedFromSeq! };
  } catch {
    return null;
  }
}

export function serialiseAuditKey(auditKey: AuditKey, createdAt: Date): string {
  const stored: StoredKey = {
    format: 'pacewise-audit-key',
    version: 1,
    key: auditKey.key.toString('base64'),
    keyedFromSeq: auditKey.keyedFromSeq,
    createdAt: createdAt.toISOString(),
  };
  return JSON.stringify(stored);
}

/** The unlocked data key of an encrypted caseload folder (null: the folder is not encrypted). */
function ringKey(dataDir: string): { ring: NonNullable<ReturnType<typeof readKeyring>>; dataKey: Buffer } | null {
  const ring = readKeyring(dataDir);
  if (!ring) return null;
  const dataKey = dataKeyFor(dataDir);
  if (!dataKey) throw new Error('The caseload is locked: sign in before its audit key is read.');
  return { ring, dataKey };
}

const SEALED_PREFIX = 'sealed:';

/** The audit key as a backup manifest carries it: sealed under the data key when the caseload is encrypted. */
export function auditKeyForManifest(dataDir: string, auditKey: AuditKey, at: Date): string {
  const held = ringKey(dataDir);
  const plain = serialiseAuditKey(auditKey, at);
  if (!held) return plain;
  return SEALED_PREFIX + Buffer.from(JSON.stringify(sealAuditKey(held.dataKey, plain))).toString('base64');
}

/** Reads a manifest's audit key (sealed or, from an unencrypted caseload's backup, plain). */
export function auditKeyFromManifest(dataDir: string, text: string): AuditKey | null {
  if (!text.startsWith(SEALED_PREFIX)) return parseAuditKey(text);
  const dataKey = dataKeyFor(dataDir);
  if (!dataKey) return null;
  try {
    const sealed = JSON.parse(Buffer.from(text.slice(SEALED_PREFIX.length), 'base64').toString('utf8'));
    const plain = unsealAuditKey(dataKey, sealed);
    return plain ? parseAuditKey(plain) : null;
  } catch {
    return null;
  }
}

export function readAuditKey(dataDir: string): AuditKey | null {
  const held = ringKey(dataDir);
  if (held) {
    if (!held.ring.auditKey) return null;
    const plain = unsealAuditKey(held.dataKey, held.ring.auditKey);
    const parsed = plain ? parseAuditKey(plain) : null;
    if (!parsed) throw new AuditKeyUnreadableError(auditKeyPath(dataDir));
    return parsed;
  }
  const path = auditKeyPath(dataDir);
  if (!existsSync(path)) return null;
  const parsed = parseAuditKey(readFileSync(path, 'utf8'));
  if (!parsed) throw new AuditKeyUnreadableError(path);
  return parsed;
}

export function writeAuditKey(dataDir: string, auditKey: AuditKey, now: Date): void {
  const held = ringKey(dataDir);
  if (held) {
    writeKeyring(dataDir, { ...held.ring, auditKey: sealAuditKey(held.dataKey, serialiseAuditKey(auditKey, now)) });
    return;
  }
  writeFileAtomic(auditKeyPath(dataDir), serialiseAuditKey(auditKey, now));
}

/**
 * The key for this caseload, created on first use. A new key starts keying at the entry after the
 * current head, so a previous release's unkeyed chain keeps verifying as it was written.
 */
export function loadOrCreateAuditKey(
  dataDir: string,
  headSeq: number,
  now: Date,
): { auditKey: AuditKey; created: boolean } {
  const existing = readAuditKey(dataDir);
  if (existing) return { auditKey: existing, created: false };
  const auditKey = { key: randomBytes(32), keyedFromSeq: headSeq + 1 };
  writeAuditKey(dataDir, auditKey, now);
  return { auditKey, created: true };
}
