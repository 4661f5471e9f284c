import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readKeyring, unwrapForClinician } from '../src/main/db/keyring';
import { launchCaseload } from '../src/main/launch';
import { TEST_ADMIN, TEST_SET_UP } from '../src/main/testing';

const MIGRATIONS = resolve(__dirname, '../migrations');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Sign-in with the real scrypt cost: the key derivation alone, and the whole sign-in a clinician
 * waits for (derive, unwrap, open and check the encrypted caseload, audit the sign-in).
 */
export async function signInBench(runs = 8): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pacewise-bench-signin-'));
  const options = {
    dataDir: dir,
    migrationsDir: MIGRATIONS,
    appVersion: 'bench',
    log: () => undefined,
    dialogs: { chooseBackupFolder: async () => null, chooseBackupFile: async () => null },
  };
  try {
    const first = launchCaseload(options);
    const setUp = await first.dispatch('access.setUp', TEST_SET_UP);
    if (!setUp.ok) throw new Error(setUp.error.message);
    first.close();
    const ring = readKeyring(dir)!;
    const derive: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      await unwrapForClinician(ring, TEST_ADMIN.login, TEST_ADMIN.passphrase);
      derive.push(performance.now() - start);
      const launched = launchCaseload(options);
      start = performance.now();
      const result = await launched.dispatch('access.signIn', TEST_ADMIN);
      whole.push(performance.now() - start);
      launched.close();
      if (!result.ok) throw new Error(result.error.message);
    }
    derive.sort((a, b) => a - b);
    whole.sort((a, b) => a - b);
    const verdict = (p95: number) => (p95 >= 100 && p95 <= 800 ? 'met' : 'MISSED');
    return [
      '| sign-in (scrypt N=2^16, r=8) | p50 | p95 | target | verdict |',
      '| --- | --- | --- | --- | --- |',
      `| key derivation and unwrap | ${percentile(derive, 50).toFixed(0)} ms | ${percentile(derive, 95).toFixed(0)} ms | 100–800 ms | ${verdict(percentile(derive, 95))} |`,
      `| whole sign-in (derive, open encrypted caseload, audit) | ${percentile(whole, 50).toFixed(0)} ms | ${percentile(whole, 95).toFixed(0)} ms | 100–800 ms | ${verdict(percentile(whole, 95))} |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
