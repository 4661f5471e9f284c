import { mkdirSync, readdirSync, statfsSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { encryptInPlace, openSqlite } from './connection';
import { isPlainFile } from './encrypt';
import { dataKeyFor } from './keyring';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { auditHashAt, auditHead, entryVerifies, useAuditKey } from '../services/audit';
import { compareWithAnchor, readAnchor, writeAnchor, type AuditAnchor } from './anchor';
import {
  AuditKeyMissingError,
  auditKeyPath,
  findKeyInBackups,
  loadOrCreateAuditKey,
  readAuditKey,
  writeAuditKey,
  type AuditKey,
} from './auditKey';
import { migrate, readMigrations, type MigrationOutcome } from './migrate';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Caseload {
  sqlite: Database.Database;
  db: Db;
  path: string;
  dataDir: string;
  migration: MigrationOutcome;
  auditKey: AuditKey;
  close(): void;
}

export class CaseloadDamagedError extends Error {
  constructor(readonly detail: string) {
    super(
      'The caseload file could not be read as a Pacewise caseload: it is damaged or is not a Pacewise file. ' +
        'Pacewise has not changed it. Restore the most recent backup from the backups folder, or contact support.',
    );
    this.name = 'CaseloadDamagedError';
  }
}

/** The folder itself cannot take writes: restoring a backup into it would not help, so no such advice. */
export class DataFolderUnwritableError extends Error {
  constructor(
    readonly reason: 'read-only' | 'full' | 'cannot-create',
    readonly folder: string,
  ) {
    super(
      reason === 'full'
        ? `The disk holding the caseload folder (${folder}) is full. Pacewise has not changed anything. ` +
            'Free some space on that disk, then start Pacewise again.'
        : reason === 'cannot-create'
          ? `Pacewise cannot create the caseload folder (${folder}): part of that path is a file, or its drive or ` +
            'shared folder cannot be reached. Pacewise has not changed anything. Ask whoever manages this computer to ' +
            'make the folder reachable (or correct the folder in device.json), then start Pacewise again.'
          : `Pacewise cannot write to the caseload folder (${folder}): it is read-only or this user may not change it. ` +
            'Pacewise has not changed anything. Ask whoever manages this computer to give you write access to the folder, ' +
            'then start Pacewise again. Your caseload is not damaged.',
    );
    this.name = 'DataFolderUnwritableError';
  }
}

export class CaseloadReadOnlyError extends Error {
  constructor(readonly detail: string) {
    super(
      'The caseload opens but cannot be saved to, so Pacewise has refused to open it: every change would fail. ' +
        'Check that the caseload file is not marked read-only and that no other program holds it, then start Pacewise ' +
        'again. If it still fails, the file header may be damaged: contact support before restoring a backup.',
    );
    this.name = 'CaseloadReadOnlyError';
  }
}

/** The file is gone or empty, but a caseload existed here (backups or an anchor say so). */
export class CaseloadMissingError extends Error {
  constructor(readonly state: 'missing' | 'empty') {
    super(
      state === 'missing'
        ? 'The caseload file is missing, but this folder held a caseload before. Pacewise has not started a new, empty caseload.'
        : 'The caseload file is empty, but this folder held a caseload before. Pacewise has not started a new, empty caseload.',
    );
    this.name = 'CaseloadMissingError';
  }
}

/** The database holds fewer (or other) audited changes than Pacewise last acknowledged. */
export class CaseloadBehindAnchorError extends Error {
  constructor(
    readonly anchor: AuditAnchor,
    readonly headSeq: number,
    readonly missing: number,
    readonly diverged: boolean,
  ) {
    super(
      diverged
        ? `The caseload is not the one Pacewise last saved: its change number ${anchor.seq} differs from the one Pacewise recorded. An older or altered copy may have been put in its place.`
        : `The caseload is missing the last ${missing} change${missing === 1 ? '' : 's'} Pacewise saved. They may have been lost in a crash (a lost "-wal" file), or an older copy was put in its place.`,
    );
    this.name = 'CaseloadBehindAnchorError';
  }
}

export const CASELOAD_FILE = 'caseload.db';
export const BACKUP_DIR = 'backups';
const MIN_FREE_BYTES = 16 * 1024 * 1024;

function folderProblem(error: unknown): 'read-only' | 'full' | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  return null;
}

/**
 * Creates the caseload folder (and any missing parents: a new computer has none of them) and
 * proves it takes a new file, as SQLite needs for its -wal and -shm files too. Called before
 * anything is written into the folder: the key ring at set-up, the database at every open.
 */
export function prepareDataFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DataFolderUnwritableError(folderProblem(error) ?? 'cannot-create', dataDir);
  }
  try {
    const probe = join(dataDir, '.pacewise-write-check');
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
  } catch (error) {
    const reason = folderProblem(error);
    if (reason) throw new DataFolderUnwritableError(reason, dataDir);
    throw error;
  }
  const space = statfsSync(dataDir);
  if (space.bavail * space.bsize < MIN_FREE_BYTES) throw new DataFolderUnwritableError('full', dataDir);
}

/** Whether this folder has held a caseload: an anchor with changes in it, or any backup. */
export function folderHeldCaseload(dataDir: string): boolean {
  const anchor = readAnchor(dataDir);
  if (anchor && anchor.seq > 0) return true;
  const backups = join(dataDir, BACKUP_DIR);
  return existsSync(backups) && readdirSync(backups).some((name) => name.endsWith('.db'));
}

function sqliteCode(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? '');
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * Opens (creating if needed) the caseload in `dataDir`, checks it, backs it up if it needs
 * migrating, and migrates it. Throws a clinician-readable error rather than opening a database it
 * cannot trust: each kind of trouble has its own error class, so start-up can show its own screen.
 */
export function openCaseload(options: {
  dataDir: string;
  migrationsDir: string;
  now?: () => Date;
  /** Open even though the database is behind its anchor (the clinician chose to carry on). */
  acceptBehindAnchor?: boolean;
  /**
   * Leave the full `PRAGMA quick_check` (which reads every page: seconds on a large encrypted
   * caseload) to the caller, who runs it in a worker right after (launch.ts). The cheap checks stay:
   * the header read, the write probe and the anchor.
   */
  deferFullCheck?: boolean;
}): Caseload {
  const now = options.now ?? (() => new Date());
  const { dataDir } = options;
  prepareDataFolder(dataDir);
  const path = join(dataDir, CASELOAD_FILE);
  const size = existsSync(path) ? statSync(path).size : null;
  if ((size === null || size === 0) && folderHeldCaseload(dataDir)) {
    throw new CaseloadMissingError(size === null ? 'missing' : 'empty');
  }
  const dataKey = dataKeyFor(dataDir);
  // An encrypted folder holding a plain caseload: an encryption interrupted part-way, or a restored
  // backup from before encryption. Encrypt it now (the key is held, so the ring exists).
  if (dataKey && size && isPlainFile(path)) encryptInPlace(path, dataKey);
  let sqlite: Database.Database;
  try {
    sqlite = openSqlite(path, { key: dataKey });
  } catch (error) {
    throw new CaseloadDamagedError(error instanceof Error ? error.message : String(error));
  }
  try {
    try {
      // The first read of the file; SQLite's own "file is not a database" becomes advice.
      sqlite.pragma('schema_version');
      sqlite.pragma('journal_mode = WAL');
    } catch (error) {
      if (sqliteCode(error).startsWith('SQLITE_READONLY')) {
        throw new CaseloadReadOnlyError(error instanceof Error ? error.message : String(error));
      }
      throw new CaseloadDamagedError(error instanceof Error ? error.message : String(error));
    }
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (!options.deferFullCheck) {
      let check: string;
      try {
        check = sqlite.pragma('quick_check', { simple: true }) as string;
      } catch (error) {
        throw new CaseloadDamagedError(error instanceof Error ? error.message : String(error));
      }
      if (check !== 'ok') throw new CaseloadDamagedError(check);
    }
    try {
      // A write that is rolled back: a file SQLite opens read-only (a changed write-version byte,
      // a read-only file) would otherwise fail every save with a generic error.
      sqlite.exec('BEGIN IMMEDIATE; CREATE TABLE pacewise_write_probe (x); ROLLBACK');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      const reason = folderProblem(error) ?? (sqliteCode(error) === 'SQLITE_FULL' ? 'full' : null);
      if (reason === 'full') throw new DataFolderUnwritableError('full', dataDir);
      throw new CaseloadReadOnlyError(error instanceof Error ? error.message : String(error));
    }

    const hadTrail = hasTable(sqlite, 'audit_event');
    const anchor = readAnchor(dataDir);
    if (anchor && !options.acceptBehindAnchor) {
      const head = hadTrail ? auditHead(sqlite) : null;
      const comparison = compareWithAnchor(anchor, head, (seq) => (hadTrail ? auditHashAt(sqlite, seq) : null));
      if (comparison.state === 'behind' || comparison.state === 'diverged') {
        throw new CaseloadBehindAnchorError(
          anchor,
          head?.seq ?? 0,
          comparison.state === 'behind' ? comparison.missing : 0,
          comparison.state === 'diverged',
        );
      }
    }

    const migration = migrate(sqlite, readMigrations(options.migrationsDir), {
      backupDir: join(dataDir, BACKUP_DIR),
      now,
    });
    const head = auditHead(sqlite);
    if (head && !readAuditKey(dataDir) && !entryVerifies(sqlite, head.seq, null)) {
      // The trail is keyed but its key file is gone: a fresh key would brand every entry a forgery.
      const found = findKeyInBackups(join(dataDir, BACKUP_DIR), (key) => entryVerifies(sqlite, head.seq, key));
      if (!found) throw new AuditKeyMissingError(auditKeyPath(dataDir));
      writeAuditKey(dataDir, found, now());
    }
    const { auditKey } = loadOrCreateAuditKey(dataDir, head?.seq ?? 0, now());
    useAuditKey(sqlite, auditKey);
    // A database ahead of its anchor (a crash between commit and anchor) or a first start: catch up.
    writeAnchor(dataDir, { seq: head?.seq ?? 0, hash: head?.hash ?? '', at: now().toISOString() });
    const db = drizzle(sqlite, { schema });
    return {
      sqlite,
      db,
      path,
      dataDir,
      migration,
      auditKey,
      close: () => {
        try {
          // Fold the WAL into the main file, so a lost -wal after closing costs nothing.
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          sqlite.close();
        }
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
