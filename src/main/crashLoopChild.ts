// Test-only child process for crashLoop.test.ts: opens the caseload in a folder and saves
// patients through the real dispatch until it is killed, printing each id once acknowledged.
import { launchCaseload } from './launch';
import { hasKeyring } from './db/keyring';
import { TEST_ADMIN, TEST_KDF, TEST_SET_UP } from './testing';

const [dataDir, migrationsDir, round] = process.argv.slice(2) as [string, string, string];
const launched = launchCaseload({
  dataDir,
  migrationsDir,
  appVersion: 'crash-loop',
  log: () => undefined,
  dialogs: { chooseBackupFolder: async () => null, chooseBackupFile: async () => null },
  passphraseKdf: TEST_KDF,
});

async function main() {
  if (hasKeyring(dataDir)) await launched.dispatch('access.signIn', TEST_ADMIN);
  const state = await launched.dispatch('app.state', {});
  if (!state.ok || (state.value as { startup: unknown }).startup) {
    process.stdout.write(`problem ${JSON.stringify(state)}\n`);
    process.exit(2);
  }
  if (!(state.value as { isSetUp: boolean }).isSetUp) {
    await launched.dispatch('access.setUp', { ...TEST_SET_UP, clinicName: 'Crash Loop Clinic' });
  }
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) {
    const result = await launched.dispatch('patients.create', {
      givenName: 'Crash',
      familyName: `Round${round}`,
      preferredName: null,
      dateOfBirth: '1960-01-01',
      sex: 'female',
      mrn: `R${round}-${n}`,
    });
    if (!result.ok) {
      process.stdout.write(`refused ${JSON.stringify(result.error)}\n`);
      process.exit(3);
    }
    // Synchronous on a pipe: once written, the parent may count this save as acknowledged.
    process.stdout.write(`ack ${(result.value as { id: string }).id}\n`);
  }
}
void main();
