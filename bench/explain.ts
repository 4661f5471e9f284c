/**
 * Prints SQLite's EXPLAIN QUERY PLAN for every statement the timed service calls prepare, on a
 * (reduced) bench caseload: `npm run bench:explain -- [patients] --only=intake,assessments`.
 */
import { listCaseload } from '../src/main/services/intake/caseload';
import { progressOverview } from '../src/main/services/assessments/progress';
import { todayLocal } from '../src/shared/dates';
import { caseloadSuite } from './caseload.bench';
import { intakeSuite } from './intake.bench';
import { assessmentsSuite } from './assessments.bench';
import { generatePatients } from './generate';
import { openBenchCaseload } from './harness';

const patients = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 2_000);
const running = openBenchCaseload();
try {
  const patientIds = generatePatients(running.ctx, patients);
  const context = { running, patients, patientIds };
  for (const suite of [caseloadSuite, intakeSuite, assessmentsSuite]) suite.prepare?.(context);
  running.ctx.sqlite.exec('ANALYZE');
  const { ctx } = running;
  const sqlite = ctx.sqlite;
  // Every statement a call runs, with the values it was bound to (the plan can depend on them).
  const seen: Array<{ source: string; args: unknown[] }> = [];
  const original = sqlite.prepare.bind(sqlite);
  (sqlite as { prepare: unknown }).prepare = (source: string) => {
    const statement = original(source);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const inner = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        if (recording) seen.push({ source, args });
        return inner(...args);
      };
    }
    return statement;
  };
  let recording = false;
  const base = { query: '', flag: null, clinicianId: null, direction: 'asc' as const, offset: 0, limit: 25 };
  const statuses: Array<'referred' | 'active' | 'on_hold'> = ['active', 'on_hold', 'referred'];
  const target = (
    original('SELECT patient_id AS id FROM assessment GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1').get() as {
      id: string;
    }
  ).id;
  const calls: Array<[string, () => unknown]> = [
    ['caseload all flags', () => listCaseload(ctx, { ...base, statuses, sort: 'name' })],
    [
      'caseload clearance expiring',
      () => listCaseload(ctx, { ...base, statuses, flag: 'clearance_expiring', sort: 'clearance' }),
    ],
    ['progress screen', () => progressOverview(ctx, target)],
  ];
  console.log(`today ${todayLocal(ctx.now())}`);
  for (const [name, call] of calls) {
    call(); // prepares (and caches) the statements
    seen.length = 0;
    recording = true;
    call();
    recording = false;
    console.log(`\n=== ${name}: ${seen.length} statements run`);
    for (const { source, args } of seen) {
      console.log(`\n${source.replace(/\s+/g, ' ').slice(0, 700)}`);
      const plan = original(`EXPLAIN QUERY PLAN ${source}`).all(...args) as Array<{
        id: number;
        parent: number;
        detail: string;
      }>;
      for (const step of plan) console.log(`  ${step.parent ? '    ' : ''}${step.detail}`);
    }
  }
} finally {
  running.dispose();
}
