import { loadavg } from 'node:os';
import { caseloadSuite } from './caseload.bench';
import { intakeSuite } from './intake.bench';
import { sessionsSuite } from './sessions.bench';
import { assessmentsSuite } from './assessments.bench';
import { lettersSuite } from './letters.bench';
import { benchExports } from './exports.bench';
import { benchStandardExports } from './standardExports.bench';
import { dataSafetyBench } from './dataSafety.bench';
import { signInBench, signInToLargeCaseloadBench } from './access.bench';
import { generatePatients } from './generate';
import { openBenchCaseload, printTable, type BenchRow } from './harness';
import { warmIntakePages } from '../src/main/db/warm';
import { stopRenderer } from '../src/main/workers/render';
import type { BenchSuite } from './suite';

const allSuites: BenchSuite[] = [caseloadSuite, intakeSuite, sessionsSuite, assessmentsSuite, lettersSuite];
const extras = ['safety', 'exports', 'encryption'];
const usage = `Usage: npm run bench -- [patients, default 10000] [--only=${[...allSuites.map((s) => s.name), ...extras].join(',')}]
  (or BENCH_PATIENTS / BENCH_ONLY in the environment). --only prepares and times just those suites, so a
  reduced run takes seconds; its figures are for iterating, not for the quiet-machine table.`;

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? process.env.BENCH_ONLY ?? '';
const only = onlyArg
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const known = new Set([...allSuites.map((s) => s.name), ...extras]);
const unknown = only.filter((name) => !known.has(name));
const patients = Number(args.find((a) => !a.startsWith('--')) ?? process.env.BENCH_PATIENTS ?? 10_000);
if (!Number.isInteger(patients) || patients < 1 || unknown.length > 0 || args.includes('--help')) {
  if (unknown.length > 0) console.error(`Unknown suite: ${unknown.join(', ')}`);
  console.error(usage);
  process.exit(2);
}
const wanted = (name: string) => only.length === 0 || only.includes(name);
const suites = allSuites.filter((s) => wanted(s.name));

/** The 1-minute load average: above 1.0 on this two-core machine, something else was competing. */
function reportLoad(when: string): number {
  const [one, five, fifteen] = loadavg() as [number, number, number];
  console.log(
    `Load average ${when}: ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min), ${fifteen.toFixed(2)} (15 min)`,
  );
  return one;
}

const loadBefore = reportLoad('before');
const running = openBenchCaseload();
async function main() {
  let started = Date.now();
  const patientIds = generatePatients(running.ctx, patients);
  const context = { running, patients, patientIds };
  for (const suite of suites) suite.prepare?.(context);
  running.ctx.sqlite.exec('ANALYZE');
  console.log(
    `Synthetic caseload: ${patients.toLocaleString()} patients, built in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (only.length > 0 ? ` (reduced run: ${only.join(', ')} only)` : ''),
  );
  // The same caseload built again in an encrypted file, the suites prepared on it as on the first.
  // Each suite then runs on the plain file and at once on the encrypted one, so the two figures of
  // an operation are taken seconds apart, not minutes (the machine's noise drifts over a run).
  const built = Date.now();
  const encrypted = wanted('encryption') ? openBenchCaseload({ encrypted: true }) : null;
  const twin = encrypted && { running: encrypted, patients, patientIds: generatePatients(encrypted.ctx, patients) };
  if (encrypted && twin) {
    for (const suite of suites) suite.prepare?.(twin);
    encrypted.ctx.sqlite.exec('ANALYZE');
    // As the app does when a clinician signs in (startCaseload): the intake tables read once, decrypted
    // into the page cache. Here the file was empty at opening, so it is done once it is built.
    const warming = Date.now();
    const warmed = warmIntakePages(encrypted.ctx.sqlite);
    console.log(
      `Encrypted twin: intake tables warmed at sign-in, ${warmed.toLocaleString()} pages in ${Date.now() - warming} ms`,
    );
    console.log(
      `Encrypted twin: the same ${patients.toLocaleString()} patients in an encrypted file (SQLCipher v4 scheme), built in ${((Date.now() - built) / 1000).toFixed(1)} s`,
    );
  }
  started = Date.now();
  const rows: BenchRow[] = [];
  const encryptedRows: BenchRow[] = [];
  const signInLines: string[] = [];
  try {
    for (const suite of suites) {
      rows.push(...(await suite.run(context)));
      if (twin) encryptedRows.push(...(await suite.run(twin)));
    }
    // Last, as it closes the twin: signing in to it as a clinic would, through the launcher.
    if (encrypted) signInLines.push(...(await signInToLargeCaseloadBench(encrypted)));
  } finally {
    encrypted?.dispose();
  }
  console.log('');
  const tableMet = printTable(rows);
  const safetyMet = wanted('safety') ? await dataSafetyBench(running, rows) : true;
  const allMet = tableMet && safetyMet;
  console.log(
    `\n${allMet ? 'All targets met.' : 'Some targets were MISSED.'} (${((Date.now() - started) / 1000).toFixed(1)} s of timing)`,
  );
  if (wanted('exports')) {
    console.log('');
    for (const line of await benchExports(context)) console.log(line);
    for (const line of await benchStandardExports(context)) console.log(line);
  }
  if (twin) {
    console.log('');
    console.log(
      'Encryption at rest: every suite on the encrypted twin, each right after the same suite on the plain file:',
    );
    for (const line of encryptionTable(rows, encryptedRows)) console.log(line);
    console.log('');
    for (const line of await signInBench()) console.log(line);
    console.log('');
    for (const line of signInLines) console.log(line);
  }
}

/** Encryption may add at most 20 % to any operation's p95 (the access issue's budget). */
function encryptionTable(plain: BenchRow[], encrypted: BenchRow[]): string[] {
  const lines = [
    '| operation | unencrypted p95 | encrypted p95 | overhead | target | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of plain) {
    const other = encrypted.find((e) => e.operation === row.operation);
    if (!other) continue;
    const overhead = other.serviceP95Ms / row.serviceP95Ms - 1;
    lines.push(
      `| ${row.operation} | ${row.serviceP95Ms.toFixed(2)} ms | ${other.serviceP95Ms.toFixed(2)} ms | ${overhead >= 0 ? '+' : ''}${(overhead * 100).toFixed(1)} % | ≤ +20 % | ${overhead <= 0.2 ? 'met' : 'MISSED'} |`,
    );
  }
  return lines;
}
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopRenderer();
    running.dispose();
    const loadAfter = reportLoad('after');
    if (Math.max(loadBefore, loadAfter) > 1.0) {
      console.log(
        'WARNING: the 1-minute load average was above 1.0: other work was competing for the two cores, so these figures are noisy. Compare service with raw SQL within this run only; do not read a change against an earlier run as a regression.',
      );
    }
  });
