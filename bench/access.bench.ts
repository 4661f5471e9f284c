import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunningCaseload } from '../src/main/caseload';
import { auditKeyPath, readAuditKey, serialiseAuditKey } from '../src/main/db/auditKey';
import {
  dataKeyFor,
  forgetDataKey,
  newRecoveryKey,
  readKeyring,
  sealAuditKey,
  sealRoles,
  unwrapForClinician,
  wrapForClinician,
  wrapForRecovery,
  writeKeyring,
} from '../src/main/db/keyring';
import { launchCaseload } from '../src/main/launch';
import { TEST_ADMIN, TEST_SET_UP } from '../src/main/testing';

const MIGRATIONS = resolve(__dirname, '../migrations');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The launcher on a bench folder, as the app starts it (the real scrypt cost: no test KDF). */
const launchOptions = (dir: string) => ({
  dataDir: dir,
  migrationsDir: MIGRATIONS,
  appVersion: 'bench',
  log: () => undefined,
  dialogs: { chooseBackupFolder: async () => null, chooseBackupFile: async () => null },
});

/**
 * Sign-in with the real scrypt cost: the key derivation alone, and the whole sign-in a clinician
 * waits for (derive, unwrap, open and check the encrypted caseload, audit the sign-in).
 */
export async function signInBench(runs = 8): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pacewise-bench-signin-'));
  const options = launchOptions(dir);
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

/**
 * Sign-in to the first caseload page on the bench's large encrypted caseload (issue 25's target:
 * under 500 ms p95 at 10,000 patients), the way the app opens it: the cheap checks before the
 * caseload shows and the full page check in the maintenance worker right after. The same opening
 * with the check inline (before the caseload shows, as until now) is timed beside it.
 * `twin` is closed and given a key ring here; the caller disposes of its folder.
 */
export async function signInToLargeCaseloadBench(twin: RunningCaseload & { dir: string }, runs = 8): Promise<string[]> {
  const dir = twin.dir;
  const dataKey = dataKeyFor(dir)!;
  const auditKey = readAuditKey(dir)!;
  const admin = twin.ctx.sqlite.prepare("SELECT id FROM clinician WHERE login = 'alex'").pluck().get() as string;
  const patients = twin.ctx.sqlite.prepare('SELECT count(*) FROM patient').pluck().get() as number;
  twin.close();
  // As set-up leaves an encrypted folder: the key wrapped for the administrator (the real scrypt cost).
  writeKeyring(dir, {
    format: 'pacewise-keyring',
    version: 1,
    clinicians: [await wrapForClinician(dataKey, admin, TEST_ADMIN.login, TEST_ADMIN.passphrase)],
    recovery: wrapForRecovery(dataKey, newRecoveryKey().secret),
    auditKey: sealAuditKey(dataKey, serialiseAuditKey(auditKey, new Date())),
    pending: [],
    deactivated: [],
    roles: sealRoles(dataKey, { [admin]: 'administrator' }),
  });
  rmSync(auditKeyPath(dir), { force: true });
  forgetDataKey(dir);
  const options = launchOptions(dir);
  const ring = readKeyring(dir)!;
  const time = async (checkAfterOpen: boolean) => {
    // The key derivation alone, just before: what the opening adds to it is the rest.
    let start = performance.now();
    await unwrapForClinician(ring, TEST_ADMIN.login, TEST_ADMIN.passphrase);
    const derive = performance.now() - start;
    const launched = launchCaseload({ ...options, checkAfterOpen });
    start = performance.now();
    const signedIn = await launched.dispatch('access.signIn', TEST_ADMIN);
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const page = await launched.dispatch('caseload.list', {});
    const ready = performance.now() - start;
    if (!page.ok) throw new Error(page.error.message);
    await launched.settled();
    const checked = performance.now() - start;
    if (!launched.running()) throw new Error('The caseload failed its check after sign-in');
    launched.close();
    return { ready, checked, opening: ready - derive };
  };
  const after: Array<{ ready: number; checked: number; opening: number }> = [];
  const before: Array<{ ready: number; opening: number }> = [];
  for (let i = 0; i < runs; i++) after.push(await time(true));
  for (let i = 0; i < Math.max(2, runs / 4); i++) before.push(await time(false));
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const ready = sorted(after.map((r) => r.ready));
  const checked = sorted(after.map((r) => r.checked));
  const opening = sorted(after.map((r) => r.opening));
  const inline = sorted(before.map((r) => r.ready));
  const inlineOpening = sorted(before.map((r) => r.opening));
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return [
    `| sign-in on ${patients.toLocaleString()} patients, encrypted | p50 | p95 | target | verdict |`,
    '| --- | --- | --- | --- | --- |',
    `| sign-in to the first caseload page (check after, in the worker) | ${ms(percentile(ready, 50))} | ${ms(percentile(ready, 95))} | < 500 ms | ${percentile(ready, 95) < 500 ? 'met' : 'MISSED'} |`,
    `| … until the worker's full page check is done (not waited for) | ${ms(percentile(checked, 50))} | ${ms(percentile(checked, 95))} | | |`,
    `| sign-in to the first caseload page with the check inline (before) | ${ms(percentile(inline, 50))} | ${ms(percentile(inline, 95))} | | |`,
    `| the same, less the key derivation (scrypt), check after | ${ms(percentile(opening, 50))} | ${ms(percentile(opening, 95))} | | |`,
    `| the same, less the key derivation (scrypt), check inline | ${ms(percentile(inlineOpening, 50))} | ${ms(percentile(inlineOpening, 95))} | | |`,
  ];
}
