import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../src/main/db/connection';
import { readKeyring } from '../src/main/db/keyring';
import { ownPassphrasesChosen, TEST_CLINICIAN } from '../src/main/testing';
import { strFromU8, unzipSync } from 'fflate';
import { todayLocal } from '../src/shared/dates';
import { handOverToClinician } from './support/clinicians';
import { expect, test, useColorScheme, type PacewiseApp } from './fixtures';

const SCREENSHOTS = resolve(__dirname, '.screenshots');

const zoe = {
  givenName: 'Zoë "Zo"',
  familyName: "O'Brien, Ngũgĩ",
  dateOfBirth: '1961-07-04',
  sex: 'female' as const,
  mrn: 'RMH-77',
};

async function seed(app: PacewiseApp): Promise<string> {
  const { id } = await app.call('patients.create', zoe);
  await app.call('patients.create', { ...zoe, givenName: 'Tom', familyName: 'Becker', mrn: 'RMH-78' });
  await app.call('bookings.create', { patientId: id, date: todayLocal(), startTime: '09:00' });
  return id;
}

function readDb(app: PacewiseApp): Database.Database {
  return openSqlite(join(app.dataDir, 'caseload.db'), { readonly: true });
}

test('Settings exports the whole caseload as CSV files in a zip that match the database', async ({ app }) => {
  await seed(app);
  const { page } = app;
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Export the caseload' });
  await panel.getByRole('button', { name: 'Export the caseload (CSV)' }).click();
  const saved = panel.getByRole('status').filter({ hasText: 'Export saved' });
  await expect(saved).toContainText('recorded in the audit trail');
  const path = (await saved.locator('code').textContent())!;
  expect(path.startsWith(app.exportsDir)).toBe(true);
  await app.screenshot('exports-caseload');

  const files = unzipSync(readFileSync(path));
  const db = readDb(app);
  try {
    const patients = Buffer.from(files['patient.csv']!)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const [header, ...lines] = patients.trimEnd().split('\r\n');
    expect(header!.split(',')).toEqual(
      (db.pragma('table_info(patient)') as Array<{ name: string }>).map((c) => `"${c.name}"`),
    );
    expect(lines).toHaveLength((db.prepare('SELECT count(*) AS n FROM patient').get() as { n: number }).n);
    // Quotes doubled, the comma kept inside its quoted cell.
    expect(patients).toContain('"Zoë ""Zo"""');
    expect(patients).toContain('"O\'Brien, Ngũgĩ"');
    const sessions = Buffer.from(files['session.csv']!).toString('utf8').trimEnd().split('\r\n');
    expect(sessions).toHaveLength(2);
    const audit = db
      .prepare("SELECT after_json AS after FROM audit_event WHERE entity = 'record_export' ORDER BY seq DESC")
      .all() as Array<{ after: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ kind: 'caseload_csv', path });
  } finally {
    db.close();
  }
  expect(app.consoleErrors).toEqual([]);
});

test("the overview exports one patient's complete record as JSON, shown in the change history", async ({ app }) => {
  const id = await seed(app);
  const { page } = app;
  await page.evaluate((patientId) => (window.location.hash = `#/patients/${patientId}`), id);
  await page.getByRole('button', { name: 'Export record (JSON)' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Export saved' });
  await expect(saved).toBeVisible();
  const path = (await saved.locator('code').textContent())!;
  expect(path.startsWith(app.exportsDir)).toBe(true);
  await app.screenshot('exports-patient');

  const doc = JSON.parse(readFileSync(path, 'utf8')) as {
    patient: Record<string, unknown>;
    tables: Record<string, Array<Record<string, unknown>>>;
  };
  const db = readDb(app);
  try {
    expect(doc.patient).toEqual(db.prepare('SELECT * FROM patient WHERE id = ?').get(id));
    expect(doc.tables.session).toEqual(db.prepare('SELECT * FROM session WHERE patient_id = ? ORDER BY id').all(id));
    expect(JSON.stringify(doc)).not.toContain('Becker');
  } finally {
    db.close();
  }

  await page.getByRole('link', { name: /Change history/ }).click();
  await expect(
    page.getByRole('list', { name: 'Changes' }).getByRole('listitem', { name: /^Record export/ }),
  ).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});

test('a clinician is refused the whole-caseload export where the button is, with the reason; the date format is read-only; one patient’s record still exports', async ({
  app,
}) => {
  const id = await seed(app);
  const { page } = app;
  await handOverToClinician(app);
  await page.getByRole('link', { name: 'Settings' }).click();

  const panel = page.getByRole('region', { name: 'Export the caseload' });
  await panel.scrollIntoViewIfNeeded();
  const button = panel.getByRole('button', { name: 'Export the caseload (CSV)' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/Only a clinic administrator can export the whole caseload/);
  await expect(panel.getByRole('note')).toHaveText(
    'Only a clinic administrator can export the whole caseload: the file holds every patient’s record. Ask your administrator. One patient’s record is exported from their overview.',
  );
  await useColorScheme(page, 'light');
  await panel.screenshot({ path: join(SCREENSHOTS, 'exports-caseload-clinician-light.png') });
  await useColorScheme(page, 'dark');
  await panel.screenshot({ path: join(SCREENSHOTS, 'exports-caseload-clinician-dark.png') });
  await useColorScheme(page, 'light');
  // Refused by the main process too, not only greyed out.
  expect(await page.evaluate(() => window.api.exports.caseloadCsv({}))).toMatchObject({
    ok: false,
    error: { code: 'forbidden' },
  });

  const dates = page.getByRole('region', { name: 'Dates' });
  await expect(dates.getByText('Only a clinic administrator can change this.')).toBeVisible();
  await expect(dates.getByRole('button', { name: 'Save date format' })).toBeDisabled();
  expect(
    await page.evaluate(() => window.api.display.setDateFormat({ format: { order: 'MDY', monthNames: false } })),
  ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  await page.evaluate((patientId) => (window.location.hash = `#/patients/${patientId}`), id);
  await page.getByRole('button', { name: 'Export record (JSON)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Export saved' })).toBeVisible();
  const db = readDb(app);
  try {
    const kinds = db
      .prepare("SELECT json_extract(after_json, '$.kind') AS kind FROM audit_event WHERE entity = 'record_export'")
      .pluck()
      .all();
    expect(kinds).toEqual(['patient_json']);
  } finally {
    db.close();
  }
  expect(app.consoleErrors).toEqual([]);
});

test('no exported file holds credential material: no PIN hash, key wrap, salt, key, passphrase or recovery key', async ({
  app,
}) => {
  const id = await seed(app);
  await app.call('access.setPin', { pin: '2468', passphrase: app.account.passphrase });
  await app.call('access.addClinician', TEST_CLINICIAN);
  ownPassphrasesChosen(app.dataDir);
  const walking = (await app.call('exercises.list', {})).find((e) => e.starterKey === 'walking')!.id;
  await app.call('plans.save', {
    patientId: id,
    sessionsPerWeek: 2,
    sessionMinutes: 45,
    items: [{ exerciseId: walking, durationMin: 10, rpeMin: 11, rpeMax: 13, talkTest: true }],
  });
  const { page } = app;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('region', { name: 'Export the caseload' })
    .getByRole('button', { name: 'Export the caseload (CSV)' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Export saved' })).toBeVisible();
  await app.call('exports.patientJson', { patientId: id });
  await app.call('plans.handout', { patientId: id });

  // Everything secret Pacewise holds: the PIN's hash in the database, every sealed value of the key
  // ring, the caseload key itself, both passphrases and the recovery key.
  const pinHash = app
    .sqlite()
    .prepare('SELECT pin_hash FROM clinician WHERE pin_hash IS NOT NULL')
    .pluck()
    .get() as string;
  expect(pinHash).toMatch(/^scrypt:/);
  const ring = readKeyring(app.dataDir)!;
  const key = await app.holdKey();
  const secrets = [
    pinHash,
    ...pinHash.split(':').slice(1),
    'scrypt:',
    ...ring.clinicians.flatMap((w) => [w.data, w.iv, w.salt]),
    ring.recovery.data,
    ring.recovery.salt,
    ...(ring.auditKey ? [ring.auditKey.data] : []),
    ...(ring.roles ? [ring.roles.mac] : []),
    key.toString('hex'),
    key.toString('base64'),
    app.account.passphrase,
    TEST_CLINICIAN.passphrase,
    app.recoveryKey!,
    app.recoveryKey!.replace(/-/g, ''),
    'pin_hash',
  ];

  const files = readdirSync(app.exportsDir).map((name) => join(app.exportsDir, name));
  expect(files.map((f) => f.split('.').at(-1)).sort()).toEqual(['json', 'pdf', 'zip']);
  for (const file of files) {
    const texts: string[] = [readFileSync(file).toString('latin1')];
    if (file.endsWith('.zip')) texts.push(...Object.values(unzipSync(readFileSync(file))).map((b) => strFromU8(b)));
    if (file.endsWith('.pdf')) texts.push(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    const content = texts.join('\n');
    expect(content.length).toBeGreaterThan(100);
    for (const secret of secrets) {
      expect(content.includes(secret), `${file} holds ${secret.slice(0, 12)}…`).toBe(false);
    }
  }
  expect(app.consoleErrors).toEqual([]);
});
