import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { exportCaseloadCsv } from '../src/main/services/exports/caseloadCsv';
import { readPatientRecord } from '../src/main/services/exports/patientRecord';
import { folderExportTarget } from '../src/main/services/exports/target';
import type { BenchContext } from './suite';

/**
 * Exports on the bench caseload: the whole-caseload CSV's total time and the longest stretch the
 * main event loop is blocked while it runs (target under 50 ms, as for a backup), and reading one
 * patient's complete record for the JSON export.
 */
export async function benchExports({ running, patientIds }: BenchContext): Promise<string[]> {
  const { ctx } = running;
  const folder = join(ctx.dataDirectory, 'bench-exports');
  ctx.exportTarget = folderExportTarget(folder);
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  const started = performance.now();
  const result = await exportCaseloadCsv(ctx);
  const total = performance.now() - started;
  delay.disable();
  const stallMs = delay.max / 1e6;
  const p99Ms = delay.percentile(99) / 1e6;

  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    readPatientRecord(ctx.sqlite, patientIds[(i * 7919) % patientIds.length]!, ctx.appVersion);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  rmSync(folder, { recursive: true, force: true });
  const rows = result.saved
    ? `${result.rows.toLocaleString()} rows, ${(result.sizeBytes / 1_048_576).toFixed(1)} MB zipped`
    : '';
  return [
    `caseload export (CSV zip): ${(total / 1000).toFixed(2)} s total (${rows}); longest main-thread stall ${stallMs.toFixed(1)} ms, p99 ${p99Ms.toFixed(1)} ms (target < 50 ms) ${stallMs < 50 ? 'met' : 'MISSED'}`,
    `one patient's record (JSON export read): median ${samples[25]!.toFixed(2)} ms, p95 ${samples[47]!.toFixed(2)} ms`,
  ];
}
