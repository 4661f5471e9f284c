import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createServiceContext, type ServiceContext } from '../context';
import { openSqlite } from '../db/connection';
import * as schema from '../db/schema';

/**
 * The caseload file a worker reads, and its key: a worker thread shares no memory with the main
 * process, so the key travels in the job (never through a file).
 */
export interface CaseloadFile {
  path: string;
  keyHex: string | null;
}

/** Runs `read` on a read-only connection of the worker's own, closed afterwards whatever happens. */
export function readCaseload<T>(file: CaseloadFile, read: (sqlite: Database.Database) => T): T {
  const sqlite = openSqlite(file.path, {
    readonly: true,
    fileMustExist: true,
    key: file.keyHex ? Buffer.from(file.keyHex, 'hex') : null,
  });
  try {
    sqlite.pragma('busy_timeout = 5000');
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/** A service context over that read-only connection, for read services that take one. */
export function readOnlyContext(sqlite: Database.Database, file: CaseloadFile, now: Date): ServiceContext {
  return createServiceContext({
    db: drizzle(sqlite, { schema }),
    sqlite,
    dataDirectory: dirname(file.path),
    appVersion: '',
    now: () => now,
  });
}
