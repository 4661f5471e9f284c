import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCaseload, type RunningCaseload } from './caseload';
import type { ServiceContext } from './context';
import { createClinic } from './services/settings';
import { readKeyring, rememberDataKey, unwrapForClinician, writeKeyring } from './db/keyring';

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
    setUpTestClinic(running.ctx);
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

/**
 * The clinic and its first administrator, signed in, straight through the services: for tests of
 * services on an unencrypted file. Sign-in, passphrases and encryption are tested through the launcher.
 */
export function setUpTestClinic(ctx: ServiceContext, clinicName = 'Riverside Cancer Exercise Clinic'): string {
  const id = createClinic(ctx, clinicName, {
    fullName: 'Alex Morgan',
    profession: 'exercise_physiologist',
    registrationNumber: 'AEP-1234',
    login: 'alex',
    role: 'administrator',
  });
  ctx.session.clinicianId = id;
  return id;
}

/** Cheap scrypt for tests that sign in many times (the real cost is keyring.PASSPHRASE_KDF). */
export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 } as const;
export const TEST_ADMIN = { login: 'alex', passphrase: 'river stones at dawn' } as const;
/** A second account, a clinician (not an administrator), for the access scenarios. */
export const TEST_CLINICIAN_SIGN_IN = { login: 'jordan', passphrase: 'kelp forest morning swim' } as const;
export const TEST_CLINICIAN = {
  fullName: 'Jordan Lee',
  profession: 'physiotherapist',
  registrationNumber: null,
  login: TEST_CLINICIAN_SIGN_IN.login,
  role: 'clinician',
  passphrase: TEST_CLINICIAN_SIGN_IN.passphrase,
  confirmPassphrase: TEST_CLINICIAN_SIGN_IN.passphrase,
} as const;

/** access.setUp's input for the test clinic's first administrator. */
export const TEST_SET_UP = {
  clinicName: 'Riverside Cancer Exercise Clinic',
  clinician: {
    fullName: 'Alex Morgan',
    profession: 'exercise_physiologist',
    registrationNumber: 'AEP-1234',
    login: TEST_ADMIN.login,
  },
  passphrase: TEST_ADMIN.passphrase,
  confirmPassphrase: TEST_ADMIN.passphrase,
} as const;

/**
 * Unwraps the folder's data key with the test administrator's passphrase and holds it in memory,
 * so a test can open the encrypted files directly (as only a signed-in process can).
 */
export async function holdTestKey(dataDir: string, account: { login: string; passphrase: string } = TEST_ADMIN) {
  const ring = readKeyring(dataDir);
  if (!ring) throw new Error(`No key ring in ${dataDir}`);
  const opened = await unwrapForClinician(ring, account.login, account.passphrase);
  if (!opened) throw new Error('The test passphrase does not open this ring');
  rememberDataKey(dataDir, opened.dataKey);
  return opened.dataKey;
}

/**
 * The state after clinicians an administrator added have signed in once and chosen their own
 * passphrase (here, for tests, the same one): for scenarios about something else than that first
 * sign-in, which has its own tests (accessGate.test.ts, e2e/access.spec.ts).
 */
export function ownPassphrasesChosen(dataDir: string): void {
  const ring = readKeyring(dataDir);
  if (!ring) throw new Error(`No key ring in ${dataDir}`);
  writeKeyring(dataDir, { ...ring, clinicians: ring.clinicians.map(({ chosenBy: _, ...wrap }) => wrap) });
}
