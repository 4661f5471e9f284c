import { monotonicFactory } from 'ulid';
import type { Db } from './db/open';
import type Database from 'better-sqlite3';
import { folderFilePort, type FilePort } from './files';
import { join } from 'node:path';

/** Everything a service needs, passed in so tests can give a fixed clock and a temporary file. */
export interface ServiceContext {
  db: Db;
  sqlite: Database.Database;
  now: () => Date;
  newId: () => string;
  dataDirectory: string;
  appVersion: string;
  /** Where exported files (letters) are saved: a save dialog in the app, a folder in tests. */
  files: FilePort;
  /** The clinician whose name goes on every write; set at sign-in, held only in memory. */
  session: { clinicianId: string | null };
}

export function createServiceContext(options: {
  db: Db;
  sqlite: Database.Database;
  dataDirectory: string;
  appVersion: string;
  now?: () => Date;
  files?: FilePort;
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
    files: options.files ?? folderFilePort(join(options.dataDirectory, 'exports')),
    session: { clinicianId: null },
  };
}
