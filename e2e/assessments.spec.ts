import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openSqlite } from '../src/main/db/connection';
import { addDays, formatClinicDate, startOfWeek, todayLocal } from '../src/shared/dates';
import { expect, notifications, test, useColorScheme, type PacewiseApp } from './fixtures';
import { finalisedWalk } from './support/records';

const esasLabels = [
  'Pain',
  'Tiredness (fatigue)',
  'Drowsiness',
  'Nausea',
  'Lack of appetite',
  'Shortness of breath',
  'Depression',
  'Anxiety',
  'Wellbeing',
] as const;

async function go(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Waits out any "Saved" notification so a screenshot shows the screen itself. */
async function toastsGone(page: Page) {
  await expect(notifications(page).filter({ hasText: /^Saved/ })).toHaveCount(0, { timeout: 6000 });
}

/** Whole years from date of birth to a clinic date, both 'YYYY-MM-DD'. */
function ageOn(dob: string, on: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

async function saveMeasure(card: Locator, shortName: string) {
  await card.getByRole('button', { name: `Save ${shortName}` }).click();
  await expect(card.getByText('Saved', { exact: true })).toBeVisible();
}

async function recordAssessment(
  app: PacewiseApp,
  patientId: string,
  a: { kind: 'Baseline' | 'Reassessment'; on: string; walk: string; tug: string; fatigue: string },
) {
  const { page } = app;
  await go(page, `/patients/${patientId}/assessments`);
  await page.getByRole('button', { name: 'New assessment' }).click();
  const form = page.getByRole('region', { name: 'New assessment' });
  await form.getByRole('radio', { name: a.kind }).check();
  await form.getByLabel('Assessment date').fill(a.on);
  await form.getByLabel('Height (cm)').fill('165');
  await form.getByLabel('Weight (kg)').fill('70');
  // The clinic default battery is prefilled.
  for (const name of ['Six-minute walk test', 'Timed Up and Go', 'Edmonton Symptom Assessment System (revised)']) {
    await expect(form.getByRole('checkbox', { name })).toBeChecked();
  }
  await form.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByRole('heading', { name: `${a.kind} · ${formatClinicDate(a.on)}` })).toBeVisible();

  const walk = page.getByRole('region', { name: 'Six-minute walk test' });
  await expect(walk.getByText(/Walk to and fro along a measured corridor/)).toBeVisible();
  await walk.getByLabel('Distance (m)').fill(a.walk);
  // Worked out live from sex, age, height and weight (Enright & Sherrill 1998).
  // Hand-worked for this woman (165 cm, 70 kg, born 2 Apr 1958): 2.11·ht − 2.29·wt − 5.78·age + 667.
  const age = ageOn('1958-04-02', a.on);
  const predicted = 2.11 * 165 - 2.29 * 70 - 5.78 * age + 667;
  const result = walk.getByRole('group', { name: '6MWT result' });
  await expect(result).toContainText(new RegExp(`Predicted distance:\\s*${Math.round(predicted)} m`));
  await expect(result).toContainText(
    new RegExp(`Of predicted:\\s*${Math.round((100 * Number(a.walk)) / predicted)} %`),
  );
  await saveMeasure(walk, '6MWT');

  const tug = page.getByRole('region', { name: 'Timed Up and Go' });
  await tug.getByLabel('Time (s)').fill(a.tug);
  await saveMeasure(tug, 'TUG');

  const esas = page.getByRole('region', { name: 'Edmonton Symptom Assessment System (revised)' });
  const scores = { 'Tiredness (fatigue)': a.fatigue } as Record<string, string>;
  for (const label of esasLabels)
    await esas.getByRole('textbox', { name: label, exact: true }).fill(scores[label] ?? '2');
  await expect(esas.getByRole('group', { name: 'ESAS-r result' })).toContainText(
    `Total: ${16 + Number(a.fatigue)} points`,
  );
  await saveMeasure(esas, 'ESAS-r');
  if (a.kind === 'Reassessment') {
    // The form mid-entry: instructions, live scores, one measure typed but not yet saved.
    await page.getByRole('region', { name: '30-second sit-to-stand' }).getByLabel('Stands in 30 s').fill('11');
    for (const scheme of ['light', 'dark'] as const) {
      await useColorScheme(page, scheme);
      await toastsGone(page);

      await page.evaluate(() => window.scrollTo(0, 0));
      await app.screenshot('assessment-draft');
    }
    await useColorScheme(page, 'light');
    // Finalising warns about, and refuses, a measure typed but not saved.
    await page.getByRole('button', { name: 'Finalise assessment' }).click();
    const confirm = page.getByRole('dialog', { name: 'Finalise this assessment?' });
    await expect(confirm.getByText('Typed but not saved')).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Finalise and lock' })).toBeDisabled();
    await confirm.getByRole('button', { name: 'Keep editing' }).click();
    await saveMeasure(page.getByRole('region', { name: '30-second sit-to-stand' }), '30s STS');
  }

  await page.getByRole('button', { name: 'Finalise assessment' }).click();
  await page.getByRole('button', { name: 'Finalise and lock' }).click();
  await expect(page.getByText(/^Finalised by Alex Morgan/)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Locked: the values read as text and nothing on the form can be changed any more.
  await expect(walk.getByRole('textbox')).toHaveCount(0);
  await expect(walk).toContainText(`Result: ${a.walk} m`);
  await expect(page.getByRole('button', { name: 'Save 6MWT' })).toHaveCount(0);
}

test('baseline and eight-week reassessment: scores, verdicts against the MCID, charts and the schedule', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  const patient = await app.call('patients.create', {
    givenName: 'Ruth',
    familyName: 'Okafor',
    preferredName: null,
    dateOfBirth: '1958-04-02',
    sex: 'female',
    mrn: 'RMH-448812',
  });
  const today = todayLocal();
  const baselineOn = addDays(today, -56);

  await recordAssessment(app, patient.id, { kind: 'Baseline', on: baselineOn, walk: '380', tug: '10.2', fatigue: '7' });
  // Eight weeks on, the caseload's row says the reassessment is due today.
  let flag = await app.call('progress.caseloadFlag', { patientId: patient.id });
  expect(flag).toEqual({ lastAssessmentOn: baselineOn, reassessmentDueOn: today, state: 'due' });
  await go(page, `/patients/${patient.id}/assessments`);
  await expect(page.getByRole('group', { name: 'Reassessment schedule' })).toContainText('Reassessment due');
  await go(page, '/caseload');
  const caseloadRow = page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: 'Ruth Okafor' });
  await expect(caseloadRow).toContainText('Due today');

  await recordAssessment(app, patient.id, { kind: 'Reassessment', on: today, walk: '425', tug: '9.8', fatigue: '4' });
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await toastsGone(page);

    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('assessment-finalised');
  }

  await page.getByRole('link', { name: 'Progress and comparison' }).click();
  const table = page.getByRole('table', { name: 'Comparison' });
  const walk = table.getByRole('row', { name: '6MWT', exact: true });
  await expect(walk).toContainText('+45 m');
  await expect(walk).toContainText('Improved');
  // 30 m is Pacewise's default inside Granger 2015's 22–42 m, never "Granger's MCID" (review P1 #5).
  await expect(walk).toContainText(
    'at or beyond the threshold of 30 m (Pacewise default within Granger 2015’s 22–42 m)',
  );
  await expect(walk).toContainText('Pacewise choice, not a published MCID');
  await expect(walk).not.toContainText('MCID of 30 m (Granger 2015)');
  const tug = table.getByRole('row', { name: 'TUG', exact: true });
  // One decimal, the stopwatch's precision (review P3 #22).
  await expect(tug).toContainText('−0.4 s');
  await expect(tug).toContainText('Stable');
  await expect(tug).toContainText('smaller than the MDC of 1.1 s');
  await expect(tug).not.toContainText('0.40');
  const fatigue = table.getByRole('row', { name: 'ESAS-r fatigue', exact: true });
  await expect(fatigue.getByRole('cell').nth(1)).toContainText('7 points');
  await expect(fatigue.getByRole('cell').nth(3)).toContainText('4 points');
  await expect(fatigue).toContainText('Improved');
  // 30s STS was first taken at the reassessment: it is "first recorded", never the baseline (review P2 #6).
  const sts = table.getByRole('row', { name: '30s STS', exact: true });
  await expect(sts.getByRole('cell').nth(1)).toContainText('First recorded');
  await expect(walk.getByRole('cell').nth(1)).not.toContainText('First recorded');
  // Clearance is in view on the progress screen (review P1 #4).
  await expect(page.getByRole('group', { name: 'Patient status' })).toContainText('No medical clearance');

  const chart = page.getByRole('figure', { name: '6MWT over time' });
  await expect(chart).toContainText(`${formatClinicDate(baselineOn)}: 380 m`);
  await expect(chart).toContainText(`${formatClinicDate(today)}: 425 m`);
  // Both assessments are drawn as points on the line (a dot each), once the
  // chart is scrolled to: charts are drawn as they come near the window.
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('.pw-chart-dot')).toHaveCount(2);
  // Each point says its value on hover, and the baseline is drawn with its MCID band.
  await expect(chart.locator('.pw-chart-dot title')).toHaveText([
    `${formatClinicDate(baselineOn)}: 380 m`,
    `${formatClinicDate(today)}: 425 m`,
  ]);
  await expect(chart.locator('.pw-chart-reference')).toContainText('Baseline');
  await expect(chart.locator('.pw-chart-band')).toHaveCount(1);

  // The caseload's reassessment flag clears: next one is eight weeks after today.
  flag = await app.call('progress.caseloadFlag', { patientId: patient.id });
  expect(flag).toEqual({ lastAssessmentOn: today, reassessmentDueOn: addDays(today, 56), state: 'not_due' });
  await go(page, '/caseload');
  await expect(caseloadRow).toContainText(formatClinicDate(addDays(today, 56)));
  await expect(caseloadRow).not.toContainText('Due today');
  await page.goBack();

  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('.pw-chart-dot')).toHaveCount(2);
    await toastsGone(page);

    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('progress');
  }
  // Printed, the app's navigation drops away and the charts keep the light palette.
  await useColorScheme(page, 'light');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(chart.locator('.pw-chart-dot')).toHaveCount(2);
  await page.screenshot({ path: 'e2e/.screenshots/progress-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  expect(app.consoleErrors).toEqual([]);
});

test('a correction keeps the finalised original readable and replaces it in the comparison', async ({ app }) => {
  const { page } = app;
  const patient = await app.call('patients.create', {
    givenName: 'Tom',
    familyName: 'Becker',
    preferredName: null,
    dateOfBirth: '1949-11-30',
    sex: 'male',
    mrn: 'RMH-100200',
  });
  const on = addDays(todayLocal(), -3);
  const draft = await app.call('assessments.create', {
    patientId: patient.id,
    kind: 'baseline',
    assessedOn: on,
    measureKeys: ['handgrip'],
  });
  await go(page, `/patients/${patient.id}/assessments/${draft.id}`);
  const grip = page.getByRole('region', { name: 'Handgrip strength' });
  await grip.getByLabel('Left hand, trial 1 (kg)').fill('21');
  await grip.getByLabel('Right hand, trial 1 (kg)').fill('24.5');
  await grip.getByLabel('Right hand, trial 2 (kg)').fill('23');
  await expect(grip.getByRole('group', { name: 'Grip result' })).toContainText('Best: 24.5 kg');
  await saveMeasure(grip, 'Grip');
  await page.getByRole('button', { name: 'Finalise assessment' }).click();
  await page.getByRole('button', { name: 'Finalise and lock' }).click();

  await page.getByRole('button', { name: 'Correct this assessment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct this assessment' });
  await dialog.getByRole('button', { name: 'Start correction' }).click();
  await expect(dialog.getByText('Enter the reason for the correction')).toBeVisible();
  await dialog.getByLabel('Reason for the correction').fill('Right hand trial 1 was 26.5 kg, misread');
  await dialog.getByRole('button', { name: 'Start correction' }).click();
  await expect(page.getByText('This is a correction')).toBeVisible();
  const corrected = page.getByRole('region', { name: 'Handgrip strength' });
  await corrected.getByLabel('Right hand, trial 1 (kg)').fill('26.5');
  await saveMeasure(corrected, 'Grip');
  await page.getByRole('button', { name: 'Finalise assessment' }).click();
  await page.getByRole('button', { name: 'Finalise and lock' }).click();
  await expect(page.getByText(/^Finalised by/)).toBeVisible();

  await page.getByRole('link', { name: 'the original assessment' }).click();
  await expect(page.getByText('Replaced by a correction')).toBeVisible();
  const original = page.getByRole('region', { name: 'Handgrip strength' });
  await expect(original).toContainText('Right hand, trial 1 (kg)24.5');
  await expect(original).toContainText('Best: 24.5 kg');
  await page.getByRole('link', { name: 'Progress and comparison' }).click();
  const row = page.getByRole('table', { name: 'Comparison' }).getByRole('row', { name: 'Grip', exact: true });
  await expect(row).toContainText('26.5 kg');
  // 26.5 kg in a man is below the EWGSOP2 cut-off of 27 kg.
  await expect(row).toContainText('Low grip strength');
  // At 1024 px the cut-off badge still reads whole, never clipped to "Low grip …".
  await page.setViewportSize({ width: 1024, height: 768 });
  const badge = row.locator('.mantine-Badge-label').filter({ hasText: 'Low grip strength' });
  // (1 px for sub-pixel rounding of wrapped text)
  expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(app.consoleErrors).toEqual([]);
});

test('the clinic defines its own measure and default battery, and new assessments start from it', async ({ app }) => {
  const { page } = app;
  const patient = await app.call('patients.create', {
    givenName: 'Aroha',
    familyName: 'Ngata',
    preferredName: null,
    dateOfBirth: '1962-07-14',
    sex: 'female',
    mrn: 'RMH-300300',
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Assessments' }).click();
  const add = page.getByRole('region', { name: 'Add a clinic measure' });
  await add.getByLabel('Measure name').fill('Stair climb');
  await add.getByLabel('Unit').fill('s');
  await add.getByRole('radio', { name: 'Lower' }).check();
  await add.getByRole('textbox', { name: 'MCID', exact: true }).fill('2');
  await add.getByLabel('Decimal places').fill('1');
  await add.getByLabel('Highest possible value').fill('300');
  await add.getByRole('button', { name: 'Add measure' }).click();
  // An MCID without its source is refused, with the message under the field and nothing lost.
  await expect(add.getByText('Enter where the MCID comes from')).toBeVisible();
  await expect(add.getByLabel('Measure name')).toHaveValue('Stair climb');
  await add.getByLabel('Source of the MCID').fill('Clinic audit 2025');
  await add.getByRole('button', { name: 'Add measure' }).click();
  await expect(page.getByRole('table', { name: 'Clinic measures' })).toContainText('2 s (Clinic audit 2025)');

  const battery = page.getByRole('region', { name: 'Default assessment battery' });
  await battery.getByRole('checkbox', { name: 'Handgrip strength' }).uncheck();
  await battery.getByRole('checkbox', { name: 'Stair climb' }).check();
  await battery.getByRole('button', { name: 'Save default battery' }).click();
  await expect(page.getByText('Default battery saved')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await battery.scrollIntoViewIfNeeded();
    await app.screenshot('settings-measures');
    // The full settings page is long; keep a close-up of this workflow's two panels too.
    await page
      .getByRole('region', { name: 'Clinic outcome measures' })
      .screenshot({ path: `e2e/.screenshots/settings-clinic-measures-${scheme}.png` });
    await battery.screenshot({ path: `e2e/.screenshots/settings-battery-${scheme}.png` });
  }

  await go(page, `/patients/${patient.id}/assessments`);
  await page.getByRole('button', { name: 'New assessment' }).click();
  const form = page.getByRole('region', { name: 'New assessment' });
  await expect(form.getByRole('checkbox', { name: 'Stair climb' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Handgrip strength' })).not.toBeChecked();
  await form.getByRole('button', { name: 'Start assessment' }).click();
  const stairs = page.getByRole('region', { name: 'Stair climb' });
  await stairs.getByLabel('Stair climb (s)').fill('301');
  await stairs.getByRole('button', { name: 'Save Stair climb' }).click();
  await expect(stairs.getByText('Stair climb must be 0–300 s.', { exact: true })).toBeVisible();
  await stairs.getByLabel('Stair climb (s)').fill('41.5');
  await saveMeasure(stairs, 'Stair climb');
  expect(app.consoleErrors).toEqual([]);
});

test('progress charts draw attendance, session RPE and symptoms, and goal progress from other workflows’ records', async ({
  app,
}) => {
  const { page } = app;
  const patient = await app.call('patients.create', {
    givenName: 'Mei',
    familyName: 'Chen',
    preferredName: null,
    dateOfBirth: '1955-03-09',
    sex: 'female',
    mrn: 'RMH-500500',
  });
  const today = todayLocal();
  // A Thursday about 60 days ago, whatever today is: the sessions below fall in the same weeks
  // (which start on Monday) on every day the test runs, so the first week holds one attendance.
  const sixtyDaysAgo = addDays(today, -60);
  const start = addDays(sixtyDaysAgo, -((new Date(`${sixtyDaysAgo}T12:00:00`).getDay() + 3) % 7));
  await finalisedWalk(app, patient.id, { on: start, metres: 350 });
  // Three assessments, so the comparison has a previous result distinct from the baseline.
  await finalisedWalk(app, patient.id, { on: addDays(today, -30), metres: 380, kind: 'reassessment' });
  await finalisedWalk(app, patient.id, { on: today, metres: 395, kind: 'reassessment' });

  // Sessions, a plan and a goal belong to the sessions and intake workflows; they are written
  // straight into the caseload file here so this test does not depend on their screens.
  const db = openSqlite(join(app.dataDir, 'caseload.db'));
  const at = new Date().toISOString();
  const who = [at, 'seed', at, 'seed'];
  db.prepare(
    `INSERT INTO exercise_plan (id, patient_id, version, sessions_per_week, session_minutes, created_at, created_by, updated_at, updated_by)
     VALUES ('01SEEDPLAN0000000000000001', ?, 1, 2, 45, ?, ?, ?, ?)`,
  ).run(patient.id, `${start}T08:00:00.000Z`, 'seed', at, 'seed');
  const insert = db.prepare(
    `INSERT INTO session (id, patient_id, date, start_time, attendance, after_json, signed_at, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, '10:00', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const pattern = [
    'attended',
    'attended',
    'did_not_attend',
    'attended',
    'held_for_safety',
    'attended',
    'attended',
    'cancelled',
  ];
  for (let i = 0; i < 16; i++) {
    const attendance = pattern[i % pattern.length]!;
    const after =
      attendance === 'attended'
        ? JSON.stringify({ rpeOverall: 11 + (i % 4), fatigue: Math.max(1, 6 - Math.floor(i / 3)), pain: 2 + (i % 2) })
        : null;
    insert.run(
      `01SEEDSESSION00000000000${String(i).padStart(2, '0')}`,
      patient.id,
      addDays(start, 3 + Math.floor(i * 3.5)),
      attendance,
      after,
      after ? at : null,
      ...who,
    );
  }
  db.prepare(
    `INSERT INTO goal (id, patient_id, in_own_words, category, measure_key, target_value, status, created_at, created_by, updated_at, updated_by)
     VALUES ('01SEEDGOAL0000000000000001', ?, 'Walk to the market and back without stopping', 'mobility', 'six_minute_walk', '410', 'active', ?, ?, ?, ?)`,
  ).run(patient.id, ...who);
  db.close();

  // In a tablet-sized window, where the comparison's columns are narrowest.
  await page.setViewportSize({ width: 1024, height: 768 });
  await go(page, `/patients/${patient.id}/progress`);
  // Since the previous assessment: +15 m, inside the 6MWT's threshold, and read whole (not "Stab…").
  const since = page
    .getByRole('table', { name: 'Comparison' })
    .getByRole('row', { name: '6MWT', exact: true })
    .getByRole('cell')
    .nth(6);
  await expect(since).toHaveText('Stable (+15)');
  expect(await since.locator('.mantine-Badge-label').evaluate((l) => l.scrollWidth <= l.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 800 });
  const attendance = page.getByRole('figure', { name: 'Attendance by week' });
  await expect(attendance).toContainText('Mean adherence');
  await attendance.scrollIntoViewIfNeeded();
  await expect(attendance.locator('.pw-chart-bar').first()).toBeVisible();
  await expect(attendance.locator('.pw-chart-bar[data-series="Attended"] title').first()).toHaveText(/: Attended 1$/);
  const rpe = page.getByRole('figure', { name: 'Session RPE' });
  await rpe.scrollIntoViewIfNeeded();
  await expect(rpe.locator('.pw-chart-dot').first()).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Symptoms after sessions' })).toContainText('Fatigue');
  const goal = page.getByRole('listitem', { name: 'Walk to the market and back without stopping' });
  await expect(goal).toContainText('6MWT: baseline 350, latest 395, target 410');
  await expect(goal.getByRole('progressbar', { name: '75% of the way to the target' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await toastsGone(page);

    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('progress-sessions');
  }
  expect(app.consoleErrors).toEqual([]);
});

test('clearance on every assessment screen, discarding a draft, and no reassessment before the baseline', async ({
  app,
}) => {
  const { page } = app;
  const patient = await app.call('patients.create', {
    givenName: 'Lena',
    familyName: 'Park',
    preferredName: null,
    dateOfBirth: '1960-02-11',
    sex: 'female',
    mrn: 'RMH-700700',
  });
  const today = todayLocal();
  const baselineOn = addDays(today, -20);
  const base = await app.call('assessments.create', {
    patientId: patient.id,
    kind: 'baseline',
    assessedOn: baselineOn,
    measureKeys: ['timed_up_and_go'],
  });
  await app.call('assessments.recordMeasure', {
    assessmentId: base.id,
    measureKey: 'timed_up_and_go',
    components: { seconds: 11.25 },
  });
  await app.call('assessments.recordMeasure', { assessmentId: base.id, measureKey: 'ecog', components: { grade: 1 } });
  await app.call('assessments.finalise', { assessmentId: base.id });

  // The list: status and clearance badges from the patient's intake record (review P1 #4).
  await go(page, `/patients/${patient.id}/assessments`);
  const badges = page.getByRole('group', { name: 'Patient status' });
  await expect(badges).toContainText('No medical clearance');
  await expect(page.getByRole('heading', { name: 'Assessments', level: 2 })).toBeVisible();

  // A reassessment dated before the baseline is refused under the date field, and nothing typed is lost.
  await page.getByRole('button', { name: 'New assessment' }).click();
  const form = page.getByRole('region', { name: 'New assessment' });
  await form.getByRole('radio', { name: 'Reassessment' }).check();
  await form.getByLabel('Assessment date').fill(addDays(baselineOn, -1));
  await form.getByLabel('Notes').fill('Entered late');
  await form.getByRole('button', { name: 'Start assessment' }).click();
  await expect(
    form.getByText(`A reassessment cannot be dated before the baseline of ${formatClinicDate(baselineOn)}`),
  ).toBeVisible();
  await expect(form.getByLabel('Notes')).toHaveValue('Entered late');
  await form.getByLabel('Assessment date').fill(today);
  await form.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByRole('heading', { name: `Reassessment · ${formatClinicDate(today)}` })).toBeVisible();
  // The editor carries the same badges.
  await expect(page.getByRole('group', { name: 'Patient status' })).toContainText('No medical clearance');
  const tug = page.getByRole('region', { name: 'Timed Up and Go' });
  await tug.getByLabel('Time (s)').fill('10.4');
  await saveMeasure(tug, 'TUG');
  await expect(page.getByRole('button', { name: 'Discard draft' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await toastsGone(page);

    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('assessment-editor-badges');
  }
  await useColorScheme(page, 'light');

  // Discarding needs a reason; the draft stays in the list, marked discarded (review P2 #11).
  await page.getByRole('button', { name: 'Discard draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard this draft?' });
  await dialog.getByRole('button', { name: 'Discard draft' }).click();
  await expect(dialog.getByText('Enter the reason for discarding the draft')).toBeVisible();
  await dialog.getByLabel('Reason for discarding').fill('Test stopped: patient felt unwell');
  await dialog.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByRole('heading', { name: 'Assessments', level: 2 })).toBeVisible();
  const row = page.getByRole('row', { name: `Reassessment ${formatClinicDate(today)}` });
  await expect(row).toContainText('Discarded');
  await expect(row).toContainText('Test stopped: patient felt unwell');
  // It no longer blocks a new assessment, and it counts nowhere.
  await expect(page.getByRole('button', { name: 'New assessment' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await toastsGone(page);
    await app.screenshot('assessments-list');
  }
  await useColorScheme(page, 'light');
  const comparison = await app.call('progress.comparison', { patientId: patient.id });
  expect(comparison.rows.find((r) => r.measureKey === 'timed_up_and_go')!.current!.value).toBe(11.25);
  // A finalised reassessment with ECOG and SPPB, whose thresholds the fact sheet does not back (review P3 #24).
  const again = await app.call('assessments.create', {
    patientId: patient.id,
    kind: 'reassessment',
    assessedOn: today,
    measureKeys: ['ecog', 'sppb'],
  });
  await app.call('assessments.recordMeasure', { assessmentId: again.id, measureKey: 'ecog', components: { grade: 2 } });
  await app.call('assessments.recordMeasure', {
    assessmentId: again.id,
    measureKey: 'sppb',
    components: { side_by_side_s: 10, semi_tandem_s: 10, tandem_s: 3, gait_1_s: 5.5, chair_s: 14 },
  });
  await app.call('assessments.finalise', { assessmentId: again.id });
  await go(page, `/patients/${patient.id}/progress`);
  await expect(page.getByRole('group', { name: 'Patient status' })).toContainText('No medical clearance');
  const table = page.getByRole('table', { name: 'Comparison' });
  const ecog = table.getByRole('row', { name: 'ECOG', exact: true });
  await expect(ecog).toContainText('Declined');
  await expect(ecog).toContainText('Pacewise choice, not a published MCID');
  const sppb = table.getByRole('row', { name: 'SPPB', exact: true });
  await expect(sppb).toContainText('Mobility limitation');
  await expect(sppb).toContainText('Source not verified');
  // One decimal for TUG: 11.25 s shows as 11.3 s.
  const tugRow = page.getByRole('table', { name: 'Comparison' }).getByRole('row', { name: 'TUG', exact: true });
  await expect(tugRow).toContainText('11.3 s');
  // The discarded draft's 10.4 s counts nowhere on screen either (the row is there, so this cannot pass vacuously).
  await expect(tugRow).not.toContainText('10.4');
  await expect(page.getByRole('figure', { name: 'TUG over time' }).locator('.pw-chart-dot')).toHaveCount(1);
  expect(app.consoleErrors).toEqual([]);
});

test('a partial ESAS-r is saved with its total marked incomplete, and is not judged against the MCID on progress', async ({
  app,
}) => {
  const { page } = app;
  const patient = await app.call('patients.create', {
    givenName: 'Noor',
    familyName: 'Haddad',
    preferredName: null,
    dateOfBirth: '1961-05-14',
    sex: 'female',
    mrn: 'RMH-500600',
  });
  const today = todayLocal();
  const baseline = await app.call('assessments.create', {
    patientId: patient.id,
    kind: 'baseline',
    assessedOn: addDays(today, -56),
    measureKeys: ['esas_r'],
  });
  const full = Object.fromEntries(
    [
      'pain',
      'fatigue',
      'drowsiness',
      'nausea',
      'appetite',
      'shortness_of_breath',
      'depression',
      'anxiety',
      'wellbeing',
    ].map((k) => [k, 5]),
  );
  await app.call('assessments.recordMeasure', { assessmentId: baseline.id, measureKey: 'esas_r', components: full });
  await app.call('assessments.finalise', { assessmentId: baseline.id });
  const again = await app.call('assessments.create', {
    patientId: patient.id,
    kind: 'reassessment',
    assessedOn: today,
    measureKeys: ['esas_r'],
  });

  // Seven of the nine items rated, two left blank: 7 × 2 = 14 points over the items rated.
  await go(page, `/patients/${patient.id}/assessments/${again.id}`);
  const esas = page.getByRole('region', { name: 'Edmonton Symptom Assessment System (revised)' });
  for (const label of esasLabels.filter((l) => l !== 'Nausea' && l !== 'Depression'))
    await esas.getByRole('textbox', { name: label, exact: true }).fill('2');
  const result = esas.getByRole('group', { name: 'ESAS-r result' });
  await expect(result).toContainText('Total: 14 points — incomplete (7 of 9 items)');
  await saveMeasure(esas, 'ESAS-r');
  await expect(esas.getByText(/^Total incomplete \(7 of 9 items\): it is not judged against the MCID/)).toBeVisible();
  await page.getByRole('button', { name: 'Finalise assessment' }).click();
  await page.getByRole('button', { name: 'Finalise and lock' }).click();
  await expect(page.getByText(/^Finalised by Alex Morgan/)).toBeVisible();
  await expect(result).toContainText('Total: 14 points — incomplete (7 of 9 items)');

  // A 31-point fall would be "Improved" if complete; partial, it is not judged, and says why.
  await go(page, `/patients/${patient.id}/progress`);
  const row = page.getByRole('table', { name: 'Comparison' }).getByRole('row', { name: 'ESAS-r', exact: true });
  await expect(row).toContainText('incomplete (7 of 9 items)');
  await expect(row).toContainText('Not judged');
  await expect(row).not.toContainText('Improved');
  await expect(row).toContainText('the MCID applies to complete totals only');
  await expect(page.getByText(/14 points \(incomplete \(7 of 9 items\)\)/)).toBeVisible();
  await toastsGone(page);
  await app.screenshot('assessment-esas-partial-progress');
});

test('a long session record: the last 26 weeks by week with empty weeks kept, the whole history by month, charts drawn as they scroll in and all of them for print', async ({
  app,
}) => {
  const { page } = app;
  const patient = await app.call('patients.create', {
    givenName: 'Aroha',
    familyName: 'Ngata',
    preferredName: null,
    dateOfBirth: '1950-07-21',
    sex: 'female',
    mrn: 'RMH-500777',
  });
  const today = todayLocal();
  await finalisedWalk(app, patient.id, { on: addDays(today, -700), metres: 400 });

  // Two blocks of weekly sessions: ten weeks about two years ago, and the six weeks before this
  // one, with nothing for the fortnight before last (a break a clinician should see).
  const db = openSqlite(join(app.dataDir, 'caseload.db'));
  const at = new Date().toISOString();
  const insert = db.prepare(
    `INSERT INTO session (id, patient_id, date, start_time, attendance, after_json, signed_at, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, '10:00', 'attended', ?, ?, ?, 'seed', ?, 'seed')`,
  );
  const thisMonday = addDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
  const dates = [
    ...Array.from({ length: 10 }, (_, i) => addDays(today, -700 + i * 7)),
    ...[6, 5, 4, 1].map((weeksAgo) => addDays(thisMonday, -7 * weeksAgo + 1)),
  ];
  dates.forEach((date, i) =>
    insert.run(
      `01SEEDLONGSESSION000000${String(i).padStart(3, '0')}`,
      patient.id,
      date,
      JSON.stringify({ rpeOverall: 12, fatigue: 3, pain: 1 }),
      at,
      at,
      at,
    ),
  );
  db.close();

  // A short window, so the session charts start below the fold.
  await page.setViewportSize({ width: 1280, height: 600 });
  await go(page, `/patients/${patient.id}/progress`);
  const shown = page.getByRole('radiogroup', { name: 'Sessions shown' });
  await expect(shown.getByRole('radio', { name: 'Last 26 weeks, by week' })).toBeChecked();
  const attendance = page.getByRole('figure', { name: 'Attendance by week' });
  await expect(attendance).toContainText('in the last 26 weeks');
  const symptoms = page.getByRole('figure', { name: 'Symptoms after sessions' });
  await expect(symptoms.locator('[data-chart-drawn]')).toHaveAttribute('data-chart-drawn', 'not yet');
  await expect(symptoms.locator('.pw-chart')).toHaveCount(0);
  await symptoms.scrollIntoViewIfNeeded();
  await expect(symptoms.locator('.pw-chart')).toHaveCount(1);
  await expect(symptoms).toContainText('in the last 26 weeks');
  // Four sessions at most three weeks apart: one unbroken line.
  const fatigue = symptoms.locator('[data-series="Fatigue"] path');
  await expect(fatigue).toHaveAttribute('d', /^M[^M]+$/);
  await page.evaluate(() => window.scrollTo(0, 0));
  // The x axis runs every week of the window, the empty ones included: 26 weeks labelled every
  // sixth gives five labels (the four weeks with a session alone would give four).
  await expect(attendance.locator('.pw-chart-x-tick')).toHaveCount(5);
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('progress-long-record');
  }

  await shown.getByText('All, by month').click();
  const byMonth = page.getByRole('figure', { name: 'Attendance by month' });
  await expect(byMonth).toContainText('since the first session');
  // The mean is over the months that had a session booked, and says so: a long break is not 100 %.
  const monthsBooked = new Set(dates.map((d) => startOfWeek(d).slice(0, 7))).size;
  await expect(byMonth).toContainText(`over the ${monthsBooked} months with a session booked`);
  await expect(byMonth.locator('.pw-chart')).toHaveCount(1);
  await expect(page.getByRole('figure', { name: 'Adherence by month' })).toBeVisible();
  await expect(symptoms).toContainText('since the first session');
  // The whole history is placed by date: the two-year break is a gap along the axis, and the line
  // stops at it instead of joining the two blocks as if they were consecutive.
  await expect(fatigue).toHaveAttribute('d', /^M[^M]+M[^M]+$/);
  const xs = await symptoms
    .locator('[data-series="Fatigue"] circle')
    .evaluateAll((dots) => dots.map((d) => Number(d.getAttribute('cx'))));
  expect(xs).toHaveLength(14);
  expect(xs[10]! - xs[9]!).toBeGreaterThan(20 * (xs[1]! - xs[0]!));
  for (const scheme of ['dark', 'light'] as const) {
    await useColorScheme(page, scheme);
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('progress-long-record-by-month');
  }

  // Printing draws every chart, those never scrolled to included.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Comparison' })).toBeVisible();
  await expect(symptoms.locator('[data-chart-drawn]')).toHaveAttribute('data-chart-drawn', 'not yet');
  await page.emulateMedia({ media: 'print' });
  for (const figure of await page.locator('[data-chart-drawn]').all()) {
    await expect(figure).toHaveAttribute('data-chart-drawn', 'yes');
    await expect(figure.locator('.pw-chart')).toHaveCount(1);
  }
  await page.emulateMedia({ media: 'screen' });
  expect(app.consoleErrors).toEqual([]);
});
