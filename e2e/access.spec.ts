import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqlite } from '../src/main/db/connection';
import { readKeyring } from '../src/main/db/keyring';
import { addDays, todayLocal } from '../src/shared/dates';
import { ownPassphrasesChosen, TEST_CLINICIAN, TEST_CLINICIAN_SIGN_IN } from '../src/main/testing';
import { handOverToClinician } from './support/clinicians';
import { expect, test, useColorScheme, type PacewiseApp } from './fixtures';

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
  // The administrator chose Jordan's passphrase: Jordan chooses their own before the caseload opens.
  const choose = page.getByRole('form', { name: 'Choose your own passphrase' });
  await expect(choose.getByText('Jordan Lee, an administrator chose the passphrase you signed in with.')).toBeVisible();
  expect((await page.evaluate(() => window.api.patients.search({}))).ok).toBe(false);
  await app.screenshot('access-choose-passphrase');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('access-choose-passphrase');
  await page.emulateMedia({ colorScheme: 'light' });
  await choose.getByLabel(/^Passphrase you were given/).fill(TEST_CLINICIAN.passphrase);
  await choose.getByLabel(/^Your new passphrase/).fill(TEST_CLINICIAN.passphrase);
  await choose.getByLabel(/^Type the passphrase again/).fill(TEST_CLINICIAN.passphrase);
  await choose.getByRole('button', { name: 'Save and open the caseload' }).click();
  await expect(choose.getByText('Choose a passphrase different from the current one')).toBeVisible();
  await choose.getByLabel(/^Your new passphrase/).fill('jordan walks the headland');
  await choose.getByLabel(/^Type the passphrase again/).fill('jordan walks the headland');
  await choose.getByRole('button', { name: 'Save and open the caseload' }).click();
  await expect(choose.getByText('Passphrase must not contain the sign-in name')).toBeVisible();
  await choose.getByLabel(/^Your new passphrase/).fill('lighthouse keeper at dusk');
  await choose.getByLabel(/^Type the passphrase again/).fill('lighthouse keeper at dusk');
  await choose.getByRole('button', { name: 'Save and open the caseload' }).click();
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

/**
 * What a screen reader or anything reading the DOM could find: the whole HTML of the page, and the
 * values typed into its fields (a textarea's typed text is not in its HTML).
 */
function pageContent(page: PacewiseApp['page']): Promise<string> {
  return page.evaluate(() =>
    [
      document.documentElement.outerHTML,
      ...[...document.querySelectorAll('input, textarea, select')].map((field) => (field as HTMLInputElement).value),
    ].join('\n'),
  );
}

async function pageHoldsNoneOf(page: PacewiseApp['page'], needles: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const content = (await pageContent(page)).toLowerCase();
      return needles.filter((needle) => content.includes(needle.toLowerCase()));
    })
    .toEqual([]);
}

const MARGARET = ['Margaret', 'Chen', 'RCH-004512', 'breathlessness'];

test('locked or between clinicians, the page holds nothing of the caseload; unlocking returns to the same screen with the draft', async ({
  app,
}) => {
  const { page } = app;
  // The patient's overview names her and her MRN; her session screen holds her note.
  const sessionId = await margaretWithANote(app);
  const { patients } = await app.call('patients.search', { query: 'RCH-004512' });
  await page.goto(`${page.url().replace(/#.*$/, '')}#/patients/${patients[0]!.id}`);
  await expect(page.getByText('RCH-004512').first()).toBeVisible();
  // Proves the check can fail: the overview is full of Margaret.
  for (const needle of ['Margaret', 'Chen', 'RCH-004512']) expect(await pageContent(page)).toContain(needle);
  await page.getByRole('button', { name: 'Lock Pacewise now' }).click();
  const lock = page.getByRole('dialog', { name: 'Pacewise is locked' });
  await expect(lock).toBeVisible();
  await pageHoldsNoneOf(page, MARGARET);
  await app.screenshot('access-locked');
  await lock.getByLabel(/^Passphrase/).fill(app.account.passphrase);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('RCH-004512').first()).toBeVisible();
  await useColorScheme(page, 'dark');

  await page.goto(`${page.url().replace(/#.*$/, '')}#/sessions/${sessionId}`);
  await expect(page.getByLabel('Session notes')).toHaveValue(NOTE);
  expect(await pageContent(page)).toContain('breathlessness');

  await page.getByLabel('Session notes').fill(`${NOTE} Typed just before locking.`);
  await page.getByRole('button', { name: 'Lock Pacewise now' }).click();
  await expect(lock).toBeVisible();
  await pageHoldsNoneOf(page, MARGARET);
  await app.screenshot('access-locked');
  await lock.getByLabel(/^Passphrase/).fill(app.account.passphrase);
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(page).toHaveURL(new RegExp(`#/sessions/${sessionId}$`));
  await expect(page.getByLabel('Session notes')).toHaveValue(`${NOTE} Typed just before locking.`);
  await useColorScheme(page, 'light');

  // "Switch clinician" right after a notification naming a patient: the sign-in screen shows none of it.
  await page.getByRole('link', { name: 'Caseload' }).click();
  await page.getByRole('button', { name: 'Add patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add patient' });
  await dialog.getByLabel('Given name').fill('Wiremu');
  await dialog.getByLabel('Family name').fill('Tane');
  await dialog.getByLabel('Hospital number (MRN)').fill('RCH-000777');
  await dialog.getByLabel('Date of birth').fill('1950-02-02');
  await dialog.getByRole('radio', { name: 'Male', exact: true }).check();
  await dialog.getByRole('button', { name: 'Save patient' }).click();
  await expect(page.getByText('Wiremu Tane added to the caseload')).toBeVisible();
  await page.getByRole('button', { name: /Signed in as Alex Morgan/ }).click();
  await page.getByRole('menuitem', { name: 'Switch clinician' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Pacewise' })).toBeVisible();
  await pageHoldsNoneOf(page, [...MARGARET, 'Wiremu', 'Tane', 'RCH-000777']);
  expect(app.consoleErrors).toEqual([]);
});

test('idle, the app locks; a PIN brings the same clinician back with their draft; five wrong PINs need the passphrase', async ({
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
  // Five idle minutes (clinic policy): the window saves the draft, then locks, leaving only the lock screen.
  await page.clock.fastForward('05:01');
  const lock = page.getByRole('dialog', { name: 'Pacewise is locked' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Alex Morgan');
  await pageHoldsNoneOf(page, MARGARET);
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
  // Locked by the main process (the computer locked or slept): the window finds out at its next
  // request, here the draft's; what was typed is kept for the same clinician's return.
  await app.call('access.lock', { reason: 'system' });
  await notes.fill(`${NOTE} Typed as the computer locked.`);
  await expect(lock).toBeVisible();
  await pageHoldsNoneOf(page, MARGARET);
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

test('repeated wrong passphrases for one name make the next try wait, said on the sign-in screen; every attempt is in the trail', async ({
  app,
}) => {
  await app.restart(undefined, { signIn: false });
  const { page } = app;
  const form = page.getByRole('form', { name: 'Sign in' });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await form.getByLabel('Sign-in name').fill('alex');
    await form.getByLabel(/^Passphrase/).fill(`wrong guess number ${attempt}`);
    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    if (attempt < 5) await expect(form.getByText('The sign-in name or passphrase is not right')).toBeVisible();
  }
  await expect(
    form.getByText(
      'The sign-in name or passphrase is not right. Wait 30 seconds before the next try (5 failed sign-ins for this name).',
    ),
  ).toBeVisible();
  await expect(form.getByRole('note')).toHaveText(
    'After 5 failed sign-ins in a row for one sign-in name, each further try waits: 30 seconds at first, twice as long after each failure, at most 15 minutes (clinic policy).',
  );
  await app.screenshot('access-sign-in-slowed');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('access-sign-in-slowed');
  await page.emulateMedia({ colorScheme: 'light' });
  // Even the right passphrase waits its turn.
  await form.getByLabel(/^Passphrase/).fill(app.account.passphrase);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(form.getByText(/^Wait \d+ seconds before trying this sign-in name again/)).toBeVisible();

  // Later (the main process's clock moved on), the right passphrase opens the caseload.
  await app.advanceClock(1);
  await app.signIn();
  const events = app
    .sqlite()
    .prepare(
      "SELECT reason FROM audit_event WHERE entity = 'access' AND json_extract(after_json, '$.event') = 'sign-in-failed'",
    )
    .pluck()
    .all();
  expect(events).toEqual([
    'Sign-in failed: wrong sign-in name or passphrase (5 attempts)',
    'Sign-in refused unchecked: tried again during the wait',
  ]);
  expect(app.consoleErrors).toEqual([]);
});

test('an administrator sets the sign-in slowdown in Settings (clinic policy); a clinician sees it read-only', async ({
  app,
}) => {
  const { page } = app;
  // The slowdown is set under Settings › My account, where each clinician's sign-in is.
  const openMyAccount = async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'My account' }).click();
  };
  await openMyAccount();
  const slowdown = page.getByRole('form', { name: 'Sign-in slowdown' });
  await slowdown.scrollIntoViewIfNeeded();
  await expect(slowdown.getByText(/^After 5 failed sign-ins in a row .* 30 seconds at first/)).toBeVisible();
  await slowdown.getByLabel('Failed sign-ins before a wait').fill('3');
  await slowdown.getByLabel('First wait (seconds)').fill('60');
  await slowdown.getByRole('button', { name: 'Save' }).click();
  await expect(slowdown.getByText(/^After 3 failed sign-ins in a row .* 1 minute at first/)).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme);
    await slowdown.screenshot({ path: resolve(__dirname, '.screenshots', `access-sign-in-slowdown-${scheme}.png`) });
  }
  await useColorScheme(page, 'light');
  expect(readKeyring(app.dataDir)!.signInPolicy).toEqual({ freeAttempts: 3, firstWaitSeconds: 60 });

  await handOverToClinician(app);
  await openMyAccount();
  await expect(slowdown.getByLabel('Failed sign-ins before a wait')).toBeDisabled();
  await expect(slowdown.getByRole('button', { name: 'Save' })).toHaveCount(0);
  expect(
    await page.evaluate(() => window.api.access.setSignInPolicy({ freeAttempts: 20, firstWaitSeconds: 5 })),
  ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(app.consoleErrors).toEqual([]);
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
  ownPassphrasesChosen(app.dataDir);
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
