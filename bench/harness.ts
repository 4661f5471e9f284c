import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCaseload, type RunningCaseload } from '../src/main/caseload';
import { setUpTestClinic } from '../src/main/testing';
import { forgetDataKey, newDataKey, rememberDataKey } from '../src/main/db/keyring';

export interface BenchRow {
  operation: string;
  serviceMedianMs: number;
  serviceP95Ms: number;
  rawMedianMs: number;
  rawP95Ms: number;
  targetP95Ms: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Calls made before the timed ones (each consumes an index, like a timed call). */
export const WARM_UP = 100;

/** `--expose-gc` (npm run bench passes it) gives each timed phase a clean heap to start from. */
const collect = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;

function time(fn: () => unknown, iterations: number): { median: number; p95: number } {
  // Start clean, so neither the service nor the raw SQL pays for garbage the other (or the previous
  // operation) left behind; what each allocates itself it still pays for, inside its own samples.
  // The full collection comes before the warm-up, not after it: right after a forced full
  // collection V8 runs the next fifty or so calls of JavaScript-heavy code (the service, not the
  // raw SQL) at about twice their steady cost while it re-warms, which put that start-up cost into
  // the p95 of every service row. The warm-up also fills the statement cache and the pages; a minor
  // collection after it clears the warm-up's own garbage without that re-warming.
  collect?.();
  for (let i = 0; i < Math.min(WARM_UP, iterations); i++) fn();
  collect?.({ type: 'minor' });
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * Times the service call and the same query written by hand in raw SQL, interleaved in the same
 * run, so machine noise affects both alike.
 */
export function compare(
  operation: string,
  targetP95Ms: number,
  service: (i: number) => unknown,
  raw: (i: number) => unknown,
  iterations = 400,
): BenchRow {
  let i = 0;
  let j = 0;
  const s = time(() => service(i++), iterations);
  const r = time(() => raw(j++), iterations);
  return {
    operation,
    serviceMedianMs: s.median,
    serviceP95Ms: s.p95,
    rawMedianMs: r.median,
    rawP95Ms: r.p95,
    targetP95Ms,
  };
}

async function timeAsync(fn: () => Promise<unknown>, iterations: number, warmup: number) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** `compare` for work that completes asynchronously (a worker thread rendering a document). */
export async function compareAsync(
  operation: string,
  targetP95Ms: number,
  service: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  iterations = 40,
): Promise<BenchRow> {
  const s = await timeAsync(service, iterations, 5);
  const r = await timeAsync(raw, iterations, 5);
  return {
    operation,
    serviceMedianMs: s.median,
    serviceP95Ms: s.p95,
    rawMedianMs: r.median,
    rawP95Ms: r.p95,
    targetP95Ms,
  };
}

export function printTable(rows: BenchRow[]): boolean {
  const header = [
    'operation',
    'service median',
    'service p95',
    'raw SQL median',
    'raw SQL p95',
    'ratio (p95)',
    'target p95',
    'verdict',
  ];
  const lines = rows.map((row) => {
    const ratio = row.serviceP95Ms / row.rawP95Ms;
    const ok = row.serviceP95Ms <= row.targetP95Ms && ratio <= 2;
    return [
      row.operation,
      `${row.serviceMedianMs.toFixed(3)} ms`,
      `${row.serviceP95Ms.toFixed(3)} ms`,
      `${row.rawMedianMs.toFixed(3)} ms`,
      `${row.rawP95Ms.toFixed(3)} ms`,
      `${ratio.toFixed(2)}×`,
      `< ${row.targetP95Ms} ms`,
      ok ? 'met' : 'MISSED',
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(fmt(line));
  return rows.every((row) => row.serviceP95Ms <= row.targetP95Ms && row.serviceP95Ms / row.rawP95Ms <= 2);
}

/**
 * Opens the bench caseload: the one place the benches open their database (a new temporary folder,
 * set up, by default; or an app's existing, already set-up folder, for the UI bench to seed). Any
 * other way of opening it (encrypted, say) belongs here so every bench uses it alike.
 */
export function openBenchCaseload(
  options: { dataDir?: string; encrypted?: boolean } = {},
): RunningCaseload & { dir: string; dispose(): void } {
  const existing = options.dataDir !== undefined;
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pacewise-bench-'));
  // A new folder encrypted from its first page, as the app creates one (the key held in memory only).
  if (options.encrypted && !existing) rememberDataKey(dir, newDataKey());
  const running = startCaseload({
    dataDir: dir,
    migrationsDir: resolve(__dirname, '../migrations'),
    appVersion: 'bench',
  });
  if (!existing) setUpTestClinic(running.ctx, 'Bench Clinic');
  return {
    ...running,
    dir,
    dispose() {
      running.close();
      if (options.encrypted && !existing) forgetDataKey(dir);
      if (!existing) rmSync(dir, { recursive: true, force: true });
    },
  };
}
