import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../../shared/contract';
import { seedLetterCase, type LetterCase } from '../../testCases';
import { openTestCaseload } from '../../testing';
import { normalScreen } from '../../testSeed';
import { stopRenderer } from '../../workers/render';
import type { PrintedBlock } from '../../workers/blocksPdf';
import { readPatientRecord } from './patientRecord';
import { readableRecord } from './readableRecord';
import { notInTheRecord, recordFields } from './recordFields';
import { recordTables } from './tables';
import { folderExportTarget } from './target';

// The PDF is read and laid out in the document worker, whose first start takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

let t: ReturnType<typeof openTestCaseload>;
let c: LetterCase;
const clock = new Date('2026-05-01T09:00:00Z');

async function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await t.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as OutputOf<K>;
}

beforeEach(async () => {
  t = openTestCaseload({ now: () => clock });
  t.ctx.exportTarget = folderExportTarget(join(t.dir, 'exported'));
  c = await seedLetterCase(call, {
    mrn: 'RCH-R1',
    givenName: 'Thị Hoa',
    familyName: 'Nguyễn',
    baselineOn: '2026-02-02',
    reassessedOn: '2026-04-27',
    lesions: true,
  });
});
afterEach(() => t.close());
afterAll(() => stopRenderer());

/** A session with an exercise, an adverse event and an amendment; the patient put on hold. */
async function sessionWithEvent(): Promise<void> {
  await call('intake.saveClearance', {
    patientId: c.patientId,
    receivedOn: '2026-02-01',
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: '2026-08-01',
  });
  await call('intake.changeStatus', {
    patientId: c.patientId,
    toStatus: 'active',
    effectiveOn: '2026-02-02',
    reason: 'Started the programme',
  });
  const exerciseId = (await call('exercises.list', {}))[0]!.id;
  const { sessionId } = await call('bookings.create', {
    patientId: c.patientId,
    date: '2026-04-29',
    startTime: '10:30',
  });
  await call('sessions.sign', {
    sessionId,
    screen: { ...normalScreen(), fatigue0to10: 4 },
    entries: [{ exerciseId, planned: false, sets: 2, reps: 12, loadKg: 3, outcome: 'completed' }],
    notes: 'Tolerated well; mild fatigue afterwards.',
  });
  await call('adverseEvents.record', {
    patientId: c.patientId,
    sessionId,
    type: 'fall',
    severity: 2,
    occurredAt: '2026-04-29T00:45:00.000Z',
    description: 'Lost balance stepping off the treadmill',
    actionTaken: 'Assessed, no injury',
  });
  await call('sessions.amend', { sessionId, reason: 'Load was 4 kg, not 3', notes: null, entries: null });
  await call('intake.changeStatus', {
    patientId: c.patientId,
    toStatus: 'on_hold',
    effectiveOn: '2026-04-30',
    reason: 'Admitted to hospital',
  });
}

describe('what a patient record holds', () => {
  it('accounts for every column of every table: in the record by name, or left out with a reason', () => {
    const specs = Object.values(recordFields);
    for (const table of recordTables(t.ctx.sqlite)) {
      if (notInTheRecord[table.name]) continue;
      const mine = specs.filter((s) => s.name === table.name);
      expect(mine.length, `${table.name} is neither in the record nor in notInTheRecord`).toBeGreaterThan(0);
      for (const spec of mine) {
        const covered = [...spec.fields.map((f) => f.column), ...Object.keys(spec.omitted)].sort();
        expect(covered, table.name).toEqual([...table.columns].sort());
      }
    }
    expect(Object.keys(recordFields.clinicians.omitted)).toEqual(expect.arrayContaining(['login', 'pin_hash']));
  });

  it('reads as the patient would: labelled, in the clinic’s date format, named not numbered, judged', async () => {
    await sessionWithEvent();
    const record = readPatientRecord(t.ctx.sqlite, c.patientId, 'test');
    const printed = readableRecord(record, {
      clinicName: 'Riverside Cancer Exercise Clinic',
      dates: { order: 'DMY', monthNames: false },
      exportedAt: clock.toISOString(),
      exportedByName: 'Alex Morgan',
    });
    const lines = printed.blocks.flatMap((b: PrintedBlock) =>
      b.kind === 'fields'
        ? b.rows.map(([label, value]) => `${label}: ${value}`)
        : b.kind === 'table'
          ? [b.columns.join(' | '), ...b.rows.map((r) => r.join(' | '))]
          : [b.text],
    );
    const all = lines.join('\n');
    const headings = printed.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    expect(headings).toEqual([
      'Patient record: Thị Hoa Nguyễn',
      'Personal details and status',
      'Referral and care team',
      'Cancer and metastases',
      'Bone lesions',
      'Treatments',
      'Comorbidities and medications',
      'Medical clearance',
      'Baseline screening',
      'Goals',
      'Exercise plan',
      'Sessions',
      'Assessments',
      'Adverse events',
      'Letters',
      'Appendix: change history',
    ]);
    expect(printed.footer).toBe('Thị Hoa Nguyễn · born 14/07/1961 · MRN RCH-R1');
    expect(lines).toContain('Date of birth: 14/07/1961');
    expect(lines).toContain('Status: On hold');
    expect(lines).toContain('Weight-bearing status: Weight-bearing as tolerated');
    expect(lines).toContain('Level or part of the bone: T8');
    expect(all).toMatch(/Mirels score: 8: Borderline/);
    expect(lines).toContain('Dr Ana Lima | Oncologist | Riverside Cancer Centre | 02 9000 1000 | Yes | Yes | —');
    expect(lines).toContain('Metoprolol | 50 mg twice daily | Beta-blocker | — | — | —');
    expect(lines).toContain('29/04/2026, 10:30: Attended');
    expect(lines).toContain('Safety check decision: Go');
    expect(lines).toContain('Resting heart rate: 72 bpm');
    expect(lines).toContain('Fatigue (0–10): 4');
    expect(all).toMatch(/\| No \| 2 × 12, 3 kg \|.*\| Completed \|/);
    expect(all).toContain('Reason: Load was 4 kg, not 3');
    expect(all).toContain('Adverse event recorded in this session: Fall, grade 2');
    expect(lines).toContain('Grade (1–5): 2');
    expect(lines).toContain('What happened: Lost balance stepping off the treadmill');
    // The reassessment judged against the baseline with the threshold's source, as on Progress.
    expect(all).toMatch(
      /Six-minute walk test \| 455 m \| \+75 m from 02\/02\/2026 \| Improved \| \+75 m, at or beyond/,
    );
    expect(all).toMatch(/Timed Up and Go.* \| 9\.1 s \| −2\.1 s from 02\/02\/2026 \| Improved/);
    // The change history, with a change shown from what it was to what it became.
    expect(all).toContain('Status: from Active to On hold');
    expect(all).toContain('Admitted to hospital');
    // Never an id, a stored code or a key; dates only in the clinic's format.
    expect(all).not.toMatch(/[0-9A-HJKMNP-TV-Z]{26}/);
    expect(all).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    expect(all).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  it("exports the patient's record as a PDF, made in the worker and recorded in the audit trail", async () => {
    await sessionWithEvent();
    const letter = await call('letters.create', { patientId: c.patientId, type: 'reassessment', date: '2026-04-28' });
    await call('letters.finalise', { letterId: letter.id });
    const result = await call('exports.patientRecordPdf', { patientId: c.patientId });
    if (!result.saved) throw new Error('not saved');
    expect(result.fileName).toBe('patient-record-RCH-R1-2026-05-01-' + result.fileName.slice(-8, -4) + '.pdf');
    const bytes = readFileSync(result.path);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.pages).toBeGreaterThan(3);
    const audit = t.ctx.sqlite
      .prepare("SELECT patient_id AS patientId, after_json AS after FROM audit_event WHERE entity = 'record_export'")
      .all() as Array<{ patientId: string; after: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.patientId).toBe(c.patientId);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({
      kind: 'patient_record_pdf',
      path: result.path,
      pages: result.pages,
      sizeBytes: bytes.length,
    });

    t.ctx.exportTarget = { choose: async () => null };
    expect(await call('exports.patientRecordPdf', { patientId: c.patientId })).toEqual({ saved: false });
    const refused = await t.dispatch('exports.patientRecordPdf', { patientId: '01JNOSUCHPATIENT0000000000' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
