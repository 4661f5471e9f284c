import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { todayLocal } from '../src/shared/dates';
import type { Bundle } from '../src/main/services/exports/fhir/resources';
import { requiredBindingProblems } from '../src/main/services/exports/fhir/valueSets';
import { seedFullRecord } from '../src/main/testRecordCase';
import type { Call } from '../src/main/testCases';
import { RESEARCH_DATE_SHIFT_DAYS } from '../src/shared/contract/standardExports';
import { expect, notifications, test, useColorScheme, type PacewiseApp } from './fixtures';
import { handOverToClinician } from './support/clinicians';
import { validateBundleResources } from './support/fhirValidator';

const REPO = resolve(__dirname, '..');
/** The exported Bundle kept for eyes (and other tools) after the run. */
const KEPT_BUNDLE = join(REPO, 'e2e', '.artifacts', 'fhir', 'patient-bundle.json');

const callOf =
  (app: PacewiseApp): Call =>
  (channel, input) =>
    app.call(channel, input);

/** Settings opens on its first section; the exports are in their own. */
async function openExportSettings(page: PacewiseApp['page']) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Export' }).click();
}

const savedPath = async (status: ReturnType<PacewiseApp['page']['getByRole']>) =>
  (await status.locator('code').textContent())!;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the overview exports the patient as a FHIR R4 Bundle that validates, with the letter’s exact PDF', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  const record = await seedFullRecord(callOf(app), {
    mrn: 'RCH-004512',
    givenName: 'Thị Hoa',
    familyName: 'Nguyễn',
    today: todayLocal(),
  });
  await page.evaluate((id) => (window.location.hash = `#/patients/${id}`), record.patientId);
  await page.getByRole('button', { name: 'Export record for a hospital (FHIR)' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'FHIR export saved' });
  await expect(saved).toContainText('recorded in the audit trail', { timeout: 60_000 });
  await expect(saved).toContainText('3 Encounter');
  const path = await savedPath(saved);
  expect(path.startsWith(app.exportsDir)).toBe(true);
  mkdirSync(join(KEPT_BUNDLE, '..'), { recursive: true });
  copyFileSync(path, KEPT_BUNDLE);
  await useColorScheme(page, 'light');
  // From the top: a full-page shot taken scrolled draws the sticky header over the middle.
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot('exports-fhir');
  await useColorScheme(page, 'dark');
  await app.screenshot('exports-fhir');
  await useColorScheme(page, 'light');

  const bundle = JSON.parse(readFileSync(KEPT_BUNDLE, 'utf8')) as Bundle;
  expect(bundle.type).toBe('collection');
  const validation = validateBundleResources(bundle);
  expect(validation.errors).toEqual([]);
  expect(validation.warnings).toEqual([]);
  expect(validation.profiled).toBeGreaterThan(0);
  expect(requiredBindingProblems(bundle)).toEqual([]);
  const urls = new Set(bundle.entry.map((e) => e.fullUrl));
  const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
  expect(refs.length).toBeGreaterThan(20);
  for (const ref of refs) expect(urls.has(ref.slice('"reference":"'.length, -1)), ref).toBe(true);

  const types = bundle.entry.map((e) => e.resource.resourceType);
  for (const type of ['Patient', 'Condition', 'MedicationStatement', 'Observation', 'Encounter', 'Procedure'])
    expect(types).toContain(type);
  const pdf = app.sqlite().prepare('SELECT pdf_bytes FROM letter WHERE id = ?').get(record.letterId) as {
    pdf_bytes: Buffer;
  };
  const document = bundle.entry.find((e) => e.resource.resourceType === 'DocumentReference')!.resource as {
    content: Array<{ attachment: { data: string } }>;
  };
  expect(Buffer.from(document.content[0]!.attachment.data, 'base64').equals(pdf.pdf_bytes)).toBe(true);
  const audit = app
    .sqlite()
    .prepare("SELECT after_json FROM audit_event WHERE entity = 'record_export' ORDER BY seq DESC")
    .get() as { after_json: string };
  expect(JSON.parse(audit.after_json)).toMatchObject({ kind: 'patient_fhir', path });

  // Medplum validates in the tests only: nothing of it is in the built app.
  const built = [...filesUnder(join(REPO, 'out', 'main')), ...filesUnder(join(REPO, 'out', 'renderer'))];
  expect(built.length).toBeGreaterThan(3);
  expect(built.filter((file) => /\.(c|m)?js$/.test(file) && readFileSync(file, 'utf8').includes('@medplum'))).toEqual(
    [],
  );
  expect(app.consoleErrors).toEqual([]);
});

test('an administrator exports the de-identified research set with its REDCap dictionary from Settings', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await seedFullRecord(callOf(app), {
    mrn: 'RCH-004513',
    givenName: 'Aroha',
    familyName: 'Whaanga',
    today: todayLocal(),
  });
  await app.call('patients.create', {
    givenName: 'Solveig',
    familyName: 'Lindqvist',
    dateOfBirth: '1948-02-29',
    sex: 'female',
    mrn: 'RCH-004514',
  });
  await openExportSettings(page);
  const panel = page.getByRole('region', { name: 'Research export (de-identified)' });
  await panel.scrollIntoViewIfNeeded();

  // The date offset's range is clinic policy: a most below the fewest is refused under "Most days", nothing saved.
  const offset = panel.getByRole('group', { name: 'Date offset (clinic policy)' });
  const fewest = offset.getByRole('textbox', { name: 'Fewest days' });
  const most = offset.getByRole('textbox', { name: 'Most days' });
  await expect(fewest).toHaveValue(String(RESEARCH_DATE_SHIFT_DAYS.min));
  await expect(most).toHaveValue(String(RESEARCH_DATE_SHIFT_DAYS.max));
  await fewest.fill('400');
  await most.fill('200');
  await offset.getByRole('button', { name: 'Save offset range' }).click();
  await expect(most).toHaveAccessibleDescription(/The most days must be at least the fewest days/);
  await expect(most).toHaveAttribute('aria-invalid', 'true');
  await expect(fewest).not.toHaveAttribute('aria-invalid', 'true');
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await offset.screenshot({
      path: join(REPO, 'e2e', '.screenshots', `exports-research-offset-refused-${scheme}.png`),
    });
  }
  await useColorScheme(page, 'light');
  expect(await app.call('exports.researchSettings', {})).toMatchObject({
    minDays: RESEARCH_DATE_SHIFT_DAYS.min,
    maxDays: RESEARCH_DATE_SHIFT_DAYS.max,
  });

  // A valid range is kept after a reload, and the offsets given at the export are drawn from it.
  await fewest.fill('60');
  await most.fill('90');
  await offset.getByRole('button', { name: 'Save offset range' }).click();
  await expect(notifications(page).filter({ hasText: 'Research date offset saved' })).toBeVisible();
  await expect(most).not.toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(fewest).toHaveValue('60');
  await expect(most).toHaveValue('90');

  await panel.getByRole('button', { name: 'Export research data (REDCap)' }).click();
  const saved = panel.getByRole('status').filter({ hasText: 'Research export saved' });
  await expect(saved).toContainText('2 participants', { timeout: 60_000 });
  const path = await savedPath(saved);
  expect(path.startsWith(app.exportsDir)).toBe(true);
  await useColorScheme(page, 'light');
  await panel.screenshot({ path: join(REPO, 'e2e', '.screenshots', 'exports-research-light.png') });
  await useColorScheme(page, 'dark');
  await panel.screenshot({ path: join(REPO, 'e2e', '.screenshots', 'exports-research-dark.png') });
  await useColorScheme(page, 'light');

  const files = Object.fromEntries(
    Object.entries(unzipSync(readFileSync(path))).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['participant.csv', 'session.csv', 'data_dictionary.csv']));
  expect(files['data_dictionary.csv']!.split('\r\n')[0]!.split('","')).toHaveLength(18);
  const everything = Object.values(files).join('\n').toLowerCase();
  for (const identifier of ['Aroha', 'Whaanga', 'RCH-004513', 'Solveig', 'Lindqvist', '1948-02-29', '0412 555 019'])
    expect(everything, identifier).not.toContain(identifier.toLowerCase());
  const audit = app
    .sqlite()
    .prepare("SELECT after_json FROM audit_event WHERE entity = 'record_export' ORDER BY seq DESC")
    .get() as { after_json: string };
  expect(JSON.parse(audit.after_json)).toMatchObject({ kind: 'research_csv', patients: 2 });
  const offsets = app.sqlite().prepare('SELECT date_offset_days FROM research_subject').pluck().all() as number[];
  expect(offsets).toHaveLength(2);
  for (const days of offsets) {
    expect(-days).toBeGreaterThanOrEqual(60);
    expect(-days).toBeLessThanOrEqual(90);
  }
  expect(app.consoleErrors).toEqual([]);
});

test('a clinician who is not an administrator cannot export research data', async ({ app }) => {
  const { page } = app;
  await handOverToClinician(app);
  await openExportSettings(page);
  const panel = page.getByRole('region', { name: 'Research export (de-identified)' });
  await expect(panel.getByText('Only a clinic administrator can export research data.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Export research data (REDCap)' })).toBeDisabled();
  const offset = panel.getByRole('group', { name: 'Date offset (clinic policy)' });
  await expect(offset.getByRole('textbox', { name: 'Fewest days' })).toBeDisabled();
  await expect(offset.getByRole('textbox', { name: 'Most days' })).toBeDisabled();
  await expect(offset.getByRole('button', { name: 'Save offset range' })).toBeDisabled();
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await panel.screenshot({ path: join(REPO, 'e2e', '.screenshots', `exports-research-clinician-${scheme}.png`) });
  }
  await expect(app.call('exports.research', {})).rejects.toThrow(/Only a clinic administrator/);
  await expect(app.call('exports.setResearchDateShift', { minDays: 60, maxDays: 90 })).rejects.toThrow(
    /Only a clinic administrator/,
  );
  expect(existsSync(app.exportsDir) ? readdirSync(app.exportsDir) : []).toEqual([]);
});

test.describe('a long research export', () => {
  // The sessions below are written straight into the file (a bench-sized history in seconds), so
  // they have no audit entries: the after-scenario reconciliation would rightly report them.
  test.use({ reconciles: false });

  test('shows its progress while the worker writes, and the window keeps answering', async ({ app }) => {
    test.setTimeout(240_000);
    const { page } = app;
    const { id: patientId } = await app.call('patients.create', {
      givenName: 'Margaret',
      familyName: 'Okafor',
      dateOfBirth: '1952-03-09',
      sex: 'female',
      mrn: 'RCH-004515',
    });
    const sqlite = app.sqlite();
    const actor = (sqlite.prepare('SELECT id FROM clinician LIMIT 1').get() as { id: string }).id;
    const insert = sqlite.prepare(
      `INSERT INTO session (id, patient_id, date, start_time, attendance, decision, screen_json, signed_at, signed_by,
         created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, '09:00', 'attended', 'go', '{"restingHr":72,"sbp":128,"dbp":80,"spo2":97,"redFlags":[]}', ?, ?, ?, ?, ?, ?)`,
    );
    const at = new Date().toISOString();
    sqlite.transaction(() => {
      for (let i = 0; i < 60_000; i++) {
        insert.run(`BENCH${String(i).padStart(21, '0')}`, patientId, '2025-01-01', at, actor, at, actor, at, actor);
      }
    })();
    await openExportSettings(page);
    const panel = page.getByRole('region', { name: 'Research export (de-identified)' });
    await panel.getByRole('button', { name: 'Export research data (REDCap)' }).click();
    const progress = panel.getByRole('status', { name: 'Research export progress' });
    // Whichever form the worker is writing when the bar is read (it is read every 400 ms): the count
    // runs over the whole export's records, so any form's line shows work under way.
    await expect(progress).toContainText(/Writing [^:]+: [\d,]+ of 60,001 records/, { timeout: 60_000 });
    await panel.screenshot({ path: join(REPO, 'e2e', '.screenshots', 'exports-research-progress-light.png') });
    // The main process answers other screens while the worker writes.
    expect((await app.call('patients.get', { patientId })).mrn).toBe('RCH-004515');
    const saved = panel.getByRole('status').filter({ hasText: 'Research export saved' });
    await expect(saved).toContainText('1 participant, 60,001 records', { timeout: 120_000 });
    await expect(progress).toHaveCount(0);
  });
});
