import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { TEST_CLINICIAN_SIGN_IN } from '../src/main/testing';
import { addDays, todayLocal } from '../src/shared/dates';
import { expect, notifications, test, useColorScheme, type PacewiseApp } from './fixtures';
import { handOverToClinician } from './support/clinicians';

/*
 * Issue 25, "Clinic-ready": the defects new clinicians met when they tried the app, each seen
 * where they met it.
 */

const today = todayLocal();

async function go(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** Moves focus and the pointer away, and waits out "Saved" notifications, so a screenshot shows the screen. */
async function settle(page: Page) {
  await page.mouse.move(5, 760);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  // Notifications are polite statuses now (issue 25), no longer alerts.
  await expect(notifications(page).filter({ hasText: /^Saved/ })).toHaveCount(0, { timeout: 8000 });
}

/** A screenshot in light and then dark, leaving the light scheme on. */
async function bothSchemes(app: PacewiseApp, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(app.page, scheme);
    await settle(app.page);
    await app.screenshot(name);
  }
  await useColorScheme(app.page, 'light');
}

/**
 * The same with a dialog open, whose overlay keeps the header's theme button from a click: the
 * scheme Mantine's toggle would set is set directly, then put back.
 */
async function dialogInBothSchemes(app: PacewiseApp, name: string, only?: Locator) {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.evaluate((s) => document.documentElement.setAttribute('data-mantine-color-scheme', s), scheme);
    await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    if (only) await only.screenshot({ path: `e2e/.screenshots/${name}-${scheme}.png` });
    else await app.screenshot(name);
  }
  await app.page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'));
}

async function activePatient(
  app: PacewiseApp,
  p: { given: string; family: string; mrn: string; cleared?: boolean },
): Promise<string> {
  const { id } = await app.call('patients.create', {
    givenName: p.given,
    familyName: p.family,
    dateOfBirth: '1957-05-19',
    sex: 'female',
    mrn: p.mrn,
  });
  await app.call('intake.changeStatus', {
    patientId: id,
    toStatus: 'active',
    effectiveOn: today,
    reason: 'Initial assessment done',
  });
  if (p.cleared !== false) {
    await app.call('intake.saveClearance', {
      patientId: id,
      receivedOn: addDays(today, -10),
      receivedFromName: 'Dr Ana Lima',
      decision: 'no_restrictions',
      reviewBy: addDays(today, 80),
    });
  }
  return id;
}

test('the 30-second sit-to-stand chart labels its axis in whole stands, each label once (item 6)', async ({ app }) => {
  const { page } = app;
  const patientId = await activePatient(app, { given: 'Mere', family: 'Tāwhai', mrn: 'CR-0601' });
  const stands = [
    { on: addDays(today, -56), kind: 'baseline' as const, value: 8 },
    { on: addDays(today, -28), kind: 'reassessment' as const, value: 9 },
    { on: addDays(today, -1), kind: 'reassessment' as const, value: 10 },
  ];
  for (const s of stands) {
    const assessment = await app.call('assessments.create', {
      patientId,
      kind: s.kind,
      assessedOn: s.on,
      heightCm: 162,
      weightKg: 64,
      measureKeys: ['sit_to_stand_30s'],
    });
    await app.call('assessments.recordMeasure', {
      assessmentId: assessment.id,
      measureKey: 'sit_to_stand_30s',
      components: { stands: s.value },
    });
    await app.call('assessments.finalise', { assessmentId: assessment.id });
  }

  await go(page, `/patients/${patientId}/progress`);
  const chart = page.getByRole('figure', { name: '30s STS over time' });
  await chart.scrollIntoViewIfNeeded();
  const ticks = chart.locator('.pw-chart-y-tick');
  await expect(ticks.first()).toBeVisible();
  const labels = await ticks.allTextContents();
  expect(labels.length).toBeGreaterThan(2);
  // Whole stands, each once: not "10, 10, 9, 9, 8" from half-stand steps rounded for display.
  for (const label of labels) expect(label).toMatch(/^\d+$/);
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels).toEqual(expect.arrayContaining(['8', '10']));

  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await settle(page);
    await chart.screenshot({ path: `e2e/.screenshots/clinicready-sit-to-stand-chart-${scheme}.png` });
  }
  expect(app.consoleErrors).toEqual([]);
});

const normalScreen = {
  restingHr: 72,
  sbp: 124,
  dbp: 78,
  spo2: 97,
  temperatureC: 36.6,
} as const;

/** A session signed through the contract, as the session screen would sign it, with these rows logged. */
async function signedSession(
  app: PacewiseApp,
  patientId: string,
  on: string,
  rows: Array<{ key: string; outcome: 'completed' | 'modified' | 'skipped'; reason?: string }>,
  screen: Partial<Record<keyof typeof normalScreen, number>> = {},
) {
  const library = await app.call('exercises.list', {});
  const booking = await app.call('bookings.create', { patientId, date: on, startTime: '09:00', classId: null });
  await app.call('sessions.sign', {
    sessionId: booking.sessionId,
    screen: { ...normalScreen, ...screen, redFlags: [], notTaken: {} },
    clearanceOverrideReason: null,
    entries: rows.map((r) => ({
      exerciseId: library.find((e) => e.starterKey === r.key)!.id,
      planned: true,
      sets: 2,
      reps: 10,
      loadKg: null,
      durationMin: null,
      rpe: 12,
      peakHr: null,
      spo2: null,
      painChange: 0,
      outcome: r.outcome,
      reason: r.reason ?? null,
      overrideNote: null,
    })),
    after: { sbp: 122, dbp: 76, restingHr: 80, spo2: 97, rpeOverall: 12, fatigue: 3, pain: 1 },
    notes: null,
    occurredAt: null,
  });
  return booking.sessionId;
}

test('Sessions and adherence counts each signed session’s exercises (item 4), and an adverse event’s time is typed on the 24-hour clock (item 7)', async ({
  app,
}) => {
  const { page } = app;
  const patientId = await activePatient(app, { given: 'Tomasz', family: 'Wiśniewski', mrn: 'CR-0401' });
  await signedSession(app, patientId, addDays(today, -2), [
    { key: 'sit_to_stand', outcome: 'completed' },
    { key: 'seated_biceps_curl', outcome: 'modified', reason: 'Lighter: shoulder sore' },
    { key: 'wall_push_up', outcome: 'skipped', reason: 'Wrist pain today' },
  ]);

  await page.setViewportSize({ width: 1024, height: 768 });
  await go(page, `/patients/${patientId}/sessions`);
  const history = page.getByRole('table', { name: 'Session history' });
  const row = history.getByRole('row').filter({ hasText: 'Signed' });
  await expect(row).toHaveCount(1);
  const headers = await history.getByRole('columnheader').allTextContents();
  // Two rows were logged as done (one modified); the skipped one is not counted.
  await expect(row.getByRole('cell').nth(headers.indexOf('Exercises'))).toHaveText('2');

  const form = page.getByRole('form', { name: 'Record an adverse event' });
  const time = form.getByRole('textbox', { name: 'When it happened: time' });
  // The field reads as the rest of the app writes times: 24-hour, never "AM"/"PM".
  await expect(time).toHaveAttribute('placeholder', 'HH:MM');
  await form.getByLabel('Type of event').click();
  await page.getByRole('option', { name: 'Severe fatigue or collapse' }).click();
  await form.getByLabel('Severity grade (1–5)').fill('1');
  await form.getByLabel('When it happened', { exact: true }).fill(addDays(today, -1));
  await time.fill('4:30 PM');
  await time.blur();
  await expect(time).toHaveAccessibleDescription('“4:30 PM” is not a time: enter it on the 24-hour clock, as 16:30');
  await time.fill('1630');
  await time.blur();
  await expect(time).toHaveValue('16:30');
  await form.getByLabel('What happened').fill('Light-headed standing up after the bike; sat, recovered in 5 min');
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await settle(page);
    await page
      .getByRole('region', { name: 'Adverse events' })
      .screenshot({ path: `e2e/.screenshots/clinicready-adverse-event-time-${scheme}.png` });
  }
  await useColorScheme(page, 'light');
  await settle(page);
  await app.screenshot('clinicready-sessions-and-adherence');
  await form.getByRole('button', { name: 'Record adverse event' }).click();
  await expect(
    page.getByRole('region', { name: 'Adverse events' }).getByText(/Light-headed standing up/),
  ).toBeVisible();
  const events = await app.call('sessions.forPatient', { patientId, from: addDays(today, -7), to: today });
  const occurred = new Date(events.adverseEvents[0]!.occurredAt);
  expect([occurred.getHours(), occurred.getMinutes()]).toEqual([16, 30]);
  expect(app.consoleErrors).toEqual([]);
});

test('a class lists its patients in the order they were booked, on Today and in the class (item 15); its start time is typed on the 24-hour clock (item 7)', async ({
  app,
}) => {
  const { page } = app;
  // Booked in this order, which is not the alphabetical one.
  const booked = [
    { given: 'Zara', family: 'Young', mrn: 'CR-1501' },
    { given: 'Amir', family: 'Haddad', mrn: 'CR-1502' },
    { given: 'Moana', family: 'Kereama', mrn: 'CR-1503' },
  ];
  for (const p of booked) await activePatient(app, p);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'New group class' }).click();
  const dialog = page.getByRole('dialog', { name: /New group class/ });
  await dialog.getByLabel('Class name').fill('Tuesday circuit');
  const start = dialog.getByRole('textbox', { name: 'Start time' });
  await start.fill('9.30');
  const patients = dialog.getByRole('combobox', { name: 'Patients' });
  for (const p of booked) {
    await patients.fill(p.family);
    await page.getByRole('option', { name: new RegExp(p.family) }).click();
  }
  // Typed "9.30", read and shown back as the 24-hour time once the field is left.
  await dialog.getByLabel('Class name').click();
  await expect(start).toHaveValue('09:30');
  await dialogInBothSchemes(app, 'clinicready-class-dialog');
  await dialog.getByRole('button', { name: 'Create class' }).click();
  await expect(dialog).toBeHidden();

  const names = booked.map((p) => `${p.given} ${p.family}`);
  const section = page.getByRole('region', { name: 'Class Tuesday circuit' });
  await expect(section).toContainText('09:30');
  await expect(section.getByRole('row').filter({ hasText: /CR-15/ })).toHaveText(names.map((n) => new RegExp(n)));

  await section.getByRole('button', { name: 'Start class' }).click();
  const switcher = page.getByRole('navigation', { name: 'Patients in this class' });
  await expect(switcher.getByRole('button')).toHaveCount(3);
  for (const [i, name] of names.entries()) {
    await expect(switcher.getByRole('button').nth(i)).toHaveAccessibleName(new RegExp(`^${name}:`));
  }
  await bothSchemes(app, 'clinicready-class-in-booking-order');
  expect(app.consoleErrors).toEqual([]);
});

test('any word of a name of several parts finds the patient, and a long diagnosis note is kept like a session note (item 12)', async ({
  app,
}) => {
  const { page } = app;
  const people: Array<[string, string, string]> = [
    ['Mary Ann', "Ó'Brien-Ngũgĩ", 'CR-1201'],
    ['Siobhán', "O'Brien", 'CR-1202'],
    ['Ruth', 'Okafor', 'CR-1203'],
  ];
  for (const [givenName, familyName, mrn] of people) {
    await app.call('patients.create', { givenName, familyName, dateOfBirth: '1951-08-14', sex: 'female', mrn });
  }
  await page.reload();
  const table = page.getByRole('table', { name: 'Patients' });
  const search = page.getByLabel('Search patients');
  const mary = table.getByRole('row', { name: /Mary Ann Ó'Brien-Ngũgĩ/ });
  for (const typed of ['ngugi', 'NGŨGĨ', 'obrien', 'ann ngugi']) {
    await search.fill(typed);
    await expect(mary).toBeVisible();
    await expect(table.getByRole('row', { name: /Ruth Okafor/ })).toBeHidden();
  }
  await search.fill('ngugi');
  await expect(table.getByRole('row', { name: /Siobhán O'Brien/ })).toBeHidden();
  await bothSchemes(app, 'clinicready-search-any-word');

  // A diagnosis written up at length: refused at 2,000 characters while a session's notes took 20,000.
  const patientId = (await app.call('patients.search', { query: 'ngugi' })).patients[0]!.id;
  await go(page, `/patients/${patientId}/cancer`);
  const form = page.getByRole('form', { name: 'Add diagnosis' });
  await form.getByLabel('Primary cancer site').fill('Breast');
  const note =
    `Metastatic to bone and liver since 2024. ${'Treatment history and the oncologist’s letter of 3 March, in full. '.repeat(150)}`.slice(
      0,
      10_000,
    );
  await form.getByLabel('Notes').fill(note);
  await form.getByRole('button', { name: 'Save diagnosis' }).click();
  await expect(form.getByRole('status')).toBeVisible();
  const record = await app.call('intake.record', { patientId });
  expect(record.diagnoses[0]!.notes).toBe(note);
  expect(app.consoleErrors).toEqual([]);
});

test('the clearance form marks a field required when the contract will ask for it, and the session screen says “no clearance” once (item 10)', async ({
  app,
}) => {
  const { page } = app;
  const patientId = await activePatient(app, { given: 'Hemi', family: 'Parata', mrn: 'CR-1001', cleared: false });

  // The session screen of a patient with no clearance: said once, where the reason to go ahead is typed.
  const booking = await app.call('bookings.create', { patientId, date: today, startTime: '10:00', classId: null });
  await go(page, `/sessions/${booking.sessionId}`);
  const recorder = page.getByRole('region', { name: 'Hemi Parata' });
  await expect(recorder.getByRole('region', { name: 'Screen decision' })).toBeVisible();
  await expect(recorder.getByText(/No medical clearance is recorded/)).toHaveCount(1);
  const clearanceAlert = recorder.getByRole('alert', { name: 'Medical clearance' });
  await expect(clearanceAlert).toContainText('No medical clearance is recorded.');
  await expect(clearanceAlert.getByLabel('Reason for starting without valid clearance')).toBeVisible();
  await expect(recorder.getByTestId('decision')).toHaveText('Cannot start yet');
  await expect(recorder.getByLabel('Why not yet')).toHaveText(
    'Medical clearance: record the reason for starting without valid clearance (below), or hold.',
  );
  await bothSchemes(app, 'clinicready-session-no-clearance');

  // The clearance form: a reply needs whom it came from, so the name is marked required once a date is in.
  await go(page, `/patients/${patientId}/clearance`);
  const form = page.getByRole('form', { name: 'Add clearance' });
  const receivedFrom = form.getByRole('textbox', { name: 'Received from (name)' });
  await expect(receivedFrom).not.toHaveAttribute('required');
  await form.getByLabel('Date received').fill(addDays(today, -1));
  await form.getByLabel('Date received').blur();
  await expect(receivedFrom).toHaveAttribute('required');
  await expect(form.getByRole('combobox', { name: 'Decision' })).toHaveAttribute('required');
  await form.getByRole('combobox', { name: 'Decision' }).selectOption({ label: 'Cleared with restrictions' });
  await expect(form.getByRole('textbox', { name: 'Restrictions' })).toHaveAttribute('required');
  await form.getByRole('button', { name: 'Save clearance' }).click();
  await expect(receivedFrom).toHaveAccessibleDescription(/Say whom the decision came from/);
  await bothSchemes(app, 'clinicready-clearance-required');
  await receivedFrom.fill('Dr Ana Lima');
  await form.getByRole('textbox', { name: 'Restrictions' }).fill('No lifting over 5 kg');
  await form.getByRole('button', { name: 'Save clearance' }).click();
  await expect(page.getByRole('status', { name: 'Clearance status' })).toContainText('Cleared');
  expect(app.consoleErrors).toEqual([]);
});

async function fillVitals(panel: Locator, spo2: string) {
  await panel.getByLabel('Resting HR (bpm)').fill('72');
  await panel.getByLabel('Systolic BP (mmHg)').fill('122');
  await panel.getByLabel('Diastolic BP (mmHg)').fill('78');
  await panel.getByLabel('SpO₂ (%)', { exact: true }).fill(spo2);
  await panel.getByLabel('Temperature (°C)').fill('36.7');
}

test('a signed record shows the decision as signed, and a screen changed after it was recorded cannot be signed until recorded again (item 8)', async ({
  app,
}) => {
  const { page } = app;
  const patientId = await activePatient(app, { given: 'Lupe', family: 'Faleolo', mrn: 'CR-0801' });
  await app.call('intake.saveTreatment', {
    patientId,
    type: 'chemotherapy',
    regimen: 'Docetaxel',
    startDate: addDays(today, -30),
    cycleLengthDays: 21,
    day1Dates: [addDays(today, -23), addDays(today, -2)],
  });

  // Day 3 of the cycle: Go with modifications, recorded and signed as such.
  const first = await app.call('bookings.create', { patientId, date: today, startTime: '09:00', classId: null });
  await go(page, `/sessions/${first.sessionId}`);
  const panel = page.getByRole('region', { name: 'Lupe Faleolo' });
  await fillVitals(panel, '97');
  await expect(panel.getByTestId('decision')).toHaveText('Go with modifications');
  // On the 24-hour clock like every time in Pacewise, not the locale's "9:56:41 pm" (item 7).
  await expect(panel.getByText(/^Draft saved/)).toHaveText(/^Draft saved \d{2}:\d{2}:\d{2}$/);
  await panel.getByRole('button', { name: 'Record screen and start' }).click();
  await panel.getByRole('button', { name: 'Sign and lock session' }).click();
  const signed = panel.getByRole('region', { name: 'Screen decision' });
  await expect(signed).toContainText('Signed decision');
  await expect(signed.getByTestId('decision')).toHaveText('Go with modifications');
  await expect(signed.getByLabel('Early in the chemotherapy cycle')).toContainText('Day 3 of Docetaxel (cycle 2)');
  await expect(signed).not.toContainText('so far');
  await bothSchemes(app, 'clinicready-signed-decision');

  // Held for SpO₂ 86 %, then the value corrected on the form without recording it again.
  const second = await app.call('bookings.create', { patientId, date: today, startTime: '14:00', classId: null });
  await go(page, `/sessions/${second.sessionId}`);
  await expect(panel.getByRole('region', { name: 'Screen decision' })).toBeVisible();
  await fillVitals(panel, '86');
  await panel.getByRole('button', { name: 'Record screen and hold' }).click();
  await panel.getByRole('region', { name: 'Pre-session screen' }).getByRole('button', { name: 'Change' }).click();
  await panel.getByLabel('SpO₂ (%)', { exact: true }).fill('97');
  await expect(panel.getByTestId('decision')).toHaveText('Go with modifications');
  const after = panel.getByRole('region', { name: 'After the session' });
  await expect(after.getByRole('status')).toHaveText(
    'Not ready to signThe screen was recorded as Hold but now reads Go with modifications: record the screen again, then sign.',
  );
  await expect(after.getByRole('button', { name: 'Sign as held for safety' })).toBeDisabled();
  await bothSchemes(app, 'clinicready-screen-changed-since-recorded');
  // Main refuses it too, whatever the window sends.
  const view = await app.call('sessions.get', { sessionId: second.sessionId });
  await expect(
    app.call('sessions.sign', {
      sessionId: second.sessionId,
      screen: { ...view.screen!, spo2: 97 },
      clearanceOverrideReason: null,
      entries: [],
      after: { sbp: null, dbp: null, restingHr: null, spo2: null, rpeOverall: null, fatigue: null, pain: null },
      notes: null,
      occurredAt: null,
    }),
  ).rejects.toThrow(/recorded as Hold but now reads Go with modifications/);

  await panel.getByRole('button', { name: 'Record the screen again' }).click();
  await expect(panel.getByRole('region', { name: 'Exercise log' })).toBeVisible();
  await expect(after.getByRole('status')).toHaveCount(0);
  expect((await app.call('sessions.get', { sessionId: second.sessionId })).decision).toBe('modify');
  expect(app.consoleErrors).toEqual([]);
});

test('a red-flag Hold’s incident is graded, and what was done written, on the session screen itself, then signed (item 11)', async ({
  app,
}) => {
  const { page } = app;
  const patientId = await activePatient(app, { given: 'Iosefa', family: 'Tuilagi', mrn: 'CR-1101' });
  const booking = await app.call('bookings.create', { patientId, date: today, startTime: '11:00', classId: null });
  await go(page, `/sessions/${booking.sessionId}`);
  const panel = page.getByRole('region', { name: 'Iosefa Tuilagi' });
  await panel.getByRole('checkbox', { name: /Chest pain/ }).check();
  await panel.getByRole('button', { name: 'Record screen and hold' }).click();
  const grading = panel.getByRole('region', {
    name: /^Grade the incident: Red flag at pre-session screen: Chest pain/,
  });
  await expect(grading).toBeVisible();
  await expect(panel.getByText(/Incident recorded \(1\) · grade needed/)).toBeVisible();

  // Signing first is refused, saying where to grade: here.
  await panel.getByRole('button', { name: 'Sign as held for safety' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'Grade the incident before signing' })).toContainText(
    'under the recorded screen',
  );
  await grading.getByRole('combobox', { name: 'Grade (1–5)' }).click();
  await page.getByRole('option', { name: '2', exact: true }).click();
  await grading
    .getByRole('textbox', { name: 'What was done' })
    .fill('Rested seated, pain eased in 5 min; GP phoned, ECG arranged today');
  await bothSchemes(app, 'clinicready-grade-on-session-screen');
  await grading.getByRole('button', { name: 'Save grade' }).click();
  await expect(grading).toBeHidden();
  await expect(panel.getByText(/^Incident recorded \(1\)$/)).toBeVisible();
  // The refusal it answered is gone with it.
  await expect(panel.getByRole('alert').filter({ hasText: 'Grade the incident before signing' })).toHaveCount(0);
  const [event] = (await app.call('sessions.forPatient', { patientId, from: addDays(today, -1), to: today }))
    .adverseEvents;
  expect(event).toMatchObject({
    severity: 2,
    actionTaken: 'Rested seated, pain eased in 5 min; GP phoned, ECG arranged today',
  });

  await panel.getByRole('button', { name: 'Sign as held for safety' }).click();
  await expect(panel.getByRole('region', { name: 'Screen decision' })).toContainText('Signed decision');
  expect((await app.call('sessions.get', { sessionId: booking.sessionId })).signedAt).not.toBeNull();
  expect(app.consoleErrors).toEqual([]);
});

test('Settings as a clinician meets it: sections with their own navigation, every administrator-only control read-only with the reason, "1 try left" (item 13)', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  // A clinician who has chosen their own passphrase (the first sign-in's forced choice is access.spec's).
  await handOverToClinician(app);
  await page.setViewportSize({ width: 1024, height: 768 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const sections = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(sections.getByRole('link')).toHaveCount(11);
  await expect(sections.getByRole('link', { name: 'Clinic and clinicians' })).toHaveAttribute('aria-current', 'page');
  // One section at a time: not one 12,000 px page.
  await expect(page.getByRole('region', { name: 'Backups and audit trail' })).toHaveCount(0);

  const adminOnly = 'Only a clinic administrator can change this.';
  const linkNames = await sections.getByRole('link').allTextContents();
  for (const name of linkNames) {
    await sections.getByRole('link', { name, exact: true }).click();
    // Choosing a section moves focus to its heading, so the next Tab is inside it.
    await expect(page.getByRole('heading', { name, level: 3, exact: true })).toBeFocused();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, `${name} is ${height} px tall`).toBeLessThan(6000);
    // Every panel an administrator alone may change says so and offers nothing to press or type.
    for (const panel of await page.locator('main section').filter({ hasText: adminOnly }).all()) {
      await expect(panel.locator('button:enabled, input:enabled, textarea:enabled, select:enabled')).toHaveCount(0);
    }
  }

  await sections.getByRole('link', { name: 'Backups and audit trail' }).click();
  const safety = page.getByRole('region', { name: 'Backups and audit trail' });
  await expect(safety).toContainText(
    'Only a clinic administrator can change the backup policy, back up to a folder or restore a backup',
  );
  await expect(safety.getByRole('button', { name: 'Save backup policy' })).toHaveCount(0);
  await expect(safety.getByLabel('Daily backups to keep')).toBeDisabled();
  await expect(safety.getByRole('button', { name: 'Back up to a folder…' })).toBeDisabled();
  await expect(safety.getByRole('button', { name: 'Restore from a file…' })).toBeDisabled();
  // What a clinician may do stays offered: a backup here.
  await safety.getByRole('button', { name: 'Back up the caseload now' }).click();
  await expect(safety.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible();
  const restoreButtons = safety
    .getByRole('table', { name: 'Backups' })
    .getByRole('button', { name: /^Restore the backup/ });
  await expect(restoreButtons.first()).toBeDisabled();
  await bothSchemes(app, 'clinicready-settings-clinician-backups');

  // Five wrong PINs need the passphrase; the last try says "1 try left", not "1 tries left".
  await app.call('access.setPin', { pin: '2468', passphrase: TEST_CLINICIAN_SIGN_IN.passphrase });
  await page.getByRole('button', { name: 'Lock Pacewise now' }).click();
  const lock = page.getByRole('dialog', { name: 'Pacewise is locked' });
  for (let attempt = 1; attempt <= 4; attempt++) {
    await lock.getByLabel(/^PIN/).fill('1111');
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock.getByText(`That PIN is not right`)).toBeVisible();
  }
  await expect(lock.getByText('1 try left before the passphrase is needed', { exact: true })).toBeVisible();
  await expect(lock).not.toContainText('tries left');
  await lock.getByLabel(/^PIN/).fill('2468');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('a restore says what it did, the backups list tells one backup from another, and cancelling "Restore from a file…" adds nothing (item 14)', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.clock.install();
  await page.reload();
  await app.call('patients.create', {
    givenName: 'Ruth',
    familyName: 'Okafor',
    dateOfBirth: '1958-04-02',
    sex: 'female',
    mrn: 'CR-1401',
  });
  const onStick = await app.call('maintenance.backUpTo', {});
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Backups and audit trail' })
    .click();
  const safety = page.getByRole('region', { name: 'Backups and audit trail' });
  await safety.getByRole('button', { name: 'Back up the caseload now' }).click();
  await expect(safety.getByRole('status').filter({ hasText: 'Backup made' })).toContainText(/\d{2}:\d{2}:\d{2}/);
  const table = safety.getByRole('table', { name: 'Backups' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('button') });
  await expect(rows).toHaveCount(1);
  // To the second, how it was made, and what it holds.
  await expect(rows.first().getByRole('cell').nth(0)).toHaveText(/, \d{2}:\d{2}:\d{2}$/);
  await expect(rows.first().getByRole('cell').nth(1)).toHaveText('On demand');
  await expect(rows.first().getByRole('cell').nth(2)).toHaveText('1');
  await expect(rows.first().getByRole('cell').nth(3)).toHaveText(/^[1-9]\d*$/);

  // A backup from the USB stick, looked at and not restored: the list is as it was.
  app.pickFile.path = onStick!.path;
  await safety.getByRole('button', { name: 'Restore from a file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('From a file');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  expect(await app.call('maintenance.listBackups', {})).toHaveLength(1);

  // A patient added after the backup, with its "Saved" notification still up when the backup is restored.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  await page.getByRole('button', { name: 'Add patient' }).click();
  const add = page.getByRole('dialog', { name: 'Add patient' });
  await add.getByLabel('Given name').fill('Ada');
  await add.getByLabel('Family name').fill('Lovelace');
  await add.getByLabel('Date of birth').fill('1952-12-10');
  await add.getByRole('radio', { name: 'Female', exact: true }).check();
  await add.getByLabel('Hospital number (MRN)').fill('CR-1402');
  await add.getByRole('button', { name: 'Save patient' }).click();
  const saved = notifications(page).filter({ hasText: 'Ada Lovelace added to the caseload' });
  await expect(saved).toBeVisible();
  // Time stands still from here (moved on by hand only, for the dialog's transitions), so the
  // notification would still be up after the restore unless the restore takes it away.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.goBack();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Backups and audit trail' })
    .click();
  await rows
    .first()
    .getByRole('button', { name: /^Restore the backup made/ })
    .click();
  await page.clock.runFor(400);
  await expect(dialog).toContainText('Saved changes');
  await expect(saved).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await page.clock.runFor(400);

  const restored = safety.getByRole('status', { name: 'Caseload restored' });
  await expect(restored).toBeVisible();
  await expect(saved).toHaveCount(0);
  await page.clock.resume();
  await expect(restored).toContainText(
    /The caseload is now the backup made .+, \d{2}:\d{2}:\d{2} \(on demand, caseload-manual-/,
  );
  await expect(restored).toContainText('1 patient and');
  await expect(restored).toContainText(`The caseload it replaced is kept, not deleted, at ${app.dataDir}/replaced/`);
  const kept = (await restored.locator('code').allTextContents()).find((t) => t.includes('/replaced/'))!;
  expect(existsSync(kept)).toBe(true);
  expect((await app.call('patients.search', { query: '' })).total).toBe(1);
  await bothSchemes(app, 'clinicready-restore-said');

  // A refusal shows where the action was: in the dialog, not only in a notification.
  await page.evaluate(() => window.scrollTo(0, 0));
  const listed = await app.call('maintenance.listBackups', {});
  const manual = listed.find((b) => b.kind === 'manual')!;
  rmSync(join(app.dataDir, 'backups', manual.fileName));
  await rows
    .filter({ hasText: 'On demand' })
    .getByRole('button', { name: /^Restore the backup made/ })
    .click();
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Restore failed' })).toContainText(manual.fileName);
  await dialogInBothSchemes(app, 'clinicready-restore-refused', dialog);
  expect(app.consoleErrors).toEqual([]);
});

test('the change history writes every value as its screen does: decisions, rule names, planned rows, times in the clinic’s format (item 5)', async ({
  app,
}) => {
  const { page } = app;
  const patientId = await activePatient(app, { given: 'Ngozi', family: 'Adeyemi', mrn: 'CR-0501' });
  // SpO₂ 93 % fires "SpO₂ reduced": Go with modifications.
  await signedSession(app, patientId, addDays(today, -1), [{ key: 'sit_to_stand', outcome: 'completed' }], {
    spo2: 93,
  });
  const at = new Date(`${addDays(today, -1)}T16:05:00`);
  await app.call('adverseEvents.record', {
    patientId,
    type: 'fall',
    severity: 1,
    occurredAt: at.toISOString(),
    description: 'Lost footing stepping off the treadmill; no injury',
  });

  await page.setViewportSize({ width: 1024, height: 768 });
  await go(page, `/patients/${patientId}/history`);
  const changes = page.getByRole('list', { name: 'Changes' });
  const field = (label: string) => changes.getByRole('listitem').filter({ hasText: new RegExp(`^${label}`) });
  await expect(field('Decision').first()).toContainText('Go with modifications');
  await expect(field('Fired rules').first()).toContainText('SpO₂ reduced');
  await expect(field('Entries').first()).toContainText('Planned: Planned');
  await expect(field('Entries').first()).toContainText('Outcome: Completed');
  await expect(field('Type').first()).toContainText('Fall');
  // The incident's time as the session screen and every list write it: the clinic's date format, 24-hour clock.
  const day = String(at.getDate());
  await expect(field('Occurred at').first()).toContainText(new RegExp(`\\D${day} \\w{3} \\d{4}, 16:05`));
  const text = await changes.innerText();
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\bmodify\b|spo2_|Planned: (1|0|Yes|No)\b/);
  await settle(page);
  await bothSchemes(app, 'clinicready-history-values');
  expect(app.consoleErrors).toEqual([]);
});
