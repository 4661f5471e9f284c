import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../src/main/db/connection';
import { ownPassphrasesChosen, TEST_CLINICIAN, TEST_CLINICIAN_SIGN_IN } from '../src/main/testing';
import { expect, test, type PacewiseApp } from './fixtures';

const patient = (given: string, mrn: string) => ({
  givenName: given,
  familyName: 'Okafor',
  preferredName: null,
  dateOfBirth: '1958-04-02',
  sex: 'female' as const,
  mrn,
});

async function withBackup(app: PacewiseApp) {
  await app.call('patients.create', patient('Ruth', 'MRN-1'));
  await app.call('patients.create', patient('Ada', 'MRN-2'));
  await app.call('maintenance.backUp', {});
}

test('an empty caseload file with backups beside it opens the recovery screen, never set-up, and restores', async ({
  app,
}) => {
  await withBackup(app);
  await app.restart(() => {
    writeFileSync(join(app.dataDir, 'caseload.db'), '');
    rmSync(join(app.dataDir, 'caseload.db-wal'), { force: true });
  });
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'The caseload file is empty' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome to Pacewise' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('has not started a new, empty caseload');
  const backups = page.getByRole('table', { name: 'Backups' });
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups.getByText('Has every saved change')).toBeVisible();
  await expect(backups.getByRole('row').nth(1)).toContainText('2');
  await app.screenshot('recovery-empty-file');

  await backups.getByRole('button', { name: /Restore the backup made/ }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Patients' });
  await expect(table.getByRole('row', { name: 'Ruth Okafor' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Ada Okafor' })).toBeVisible();
  expect(readdirSync(join(app.dataDir, 'replaced'))).toHaveLength(1);
  expect(app.consoleErrors).toEqual([]);
});

test('at the recovery screen only an administrator may restore: a clinician is told so and can switch to one', async ({
  app,
}) => {
  await app.call('access.addClinician', TEST_CLINICIAN);
  ownPassphrasesChosen(app.dataDir);
  await withBackup(app);
  await app.restart(
    () => {
      writeFileSync(join(app.dataDir, 'caseload.db'), '');
      rmSync(join(app.dataDir, 'caseload.db-wal'), { force: true });
    },
    { signIn: false },
  );
  await app.signIn(TEST_CLINICIAN_SIGN_IN);
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'The caseload file is empty' })).toBeVisible();
  const backups = page.getByRole('table', { name: 'Backups' });
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups.getByRole('button', { name: /Restore/ })).toHaveCount(0);
  await expect(
    page.getByText(
      'Only a clinic administrator can restore a backup or open the caseload without the missing changes; ask one to sign in.',
    ),
  ).toBeVisible();
  // Refused by the main process too, not only hidden.
  const fileName = readdirSync(join(app.dataDir, 'backups')).find((n) => n.endsWith('.db'))!;
  const refused = await page.evaluate((name) => window.api.recovery.restore({ fileName: name }), fileName);
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await app.screenshot('recovery-clinician-refused');
  // No theme switch here (the app's header is not shown): the screen follows the system's scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await app.screenshot('recovery-clinician-refused');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');

  await page.getByRole('button', { name: 'Switch clinician' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Pacewise' })).toBeVisible();
  await app.signIn();
  await backups.getByRole('button', { name: /Restore the backup made/ }).click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: 'Ruth Okafor' })).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});

test('a WAL lost after a crash opens the recovery screen naming how many changes are missing; only an administrator may carry on without them', async ({
  app,
}) => {
  await app.call('access.addClinician', TEST_CLINICIAN);
  ownPassphrasesChosen(app.dataDir);
  await app.call('patients.create', patient('Ruth', 'MRN-1'));
  await app.restart(); // closing checkpoints: Ruth is in the main file, the WAL is empty
  const mainFile = join(app.dataDir, 'caseload.db');
  const beforeCrash = readFileSync(mainFile);
  await app.call('patients.create', patient('Ada', 'MRN-2'));
  await app.call('patients.create', patient('Bo', 'MRN-3'));
  // A crash, then the -wal is lost: the main file is as it was before the two saves; the anchor knows them.
  await app.restart(
    () => {
      writeFileSync(mainFile, beforeCrash);
      for (const suffix of ['-wal', '-shm']) rmSync(mainFile + suffix, { force: true });
    },
    { signIn: false },
  );
  const { page } = app;
  // Accepting the loss decides what the clinic's record is: a clinician is told to fetch an
  // administrator, and the main process refuses them too.
  await app.signIn(TEST_CLINICIAN_SIGN_IN);
  await expect(page.getByRole('heading', { name: '3 saved changes are missing' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the caseload without the missing changes' })).toHaveCount(0);
  await expect(page.getByText(/Only a clinic administrator can restore a backup or open the caseload/)).toBeVisible();
  const refused = await page.evaluate(() => window.api.recovery.continue({}));
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await app.screenshot('recovery-lost-wal-clinician');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await app.screenshot('recovery-lost-wal-clinician');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch clinician' }).click();
  await app.signIn();
  // The two saves, and the sign-in after the first restart that preceded them.
  await expect(page.getByRole('heading', { name: '3 saved changes are missing' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Changes missing: 3');
  await app.screenshot('recovery-lost-wal');
  await page.getByRole('button', { name: 'Open the caseload without the missing changes' }).click();
  const table = page.getByRole('table', { name: 'Patients' });
  await expect(table.getByRole('row', { name: 'Ruth Okafor' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Ada Okafor' })).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('Settings backs up to a chosen folder, restores after showing what the backup holds, and reports a record changed outside Pacewise', async ({
  app,
}) => {
  await withBackup(app);
  const { page } = app;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Backups and audit trail' })
    .click();
  const panel = page.getByRole('region', { name: 'Backups and audit trail' });
  await panel.getByRole('button', { name: 'Back up to a folder…' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Backup made' })).toContainText(app.usbDir);
  expect(readdirSync(app.usbDir).filter((n) => n.endsWith('.db'))).toHaveLength(1);

  // Someone edits the file with another tool.
  const sqlite = openSqlite(join(app.dataDir, 'caseload.db'));
  sqlite.prepare("UPDATE patient SET date_of_birth = '1950-01-01' WHERE mrn = 'MRN-1'").run();
  sqlite.close();
  await panel.getByRole('button', { name: 'Check records against the audit trail' }).click();
  const changed = panel.getByRole('table', { name: 'Records changed outside Pacewise' });
  await expect(changed.getByRole('row').nth(1)).toContainText('patient');
  await expect(changed.getByRole('row').nth(1)).toContainText('date of birth');
  await expect(changed.getByRole('row').nth(1)).toContainText('1958-04-02');
  await expect(changed.getByRole('row').nth(1)).toContainText('1950-01-01');
  await panel.screenshot({ path: join(__dirname, '.screenshots', 'settings-safety-panel-light.png') });

  await panel
    .getByRole('table', { name: 'Backups' })
    .getByRole('button', { name: /Restore the backup made/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Patients');
  await expect(dialog).toContainText('2');
  await app.screenshot('settings-restore-confirm');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await panel
    .getByRole('status', { name: 'Caseload restored' })
    .getByRole('link', { name: 'Open the caseload' })
    .click();
  await expect(page.getByRole('heading', { name: 'Caseload', exact: true })).toBeVisible();
  const after = openSqlite(join(app.dataDir, 'caseload.db'), { readonly: true });
  expect(after.prepare("SELECT date_of_birth FROM patient WHERE mrn = 'MRN-1'").get()).toEqual({
    date_of_birth: '1958-04-02',
  });
  after.close();
  expect(app.consoleErrors).toEqual([]);
});

test('the number of automatic backups kept is clinic policy, editable in Settings', async ({ app }) => {
  const { page } = app;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Backups and audit trail' })
    .click();
  const policy = page.getByRole('form', { name: 'Backup policy' });
  await expect(policy.getByLabel('Daily backups to keep')).toHaveValue('14');
  await expect(policy.getByLabel('Weekly backups to keep')).toHaveValue('8');
  await expect(policy.getByText('Clinic policy')).toHaveCount(2);
  await policy.getByLabel('Daily backups to keep').fill('0');
  await policy.getByRole('button', { name: 'Save backup policy' }).click();
  await expect(policy.getByText('Daily backups to keep must be 1 to 365')).toBeVisible();
  await policy.getByLabel('Daily backups to keep').fill('30');
  await policy.getByRole('button', { name: 'Save backup policy' }).click();
  await expect(page.getByText('Backup policy saved')).toBeVisible();
  expect(await app.call('maintenance.backupPolicy', {})).toEqual({ keepDaily: 30, keepWeekly: 8 });
  expect(app.consoleErrors).toEqual([]);
});

test('a read-only caseload folder gets its own message, with no advice to restore', async ({ app }) => {
  await app.call('patients.create', patient('Ruth', 'MRN-1'));
  let undo: (() => void) | null = null;
  await app.restart(() => {
    undo = readOnly(app.dataDir);
  });
  test.skip(undo === null, 'needs root (a read-only bind mount) or a non-root user (chmod)');
  try {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Pacewise cannot write to its folder' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Your caseload is not damaged');
    await expect(page.getByRole('alert')).not.toContainText(/restore|backup/i);
    await expect(page.getByRole('table', { name: 'Backups' })).toHaveCount(0);
    await app.screenshot('recovery-read-only-folder');
  } finally {
    (undo as (() => void) | null)?.();
  }
});

/** Root ignores permissions, so there a read-only bind mount stands in for a read-only folder. */
function readOnly(dir: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'ignore' });
    return () => execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
}
