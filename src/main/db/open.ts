import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate, readMigrations, type MigrationOutcome } from './migrate';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Caseload {
  sqlite: Database.Database;
  db: Db;
  path: string;
  migration: MigrationOutcome;
  close(): void;
}

export class CaseloadDamagedError extends Error {
  constructor(detail: string) {
    super(
      `The caseload database failed its integrity check (${detail}). Pacewise has not changed it. ` +
        'Restore the most recent backup from the backups folder, or contact support.',
    );
    this.name = 'CaseloadDamagedError';
  }
}

export const CASELOAD_FILE = 'caseload.db';

/**
 * Opens (creating if needed) the caseload in `dataDir`, checks it, backs it up if it needs
 * migrating, and migrates it. Throws a clinician-readable error rather than opening a database it
 * cannot trust.
 */
export function openCaseload(options: { dataDir: string; migrationsDir: string; now?: () => Date }): Caseload {
  const now = options.now ?? (() => new Date());
  mkdirSync(options.dataDir, { recursive: true });
  const path = join(options.dataDir, CASELOAD_FILE);
  const sqlite = new Database(path);
  try {
    try {
      // The first read of the file; SQLite's own "file is not a database" becomes advice.
      sqlite.pragma('schema_version');
    } catch (error) {
      throw new CaseloadDamagedError(error instanceof Error ? error.message : String(error));
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new CaseloadDamagedError(check);
    const migration = migrate(sqlite, readMigrations(options.migrationsDir), {
      backupDir: join(options.dataDir, 'backups'),
      now,
    });
    const db = drizzle(sqlite, { schema });
    return { sqlite, db, path, migration, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
