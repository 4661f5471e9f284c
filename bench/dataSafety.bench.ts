import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeAnchor } from '../src/main/db/anchor';
import { auditHead } from '../src/main/services/audit';
import { takeBackup } from '../src/main/services/backups';
import { reconcileInWorker } from '../src/main/services/reconcile';
import type { RunningCaseload } from '../src/main/caseload';
import type { BenchRow } from './harness';

/** Longest gap between 1 ms ticks of the main event loop while `work` runs: what the window would feel. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; totalMs: number; stallMs: number }> {
  let last = performance.now();
  let stall = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  try {
    const value = await work();
    return { value, totalMs: performance.now() - started, stallMs: stall };
  } finally {
    clearInterval(tick);
  }
}

/**
 * Data safety (issue 9): a backup's total time and the main thread's longest stall during it
 * (target < 50 ms), the full reconciliation (target < 30 s, in a worker), and the anchor's cost
 * beside "save a whole session" (target < 10 % more).
 */
export async function dataSafetyBench(running: RunningCaseload & { dir: string }, rows: BenchRow[]): Promise<boolean> {
  const lines: Array<[string, string, string, boolean]> = [];
  mkdirSync(join(running.dir, 'backups'), { recursive: true });
  const backup = await longestStall(() =>
    takeBackup(running.dir, join(running.dir, 'backups', 'bench.db'), new Date()),
  );
  lines.push(['backup (online, worker, checked): total', `${(backup.totalMs / 1000).toFixed(2)} s`, 'reported', true]);
  lines.push(['backup: longest main-thread stall', `${backup.stallMs.toFixed(1)} ms`, '< 50 ms', backup.stallMs < 50]);

  const reconciliation = await longestStall(() => reconcileInWorker(running.caseload.path, running.dir, new Date()));
  lines.push([
    `reconciliation (${reconciliation.value.rowsChecked.toLocaleString()} records, worker)`,
    `${(reconciliation.totalMs / 1000).toFixed(2)} s`,
    '< 30 s',
    reconciliation.totalMs < 30_000,
  ]);
  lines.push([
    'reconciliation: longest main-thread stall',
    `${reconciliation.stallMs.toFixed(1)} ms`,
    '< 50 ms',
    reconciliation.stallMs < 50,
  ]);

  // The anchor is written once per acknowledged write: head lookup, small file, rename (it is
  // flushed to the disk when the caseload is idle and at close, as the caseload does).
  const head = auditHead(running.ctx.sqlite)!;
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    const now = auditHead(running.ctx.sqlite) ?? head;
    writeAnchor(running.dir, { seq: now.seq, hash: now.hash, at: new Date().toISOString() }, { flush: false });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const anchorMedian = samples[Math.floor(samples.length / 2)]!;
  const session = rows.find((row) => row.operation.startsWith('save a whole session'));
  if (session) {
    const share = (anchorMedian / session.serviceMedianMs) * 100;
    lines.push([
      'anchor write after "save a whole session"',
      `${anchorMedian.toFixed(3)} ms (+${share.toFixed(1)} %)`,
      '< 10 %',
      share < 10,
    ]);
  }
  console.log('\nData safety');
  for (const [what, value, target, ok] of lines) {
    console.log(`| ${what.padEnd(52)} | ${value.padEnd(22)} | ${target.padEnd(8)} | ${ok ? 'met' : 'MISSED'} |`);
  }
  return lines.every((line) => line[3]);
}
