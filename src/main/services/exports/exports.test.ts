import { readFileSync, readdirSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayLocal } from '../../../shared/dates';
import { openTestCaseload, tempDir } from '../../testing';
import { seedPatient } from '../../testSeed';
import { generatePatients } from '../../../../bench/generate';
import { createPatient } from '../patients';
import { exportCaseloadCsv } from './caseloadCsv';
import type { PatientRecord } from './patientRecord';
import { folderExportTarget } from './target';
import { stopRenderer } from '../../workers/render';
import { exportedTables, orderBy, quoted, selectList } from './tables';

// The patient's record is read and written in the document worker: its first start loads the
// record code through tsx, which takes seconds on a loaded two-core machine.
vi.setConfig({ testTimeout: 30_000 });
afterAll(() => stopRenderer());

let t: ReturnType<typeof openTestCaseload>;
let folder: string;
let ruthId: string;
let otherId: string;

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const result = await t.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as T;
}

beforeEach(async () => {
  t = openTestCaseload();
  folder = tempDir('pacewise-exports-');
  t.ctx.exportTarget = folderExportTarget(folder);
  ruthId = seedPatient(t.ctx, {
    mrn: 'RMH-1',
    given: 'Zoë "Zo"',
    family: "O'Brien, Ngũgĩ",
    lesions: ['proximal_femur'],
  });
  otherId = seedPatient(t.ctx, { mrn: 'RMH-2', given: 'Tom', family: 'Becker' });
  await ok('intake.saveGoal', {
    patientId: ruthId,
    category: 'mobility',
    inOwnWords: 'Walk to the shops,\nthen "back" again 👩🏽‍⚕️',
    status: 'active',
    milestones: [{ description: 'Walk 200 m', targetDate: null, achievedOn: null }],
  });
  const exerciseId = (await ok<Array<{ id: string }>>('exercises.list', {}))[0]!.id;
  const { sessionId } = await ok<{ sessionId: string }>('bookings.create', {
    patientId: ruthId,
    date: todayLocal(),
    startTime: '09:00',
  });
  await ok('sessions.sign', {
    sessionId,
    screen: { restingHr: 72, sbp: 128, dbp: 78, spo2: 97, temperatureC: 36.6 },
    entries: [{ exerciseId, planned: false, sets: 2, reps: 10, outcome: 'completed' }],
    notes: 'Line one\r\nLine two, with a comma; and "quotes"',
  });
  await ok('bookings.create', { patientId: otherId, date: todayLocal(), startTime: '10:00' });
});
afterEach(() => t.close());

/** RFC 4180, keeping whether each cell was quoted: quoted is text, bare is a number or missing. */
function parseCsv(text: string): Array<Array<{ quoted: boolean; text: string }>> {
  const rows: Array<Array<{ quoted: boolean; text: string }>> = [];
  let row: Array<{ quoted: boolean; text: string }> = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    let isQuoted = false;
    if (text[i] === '"') {
      isQuoted = true;
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      cell = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i += cell.length;
    }
    row.push({ quoted: isQuoted, text: cell });
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected character at ${i}`);
  }
  return rows;
}

const typed = (cell: { quoted: boolean; text: string }): unknown =>
  cell.quoted ? cell.text : cell.text === '' ? null : Number(cell.text);

describe('caseload export (CSV in a zip)', () => {
  it('writes every table, and reading it back gives exactly what the database holds', async () => {
    const result = await ok<{ saved: true; path: string; rows: number; tables: number }>('exports.caseloadCsv', {});
    expect(result.saved).toBe(true);
    expect(readdirSync(folder)).toEqual([result.path.split('/').at(-1)]);
    const files = unzipSync(readFileSync(result.path));
    const tables = exportedTables(t.ctx.sqlite);
    expect(Object.keys(files).sort()).toEqual([...tables.map((x) => `${x.name}.csv`), 'README.txt'].sort());
    let total = 0;
    for (const table of tables) {
      const text = Buffer.from(files[`${table.name}.csv`]!).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...body] = parseCsv(text.slice(1));
      expect(header!.map((c) => c.text)).toEqual(table.columns);
      const stored = t.ctx.sqlite
        .prepare(`SELECT ${selectList(table)} FROM ${quoted(table.name)} ORDER BY ${orderBy(table)}`)
        .raw(true)
        .all() as unknown[][];
      // The export's own audit entry is written after the snapshot it was read from.
      const expected = table.name === 'audit_event' ? stored.slice(0, -1) : stored;
      expect(
        body.map((row) => row.map(typed)),
        table.name,
      ).toEqual(expected);
      total += expected.length;
    }
    expect(result.rows).toBe(total);
    expect(strFromU8(files['README.txt']!)).toContain('patient.csv\t2 rows');
    const audit = t.ctx.sqlite
      .prepare('SELECT entity, entity_id AS entityId, after_json AS after FROM audit_event ORDER BY seq DESC LIMIT 1')
      .get() as { entity: string; entityId: string; after: string };
    expect(audit).toMatchObject({ entity: 'record_export', entityId: 'caseload' });
    expect(JSON.parse(audit.after)).toMatchObject({ kind: 'caseload_csv', path: result.path, rows: result.rows });
  });

  it('exports one consistent moment while saves carry on during it', async () => {
    generatePatients(t.ctx, 6_000);
    const before = (t.ctx.sqlite.prepare('SELECT count(*) AS n FROM patient').get() as { n: number }).n;
    const exporting = exportCaseloadCsv(t.ctx);
    let savedDuringExport = false;
    let exportDone = false;
    void exporting.then(() => (exportDone = true));
    // Let the export take its snapshot and start, then save a patient while it is still running.
    for (let i = 0; i < 50 && !savedDuringExport; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (i >= 2 && !exportDone) {
        createPatient(t.ctx, {
          givenName: 'New',
          familyName: 'During',
          preferredName: null,
          dateOfBirth: '1970-01-01',
          sex: 'male',
          mrn: 'DURING-1',
        });
        savedDuringExport = true;
      }
    }
    expect(savedDuringExport && !exportDone).toBe(true);
    const result = await exporting;
    if (!result.saved) throw new Error('not saved');
    const csv = Buffer.from(unzipSync(readFileSync(result.path))['patient.csv']!).toString('utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + before);
    expect(csv).not.toContain('DURING-1');
  });

  it('writes and audits nothing when the save dialog is cancelled', async () => {
    t.ctx.exportTarget = { choose: async () => null };
    const before = t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get();
    expect(await ok('exports.caseloadCsv', {})).toEqual({ saved: false });
    expect(await ok('exports.patientJson', { patientId: ruthId })).toEqual({ saved: false });
    expect(t.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get()).toEqual(before);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('no credential leaves in an export', () => {
  /** Every byte an export wrote, as text: the zip's files unpacked, the JSON as it is. */
  function exportedText(path: string): string {
    if (!path.endsWith('.zip')) return readFileSync(path, 'utf8');
    return Object.values(unzipSync(readFileSync(path)))
      .map((bytes) => strFromU8(bytes))
      .join('\n');
  }

  it('holds no PIN hash, nor a credential column added to the schema later', async () => {
    const pinHash = 'scrypt:c2FsdHNhbHRzYWx0c2FsdA==:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo';
    // A column a later version might add, holding a secret: the allow-list does not name it.
    t.ctx.sqlite.exec("ALTER TABLE clinician ADD COLUMN passphrase_salt TEXT DEFAULT 'SALT-NEVER-EXPORTED'");
    t.ctx.sqlite.prepare('UPDATE clinician SET pin_hash = ?').run(pinHash);
    const csv = await ok<{ path: string }>('exports.caseloadCsv', {});
    const json = await ok<{ path: string }>('exports.patientJson', { patientId: ruthId });
    for (const path of [csv.path, json.path]) {
      const text = exportedText(path);
      expect(text).toContain('Alex Morgan');
      for (const needle of [pinHash, 'scrypt:', 'pin_hash', 'SALT-NEVER-EXPORTED', 'passphrase_salt']) {
        expect(text.includes(needle), `${path} contains ${needle}`).toBe(false);
      }
    }
    const clinicianCsv = Buffer.from(unzipSync(readFileSync(csv.path))['clinician.csv']!).toString('utf8');
    expect(parseCsv(clinicianCsv.slice(1))[0]!.map((c) => c.text)).toEqual([
      'id',
      'full_name',
      'profession',
      'registration_number',
      'active',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
      'role',
      'login',
    ]);
  });
});

describe('patient export (JSON)', () => {
  it("holds the patient's complete record under the screens' field names, and nobody else's", async () => {
    const result = await ok<{ saved: true; path: string; rows: number }>('exports.patientJson', { patientId: ruthId });
    const text = readFileSync(result.path, 'utf8');
    const doc = JSON.parse(text) as PatientRecord & { exportedBy: string };
    expect(doc).toMatchObject({ format: 'pacewise-patient-record', formatVersion: 2 });
    const db = t.ctx.sqlite;
    const stored = db.prepare('SELECT * FROM patient WHERE id = ?').get(ruthId) as Record<string, unknown>;
    expect(doc.patient).toEqual({
      id: ruthId,
      givenName: stored.given_name,
      familyName: stored.family_name,
      preferredName: null,
      dateOfBirth: stored.date_of_birth,
      sex: stored.sex,
      mrn: 'RMH-1',
      status: stored.status,
      createdAt: stored.created_at,
      createdBy: stored.created_by,
      updatedAt: stored.updated_at,
      updatedBy: stored.updated_by,
    });
    // Every row of every patient table is there: counted against the database.
    const count = (sql: string) => (db.prepare(sql).get(ruthId) as { n: number }).n;
    expect(doc.sessions).toHaveLength(count('SELECT count(*) AS n FROM session WHERE patient_id = ?'));
    expect(doc.sessions.flatMap((s) => s.exercises)).toHaveLength(
      count(
        'SELECT count(*) AS n FROM exercise_entry WHERE session_id IN (SELECT id FROM session WHERE patient_id = ?)',
      ),
    );
    // The export's own audit entry was written after the file.
    expect(doc.changeHistory).toHaveLength(count('SELECT count(*) AS n FROM audit_event WHERE patient_id = ?') - 1);
    expect(doc.goals[0]!.milestones).toHaveLength(1);
    expect(doc.boneLesions).toHaveLength(1);
    expect(doc.referenced.exercises).toHaveLength(1);
    expect(doc.referenced.clinicians).toEqual([
      {
        id: doc.exportedBy,
        fullName: 'Alex Morgan',
        profession: 'exercise_physiologist',
        registrationNumber: 'AEP-1234',
      },
    ]);
    expect(doc.sessions[0]!.notes).toBe('Line one\r\nLine two, with a comma; and "quotes"');
    // Stored JSON arrives as JSON, flags as true/false, and no key is a column name or an internal one.
    expect(doc.sessions[0]!.screen).toMatchObject({ restingHr: 72, sbp: 128 });
    expect(doc.sessions[0]!.exercises[0]!.planned).toBe(false);
    const sign = doc.changeHistory.find((e) => e.entity === 'session' && e.action === 'sign')!;
    expect(typeof sign.after).toBe('object');
    const keys = new Set<string>();
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          keys.add(k);
          walk(v);
        }
      } else if (typeof value === 'string') strings.push(value);
    };
    walk(doc);
    expect(
      [...keys].filter((k) => k.includes('_') || (/Key$|Json$|Hash$|^login$/.test(k) && k !== 'measureKey')),
    ).toEqual([]);
    expect(strings.filter((v) => /^\s*[[{]"/.test(v))).toEqual([]);
    expect(text).not.toContain(otherId);
    expect(text).not.toContain('Becker');
    const audit = db.prepare('SELECT * FROM audit_event ORDER BY seq DESC LIMIT 1').get() as Record<string, string>;
    expect(audit).toMatchObject({ entity: 'record_export', entity_id: ruthId, patient_id: ruthId });
    expect(JSON.parse(audit.after_json!)).toMatchObject({
      kind: 'patient_json',
      path: result.path,
      records: result.rows,
    });
  });

  it('answers an unknown patient with not found and writes nothing', async () => {
    const result = await t.dispatch('exports.patientJson', { patientId: '01JNOSUCHPATIENT0000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(readdirSync(folder)).toEqual([]);
  });
});
