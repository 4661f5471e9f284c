import { expect, test, useColorScheme } from './fixtures';

const ruth = {
  givenName: 'Ruth',
  familyName: 'Okafor',
  preferredName: 'Ruthie',
  dateOfBirth: '1958-04-02',
  sex: 'female' as const,
  mrn: 'MRN7001',
};

/** Moves focus and the pointer off the theme toggle so its tooltip is not in the screenshot. */
async function settleFor(page: import('@playwright/test').Page) {
  await page.mouse.move(600, 740);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.getByRole('tooltip')).toHaveCount(0);
}

test('the change history shows who changed the preferred name, from what to what', async ({ app }) => {
  const { page } = app;
  const settle = () => settleFor(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  const created = await app.call('patients.create', ruth);
  await app.call('intake.saveDetails', {
    patientId: created.id,
    ...ruth,
    preferredName: 'Ru',
    interpreterNeeded: false,
    reassessmentIntervalWeeks: 8,
  });

  await page.evaluate((id) => (window.location.hash = `#/patients/${id}`), created.id);
  await page.getByRole('link', { name: /Change history/ }).click();
  await expect(page.getByRole('heading', { name: 'Change history' })).toBeVisible();
  await expect(page.getByText('Ruth Okafor · MRN7001')).toBeVisible();

  const changes = page.getByRole('list', { name: 'Changes' });
  const changed = changes.getByRole('listitem', { name: /^Patient · Changed/ });
  const recorded = changes.getByRole('listitem', { name: /^Patient · Recorded/ });
  await expect(changed).toBeVisible();
  await expect(recorded).toBeVisible();
  await expect(changed).toContainText('Alex Morgan');
  await expect(recorded).toContainText('Alex Morgan');
  // Old value struck through, new value beside it; the creation shows the name as first recorded.
  const preferred = changed.getByRole('listitem').filter({ hasText: 'Preferred name' });
  await expect(preferred.locator('del')).toHaveText('Ruthie');
  await expect(preferred.locator('ins')).toHaveText('Ru');
  await expect(recorded.getByRole('listitem').filter({ hasText: 'Preferred name' })).toContainText('Ruthie');
  // Newest first.
  const titles = await changes
    .locator(':scope > li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(titles.indexOf(titles.find((t) => t?.startsWith('Patient · Changed')) ?? '')).toBeLessThan(
    titles.indexOf(titles.find((t) => t?.startsWith('Patient · Recorded')) ?? ''),
  );
  await expect(page.getByRole('button', { name: 'Show older' })).toHaveCount(0);

  await useColorScheme(page, 'light');
  await settle();
  await app.screenshot('history');
  await useColorScheme(page, 'dark');
  await settle();
  await app.screenshot('history');
  await useColorScheme(page, 'light');

  await page.getByRole('link', { name: 'Back to overview' }).click();
  await expect(page.getByRole('link', { name: /Change history/ })).toBeVisible();
  await settle();
  await app.screenshot('history-overview');
  expect(app.consoleErrors).toEqual([]);
});

test('older changes load a page at a time', async ({ app }) => {
  const { page } = app;
  const created = await app.call('patients.create', { ...ruth, mrn: 'MRN7002' });
  // 60 preferred-name changes: more than one page of 50.
  for (let i = 1; i <= 60; i++) {
    await app.call('intake.saveDetails', {
      patientId: created.id,
      ...ruth,
      mrn: 'MRN7002',
      preferredName: `Name ${i}`,
      interpreterNeeded: false,
      reassessmentIntervalWeeks: 8,
    });
  }
  await page.evaluate((id) => (window.location.hash = `#/patients/${id}/history`), created.id);
  const items = page.getByRole('list', { name: 'Changes' }).locator(':scope > li');
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText('Name 60');
  await page.getByRole('button', { name: 'Show older' }).click();
  await expect(page.getByRole('button', { name: 'Show older' })).toHaveCount(0);
  await expect(items.last()).toHaveAccessibleName(/^Patient · Recorded/);
  // 60 changes + the first details record + the creation.
  await expect(items).toHaveCount(62);
});
