import type { Exercise } from '../src/shared/contract/sessions';
import { readFileSync } from 'node:fs';
import { addDays, todayLocal } from '../src/shared/dates';
import { expect, test, useColorScheme, type PacewiseApp } from './fixtures';

const today = todayLocal();

async function patientReady(
  app: PacewiseApp,
  p: { given: string; family: string; mrn: string; lumbar?: boolean; oncologistPhone?: string },
): Promise<string> {
  const created = await app.call<{ id: string }>('patients.create', {
    givenName: p.given,
    familyName: p.family,
    dateOfBirth: '1956-03-14',
    sex: 'female',
    mrn: p.mrn,
  });
  const patientId = created.id;
  await app.call('intake.changeStatus', {
    patientId,
    toStatus: 'active',
    effectiveOn: today,
    reason: 'Initial assessment done',
  });
  await app.call('intake.saveClearance', {
    patientId,
    receivedOn: addDays(today, -10),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(today, 80),
  });
  if (p.lumbar) {
    await app.call('intake.saveBoneLesion', {
      patientId,
      site: 'lumbar_spine',
      location: 'L3 vertebral body',
      lesionType: 'lytic',
      weightBearing: 'full',
    });
  }
  if (p.oncologistPhone) {
    const contact = await app.call<{ id: string }>('contacts.save', {
      fullName: 'Dr Ana Lima',
      role: 'oncologist',
      phone: p.oncologistPhone,
    });
    await app.call('intake.saveCareTeamMember', { patientId, contactId: contact.id, isMainOncologist: true });
  }
  return patientId;
}

async function writePlan(app: PacewiseApp, patientId: string, keys: string[]) {
  const library = await app.call<Exercise[]>('exercises.list', {});
  const item = (key: string) => ({
    exerciseId: library.find((e) => e.starterKey === key)!.id,
    sets: key === 'stationary_cycle' ? null : 2,
    reps: key === 'stationary_cycle' ? null : 12,
    durationMin: key === 'stationary_cycle' ? 10 : null,
    rpeMin: 11,
    rpeMax: 13,
    talkTest: true,
  });
  await app.call('plans.save', {
    patientId,
    sessionsPerWeek: 2,
    sessionMinutes: 45,
    cycleAdjustment: 'Lighter on days 1–5 after each infusion',
    items: keys.map(item),
  });
}

async function fillVitals(
  section: ReturnType<PacewiseApp['page']['getByRole']>,
  v: { hr: string; sbp: string; dbp: string; spo2: string; temp: string },
) {
  await section.getByLabel('Resting HR (bpm)').fill(v.hr);
  await section.getByLabel('Systolic BP (mmHg)').fill(v.sbp);
  await section.getByLabel('Diastolic BP (mmHg)').fill(v.dbp);
  await section.getByLabel('SpO₂ (%)', { exact: true }).fill(v.spo2);
  await section.getByLabel('Temperature (°C)').fill(v.temp);
}

test('a group class of three: go, hold with urgent action, and a lumbar-lesion override; signed, amended and restored after reload', async ({
  app,
}) => {
  test.setTimeout(150_000);
  const ruth = await patientReady(app, { given: 'Ruth', family: 'Okafor', mrn: 'RMH-1001' });
  await patientReady(app, { given: 'Tom', family: 'Becker', mrn: 'RMH-1002', oncologistPhone: '03 9555 0101' });
  const aroha = await patientReady(app, { given: 'Aroha', family: 'Ngata', mrn: 'RMH-1003', lumbar: true });
  await app.call('intake.saveTreatment', {
    patientId: ruth,
    type: 'chemotherapy',
    regimen: 'Docetaxel',
    startDate: addDays(today, -30),
    cycleLengthDays: 21,
    day1Dates: [addDays(today, -23), addDays(today, -2)],
  });
  await writePlan(app, ruth, ['stationary_cycle', 'seated_biceps_curl', 'sit_to_stand']);
  await writePlan(app, aroha, ['stationary_cycle', 'seated_biceps_curl']);

  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByText('Nobody is booked')).toBeVisible();

  // Book the class through the real dialog.
  await page.getByRole('button', { name: 'New group class' }).click();
  const dialog = page.getByRole('dialog', { name: /New group class/ });
  await dialog.getByLabel('Class name').fill('Strength and balance');
  await dialog.getByLabel('Start time').fill('10:00');
  const patients = dialog.getByRole('combobox', { name: 'Patients' });
  for (const name of ['Okafor', 'Becker', 'Ngata']) {
    await patients.fill(name);
    await page.getByRole('option', { name: new RegExp(name) }).click();
  }
  await dialog.getByLabel('Class name').click();
  await dialog.getByRole('button', { name: 'Create class' }).click();
  await expect(dialog).toBeHidden();
  const classSection = page.getByRole('region', { name: 'Class Strength and balance' });
  await expect(classSection.getByRole('row')).toHaveCount(4);
  await expect(classSection.getByRole('row', { name: /Aroha Ngata/ })).toContainText('Bone metastases');
  await expect(classSection.getByRole('row', { name: /Ruth Okafor/ })).toContainText('Cleared');
  await expect(classSection.getByRole('row', { name: /Ruth Okafor/ })).toContainText('Cycle day 3');
  await useColorScheme(page, 'light');
  await app.screenshot('sessions-today');
  await useColorScheme(page, 'dark');
  await app.screenshot('sessions-today');
  await useColorScheme(page, 'light');

  await classSection.getByRole('button', { name: 'Start class' }).click();
  const ruthPanel = page.getByRole('region', { name: 'Ruth Okafor' });
  const tomPanel = page.getByRole('region', { name: 'Tom Becker' });
  const arohaPanel = page.getByRole('region', { name: 'Aroha Ngata' });
  await expect(ruthPanel).toBeVisible();
  await expect(tomPanel).toBeVisible();
  await expect(arohaPanel).toBeVisible();

  // 1. Ruth goes ahead, lighter on day 3 of her chemotherapy cycle.
  await fillVitals(ruthPanel, { hr: '74', sbp: '132', dbp: '80', spo2: '97', temp: '36.7' });
  await expect(ruthPanel.getByTestId('decision')).toHaveText('Go with modifications');
  await expect(ruthPanel.getByLabel('Early in the treatment cycle')).toContainText('Day 3 of Docetaxel');
  await ruthPanel.getByRole('button', { name: 'Record screen and start' }).click();
  const ruthLog = ruthPanel.getByRole('region', { name: 'Exercise log' });
  await expect(ruthLog.getByRole('group')).toHaveCount(3);
  await expect(ruthLog.getByRole('group', { name: 'Stationary cycle' }).getByLabel('Minutes')).toHaveValue('10');
  for (const name of ['Stationary cycle', 'Seated biceps curl (light dumbbells)', 'Sit to stand']) {
    const row = ruthLog.getByRole('group', { name });
    await row.getByLabel('RPE', { exact: true }).fill('12');
  }
  await ruthPanel.getByLabel('Session notes').fill('Cycled 10 min, tolerated well.');
  await ruthPanel.getByRole('button', { name: 'Sign and lock session' }).click();
  await expect(ruthPanel.getByText('Signed', { exact: true })).toBeVisible();

  // 2. Tom is held for SpO2 of 86% and gets the urgent-action panel with the care team's number.
  await fillVitals(tomPanel, { hr: '88', sbp: '126', dbp: '78', spo2: '86', temp: '36.9' });
  await expect(tomPanel.getByTestId('decision')).toHaveText('Hold');
  const rule = tomPanel.getByRole('region', { name: 'Screen decision' }).getByLabel('SpO₂ low');
  await expect(rule).toContainText('86 %');
  await expect(rule).toContainText('< 88 %');
  await expect(rule).toContainText('Cancer Exercise Toolkit');
  const urgent = tomPanel.getByRole('alert', { name: /Urgent action/ });
  await expect(urgent).toContainText('03 9555 0101');
  await expect(urgent).toContainText('Dr Ana Lima');
  await app.screenshot('sessions-decision');
  await useColorScheme(page, 'dark');
  await app.screenshot('sessions-decision');
  await useColorScheme(page, 'light');
  await tomPanel.getByRole('button', { name: 'Record screen and hold' }).click();
  await tomPanel.getByLabel('Session notes').fill('SpO₂ 86% at rest on two readings. Sent to GP today.');
  await tomPanel.getByRole('button', { name: 'Sign as held for safety' }).click();
  await expect(tomPanel.getByText('Held for safety')).toBeVisible();

  // 3. Aroha (lumbar lesion): a trunk exercise is added, warned, and needs an override note.
  await fillVitals(arohaPanel, { hr: '70', sbp: '120', dbp: '76', spo2: '98', temp: '36.5' });
  await expect(arohaPanel.getByTestId('decision')).toHaveText('Go');
  await expect(arohaPanel.getByText(/Lumbar spine:.*avoid/)).toBeVisible();
  await arohaPanel.getByRole('button', { name: 'Record screen and start' }).click();
  const arohaLog = arohaPanel.getByRole('region', { name: 'Exercise log' });
  await arohaLog.getByRole('combobox', { name: 'Add an exercise' }).fill('trunk rotation');
  await page.getByRole('option', { name: 'Seated trunk rotation with band' }).click();
  const trunk = arohaLog.getByRole('group', { name: 'Seated trunk rotation with band' });
  await expect(trunk).toContainText('Conflicts with a bone-lesion restriction');
  await expect(trunk).toContainText('Lumbar spine lesion');
  await trunk.getByLabel('Sets').fill('1');
  await trunk.getByLabel('Reps').fill('8');

  // Reloading mid-session brings the draft back intact.
  await arohaPanel.getByLabel('Session notes').fill('Trunk rotation added at her request');
  await expect(arohaPanel.getByText(/Draft saved/)).toBeVisible();
  await page.waitForTimeout(600);
  await page.reload();
  await expect(arohaPanel.getByLabel('Session notes')).toHaveValue('Trunk rotation added at her request');
  await expect(trunk.getByLabel('Reps')).toHaveValue('8');
  await expect(arohaPanel.getByRole('region', { name: 'Pre-session screen' })).toContainText(
    'HR 70 · BP 120/76 · SpO₂ 98%',
  );

  await arohaPanel.getByRole('button', { name: 'Sign and lock session' }).click();
  await expect(trunk.getByText(/Record an override note to log it/)).toBeVisible();
  await trunk.getByLabel('Override note (required)').fill('Unloaded, small range; oncologist agreed by phone');
  await app.screenshot('sessions-log');
  await useColorScheme(page, 'dark');
  await app.screenshot('sessions-log');
  await useColorScheme(page, 'light');
  await arohaPanel.getByRole('button', { name: 'Sign and lock session' }).click();
  await expect(arohaPanel.getByText('Signed', { exact: true })).toBeVisible();
  await expect(arohaPanel.getByRole('table', { name: 'Exercises logged' })).toContainText(
    'Override: Unloaded, small range',
  );

  // Today shows all three signed.
  await page.getByRole('link', { name: '← Today' }).click();
  await expect(classSection).toContainText('3 signed');
  await expect(classSection.getByRole('row', { name: /Tom Becker/ })).toContainText('Hold');

  // 4. An amendment keeps the original visible.
  await classSection.getByRole('row', { name: /Ruth Okafor/ }).click();
  const signed = page.getByRole('region', { name: 'Ruth Okafor' });
  await signed.getByRole('button', { name: 'Add an amendment' }).click();
  const amend = page.getByRole('dialog', { name: 'Add an amendment' });
  await amend.getByRole('button', { name: 'Save amendment' }).click();
  await expect(amend.getByText('Enter the reason for the amendment')).toBeVisible();
  await amend.getByLabel('Reason for the amendment').fill('Duration was 12 minutes, not 10');
  await amend.getByLabel('Corrected notes').fill('Cycled 12 min, tolerated well.');
  await amend.getByRole('button', { name: 'Save amendment' }).click();
  await expect(signed.getByLabel('Original notes')).toHaveText('Cycled 10 min, tolerated well.');
  await expect(signed.getByLabel('Amendment 1')).toContainText('Duration was 12 minutes, not 10');
  await expect(signed.getByLabel('Amendment 1')).toContainText('Cycled 12 min, tolerated well.');
  await expect(signed.getByLabel('Amendment 1')).toContainText('Alex Morgan');
  await app.screenshot('sessions-amended');

  // The class still reads on a tablet-sized screen.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('link', { name: '← Today' }).click();
  await classSection.getByRole('button', { name: 'Start class' }).click();
  await expect(page.getByRole('region', { name: 'Tom Becker' })).toBeVisible();
  await app.screenshot('sessions-class-tablet');

  expect(app.consoleErrors).toEqual([]);
});

test('the written plan warns on a lesion conflict, hides HR targets on a beta-blocker, prints a handout; thresholds are clinic settings', async ({
  app,
}) => {
  const patientId = await patientReady(app, { given: 'Aroha', family: 'Ngata', mrn: 'RMH-2001', lumbar: true });
  await app.call('intake.saveMedication', { patientId, name: 'Metoprolol', dose: '25 mg', flags: ['beta_blocker'] });
  const { page } = app;
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/patients/${patientId}/plan`);
  await expect(page.getByRole('heading', { name: 'Exercise plan' })).toBeVisible();
  await expect(page.getByText('Beta-blocker recorded')).toBeVisible();
  await page.getByRole('combobox', { name: 'Add an exercise to the plan' }).fill('stationary');
  await page.getByRole('option', { name: 'Stationary cycle' }).click();
  await page.getByRole('combobox', { name: 'Add an exercise to the plan' }).fill('trunk rotation with');
  await page.getByRole('option', { name: 'Seated trunk rotation with band' }).click();
  const cycle = page.getByRole('group', { name: 'Stationary cycle' });
  await expect(cycle.getByLabel('HR from (bpm)')).toBeDisabled();
  await cycle.getByLabel('Minutes').fill('10');
  const trunk = page.getByRole('group', { name: 'Seated trunk rotation with band' });
  await expect(trunk).toContainText('Lumbar spine lesion');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(trunk.getByText(/Record an override note to keep it/)).toBeVisible();
  await trunk.getByLabel('Override note (required)').fill('Small range, unloaded; agreed with oncologist');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByText('Plan version 1 saved')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Patient handout (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^exercise-plan-ngata-.*\.pdf$/);
  expect(
    readFileSync(await file.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  await page.goto(`${base}#/patients/${patientId}/sessions`);
  await expect(page.getByRole('heading', { name: 'Sessions and adherence' })).toBeVisible();
  await expect(page.getByText('No sessions yet')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const thresholds = page.getByRole('region', { name: 'Pre-session screening thresholds' });
  await thresholds.getByLabel('SpO₂: hold below').fill('90');
  await thresholds.getByLabel('Reason for the change').fill('Follow our respiratory team’s advice');
  await thresholds.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(thresholds.getByText('Changed from 88')).toBeVisible();
  const view = await app.call<{ thresholds: { spo2HoldBelow: { value: number } } }>('safety.thresholds', {});
  expect(view.thresholds.spo2HoldBelow.value).toBe(90);
  expect(app.consoleErrors).toEqual([]);
});
