import type Database from 'better-sqlite3';
import { openSqlite } from '../db/connection';
import { dataKeyForFile, rememberDataKey } from '../db/keyring';
import { dirname } from 'node:path';
import { reconcileFile } from '../services/reconcile';

/**
 * Work that reads a whole caseload file: run in a worker thread with its own connection, so the
 * main process keeps answering the window. Also callable directly (tests, the recovery screen).
 */
export interface BackupFacts {
  /** False when the file is not a Pacewise caseload at all. */
  isPacewise: boolean;
  integrity: string;
  schemaVersion: number;
  patients: number;
  headSeq: number;
  headHash: string | null;
  lastChangeAt: string | null;
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * Opens a (backup) file read-only and reports what it holds; throws only for files SQLite rejects.
 * `check: 'none'` (listing many backups, each checked when it was made) reads only the header,
 * the trail's head and counts, so it stays quick on a large caseload.
 */
export function readBackupFacts(path: string, options: { check: 'full' | 'none'; key?: Buffer | null }): BackupFacts {
  const sqlite = openSqlite(path, {
    readonly: true,
    fileMustExist: true,
    ...(options.key !== undefined ? { key: options.key } : {}),
  });
  try {
    let integrity = 'ok';
    if (options.check === 'full') integrity = String(sqlite.pragma('integrity_check', { simple: true }));
    // Reading the header is enough for SQLite to reject a file that is not a database.
    else sqlite.pragma('schema_version');
    const isPacewise = ['pacewise_migration', 'audit_event', 'patient'].every((name) => hasTable(sqlite, name));
    if (!isPacewise) {
      return { isPacewise, integrity, schemaVersion: 0, patients: 0, headSeq: 0, headHash: null, lastChangeAt: null };
    }
    const head = sqlite.prepare('SELECT seq, hash, at FROM audit_event ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string; at: string } | undefined;
    const { n: patients } = sqlite.prepare('SELECT count(*) AS n FROM patient').get() as { n: number };
    const { n: schemaVersion } = sqlite.prepare('SELECT count(*) AS n FROM pacewise_migration').get() as { n: number };
    return {
      isPacewise,
      integrity,
      schemaVersion,
      patients,
      headSeq: head?.seq ?? 0,
      headHash: head?.hash ?? null,
      lastChangeAt: head?.at ?? null,
    };
  } finally {
    sqlite.close();
  }
}

/** The hash of one audit entry in a file, to tell whether a backup holds the changes an anchor names. */
export function auditHashIn(path: string, seq: number): string | null {
  const sqlite = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite.prepare('SELECT hash FROM audit_event WHERE seq = ?').get(seq) as { hash: string } | undefined;
    return row?.hash ?? null;
  } finally {
    sqlite.close();
  }
}

/**
 * A consistent copy from a connection of its own (never a file copy of a live WAL file), then the
 * copy is opened and integrity-checked before it counts. VACUUM INTO, not the online-backup API:
 * SQLite3 Multiple Ciphers encrypts its target with the source's key, where the backup API
 * refuses an encrypted source.
 */
export async function backUpFile(source: string, destination: string): Promise<BackupFacts> {
  const sqlite = openSqlite(source, { readonly: true, fileMustExist: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(destination);
  } finally {
    sqlite.close();
  }
  // The copy may be outside the caseload folder (a USB stick): it carries the source's key.
  const facts = readBackupFacts(destination, { check: 'full', key: dataKeyForFile(source) });
  if (facts.integrity !== 'ok') throw new Error(`The new backup failed its integrity check (${facts.integrity}).`);
  return facts;
}

/** Backups, checks and reconciliation: run by maintenanceWorker, which loads nothing else. */
export type FileTask = (
  | { task: 'backup'; source: string; destination: string }
  | { task: 'reconcile'; caseloadPath: string; dataDir: string; at: string }
  | { task: 'check'; caseloadPath: string }
) & { keyHex?: string | null };

/**
 * The export files, written whole to `output` (a partial file the main process moves into place): run
 * by exportWorker, so a backup's worker does not load the exports' schema and clinical code first.
 */
export type ExportTask = (
  | { task: 'fhir-bundle'; caseloadPath: string; patientId: string; at: string; output: string }
  | { task: 'research-export'; caseloadPath: string; at: string; appVersion: string; output: string }
) & { keyHex?: string | null };

export type MaintenanceTask = FileTask | ExportTask;

/** The worker thread's copy of the caseload's key, sent with the task (see run.ts). */
export function rememberTaskKey(message: MaintenanceTask): void {
  if (!message.keyHex) return;
  rememberDataKey(
    dirname(message.task === 'backup' ? message.source : message.caseloadPath),
    Buffer.from(message.keyHex, 'hex'),
  );
}

/**
 * SQLite's `quick_check` of the open caseload, read through a connection of its own: "ok", or what
 * it found. A page SQLite cannot read (corrupt, or failing its encryption's authentication) is
 * reported the same way; any other failure is thrown, as the check did not run.
 */
export function checkCaseloadFile(path: string): string {
  const sqlite = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    return String(sqlite.pragma('quick_check', { simple: true }));
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return error instanceof Error ? error.message : code;
    }
    throw error;
  } finally {
    sqlite.close();
  }
}

/** How far a long task has gone, posted to the main process as it works. */
export interface TaskProgress {
  stage: string;
  done: number;
  total: number;
}

export async function runMaintenanceTask(message: FileTask): Promise<unknown> {
  rememberTaskKey(message);
  switch (message.task) {
    case 'backup':
      return backUpFile(message.source, message.destination);
    case 'reconcile':
      return reconcileFile(message.caseloadPath, message.dataDir, new Date(message.at));
    case 'check':
      return checkCaseloadFile(message.caseloadPath);
  }
}
