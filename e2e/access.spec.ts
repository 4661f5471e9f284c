import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqlite } from '../src/main/db/connection';
import { readKeyring } from '../src/main/db/keyring';
import { addDays, todayLocal } from '../src/shared/dates';
import { TEST_CLINICIAN, TEST_CLINICIAN_SIGN_IN } from '../src/main/testing';
import { expect, test, type PacewiseApp } from './fixtures';

/*
 * Access and encryption: clinicians sign in, the app locks itself, and the caseload on disk is
 * unreadable without a key that only a passphrase or the recovery key unwraps.
 */

const ARTIFACT = resolve(__dirname, '.artifacts', 'encrypted-caseload');
const NOTE = 'Margaret managed 12 minutes on the bike; mild breathlessness, settled in two minutes.';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

async function margaretWithANote(app: PacewiseApp): Promise<string> {
  const { page } = app;
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add patient' });
  await dialog.getByLabel('Given name').fill('Margaret');
  await dialog.getByLabel('Family name').fill('Chen');
  await dialog.getByLabel('Hospital number (MRN)').fill('RCH-004512');
  await dialog.getByLabel('Date of birth').fill('1957-03-14');
  await dialog.getByRole('radio', { name: 'Female', exact: true }).check();
  await dialog.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByRole('table', { name: 'Patients' }).getByRole('row', { name: 'Margaret Chen' })).toBeVisible();
  const { patients } = await app.call('patients.search', { query: 'RCH-004512' });
  const patientId = patients[0]!.id;
  await app.call('intake.changeStatus', {
    patientId,
    toStatus: 'active',
    effectiveOn: todayLocal(),
    reason: 'Initial assessment done',
  });
  await app.call('intake.saveClearance', {
    patientId,
    receivedOn: addDays(todayLocal(), -3),
    receivedFromName: 'Dr Ana Lima',
    decision: 'no_restrictions',
    reviewBy: addDays(todayLocal(), 80),
  });
  const booking = await app.call('bookings.create', {
    patientId,
    date: todayLocal(),
    startTime: '10:00',
    classId: null,
  });
  await page.goto(`${page.url().replace(/#.*$/, '')}#/sessions/${booking.sessionId}`);
  const panel = page.getByRole('region', { name: 'Margaret Chen' });
  await panel.getByLabel('Resting HR (bpm)').fill('72');
  await panel.getByLabel('Systolic BP (mmHg)').fill('122');
  await panel.getByLabel('Diastolic BP (mmHg)').fill('78');
  await panel.getByLabel('SpO₂ (%)', { exact: true }).fill('97');
  await panel.getByLabel('Temperature (°C)').fill('36.7');
  await panel.getByRole('button', { name: 'Record screen and start' }).click();
  await page.getByLabel('Session notes').fill(NOTE);
  // The draft reaches the caseload a moment after typing stops; wait for it, not for a fixed time.
  await expect
    .poll(async () => {
      const view = await app.call('sessions.get', { sessionId: booking.sessionId });
      return (view.draft as { notes?: string } | null)?.notes ?? null;
    })
    .toBe(NOTE);
  return booking.sessionId;
}

test('the caseload, its WAL, its backups and the key ring hold no readable patient data; the folder is kept for inspection', async ({
  app,
}) => {
  await margaretWithANote(app);
  await app.call('maintenance.backUp', {});
  const dir = app.dataDir;
  const files = filesUnder(dir);
  expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(
    expect.arrayContaining(['caseload.db', 'caseload.db-wal', 'caseload.keys', 'caseload.anchor']),
  );
  expect(files.some((f) => /backups\/caseload-.*\.db$/.test(f))).toBe(true);
  const needles = ['Margaret', 'RCH-004512', 'Chen', 'breathlessness'].flatMap((text) => [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
  ]);
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      expect(bytes.includes(needle), `${file} contains "${needle.toString()}" in the clear`).toBe(false);
    }
  }
  // The ring holds wraps, never the key: without a passphrase the file is "not a database".
  const ring = readKeyring(dir)!;
  expect(ring.clinicians).toHaveLength(1);
  expect(JSON.stringify(ring)).not.toMatch(/[0-9a-f]{64}/);
  expect(() =>
    openSqlite(join(dir, 'caseload.db'), { key: null, readonly: true }).prepare('SELECT 1 FROM patient').get(),
  ).toThrow(/not a database/);

  rmSync(ARTIFACT, { recursive: true, force: true });
  cpSync(dir, ARTIFACT, { recursive: true });
  // The copy opens with the key a passphrase unwraps, and holds Margaret and her note.
  const key = await app.holdKey();
  const copy = openSqlite(join(ARTIFACT, 'caseload.db'), { key, readonly: true });
  try {
    expect(copy.prepare("SELECT mrn FROM patient WHERE family_name = 'Chen'").get()).toEqual({ mrn: 'RCH-004512' });
    expect(
      String((copy.prepare('SELECT draft_json FROM session').get() as { draft_json: string }).draft_json),
    ).toContain('breathlessness');
  } finally {
    copy.close();
  }
});

test('an administrator adds a clinician; each signs in with their own passphrase, the trail names who did what, and a clinician cannot change clinic settings', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('link', { name: 'Settings' }).click();
  const add = page.getByRole('form', { name: 'Add clinician' });
  await add.getByLabel('Full name').fill('Jordan Lee');
  await add.getByRole('combobox', { name: 'Profession' }).click();
  await page.getByRole('option', { name: 'Physiotherapist' }).click();
  await add.getByLabel('Sign-in name').fill('jordan');
  await add.getByLabel(/^First passphrase/).fill('jordan');
  await add.getByLabel(/^Type the passphrase again/).fill('jordan');
  await add.getByRole('button', { name: 'Add clinician' }).click();
  await expect(add.getByText('Passphrase must have at least 10 characters')).toBeVisible();
  await add.getByLabel(/^First passphrase/).fill(TEST_CLINICIAN.passphrase);
  await add.getByLabel(/^Type the passphrase again/).fill(TEST_CLINICIAN.passphrase);
  await add.getByRole('button', { name: 'Add clinician' }).click();
  const clinicians = page.getByRole('table', { name: 'Clinicians' });
  await expect(clinicians.getByRole('row', { name: /Jordan Lee/ })).toContainText('Can sign in');
  await app.screenshot('access-clinicians');

  // Switch clinician: the sign-in screen, with nothing of the caseload behind it.
  await page.getByRole('button', { name: /Signed in as Alex Morgan/ }).click();
  await page.getByRole('menuitem', { name: 'Switch clinician' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Pacewise' })).toBeVisible();
  expect((await page.evaluate(() => window.api.patients.search({}))).ok).toBe(false);
  await app.signIn(TEST_CLINICIAN_SIGN_IN);
  await expect(page.getByRole('button', { name: /Signed in as Jordan Lee/ })).toBeVisible();
  const { id } = await app.call('patients.create', {
    givenName: 'Wiremu',
    familyName: 'Tane',
    dateOfBirth: '1950-02-02',
    sex: 'male',
    mrn: 'RCH-000777',
  });
  const history = await app.call('audit.patientHistory', { patientId: id });
  expect(history.entries.map((e) => e.actorName)).toEqual(['Jordan Lee']);

  // A clinician may not change clinic settings or accounts: refused by the main process, not just hidden.
  const refused = await page.evaluate(() => window.api.access.setIdleLock({ minutes: 30 }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Add clinician' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'My account' }).click();
  await expect(page.getByLabel('Minutes without use before Pacewise locks')).toBeDisabled();

  // Back to the administrator, who deactivates Jordan; Jordan can no longer sign in.
  await page.getByRole('button', { name: /Signed in as Jordan Lee/ }).click();
  await page.getByRole('menuitem', { name: 'Switch clinician' }).click();
  await app.signIn();
  await page.getByRole('link', { name: 'Settings' }).click();
  await clinicians
    .getByRole('row', { name: /Jordan Lee/ })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  const modal = page.getByRole('dialog', { name: 'Deactivate Jordan Lee' });
  await modal.getByRole('button', { name: 'Deactivate' }).click();
  await expect(modal.getByText('Enter the reason')).toBeVisible();
  await modal.getByLabel('Reason').fill('Left the clinic on 30 November');
  await modal.getByRole('button', { name: 'Deactivate' }).click();
  await expect(clinicians.getByRole('row', { name: /Jordan Lee/ })).toContainText('Deactivated');

  await app.restart(undefined, { signIn: false });
  await app.page.getByLabel('Sign-in name').fill('jordan');
  await app.page.getByLabel(/^Passphrase/).fill(TEST_CLINICIAN.passphrase);
  await app.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(app.page.getByText('This account is deactivated')).toBeVisible();
  await app.signIn();
  const events = app
    .sqlite()
    .prepare(
      "SELECT json_extract(after_json, '$.event') AS event, actor_id AS actor, reason FROM audit_event WHERE entity = 'access' ORDER BY seq",
    )
    .all() as Array<{ event: string; actor: string | null; reason: string }>;
  expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['sign-in', 'switch', 'sign-in-failed']));
  expect(events.find((e) => e.event === 'sign-in-failed')).toMatchObject({
    actor: null,
    reason: expect.stringMatching(/deactivated/),
  });
  expect(app.consoleErrors).toEqual([]);
});

test('idle, the app locks over a blurred screen; a PIN brings the same clinician back with their draft; five wrong PINs need the passphrase', async ({
  app,
}) => {
  const { page } = app;
  await page.clock.install();
  await page.reload();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'My account' }).click();
  const pin = page.getByRole('form', { name: 'Quick-unlock PIN' });
  await pin.getByLabel('PIN (4–8 digits)').fill('12ab');
  await pin.getByLabel(/^Your passphrase/).fill(app.account.passphrase);
  await pin.getByRole('button', { name: 'Set PIN' }).click();
  await expect(pin.getByText('PIN must be digits only (no letters or spaces)')).toBeVisible();
  await pin.getByLabel('PIN (4–8 digits)').fill('2468');
  await pin.getByRole('button', { name: 'Set PIN' }).click();
  await expect(pin.getByRole('heading', { name: 'Quick-unlock PIN (set)' })).toBeVisible();

  await page.getByRole('link', { name: 'Caseload' }).click();
  await margaretWithANote(app);
  const notes = page.getByLabel('Session notes');
  await notes.fill(`${NOTE} Unsaved line typed just before walking away.`);
  // Five idle minutes (clinic policy): the screen locks and blurs; what was typed is still there beneath.
  await page.clock.fastForward('05:01');
  const lock = page.getByRole('dialog', { name: 'Pacewise is locked' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Alex Morgan');
  await app.screenshot('access-locked');
  expect((await page.evaluate(() => window.api.patients.search({}))).ok).toBe(false);

  for (let attempt = 1; attempt <= 5; attempt++) {
    await lock.getByLabel(/^PIN/).fill('1111');
    await lock.getByRole('button', { name: 'Unlock' }).click();
    if (attempt < 5) await expect(lock.getByText(`That PIN is not right (${5 - attempt}`)).toBeVisible();
  }
  await expect(lock.getByLabel(/^Passphrase/)).toBeVisible();
  await expect(lock.getByLabel(/^PIN/)).toHaveCount(0);
  await lock.getByLabel(/^Passphrase/).fill(app.account.passphrase);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toHaveCount(0);
  await expect(notes).toHaveValue(`${NOTE} Unsaved line typed just before walking away.`);

  // Locked again by hand: this time the PIN opens it.
  await page.getByRole('button', { name: 'Lock Pacewise now' }).click();
  await lock.getByLabel(/^PIN/).fill('2468');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toHaveCount(0);
  await expect(notes).toHaveValue(`${NOTE} Unsaved line typed just before walking away.`);
  // Locked by the main process (the computer locked or slept): the window finds out at its next request.
  await app.call('access.lock', { reason: 'system' });
  await notes.fill(`${NOTE} Typed as the computer locked.`);
  await expect(lock).toBeVisible();
  await lock.getByLabel(/^PIN/).fill('2468');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toHaveCount(0);
  await expect(notes).toHaveValue(`${NOTE} Typed as the computer locked.`);
  const events = (
    app
      .sqlite()
      .prepare(
        "SELECT json_extract(after_json, '$.event') AS event FROM audit_event WHERE entity = 'access' ORDER BY seq",
      )
      .all() as Array<{ event: string }>
  ).map((e) => e.event);
  expect(events.filter((e) => e === 'unlock-failed')).toHaveLength(5);
  expect(events).toEqual(expect.arrayContaining(['lock', 'unlock']));
});

test('with every passphrase lost, the recovery key opens the caseload and sets a new one; a typo or another key is refused', async ({
  app,
}) => {
  const recoveryKey = app.recoveryKey!;
  await app.restart(undefined, { signIn: false });
  const { page } = app;
  await page.getByRole('button', { name: 'use the clinic’s recovery key' }).click();
  const form = page.getByRole('form', { name: 'Recover access' });
  const typo = recoveryKey.slice(0, 10) + (recoveryKey[10] === 'A' ? 'B' : 'A') + recoveryKey.slice(11);
  await form.getByLabel(/^Recovery key/).fill(typo);
  await form.getByLabel(/^Administrator’s sign-in name/).fill('alex');
  await form.getByLabel(/^New passphrase/).fill('new moon over the estuary');
  await form.getByLabel(/^Type the passphrase again/).fill('new moon over the estuary');
  await form.getByRole('button', { name: 'Open and set the new passphrase' }).click();
  await expect(form.getByText('The recovery key has a typo: check each group against the printed key.')).toBeVisible();
  await app.screenshot('access-recovery');

  await form.getByLabel(/^Recovery key/).fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
  await form.getByRole('button', { name: 'Open and set the new passphrase' }).click();
  await expect(page.getByRole('heading', { name: 'Caseload', exact: true })).toBeVisible();
  app.account = { login: 'alex', passphrase: 'new moon over the estuary' };
  await app.restart();
  await expect(app.page.getByRole('heading', { name: 'Caseload', exact: true })).toBeVisible();
  const events = (
    app
      .sqlite()
      .prepare(
        "SELECT json_extract(after_json, '$.event') AS event FROM audit_event WHERE entity = 'access' ORDER BY seq",
      )
      .all() as Array<{ event: string }>
  ).map((e) => e.event);
  expect(events).toEqual(expect.arrayContaining(['passphrase-reset', 'recovery']));
});

test('switching clinician keeps each one’s unsaved session draft; the next sees whose draft they continue', async ({
  app,
}) => {
  const { page } = app;
  await app.call('access.addClinician', TEST_CLINICIAN);
  const sessionId = await margaretWithANote(app);
  const sessionUrl = `${page.url().replace(/#.*$/, '')}#/sessions/${sessionId}`;

  await page.getByRole('button', { name: /Signed in as Alex Morgan/ }).click();
  await page.getByRole('menuitem', { name: 'Switch clinician' }).click();
  await app.signIn(TEST_CLINICIAN_SIGN_IN);
  // The next clinician starts at the caseload, not inside the last one's open record.
  await expect(page.getByRole('heading', { name: 'Caseload', exact: true })).toBeVisible();
  await page.goto(sessionUrl);
  await expect(page.getByText('Continuing Alex Morgan’s draft')).toBeVisible();
  await expect(page.getByLabel('Session notes')).toHaveValue(NOTE);
  await app.screenshot('access-continuing-draft');
  await page.getByLabel('Session notes').fill('Jordan: walked 10 minutes instead.');
  await expect
    .poll(async () => ((await app.call('sessions.get', { sessionId })).draft as { notes?: string }).notes)
    .toBe('Jordan: walked 10 minutes instead.');

  await page.getByRole('button', { name: /Signed in as Jordan Lee/ }).click();
  await page.getByRole('menuitem', { name: 'Switch clinician' }).click();
  await app.signIn();
  await page.goto(sessionUrl);
  await expect(page.getByLabel('Session notes')).toHaveValue(NOTE);
  await expect(page.getByText(/Continuing .* draft/)).toHaveCount(0);
});
