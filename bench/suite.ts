import type { RunningCaseload } from '../src/main/caseload';
import type { BenchRow } from './harness';

export interface BenchContext {
  running: RunningCaseload;
  patients: number;
  patientIds: string[];
}

/** One workflow's benchmarks; each adds its own synthetic rows in `prepare` before timing. */
export interface BenchSuite {
  name: string;
  prepare?(context: BenchContext): void;
  run(context: BenchContext): BenchRow[] | Promise<BenchRow[]>;
}
