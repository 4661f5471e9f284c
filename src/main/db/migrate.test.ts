import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './connection';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, tempDir } from '../testing';
import { CaseloadTooNewError, MigrationFailedError, migrate, readMigrations } from './migrate';
import { CaseloadDamagedError, openCaseload } from './open';

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

  it.each([
    ['the previous schema', 1],
    ['the first release schema (foundation only)', 'all-but-foundation'],
  ] as const)('upgrades a file from %s, keeping its rows and backing it up first', (_label, pending) => {
    const all = readMigrations(MIGRATIONS_DIR);
    expect(all.length).toBeGreaterThan(1);
    const keep = pending === 1 ? all.length - 1 : 1;
    const dir = tempDir();
    const path = join(dir, 'caseload.db');
    const old = openSqlite(path);
    migrate(old, all.slice(0, keep), { backupDir: join(dir, 'backups'), now });
    old
      .prepare(
        `INSERT INTO patient (id, given_name, family_name, date_of_birth, sex, mrn, status, family_key, given_key, created_at, created_by, updated_at, updated_by)
         VALUES ('01JOLDPATIENT0000000000000', 'Ruth', 'Okafor', '1958-04-02', 'female', 'MRN001', 'active', 'okafor', 'ruth', 'x', 'x', 'x', 'x')`,
      )
      .run();
    old.close();

    const caseload = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    opened.push(caseload);
    expect(caseload.migration.applied).toEqual(all.slice(keep).map((m) => m.tag));
    expect(caseload.sqlite.prepare('SELECT given_name FROM patient WHERE mrn = ?').get('MRN001')).toEqual({
      given_name: 'Ruth',
    });
    expect(caseload.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(caseload.migration.backupPath).not.toBeNull();
    const backup = openSqlite(caseload.migration.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 1 });
    expect(backup.pragma('user_version', { simple: true })).toBe(keep);
    backup.close();
  });

  it('rebuilds the name search keys of patients saved before names were folded', () => {
    const all = readMigrations(MIGRATIONS_DIR);
    const fold = all.findIndex((m) => m.tag.endsWith('_fold_name_keys'));
    expect(fold).toBeGreaterThan(0);
    const dir = tempDir();
    const old = openSqlite(join(dir, 'caseload.db'));
    migrate(old, all.slice(0, fold), { backupDir: join(dir, 'backups'), now });
    old
      .prepare(
        `INSERT INTO patient (id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status, family_key, given_key, preferred_key, created_at, created_by, updated_at, updated_by)
         VALUES ('01JOLDPATIENT0000000000000', 'Zoë', 'O''Brien', 'Ngũgĩ', '1958-04-02', 'female', 'MRN001', 'active', 'o''brien', 'zoë', 'ngũgĩ', 'x', 'x', 'x', 'x')`,
      )
      .run();
    old.close();
    const caseload = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    opened.push(caseload);
    expect(
      caseload.sqlite
        .prepare('SELECT family_key AS f, given_key AS g, preferred_key AS p, given_name AS n FROM patient')
        .get(),
    ).toEqual({ f: 'obrien', g: 'zoe', p: 'ngugi', n: 'Zoë' });
  });

  it('gives every patient saved before name words their words, so any word of a name finds them', () => {
    const all = readMigrations(MIGRATIONS_DIR);
    const words = all.findIndex((m) => m.tag.endsWith('_patient_name_words'));
    expect(words).toBeGreaterThan(0);
    const dir = tempDir();
    const old = openSqlite(join(dir, 'caseload.db'));
    migrate(old, all.slice(0, words), { backupDir: join(dir, 'backups'), now });
    old
      .prepare(
        `INSERT INTO patient (id, given_name, family_name, preferred_name, date_of_birth, sex, mrn, status, family_key, given_key, preferred_key, created_at, created_by, updated_at, updated_by)
         VALUES ('01JOLDPATIENT0000000000000', 'Mary Ann', 'Ó''Brien-Ngũgĩ', NULL, '1958-04-02', 'female', 'MRN001', 'active', 'obrien-ngugi', 'mary ann', NULL, 'x', 'x', 'x', 'x')`,
      )
      .run();
    old.close();
    const caseload = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    opened.push(caseload);
    expect(
      caseload.sqlite.prepare('SELECT word FROM patient_name_word ORDER BY word').pluck().all() as string[],
    ).toEqual(['ann', 'ngugi']);
  });

  it('lets an adverse event wait for its grade, keeping every earlier event, its indexes and its foreign keys', () => {
    const all = readMigrations(MIGRATIONS_DIR);
    const step = all.findIndex((m) => m.tag.endsWith('_adverse_event_grade_needed'));
    expect(step).toBeGreaterThan(0);
    const dir = tempDir();
    const old = openSqlite(join(dir, 'caseload.db'));
    migrate(old, all.slice(0, step), { backupDir: join(dir, 'backups'), now });
    old
      .prepare(
        `INSERT INTO patient (id, given_name, family_name, date_of_birth, sex, mrn, status, family_key, given_key, created_at, created_by, updated_at, updated_by)
         VALUES ('P1', 'Ruth', 'Okafor', '1958-04-02', 'female', 'MRN001', 'active', 'okafor', 'ruth', 'x', 'x', 'x', 'x')`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO adverse_event (id, patient_id, type, red_flag, severity, occurred_at, action_taken, created_at, created_by, updated_at, updated_by)
         VALUES ('E1', 'P1', 'fall', 0, 2, '2026-11-01T09:00:00Z', 'Sat down, observed', 'x', 'x', 'x', 'x')`,
      )
      .run();
    old.close();
    const caseload = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    opened.push(caseload);
    const db = caseload.sqlite;
    expect(db.prepare('SELECT severity, action_taken AS a FROM adverse_event').all()).toEqual([
      { severity: 2, a: 'Sat down, observed' },
    ]);
    const indexes = (db.pragma('index_list(adverse_event)') as Array<{ name: string }>).map((i) => i.name).sort();
    expect(indexes).toEqual(['adverse_event_patient', 'adverse_event_session', 'sqlite_autoindex_adverse_event_1']);
    const fks = (db.pragma('foreign_key_list(adverse_event)') as Array<{ table: string }>).map((f) => f.table).sort();
    expect(fks).toEqual(['patient', 'session']);
    db.prepare(
      `INSERT INTO adverse_event (id, patient_id, type, red_flag, severity, occurred_at, created_at, created_by, updated_at, updated_by)
       VALUES ('E2', 'P1', 'red_flag', 1, NULL, '2026-11-02T09:00:00Z', 'x', 'x', 'x', 'x')`,
    ).run();
    expect(() => db.prepare("UPDATE adverse_event SET closed_at = 'now' WHERE id = 'E2'").run()).toThrow(
      /cannot be closed without its grade/,
    );
    db.prepare("UPDATE adverse_event SET severity = 3, closed_at = 'now' WHERE id = 'E2'").run();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('knows every exercise already logged once its index is replaced by exercise_usage, and keeps it in step', () => {
    const all = readMigrations(MIGRATIONS_DIR);
    const step = all.findIndex((m) => m.tag.endsWith('_exercise_usage'));
    expect(step).toBeGreaterThan(0);
    const dir = tempDir();
    const old = openSqlite(join(dir, 'caseload.db'));
    migrate(old, all.slice(0, step), { backupDir: join(dir, 'backups'), now });
    const who = "'x', 'x', 'x', 'x'";
    old.exec(
      `INSERT INTO patient (id, given_name, family_name, date_of_birth, sex, mrn, status, family_key, given_key, created_at, created_by, updated_at, updated_by)
         VALUES ('P1', 'Ruth', 'Okafor', '1958-04-02', 'female', 'MRN001', 'active', 'okafor', 'ruth', ${who});
       INSERT INTO exercise (id, name, modality, position, impact, weight_bearing, description, created_at, created_by, updated_at, updated_by)
         VALUES ('A', 'Walking', 'aerobic', 'standing', 'low', 1, 'Walk', ${who}),
                ('B', 'Cycling', 'aerobic', 'seated', 'none', 0, 'Cycle', ${who}),
                ('C', 'Stretch', 'flexibility', 'seated', 'none', 0, 'Stretch', ${who});
       INSERT INTO session (id, patient_id, date, start_time, attendance, created_at, created_by, updated_at, updated_by)
         VALUES ('S1', 'P1', '2026-11-01', '09:00', 'attended', ${who});
       INSERT INTO exercise_entry (id, session_id, position, exercise_id, planned, outcome, created_at, created_by, updated_at, updated_by)
         VALUES ('E1', 'S1', 0, 'A', 1, 'completed', ${who});`,
    );
    old.close();
    const caseload = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    opened.push(caseload);
    const db = caseload.sqlite;
    const used = () =>
      (db.prepare('SELECT exercise_id AS id FROM exercise_usage ORDER BY 1').all() as Array<{ id: string }>).map(
        (r) => r.id,
      );
    expect(used()).toEqual(['A']);
    db.exec(
      `INSERT INTO exercise_entry (id, session_id, position, exercise_id, planned, outcome, created_at, created_by, updated_at, updated_by)
         VALUES ('E2', 'S1', 1, 'B', 1, 'completed', ${who}), ('E3', 'S1', 2, 'A', 1, 'completed', ${who})`,
    );
    expect(used()).toEqual(['A', 'B']);
    db.exec("UPDATE exercise_entry SET exercise_id = 'C' WHERE id = 'E3'");
    expect(used()).toEqual(['A', 'B', 'C']);
    const indexes = (db.pragma('index_list(exercise_entry)') as Array<{ name: string }>).map((i) => i.name);
    expect(indexes).not.toContain('exercise_entry_exercise');
    expect(db.pragma('foreign_key_check')).toEqual([]);
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
    const check = openSqlite(join(dir, 'caseload.db'), { readonly: true });
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
    const check = openSqlite(join(dataDir, 'caseload.db'), { readonly: true });
    expect(tables(check)).not.toContain('half_done');
    expect(check.prepare('SELECT count(*) AS n FROM pacewise_migration').get()).toEqual({ n: real.length });
    check.close();
  });

  it('refuses a damaged file instead of opening it', () => {
    const dir = tempDir();
    const junk = 'this is not a database at all, just text '.repeat(200);
    writeFileSync(join(dir, 'caseload.db'), junk);
    expect(() => openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now })).toThrow(CaseloadDamagedError);
    expect(() => openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now })).toThrow(
      /Restore the most recent backup/,
    );
    // Refused, and left exactly as it was: nothing written over the clinician's file, nothing backed up from it.
    expect(readFileSync(join(dir, 'caseload.db'), 'utf8')).toBe(junk);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('refuses a caseload whose pages are corrupted, with the integrity-check message', () => {
    const dir = tempDir();
    const first = openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now });
    first.sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = first.sqlite.prepare('INSERT INTO filler (body) VALUES (?)');
    for (let i = 0; i < 400; i++) insert.run(`row ${i} `.repeat(40));
    const { rootpage } = first.sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").get() as {
      rootpage: number;
    };
    first.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    const path = join(dir, 'caseload.db');
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the cell pointers and cells of the filler table's root page (not the file header).
    const at = pageSize * (rootpage - 1);
    bytes.fill(0x5a, at + 12, at + pageSize);
    writeFileSync(path, bytes);
    expect(() => openCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, now })).toThrow(CaseloadDamagedError);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
