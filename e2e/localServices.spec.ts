import { join, resolve } from 'node:path';
import { seedLetterCase } from '../src/main/testCases';
import { addDays, todayLocal } from '../src/shared/dates';
import { expect, test, useColorScheme } from './fixtures';

/*
 * The red-flag actions follow NHS guidance, which names NHS services (NICE NG234's MSCC
 * coordinator). Whom a clinic calls is its own: a setting, clinic policy, shown in the actions.
 */

const SCREENSHOTS = resolve(__dirname, '.screenshots');
const OUR_CONTACT = 'the Riverside oncology registrar on call (02 9000 1111)';

test('the clinic names whom to call for suspected spinal cord compression, and the red-flag actions say it', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Local services' });
  await expect(panel.getByText('Clinic policy: Pacewise defaults')).toBeVisible();
  const field = panel.getByRole('textbox', { name: 'Who to contact at once for suspected spinal cord compression' });
  await expect(field).toHaveValue('the treating oncology team’s on-call service');
  await expect(panel.getByText(/In place of “the MSCC coordinator” \(NICE NG234/)).toBeVisible();

  // A blank is refused, naming the field; nothing is saved.
  await field.fill(' ');
  await panel.getByRole('button', { name: 'Save local services' }).click();
  await expect(panel.getByText('Enter the contact for suspected spinal cord compression')).toBeVisible();
  expect((await app.call('display.localTerms', {})).saved).toBeNull();

  await field.fill(OUR_CONTACT);
  await panel.getByRole('button', { name: 'Save local services' }).click();
  await expect(panel.getByText('Clinic policy: the clinic’s own words')).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 10_000 });
  // The panel itself: the whole Settings page is too long to capture in time on a loaded machine.
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await panel.screenshot({ path: join(SCREENSHOTS, `local-services-settings-${scheme}.png`) });
  }
  await useColorScheme(page, 'light');

  const today = todayLocal();
  const c = await seedLetterCase((channel, input) => app.call(channel, input), {
    mrn: 'RCH-005120',
    givenName: 'Losa',
    familyName: 'Faleolo',
    baselineOn: addDays(today, -3),
    reassessedOn: addDays(today, -2),
    lesions: true,
    assessments: false,
  });
  const booking = await app.call('bookings.create', { patientId: c.patientId, date: today, startTime: '10:00' });
  // The hold is the session workflow's (sessions.spec.ts); recorded through the channel its screen uses.
  const outcome = await app.call('sessions.recordScreen', {
    sessionId: booking.sessionId,
    screen: { redFlags: ['spinal_cord_compression'] },
    clearanceOverrideReason: 'Oncologist agreed by phone; letter to follow',
  });
  expect(outcome.decision).toBe('hold');

  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `/sessions/${booking.sessionId}`);
  const screen = page.getByRole('region', { name: 'Pre-session screen' });
  await expect(screen.getByText(new RegExp(`Contact ${OUR_CONTACT.replace(/[()]/g, '\\$&')} at once`))).toBeVisible();
  await expect(page.getByText(/MSCC coordinator/)).toHaveCount(0);
  await app.screenshot('local-services-red-flag');
  expect(app.consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
});
