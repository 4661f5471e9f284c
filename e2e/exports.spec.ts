import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../src/main/db/connection';
import { readKeyring } from '../src/main/db/keyring';
import type { PatientRecord } from '../src/main/services/exports/patientRecord';
import { seedLetterCase, type Call } from '../src/main/testCases';
import { ownPassphrasesChosen, TEST_CLINICIAN } from '../src/main/testing';
import { strFromU8, unzipSync } from 'fflate';
import { addDays, formatDateAs, todayLocal } from '../src/shared/dates';
import { handOverToClinician } from './support/clinicians';
import { expect, test, useColorScheme, type PacewiseApp } from './fixtures';
import { keepArtifact, pdfPagePng, pdfPages, pdfText } from './support/pdf';

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
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Export' }).click();
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

  const doc = JSON.parse(readFileSync(path, 'utf8')) as PatientRecord;
  const db = readDb(app);
  try {
    // Field names as the screens name them, not the columns': no family_key, date_of_birth or start_time.
    const stored = db.prepare('SELECT * FROM patient WHERE id = ?').get(id) as Record<string, unknown>;
    expect(doc.patient).toMatchObject({
      id,
      givenName: stored.given_name,
      familyName: stored.family_name,
      dateOfBirth: stored.date_of_birth,
      mrn: stored.mrn,
    });
    expect(Object.keys(doc.patient)).not.toContain('familyKey');
    const sessions = db
      .prepare('SELECT id, date, start_time AS startTime, attendance FROM session WHERE patient_id = ? ORDER BY id')
      .all(id);
    expect(
      doc.sessions.map(({ id: sid, date, startTime, attendance }) => ({ id: sid, date, startTime, attendance })),
    ).toEqual(sessions);
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
  const sections = page.getByRole('navigation', { name: 'Settings sections' });
  await sections.getByRole('link', { name: 'Export' }).click();

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

  await sections.getByRole('link', { name: 'Dates' }).click();
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
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Export' }).click();
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

test("the overview exports the patient's record as a PDF the patient can read, in the clinic's date format", async ({
  app,
}) => {
  const call: Call = (channel, input) => app.call(channel, input);
  const dmy = { order: 'DMY', monthNames: false } as const;
  await app.call('display.setDateFormat', { format: dmy });
  await app.page.reload();
  const today = todayLocal();
  const c = await seedLetterCase(call, {
    mrn: 'RMH-80',
    givenName: 'Thị Hoa',
    familyName: 'Nguyễn',
    baselineOn: addDays(today, -60),
    reassessedOn: addDays(today, -3),
    lesions: true,
  });
  await app.call('intake.saveClearance', {
    patientId: c.patientId,
    receivedOn: addDays(today, -61),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(today, 120),
  });
  await app.call('intake.changeStatus', {
    patientId: c.patientId,
    toStatus: 'active',
    effectiveOn: addDays(today, -60),
    reason: 'Started the programme',
  });
  const exerciseId = (await app.call('exercises.list', {}))[0]!.id;
  const { sessionId } = await app.call('bookings.create', {
    patientId: c.patientId,
    date: addDays(today, -2),
    startTime: '10:30',
  });
  await app.call('sessions.sign', {
    sessionId,
    screen: { restingHr: 74, sbp: 126, dbp: 80, spo2: 97, temperatureC: 36.7, redFlags: [] },
    entries: [{ exerciseId, planned: false, sets: 2, reps: 12, loadKg: 3, outcome: 'completed' }],
    notes: 'Tolerated well; mild fatigue afterwards.',
  });
  await app.call('adverseEvents.record', {
    patientId: c.patientId,
    sessionId,
    type: 'fall',
    severity: 2,
    occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    description: 'Lost balance stepping off the treadmill',
    actionTaken: 'Assessed, no injury',
  });
  const letter = await app.call('letters.create', { patientId: c.patientId, type: 'reassessment' });
  await app.call('letters.finalise', { letterId: letter.id });

  const { page } = app;
  await page.evaluate((patientId) => (window.location.hash = `#/patients/${patientId}`), c.patientId);
  await page.getByRole('button', { name: "Patient's record (PDF)" }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Export saved' });
  await expect(saved).toContainText('pages');
  const path = (await saved.locator('code').textContent())!;
  expect(path.startsWith(app.exportsDir)).toBe(true);
  expect(path.endsWith('.pdf')).toBe(true);
  await app.screenshot('exports-patient-record');
  await useColorScheme(page, 'dark');
  await page.mouse.move(0, 0);
  await app.screenshot('exports-patient-record');
  await useColorScheme(page, 'light');

  const kept = keepArtifact(path, 'records/patient-record.pdf');
  const pages = pdfPages(kept);
  const text = pdfText(kept);
  expect(pages[0]).toContain('Patient record: Thị Hoa Nguyễn');
  const born = formatDateAs('1961-07-14', dmy);
  expect(born).toBe('14/07/1961');
  // Every page says whose record it is and where it sits, so a loose page can be put back.
  pages.forEach((content, i) =>
    expect(content.replace(/\s+/g, ' ')).toContain(
      `Thị Hoa Nguyễn · born ${born} · MRN RMH-80 · Page ${i + 1} of ${pages.length}`,
    ),
  );
  // The sections in the order the overview lists them (the cover's summary table names some first).
  let from = text.indexOf('Personal details and status');
  for (const heading of [
    'Personal details and status',
    'Referral and care team',
    'Cancer and metastases',
    'Bone lesions',
    'Treatments',
    'Comorbidities and medications',
    'Medical clearance',
    'Baseline screening',
    'Goals',
    'Exercise plan',
    'Sessions',
    'Assessments',
    'Adverse events',
    'Letters',
    'Appendix: change history',
  ]) {
    const at = text.indexOf(heading, from);
    expect(at, heading).toBeGreaterThanOrEqual(from);
    from = at;
  }
  expect(text).toContain(`${formatDateAs(addDays(today, -2), dmy)}, 10:30: Attended`);
  expect(text).toContain('Safety check decision Go');
  expect(text).toContain('Lost balance stepping off the treadmill');
  expect(text).toContain('Six-minute walk test 455 m +75 m from');
  expect(text).toContain('Improved +75 m, at or beyond the threshold of 30 m');
  expect(text).toContain(letter.document.content.subject);
  expect(text).toContain('Status: from Referred to Active');
  // Read as a person reads it: no ids, no stored codes, no ISO dates. The letters are quoted as they
  // were sent, in their own words and date style, so they are left out of this check.
  const letters = text.lastIndexOf('Letters Reassessment and progress');
  const appendix = text.lastIndexOf('Appendix: change history');
  const ours = text.slice(0, letters) + text.slice(appendix);
  expect(letters).toBeGreaterThan(0);
  expect(ours).not.toMatch(/[0-9A-HJKMNP-TV-Z]{26}/);
  expect(ours).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(ours).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  pdfPagePng(kept, 1, 'patient-record-page-1');
  pdfPagePng(
    kept,
    pages.findIndex((p) => p.includes('Before the session: safety check')) + 1,
    'patient-record-session',
  );
  pdfPagePng(kept, pages.findIndex((p) => p.includes('Appendix: change history')) + 1, 'patient-record-appendix');

  await page.getByRole('link', { name: /Change history/ }).click();
  await expect(
    page.getByRole('list', { name: 'Changes' }).getByRole('listitem', { name: /^Record export/ }),
  ).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});
