import { expect, test, type PacewiseApp } from './fixtures';

async function seed(app: PacewiseApp): Promise<void> {
  const people: Array<[string, string, string]> = [
    ['Zoë', 'Adams', 'RMH-Z1'],
    ['Wanjiru', 'Ngũgĩ', 'RMH-N1'],
    ['Siobhán', "O'Brien", 'RMH-O1'],
    ['Ruth', 'Okafor', 'RMH-R1'],
  ];
  for (const [givenName, familyName, mrn] of people) {
    await app.call('patients.create', {
      givenName,
      familyName,
      dateOfBirth: '1960-03-02',
      sex: 'female' as const,
      mrn,
    });
  }
  await app.page.reload();
}

test('the caseload search finds names whatever their accents, case or apostrophes', async ({ app }) => {
  await seed(app);
  const { page } = app;
  const table = page.getByRole('table', { name: 'Patients' });
  const search = page.getByLabel('Search patients');
  for (const [typed, expected] of [
    ['zoe', 'Zoë Adams'],
    ['NGUGI', 'Wanjiru Ngũgĩ'],
    ['obrien', "Siobhán O'Brien"],
    ['siobhan o’brien', "Siobhán O'Brien"],
  ] as const) {
    await search.fill(typed);
    await expect(table.getByRole('row', { name: expected })).toBeVisible();
    await expect(table.getByRole('row', { name: 'Ruth Okafor' })).toBeHidden();
  }
  await app.screenshot('finding-search-folded');
});

test('adding someone already on the caseload warns by MRN, and by name and date of birth', async ({ app }) => {
  await seed(app);
  const { page } = app;
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add patient' });
  const warning = dialog.getByRole('alert').filter({ hasText: 'This may be someone already on the caseload' });

  await dialog.getByLabel('Hospital number (MRN)').fill('rmh-z1');
  await expect(warning).toContainText('Zoë Adams');
  await expect(warning).toContainText('same hospital number');
  await dialog.getByLabel('Hospital number (MRN)').fill('RMH-Z2');
  await expect(warning).toBeHidden();

  await dialog.getByLabel('Given name').fill('zoe');
  await dialog.getByLabel('Family name').fill('ADAMS');
  await dialog.getByLabel('Date of birth').fill('1960-03-02');
  await dialog.getByRole('radio', { name: 'Female', exact: true }).check();
  await expect(warning).toContainText('Zoë Adams');
  await expect(warning).toContainText('same name and date of birth');
  await app.screenshot('finding-duplicate-warning');

  await dialog.getByRole('button', { name: 'Save patient' }).click();
  await expect(
    dialog.getByText('Open the existing record, or tick this box if this is a different person'),
  ).toBeVisible();
  expect((await app.call('patients.search', { query: 'adams' })).total).toBe(1);

  await dialog.getByLabel('This is a different person: add them anyway').check();
  await dialog.getByRole('button', { name: 'Save patient' }).click();
  await expect(dialog).toBeHidden();
  expect((await app.call('patients.search', { query: 'adams' })).total).toBe(2);

  // The link in the warning opens the existing record instead.
  await page.getByRole('button', { name: 'Add patient' }).click();
  await dialog.getByLabel('Hospital number (MRN)').fill('RMH-N1');
  await warning.getByRole('link', { name: 'Wanjiru Ngũgĩ' }).click();
  await expect(page.getByRole('heading', { name: 'Wanjiru Ngũgĩ', level: 2 })).toBeVisible();
});
