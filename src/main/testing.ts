import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCaseload, type RunningCaseload } from './caseload';
import { completeSetup } from './services/settings';

export const MIGRATIONS_DIR = resolve(__dirname, '../../migrations');

export function tempDir(prefix = 'pacewise-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real caseload file in a fresh folder, migrated with the real migrations, clinic set up. */
export function openTestCaseload(
  options: { setUp?: boolean; now?: () => Date } = {},
): RunningCaseload & { dir: string } {
  const dir = tempDir();
  const running = startCaseload({
    dataDir: dir,
    migrationsDir: MIGRATIONS_DIR,
    appVersion: 'test',
    log: () => undefined,
    ...(options.now ? { now: options.now } : {}),
  });
  if (options.setUp !== false) {
    completeSetup(running.ctx, {
      clinicName: 'Riverside Cancer Exercise Clinic',
      clinician: { fullName: 'Alex Morgan', profession: 'exercise_physiologist', registrationNumber: 'AEP-1234' },
    });
  }
  return {
    ...running,
    dir,
    close() {
      running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
