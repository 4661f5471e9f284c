import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './connection';
import { foldName, laterNameWords } from '../../shared/names';

export interface MigrationFile {
  index: number;
  tag: string;
  sql: string;
  checksum: string;
}

export class CaseloadTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This caseload was last opened by a newer version of Pacewise (database version ${databaseVersion}; ` +
        `this copy understands up to ${appVersion}). It has not been opened or changed. ` +
        'Install the newer Pacewise to open it.',
    );
    this.name = 'CaseloadTooNewError';
  }
}

export class MigrationFailedError extends Error {
  constructor(tag: string, cause: unknown) {
    super(
      `Updating the caseload database failed at step ${tag}; nothing from that step was kept. ` +
        `Details: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'MigrationFailedError';
  }
}

/** Reads the drizzle-kit journal, so the order is the one drizzle-kit wrote, never the file system's. */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  const journalPath = join(migrationsDir, 'meta', '_journal.json');
  if (!existsSync(journalPath)) {
    throw new Error(`Pacewise cannot find its database migrations at ${migrationsDir}.`);
  }
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
    entries: Array<{ idx: number; tag: string }>;
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const sql = readFileSync(join(migrationsDir, `${entry.tag}.sql`), 'utf8');
      return {
        index: entry.idx,
        tag: entry.tag,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

const bookkeeping = `CREATE TABLE IF NOT EXISTS pacewise_migration (
  idx INTEGER PRIMARY KEY,
  tag TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export interface MigrationOutcome {
  applied: string[];
  backupPath: string | null;
}

/**
 * Applies pending migrations, each in its own transaction together with its bookkeeping row, so a
 * failed step leaves neither its tables nor a record claiming it ran.
 *
 * Foreign keys are switched off on the connection (not inside the transaction, where the pragma is
 * a no-op) because drizzle-kit's table rebuilds DROP the old table: with keys on, that would
 * cascade into child rows. Integrity is then checked with foreign_key_check before each commit.
 */
export function migrate(
  sqlite: Database.Database,
  migrations: MigrationFile[],
  options: { backupDir: string; now: () => Date },
): MigrationOutcome {
  sqlite.exec(bookkeeping);
  // Data migrations that rebuild derived keys call the app's own functions, so the result is identical.
  sqlite.function('pacewise_fold_name', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldName(value) : value,
  );
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  sqlite.function(
    'pacewise_name_words',
    { deterministic: true },
    (given: unknown, family: unknown, preferred: unknown) =>
      JSON.stringify(laterNameWords(text(given), text(family), text(preferred))),
  );
  const applied = sqlite.prepare('SELECT idx, tag FROM pacewise_migration ORDER BY idx').all() as Array<{
    idx: number;
    tag: string;
  }>;
  const known = new Set(migrations.map((m) => m.tag));
  const newest = applied.at(-1);
  if (applied.some((row) => !known.has(row.tag)) || (newest && newest.idx >= migrations.length)) {
    throw new CaseloadTooNewError((newest?.idx ?? 0) + 1, migrations.length);
  }
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  if (userVersion > migrations.length) throw new CaseloadTooNewError(userVersion, migrations.length);

  const doneTags = new Set(applied.map((row) => row.tag));
  const pending = migrations.filter((m) => !doneTags.has(m.tag));
  if (pending.length === 0) return { applied: [], backupPath: null };

  let backupPath: string | null = null;
  if (applied.length > 0) {
    mkdirSync(options.backupDir, { recursive: true });
    const stamp = options.now().toISOString().replace(/[:.]/g, '-');
    backupPath = join(options.backupDir, `caseload-before-${pending[0]!.tag}-${stamp}.db`);
    sqlite.prepare('VACUUM INTO ?').run(backupPath);
    // A backup counts only once it has been opened and checked; never migrate without one.
    const copy = openSqlite(backupPath, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true }) as string;
      if (check !== 'ok') throw new Error(`The backup taken before updating the caseload failed its check (${check}).`);
    } finally {
      copy.close();
    }
  }

  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      const step = sqlite.transaction(() => {
        for (const statement of migration.sql.split('--> statement-breakpoint')) {
          if (statement.trim()) sqlite.exec(statement);
        }
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new Error(`${violations.length} rows would point at records that do not exist`);
        }
        sqlite
          .prepare('INSERT INTO pacewise_migration (idx, tag, checksum, applied_at) VALUES (?, ?, ?, ?)')
          .run(migration.index, migration.tag, migration.checksum, options.now().toISOString());
        sqlite.pragma(`user_version = ${migration.index + 1}`);
      });
      try {
        step();
      } catch (error) {
        throw new MigrationFailedError(migration.tag, error);
      }
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending.map((m) => m.tag), backupPath };
}
