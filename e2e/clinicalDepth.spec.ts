import { addDays, todayLocal } from '../src/shared/dates';
import { expect, test, useColorScheme, type PacewiseApp } from './fixtures';
import { clearedPatient } from './support/records';

/* Issue 20: the precautions a senior exercise-oncology clinician would add. */

const today = todayLocal();

async function bookAndOpen(app: PacewiseApp, patientId: string): Promise<string> {
  const booking = await app.call('bookings.create', { patientId, date: today, startTime: '09:00', classId: null });
  const base = app.page.url().replace(/#.*$/, '');
  await app.page.goto(`${base}#/sessions/${booking.sessionId}`);
  return booking.sessionId;
}

async function screenshotBoth(app: PacewiseApp, name: string) {
  await useColorScheme(app.page, 'light');
  await app.screenshot(name);
  await useColorScheme(app.page, 'dark');
  await app.screenshot(name);
  await useColorScheme(app.page, 'light');
}

test('nadir week on docetaxel: no temperature is not a Go, pre-nadir bloods modify, and a low temperature holds', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const patientId = await clearedPatient(app, { given: 'Wiremu', family: 'Tait', mrn: 'NDR-2001' });
  // Day 10 of cycle 2 of three-weekly docetaxel, counted forward (cycle 2's day 1 was not recorded);
  // a denosumab course started after it must not hide it.
  await app.call('intake.saveTreatment', {
    patientId,
    type: 'chemotherapy',
    regimen: 'Docetaxel',
    startDate: addDays(today, -30),
    cycleLengthDays: 21,
    day1Dates: [addDays(today, -30)],
  });
  await app.call('intake.saveTreatment', {
    patientId,
    type: 'bone_targeted',
    regimen: 'Denosumab',
    startDate: addDays(today, -1),
    cycleLengthDays: 28,
    day1Dates: [],
  });
  await bookAndOpen(app, patientId);
  const { page } = app;
  const header = page.getByRole('region', { name: 'Wiremu Tait' });
  // Issue 25 item 9: the session's badge keeps the cycle number and "(projected)", as the overview does.
  await expect(header.getByText('Cycle 2, day 10 (projected) · Docetaxel')).toBeVisible();
  await expect(header.getByText('Cycle 1, day 2 · Denosumab')).toBeVisible();

  await page.getByLabel('Resting HR (bpm)').fill('78');
  await page.getByLabel('Systolic BP (mmHg)').fill('124');
  await page.getByLabel('Diastolic BP (mmHg)').fill('76');
  await page.getByLabel('SpO₂ (%)', { exact: true }).fill('97');
  const decision = page.getByTestId('decision');
  // Everything else normal, but no temperature during chemotherapy: not Go.
  await expect(decision).toHaveText('Screen incomplete');
  await expect(page.getByRole('region', { name: 'Screen decision' })).toContainText(
    'Temperature (chemotherapy active)',
  );
  await expect(page.getByLabel('Expected neutrophil nadir')).toContainText(
    'Day 10 of Docetaxel (cycle 2, projected: this cycle’s day 1 was not recorded)',
  );
  await page.getByRole('button', { name: 'Record screen and start' }).click();
  await expect(page.getByText(/Enter the temperature: it is needed while chemotherapy is active/)).toBeVisible();

  // Normal-looking bloods from before this cycle's day 1 do not reassure.
  await page.getByRole('button', { name: 'Add recent blood results' }).click();
  await page.getByLabel('Neutrophils (×10⁹/L)').fill('3.4');
  await page.getByLabel('Platelets (×10⁹/L)').fill('220');
  await page.getByLabel('Date of blood test').fill(addDays(today, -10));
  await page.getByLabel('Temperature (°C)').fill('36.8');
  await expect(decision).toHaveText('Go with modifications');
  const preNadir = page.getByLabel('Blood results from before this cycle’s nadir');
  await expect(preNadir).toContainText('before day 1 of cycle 2 of Docetaxel');
  await expect(preNadir).toContainText('they do not reassure');
  await screenshotBoth(app, 'clinical-nadir-week');

  // A temperature below 36 °C holds, as a fever does, with the neutropenic-sepsis advice.
  await page.getByLabel('Temperature (°C)').fill('35.7');
  await expect(decision).toHaveText('Hold');
  await expect(page.getByRole('alert', { name: /Urgent action/ })).toContainText('neutropenic sepsis');
  expect(app.consoleErrors).toEqual([]);
});

test('new spinal pain without a recorded lesion asks the cord-compression questions and holds on a yes', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const patientId = await clearedPatient(app, { given: 'Ilse', family: 'Brandt', mrn: 'SPN-2002' });
  const sessionId = await bookAndOpen(app, patientId);
  const { page } = app;
  await page.getByLabel('Resting HR (bpm)').fill('72');
  await page.getByLabel('Systolic BP (mmHg)').fill('128');
  await page.getByLabel('Diastolic BP (mmHg)').fill('78');
  await page.getByLabel('SpO₂ (%)', { exact: true }).fill('98');
  const decision = page.getByTestId('decision');
  await expect(decision).toHaveText('Go');
  const redFlags = page.getByRole('group', { name: 'Red flags today' });
  await expect(redFlags.getByLabel('New difficulty walking')).toBeVisible();
  await expect(redFlags.getByLabel('Local spinal tenderness')).toBeVisible();

  await page.getByLabel('New or worse back or neck pain today').check();
  const questions = page.getByRole('group', { name: 'Cord-compression questions' });
  await expect(questions.getByRole('radiogroup')).toHaveCount(9);
  // Unanswered questions keep it from being a Go.
  await expect(decision).toHaveText('Screen incomplete');
  for (const radiogroup of await questions.getByRole('radiogroup').all()) {
    await radiogroup.getByRole('radio', { name: 'No' }).check();
  }
  await expect(decision).toHaveText('Go with modifications');
  await expect(page.getByLabel('New or worse spinal pain')).toBeVisible();

  await questions
    .getByRole('radiogroup', { name: 'Any new difficulty walking, or legs giving way?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await expect(decision).toHaveText('Hold');
  await expect(redFlags.getByLabel('New difficulty walking')).toBeChecked();
  await expect(page.getByRole('alert', { name: /Urgent action/ })).toContainText('Contact the MSCC team at once');
  await screenshotBoth(app, 'clinical-spinal-pain');
  await page.getByRole('button', { name: 'Record screen and hold' }).click();
  await expect(page.getByText('Incident recorded (1)')).toBeVisible();
  const stored = app.sqlite().prepare('SELECT screen_json AS s, decision FROM session WHERE id = ?').get(sessionId) as {
    s: string;
    decision: string;
  };
  expect(stored.decision).toBe('hold');
  expect(JSON.parse(stored.s).redFlags).toEqual(['difficulty_walking']);
  expect(app.consoleErrors).toEqual([]);
});

test('an assessment for a patient with a Mirels 8 proximal-femur lesion warns on the walk and the chair stands, and keeps a test only with a reason', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const patientId = await clearedPatient(app, { given: 'Marama', family: 'Ruru', mrn: 'FEM-2003' });
  await app.call('intake.saveBoneLesion', {
    patientId,
    site: 'proximal_femur',
    side: 'left',
    lesionType: 'lytic',
    weightBearing: 'full',
    mirels: { site: 'peritrochanteric', lesion: 'lytic', size: 'lt_one_third', pain: 'mild' },
  });
  const assessment = await app.call('assessments.create', {
    patientId,
    kind: 'baseline',
    assessedOn: today,
    heightCm: 162,
    weightKg: 64,
    measureKeys: ['six_minute_walk', 'sit_to_stand_30s', 'handgrip'],
  });
  const { page } = app;
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/patients/${patientId}/assessments/${assessment.id}`);
  const walk = page.getByRole('region', { name: 'Six-minute walk test' });
  await expect(walk).toContainText('Conflicts with a bone-lesion restriction');
  await expect(walk).toContainText(
    'Proximal femur lesion — Femoral lesion: no hip flexion/extension, no weight-bearing aerobic',
  );
  await expect(walk).toContainText('six minutes of weight-bearing walking');
  const stands = page.getByRole('region', { name: '30-second sit-to-stand' });
  await expect(stands).toContainText('repeated rising from a chair, loading hip and knee flexion and extension');
  await expect(page.getByRole('region', { name: 'Handgrip strength' })).not.toContainText('Conflicts');
  await screenshotBoth(app, 'clinical-assessment-femur');

  await walk.getByLabel('Distance (m)').fill('260');
  await walk.getByRole('button', { name: 'Save 6MWT' }).click();
  await expect(walk.getByText(/Record why it is being tested, or choose another test/)).toBeVisible();
  await walk
    .getByLabel('Why test it despite the restriction? (required)')
    .fill('Orthopaedic review: walking test agreed');
  await walk.getByRole('button', { name: 'Save 6MWT' }).click();
  await expect(walk.getByText('Saved', { exact: true })).toBeVisible();
  const stored = app
    .sqlite()
    .prepare("SELECT override_note AS note FROM measure_result WHERE measure_key = 'six_minute_walk'")
    .get() as { note: string };
  expect(stored.note).toBe('Orthopaedic review: walking test agreed');
  expect(app.consoleErrors).toEqual([]);
});

test('each new precaution raises its alert on the overview and the session where its condition, medicine or device is recorded', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const patientId = await clearedPatient(app, { given: 'Leilani', family: 'Kahale', mrn: 'PRC-2004' });
  await app.call('intake.saveDiagnosis', {
    patientId,
    primarySite: 'Breast',
    stage: 'IV',
    metastaticSites: ['brain', 'bone'],
  });
  for (const [kind, detail] of [
    ['hypercalcaemia', 'Corrected calcium 3.1 mmol/L in October'],
    ['picc_line', 'Left arm'],
    ['implanted_port', 'Right chest'],
    ['stoma', 'Ileostomy'],
  ] as const) {
    await app.call('intake.saveComorbidity', { patientId, kind, detail });
  }
  await app.call('intake.saveTreatment', {
    patientId,
    type: 'chemotherapy',
    regimen: 'Epirubicin',
    startDate: addDays(today, -200),
    endDate: addDays(today, -100),
  });
  await app.call('intake.saveTreatment', {
    patientId,
    type: 'surgery',
    regimen: 'Right hemicolectomy',
    startDate: addDays(today, -20),
  });
  await app.call('intake.saveHeartFunction', { patientId, lvefPercent: 52, lvefMeasuredOn: addDays(today, -30) });
  for (const [name, flags] of [
    ['Denosumab 120 mg', []],
    ['Apixaban 5 mg', ['anticoagulant']],
    ['Diltiazem 180 mg', ['heart_rate_lowering']],
    ['Repaglinide 1 mg', ['glucose_lowering']],
  ] as const) {
    await app.call('intake.saveMedication', { patientId, name, flags: [...flags] });
  }
  const titles = [
    'Brain metastases: ask about raised intracranial pressure',
    'Hypercalcaemia recorded: ask about its symptoms',
    'Cardiotoxic treatment: Epirubicin',
    'Denosumab: low calcium risk',
    'Bleeding risk (anticoagulant): ask about bleeding signs',
    'PICC line (Left arm)',
    'Implanted port (Right chest)',
    'Stoma (Ileostomy)',
    `Recent surgery: Right hemicolectomy on`,
    'Heart-rate-lowering medicine',
    'Insulin, sulfonylurea or meglitinide',
  ];
  const { page } = app;
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/patients/${patientId}`);
  const alerts = page.getByRole('region', { name: 'Alerts' });
  for (const title of titles) await expect(alerts.getByText(title, { exact: false }).first()).toBeVisible();
  await expect(alerts).toContainText('Last ejection fraction: 52 %');
  await expect(alerts).toContainText('No blood-pressure cuff on the PICC arm');
  await screenshotBoth(app, 'clinical-precautions-overview');

  await bookAndOpen(app, patientId);
  const sessionAlerts = page.getByRole('list', { name: 'Patient alerts' });
  for (const title of titles) await expect(sessionAlerts.getByText(title, { exact: false }).first()).toBeVisible();
  await expect(page.getByText('Other heart-rate-lowering medicine: use RPE, not HR')).toBeVisible();
  await screenshotBoth(app, 'clinical-precautions-session');
  expect(app.consoleErrors).toEqual([]);
});
