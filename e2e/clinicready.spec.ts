import type { Page } from '@playwright/test';
import { addDays, todayLocal } from '../src/shared/dates';
import { expect, test, useColorScheme, type PacewiseApp } from './fixtures';

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
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: /^Saved/ })).toHaveCount(0, { timeout: 8000 });
}

/** A screenshot in light and then dark, leaving the light scheme on. */
async function bothSchemes(app: PacewiseApp, name: string, before?: () => Promise<void>) {
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(app.page, scheme);
    await before?.();
    await settle(app.page);
    await app.screenshot(name);
  }
  await useColorScheme(app.page, 'light');
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
