import type { Locator, Page } from '@playwright/test';
import { addDays, todayLocal } from '../src/shared/dates';
import { ADMIN, expect, test, useColorScheme, type PacewiseApp } from './fixtures';

const today = todayLocal();
const PIN = '2468';

/** A booked, cleared, active patient for today; Margaret goes by Peggy. */
async function bookedToday(
  app: PacewiseApp,
  p: { given: string; preferred?: string; family: string; mrn: string; at: string },
): Promise<{ patientId: string; sessionId: string }> {
  const { id: patientId } = await app.call('patients.create', {
    givenName: p.given,
    preferredName: p.preferred ?? null,
    familyName: p.family,
    dateOfBirth: '1952-06-20',
    sex: 'female',
    mrn: p.mrn,
  });
  await app.call('intake.changeStatus', { patientId, toStatus: 'active', effectiveOn: today, reason: 'Assessed' });
  await app.call('intake.saveClearance', {
    patientId,
    receivedOn: addDays(today, -7),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(today, 90),
  });
  const { sessionId } = await app.call('bookings.create', { patientId, date: today, startTime: p.at });
  return { patientId, sessionId };
}

async function clinicWithTwoBookings(app: PacewiseApp) {
  await app.call('access.setPin', { pin: PIN, passphrase: ADMIN.passphrase });
  const peggy = await bookedToday(app, {
    given: 'Margaret',
    preferred: 'Peggy',
    family: 'Chen',
    mrn: 'RMH-2001',
    at: '09:30',
  });
  const tom = await bookedToday(app, { given: 'Tomasz', family: 'Becker', mrn: 'RMH-2002', at: '10:00' });
  return { peggy, tom };
}

async function openToday(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: /^Today/ })).toBeVisible();
}

/** From Today: the row's "Check in on this device", confirmed in its dialog. */
async function startCheckIn(page: Page, rowName: RegExp, patientName: string) {
  await page.getByRole('row', { name: rowName }).getByRole('button', { name: 'Check in on this device' }).click();
  const dialog = page.getByRole('dialog', { name: `Check in ${patientName} on this device?` });
  await dialog.getByRole('button', { name: 'Start check-in' }).click();
  await expect(page.getByRole('main', { name: 'Patient check-in' })).toBeVisible();
}

/** A touch target the way: at least 48 px each way. */
async function expectTouchSized(target: Locator) {
  const box = await target.boundingBox();
  expect(box, 'target is on screen').not.toBeNull();
  expect(box!.width).toBeGreaterThanOrEqual(48);
  expect(box!.height).toBeGreaterThanOrEqual(48);
}

async function tap(target: Locator) {
  await expectTouchSized(target);
  await target.click();
}

const view = (page: Page) => page.getByRole('main', { name: 'Patient check-in' });
const next = (page: Page) => tap(view(page).getByRole('button', { name: /^(Next|Skip)$/ }));

/** Nothing of the caseload, another patient or the clinic in the page, checked on its HTML. */
async function expectNothingOfTheCaseload(page: Page, also: string[] = []) {
  // The document's body and title: the head's module-preload links name code files ("SettingsScreen-….js").
  const html = await page.evaluate(() => `${document.title}\n${document.body.outerHTML}`);
  for (const text of [
    'Becker',
    'Tomasz',
    'RMH-2001',
    'RMH-2002',
    'Margaret',
    'Chen',
    'Riverside Cancer Exercise Clinic',
    'Alex Morgan',
    'Caseload',
    'Letters',
    'Settings',
    ...also,
  ]) {
    expect(html, `the page holds "${text}" during check-in`).not.toContain(text);
  }
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
}

async function rate(page: Page, symptom: string, score: number | null) {
  await expect(view(page).getByRole('heading', { name: symptom, exact: true })).toBeVisible();
  if (score !== null) {
    const scale = view(page).getByRole('radiogroup', { name: new RegExp(`^${symptom} now`) });
    await tap(scale.getByRole('radio', { name: new RegExp(`^${score}\\b`) }));
    await expect(scale.getByRole('radio', { name: new RegExp(`^${score}\\b`) })).toHaveAttribute(
      'aria-checked',
      'true',
    );
  }
  await next(page);
}

/**
 * The red-flag screens: each question answered as given (No unless listed), "Next" after each screen.
 * Ten questions a patient can answer (issue 20 added new difficulty walking), three to a screen: four screens.
 */
async function answerRedFlags(
  page: Page,
  answers: Record<string, 'Yes' | 'No' | 'Not sure'> = {},
  beforeNext?: (screen: number) => Promise<void>,
) {
  for (let screen = 0; screen < 4; screen++) {
    await expect(view(page).getByRole('heading', { name: 'Today, please tell us:' })).toBeVisible();
    const groups = view(page).getByRole('radiogroup');
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      const question = (await group.getAttribute('aria-label')) ?? '';
      const key = Object.keys(answers).find((k) => question.includes(k));
      await tap(group.getByRole('radio', { name: key ? answers[key] : 'No', exact: true }));
    }
    await beforeNext?.(screen);
    await next(page);
  }
}

async function handBackWithPin(page: Page, pin = PIN) {
  await tap(view(page).getByRole('button', { name: 'Staff' }));
  const form = page.getByRole('form', { name: 'Staff: return to Pacewise' });
  await form.getByLabel('Your PIN').fill(pin);
  await form.getByRole('button', { name: 'Return to Pacewise' }).click();
}

test('a full check-in by touch, its answers in the session’s screen: one confirmed, one corrected; nothing else in the page', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { peggy } = await clinicWithTwoBookings(app);
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  await useColorScheme(page, 'light');
  await openToday(page);
  await startCheckIn(page, /^Peggy Chen at 09:30/, 'Peggy Chen');

  // The patient's view: their preferred name only, no navigation, nothing of anyone else.
  await expect(view(page).getByRole('heading', { name: 'Hello, Peggy' })).toBeVisible();
  await expectNothingOfTheCaseload(page);
  await app.screenshot('check-in-welcome');
  // The page's own window.api cannot reach the caseload while the patient holds the device.
  const refused = await page.evaluate(async () => {
    const api = window.api as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    return Promise.all([
      api['patients']!['search']!({ query: 'Becker', offset: 0, limit: 5 }),
      api['today']!['list']!({ date: new Date().toISOString().slice(0, 10) }),
      api['access']!['switchClinician']!({}),
    ]);
  });
  for (const result of refused as Array<{ ok: boolean; error?: { code: string } }>) {
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
  // Changing the address does not bring the caseload back either.
  await page.evaluate(() => (window.location.hash = '#/caseload'));
  await expect(view(page)).toBeVisible();
  await expectNothingOfTheCaseload(page);

  await tap(view(page).getByRole('button', { name: 'Start' }));
  await expect(view(page).getByText('Question 1 of 16')).toBeVisible();
  await tap(view(page).getByRole('radio', { name: 'Patient', exact: true }));
  await next(page);

  await rate(page, 'Pain', 7);
  // Tiredness with the form's own short definition, and the scale's ends as printed.
  await expect(view(page).getByText('(Tiredness = lack of energy)')).toBeVisible();
  await expect(view(page).getByText('10 = Worst possible tiredness')).toBeVisible();
  await expect(view(page).getByText('Please choose the number that best describes how you feel NOW:')).toBeVisible();
  const scale = view(page).getByRole('radiogroup', { name: /^Tiredness now/ });
  await expect(scale.getByRole('radio')).toHaveCount(11);
  for (const radio of await scale.getByRole('radio').all()) await expectTouchSized(radio);
  await tap(scale.getByRole('radio', { name: /^6\b/ }));
  await app.screenshot('check-in-question');
  await next(page);
  await rate(page, 'Drowsiness', 2);
  await rate(page, 'Nausea', 1);
  await rate(page, 'Lack of appetite', 3);
  await rate(page, 'Shortness of breath', 2);
  await rate(page, 'Depression', null);
  await rate(page, 'Anxiety', 4);
  await rate(page, 'Wellbeing', 5);

  await view(page).getByLabel('Other problem').fill('Constipation');
  await tap(
    view(page)
      .getByRole('radiogroup', { name: /^Constipation now/ })
      .getByRole('radio', { name: /^4\b/ }),
  );
  await next(page);
  await expect(view(page).getByText('Question 12 of 16')).toBeVisible();
  await app.screenshot('check-in-red-flags');
  await answerRedFlags(page);
  await view(page).getByLabel('Anything else we should know today?').fill('My knee is sore on the stairs');
  await tap(view(page).getByRole('button', { name: 'Check answers' }));

  await expect(view(page).getByRole('heading', { name: 'Check your answers' })).toBeVisible();
  await expect(view(page)).toContainText('Depression: Not answered');
  await expect(view(page)).toContainText('Tiredness: 6');
  // "Change" goes to the question and one tap brings the patient back here.
  await tap(view(page).getByRole('button', { name: 'Change: Wellbeing' }));
  await tap(
    view(page)
      .getByRole('radiogroup', { name: /^Wellbeing now/ })
      .getByRole('radio', { name: /^4\b/ }),
  );
  await tap(view(page).getByRole('button', { name: 'Check answers' }));
  await expect(view(page)).toContainText('Wellbeing: 4');
  await app.screenshot('check-in-check-answers');
  await tap(view(page).getByRole('button', { name: 'Done — hand back to staff' }));

  // A neutral thank-you: nothing the patient typed, not even their name.
  await expect(view(page).getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expectNothingOfTheCaseload(page, ['Peggy', 'knee', 'Constipation']);
  await app.screenshot('check-in-thank-you');

  // Leaving needs the clinician: a wrong PIN is refused and the patient view stays.
  await handBackWithPin(page, '1111');
  await expect(page.getByRole('form', { name: 'Staff: return to Pacewise' })).toContainText(
    'That PIN is not right (4 tries left)',
  );
  await expect(view(page)).toBeVisible();
  await expectNothingOfTheCaseload(page, ['Peggy']);
  const form = page.getByRole('form', { name: 'Staff: return to Pacewise' });
  await form.getByLabel('Your PIN').fill(PIN);
  await form.getByRole('button', { name: 'Return to Pacewise' }).click();
  await expect(page.getByRole('heading', { name: /^Today/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Peggy Chen at 09:30/ })).toContainText('Checked in');

  // The answers in the session's pre-session screen, as patient-reported with their time.
  await page.getByRole('row', { name: /^Peggy Chen at 09:30/ }).click();
  const report = page.getByRole('region', { name: 'Patient check-in' });
  await expect(report).toContainText('Patient-reported at check-in');
  await expect(report).toContainText('Partial: 8 of 9 answered');
  await expect(report).toContainText('Tiredness: 6');
  await expect(report).toContainText('Constipation: 4');
  await expect(report).toContainText('No red flag reported.');
  await expect(report).toContainText('“My knee is sore on the stairs”');
  const screen = page.getByRole('region', { name: 'Pre-session screen' });
  await expect(screen.getByLabel('Pain (0–10)', { exact: true })).toHaveValue('7');
  await expect(screen.getByLabel('Fatigue (0–10)', { exact: true })).toHaveValue('6');
  await screen.getByLabel('Resting HR (bpm)').fill('74');
  await screen.getByLabel('Systolic BP (mmHg)').fill('126');
  await screen.getByLabel('Diastolic BP (mmHg)').fill('78');
  await screen.getByLabel('SpO₂ (%)', { exact: true }).fill('97');
  await screen.getByLabel('Temperature (°C)').fill('36.7');
  // Not yet confirmed: recording is refused under each prefilled field.
  await page.getByRole('button', { name: 'Record screen and start' }).click();
  await expect(screen).toContainText('Confirm the patient’s pain (7) or correct it');
  // Pain confirmed as reported; fatigue corrected to 4 after talking it through; the rest confirmed.
  await screen.getByRole('button', { name: 'Confirm Pain (0–10)' }).click();
  await expect(screen).toContainText('Confirmed as the patient reported');
  await screen.getByLabel('Fatigue (0–10)', { exact: true }).fill('4');
  await expect(screen).toContainText('Corrected · patient reported 6');
  await screen.getByRole('button', { name: 'Confirm Nausea (0–10)' }).click();
  await screen.getByRole('button', { name: 'Confirm Breathlessness (0–10)' }).click();
  await app.screenshot('check-in-answers-in-screen');
  await page.getByRole('button', { name: 'Record screen and start' }).click();
  await expect(page.getByRole('region', { name: 'Pre-session screen' })).toContainText(
    'Patient-reported symptoms: pain 7 (confirmed); fatigue 6 → 4 (corrected); nausea 1 (confirmed); breathlessness 2 (confirmed)',
  );

  // Both kept: the patient's answers on the check-in, the clinician's on the screen; every step audited.
  const db = app.sqlite();
  const row = db.prepare('SELECT * FROM check_in').get() as Record<string, string>;
  expect(row['status']).toBe('completed');
  expect(JSON.parse(row['answers_json']!)).toMatchObject({ esas: { fatigue: 6, pain: 7 }, completedBy: 'patient' });
  const recorded = JSON.parse(
    (db.prepare('SELECT screen_json FROM session WHERE id = ?').get(peggy.sessionId) as { screen_json: string })
      .screen_json,
  );
  expect(recorded).toMatchObject({
    fatigue0to10: 4,
    pain0to10: 7,
    checkIn: { checkInId: row['id'], confirmed: ['pain0to10', 'nausea0to10', 'breathlessness0to10'] },
  });
  const trail = db
    .prepare("SELECT action, actor_id AS actor, reason FROM audit_event WHERE entity = 'check_in' ORDER BY seq")
    .all() as Array<{ action: string; actor: string | null; reason: string }>;
  expect(trail.map((e) => e.reason)).toEqual([
    expect.stringMatching(/started/),
    expect.stringMatching(/completed \(filled in by: patient\)/),
    expect.stringMatching(/refused: wrong PIN/),
    expect.stringMatching(/handed back to staff with the clinician’s PIN/),
  ]);
  const startedBy = row['started_by'];
  expect(trail.filter((e) => e.action !== 'access').every((e) => e.actor === startedBy)).toBe(true);

  // Progress charts the check-in's ESAS-r, marked as patient-reported and partial.
  await page.evaluate((id) => (window.location.hash = `#/patients/${id}/progress`), peggy.patientId);
  await expect(page.getByRole('figure', { name: 'ESAS-r over time' })).toContainText(
    '(patient check-in, incomplete (8 of 9 items))',
  );
});

test('a reported chest pain holds the screen until the clinician reviews it and records what they found (dark, 1024 × 768)', async ({
  app,
}) => {
  test.setTimeout(150_000);
  const { peggy } = await clinicWithTwoBookings(app);
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  await useColorScheme(page, 'dark');
  // From the session screen this time, before its screen is recorded.
  await page.evaluate((id) => (window.location.hash = `#/sessions/${id}`), peggy.sessionId);
  await page.getByRole('button', { name: 'Check in on this device' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start check-in' }).click();
  await expect(view(page).getByRole('heading', { name: 'Hello, Peggy' })).toBeVisible();
  await expectNothingOfTheCaseload(page);
  await app.screenshot('check-in-welcome');
  await tap(view(page).getByRole('button', { name: 'Start' }));
  await tap(view(page).getByRole('radio', { name: 'Family caregiver', exact: true }));
  await next(page);
  await rate(page, 'Pain', 3);
  await app.screenshot('check-in-question');
  for (const symptom of ['Tiredness', 'Drowsiness', 'Nausea', 'Lack of appetite', 'Shortness of breath']) {
    await rate(page, symptom, null);
  }
  for (const symptom of ['Depression', 'Anxiety', 'Wellbeing']) await rate(page, symptom, null);
  await next(page);
  await answerRedFlags(page, { chest: 'Yes' }, async (screen) => {
    if (screen === 0) await app.screenshot('check-in-red-flags');
  });
  await expect(view(page).getByRole('heading', { name: 'Anything else we should know today?' })).toBeVisible();
  await tap(view(page).getByRole('button', { name: 'Check answers' }));
  await app.screenshot('check-in-check-answers');
  await tap(view(page).getByRole('button', { name: 'Done — hand back to staff' }));
  await expect(view(page).getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await app.screenshot('check-in-thank-you');
  await tap(view(page).getByRole('button', { name: 'Staff' }));
  await app.screenshot('check-in-staff');
  const form = page.getByRole('form', { name: 'Staff: return to Pacewise' });
  await form.getByLabel('Your PIN').fill(PIN);
  await form.getByRole('button', { name: 'Return to Pacewise' }).click();

  // Back on the session screen it was started from: Hold until the reported flag is reviewed.
  const report = page.getByRole('region', { name: 'Patient check-in' });
  await expect(report).toContainText('Patient answered “Yes”: Chest pain or pressure');
  await expect(page.getByText('Patient reported: Chest pain or pressure (not yet reviewed)').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record screen and hold' })).toBeVisible();
  await app.screenshot('check-in-flag-review');
  const review = report.getByRole('form', { name: 'Review: Chest pain or pressure' });
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(review).toContainText('Choose the finding');
  await review.getByRole('radio', { name: 'Confirmed: the red flag is present' }).check();
  await review.getByLabel('What you found').fill('Tight chest walking in from the car park; settled after 5 min rest');
  await review.getByRole('button', { name: 'Record review' }).click();
  await expect(report).toContainText('Confirmed by Alex Morgan');
  await expect(report).toContainText('incident recorded');
  // Confirmed: the red flag is ticked on the screen's own checklist and the incident holds the session.
  await expect(page.getByRole('checkbox', { name: 'Chest pain or pressure' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Record screen and hold' })).toBeVisible();
  const incidents = app
    .sqlite()
    .prepare('SELECT red_flag_id AS flag, session_id AS sessionId FROM adverse_event WHERE red_flag = 1')
    .all();
  expect(incidents).toEqual([{ flag: 'chest_pain', sessionId: peggy.sessionId }]);
  await useColorScheme(page, 'light');
});

test('the idle time discards unfinished answers to a neutral screen, and nothing typed reaches the next patient', async ({
  app,
}) => {
  test.setTimeout(150_000);
  const { tom } = await clinicWithTwoBookings(app);
  const { page } = app;
  await page.setViewportSize({ width: 1024, height: 768 });
  // The idle time is clinic policy: this clinic makes it 2 minutes.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Patient check-in' })
    .click();
  const policy = page.getByRole('region', { name: 'Patient check-in' });
  const minutes = policy.getByLabel(/Minutes without a touch .* \(clinic policy\)/);
  await expect(minutes).toHaveValue('3');
  await minutes.fill('0');
  await policy.getByRole('button', { name: 'Save' }).click();
  await expect(policy).toContainText('must be 1 to 30');
  await minutes.fill('2');
  await policy.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Check-in idle time updated')).toBeVisible();
  await policy.scrollIntoViewIfNeeded();
  await policy.screenshot({ path: 'e2e/.screenshots/check-in-settings-light.png' });
  await page.clock.install();
  await openToday(page);
  await startCheckIn(page, /^Tomasz Becker at 10:00/, 'Tomasz Becker');
  await tap(view(page).getByRole('button', { name: 'Start' }));
  await tap(view(page).getByRole('radio', { name: 'Patient', exact: true }));
  await next(page);
  await rate(page, 'Pain', 5);
  for (let i = 0; i < 8; i++) await next(page);
  await view(page).getByLabel('Other problem').fill('Worried about my scan results');

  // Two minutes (clinic policy) without a touch: the answers go and a neutral screen shows.
  await page.clock.fastForward('01:50');
  await expect(view(page).getByLabel('Other problem')).toHaveValue('Worried about my scan results');
  await page.clock.fastForward('00:15');
  await expect(view(page).getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await expectNothingOfTheCaseload(page, ['Worried about my scan results', 'Tomasz']);
  const abandoned = app
    .sqlite()
    .prepare('SELECT status, abandon_reason AS reason, answers_json AS answers FROM check_in')
    .get();
  expect(abandoned).toEqual({ status: 'abandoned', reason: 'idle', answers: null });
  expect(
    app
      .sqlite()
      .prepare("SELECT count(*) AS n FROM assessment WHERE kind = 'patient_reported' AND patient_id = ?")
      .get(tom.patientId),
  ).toEqual({ n: 0 });

  // Nothing the last patient typed is there for the next one.
  await handBackWithPin(page);
  await openToday(page);
  await startCheckIn(page, /^Peggy Chen at 09:30/, 'Peggy Chen');
  await tap(view(page).getByRole('button', { name: 'Start' }));
  await tap(view(page).getByRole('radio', { name: 'Patient', exact: true }));
  await next(page);
  for (let i = 0; i < 9; i++) await next(page);
  await expect(view(page).getByLabel('Other problem')).toHaveValue('');
  expect(await page.content()).not.toContain('Worried about my scan results');
  const reasons = app
    .sqlite()
    .prepare("SELECT reason FROM audit_event WHERE entity = 'check_in' ORDER BY seq")
    .all()
    .map((r) => (r as { reason: string }).reason);
  expect(reasons).toContain(
    'Check-in abandoned: no answer for 2 minutes (clinic policy); unfinished answers discarded',
  );
});
