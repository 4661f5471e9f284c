import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { encryptInPlace, isPlainSqlite, openSqlite, type DataKey } from './connection';

function header(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    readSync(fd, buffer, 0, 16, 0);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

/** Whether a database file on disk is an unencrypted SQLite file. */
export function isPlainFile(path: string): boolean {
  return existsSync(path) && statSync(path).size >= 16 && isPlainSqlite(header(path));
}

/** Every database file Pacewise keeps in a caseload folder: the caseload, backups, files set aside by restores. */
function databaseFiles(dataDir: string): string[] {
  const files = [join(dataDir, 'caseload.db')];
  const backups = join(dataDir, 'backups');
  if (existsSync(backups))
    files.push(
      ...readdirSync(backups)
        .filter((n) => n.endsWith('.db'))
        .map((n) => join(backups, n)),
    );
  const replaced = join(dataDir, 'replaced');
  if (existsSync(replaced)) {
    for (const stamp of readdirSync(replaced)) {
      const folder = join(replaced, stamp);
      if (!statSync(folder).isDirectory()) continue;
      files.push(
        ...readdirSync(folder)
          .filter((n) => n.endsWith('.db'))
          .map((n) => join(folder, n)),
      );
    }
  }
  return files;
}

/**
 * Encrypts, in place, every unencrypted database file in the folder. Safe to run again after a
 * crash part-way: files already encrypted are left as they are.
 */
export function encryptPlainFiles(dataDir: string, key: DataKey): string[] {
  const done: string[] = [];
  for (const path of databaseFiles(dataDir)) {
    if (!isPlainFile(path)) continue;
    encryptInPlace(path, key);
    done.push(path);
  }
  return done;
}

/** A checked plain copy of an open unencrypted caseload, taken before it is encrypted in place. */
export function backUpBeforeEncryption(sqlite: Database.Database, backupDir: string, at: Date): string {
  const path = join(backupDir, `caseload-before-encryption-${at.toISOString().replace(/[:.]/g, '-')}.db`);
  // A caseload that never made a backup has no backups folder yet.
  mkdirSync(backupDir, { recursive: true });
  sqlite.prepare('VACUUM INTO ?').run(path);
  const copy = openSqlite(path, { readonly: true, fileMustExist: true, key: null });
  try {
    const check = copy.pragma('integrity_check', { simple: true }) as string;
    if (check !== 'ok') throw new Error(`The backup taken before encrypting the caseload failed its check (${check}).`);
  } finally {
    copy.close();
  }
  return path;
}

/** Removes a file and any -wal/-shm beside it. */
export function removeDatabaseFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '.json']) if (existsSync(path + suffix)) unlinkSync(path + suffix);
}
