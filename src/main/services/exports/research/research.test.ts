import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/contract';
import type { ResearchExportResult } from '../../../../shared/contract/standardExports';
import { addDays, ageOn } from '../../../../shared/dates';
import { openTestCaseload, tempDir } from '../../../testing';
import { seedFullRecord } from '../../../testRecordCase';
import { seedPatient } from '../../../testSeed';
import { stopRenderer } from '../../../workers/render';
import type { TaskProgress } from '../../../workers/maintenanceTasks';
import { folderExportTarget, partialPathFor } from '../target';
import { writeResearchExport } from './write';

let t: ReturnType<typeof openTestCaseload>;
let first: Awaited<ReturnType<typeof seedFullRecord>>;
let second: Awaited<ReturnType<typeof seedFullRecord>>;
let files: Record<string, string>;
let exported: Extract<ResearchExportResult, { saved: true }>;
const TODAY = '2026-05-01';
const clock = new Date(`${TODAY}T09:00:00Z`);

async function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await t.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as OutputOf<K>;
}

function unzip(path: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(readFileSync(path))).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}

async function exportNow(): Promise<Extract<ResearchExportResult, { saved: true }>> {
  const result = await call('exports.research', {});
  if (!result.saved) throw new Error('not saved');
  return result;
}

/** RFC 4180 rows of cells (quotes removed). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

beforeAll(async () => {
  t = openTestCaseload({ now: () => clock });
  t.ctx.exportTarget = folderExportTarget(tempDir('pacewise-research-'));
  first = await seedFullRecord(call, { mrn: 'RCH-R1', givenName: 'Thị Hoa', familyName: 'Nguyễn', today: TODAY });
  second = await seedFullRecord(call, {
    mrn: 'RCH-R2',
    givenName: 'Aroha',
    familyName: 'Whaanga-Smythe',
    today: TODAY,
  });
  seedPatient(t.ctx, { mrn: 'RCH-R3', given: 'Solveig', family: 'Lindqvist', lesions: ['pelvis'] });
  const custom = await call('measures.createCustom', {
    name: 'Stairs climbed',
    unit: 'flights',
    better: 'higher',
    mcid: null,
    source: null,
    decimals: 0,
    rangeMin: 0,
    rangeMax: 40,
    instructions: null,
  });
  const assessment = await call('assessments.create', {
    patientId: second.patientId,
    kind: 'reassessment',
    assessedOn: addDays(TODAY, -3),
    measureKeys: [`custom.${custom.id}`],
  });
  await call('assessments.recordMeasure', {
    assessmentId: assessment.id,
    measureKey: `custom.${custom.id}`,
    components: { value: 6 },
  });
  await call('assessments.finalise', { assessmentId: assessment.id });
  exported = await exportNow();
  files = unzip(exported.path);
}, 240_000);
afterAll(async () => {
  t.close();
  await stopRenderer();
});

const DICTIONARY_HEADER = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
];

describe('the de-identified research export', () => {
  it('holds one CSV per form, each column described by the REDCap dictionary and each value valid for it', () => {
    const [header, ...fields] = parseCsv(files['data_dictionary.csv']!);
    expect(header).toEqual(DICTIONARY_HEADER);
    for (const row of fields) expect(row).toHaveLength(18);
    const names = fields.map((f) => f[0]!);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]{0,25}$/);
    expect(fields[0]!.slice(0, 2)).toEqual(['study_id', 'participant']);

    const forms = [...new Set(fields.map((f) => f[1]!))];
    expect(Object.keys(files).sort()).toEqual(
      [...forms.map((f) => `${f}.csv`), 'data_dictionary.csv', 'README.txt'].sort(),
    );
    const studyIds = new Set(records(files['participant.csv']!).map((r) => r.study_id));
    expect(studyIds.size).toBe(3);
    let checked = 0;
    for (const form of forms) {
      const own = fields.filter((f) => f[1] === form);
      const choices = (f: string[]) =>
        f[5]!
          .split(' | ')
          .filter(Boolean)
          .map((c) => c.slice(0, c.indexOf(',')));
      const expected = [
        ...(form === 'participant' ? [] : ['study_id', 'redcap_repeat_instrument', 'redcap_repeat_instance']),
        ...own.flatMap((f) => (f[3] === 'checkbox' ? choices(f).map((code) => `${f[0]}___${code}`) : [f[0]!])),
      ];
      const [csvHeader, ...rows] = parseCsv(files[`${form}.csv`]!);
      expect(csvHeader, form).toEqual(expected);
      const instances = new Map<string, number>();
      for (const row of rows) {
        const record = Object.fromEntries(csvHeader!.map((h, i) => [h, row[i]!]));
        expect(studyIds.has(record.study_id!), form).toBe(true);
        if (form !== 'participant') {
          expect(record.redcap_repeat_instrument).toBe(form);
          const next = (instances.get(record.study_id!) ?? 0) + 1;
          expect(Number(record.redcap_repeat_instance), form).toBe(next);
          instances.set(record.study_id!, next);
        }
        for (const f of own) {
          const [name, , , type, , , , validation, min, max] = f as [string, ...string[]];
          if (type === 'checkbox') {
            for (const code of choices(f)) expect(['0', '1']).toContain(record[`${name}___${code}`]);
            continue;
          }
          const value = record[name]!;
          if (value === '') continue;
          checked += 1;
          const where = `${form}.${name} = ${value}`;
          if (type === 'yesno') expect(['0', '1'], where).toContain(value);
          else if (type === 'dropdown' || type === 'radio') expect(choices(f), where).toContain(value);
          else if (validation === 'date_ymd') {
            expect(value, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10), where).toBe(value);
          } else if (validation === 'integer' || validation === 'number') {
            expect(Number.isFinite(Number(value)), where).toBe(true);
            if (validation === 'integer') expect(Number.isInteger(Number(value)), where).toBe(true);
            if (min) expect(Number(value), where).toBeGreaterThanOrEqual(Number(min));
            if (max) expect(Number(value), where).toBeLessThanOrEqual(Number(max));
          } else expect(name, where).toBe('study_id');
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(records(files['clinic_measure.csv']!)).toEqual([
      expect.objectContaining({ clm_measure: 'c1', clm_value: '6', clm_kind: 'reassessment' }),
    ]);
    expect(fields.find((f) => f[0] === 'clm_measure')![5]).toBe('c1, Stairs climbed (flights)');
  });

  it('contains no identifier of any seeded patient: names, MRNs, birth dates, contact details, notes, record ids', () => {
    const text = Object.values(files).join('\n');
    const identifiers = new Set<string>();
    const add = (value: unknown) => {
      if (typeof value === 'string' && value.trim().length >= 4) identifiers.add(value.trim());
    };
    const all = (sql: string) => t.ctx.sqlite.prepare(sql).all() as Array<Record<string, unknown>>;
    for (const p of all('SELECT * FROM patient')) {
      for (const key of [
        'id',
        'given_name',
        'family_name',
        'preferred_name',
        'mrn',
        'date_of_birth',
        'family_key',
        'given_key',
      ])
        add(p[key]);
    }
    for (const d of all('SELECT * FROM patient_details')) {
      for (const [key, value] of Object.entries(d)) if (!/_at$|_by$|^patient_id$/.test(key)) add(value);
      for (const line of String(d.address ?? '').split('\n')) add(line);
    }
    for (const c of all('SELECT * FROM contact')) {
      for (const key of ['full_name', 'practice', 'phone', 'email']) add(c[key]);
      for (const line of String(c.address ?? '').split('\n')) add(line);
    }
    for (const c of all('SELECT full_name, login, registration_number FROM clinician'))
      for (const v of Object.values(c)) add(v);
    // Free text anywhere in the record, and every record id (ULIDs carry the time they were made).
    for (const [table, columns] of Object.entries({
      session: ['id', 'notes', 'attendance_reason'],
      adverse_event: ['id', 'description', 'action_taken', 'outcome'],
      diagnosis: ['id', 'primary_site', 'histology', 'notes'],
      referral: ['id', 'reason'],
      medication: ['id', 'name', 'dose'],
      comorbidity: ['id', 'detail'],
      exercise_entry: ['id', 'reason'],
      assessment: ['id'],
      measure_result: ['id'],
      letter: ['id', 'pdf_sha256'],
      bone_lesion: ['id', 'location'],
      clearance: ['id', 'received_from_name'],
    })) {
      for (const row of all(`SELECT ${columns.join(', ')} FROM ${table}`)) for (const v of Object.values(row)) add(v);
    }
    expect(identifiers.size).toBeGreaterThan(80);
    const lower = text.toLowerCase();
    const found = [...identifiers].filter((identifier) => lower.includes(identifier.toLowerCase()));
    expect(found).toEqual([]);
  });

  it('shifts every date of a patient by that patient’s own offset, and gives an age instead of the birth date', () => {
    const subject = (patientId: string) =>
      t.ctx.sqlite
        .prepare('SELECT study_id AS studyId, date_offset_days AS offset FROM research_subject WHERE patient_id = ?')
        .get(patientId) as { studyId: string; offset: number };
    const one = subject(first.patientId);
    const two = subject(second.patientId);
    expect(one.studyId).not.toBe(two.studyId);
    for (const s of [one, two]) {
      expect(s.studyId).toMatch(/^PW[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(s.offset).toBeGreaterThanOrEqual(-365);
      expect(s.offset).toBeLessThanOrEqual(-30);
    }
    const realDates = (patientId: string) =>
      (
        t.ctx.sqlite.prepare('SELECT date FROM session WHERE patient_id = ? ORDER BY date').all(patientId) as Array<{
          date: string;
        }>
      ).map((r) => r.date);
    for (const [who, s] of [
      [first, one],
      [second, two],
    ] as const) {
      const rows = records(files['session.csv']!).filter((r) => r.study_id === s.studyId);
      expect(rows.map((r) => r.ses_date)).toEqual(realDates(who.patientId).map((d) => addDays(d, s.offset)));
      const ae = records(files['adverse_event.csv']!).find((r) => r.study_id === s.studyId)!;
      expect(ae.ae_date).toBe(addDays(addDays(TODAY, -7), s.offset));
      const participant = records(files['participant.csv']!).find((r) => r.study_id === s.studyId)!;
      expect(participant.age_years).toBe(String(ageOn('1961-07-14', addDays(TODAY, -84))));
      expect(participant.referral_date).toBe(addDays(addDays(TODAY, -84), s.offset));
    }
    const walk = records(files['six_minute_walk.csv']!).filter((r) => r.study_id === one.studyId);
    expect(walk.map((r) => [r.smw_date, r.smw_kind, r.smw_value])).toEqual([
      [addDays(addDays(TODAY, -84), one.offset), 'baseline', '380'],
      [addDays(addDays(TODAY, -2), one.offset), 'reassessment', '455'],
    ]);
    const lesions = records(files['bone_lesion.csv']!).filter((r) => r.study_id === one.studyId);
    expect(lesions.map((r) => [r.bl_site, r.bl_side, r.bl_mirels])).toEqual([
      ['proximal_femur', 'left', '8'],
      ['thoracic_spine', '', ''],
    ]);
    expect(records(files['diagnosis.csv']!).find((r) => r.study_id === one.studyId)).toMatchObject({
      dx_metastases___bone: '1',
      dx_metastases___liver: '0',
    });
  });

  it('gives the same patient the same study id in every export, and a new patient a new one', async () => {
    const before = t.ctx.sqlite.prepare('SELECT * FROM research_subject ORDER BY patient_id').all();
    const added = seedPatient(t.ctx, { mrn: 'RCH-R4', given: 'Ingrid', family: 'Holm' });
    const again = unzip((await exportNow()).path);
    const after = t.ctx.sqlite.prepare('SELECT * FROM research_subject ORDER BY patient_id').all() as Array<{
      patient_id: string;
      study_id: string;
    }>;
    expect(after.filter((r) => r.patient_id !== added)).toEqual(before);
    const ids = (f: Record<string, string>) => records(f['participant.csv']!).map((r) => r.study_id);
    const newId = after.find((r) => r.patient_id === added)!.study_id;
    expect(ids(again).sort()).toEqual([...ids(files), newId].sort());
    expect(again['session.csv']).toBe(files['session.csv']);
  }, 120_000);

  it('draws a new patient’s offset from the range the clinic chose, keeping every offset already given', async () => {
    const settings = await call('exports.researchSettings', {});
    expect(settings).toMatchObject({ minDays: 30, maxDays: 365, defaults: { minDays: 30, maxDays: 365 } });
    const before = t.ctx.sqlite.prepare('SELECT * FROM research_subject ORDER BY patient_id').all();
    expect(await t.dispatch('exports.setResearchDateShift', { minDays: 400, maxDays: 200 })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { maxDays: 'The most days must be at least the fewest days' } },
    });
    expect(await t.dispatch('exports.setResearchDateShift', { minDays: 3, maxDays: 200 })).toMatchObject({
      ok: false,
      error: { fields: { minDays: 'Fewest days dates are moved must be 7 to 3650' } },
    });
    expect(await call('exports.setResearchDateShift', { minDays: 400, maxDays: 400 })).toMatchObject({
      minDays: 400,
      maxDays: 400,
      patientsWithOffset: before.length,
    });
    const added = seedPatient(t.ctx, { mrn: 'RCH-R5', given: 'Tove', family: 'Lind' });
    await exportNow();
    const after = t.ctx.sqlite.prepare('SELECT * FROM research_subject ORDER BY patient_id').all() as Array<{
      patient_id: string;
      date_offset_days: number;
    }>;
    expect(after.filter((r) => r.patient_id !== added)).toEqual(before);
    expect(after.find((r) => r.patient_id === added)?.date_offset_days).toBe(-400);
    const changed = t.ctx.sqlite
      .prepare("SELECT actor_id FROM audit_event WHERE entity = 'setting' AND entity_id = 'research.dateShiftDays'")
      .all();
    expect(changed).toEqual([{ actor_id: t.ctx.session.clinicianId }]);
  }, 120_000);

  it('is audited: who exported, which forms and the file name; each study id given, without the id or offset', () => {
    const entry = t.ctx.sqlite
      .prepare(
        "SELECT actor_id, after_json FROM audit_event WHERE entity = 'record_export' AND entity_id = 'research' ORDER BY seq",
      )
      .get() as { actor_id: string; after_json: string };
    expect(entry.actor_id).toBe(t.ctx.session.clinicianId);
    expect(JSON.parse(entry.after_json)).toMatchObject({
      kind: 'research_csv',
      file: exported.fileName,
      patients: 3,
      forms: expect.arrayContaining(['participant', 'session', 'six_minute_walk', 'clinic_measure']),
    });
    const given = t.ctx.sqlite
      .prepare(
        "SELECT patient_id, actor_id, after_json, reason FROM audit_event WHERE entity = 'research_subject' ORDER BY seq",
      )
      .all() as Array<{ patient_id: string; actor_id: string; after_json: string | null; reason: string }>;
    expect(given.map((g) => g.patient_id)).toEqual(expect.arrayContaining([first.patientId, second.patientId]));
    for (const g of given) {
      expect(g).toMatchObject({ actor_id: t.ctx.session.clinicianId, after_json: null });
      expect(g.reason).toMatch(/kept in the caseload only/);
    }
  });

  it('leaves the research key (study ids and offsets) out of the caseload and patient exports', async () => {
    const caseload = await call('exports.caseloadCsv', {});
    expect(caseload.saved && Object.keys(unzip(caseload.path))).not.toContain('research_subject.csv');
    const record = await call('exports.patientJson', { patientId: first.patientId });
    const json = record.saved ? readFileSync(record.path, 'utf8') : '';
    expect(json).toContain('"givenName"');
    const { studyId } = t.ctx.sqlite
      .prepare('SELECT study_id AS studyId FROM research_subject WHERE patient_id = ?')
      .get(first.patientId) as { studyId: string };
    expect(json).not.toContain(studyId);
    expect(json).not.toContain('date_offset_days');
  }, 60_000);

  it('is refused to a clinician who is not an administrator', async () => {
    const id = t.ctx.newId();
    const at = clock.toISOString();
    t.ctx.sqlite
      .prepare(
        `INSERT INTO clinician (id, full_name, profession, role, login, created_at, updated_at)
         VALUES (?, 'Jordan Lee', 'physiotherapist', 'clinician', 'jordan', ?, ?)`,
      )
      .run(id, at, at);
    const admin = t.ctx.session.clinicianId;
    t.ctx.session.clinicianId = id;
    try {
      expect(await t.dispatch('exports.research', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await t.dispatch('exports.setResearchDateShift', { minDays: 60, maxDays: 90 })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    } finally {
      t.ctx.session.clinicianId = admin;
    }
  });

  it('reports its progress from the worker, form by form, to the last row', async () => {
    const progress: TaskProgress[] = [];
    const output = partialPathFor(`${tempDir('pacewise-research-progress-')}/set.zip`);
    const summary = await writeResearchExport(
      { caseloadPath: t.ctx.sqlite.name, at: clock.toISOString(), appVersion: 'test', output },
      (p) => progress.push(p),
    );
    const last = progress.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThanOrEqual(summary.rows);
    expect(progress.map((p) => p.stage)).toEqual(
      expect.arrayContaining(['Writing Participant', 'Writing Supervised session']),
    );
    for (const [a, b] of progress.slice(1).map((p, i) => [progress[i]!, p] as const))
      expect(b.done).toBeGreaterThanOrEqual(a.done);
  });
});
