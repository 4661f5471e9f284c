import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ExportResult } from '../src/shared/contract/exports';
import { addDays, todayLocal } from '../src/shared/dates';
import type { ServiceContext } from '../src/main/context';
import type { Dispatch } from '../src/main/dispatch';
import { exportCaseloadCsv } from '../src/main/services/exports/caseloadCsv';
import { readPatientRecord } from '../src/main/services/exports/patientRecord';
import { exportPatientRecord } from '../src/main/services/exports/recordExport';
import { folderExportTarget } from '../src/main/services/exports/target';
import { clinicReportFor } from '../src/main/services/reports/reports';
import { normalScreen, seedPatient } from '../src/main/testSeed';
import type { BenchContext } from './suite';

/** Runs `work` while watching the main event loop: its total time and the longest stall it caused. */
async function watched<T>(
  work: () => Promise<T>,
): Promise<{ value: T; totalMs: number; stallMs: number; p99Ms: number }> {
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  const started = performance.now();
  const value = await work();
  const totalMs = performance.now() - started;
  delay.disable();
  return { value, totalMs, stallMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
}

async function call(dispatch: Dispatch, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/**
 * A patient with 300 signed sessions (three a week for two years: a screen, six logged exercises,
 * after-session scores and notes each) and a baseline and reassessment, through the real channels.
 */
async function patientWith300Sessions(ctx: ServiceContext, dispatch: Dispatch): Promise<string> {
  const patientId = seedPatient(ctx, { mrn: 'BENCH-300', given: 'Three', family: 'Hundred', lesions: ['pelvis'] });
  const exercises = (await call(dispatch, 'exercises.list', {})) as Array<{ id: string }>;
  const entries = exercises.slice(0, 6).map((e, i) => ({
    exerciseId: e.id,
    planned: false,
    sets: 2,
    reps: 12,
    loadKg: i,
    rpe: 12,
    outcome: 'completed',
    // The pelvic lesion restricts some of them: the override is written into the record, as in clinic.
    overrideNote: 'Reviewed with the physiotherapist: supported range only',
  }));
  const first = addDays(todayLocal(ctx.now()), -(300 / 3) * 7);
  await call(dispatch, 'intake.saveClearance', {
    patientId,
    receivedOn: addDays(first, -7),
    receivedFromName: 'Dr Bench',
    decision: 'no_restrictions',
    reviewBy: addDays(todayLocal(ctx.now()), 365),
  });
  for (let i = 0; i < 300; i++) {
    const date = addDays(first, Math.floor(i / 3) * 7 + (i % 3) * 2);
    const { sessionId } = (await call(dispatch, 'bookings.create', { patientId, date, startTime: '09:00' })) as {
      sessionId: string;
    };
    await call(dispatch, 'sessions.sign', {
      sessionId,
      screen: { ...normalScreen(), fatigue0to10: 3 },
      entries,
      after: { sbp: 124, dbp: 78, restingHr: 82, spo2: 97, rpeOverall: 12, fatigue: 3, pain: 1 },
      notes: `Session ${i + 1}: tolerated well; progressed the sit-to-stand by one repetition.`,
    });
  }
  return patientId;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Exports on the bench caseload: the whole-caseload CSV's total time and the longest stretch the
 * main event loop is blocked while it runs (target under 50 ms, as for a backup); reading one
 * patient's complete record; a patient of 300 sessions exported as the readable PDF and as JSON
 * (read and made in the document worker); and the clinic report for a quarter and a year.
 */
export async function benchExports({ running, patientIds }: BenchContext): Promise<string[]> {
  const { ctx } = running;
  const folder = join(ctx.dataDirectory, 'bench-exports');
  ctx.exportTarget = folderExportTarget(folder);
  const csv = await watched(() => exportCaseloadCsv(ctx));
  const result = csv.value;

  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    readPatientRecord(ctx.sqlite, patientIds[(i * 7919) % patientIds.length]!, ctx.appVersion);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);

  const big = await patientWith300Sessions(ctx, running.dispatch);
  // The worker's first start (loading pdfmake and the record code) is paid once per app run.
  const warm = await watched(() => exportPatientRecord(ctx, patientIds[0]!, 'pdf'));
  const record: Record<'pdf' | 'json', Array<{ totalMs: number; stallMs: number; value: ExportResult }>> = {
    pdf: [],
    json: [],
  };
  for (let i = 0; i < 3; i++) {
    for (const format of ['pdf', 'json'] as const)
      record[format].push(await watched(() => exportPatientRecord(ctx, big, format)));
  }
  const describe = (format: 'pdf' | 'json') => {
    const runs = record[format];
    const last = runs.at(-1)!.value;
    const size = last.saved ? `${(last.sizeBytes / 1_048_576).toFixed(1)} MB` : '';
    const pages = last.saved && last.pages ? `${last.pages} pages, ` : '';
    const stall = Math.max(...runs.map((r) => r.stallMs));
    return `patient of 300 sessions, record as ${format.toUpperCase()} (read and made in the document worker): median ${seconds(median(runs.map((r) => r.totalMs)))} of 3 (${pages}${size}); longest main-thread stall ${stall.toFixed(1)} ms (target < 50 ms) ${stall < 50 ? 'met' : 'MISSED'}`;
  };

  const today = todayLocal(ctx.now());
  const reports: string[] = [];
  for (const [label, days] of [
    ['a quarter', 91],
    ['a year', 365],
  ] as const) {
    const run = await watched(() => clinicReportFor(ctx, { from: addDays(today, -days), to: today }));
    reports.push(
      `clinic report for ${label} (counted in the document worker): ${seconds(run.totalMs)}, ${run.value.sessions.booked.toLocaleString()} sessions; longest main-thread stall ${run.stallMs.toFixed(1)} ms (target < 50 ms) ${run.stallMs < 50 ? 'met' : 'MISSED'}`,
    );
  }

  rmSync(folder, { recursive: true, force: true });
  const rows = result.saved
    ? `${result.rows.toLocaleString()} rows, ${(result.sizeBytes / 1_048_576).toFixed(1)} MB zipped`
    : '';
  return [
    `caseload export (CSV zip): ${(csv.totalMs / 1000).toFixed(2)} s total (${rows}); longest main-thread stall ${csv.stallMs.toFixed(1)} ms, p99 ${csv.p99Ms.toFixed(1)} ms (target < 50 ms) ${csv.stallMs < 50 ? 'met' : 'MISSED'}`,
    `one patient's record (JSON export read): median ${samples[25]!.toFixed(2)} ms, p95 ${samples[47]!.toFixed(2)} ms`,
    `first record PDF of the run (starts the document worker): ${seconds(warm.totalMs)}; longest main-thread stall ${warm.stallMs.toFixed(1)} ms`,
    describe('pdf'),
    describe('json'),
    ...reports,
  ];
}
