import { todayLocal } from '../src/shared/dates';
import { expect, test } from './fixtures';

/*
 * Dates no one can misread: typed in the clinic's order, shown with the month named, and the
 * clinic's format (Settings, defaulting from the computer's locale) used on every screen.
 */

test("dates follow the clinic's format: en-AU defaults to day first with the month named; month first in Settings changes what every screen shows and how a date is typed", async ({
  app,
}) => {
  const { page } = app;
  const base = page.url().replace(/#.*$/, '');
  const { id } = await app.call('patients.create', {
    givenName: 'Ana',
    familyName: 'Silva',
    dateOfBirth: '1958-07-02',
    sex: 'female',
    mrn: 'RMH-8101',
  });
  await page.goto(`${base}#/patients/${id}`);
  await expect(page.getByText('born 2 Jul 1958')).toBeVisible();

  await page.goto(`${base}#/settings/dates`);
  const panel = page.getByRole('region', { name: 'Dates' });
  await expect(panel.getByText("Default from this computer's locale (en-AU)")).toBeVisible();
  await expect(panel.getByText(/suggests DD\/MM\/YYYY/)).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Date order' })).toHaveValue('Day first: DD/MM/YYYY');
  await panel.getByRole('combobox', { name: 'Date order' }).click();
  await page.getByRole('option', { name: 'Month first: MM/DD/YYYY' }).click();
  await panel.getByRole('checkbox', { name: 'Show months by name' }).uncheck();
  const today = todayLocal();
  const [y, m, d] = today.split('-');
  await expect(panel).toContainText(`Today shows as: ${m}/${d}/${y}`);
  await panel.getByRole('button', { name: 'Save date format' }).click();
  await expect(panel.getByText('Chosen for this clinic')).toBeVisible();
  await app.screenshot('dates-settings');

  // Every screen now shows month first; the same patient's birthday reads 07/02/1958.
  await page.goto(`${base}#/patients/${id}`);
  await expect(page.getByText('born 07/02/1958')).toBeVisible();
  await expect(page.getByText('born 2 Jul 1958')).toHaveCount(0);

  // Typing follows the clinic's order too: 04/03 is the 3rd of April, shown back as typed.
  await page.getByRole('link', { name: /Personal details/ }).click();
  const details = page.getByRole('form', { name: 'Personal details' });
  const dob = details.getByRole('textbox', { name: 'Date of birth' });
  await expect(dob).toHaveValue('07/02/1958');
  await expect(dob).toHaveAttribute('placeholder', 'MM/DD/YYYY');
  await dob.fill('04/03/1958');
  await details.getByLabel('Given name').focus();
  await expect(dob).toHaveValue('04/03/1958');
  await details.getByRole('button', { name: 'Save personal details' }).click();
  await expect.poll(async () => (await app.call('patients.get', { patientId: id })).dateOfBirth).toBe('1958-04-03');

  // The calendar opens from its button only, so it never covers the next field while typing.
  await dob.focus();
  await expect(page.getByRole('dialog').filter({ has: page.getByRole('button', { name: /April 1958/ }) })).toHaveCount(
    0,
  );
  await details.getByRole('button', { name: 'Pick from a calendar' }).first().click();
  await expect(page.getByRole('button', { name: '3 April 1958', exact: true })).toBeVisible();
  await app.screenshot('dates-calendar');
  await page.keyboard.press('Escape');

  // Back to the computer's default.
  await page.goto(`${base}#/settings/dates`);
  await page
    .getByRole('region', { name: 'Dates' })
    .getByRole('button', { name: "Use this computer's default" })
    .click();
  await page.goto(`${base}#/patients/${id}`);
  await expect(page.getByText('born 3 Apr 1958')).toBeVisible();
});
