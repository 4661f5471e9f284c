import type { Locator, Page } from '@playwright/test';
import { addDays, todayLocal } from '../src/shared/dates';
import { expect, test, useColorScheme, type PacewiseApp } from './fixtures';

const today = todayLocal();

async function addPatient(
  app: PacewiseApp,
  p: { given: string; family: string; dob: string; sex: string; mrn: string; noLead?: boolean },
): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add patient' });
  await dialog.getByLabel('Given name').fill(p.given);
  await dialog.getByLabel('Family name').fill(p.family);
  await dialog.getByLabel('Hospital number (MRN)').fill(p.mrn);
  await dialog.getByLabel('Date of birth').fill(p.dob);
  await dialog.getByRole('radio', { name: p.sex, exact: true }).check();
  // The admitting clinician is offered as lead; "None yet" leaves the patient unassigned.
  if (p.noLead) await dialog.getByLabel('Lead clinician').selectOption({ label: 'None yet' });
  await dialog.getByRole('button', { name: 'Save patient' }).press('Enter');
  await expect(dialog).toBeHidden();
}

async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Intake' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { name: label, level: 2 })).toBeVisible();
}

async function backToOverview(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Back to overview' }).click();
  await expect(page.getByRole('navigation', { name: 'Intake' })).toBeVisible();
}

const form = (page: Page, name: string): Locator => page.getByRole('form', { name });
// Saves are pressed from the keyboard: the "Saved" notification of the previous save may cover the button.

test('full intake of a patient with bone metastases, then the right flags on the caseload and overview', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await addPatient(app, { given: 'Margaret', family: 'Hughes', dob: '1962-09-14', sex: 'Female', mrn: 'RMH-552310' });
  await addPatient(app, {
    given: 'Tom',
    family: 'Becker',
    dob: '1949-11-30',
    sex: 'Male',
    mrn: 'RMH-100200',
    noLead: true,
  });
  const table = page.getByRole('table', { name: 'Patients' });
  await table.getByRole('row', { name: 'Margaret Hughes' }).click();
  await expect(page.getByRole('heading', { name: 'Margaret Hughes', level: 2 })).toBeVisible();

  // Personal details and status
  await openSection(page, 'Personal details and status');
  const details = form(page, 'Personal details');
  await details.getByLabel('Phone', { exact: true }).fill('0400 111 222');
  await details.getByLabel('Email', { exact: true }).fill('margaret.hughes@');
  await details.getByLabel('Emergency contact or carer').fill('David Hughes');
  await details.getByLabel('Relationship').fill('Husband');
  await details.getByLabel('Emergency contact phone').fill('0400 333 444');
  await details.getByLabel('Lead clinician').selectOption({ label: 'Alex Morgan' });
  await details.getByRole('button', { name: 'Save personal details' }).press('Enter');
  await expect(details.getByText('Email is not a valid email address')).toBeVisible();
  await expect(details.getByLabel('Emergency contact or carer')).toHaveValue('David Hughes');
  await details.getByLabel('Email', { exact: true }).fill('margaret.hughes@example.org');
  await details.getByRole('button', { name: 'Save personal details' }).press('Enter');
  await expect(details.getByText('Email is not a valid email address')).toBeHidden();
  await expect(page.getByText('Personal details saved')).toBeVisible();

  const status = form(page, 'Change status');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(status.getByText('Choose the new status')).toBeVisible();
  await expect(status.getByText('Enter the reason for the change')).toBeVisible();
  await status.getByLabel('New status').selectOption({ label: 'Active' });
  await status.getByLabel('Reason for the change').fill('Clearance received; first session booked');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('table', { name: 'Status history' })).toContainText('Referred → Active');
  await expect(page.getByLabel('Patient status')).toContainText('Active');
  await backToOverview(page);

  // Referral and care team, with a new directory contact added inline
  await openSection(page, 'Referral and care team');
  const member = form(page, 'Add care team member');
  await member.getByRole('button', { name: 'Save care team member' }).press('Enter');
  await expect(member.getByText('Choose the team member')).toBeVisible();
  await member.getByRole('button', { name: 'New contact' }).click();
  const contactDialog = page.getByRole('dialog', { name: 'New contact' });
  await contactDialog.getByRole('button', { name: 'Save contact' }).press('Enter');
  await expect(contactDialog.getByText('Enter the name')).toBeVisible();
  await expect(contactDialog.getByText('Choose the role')).toBeVisible();
  await contactDialog.getByLabel('Contact name').fill('Dr Amara Osei');
  await contactDialog.getByLabel('Role').selectOption({ label: 'Oncologist' });
  await contactDialog.getByLabel('Practice or hospital').fill('Riverside Hospital');
  await contactDialog.getByLabel('Contact phone').fill('03 9000 1111');
  await contactDialog.getByRole('button', { name: 'Save contact' }).press('Enter');
  await expect(contactDialog).toBeHidden();
  await expect(member.getByLabel('Team member')).toHaveValue(/.{10,}/);
  await member.getByLabel('Main oncologist').check();
  await member.getByRole('button', { name: 'Save care team member' }).press('Enter');
  await expect(page.getByLabel('Saved care team members')).toContainText('Main oncologist');
  const referralForm = form(page, 'Add referral');
  await referralForm.getByLabel('Referral date').fill(addDays(today, 3));
  await referralForm.getByRole('button', { name: 'Save referral' }).press('Enter');
  await expect(referralForm.getByText('Referral date cannot be in the future')).toBeVisible();
  await referralForm.getByLabel('Referral date').fill(addDays(today, -21));
  await referralForm
    .getByLabel('Referrer', { exact: true })
    .selectOption({ label: 'Dr Amara Osei — Oncologist, Riverside Hospital' });
  await referralForm.getByLabel('Reason for referral').fill('Deconditioning during chemotherapy; bone metastases');
  await referralForm.getByRole('button', { name: 'Save referral' }).press('Enter');
  await expect(page.getByLabel('Saved referrals')).toContainText('By Dr Amara Osei');
  await backToOverview(page);

  // Cancer and metastases
  await openSection(page, 'Cancer and metastases');
  const cancer = form(page, 'Add diagnosis');
  await cancer.getByLabel('Primary cancer site').fill('Breast');
  await cancer.getByLabel('Histology').fill('Invasive ductal carcinoma, ER+');
  await cancer.getByLabel('Stage').fill('IV');
  await cancer.getByRole('checkbox', { name: 'Bone' }).check();
  await cancer.getByRole('checkbox', { name: 'Liver' }).check();
  await cancer.getByRole('checkbox', { name: 'Other' }).check();
  await cancer.getByRole('button', { name: 'Save diagnosis' }).press('Enter');
  await expect(cancer.getByText('Name the other metastatic sites')).toBeVisible();
  await cancer.getByRole('checkbox', { name: 'Other' }).uncheck();
  await cancer.getByRole('button', { name: 'Save diagnosis' }).press('Enter');
  await expect(page.getByLabel('Saved diagnoses')).toContainText('Metastases: Bone, Liver');
  await backToOverview(page);

  // Bone lesions: SINS for the lumbar spine, Mirels for the proximal femur, scored live
  await openSection(page, 'Bone lesions');
  let lesion = form(page, 'Add bone lesion');
  await lesion.getByLabel('Lesion site').selectOption({ label: 'Lumbar spine' });
  // Only the SINS locations of the lumbar spine are offered; naming L3 leaves just "mobile", chosen for you.
  await expect(lesion.getByLabel('SINS location').getByRole('option')).toHaveText([
    'Not yet known',
    'Junctional (occiput–C2, C7–T2, T11–L1, L5–S1) (3)',
    'Mobile spine (C3–C6, L2–L4) (2)',
  ]);
  await lesion.getByLabel('Level or part of the bone').fill('L3 vertebral body');
  await expect(lesion.getByLabel('SINS location')).toHaveValue('mobile');
  await expect(lesion.getByLabel('SINS location').getByRole('option')).toHaveText([
    'Not yet known',
    'Mobile spine (C3–C6, L2–L4) (2)',
  ]);
  await lesion.getByLabel('Lesion type', { exact: true }).selectOption({ label: 'Lytic' });
  await lesion.getByLabel('SINS location').selectOption({ label: 'Mobile spine (C3–C6, L2–L4) (2)' });
  // Chosen by its words, not its position: mobile 2 + mechanical pain 3 + lytic 2 = at least 7 (Fisher 2010).
  await lesion
    .getByLabel('SINS pain')
    .selectOption({ label: 'Mechanical (eases lying down, or worse with movement/loading) (3)' });
  await expect(lesion.getByRole('status', { name: 'SINS result' })).toContainText('SINS incomplete: at least 7');
  await expect(lesion.getByRole('status', { name: 'SINS result' })).toContainText('a surgical opinion is warranted');
  await lesion.getByLabel('SINS radiographic alignment').selectOption({ label: 'Normal (0)' });
  await lesion.getByLabel('SINS vertebral body collapse').selectOption({ label: 'None of the above (0)' });
  await lesion.getByLabel('SINS posterolateral involvement').selectOption({ label: 'Unilateral (1)' });
  await expect(lesion.getByRole('status', { name: 'SINS result' })).toContainText(
    'SINS 8 — Potentially unstable (7–12)',
  );
  await expect(lesion.getByRole('status', { name: 'SINS result' })).toContainText('Fisher et al. 2010');
  await lesion.getByLabel('Radiotherapy date').fill(addDays(today, -40));
  await lesion.getByRole('button', { name: 'Save bone lesion' }).press('Enter');
  await expect(lesion.getByText('Tick radiotherapy if a radiotherapy date is given')).toBeVisible();
  await lesion.getByLabel('Radiotherapy to this lesion').check();
  await lesion.getByRole('button', { name: 'Save bone lesion' }).press('Enter');
  await expect(page.getByLabel('Saved bone lesions')).toContainText('SINS 8 · Potentially unstable');

  lesion = form(page, 'Add bone lesion');
  await lesion.getByLabel('Lesion site').selectOption({ label: 'Proximal femur' });
  await lesion.getByLabel('Side', { exact: true }).selectOption({ label: 'Right' });
  await lesion.getByLabel('Lesion type', { exact: true }).selectOption({ label: 'Lytic' });
  await expect(lesion.getByLabel('Mirels site')).toHaveValue('peritrochanteric');
  // A proximal femur is peritrochanteric or lower limb, never upper limb (which would score it 2 points lower).
  await expect(lesion.getByLabel('Mirels site').getByRole('option')).toHaveText([
    'Not yet known',
    'Lower limb (2)',
    'Peritrochanteric (3)',
  ]);
  await lesion.getByLabel('Mirels size (fraction of cortex)').selectOption({ label: '1/3 to 2/3 (2)' });
  await lesion.getByLabel('Mirels pain').selectOption({ label: 'Moderate (2)' });
  await expect(lesion.getByRole('status', { name: 'Mirels result' })).toContainText('Mirels 10 — High risk (9–12)');
  await expect(lesion.getByRole('status', { name: 'Mirels result' })).toContainText('Mirels 1989');
  await lesion.getByLabel('Weight-bearing status').selectOption({ label: 'Partial weight-bearing' });
  await app.screenshot('intake-bone-lesions');
  await lesion.getByRole('button', { name: 'Save bone lesion' }).press('Enter');
  await expect(page.getByLabel('Saved bone lesions')).toContainText('Mirels 10 · High risk');
  await backToOverview(page);

  // Three-weekly chemotherapy with day-1 dates
  await openSection(page, 'Treatments');
  const chemo = form(page, 'Add treatment');
  await chemo.getByRole('button', { name: 'Save treatment' }).press('Enter');
  await expect(chemo.getByText('Choose the treatment type')).toBeVisible();
  await expect(chemo.getByText('Enter the regimen')).toBeVisible();
  await chemo.getByLabel('Treatment type').selectOption({ label: 'Chemotherapy' });
  await chemo.getByLabel('Regimen').fill('Paclitaxel and carboplatin, 3-weekly');
  await chemo.getByLabel('Cycle length (days)').fill('21');
  await chemo.getByLabel('Start date').fill(addDays(today, -30));
  await chemo.getByLabel('End date').fill(addDays(today, -31));
  await chemo.getByRole('button', { name: 'Add day-1 date' }).click();
  await chemo.getByRole('textbox', { name: 'Day-1 date 1' }).fill(addDays(today, -30));
  await chemo.getByRole('button', { name: 'Add day-1 date' }).click();
  await chemo.getByRole('textbox', { name: 'Day-1 date 2' }).fill(addDays(today, -9));
  await chemo.getByRole('button', { name: 'Save treatment' }).press('Enter');
  await expect(chemo.getByText('End date cannot be before the start date')).toBeVisible();
  await chemo.getByLabel('End date').fill('');
  await chemo.getByRole('button', { name: 'Save treatment' }).press('Enter');
  await expect(page.getByLabel('Saved treatments')).toContainText('Today: Cycle 2, day 10');
  await app.screenshot('intake-treatments');
  await backToOverview(page);

  // Comorbidities and medications: metoprolol is suggested as a beta-blocker and confirmed
  await openSection(page, 'Comorbidities and medications');
  const condition = form(page, 'Add condition');
  await condition.getByRole('combobox', { name: /^Condition/ }).selectOption({ label: 'Other' });
  await condition.getByRole('button', { name: 'Save condition' }).press('Enter');
  await expect(condition.getByText('Name the condition')).toBeVisible();
  await condition.getByRole('combobox', { name: /^Condition/ }).selectOption({ label: 'Cardiac disease' });
  await condition.getByLabel('Condition details').fill('Hypertension');
  await condition.getByRole('button', { name: 'Save condition' }).press('Enter');
  await expect(page.getByLabel('Saved conditions')).toContainText('Hypertension');
  const medicine = form(page, 'Add medicine');
  await medicine.getByRole('button', { name: 'Save medicine' }).press('Enter');
  await expect(medicine.getByText('Enter the medicine name')).toBeVisible();
  await medicine.getByLabel('Medicine name').fill('Metoprolol succinate');
  await medicine.getByLabel('Dose').fill('47.5 mg daily');
  await expect(medicine.getByRole('status')).toContainText('Beta-blocker');
  // The suggested flag is ticked for you; unticking it needs a reason, or main refuses on the flags.
  const betaBlocker = medicine.getByRole('checkbox', { name: 'Beta-blocker (suggested)' });
  await expect(betaBlocker).toBeChecked();
  await betaBlocker.uncheck();
  await expect(medicine.getByLabel('Why the suggested flag does not apply')).toBeVisible();
  await medicine.getByRole('button', { name: 'Save medicine' }).press('Enter');
  await expect(
    medicine.getByText('Metoprolol succinate suggests Beta-blocker: tick the flag, or record why it does not apply'),
  ).toBeVisible();
  await expect(medicine.getByLabel('Dose')).toHaveValue('47.5 mg daily');
  await app.screenshot('intake-medication-refused');
  await betaBlocker.check();
  await expect(medicine.getByLabel('Why the suggested flag does not apply')).toBeHidden();
  await medicine.getByRole('button', { name: 'Save medicine' }).press('Enter');
  await expect(page.getByLabel('Saved medicines')).toContainText('Beta-blocker');
  await backToOverview(page);

  // Medical clearance with restrictions
  await openSection(page, 'Medical clearance');
  const clearance = form(page, 'Add clearance');
  await clearance.getByLabel('Date requested').fill(addDays(today, -14));
  await clearance
    .getByLabel('Requested from', { exact: true })
    .selectOption({ label: 'Dr Amara Osei — Oncologist, Riverside Hospital' });
  await clearance.getByLabel('Date received').fill(addDays(today, -3));
  await clearance
    .getByLabel('Received from', { exact: true })
    .selectOption({ label: 'Dr Amara Osei — Oncologist, Riverside Hospital' });
  await clearance.getByLabel('Decision').selectOption({ label: 'Cleared with restrictions' });
  await clearance.getByRole('button', { name: 'Save clearance' }).press('Enter');
  await expect(clearance.getByText('Enter the restrictions')).toBeVisible();
  await clearance.getByLabel('Restrictions').fill('No loaded spinal flexion; no resisted right hip work');
  // Typed restrictions are never dropped silently: with another decision they are refused.
  await clearance.getByLabel('Decision').selectOption({ label: 'Cleared, no restrictions' });
  await clearance.getByRole('button', { name: 'Save clearance' }).press('Enter');
  await expect(clearance.getByText('Restrictions apply only to "Cleared with restrictions"')).toBeVisible();
  await clearance.getByLabel('Decision').selectOption({ label: 'Cleared with restrictions' });
  await clearance.getByLabel('Review or expiry date').fill(addDays(today, 10));
  await clearance.getByRole('button', { name: 'Save clearance' }).press('Enter');
  await expect(page.getByRole('status', { name: 'Clearance status' })).toContainText('Clearance review due in 10 days');
  await app.screenshot('intake-clearance');
  await backToOverview(page);

  // Baseline screening
  await openSection(page, 'Baseline screening');
  const screening = form(page, 'Add screening');
  await expect(screening.getByLabel('Fatigue')).toHaveAccessibleDescription('0 = none, 10 = worst');
  await expect(screening.getByLabel('Sleep quality')).toHaveAccessibleDescription('0 = worst, 10 = best');
  await expect(screening.getByLabel('Energy')).toHaveAccessibleDescription('0 = worst, 10 = best');
  await screening.getByLabel('Fatigue').fill('6');
  await screening.getByLabel('Pain', { exact: true }).fill('3');
  await screening.getByRole('button', { name: 'Save screening' }).press('Enter');
  await expect(screening.getByText('Enter where the pain is')).toBeVisible();
  await screening.getByLabel('Pain site').fill('Lower back');
  await screening.getByLabel('ECOG performance status').selectOption({ index: 2 });
  await screening.getByLabel("The patient's own priorities").fill('Keep up with my granddaughter');
  await screening.getByRole('button', { name: 'Save screening' }).press('Enter');
  await expect(page.getByLabel('Saved screenings')).toContainText('ECOG 1');
  await backToOverview(page);

  // Goals with a milestone
  await openSection(page, 'Goals');
  const goal = form(page, 'Add goal');
  await goal.getByLabel("Goal in the patient's own words").fill('Walk my granddaughter to school again');
  await goal.getByLabel('Goal category').selectOption({ label: 'Mobility' });
  await goal.getByLabel('Goal status').selectOption({ label: 'Achieved' });
  await goal.getByRole('button', { name: 'Save goal' }).press('Enter');
  await expect(goal.getByText('Enter the date the goal was achieved')).toBeVisible();
  await goal.getByLabel('Goal status').selectOption({ label: 'Working on it' });
  await goal.getByRole('button', { name: 'Add milestone' }).click();
  await goal.getByLabel('Milestone 1', { exact: true }).fill('Walk 10 minutes without stopping');
  await goal.getByRole('button', { name: 'Save goal' }).press('Enter');
  await expect(page.getByLabel('Saved goals')).toContainText('Walk 10 minutes without stopping');
  await backToOverview(page);

  // The overview shows identity, alerts, clearance, skeletal risk, treatment and cycle day, goals, care team
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts).toContainText('Beta-blocker');
  await expect(alerts).toContainText('heart-rate targets are unreliable');
  await expect(alerts).toContainText('SINS 7 or more: a surgical opinion is warranted');
  await expect(alerts).toContainText('Mirels 9 or more: prophylactic fixation is considered');
  await expect(alerts).toContainText('Lytic lesion, proximal femur, Mirels 10 high risk');
  await expect(page.getByRole('region', { name: 'Clearance' })).toContainText('Clearance review due in 10 days');
  await expect(page.getByRole('region', { name: 'Clearance' })).toContainText('No loaded spinal flexion');
  await expect(page.getByRole('region', { name: 'Skeletal risk' })).toContainText('High skeletal risk');
  await expect(page.getByRole('region', { name: 'Current treatment' })).toContainText('Cycle 2, day 10');
  await expect(page.getByRole('region', { name: 'Goals' })).toContainText('Walk my granddaughter to school again');
  await expect(page.getByRole('region', { name: 'Care team' })).toContainText('Dr Amara Osei — Main oncologist');
  await expect(page.getByLabel('Patient status')).toContainText('Clearance review due in 10 days');
  await expect(page.getByText('Goal saved')).toBeHidden({ timeout: 10_000 });
  await useColorScheme(page, 'light');
  await app.screenshot('intake-overview');
  await useColorScheme(page, 'dark');
  await app.screenshot('intake-overview');
  await useColorScheme(page, 'light');

  // The caseload shows her flags; the second patient has no clearance
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  const margaret = table.getByRole('row', { name: 'Margaret Hughes' });
  await expect(margaret).toContainText('Review due in 10 days');
  // Find the bone-mets column by its header, so a missing column fails rather than passes.
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const boneColumn = headers.findIndex((h) => /^Bone\s+mets/.test(h.trim()));
  expect(boneColumn).toBeGreaterThan(0);
  await expect(margaret.getByRole('cell').nth(boneColumn)).toHaveText('High risk');
  await expect(margaret).toContainText('cycle 2, day 10');
  await expect(margaret).toContainText('Alex Morgan');
  const tom = table.getByRole('row', { name: 'Tom Becker' });
  await expect(tom).toContainText('No clearance');
  await expect(tom.getByRole('cell')).toHaveCount(headers.length);
  await expect(tom.getByRole('cell').nth(boneColumn)).toHaveText('');

  await page.getByLabel('Flag').selectOption({ label: 'Clearance missing' });
  await expect(tom).toBeVisible();
  await expect(margaret).toHaveCount(0);
  await page.getByLabel('Flag').selectOption({ label: 'Clearance review due (14 days)' });
  await expect(margaret).toBeVisible();
  await expect(tom).toHaveCount(0);
  await page.getByLabel('Flag').selectOption({ label: 'Any' });
  await page.getByLabel('Lead clinician').selectOption({ label: 'Alex Morgan' });
  await expect(margaret).toBeVisible();
  await expect(tom).toHaveCount(0);
  await page.getByLabel('Lead clinician').selectOption({ label: 'Anyone' });

  await page.getByRole('button', { name: 'Sort by Clearance' }).click();
  await expect(table.getByRole('row').nth(1)).toHaveAccessibleName('Tom Becker');
  await page.getByRole('button', { name: 'Sort by Clearance' }).click();
  await expect(table.getByRole('row').nth(1)).toHaveAccessibleName('Margaret Hughes');

  await useColorScheme(page, 'light');
  await app.screenshot('intake-caseload');
  await useColorScheme(page, 'dark');
  await app.screenshot('intake-caseload');
  // Tablet: the search is wide enough for its placeholder, and the name stays in view as the table scrolls.
  await page.setViewportSize({ width: 1024, height: 768 });
  expect((await page.getByLabel('Search patients').boundingBox())!.width).toBeGreaterThanOrEqual(330);
  await app.screenshot('intake-caseload-tablet');
  await useColorScheme(page, 'light');
  await app.screenshot('intake-caseload-tablet');
  await margaret.getByRole('cell', { name: 'Alex Morgan' }).scrollIntoViewIfNeeded();
  await expect(margaret.getByRole('cell', { name: 'Alex Morgan' })).toBeInViewport({ ratio: 0.95 });
  await expect(margaret.getByRole('cell').first()).toBeInViewport({ ratio: 0.95 });
  await app.screenshot('intake-caseload-tablet-scrolled');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Tom: a lytic rib lesion (no validated score) and a non-weight-bearing humerus, recorded out of view
  const tomId = (await app.call('caseload.list', { query: 'becker' })).rows[0]!.id;
  await app.call('intake.saveBoneLesion', {
    patientId: tomId,
    site: 'ribs',
    location: 'Right 7th rib',
    lesionType: 'lytic',
  });
  await app.call('intake.saveBoneLesion', {
    patientId: tomId,
    site: 'humeral_shaft',
    lesionType: 'blastic',
    weightBearing: 'non_weight_bearing',
  });

  // Keyboard: move down the rows and open one with Enter
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(tom).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tom Becker', level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Alerts' })).toContainText('Not ready for supervised sessions');
  await expect(page.getByRole('region', { name: 'Alerts' })).toContainText('No medical clearance is recorded.');
  await expect(page.getByRole('region', { name: 'Alerts' })).toContainText(
    'Recorded as non-weight-bearing: humeral shaft.',
  );
  await expect(page.getByRole('region', { name: 'Skeletal risk' })).toContainText(
    'Lytic lesion, ribs, no validated score: clinical judgement',
  );

  // Every write was refused or kept whole: the safety context agrees with the screens
  const margaretId = (
    await app.call('caseload.list', {
      query: 'hughes',
    })
  ).rows[0]!.id;
  const context = await app.call('intake.safetyContext', {
    patientId: margaretId,
    date: today,
  });
  expect(context.mayStart.verdict).toBe('may_start');
  expect(context.medicationFlags).toEqual(['beta_blocker']);
  expect(app.consoleErrors).toEqual([]);
});

test('a date of birth over 120 years ago is refused, and Deceased is left only as a correction', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add patient' });
  await dialog.getByLabel('Given name').fill('Iris');
  await dialog.getByLabel('Family name').fill('Nolan');
  await dialog.getByLabel('Hospital number (MRN)').fill('RMH-900900');
  await dialog.getByLabel('Date of birth').fill('1850-06-01');
  await dialog.getByRole('radio', { name: 'Female', exact: true }).check();
  await dialog.getByRole('button', { name: 'Save patient' }).press('Enter');
  await expect(dialog.getByText('Check the date of birth')).toBeVisible();
  await dialog.getByLabel('Date of birth').fill('1950-06-01');
  await dialog.getByRole('button', { name: 'Save patient' }).press('Enter');
  await expect(dialog).toBeHidden();

  const irisId = (await app.call('caseload.list', { query: 'nolan' })).rows[0]!.id;
  await app.call('intake.changeStatus', {
    patientId: irisId,
    toStatus: 'deceased',
    effectiveOn: today,
    reason: 'Death notified',
  });
  await page.evaluate((id) => (window.location.hash = `#/patients/${id}`), irisId);
  await openSection(page, 'Personal details and status');
  const status = form(page, 'Change status');
  await status.getByLabel('New status').selectOption({ label: 'Active' });
  await status.getByLabel('Reason for the change').fill('Deceased entered for the wrong patient');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(status.getByText(/A patient recorded as deceased cannot change status/)).toBeVisible();
  await expect(page.getByLabel('Patient status')).toContainText('Deceased');
  await status.getByLabel('Deceased was recorded in error: record this as a correction').check();
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('table', { name: 'Status history' })).toContainText(
    'Correction: Deceased entered for the wrong patient',
  );
  await expect(page.getByLabel('Patient status')).toContainText('Active');
  expect(app.consoleErrors).toEqual([]);
});
