import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { handOverToClinician } from './support/clinicians';
import { expect, test, useColorScheme } from './fixtures';

/*
 * The caseload folder on this computer (device.json in the userData folder): an administrator sets
 * it in Settings; it takes effect at the next start, and a clinician sees it without changing it.
 */

const ARTIFACTS = resolve(__dirname, '.artifacts');

// Under Electron the settings file is the real userData folder's; the fixture's stand-in is the test transport's.
test.skip(({ target }) => target === 'electron', 'device.json lives in Electron’s own userData folder there');

test('an administrator sets the caseload folder: a wrong path is refused by field, the right one is written to device.json and waits for the next start', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'This computer' })
    .click();
  const panel = page.getByRole('region', { name: 'Data folder on this computer' });
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByLabel('Folder in use now')).toHaveText(app.dataDir);
  await expect(panel.getByLabel('Folder for the next start')).toHaveText(join(app.userDataDir, 'caseload'));
  await expect(panel.getByText('Changing the folder does not move the caseload')).toBeVisible();
  const form = panel.getByRole('form', { name: 'Caseload folder' });
  const field = form.getByLabel('Caseload folder');

  await field.fill('clinic/caseload');
  await form.getByRole('button', { name: 'Save caseload folder' }).click();
  await expect(form.getByText(/^Caseload folder must be a full path/)).toBeVisible();

  const aFile = join(app.usbDir, 'notes.txt');
  writeFileSync(aFile, 'a file, not a folder');
  await field.fill(join(aFile, 'caseload'));
  await form.getByRole('button', { name: 'Save caseload folder' }).click();
  await expect(form.getByText(/is a file, not a folder/)).toBeVisible();
  expect(() => readFileSync(join(app.userDataDir, 'device.json'))).toThrow();

  const shared = join(app.usbDir, 'clinic-drive', 'pacewise');
  await field.fill(shared);
  await form.getByRole('button', { name: 'Save caseload folder' }).click();
  const saved = panel.getByRole('status').filter({ hasText: 'Saved: this takes effect at the next start' });
  await expect(saved).toBeVisible();
  await expect(saved).toContainText(`Pacewise keeps using ${app.dataDir} until it is closed and started again`);
  await expect(saved).toContainText('That folder holds no caseload yet');
  await expect(panel.getByLabel('Folder for the next start')).toHaveText(shared);
  await expect(panel.getByLabel('Folder in use now')).toHaveText(app.dataDir);
  expect(JSON.parse(readFileSync(join(app.userDataDir, 'device.json'), 'utf8'))).toEqual({
    dataDirectory: shared,
    allowEnvOverride: false,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  await panel.screenshot({ path: join(ARTIFACTS, 'settings-device-folder-admin.png') });
  await app.screenshot('settings-device-folder');
  await useColorScheme(page, 'dark');
  await panel.screenshot({ path: join(ARTIFACTS, 'settings-device-folder-admin-dark.png') });
  await useColorScheme(page, 'light');

  // The change is in the audit trail, under the administrator.
  const entry = app
    .sqlite()
    .prepare("SELECT after_json AS after FROM audit_event WHERE entity = 'device' ORDER BY seq DESC")
    .get() as { after: string };
  expect(JSON.parse(entry.after)).toEqual({ dataDirectory: shared, allowEnvOverride: false });
  expect(app.consoleErrors).toEqual([]);
});

test('a clinician sees the caseload folder settings read-only, and the main process refuses their change', async ({
  app,
}) => {
  const { page } = app;
  await handOverToClinician(app);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'This computer' })
    .click();
  const panel = page.getByRole('region', { name: 'Data folder on this computer' });
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByText('Only a clinic administrator can change this.')).toBeVisible();
  await expect(panel.getByLabel('Folder in use now')).toHaveText(app.dataDir);
  await expect(panel.getByRole('textbox', { name: 'Caseload folder' })).toBeDisabled();
  await expect(panel.getByRole('checkbox', { name: /PACEWISE_DATA_DIR/ })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Save caseload folder' })).toBeDisabled();
  await panel.screenshot({ path: join(ARTIFACTS, 'settings-device-folder-clinician.png') });

  const refused = await page.evaluate(() =>
    window.api.device.setSettings({ dataDirectory: '/tmp/elsewhere', allowEnvOverride: true }),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(() => readFileSync(join(app.userDataDir, 'device.json'))).toThrow();
  expect(app.consoleErrors).toEqual([]);
});
