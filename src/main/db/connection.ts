import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { dataKeyForFile } from './keyring';

/**
 * Every connection to a caseload file opens here. The driver is better-sqlite3-multiple-ciphers
 * (the same API as better-sqlite3, built with SQLite3 Multiple Ciphers); with a key, the file, its
 * WAL and every copy made with VACUUM INTO are encrypted with the SQLCipher v4 scheme.
 * The types stay better-sqlite3's, which drizzle's driver is typed against.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Driver = require('better-sqlite3-multiple-ciphers') as typeof Database;

/** The caseload's 256-bit data key; never written anywhere in the clear (see keyring.ts). */
export type DataKey = Buffer;

export interface OpenOptions {
  /** Unset: the key this process holds for the file's caseload folder (keyring.ts), if any. */
  key?: DataKey | null;
  readonly?: boolean;
  fileMustExist?: boolean;
}

export function applyKey(sqlite: Database.Database, key: DataKey): void {
  if (key.length !== 32) throw new Error('The caseload key must be 32 bytes.');
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  // A raw key (hex): SQLCipher's own passphrase derivation is skipped, the key is already random.
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

export function openSqlite(path: string, options: OpenOptions = {}): Database.Database {
  const sqlite = new Driver(path, {
    ...(options.readonly ? { readonly: true } : {}),
    ...(options.fileMustExist ? { fileMustExist: true } : {}),
  });
  // A plain file in an encrypted folder (an earlier version's backup) is read as plain.
  const key = options.key === undefined ? (plainOnDisk(path) ? null : dataKeyForFile(path)) : options.key;
  if (key) {
    try {
      applyKey(sqlite, key);
    } catch (error) {
      sqlite.close();
      throw error;
    }
  }
  return sqlite;
}

function plainOnDisk(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(16);
      return readSync(fd, buffer, 0, 16, 0) === 16 && isPlainSqlite(buffer);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Whether the file's first page is SQLite's plain header (an unencrypted caseload). */
export function isPlainSqlite(header: Buffer): boolean {
  return header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0';
}

/**
 * Encrypts an unencrypted database file in place. SQLite3 Multiple Ciphers cannot rekey in WAL
 * mode, so the WAL is folded in and the journal switched to DELETE for the rekey, then back.
 */
export function encryptInPlace(path: string, key: DataKey): void {
  const sqlite = openSqlite(path, { fileMustExist: true });
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`cipher = 'sqlcipher'`);
    sqlite.pragma('legacy = 4');
    sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`);
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}
