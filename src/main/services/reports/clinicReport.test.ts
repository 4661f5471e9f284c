import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../../shared/contract';
import { adminChannels } from '../../../shared/contract/access';
import type { ClinicReport } from '../../../shared/contract/reports';
import { openTestCaseload } from '../../testing';
import { normalScreen, seedPatient } from '../../testSeed';
import { stopRenderer } from '../../workers/render';
import { folderExportTarget } from '../exports/target';
import { clinicReport } from './clinicReport';
import { clinicReportDocument } from './reports';

// The figures are counted in the document worker, whose first start takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

let t: ReturnType<typeof openTestCaseload>;
let clock = new Date('2025-10-01T09:00:00Z');
const at = (date: string, time = '10:00') => (clock = new Date(`${date}T${time}:00.000Z`));

async function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await t.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as OutputOf<K>;
}

async function session(patientId: string, date: string, outcome: 'go' | 'modify' | 'hold' | 'red flag') {
  at(date, '09:00');
  const { sessionId } = await call('bookings.create', { patientId, date, startTime: '09:00' });
  const screen =
    outcome === 'modify'
      ? { ...normalScreen(), fatigue0to10: 8 }
      : outcome === 'hold'
        ? { ...normalScreen(), sbp: 210 }
        : outcome === 'red flag'
          ? { ...normalScreen(), redFlags: ['chest_pain' as const] }
          : normalScreen();
  await call('sessions.recordScreen', { sessionId, screen, clearanceOverrideReason: null });
  return sessionId;
}

async function booking(patientId: string, date: string, attendance: 'cancelled' | 'did_not_attend' | null) {
  at(date, '08:00');
  const { sessionId } = await call('bookings.create', { patientId, date, startTime: '11:00' });
  if (attendance) await call('bookings.setAttendance', { sessionId, attendance, reason: 'Unwell' });
}

async function walk(patientId: string, kind: 'baseline' | 'reassessment' | 'discharge', on: string, metres: number) {
  at(on, '12:00');
  const a = await call('assessments.create', {
    patientId,
    kind,
    assessedOn: on,
    heightCm: 170,
    weightKg: 70,
    measureKeys: ['six_minute_walk'],
  });
  await call('assessments.recordMeasure', {
    assessmentId: a.id,
    measureKey: 'six_minute_walk',
    components: { distance_m: metres },
  });
  return a.id;
}

async function finalisedWalk(...args: Parameters<typeof walk>) {
  const id = await walk(...args);
  await call('assessments.finalise', { assessmentId: id });
  return id;
}

async function event(
  patientId: string,
  sessionId: string,
  type: 'fall' | 'pain_flare',
  severity: number,
  occurredAt: string,
) {
  clock = new Date(Date.parse(occurredAt) + 3_600_000);
  await call('adverseEvents.record', { patientId, sessionId, type, severity, occurredAt });
}

async function status(patientId: string, toStatus: 'active' | 'on_hold', effectiveOn: string) {
  await call('intake.changeStatus', { patientId, toStatus, effectiveOn, reason: 'Programme' });
}

/**
 * A small caseload, counted by hand for March 2026 (the period) as of 1 May 2026 (today):
 *
 * | patient | status | sessions in March | adverse events | walks |
 * | Ana | active from 10 Jan | 2 Mar go, 9 Mar modify, 16 Mar hold + chest pain (event, ungraded), 23 Mar cancelled; also 25 Feb and 2 Apr go | fall grade 2 on 9 Mar | baseline 12 Jan 300 m, reassessment 20 Mar 345 m |
 * | Ben | active from 1 Feb | 3 Mar go, 10 Mar did not attend, 17 Mar booked only | grade 3 on 20 Feb | baseline 2 Feb 400 m, reassessment 25 Mar 410 m corrected to 420 m |
 * | Cleo | referred | 5 Mar cancelled | | |
 * | Dan | active from 1 Nov 2025, on hold from 20 Mar | 4 Mar go, 11 Mar go | grade 1 on 11 Mar | baseline 5 Nov 500 m, reassessment 5 Jan 480 m, a draft on 30 Mar |
 * | Eve | active from 1 Dec 2025 | none | | baseline 5 Jan 450 m; reassessment 10 Apr (after the period) 470 m |
 *
 * Booked 10 = attended 5 (Ana 2, Ben 1, Dan 2) + cancelled 2 + did not attend 1 + held 1 + booked only 1.
 * Seen 3 (Ana, Ben, Dan). Safety checks 6: Go 4 (66.7%), modify 1 (16.7%), hold 1 (16.7%).
 * Adverse events in March 3 (grade 1, grade 2, ungraded): 60.0 per 100 attended; each 20.0.
 * Reassessments done 2 (Ana; Ben's corrected one counts once; Dan's draft does not).
 * Active on 31 Mar: Ana, Ben, Eve (Dan on hold, Cleo referred) = 3; overdue 1: Eve, due 2 Mar
 * (5 Jan + 8 weeks), her April walk not yet on file on 31 Mar.
 * Six-minute walk: Ana +45 m (improved, threshold 30 m), Ben +20 m (stable): 2 patients, 1 improved (50.0%).
 */
async function handCountedCaseload() {
  at('2025-10-01');
  const ana = seedPatient(t.ctx, { mrn: 'R-ANA', given: 'Ana', status: 'referred' });
  const ben = seedPatient(t.ctx, { mrn: 'R-BEN', given: 'Ben', status: 'referred' });
  const cleo = seedPatient(t.ctx, { mrn: 'R-CLEO', given: 'Cleo', status: 'referred' });
  const dan = seedPatient(t.ctx, { mrn: 'R-DAN', given: 'Dan', status: 'referred' });
  const eve = seedPatient(t.ctx, { mrn: 'R-EVE', given: 'Eve', status: 'referred' });
  await status(dan, 'active', '2025-11-01');
  await status(eve, 'active', '2025-12-01');
  await status(ana, 'active', '2026-01-10');
  await status(ben, 'active', '2026-02-01');

  await finalisedWalk(dan, 'baseline', '2025-11-05', 500);
  await finalisedWalk(dan, 'reassessment', '2026-01-05', 480);
  await finalisedWalk(eve, 'baseline', '2026-01-05', 450);
  await finalisedWalk(ana, 'baseline', '2026-01-12', 300);
  await finalisedWalk(ben, 'baseline', '2026-02-02', 400);

  await session(ana, '2026-02-25', 'go');
  const benFeb = await session(ben, '2026-02-20', 'go');
  await event(ben, benFeb, 'fall', 3, '2026-02-20T10:15:00.000Z');

  await session(ana, '2026-03-02', 'go');
  await session(ben, '2026-03-03', 'go');
  await session(dan, '2026-03-04', 'go');
  await booking(cleo, '2026-03-05', 'cancelled');
  const anaModify = await session(ana, '2026-03-09', 'modify');
  await event(ana, anaModify, 'fall', 2, '2026-03-09T09:40:00.000Z');
  await booking(ben, '2026-03-10', 'did_not_attend');
  const danGo = await session(dan, '2026-03-11', 'go');
  await event(dan, danGo, 'pain_flare', 1, '2026-03-11T09:30:00.000Z');
  await session(ana, '2026-03-16', 'red flag');
  await booking(ben, '2026-03-17', null);
  await status(dan, 'on_hold', '2026-03-20');
  await finalisedWalk(ana, 'reassessment', '2026-03-20', 345);
  await booking(ana, '2026-03-23', 'cancelled');
  const benMarch = await finalisedWalk(ben, 'reassessment', '2026-03-25', 410);
  at('2026-03-26');
  const correction = await call('assessments.amend', { assessmentId: benMarch, reason: 'Distance misread' });
  await call('assessments.recordMeasure', {
    assessmentId: correction.id,
    measureKey: 'six_minute_walk',
    components: { distance_m: 420 },
  });
  await call('assessments.finalise', { assessmentId: correction.id });
  await walk(dan, 'reassessment', '2026-03-30', 470);
  await session(ana, '2026-04-02', 'go');
  await finalisedWalk(eve, 'reassessment', '2026-04-10', 470);
  at('2026-05-01', '09:00');
}

beforeEach(() => {
  clock = new Date('2025-10-01T09:00:00Z');
  t = openTestCaseload({ now: () => clock });
  t.ctx.exportTarget = folderExportTarget(join(t.dir, 'exported'));
});
afterEach(() => t.close());
afterAll(() => stopRenderer());

const march = { from: '2026-03-01', to: '2026-03-31' };

describe('the clinic report', () => {
  it('counts a small caseload exactly as it was counted by hand', async () => {
    await handCountedCaseload();
    const report = await call('reports.clinic', march);
    const expected: Omit<ClinicReport, 'generatedAt' | 'sixMinuteWalk'> = {
      from: '2026-03-01',
      to: '2026-03-31',
      asOf: '2026-03-31',
      patientsSeen: 3,
      sessions: { booked: 10, attended: 5, cancelled: 2, didNotAttend: 1, heldForSafety: 1, notYetRecorded: 1 },
      screens: {
        total: 6,
        go: { count: 4, percent: 66.7 },
        modify: { count: 1, percent: 16.7 },
        hold: { count: 1, percent: 16.7 },
      },
      adverseEvents: {
        total: 3,
        byGrade: [
          { grade: 1, count: 1, per100: 20 },
          { grade: 2, count: 1, per100: 20 },
          { grade: 3, count: 0, per100: 0 },
          { grade: 4, count: 0, per100: 0 },
          { grade: 5, count: 0, per100: 0 },
          { grade: null, count: 1, per100: 20 },
        ],
        per100: 60,
        attendedSessions: 5,
      },
      reassessments: { done: 2, overdue: 1, activePatients: 3 },
    };
    expect(report).toMatchObject(expected);
    expect(report.sixMinuteWalk).toMatchObject({
      patients: 2,
      improved: { count: 1, percent: 50 },
      stable: 1,
      declined: 0,
      notJudged: 0,
      threshold: { value: 30, unit: 'm', clinicPolicy: true },
    });
    // The worker's figures are the service's own, run on the main connection.
    expect(clinicReport(t.ctx, march, '2026-05-01')).toEqual({ ...report, generatedAt: clock.toISOString() });

    // February on its own: Ben's grade 3 fall, one session each for Ana and Ben, no reassessment.
    const february = await call('reports.clinic', { from: '2026-02-01', to: '2026-02-28' });
    expect(february).toMatchObject({
      patientsSeen: 2,
      sessions: { booked: 2, attended: 2 },
      adverseEvents: { total: 1, per100: 50 },
      reassessments: { done: 0 },
      sixMinuteWalk: { patients: 0, improved: { count: 0, percent: null } },
    });
    expect(february.adverseEvents.byGrade[2]).toEqual({ grade: 3, count: 1, per100: 50 });
  });

  it('has nothing to divide by in an empty period, and says so rather than 0%', async () => {
    at('2026-05-01');
    const report = await call('reports.clinic', { from: '2020-01-01', to: '2020-01-31' });
    expect(report).toMatchObject({
      patientsSeen: 0,
      screens: { total: 0, go: { count: 0, percent: null } },
      adverseEvents: { total: 0, per100: null },
    });
  });

  it('is open to clinicians as well as administrators (the access gate refuses only adminChannels)', () => {
    for (const channel of ['reports.clinic', 'reports.exportClinicPdf', 'exports.patientRecordPdf']) {
      expect(adminChannels.has(channel), channel).toBe(false);
    }
  });

  it('refuses a period that ends before it starts or runs past five years, naming the field', async () => {
    const backwards = await t.dispatch('reports.clinic', { from: '2026-03-31', to: '2026-03-01' });
    expect(backwards).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { to: 'End of the period cannot be before its start' } },
    });
    const long = await t.dispatch('reports.clinic', { from: '2010-01-01', to: '2026-01-01' });
    expect(long).toMatchObject({ ok: false, error: { fields: { to: 'A report covers at most five years' } } });
    const notADate = await t.dispatch('reports.clinic', { from: '2026-02-30', to: '2026-03-01' });
    expect(notADate).toMatchObject({ ok: false, error: { fields: { from: expect.stringMatching(/real date/) } } });
  });

  it('exports the report as a PDF with the same figures, audited', async () => {
    await handCountedCaseload();
    const report = await call('reports.clinic', march);
    const document = clinicReportDocument(report, {
      clinicName: 'Riverside Cancer Exercise Clinic',
      dates: { order: 'DMY', monthNames: true },
      preparedBy: 'Alex Morgan',
    });
    const rows = document.blocks.flatMap((b) =>
      b.kind === 'table'
        ? b.rows.map((r) => r.join(' | '))
        : b.kind === 'fields'
          ? b.rows.map((r) => r.join(': '))
          : [],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        'Period: 1 Mar 2026 to 31 Mar 2026',
        'Patients seen: 3',
        'Booked | 10 | 100%',
        'Attended | 5 | 50.0%',
        'Go | 4 (66.7%)',
        'Go with modifications | 1 (16.7%)',
        'Hold | 1 (16.7%)',
        'Grade 2 | 1 | 20.0',
        'Not yet graded | 1 | 20.0',
        'All adverse events | 3 | 60.0',
        'Reassessments done: 2',
        'Overdue on 31 Mar 2026: 1 of 3 active patients',
        'Improved beyond the threshold: 1 (50.0%)',
      ]),
    );
    const result = await call('reports.exportClinicPdf', march);
    if (!result.saved) throw new Error('not saved');
    expect(result.fileName).toBe('clinic-report-2026-03-01-to-2026-03-31.pdf');
    expect(readFileSync(result.path).subarray(0, 5).toString()).toBe('%PDF-');
    const audit = t.ctx.sqlite
      .prepare("SELECT entity_id AS entityId, after_json AS after FROM audit_event WHERE entity = 'record_export'")
      .get() as { entityId: string; after: string };
    expect(audit.entityId).toBe('clinic_report');
    expect(JSON.parse(audit.after)).toMatchObject({
      kind: 'clinic_report_pdf',
      from: '2026-03-01',
      to: '2026-03-31',
      path: result.path,
      pages: result.pages,
    });
  });
});
