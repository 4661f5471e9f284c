import { addDays, formatClinicDate, todayLocal } from '../src/shared/dates';
import { expect, notifications, test, type PacewiseApp } from './fixtures';
import { expectVisibleFocus, tabExpecting, tabTo } from './support/keyboard';
import { finalisedWalk, patientOnFile } from './support/records';

const today = todayLocal();

/**
 * Light and dark without touching the theme toggle (clicking it would move focus): a window whose scheme
 * was never chosen follows the system's.
 */
async function screenshotBoth(app: PacewiseApp, name: string) {
  const html = app.page.locator('html');
  await app.screenshot(name);
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await app.screenshot(name);
  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
}

// Every step below is a key press: no click, no fill, no mouse. Locators only find what to expect.

test('a whole session with the keyboard alone: opened from Today, screened, three exercises logged, signed', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const patientId = await patientOnFile(app);
  await app.call('bookings.create', { patientId, date: today, startTime: '09:00', classId: null });
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();

  // The first Tab offers a way past the header and the menu; the menu is reached next.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the screen' })).toBeFocused();
  await expectVisibleFocus(page, 'the first Tab');
  await screenshotBoth(app, 'keyboard-skip-link');
  const menu = page.getByRole('navigation', { name: 'Main' });
  await tabTo(page, menu.getByRole('link', { name: 'Today' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Today/ })).toBeVisible();

  // Today's booking opens from its row; focus arrives on the session's heading, not the page body.
  await tabTo(page, page.getByRole('row', { name: 'Ruth Okafor at 09:00' }));
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Ruth Okafor' });
  await expect(panel.getByRole('heading', { name: 'Ruth Okafor', level: 2 })).toBeFocused();

  // The vitals in the order they are read off the monitor and written down.
  await tabTo(page, panel.getByLabel('Resting HR (bpm)'));
  await page.keyboard.type('74');
  for (const [label, value] of [
    ['Systolic BP (mmHg)', '132'],
    ['Diastolic BP (mmHg)', '80'],
    ['SpO₂ (%)', '97'],
    ['Temperature (°C)', '36.7'],
  ] as const) {
    // By the field's accessible name: a required field's label also carries its asterisk.
    await tabExpecting(page, panel.getByRole('textbox', { name: label, exact: true }));
    await page.keyboard.type(value);
  }
  // Docetaxel is active, so the temperature is needed and the field says why.
  const temperature = panel.getByRole('textbox', { name: 'Temperature (°C)', exact: true });
  await expect(temperature).toHaveAccessibleDescription('Needed on chemotherapy');
  await expect(panel.getByTestId('decision')).toHaveText('Go with modifications');
  await screenshotBoth(app, 'keyboard-field-focus');
  await tabTo(page, panel.getByRole('button', { name: 'Record screen and start' }));
  await page.keyboard.press('Enter');
  // Saved: focus moves on to the exercise log that replaced the form, and the save is announced politely.
  const log = panel.getByRole('region', { name: 'Exercise log' });
  await expect(log.getByRole('heading', { name: 'Exercise log' })).toBeFocused();
  // Announced before the two screenshots, which may outlast the notification's three seconds.
  await expect(notifications(page).filter({ hasText: 'Screen recorded for Ruth Okafor' })).toBeVisible();
  await screenshotBoth(app, 'keyboard-after-record');

  // Three exercises: an RPE typed into the first, then each completed as planned with Enter.
  const rows = ['Stationary cycle', 'Seated biceps curl (light dumbbells)', 'Sit to stand'];
  const complete = (name: string) =>
    log.getByRole('group', { name }).getByRole('button', { name: 'Complete as planned' });
  await tabExpecting(page, complete(rows[0]!));
  await tabTo(page, log.getByRole('group', { name: rows[0] }).getByLabel('RPE', { exact: true }));
  await page.keyboard.type('12');
  await tabTo(page, complete(rows[0]!), { back: true });
  for (const [i, name] of rows.entries()) {
    await expect(complete(name)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(log.getByRole('group', { name })).toContainText('Completed');
    if (i < rows.length - 1) await expect(complete(rows[i + 1]!)).toBeFocused();
  }
  // From the last row, Enter carries on to the first after-session field.
  await expect(panel.getByLabel('Heart rate after (bpm)')).toBeFocused();
  await page.keyboard.type('88');

  // Escape closes what it opened: the library's list, then the calendar, each leaving focus where it was.
  const addExercise = log.getByRole('combobox', { name: 'Add an exercise' });
  await tabTo(page, addExercise, { back: true });
  await page.keyboard.type('bike');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(addExercise).toBeFocused();
  await expect(log.getByRole('group')).toHaveCount(3);

  await tabTo(page, panel.getByLabel('Session notes'));
  await page.keyboard.type('Tolerated well; cycle kept lighter on day 3.');
  const calendar = panel.getByRole('button', { name: 'Pick from a calendar' });
  await tabTo(page, calendar);
  await page.keyboard.press('Enter');
  const month = page.getByRole('dialog').or(page.getByRole('table')).filter({ hasText: /Mo|Tu/ });
  await expect(month.first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(month).toHaveCount(0);
  await expectVisibleFocus(page, 'Escape on the calendar');

  await tabTo(page, panel.getByRole('button', { name: 'Sign and lock session' }));
  await page.keyboard.press('Enter');
  // Signed: focus comes to the signed record's heading, not the page body.
  const signed = page.getByRole('region', { name: 'Ruth Okafor' });
  await expect(signed.getByText('Signed', { exact: true })).toBeVisible();
  await expect(signed.getByRole('heading', { name: 'Ruth Okafor', level: 2 })).toBeFocused();

  // A dialog opens on its first field, not its close button; Escape closes it and focus goes back.
  const amendButton = signed.getByRole('button', { name: 'Add an amendment' });
  await tabTo(page, amendButton);
  await page.keyboard.press('Enter');
  const amend = page.getByRole('dialog', { name: 'Add an amendment' });
  await expect(amend.getByLabel('Reason for the amendment')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(amend).toBeHidden();
  await expect(amendButton).toBeFocused();

  const [session] = (await app.call('sessions.forPatient', { patientId, from: today, to: today })).history;
  const stored = await app.call('sessions.get', { sessionId: session!.id });
  expect(stored.signedAt).not.toBeNull();
  expect(stored.entries.map((e) => [e.outcome, e.rpe])).toEqual([
    ['completed', 12],
    ['completed', null],
    ['completed', null],
  ]);
  expect(stored.notes).toBe('Tolerated well; cycle kept lighter on day 3.');
  expect(app.consoleErrors).toEqual([]);
});

test('a whole reassessment with the keyboard alone: opened from the caseload, one measure saved, finalised', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { id: patientId } = await app.call('patients.create', {
    givenName: 'Mei',
    familyName: 'Chen',
    dateOfBirth: '1955-03-09',
    sex: 'female',
    mrn: 'RMH-500500',
  });
  await finalisedWalk(app, patientId, { on: addDays(today, -56), metres: 350 });
  const { page } = app;
  await page.reload();

  await tabTo(page, page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: 'Mei Chen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mei Chen', level: 2 })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Assessments' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Assessments', level: 2 })).toBeFocused();

  // The new assessment opens in place of its button, with focus on it.
  await tabTo(page, page.getByRole('button', { name: 'New assessment' }));
  await page.keyboard.press('Enter');
  const form = page.getByRole('region', { name: 'New assessment' });
  await expect(form.getByRole('heading', { name: 'New assessment' })).toBeFocused();
  await expect(form.getByRole('radio', { name: 'Reassessment' })).toBeChecked();
  await tabTo(page, form.getByLabel('Height (cm)'));
  await page.keyboard.type('165');
  await tabExpecting(page, form.getByLabel('Weight (kg)'));
  await page.keyboard.type('70');
  await tabTo(page, form.getByRole('button', { name: 'Start assessment' }));
  await page.keyboard.press('Enter');
  const title = `Reassessment · ${formatClinicDate(today)}`;
  await expect(page.getByRole('heading', { name: title })).toBeFocused();
  // Said by the action that moved the screen, so it stays to be read on the new one.
  await expect(notifications(page).filter({ hasText: 'Assessment started' })).toBeVisible();

  const walk = page.getByRole('region', { name: 'Six-minute walk test' });
  await tabTo(page, walk.getByLabel('Distance (m)'), { max: 60 });
  await page.keyboard.type('400');
  await tabTo(page, walk.getByRole('button', { name: 'Save 6MWT' }));
  await page.keyboard.press('Enter');
  await expect(walk.getByText('Saved', { exact: true })).toBeVisible();
  await expectVisibleFocus(page, 'saving the 6MWT');

  // The confirmation opens on its safe choice; Escape closes it and gives focus back to what opened it.
  const finalise = page.getByRole('button', { name: 'Finalise assessment' });
  await tabTo(page, finalise, { max: 80 });
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Finalise this assessment?' });
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(finalise).toBeFocused();
  await page.keyboard.press('Enter');
  // Open again, on its safe choice, before the Tab that moves to the other.
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await tabExpecting(page, confirm.getByRole('button', { name: 'Finalise and lock' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Finalised by Alex Morgan/)).toBeVisible();
  // The button that held focus is gone with the draft: focus is on the assessment's heading.
  await expect(page.getByRole('heading', { name: title })).toBeFocused();

  const list = await app.call('assessments.list', { patientId });
  const reassessment = list.assessments.find((a) => a.kind === 'reassessment')!;
  expect(reassessment.status).toBe('finalised');
  const detail = await app.call('assessments.get', { assessmentId: reassessment.id });
  expect(detail.results.find((r) => r.measureKey === 'six_minute_walk')?.components).toMatchObject({
    distance_m: 400,
  });
  expect(app.consoleErrors).toEqual([]);
});

test('focus lands on the new letter after "Draft from the record", and on the reply after "Record reply"', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const patientId = await patientOnFile(app);
  // A guidance request's reply slip needs somewhere to be returned to before it is finalised.
  await app.call('letters.saveLetterhead', {
    address: '1 Quay Street\nRiverside NSW 2000',
    phone: '02 9000 0000',
    email: 'exercise@riverside.example',
    logo: null,
    paper: 'A4',
  });
  const request = await app.call('letters.create', { patientId, type: 'guidance_request' });
  await app.call('letters.finalise', { letterId: request.id });
  const { page } = app;
  const base = page.url().replace(/#.*$/, '');
  await page.goto(`${base}#/patients/${patientId}/letters`);

  // The first type is chosen from the keyboard; drafting opens the composer with focus on its heading.
  const type = page.getByRole('combobox', { name: 'New letter' });
  await tabTo(page, type, { max: 60 });
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(type).toHaveValue('Request for medical guidance (clearance)');
  await tabTo(page, page.getByRole('button', { name: 'Draft from the record' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Request for medical guidance (clearance)', level: 2 })).toBeFocused();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  // The reply to the finalised request: its form gives way to what was recorded, and focus to its heading.
  await page.goto(`${base}#/letters/${request.id}`);
  const cleared = page.getByRole('radio', { name: 'Cleared, no restrictions' });
  await tabTo(page, cleared, { max: 60 });
  await page.keyboard.press('Space');
  await expect(cleared).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Record reply' }));
  await page.keyboard.press('Enter');
  const reply = page.getByRole('heading', { name: 'Reply', level: 3 });
  await expect(reply).toBeFocused();
  await expect(page.getByText('Reply received').first()).toBeVisible();
  await expectVisibleFocus(page, 'Record reply');
  expect(app.consoleErrors).toEqual([]);
});
