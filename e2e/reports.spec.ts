import { readdirSync } from 'node:fs';
import { join } from 'node:path';
// The test browser's locale is en-AU: dates on screen and in the PDF are day first with the month named.
import { addDays, formatClinicDate, todayLocal } from '../src/shared/dates';
import { expect, test, useColorScheme, type PacewiseApp } from './fixtures';
import { keepArtifact, pdfPagePng, pdfText } from './support/pdf';
import { finalisedWalk } from './support/records';

const today = todayLocal();
const lastMonthStart = `${addDays(`${today.slice(0, 8)}01`, -1).slice(0, 8)}01`;
const lastMonthEnd = addDays(`${today.slice(0, 8)}01`, -1);
const day = (n: number) => addDays(lastMonthStart, n);

async function activePatient(app: PacewiseApp, given: string, mrn: string): Promise<string> {
  const { id } = await app.call('patients.create', {
    givenName: given,
    familyName: 'Report',
    dateOfBirth: '1958-03-02',
    sex: 'female',
    mrn,
  });
  await app.call('intake.saveClearance', {
    patientId: id,
    receivedOn: addDays(lastMonthStart, -90),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(today, 200),
  });
  await app.call('intake.changeStatus', {
    patientId: id,
    toStatus: 'active',
    effectiveOn: addDays(lastMonthStart, -90),
    reason: 'Started the programme',
  });
  return id;
}

async function screened(app: PacewiseApp, patientId: string, date: string, sbp = 126): Promise<string> {
  const { sessionId } = await app.call('bookings.create', { patientId, date, startTime: '09:30' });
  await app.call('sessions.recordScreen', {
    sessionId,
    screen: { restingHr: 72, sbp, dbp: 80, spo2: 97, temperatureC: 36.6, redFlags: [] },
    clearanceOverrideReason: null,
  });
  return sessionId;
}

/**
 * Last month, counted by hand: Ana 2 attended (Go), 1 held (SBP 210: Hold), 1 cancelled, a grade 2
 * fall; her walk 350 → 400 m (+50 m, beyond the 30 m threshold). Ben 1 attended (Go), 1 did not
 * attend; his only walk is 70 days before the month, so his reassessment is overdue at its end.
 */
async function lastMonth(app: PacewiseApp) {
  const ana = await activePatient(app, 'Ana', 'REP-1');
  const ben = await activePatient(app, 'Ben', 'REP-2');
  await finalisedWalk(app, ana, { on: day(-20), metres: 350 });
  await finalisedWalk(app, ben, { on: day(-70), metres: 420 });
  const fall = await screened(app, ana, day(2));
  await app.call('adverseEvents.record', {
    patientId: ana,
    sessionId: fall,
    type: 'fall',
    severity: 2,
    occurredAt: new Date(`${day(2)}T10:15:00`).toISOString(),
    description: 'Stumbled on the step',
  });
  await screened(app, ana, day(5));
  await screened(app, ana, day(9), 210);
  const cancelled = await app.call('bookings.create', { patientId: ana, date: day(12), startTime: '09:30' });
  await app.call('bookings.setAttendance', {
    sessionId: cancelled.sessionId,
    attendance: 'cancelled',
    reason: 'Unwell',
  });
  await finalisedWalk(app, ana, { on: day(10), metres: 400, kind: 'reassessment' });
  await screened(app, ben, day(3));
  const missed = await app.call('bookings.create', { patientId: ben, date: day(6), startTime: '11:00' });
  await app.call('bookings.setAttendance', { sessionId: missed.sessionId, attendance: 'did_not_attend', reason: null });
}

test('Reports opens from the navigation with last month counted, prints, and exports the PDF', async ({ app }) => {
  await lastMonth(app);
  // The clinic's own date format, so the window and the PDF write dates alike (unsaved, each follows
  // its own process's locale, which this harness sets differently: Node's and the test browser's).
  await app.call('display.setDateFormat', { format: { order: 'DMY', monthNames: true } });
  const { page } = app;
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }).click();
  // One click from the caseload: the report for last month is already on screen.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Last month', pressed: true })).toBeVisible();
  await expect(
    page.getByRole('heading', {
      name: `Clinic report: ${formatClinicDate(lastMonthStart)} to ${formatClinicDate(lastMonthEnd)}`,
    }),
  ).toBeVisible();

  const figure = (name: string) => page.getByRole('region', { name });
  await expect(figure('Patients seen')).toContainText('2patients');
  const sessions = figure('Sessions').getByRole('table');
  await expect(sessions.getByRole('row', { name: /^Booked/ })).toHaveText(/Booked\s*6\s*100%/);
  await expect(sessions.getByRole('row', { name: /^Attended/ })).toHaveText(/Attended\s*3\s*50\.0%/);
  await expect(sessions.getByRole('row', { name: /^Cancelled/ })).toHaveText(/Cancelled\s*1\s*16\.7%/);
  await expect(sessions.getByRole('row', { name: /^Did not attend/ })).toHaveText(/1\s*16\.7%/);
  await expect(sessions.getByRole('row', { name: /^Held for safety/ })).toHaveText(/1\s*16\.7%/);
  const checks = figure('Pre-session safety checks').getByRole('table');
  await expect(checks.getByRole('row', { name: /^Go \d/ })).toHaveText(/Go\s*3\s*75\.0%/);
  await expect(checks.getByRole('row', { name: /^Hold/ })).toHaveText(/Hold\s*1\s*25\.0%/);
  const events = figure('Adverse events').getByRole('table');
  await expect(events.getByRole('row', { name: /^Grade 2/ })).toHaveText(/Grade 2\s*1\s*33\.3/);
  await expect(events.getByRole('row', { name: /^All adverse events/ })).toHaveText(/1\s*33\.3/);
  await expect(figure('Reassessments')).toContainText('Done in the period1');
  await expect(figure('Reassessments')).toContainText(`Overdue on ${formatClinicDate(lastMonthEnd)}1of 2 active`);
  await expect(figure('Six-minute walk')).toContainText('100.0%1 of 1 patients compared');
  await expect(figure('Six-minute walk')).toContainText('Clinic policy, not a published MCID');

  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await page.mouse.move(0, 0);
    await app.screenshot('reports');
  }
  await useColorScheme(page, 'light');
  // On a 1024×768 tablet window the figures stack in one column, every target still full size.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'e2e/.screenshots/reports-tablet-light.png' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A period typed in: the end before the start is refused on the field, then the month so far.
  const period = page.getByRole('form', { name: 'Report period' });
  await period.getByRole('textbox', { name: 'Start of the period' }).fill(lastMonthEnd);
  await period.getByRole('textbox', { name: 'End of the period' }).fill(lastMonthStart);
  await period.getByRole('button', { name: 'Show report' }).click();
  await expect(period.getByText('End of the period cannot be before its start')).toBeVisible();
  await period.getByRole('textbox', { name: 'Start of the period' }).fill(day(4));
  await period.getByRole('textbox', { name: 'End of the period' }).fill(lastMonthEnd);
  await period.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByRole('heading', { name: /^Clinic report:/ })).toHaveText(
    `Clinic report: ${formatClinicDate(day(4))} to ${formatClinicDate(lastMonthEnd)}`,
  );
  await expect(sessions.getByRole('row', { name: /^Booked/ })).toHaveText(/Booked\s*4\s*100%/);
  await expect(events.getByRole('row', { name: /^All adverse events/ })).toHaveText(/All adverse events\s*0\s*0\.0/);
  await expect(page.getByRole('button', { name: 'Last month', pressed: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Last month' }).click();
  await expect(sessions.getByRole('row', { name: /^Booked/ })).toHaveText(/Booked\s*6\s*100%/);

  // Printed, the page keeps the report and drops the navigation, the period form and the buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('form', { name: 'Report period' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export PDF' })).toBeHidden();
  await expect(figure('Sessions')).toBeVisible();
  await page.screenshot({ path: 'e2e/.screenshots/reports-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Export PDF' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Export saved' });
  await expect(saved).toContainText('recorded in the audit trail');
  const path = (await saved.locator('code').textContent())!;
  expect(readdirSync(app.exportsDir)).toContain(`clinic-report-${lastMonthStart}-to-${lastMonthEnd}.pdf`);
  const kept = keepArtifact(path, join('reports', 'clinic-report.pdf'));
  const text = pdfText(kept);
  for (const line of [
    `Clinic report: ${formatClinicDate(lastMonthStart)} to ${formatClinicDate(lastMonthEnd)}`,
    'Patients seen 2',
    'Booked 6 100%',
    'Attended 3 50.0%',
    'Go 3 (75.0%)',
    'Hold 1 (25.0%)',
    'Grade 2 1 33.3',
    'All adverse events 1 33.3',
    'Reassessments done 1',
    `Overdue on ${formatClinicDate(lastMonthEnd)} 1 of 2 active patients`,
    'Improved beyond the threshold 1 (100.0%)',
    'Page 1 of',
  ]) {
    expect(text).toContain(line);
  }
  pdfPagePng(kept, 1, 'clinic-report-page-1');
  const audit = app
    .sqlite()
    .prepare("SELECT after_json AS after FROM audit_event WHERE entity = 'record_export' ORDER BY seq DESC")
    .get() as { after: string };
  expect(JSON.parse(audit.after)).toMatchObject({ kind: 'clinic_report_pdf', from: lastMonthStart, path });
  expect(app.consoleErrors).toEqual([]);
});
