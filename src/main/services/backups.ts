import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupKind, BackupSummary } from '../../shared/contract/setup';
import { writeAnchor, type AuditAnchor } from '../db/anchor';
import { auditKeyForManifest, auditKeyFromManifest, readAuditKey, writeAuditKey, auditKeyPath } from '../db/auditKey';
import { isPlainFile } from '../db/encrypt';
import { keyringPath, parseKeyring, readKeyring, type Keyring } from '../db/keyring';
import { writeFileAtomic } from '../db/files';
import { BACKUP_DIR, CASELOAD_FILE } from '../db/open';
import { auditHashIn, readBackupFacts, type BackupFacts } from '../workers/maintenanceTasks';
import { runInWorker } from '../workers/run';

export interface BackupRotation {
  daily: number;
  weekly: number;
}

/** Clinic policy, editable in Settings: two weeks of daily copies and two months of weekly ones. */
export const DEFAULT_ROTATION: BackupRotation = { daily: 14, weekly: 8 };

const stampOf = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

export function backupDirectory(dataDir: string): string {
  return join(dataDir, BACKUP_DIR);
}

/**
 * Where a backup brought from elsewhere waits while the specialist decides whether to restore it:
 * beside the list, not in it, so cancelling leaves the list as it was.
 */
function incomingDirectory(dataDir: string): string {
  return join(backupDirectory(dataDir), 'incoming');
}

/** What the file name says of how a backup was made (see the names written below and in migrate.ts). */
export function backupKind(fileName: string): BackupKind {
  if (fileName.startsWith('caseload-daily-')) return 'daily';
  if (fileName.startsWith('caseload-manual-')) return 'manual';
  if (fileName.startsWith('caseload-imported-')) return 'imported';
  if (fileName.startsWith('caseload-before-')) return 'upgrade';
  return 'other';
}

function localDay(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function dailyBackupName(at: Date): string {
  return `caseload-daily-${localDay(at)}.db`;
}

/** A manifest beside each backup: its audit head (the anchor at that moment) and the key that signs its chain. */
interface BackupManifest {
  format: 'pacewise-backup';
  createdAt: string;
  head: { seq: number; hash: string | null };
  schemaVersion: number;
  patients: number;
  lastChangeAt: string | null;
  auditKey: string | null;
  /**
   * The caseload's key ring as it was (every key in it wrapped or sealed), so an encrypted backup
   * can be opened on another computer with a passphrase or the recovery key.
   */
  keyring?: Keyring | null;
}

function manifestPath(backupPath: string): string {
  return `${backupPath}.json`;
}

function ringForBackup(dataDir: string): Keyring | null {
  const ring = readKeyring(dataDir);
  return ring ? { ...ring, pending: [] } : null;
}

/** The audit head a backup's manifest records. */
export function backupHead(backupPath: string): { seq: number; hash: string | null } | null {
  return readManifest(backupPath)?.head ?? null;
}

/** The key ring a backup's manifest carries, if it is an encrypted caseload's. */
export function backupKeyring(backupPath: string): Keyring | null {
  const ring = readManifest(backupPath)?.keyring;
  return ring ? parseKeyring(JSON.stringify(ring)) : null;
}

function readManifest(backupPath: string): BackupManifest | null {
  try {
    const value = JSON.parse(readFileSync(manifestPath(backupPath), 'utf8')) as BackupManifest;
    return value.format === 'pacewise-backup' ? value : null;
  } catch {
    return null;
  }
}

function writeManifest(dataDir: string, backupPath: string, facts: BackupFacts, at: Date): void {
  const auditKey = readAuditKey(dataDir);
  const manifest: BackupManifest = {
    format: 'pacewise-backup',
    createdAt: at.toISOString(),
    head: { seq: facts.headSeq, hash: facts.headHash },
    schemaVersion: facts.schemaVersion,
    patients: facts.patients,
    lastChangeAt: facts.lastChangeAt,
    // Carried so a restore into a fresh folder still verifies; sealed under the data key when encrypted.
    auditKey: auditKey ? auditKeyForManifest(dataDir, auditKey, at) : null,
    keyring: ringForBackup(dataDir),
  };
  writeFileAtomic(manifestPath(backupPath), JSON.stringify(manifest));
}

/**
 * Backs the live caseload up into `destination` from a worker thread (online backup, then an
 * integrity check of the copy), and writes its manifest. The copy counts only once checked:
 * a failed one is removed.
 */
export async function takeBackup(dataDir: string, destination: string, at: Date): Promise<BackupFacts> {
  const partial = `${destination}.partial`;
  try {
    const facts = await runInWorker<BackupFacts>({
      task: 'backup',
      source: join(dataDir, CASELOAD_FILE),
      destination: partial,
    });
    renameSync(partial, destination);
    writeManifest(dataDir, destination, facts, at);
    return facts;
  } catch (error) {
    if (existsSync(partial)) unlinkSync(partial);
    throw error;
  }
}

/** The first start of a local day takes a daily backup (unless one exists), then rotates. */
export async function dailyBackupIfDue(
  dataDir: string,
  at: Date,
  rotation: BackupRotation = DEFAULT_ROTATION,
): Promise<string | null> {
  const dir = backupDirectory(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, dailyBackupName(at));
  if (existsSync(path)) return null;
  await takeBackup(dataDir, path, at);
  rotateBackups(dataDir, rotation);
  return path;
}

function mondayOf(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - offset);
  return date.toISOString().slice(0, 10);
}

/**
 * Keeps the newest `daily` daily backups, and beyond those the newest one of each of the
 * `weekly` most recent weeks. Manual, imported and pre-upgrade copies are never removed here.
 */
export function rotateBackups(dataDir: string, rotation: BackupRotation): string[] {
  const dir = backupDirectory(dataDir);
  if (!existsSync(dir)) return [];
  const days = readdirSync(dir)
    .map((name) => /^caseload-daily-(\d{4}-\d{2}-\d{2})\.db$/.exec(name)?.[1])
    .filter((day): day is string => day !== undefined)
    .sort()
    .reverse();
  const keep = new Set(days.slice(0, rotation.daily));
  const weeks = new Set<string>();
  for (const day of days.slice(rotation.daily)) {
    const week = mondayOf(day);
    if (!weeks.has(week) && weeks.size < rotation.weekly) {
      weeks.add(week);
      keep.add(day);
    }
  }
  const removed: string[] = [];
  for (const day of days) {
    if (keep.has(day)) continue;
    const path = join(dir, `caseload-daily-${day}.db`);
    unlinkSync(path);
    if (existsSync(manifestPath(path))) unlinkSync(manifestPath(path));
    removed.push(basename(path));
  }
  return removed;
}

/** What a backup file holds, read before anything is restored from it. */
export function inspectBackup(
  path: string,
  knownMigrations: number,
  anchor: AuditAnchor | null = null,
  /** For a file outside the caseload folder (a USB stick): the caseload's key to read it with. */
  key?: Buffer | null,
): BackupSummary {
  const fileName = basename(path);
  const manifest = readManifest(path);
  const createdAt = manifest?.createdAt ?? statSync(path).mtime.toISOString();
  const base = { fileName, kind: backupKind(fileName), createdAt };
  let facts: BackupFacts;
  try {
    facts = readBackupFacts(path, { check: 'none', ...(key !== undefined && !isPlainFile(path) ? { key } : {}) });
  } catch {
    return {
      ...base,
      patients: 0,
      changes: 0,
      lastChangeAt: null,
      holdsMissingChanges: false,
      problem: isPlainFile(path)
        ? 'This file is not a Pacewise caseload, or it is damaged.'
        : 'This file cannot be read with this caseload’s key: it is another caseload’s backup, or it is damaged.',
    };
  }
  const summary = { ...base, patients: facts.patients, changes: facts.headSeq, lastChangeAt: facts.lastChangeAt };
  if (!facts.isPacewise) {
    return { ...summary, holdsMissingChanges: false, problem: 'This file is not a Pacewise caseload.' };
  }
  if (facts.integrity !== 'ok') {
    return { ...summary, holdsMissingChanges: false, problem: 'This backup is damaged: it failed its check.' };
  }
  if (facts.schemaVersion > knownMigrations) {
    return {
      ...summary,
      holdsMissingChanges: false,
      problem: 'This backup was made by a newer version of Pacewise. Install that version to restore it.',
    };
  }
  const holdsMissingChanges =
    anchor !== null && anchor.seq > 0 && facts.headSeq >= anchor.seq && auditHashIn(path, anchor.seq) === anchor.hash;
  return { ...summary, holdsMissingChanges, problem: null };
}

/** Every backup in the caseload's folder, newest first. */
export function listBackups(
  dataDir: string,
  knownMigrations: number,
  anchor: AuditAnchor | null = null,
): BackupSummary[] {
  const dir = backupDirectory(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.db'))
    .map((name) => inspectBackup(join(dir, name), knownMigrations, anchor))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A backup by its file name in the backups folder only: the window never names a path. */
export function backupPathFor(dataDir: string, fileName: string): string {
  if (basename(fileName) !== fileName || !fileName.endsWith('.db')) throw new Error('Not a backup name.');
  const path = join(backupDirectory(dataDir), fileName);
  if (!existsSync(path)) throw new Error(`The backup ${fileName} no longer exists.`);
  return path;
}

/** Copies a backup from elsewhere (a USB stick) into the backups folder, with its manifest if it has one. */
export function importBackup(dataDir: string, source: string, at: Date, dir = backupDirectory(dataDir)): string {
  mkdirSync(dir, { recursive: true });
  const destination = join(dir, `caseload-imported-${stampOf(at)}.db`);
  copyFileSync(source, destination);
  if (existsSync(manifestPath(source))) copyFileSync(manifestPath(source), manifestPath(destination));
  return destination;
}

/**
 * Copies a backup from elsewhere to wait beside the list (any earlier one waiting is dropped): it
 * joins the list only if it is restored (keepStagedImport), so a cancelled restore adds nothing.
 */
export function stageImport(dataDir: string, source: string, at: Date): string {
  const dir = incomingDirectory(dataDir);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) unlinkSync(join(dir, name));
  }
  return importBackup(dataDir, source, at, dir);
}

/** A backup waiting to be restored (stageImport), by its file name; null when none waits by that name. */
export function stagedImportPath(dataDir: string, fileName: string): string | null {
  if (basename(fileName) !== fileName || !fileName.endsWith('.db')) return null;
  const path = join(incomingDirectory(dataDir), fileName);
  return existsSync(path) ? path : null;
}

/** Moves a waiting backup into the list, as it is restored. */
export function keepStagedImport(dataDir: string, fileName: string): void {
  const staged = stagedImportPath(dataDir, fileName);
  if (!staged) return;
  const destination = join(backupDirectory(dataDir), fileName);
  if (existsSync(manifestPath(staged))) renameSync(manifestPath(staged), manifestPath(destination));
  renameSync(staged, destination);
}

export interface RestoreOutcome {
  replacedPath: string | null;
  head: { seq: number; hash: string | null };
}

/**
 * Puts a backup in place of the caseload (which must be closed): the current file, its -wal and
 * -shm and its key are kept aside in `replaced/`, never deleted. The anchor then names the
 * backup's head, and its key comes with it when its manifest carries one.
 */
export function putBackupInPlace(
  dataDir: string,
  backupPath: string,
  knownMigrations: number,
  at: Date,
): RestoreOutcome {
  const summary = inspectBackup(backupPath, knownMigrations);
  if (summary.problem) throw new Error(summary.problem);
  const full = readBackupFacts(backupPath, { check: 'full' });
  if (full.integrity !== 'ok') throw new Error('This backup is damaged: it failed its check.');

  const aside = join(dataDir, 'replaced', stampOf(at));
  const live = join(dataDir, CASELOAD_FILE);
  let replacedPath: string | null = null;
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(live + suffix)) continue;
    mkdirSync(aside, { recursive: true });
    renameSync(live + suffix, join(aside, CASELOAD_FILE + suffix));
    if (suffix === '') replacedPath = join(aside, CASELOAD_FILE);
  }
  const currentKey = readAuditKey(dataDir);
  if (currentKey && existsSync(auditKeyPath(dataDir))) {
    mkdirSync(aside, { recursive: true });
    copyFileSync(auditKeyPath(dataDir), join(aside, basename(auditKeyPath(dataDir))));
  }
  if (existsSync(keyringPath(dataDir))) {
    mkdirSync(aside, { recursive: true });
    copyFileSync(keyringPath(dataDir), join(aside, basename(keyringPath(dataDir))));
  }
  const temporary = `${live}.restoring`;
  copyFileSync(backupPath, temporary);
  renameSync(temporary, live);

  const manifest = readManifest(backupPath);
  const carried = manifest?.auditKey ? auditKeyFromManifest(dataDir, manifest.auditKey) : null;
  if (carried) writeAuditKey(dataDir, carried, at);
  else if (currentKey && full.headSeq + 1 < currentKey.keyedFromSeq) {
    // An older, unkeyed backup: keying resumes right after its last entry.
    writeAuditKey(dataDir, { key: currentKey.key, keyedFromSeq: full.headSeq + 1 }, at);
  }
  writeAnchor(dataDir, { seq: full.headSeq, hash: full.headHash ?? '', at: at.toISOString() });
  return { replacedPath, head: { seq: full.headSeq, hash: full.headHash } };
}
