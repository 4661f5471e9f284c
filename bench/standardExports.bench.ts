import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChannelName, InputOf, OutputOf } from '../src/shared/contract';
import { addDays, todayLocal } from '../src/shared/dates';
import { exportPatientFhir } from '../src/main/services/exports/fhir/export';
import { exportResearch, researchExportProgress } from '../src/main/services/exports/research/export';
import { folderExportTarget } from '../src/main/services/exports/target';
import { seedFullRecord } from '../src/main/testRecordCase';
import type { BenchContext } from './suite';

const LONG_HISTORY = 300;

/** `--expose-gc` (npm run bench passes it): start clean, so a collection owed to the set-up is not timed. */
const collect = (globalThis as { gc?: () => void }).gc;

/** Times an export and the longest stretch the main event loop was blocked meanwhile (target < 50 ms). */
async function watched<T>(run: () => Promise<T>): Promise<{ value: T; totalMs: number; stallMs: number }> {
  collect?.();
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  const started = performance.now();
  const value = await run();
  const totalMs = performance.now() - started;
  delay.disable();
  return { value, totalMs, stallMs: delay.max / 1e6 };
}

const verdict = (stallMs: number) => `(target < 50 ms) ${stallMs < 50 ? 'met' : 'MISSED'}`;

/**
 * The exports in the forms others read (issue 24): one patient with a long history as a FHIR
 * Bundle, and the whole bench caseload as the de-identified research set. Both run in the
 * maintenance worker; what is timed is the whole call and the main thread's longest stall.
 */
export async function benchStandardExports({ running }: BenchContext): Promise<string[]> {
  const { ctx } = running;
  const folder = join(ctx.dataDirectory, 'bench-standard-exports');
  ctx.exportTarget = folderExportTarget(folder);
  const call = async <K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const result = await running.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as OutputOf<K>;
  };
  const today = todayLocal(ctx.now());
  // A realistic record (lesions, assessments, a finalised letter) through the channels, then a
  // signed session with a full screen and four exercises for each of 300 days before it.
  const { patientId } = await seedFullRecord(call, {
    mrn: 'BENCH-FHIR-300',
    givenName: 'Long',
    familyName: 'History',
    today,
  });
  const exerciseIds = (ctx.sqlite.prepare('SELECT id FROM exercise LIMIT 4').all() as Array<{ id: string }>).map(
    (e) => e.id,
  );
  const actor = ctx.session.clinicianId!;
  const at = ctx.now().toISOString();
  const session = ctx.sqlite.prepare(
    `INSERT INTO session (id, patient_id, date, start_time, attendance, decision, screen_json, fired_rules_json,
       occurred_at, signed_at, signed_by, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, '09:00', 'attended', 'go', ?, '[]', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const entry = ctx.sqlite.prepare(
    `INSERT INTO exercise_entry (id, session_id, position, exercise_id, planned, sets, reps, rpe, outcome,
       created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, 1, 2, 12, 13, 'completed', ?, ?, ?, ?)`,
  );
  const screen = JSON.stringify({ restingHr: 74, sbp: 126, dbp: 78, spo2: 97, temperatureC: 36.6, redFlags: [] });
  ctx.sqlite.transaction(() => {
    for (let day = 1; day <= LONG_HISTORY - 3; day++) {
      const id = ctx.newId();
      const occurred = new Date(`${addDays(today, -10 - day)}T09:05:00`).toISOString();
      session.run(id, patientId, addDays(today, -10 - day), screen, occurred, occurred, actor, at, actor, at, actor);
      exerciseIds.forEach((exerciseId, position) =>
        entry.run(ctx.newId(), id, position, exerciseId, at, actor, at, actor),
      );
    }
  })();

  const fhir = await watched(() => exportPatientFhir(ctx, patientId));
  const fhirLine = fhir.value.saved
    ? `FHIR export of one patient with ${LONG_HISTORY} sessions: ${(fhir.totalMs / 1000).toFixed(2)} s total, ` +
      `${fhir.value.resources.toLocaleString()} resources, ${(fhir.value.sizeBytes / 1_048_576).toFixed(1)} MB ` +
      `(${(JSON.parse(readFileSync(fhir.value.path, 'utf8')) as { entry: unknown[] }).entry.length} entries read back); ` +
      `longest main-thread stall ${fhir.stallMs.toFixed(1)} ms ${verdict(fhir.stallMs)}`
    : 'FHIR export: not saved';

  let reports = 0;
  let last = '';
  const poll = setInterval(() => {
    const now = researchExportProgress(ctx);
    if (now && `${now.stage}${now.done}` !== last) {
      reports += 1;
      last = `${now.stage}${now.done}`;
    }
  }, 50);
  const research = await watched(() => exportResearch(ctx));
  clearInterval(poll);
  // Again, with every study id already kept: the worker's part alone.
  const again = await watched(() => exportResearch(ctx));
  rmSync(folder, { recursive: true, force: true });
  const researchLine = research.value.saved
    ? `research export (de-identified, REDCap) of the bench caseload: ${(research.totalMs / 1000).toFixed(2)} s total ` +
      `(${research.value.patients.toLocaleString()} participants given study ids and written, ${research.value.rows.toLocaleString()} rows in ` +
      `${research.value.forms} forms, ${(research.value.sizeBytes / 1_048_576).toFixed(1)} MB zipped; ${reports} progress steps seen); ` +
      `longest main-thread stall ${research.stallMs.toFixed(1)} ms ${verdict(research.stallMs)}`
    : 'research export: not saved';
  const againLine =
    `research export again (study ids already kept): ${(again.totalMs / 1000).toFixed(2)} s total; ` +
    `longest main-thread stall ${again.stallMs.toFixed(1)} ms ${verdict(again.stallMs)}`;
  return [fhirLine, researchLine, againLine];
}
