import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayLocal } from '../src/shared/dates';
import { expect, notifications, test, useColorScheme, type PacewiseApp } from './fixtures';
import { patientOnFile } from './support/records';

const today = todayLocal();

async function goTo(app: PacewiseApp, hash: string) {
  const base = app.page.url().replace(/#.*$/, '');
  await app.page.goto(`${base}#${hash}`);
}

test('before sign-in: set-up, the recovery key, sign-in, the lock screen and recovery', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await app.page.getByRole('link', { name: 'Caseload' }).waitFor();
  await app.call('patients.create', {
    givenName: 'Ada',
    familyName: 'Okafor',
    dateOfBirth: '1958-04-02',
    sex: 'female',
    mrn: 'MRN-2',
  });
  await app.call('maintenance.backUp', {});
  await page.getByRole('button', { name: 'Lock Pacewise now' }).click();
  await expect(page.getByRole('dialog', { name: 'Pacewise is locked' })).toBeVisible();
  await app.expectAccessible('lock');

  await app.restart(undefined, { signIn: false });
  await expect(app.page.getByRole('heading', { name: 'Sign in to Pacewise' })).toBeVisible();
  await app.expectAccessible('sign-in');

  await app.restart(
    () => {
      writeFileSync(join(app.dataDir, 'caseload.db'), '');
      rmSync(join(app.dataDir, 'caseload.db-wal'), { force: true });
    },
    { signIn: true },
  );
  await expect(app.page.getByRole('heading', { name: 'The caseload file is empty' })).toBeVisible();
  await app.expectAccessible('recovery');
  await app.page.getByRole('button', { name: /Restore the backup made/ }).click();
  await expect(app.page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
});

test.describe('a new computer', () => {
  test.use({ setUp: false });
  test('set-up and the recovery key', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Welcome to Pacewise' })).toBeVisible();
    await app.expectAccessible('set-up');
    await page.getByLabel('Clinic name').fill('Harbour Oncology Exercise Clinic');
    await page.getByLabel('Full name').fill('Priya Raman');
    await page.getByRole('combobox', { name: 'Profession' }).click();
    await page.getByRole('option', { name: 'Physiotherapist' }).click();
    app.account = { login: 'priya', passphrase: 'tide pools at low water' };
    await page.getByLabel('Sign-in name').fill(app.account.login);
    await page.getByLabel(/^Passphrase/).fill(app.account.passphrase);
    await page.getByLabel(/^Type the passphrase again/).fill(app.account.passphrase);
    await page.getByRole('button', { name: 'Create the encrypted caseload' }).click();
    await expect(page.getByLabel('Recovery key', { exact: true })).toBeVisible();
    await app.expectAccessible('recovery key');
  });
});

test("a patient's record: overview, every intake section, plan, sessions, assessments, Progress, history", async ({
  app,
}) => {
  test.setTimeout(240_000);
  const patientId = await patientOnFile(app);
  const { page } = app;
  await goTo(app, `/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: 'Ruth Okafor', level: 2 })).toBeVisible();
  await app.expectAccessible('overview');
  for (const [path, heading] of [
    ['details', 'Personal details and status'],
    ['referral', 'Referral and care team'],
    ['cancer', 'Cancer and metastases'],
    ['bone-lesions', 'Bone lesions'],
    ['treatments', 'Treatments'],
    ['health', 'Comorbidities and medications'],
    ['clearance', 'Medical clearance'],
    ['screening', 'Baseline screening'],
    ['goals', 'Goals'],
    ['plan', 'Exercise plan'],
    ['sessions', 'Sessions and adherence'],
    ['assessments', 'Assessments'],
    ['progress', 'Progress'],
    ['history', 'Change history'],
    ['letters', 'Letters'],
  ] as const) {
    await goTo(app, `/patients/${patientId}/${path}`);
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    await app.expectAccessible(heading);
  }
});

test('the clinic: caseload, Today, letters, settings, and a session before and after sign-off', async ({ app }) => {
  test.setTimeout(240_000);
  const patientId = await patientOnFile(app);
  const { page } = app;
  await expect(page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: /Ruth Okafor/ })).toBeVisible();
  await app.expectAccessible('caseload');
  await app.call('bookings.create', { patientId, date: today, startTime: '09:00', classId: null });
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today' }).first()).toBeVisible();
  await app.expectAccessible('Today');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' }).first()).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await page.screenshot({ path: join(__dirname, '.screenshots', `a11y-settings-window-${scheme}.png`) });
  }
  await useColorScheme(page, 'light');
  // One section at a time now: every section checked, each whole.
  const sections = page.getByRole('navigation', { name: 'Settings sections' });
  const sectionNames = await sections.getByRole('link').allTextContents();
  expect(sectionNames.length).toBeGreaterThan(1);
  for (const name of sectionNames) {
    await sections.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name, level: 3, exact: true })).toBeVisible();
    await app.expectAccessible(`Settings: ${name}`, { screenshot: false });
  }
  const letter = await app.call('letters.create', { patientId, type: 'reassessment' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click();
  await expect(page.getByRole('heading', { name: 'Letters' }).first()).toBeVisible();
  await app.expectAccessible('letters');
  await goTo(app, `/letters/${letter.id}`);
  await expect(page.getByRole('heading').first()).toBeVisible();
  await app.expectAccessible('letter composer');

  await page.getByRole('link', { name: 'Today' }).click();
  await page.getByRole('row', { name: /Ruth Okafor/ }).click();
  const panel = page.getByRole('region', { name: 'Ruth Okafor' });
  await expect(panel.getByTestId('decision')).toBeVisible();
  await app.expectAccessible('session before the screen');
  await panel.getByLabel('Resting HR (bpm)').fill('74');
  await panel.getByLabel('Systolic BP (mmHg)').fill('132');
  await panel.getByLabel('Diastolic BP (mmHg)').fill('80');
  await panel.getByLabel('SpO₂ (%)', { exact: true }).fill('97');
  await panel.getByLabel('Temperature (°C)').fill('36.7');
  await panel.getByRole('button', { name: 'Record screen and start' }).click();
  const log = panel.getByRole('region', { name: 'Exercise log' });
  await expect(log.getByRole('group')).toHaveCount(3);
  await app.expectAccessible('session exercise log');
  for (const name of ['Stationary cycle', 'Seated biceps curl (light dumbbells)', 'Sit to stand']) {
    await log.getByRole('group', { name }).getByRole('button', { name: 'Complete as planned' }).click();
  }
  await panel.getByRole('button', { name: 'Sign and lock session' }).click();
  await expect(panel.getByText('Signed', { exact: true })).toBeVisible();
  await app.expectAccessible('signed session');
});

test('a notification is announced politely, one "Saved" replaces the last, and they go when the clinician moves to another screen', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Dates' }).click();
  const save = page.getByRole('button', { name: 'Save date format' });
  // Pressed from the keyboard, so the pointer can rest on the notification: Mantine keeps a hovered one on
  // screen, so below only the app itself can take one away.
  await save.focus();
  await page.keyboard.press('Enter');
  const saved = notifications(page).filter({ hasText: 'Date format saved' });
  await expect(saved).toHaveCount(1);
  // Polite: a status inside a live region that is always there, so it is read out when added, after
  // whatever the screen reader is saying.
  await expect(saved.locator('xpath=ancestor::*[@aria-live="polite"]')).toHaveCount(1);
  const hold = async () => {
    const box = (await saved.last().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  };
  await hold();

  // Saved again: the new one takes the old one's place rather than piling up over the menu.
  await page.keyboard.press('Enter');
  await expect(saved).toHaveCount(1);
  await hold();
  await app.screenshot('notification-saved');

  // Another screen: what was said about this one goes, though the pointer still holds it.
  const caseload = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' });
  await caseload.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  await expect(notifications(page)).toHaveCount(0);
});
