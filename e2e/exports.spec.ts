import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../src/main/db/connection';
import { unzipSync } from 'fflate';
import { todayLocal } from '../src/shared/dates';
import { expect, test, type PacewiseApp } from './fixtures';

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
