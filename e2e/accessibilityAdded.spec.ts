import { addDays, todayLocal } from '../src/shared/dates';
import { TEST_CLINICIAN, TEST_CLINICIAN_SIGN_IN } from '../src/main/testing';
import { ADMIN, expect, test } from './fixtures';

// The screens added after the accessibility pass (issue 25 item 1), checked the same way: axe-core's
// WCAG 2.1 A and AA rules in light and dark, no serious or critical violation (app.expectAccessible).

const today = todayLocal();

test('Reports and the Settings sections added since: research export, local services, patient check-in', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  const { id: patientId } = await app.call('patients.create', {
    givenName: 'Ruth',
    familyName: 'Okafor',
    dateOfBirth: '1956-03-14',
    sex: 'female',
    mrn: 'RMH-1001',
  });
  await app.call('intake.changeStatus', { patientId, toStatus: 'active', effectiveOn: today, reason: 'Assessed' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', exact: true })).toBeVisible();
  await app.expectAccessible('reports');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const sections = page.getByRole('navigation', { name: 'Settings sections' });
  for (const [section, panel] of [
    ['Export', 'Research export (de-identified)'],
    ['Clinic and clinicians', 'Local services'],
    ['Patient check-in', 'Patient check-in'],
  ] as const) {
    await sections.getByRole('link', { name: section }).click();
    await expect(page.getByRole('region', { name: panel })).toBeVisible();
    await app.expectAccessible(`settings ${section}`);
  }
});

test('the patient check-in view, each kind of screen, and the hand-back form', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await app.call('access.setPin', { pin: '2468', passphrase: ADMIN.passphrase });
  const { id: patientId } = await app.call('patients.create', {
    givenName: 'Margaret',
    preferredName: 'Peggy',
    familyName: 'Chen',
    dateOfBirth: '1952-06-20',
    sex: 'female',
    mrn: 'RMH-2001',
  });
  await app.call('intake.changeStatus', { patientId, toStatus: 'active', effectiveOn: today, reason: 'Assessed' });
  await app.call('intake.saveClearance', {
    patientId,
    receivedOn: addDays(today, -7),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(today, 90),
  });
  await app.call('bookings.create', { patientId, date: today, startTime: '09:30' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page
    .getByRole('row', { name: /^Peggy Chen at 09:30/ })
    .getByRole('button', { name: 'Check in on this device' })
    .click();
  await page
    .getByRole('dialog', { name: /^Check in .* on this device\?$/ })
    .getByRole('button', { name: 'Start check-in' })
    .click();
  const view = page.getByRole('main', { name: 'Patient check-in' });
  await expect(view).toBeVisible();
  await app.expectAccessible('check-in welcome');

  // Through the screens as a patient would, checking the first of each kind: a 0–10 scale, the red flags.
  await view.getByRole('button', { name: 'Start' }).click();
  await view.getByRole('radio', { name: 'Patient', exact: true }).click();
  const checked = new Set<string>();
  const position = view.getByText(/^Question \d+ of \d+$/);
  const answers = view.getByRole('heading', { name: 'Check your answers' });
  while (!(await answers.isVisible())) {
    const at = await position.textContent();
    if (await view.getByRole('heading', { name: 'Today, please tell us:' }).isVisible()) {
      if (!checked.has('flags')) await app.expectAccessible('check-in red-flag questions');
      checked.add('flags');
      for (const group of await view.getByRole('radiogroup').all()) {
        await group.getByRole('radio', { name: 'No', exact: true }).click();
      }
    } else if ((await view.getByRole('radiogroup', { name: / now/ }).count()) > 0 && !checked.has('scale')) {
      await app.expectAccessible('check-in symptom scale');
      checked.add('scale');
    }
    const forward = view.getByRole('button', { name: /^(Next|Skip)$/ });
    // The last question goes on to the check of every answer.
    await ((await forward.count()) > 0 ? forward : view.getByRole('button', { name: 'Check answers' })).click();
    // The next screen, or the check of every answer at the end.
    await expect(
      position
        .or(answers)
        .filter({ hasNotText: at ?? '' })
        .first(),
    ).toBeVisible();
  }
  await app.expectAccessible('check-in check answers');
  checked.add('check');
  expect([...checked].sort()).toEqual(['check', 'flags', 'scale']);

  await view.getByRole('button', { name: 'Staff', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Staff: return to Pacewise' })).toBeVisible();
  await app.expectAccessible('check-in hand-back');
});

test('the choice of one’s own passphrase after an administrator chose it', async ({ app }) => {
  const { page } = app;
  await app.call('access.addClinician', TEST_CLINICIAN);
  await page.getByRole('button', { name: /Signed in as Alex Morgan/ }).click();
  await page.getByRole('menuitem', { name: 'Switch clinician' }).click();
  await app.signIn(TEST_CLINICIAN_SIGN_IN);
  await expect(page.getByRole('heading', { name: /Choose your own passphrase/ })).toBeVisible();
  await app.expectAccessible('choose passphrase');
});
