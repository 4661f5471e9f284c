import { monotonicFactory } from 'ulid';
import type { Db } from './db/open';
import type Database from 'better-sqlite3';
import type { ExportTarget } from './services/exports/target';

/** Everything a service needs, passed in so tests can give a fixed clock and a temporary file. */
export interface ServiceContext {
  db: Db;
  sqlite: Database.Database;
  now: () => Date;
  newId: () => string;
  dataDirectory: string;
  appVersion: string;
  /** The clinician whose name goes on every write; set at sign-in, held only in memory. */
  session: { clinicianId: string | null };
  /** Where exports are saved: the save dialog in the app, a folder in tests; unset, `exports/` beside the caseload. */
  exportTarget?: ExportTarget;
}

export function createServiceContext(options: {
  db: Db;
  sqlite: Database.Database;
  dataDirectory: string;
  appVersion: string;
  now?: () => Date;
}): ServiceContext {
  const ulid = monotonicFactory();
  return {
    db: options.db,
    sqlite: options.sqlite,
    now: options.now ?? (() => new Date()),
    // ULIDs sort by creation time, so rows from two machines can later be merged without clashes.
    newId: () => ulid(),
    dataDirectory: options.dataDirectory,
    appVersion: options.appVersion,
    session: { clinicianId: null },
  };
}
