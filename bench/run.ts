import { caseloadSuite } from './caseload.bench';
import { intakeSuite } from './intake.bench';
import { sessionsSuite } from './sessions.bench';
import { assessmentsSuite } from './assessments.bench';
import { lettersSuite } from './letters.bench';
import { benchExports } from './exports.bench';
import { dataSafetyBench } from './dataSafety.bench';
import { generatePatients } from './generate';
import { openBenchCaseload, printTable, type BenchRow } from './harness';
import { stopRenderer } from '../src/main/workers/render';
import type { BenchSuite } from './suite';

const suites: BenchSuite[] = [caseloadSuite, intakeSuite, sessionsSuite, assessmentsSuite, lettersSuite];

const patients = Number(process.argv[2] ?? 10_000);
if (!Number.isInteger(patients) || patients < 1) {
  console.error('Usage: npm run bench -- [number of patients, default 10000]');
  process.exit(2);
}

const running = openBenchCaseload();
async function main() {
  let started = Date.now();
  const patientIds = generatePatients(running.ctx, patients);
  const context = { running, patients, patientIds };
  for (const suite of suites) suite.prepare?.(context);
  running.ctx.sqlite.exec('ANALYZE');
  console.log(
    `Synthetic caseload: ${patients.toLocaleString()} patients, built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  started = Date.now();
  const rows: BenchRow[] = [];
  for (const suite of suites) rows.push(...(await suite.run(context)));
  console.log('');
  const tableMet = printTable(rows);
  const safetyMet = await dataSafetyBench(running, rows);
  const allMet = tableMet && safetyMet;
  console.log(
    `\n${allMet ? 'All targets met.' : 'Some targets were MISSED.'} (${((Date.now() - started) / 1000).toFixed(1)} s of timing)`,
  );
  console.log('');
  for (const line of await benchExports(context)) console.log(line);
}
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopRenderer();
    running.dispose();
  });
