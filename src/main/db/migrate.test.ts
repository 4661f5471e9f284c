import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, tempDir } from '../testing';
import { CaseloadTooNewError, MigrationFailedError, migrate, readMigrations } from './migrate';
import { openCaseload } from './open';

const now = () => new Date('2026-11-27T09:00:00Z');
const opened: Array<{ close(): void }> = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as Array<{ name: string }>
  ).map((r) => r.name);
}

describe('caseload migrations', () => {
  it('creates every table on a fresh file and records each step', () => {
    const dir = tempDir();
    const caseload = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    opened.push(caseload);
    const all = readMigrations(MIGRATIONS_DIR);
    expect(caseload.migration.applied).toEqual(all.map((m) => m.tag));
    expect(caseload.migration.backupPath).toBeNull();
    expect(tables(caseload.sqlite)).toEqual(
      expect.arrayContaining(['patient', 'audit_event', 'clinician', 'setting', 'pacewise_migration']),
    );
    expect(caseload.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(caseload.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(caseload.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(caseload.sqlite.pragma('user_version', { simple: true })).toBe(all.length);
  });

  it('upgrades a file from the previous schema, keeping its rows and backing it up first', () => {
    const all = readMigrations(MIGRATIONS_DIR);
    const dir = tempDir();
    const path = join(dir, 'caseload.db');
    const old = new Database(path);
    migrate(old, all.slice(0, -1), { backupDir: join(dir, 'backups'), now });
    if (all.length === 1) migrate(old, all, { backupDir: join(dir, 'backups'), now });
    old
      .prepare(
        `INSERT INTO patient (id, given_name, family_name, date_of_birth, sex, mrn, status, family_key, given_key, created_at, created_by, updated_at, updated_by)
         VALUES ('01JOLDPATIENT0000000000000', 'Ruth', 'Okafor', '1958-04-02', 'female', 'MRN001', 'active', 'okafor', 'ruth', 'x', 'x', 'x', 'x')`,
      )
      .run();
    old.close();
    if (all.length === 1) return; // nothing newer to upgrade to yet

    const caseload = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    opened.push(caseload);
    expect(caseload.migration.applied).toEqual([all.at(-1)!.tag]);
    expect(caseload.sqlite.prepare('SELECT given_name FROM patient WHERE mrn = ?').get('MRN001')).toEqual({
      given_name: 'Ruth',
    });
    expect(caseload.migration.backupPath).not.toBeNull();
    const backup = new Database(caseload.migration.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 1 });
    backup.close();
  });

  it('refuses a caseload written by a newer Pacewise and leaves it untouched', () => {
    const dir = tempDir();
    const first = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    first.sqlite.prepare("INSERT INTO pacewise_migration VALUES (999, '9999_future', 'x', 'x')").run();
    first.close();
    expect(() => openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now })).toThrow(CaseloadTooNewError);
    expect(() => openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now })).toThrow(
      /newer version of Pacewise/,
    );
    const check = new Database(join(dir, 'caseload.db'), { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM pacewise_migration WHERE tag = '9999_future'").get()).toEqual({
      n: 1,
    });
    check.close();
  });

  it('rolls a failing step back whole and does not record it as applied', () => {
    const dir = tempDir();
    const migrationsDir = join(dir, 'migrations');
    mkdirSync(join(migrationsDir, 'meta'), { recursive: true });
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'))) {
      copyFileSync(join(MIGRATIONS_DIR, file), join(migrationsDir, file));
    }
    const real = readMigrations(MIGRATIONS_DIR);
    writeFileSync(
      join(migrationsDir, '9999_broken.sql'),
      'CREATE TABLE half_done (id text);\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);',
    );
    writeFileSync(
      join(migrationsDir, 'meta', '_journal.json'),
      JSON.stringify({
        entries: [...real.map((m) => ({ idx: m.index, tag: m.tag })), { idx: real.length, tag: '9999_broken' }],
      }),
    );
    const dataDir = join(dir, 'data');
    expect(() => openCaseload({ dataDir, migrationsDir, now })).toThrow(MigrationFailedError);
    const check = new Database(join(dataDir, 'caseload.db'), { readonly: true });
    expect(tables(check)).not.toContain('half_done');
    expect(check.prepare('SELECT count(*) AS n FROM pacewise_migration').get()).toEqual({ n: real.length });
    check.close();
  });

  it('refuses a damaged file instead of opening it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.db'), 'this is not a database at all, just text '.repeat(200));
    expect(() => openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now })).toThrow();
    expect(existsSync(join(dir, 'caseload.db'))).toBe(true);
  });
});
