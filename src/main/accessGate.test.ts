import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState, Clinician } from '../shared/contract/setup';
import type { SecuredCaseload } from '../shared/contract/access';
import { openSqlite } from './db/connection';
import { dataKeyFor, KEYRING_FILE, readKeyring, readRingRoles, type PendingAccessEvent } from './db/keyring';
import { launchCaseload, type LaunchedCaseload } from './launch';
import { withPending } from './accessGate';
import { startCaseload } from './caseload';
import { insertAccount } from './services/access';
import {
  MIGRATIONS_DIR,
  TEST_ADMIN,
  TEST_CLINICIAN,
  TEST_CLINICIAN_SIGN_IN,
  TEST_KDF,
  TEST_SET_UP,
  holdTestKey,
  ownPassphrasesChosen,
  setUpTestClinic,
  tempDir,
} from './testing';

const launched: LaunchedCaseload[] = [];
afterEach(() => {
  for (const l of launched.splice(0)) l.close();
});

function launch(dir: string, clock?: { now: Date }): LaunchedCaseload {
  const l = launchCaseload({
    ...(clock ? { now: () => new Date(clock.now) } : {}),
    dataDir: dir,
    migrationsDir: MIGRATIONS_DIR,
    appVersion: 'test',
    log: () => undefined,
    passphraseKdf: TEST_KDF,
    dialogs: { chooseBackupFolder: async () => null, chooseBackupFile: async () => null },
  });
  launched.push(l);
  return l;
}

async function call<T>(l: LaunchedCaseload, channel: string, input: unknown = {}): Promise<T> {
  const result = await l.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A caseload as an earlier version left it: unencrypted, no key ring, opened directly. */
function previousVersionCaseload(dir: string) {
  return startCaseload({ dataDir: dir, migrationsDir: MIGRATIONS_DIR, appVersion: 'old', log: () => undefined });
}

function accessEvents(l: LaunchedCaseload) {
  return l
    .running()!
    .ctx.sqlite.prepare(
      "SELECT json_extract(after_json, '$.event') AS event, actor_id AS actor, entity_id AS subject, reason FROM audit_event WHERE entity = 'access' ORDER BY seq",
    )
    .all() as Array<{ event: string; actor: string | null; subject: string; reason: string }>;
}

const patient = {
  givenName: 'Margaret',
  familyName: 'Chen',
  dateOfBirth: '1957-03-14',
  sex: 'female',
  mrn: 'RCH-004512',
};

describe('a new computer', () => {
  it('sets up into a caseload folder that does not exist yet, creating it and its missing parents', async () => {
    // Like <userData>/caseload on a new machine, or a folder named in device.json: here two levels
    // below the only folder that exists.
    const existing = tempDir('pacewise-new-computer-');
    const dir = join(existing, 'Pacewise', 'caseload');
    const l = launch(dir);
    expect(existsSync(join(existing, 'Pacewise'))).toBe(false);
    expect(await call<AppState>(l, 'app.state')).toMatchObject({ access: 'set-up', startup: null });
    const { state, recoveryKey } = await call<SecuredCaseload>(l, 'access.setUp', TEST_SET_UP);
    expect(state).toMatchObject({ access: 'signed-in', clinicName: TEST_SET_UP.clinicName });
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5}){10}$/);
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['caseload.anchor', 'caseload.db', KEYRING_FILE]));
    await call(l, 'patients.create', patient);
    l.close();

    // The next start finds it and asks for a passphrase.
    const again = launch(dir);
    expect((await call<AppState>(again, 'app.state')).access).toBe('signed-out');
    await call(again, 'access.signIn', TEST_ADMIN);
    expect((await call<{ total: number }>(again, 'patients.search', {})).total).toBe(1);
  });

  it('refuses to set up where the folder cannot be created, saying why and writing nothing', async () => {
    const existing = tempDir('pacewise-new-computer-');
    // A file where a folder of the path should be: mkdir cannot get past it.
    writeFileSync(join(existing, 'Pacewise'), 'not a folder');
    const l = launch(join(existing, 'Pacewise', 'caseload'));
    const refused = await l.dispatch('access.setUp', TEST_SET_UP);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^Pacewise cannot create the caseload folder/) },
    });
    expect(readdirSync(existing)).toEqual(['Pacewise']);
    expect((await call<AppState>(l, 'app.state')).access).toBe('set-up');
  });
});

describe('sign-in', () => {
  it('answers nothing of the caseload before sign-in; failed attempts are kept and written to the trail at the next sign-in', async () => {
    const dir = tempDir();
    const first = launch(dir);
    expect((await call<AppState>(first, 'app.state')).access).toBe('set-up');
    await call(first, 'access.setUp', TEST_SET_UP);
    await call(first, 'patients.create', patient);
    first.close();

    const second = launch(dir);
    const state = await call<AppState>(second, 'app.state');
    expect(state).toMatchObject({ access: 'signed-out', clinicName: null, currentClinician: null });
    expect(second.running()).toBeNull();
    expect(await second.dispatch('patients.search', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    const wrong = await second.dispatch('access.signIn', { login: 'alex', passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { fields: { passphrase: 'The sign-in name or passphrase is not right' } },
    });
    const unknown = await second.dispatch('access.signIn', { login: 'nobody', passphrase: 'not the passphrase' });
    expect(unknown).toMatchObject({ ok: false, error: { message: 'The sign-in name or passphrase is not right.' } });
    // Still closed: the failures wait in the ring.
    expect(second.running()).toBeNull();
    expect(readKeyring(dir)!.pending.map((p) => p.login)).toEqual(['alex', 'nobody']);

    const signedIn = await call<AppState>(second, 'access.signIn', { ...TEST_ADMIN, login: ' ALEX ' });
    expect(signedIn).toMatchObject({
      access: 'signed-in',
      currentClinician: { fullName: 'Alex Morgan', role: 'administrator' },
    });
    expect(readKeyring(dir)!.pending).toEqual([]);
    const events = accessEvents(second);
    expect(events.map((e) => [e.event, e.subject])).toEqual([
      ['encrypted', expect.any(String)],
      ['sign-in', expect.any(String)],
      ['sign-in-failed', 'alex'],
      ['sign-in-failed', 'nobody'],
      ['sign-in', expect.any(String)],
    ]);
    expect(events.filter((e) => e.event === 'sign-in-failed').every((e) => e.actor === null)).toBe(true);
  });

  it('writes every change under the clinician signed in, and refuses a clinician the administrator’s channels', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    await call(l, 'access.addClinician', TEST_CLINICIAN);
    ownPassphrasesChosen(dir);
    await call(l, 'access.switchClinician');
    expect(await l.dispatch('patients.search', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    const jordan = await call<AppState>(l, 'access.signIn', TEST_CLINICIAN_SIGN_IN);
    const created = await call<{ id: string }>(l, 'patients.create', patient);
    const actor = l
      .running()!
      .ctx.sqlite.prepare("SELECT actor_id AS actor FROM audit_event WHERE entity = 'patient' AND entity_id = ?")
      .get(created.id);
    expect(actor).toEqual({ actor: jordan.currentClinician!.id });
    expect(await l.dispatch('access.setIdleLock', { minutes: 10 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await l.dispatch('safety.setThresholds', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The whole caseload leaves only by an administrator's hand; one patient's record, by anyone's.
    expect(await l.dispatch('exports.caseloadCsv', {})).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: expect.stringMatching(/^Only a clinic administrator can export the whole caseload/),
      },
    });
    expect(await l.dispatch('display.setDateFormat', { format: { order: 'MDY', monthNames: false } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await call<{ saved: boolean }>(l, 'exports.patientJson', { patientId: created.id })).saved).toBe(true);
    const signIn = accessEvents(l).at(-1)!;
    expect(signIn).toMatchObject({ event: 'sign-in', reason: 'Signed in, taking over from Alex Morgan' });
  });

  it('a deactivated clinician cannot sign in, and is told so; their wrap of the key is gone', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    const jordan = await call<{ id: string }>(l, 'access.addClinician', TEST_CLINICIAN);
    expect(readKeyring(dir)!.clinicians).toHaveLength(2);
    await call(l, 'access.setActive', { clinicianId: jordan.id, active: false, reason: 'Left the clinic' });
    expect(readKeyring(dir)!.clinicians).toHaveLength(1);
    await call(l, 'access.switchClinician');
    const refused = await l.dispatch('access.signIn', TEST_CLINICIAN_SIGN_IN);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/deactivated/) },
    });
    // The last administrator cannot be deactivated or demoted.
    await call(l, 'access.signIn', TEST_ADMIN);
    const admin = (await call<AppState>(l, 'app.state')).currentClinician!;
    expect(await l.dispatch('access.setRole', { clinicianId: admin.id, role: 'clinician' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/last active administrator/) },
    });
  });

  it('a deactivation the key ring cannot record is not saved at all: the account stays active with its wrap', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    const jordan = await call<{ id: string }>(l, 'access.addClinician', TEST_CLINICIAN);
    // The ring is written through a temporary file beside it; a folder in its place makes that fail.
    mkdirSync(join(dir, `${KEYRING_FILE}.tmp`));
    const refused = await l.dispatch('access.setActive', { clinicianId: jordan.id, active: false, reason: 'Left' });
    expect(refused).toMatchObject({ ok: false });
    const active = () =>
      (
        l.running()!.ctx.sqlite.prepare('SELECT active FROM clinician WHERE id = ?').get(jordan.id) as {
          active: number;
        }
      ).active;
    expect(active()).toBe(1);
    expect(readKeyring(dir)!.clinicians.map((w) => w.clinicianId)).toContain(jordan.id);
    rmSync(join(dir, `${KEYRING_FILE}.tmp`), { recursive: true });
    await call(l, 'access.setActive', { clinicianId: jordan.id, active: false, reason: 'Left' });
    expect(active()).toBe(0);
    expect(readKeyring(dir)!.clinicians.map((w) => w.clinicianId)).not.toContain(jordan.id);
  });

  it('refuses weak passphrases and malformed PINs by field, writing nothing', async () => {
    const dir = tempDir();
    const l = launch(dir);
    const common = await l.dispatch('access.setUp', {
      ...TEST_SET_UP,
      passphrase: 'Password123',
      confirmPassphrase: 'Password123',
    });
    expect(common).toMatchObject({
      ok: false,
      error: { fields: { passphrase: 'Passphrase is on the list of commonly used passphrases: choose another' } },
    });
    const short = await l.dispatch('access.setUp', { ...TEST_SET_UP, passphrase: 'short', confirmPassphrase: 'short' });
    expect(short).toMatchObject({
      ok: false,
      error: { fields: { passphrase: 'Passphrase must have at least 10 characters' } },
    });
    const withName = 'Alex at the river clinic';
    const named = await l.dispatch('access.setUp', {
      ...TEST_SET_UP,
      passphrase: withName,
      confirmPassphrase: withName,
    });
    expect(named).toMatchObject({
      ok: false,
      error: { fields: { passphrase: 'Passphrase must not contain the sign-in name' } },
    });
    const differ = await l.dispatch('access.setUp', { ...TEST_SET_UP, confirmPassphrase: 'something else entirely' });
    expect(differ).toMatchObject({ ok: false, error: { fields: { confirmPassphrase: 'The two passphrases differ' } } });
    expect(existsSync(join(dir, 'caseload.keys'))).toBe(false);
    expect(existsSync(join(dir, 'caseload.db'))).toBe(false);

    await call(l, 'access.setUp', TEST_SET_UP);
    const letters = await l.dispatch('access.setPin', { pin: '12a4', passphrase: TEST_ADMIN.passphrase });
    expect(letters).toMatchObject({
      ok: false,
      error: { fields: { pin: 'PIN must be digits only (no letters or spaces)' } },
    });
    const wrongPassphrase = await l.dispatch('access.setPin', { pin: '1234', passphrase: 'not my passphrase' });
    expect(wrongPassphrase).toMatchObject({
      ok: false,
      error: { fields: { passphrase: 'That passphrase is not right' } },
    });
    expect(l.running()!.ctx.sqlite.prepare('SELECT pin_hash FROM clinician').get()).toEqual({ pin_hash: null });
  });

  it('refuses a passphrase holding the sign-in name wherever one is chosen, changing nothing', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    const named = (passphrase: string) => ({ passphrase, confirmPassphrase: passphrase });
    const refusedForName = {
      ok: false,
      error: { fields: { passphrase: 'Passphrase must not contain the sign-in name' } },
    };
    expect(
      await l.dispatch('access.addClinician', { ...TEST_CLINICIAN, ...named('jordan on the kelp forest') }),
    ).toMatchObject(refusedForName);
    const jordan = await call<{ id: string }>(l, 'access.addClinician', TEST_CLINICIAN);
    const ringBefore = readFileSync(join(dir, KEYRING_FILE), 'utf8');
    expect(
      await l.dispatch('access.resetPassphrase', { clinicianId: jordan.id, ...named('new JORDAN tide pools') }),
    ).toMatchObject(refusedForName);
    expect(
      await l.dispatch('access.changePassphrase', {
        currentPassphrase: TEST_ADMIN.passphrase,
        ...named('alex walks the river path'),
      }),
    ).toMatchObject(refusedForName);
    expect(readFileSync(join(dir, KEYRING_FILE), 'utf8')).toBe(ringBefore);
    // Each still signs in with the passphrase they had.
    await call(l, 'access.switchClinician');
    await call(l, 'access.signIn', TEST_CLINICIAN_SIGN_IN);
  });
});

describe('a passphrase an administrator chose', () => {
  it('is replaced by the clinician’s own at their first sign-in, before anything of the caseload is answered', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    const jordan = await call<Clinician>(l, 'access.addClinician', TEST_CLINICIAN);
    expect(jordan.mustChoosePassphrase).toBe(true);
    await call(l, 'patients.create', patient);
    await call(l, 'access.switchClinician');

    const first = await call<AppState>(l, 'access.signIn', TEST_CLINICIAN_SIGN_IN);
    expect(first.currentClinician).toMatchObject({ fullName: 'Jordan Lee', mustChoosePassphrase: true });
    expect(await l.dispatch('patients.search', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^An administrator chose the passphrase/) },
    });
    const same = TEST_CLINICIAN_SIGN_IN.passphrase;
    expect(
      await l.dispatch('access.changePassphrase', {
        currentPassphrase: same,
        passphrase: same,
        confirmPassphrase: same,
      }),
    ).toMatchObject({
      ok: false,
      error: { fields: { passphrase: 'Choose a passphrase different from the current one' } },
    });
    const own = 'lighthouse keeper at dusk';
    await call(l, 'access.changePassphrase', { currentPassphrase: same, passphrase: own, confirmPassphrase: own });
    expect((await call<AppState>(l, 'app.state')).currentClinician?.mustChoosePassphrase).toBe(false);
    expect((await call<{ total: number }>(l, 'patients.search', {})).total).toBe(1);
    expect(readKeyring(dir)!.clinicians.every((w) => w.chosenBy === undefined)).toBe(true);

    // A reset by an administrator asks again; an administrator's own new passphrase does not.
    await call(l, 'access.switchClinician');
    const admin = (await call<AppState>(l, 'access.signIn', TEST_ADMIN)).currentClinician!;
    const reset = 'harbour seals at noon';
    const after = await call<Clinician>(l, 'access.resetPassphrase', {
      clinicianId: jordan.id,
      passphrase: reset,
      confirmPassphrase: reset,
    });
    expect(after.mustChoosePassphrase).toBe(true);
    await call(l, 'access.resetPassphrase', {
      clinicianId: admin.id,
      passphrase: 'estuary mud at low tide',
      confirmPassphrase: 'estuary mud at low tide',
    });
    expect((await call<AppState>(l, 'app.state')).currentClinician?.mustChoosePassphrase).toBe(false);
    const resets = accessEvents(l).filter((e) => e.event === 'passphrase-reset');
    expect(resets.map((e) => e.reason)).toEqual([
      'Passphrase set for Jordan Lee by an administrator; they choose their own at their next sign-in',
      'Passphrase set by Alex Morgan',
    ]);
  });
});

describe('switch clinician', () => {
  it('keeps each clinician’s draft of a session as they left it; the next sees whose draft they continue', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    await call(l, 'access.addClinician', TEST_CLINICIAN);
    ownPassphrasesChosen(dir);
    const { id: patientId } = await call<{ id: string }>(l, 'patients.create', patient);
    const today = new Date().toISOString().slice(0, 10);
    await call(l, 'intake.changeStatus', { patientId, toStatus: 'active', effectiveOn: today, reason: 'Assessed' });
    const { sessionId } = await call<{ sessionId: string }>(l, 'bookings.create', {
      patientId,
      date: today,
      startTime: '10:00',
      classId: null,
    });
    await call(l, 'sessions.saveDraft', { sessionId, draft: { notes: 'Alex: cycled 10 minutes' } });
    await call(l, 'access.switchClinician');
    await call(l, 'access.signIn', TEST_CLINICIAN_SIGN_IN);
    const seen = await call<{ draft: { notes: string }; draftBy: string | null }>(l, 'sessions.get', { sessionId });
    expect(seen).toMatchObject({ draft: { notes: 'Alex: cycled 10 minutes' }, draftBy: 'Alex Morgan' });
    await call(l, 'sessions.saveDraft', { sessionId, draft: { notes: 'Jordan: walked instead' } });
    expect(await call(l, 'sessions.get', { sessionId })).toMatchObject({
      draft: { notes: 'Jordan: walked instead' },
      draftBy: null,
    });
    await call(l, 'access.switchClinician');
    await call(l, 'access.signIn', TEST_ADMIN);
    expect(await call(l, 'sessions.get', { sessionId })).toMatchObject({
      draft: { notes: 'Alex: cycled 10 minutes' },
      draftBy: null,
    });
    const drafts = l.running()!.ctx.sqlite.prepare('SELECT count(*) AS n FROM session_draft').get();
    expect(drafts).toEqual({ n: 2 });
  });
});

describe('lock', () => {
  it('a PIN unlocks the same clinician; five wrong PINs need the passphrase; every attempt is audited', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    await call(l, 'access.setPin', { pin: '2468', passphrase: TEST_ADMIN.passphrase });
    const locked = await call<AppState>(l, 'access.lock', { reason: 'idle' });
    expect(locked).toMatchObject({
      access: 'locked',
      currentClinician: null,
      locked: { fullName: 'Alex Morgan', pinAllowed: true },
    });
    expect(await l.dispatch('patients.search', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await call<AppState>(l, 'access.unlock', { pin: '2468' })).toMatchObject({ access: 'signed-in' });
    await call(l, 'access.lock', { reason: 'manual' });
    for (let i = 1; i <= 5; i++) {
      const wrong = await l.dispatch('access.unlock', { pin: '1111' });
      expect(wrong.ok).toBe(false);
    }
    expect(await l.dispatch('access.unlock', { pin: '2468' })).toMatchObject({
      ok: false,
      error: { fields: { pin: '5 wrong PINs: enter your passphrase instead' } },
    });
    expect((await call<AppState>(l, 'app.state')).locked).toMatchObject({ pinAllowed: false, failedAttempts: 5 });
    expect(await call<AppState>(l, 'access.unlock', { passphrase: TEST_ADMIN.passphrase })).toMatchObject({
      access: 'signed-in',
    });
    const events = accessEvents(l).map((e) => e.event);
    expect(events.filter((e) => e === 'unlock-failed')).toHaveLength(5);
    expect(events.filter((e) => e === 'lock')).toHaveLength(2);
  });
});

describe('repeated failed sign-ins', () => {
  const wrong = { login: 'alex', passphrase: 'not the passphrase at all' };

  it('after 5 for one name, each further try waits longer, said on the screen; every attempt reaches the trail', async () => {
    const dir = tempDir();
    const clock = { now: new Date('2026-11-30T09:00:00Z') };
    const tick = (seconds: number) => void (clock.now = new Date(clock.now.getTime() + seconds * 1000));
    const first = launch(dir, clock);
    await call(first, 'access.setUp', TEST_SET_UP);
    first.close();

    const l = launch(dir, clock);
    for (let i = 1; i <= 4; i++) {
      expect(await l.dispatch('access.signIn', wrong)).toMatchObject({
        ok: false,
        error: { message: 'The sign-in name or passphrase is not right.' },
      });
      tick(1);
    }
    const fifth = await l.dispatch('access.signIn', wrong);
    expect(fifth).toMatchObject({
      ok: false,
      error: {
        fields: {
          passphrase:
            'The sign-in name or passphrase is not right. Wait 30 seconds before the next try (5 failed sign-ins for this name).',
        },
      },
    });
    // During the wait even the right passphrase is not checked; another name is not held up.
    tick(20);
    expect(await l.dispatch('access.signIn', TEST_ADMIN)).toMatchObject({
      ok: false,
      error: {
        fields: { passphrase: expect.stringMatching(/^Wait 10 seconds before trying this sign-in name again/) },
      },
    });
    expect(await l.dispatch('access.signIn', { login: 'jordan', passphrase: 'a guess at jordan' })).toMatchObject({
      error: { message: 'The sign-in name or passphrase is not right.' },
    });
    tick(10);
    expect(await l.dispatch('access.signIn', wrong)).toMatchObject({
      error: {
        fields: { passphrase: expect.stringContaining('Wait 1 minute before the next try (6 failed sign-ins') },
      },
    });
    tick(59);
    expect((await l.dispatch('access.signIn', TEST_ADMIN)).ok).toBe(false);
    tick(1);
    await call(l, 'access.signIn', TEST_ADMIN);
    expect(readKeyring(dir)!.signInFailures).toEqual({ jordan: expect.objectContaining({ count: 1 }) });
    // Made while the caseload was closed, each waited in the ring and is now in the trail.
    const failed = accessEvents(l).filter((e) => e.event === 'sign-in-failed');
    expect(failed.map((e) => [e.subject, e.reason])).toEqual([
      ['alex', 'Sign-in failed: wrong sign-in name or passphrase (6 attempts)'],
      ['alex', 'Sign-in refused unchecked: tried again during the wait (2 attempts)'],
      ['jordan', 'Sign-in failed: wrong sign-in name or passphrase'],
    ]);

    // A success clears the count: the next failure is the first again.
    await call(l, 'access.switchClinician');
    expect(await l.dispatch('access.signIn', wrong)).toMatchObject({
      error: { message: 'The sign-in name or passphrase is not right.' },
    });
  });

  it('follows the clinic’s policy, which an administrator sets and the key ring carries to the sign-in screen', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    const saved = await call<AppState>(l, 'access.setSignInPolicy', { freeAttempts: 3, firstWaitSeconds: 10 });
    expect(saved.signInPolicy).toEqual({ freeAttempts: 3, firstWaitSeconds: 10 });
    expect(readKeyring(dir)!.signInPolicy).toEqual({ freeAttempts: 3, firstWaitSeconds: 10 });
    expect(await l.dispatch('access.setSignInPolicy', { freeAttempts: 1, firstWaitSeconds: 10 })).toMatchObject({
      ok: false,
      error: { fields: { freeAttempts: expect.stringMatching(/failed sign-ins before a wait/i) } },
    });
    l.close();

    const again = launch(dir);
    expect((await call<AppState>(again, 'app.state')).signInPolicy).toEqual({ freeAttempts: 3, firstWaitSeconds: 10 });
    await again.dispatch('access.signIn', wrong);
    await again.dispatch('access.signIn', wrong);
    expect(await again.dispatch('access.signIn', wrong)).toMatchObject({
      error: {
        fields: { passphrase: expect.stringContaining('Wait 10 seconds before the next try (3 failed sign-ins') },
      },
    });
  });

  it('never drops a failed attempt made while the caseload is closed: repeats and many names are counted', () => {
    let pending: PendingAccessEvent[] = [];
    const at = (i: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, i)).toISOString();
    let attempts = 0;
    for (let i = 0; i < 300; i++) {
      for (const login of [`name${i}`, 'alex']) {
        pending = withPending(pending, { at: at(i), login, event: 'sign-in-failed', detail: 'Sign-in failed' });
        attempts += 1;
      }
    }
    expect(pending.length).toBeLessThanOrEqual(201);
    expect(pending.reduce((n, p) => n + (p.count ?? 1), 0)).toBe(attempts);
    expect(pending.find((p) => p.login === 'alex')).toMatchObject({ count: 300, at: at(0), lastAt: at(299) });
    expect(pending.at(-1)).toMatchObject({ login: '(other names)', count: 101, lastAt: at(299) });
  });
});

describe('the launcher parses every request', () => {
  it('app.state refuses a payload it does not take, before set-up, signed in and signed out', async () => {
    const dir = tempDir();
    const l = launch(dir);
    const refusedNow = async (launched: LaunchedCaseload) => {
      for (const payload of [{ clinicianId: 'x' }, 'state', [1], { ['__proto__']: { admin: true } }]) {
        expect(await launched.dispatch('app.state', payload), JSON.stringify(payload)).toMatchObject({
          ok: false,
          error: { code: 'validation' },
        });
      }
      expect(await launched.dispatch('app.state', {})).toMatchObject({ ok: true });
    };
    await refusedNow(l);
    await call(l, 'access.setUp', TEST_SET_UP);
    await refusedNow(l);
    await call(l, 'access.switchClinician');
    await refusedNow(l);
    expect(await l.dispatch('access.activity', { at: 'now' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    l.close();
    // Started again: the caseload stays closed until a passphrase opens it.
    const closed = launch(dir);
    expect(closed.running()).toBeNull();
    await refusedNow(closed);
  });
});

describe('the idle lock kept by the main process', () => {
  const minutes = (n: number, seconds = 0) => (n * 60 + seconds) * 1000;

  it('locks when the window reports no activity for longer than the idle time, whatever the window did', async () => {
    const clock = { now: new Date('2026-11-30T09:00:00Z') };
    const tick = (ms: number) => void (clock.now = new Date(clock.now.getTime() + ms));
    const l = launch(tempDir(), clock);
    await call(l, 'access.setUp', TEST_SET_UP);
    // Requests are not activity: only the window's reports (and signing in or unlocking) are.
    tick(minutes(4));
    await call(l, 'patients.search', {});
    tick(minutes(1, 15));
    await call(l, 'patients.search', {});
    expect(await call(l, 'access.activity')).toEqual({ access: 'signed-in' });
    tick(minutes(5, 15));
    await call(l, 'patients.create', patient);
    tick(1);
    // 5 idle minutes (clinic policy) and the report interval: the next request is refused as locked.
    expect(await l.dispatch('patients.search', {})).toMatchObject({
      ok: false,
      error: { code: 'locked', message: 'Pacewise is locked. Unlock it first.' },
    });
    expect(await call<AppState>(l, 'app.state')).toMatchObject({
      access: 'locked',
      locked: { fullName: 'Alex Morgan' },
    });
    const lockEntry = accessEvents(l).at(-1)!;
    expect(lockEntry).toMatchObject({
      event: 'lock',
      reason: 'Locked by Pacewise after 5 idle minutes with no activity reported by the window',
    });
    // A report while locked does not unlock; the passphrase does, and the idle clock starts again.
    expect(await call(l, 'access.activity')).toEqual({ access: 'locked' });
    await call(l, 'access.unlock', { passphrase: TEST_ADMIN.passphrase });
    tick(minutes(5, 15));
    await call(l, 'patients.search', {});
  });

  it('follows the clinic’s idle minutes, and a clinician’s own requests to lock', async () => {
    const clock = { now: new Date('2026-11-30T09:00:00Z') };
    const tick = (ms: number) => void (clock.now = new Date(clock.now.getTime() + ms));
    const l = launch(tempDir(), clock);
    await call(l, 'access.setUp', TEST_SET_UP);
    await call(l, 'access.setIdleLock', { minutes: 20 });
    tick(minutes(20, 15));
    await call(l, 'patients.search', {});
    tick(1);
    expect(await l.dispatch('patients.search', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    await call(l, 'access.unlock', { passphrase: TEST_ADMIN.passphrase });
    expect(await call<AppState>(l, 'access.lock', { reason: 'window-closed' })).toMatchObject({ access: 'locked' });
    expect(accessEvents(l).at(-1)).toMatchObject({ event: 'lock', reason: 'Locked when the window was closed' });
    expect(accessEvents(l).filter((e) => e.event === 'lock')).toHaveLength(2);
  });
});

describe('recovery key', () => {
  it('a typo is caught by the checksum; the right key opens the caseload and sets a new passphrase', async () => {
    const dir = tempDir();
    const first = launch(dir);
    const { recoveryKey } = await call<SecuredCaseload>(first, 'access.setUp', TEST_SET_UP);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    first.close();

    const l = launch(dir);
    const next = {
      login: 'alex',
      passphrase: 'new moon over the estuary',
      confirmPassphrase: 'new moon over the estuary',
    };
    const typo = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await l.dispatch('access.recover', { ...next, recoveryKey: typo })).toMatchObject({
      ok: false,
      error: { fields: { recoveryKey: 'The recovery key has a typo: check each group against the printed key.' } },
    });
    const other = launch(tempDir());
    const otherKey = (await call<SecuredCaseload>(other, 'access.setUp', TEST_SET_UP)).recoveryKey;
    expect(await l.dispatch('access.recover', { ...next, recoveryKey: otherKey })).toMatchObject({
      ok: false,
      error: { fields: { recoveryKey: expect.stringMatching(/does not open this caseload/) } },
    });
    const state = await call<AppState>(l, 'access.recover', { ...next, recoveryKey: recoveryKey.toLowerCase() });
    expect(state.access).toBe('signed-in');
    expect(accessEvents(l).map((e) => e.event)).toEqual(
      expect.arrayContaining(['recovery-failed', 'passphrase-reset', 'recovery']),
    );
    l.close();
    const again = launch(dir);
    expect(await again.dispatch('access.signIn', TEST_ADMIN)).toMatchObject({ ok: false });
    expect(await call<AppState>(again, 'access.signIn', { login: 'alex', passphrase: next.passphrase })).toMatchObject({
      access: 'signed-in',
    });
    expect(accessEvents(again).map((e) => e.event)).toEqual(expect.arrayContaining(['passphrase-reset', 'recovery']));
  });
});

describe('an earlier version’s caseload', () => {
  it('is encrypted in place after a checked backup, which is then removed; old backups are encrypted too', async () => {
    const dir = tempDir();
    // What the previous version left: a plain caseload with a clinic, two clinicians, a patient, a backup.
    const plain = previousVersionCaseload(dir);
    const adminId = setUpTestClinic(plain.ctx);
    plain.ctx.sqlite.prepare("UPDATE clinician SET login = NULL, role = 'clinician'").run();
    expect((await plain.dispatch('patients.create', patient)).ok).toBe(true);
    mkdirSync(join(dir, 'backups'));
    plain.ctx.sqlite.prepare('VACUUM INTO ?').run(join(dir, 'backups', 'caseload-daily-2026-11-01.db'));
    plain.close();
    expect(readFileSync(join(dir, 'caseload.db')).includes(Buffer.from('RCH-004512'))).toBe(true);

    const l = launch(dir);
    expect((await call<AppState>(l, 'app.state')).access).toBe('secure-existing');
    expect(await l.dispatch('patients.search', {})).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
    const people = await call<Array<{ id: string; fullName: string }>>(l, 'access.existingClinicians');
    expect(people).toEqual([{ id: adminId, fullName: 'Alex Morgan' }]);
    const secured = await call<SecuredCaseload>(l, 'access.secureExisting', {
      clinicianId: adminId,
      login: 'alex',
      passphrase: TEST_ADMIN.passphrase,
      confirmPassphrase: TEST_ADMIN.passphrase,
    });
    expect(secured.state).toMatchObject({
      access: 'signed-in',
      currentClinician: { role: 'administrator', login: 'alex' },
    });
    expect((await call<{ total: number }>(l, 'patients.search', {})).total).toBe(1);
    // No plain copy is left: not the caseload, not the old backup, not the pre-encryption one, not the audit key.
    for (const name of readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.db'))) {
      expect(readFileSync(join(dir, 'backups', name)).includes(Buffer.from('RCH-004512')), name).toBe(false);
    }
    expect(readdirSync(join(dir, 'backups')).some((n) => n.includes('before-encryption'))).toBe(false);
    expect(readFileSync(join(dir, 'caseload.db')).includes(Buffer.from('RCH-004512'))).toBe(false);
    expect(existsSync(join(dir, 'caseload.key'))).toBe(false);
    expect(l.running()!.ctx.sqlite.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 1 });
    l.close();
    // The old backup opens with the key, and the chain of the encrypted caseload verifies.
    const key = await holdTestKey(dir);
    const backup = openSqlite(join(dir, 'backups', 'caseload-daily-2026-11-01.db'), { key, readonly: true });
    expect(backup.prepare('SELECT mrn FROM patient').get()).toEqual({ mrn: 'RCH-004512' });
    backup.close();
  });

  it('a damaged key ring is reported, never read as an empty one', async () => {
    const dir = tempDir();
    const l = launch(dir);
    await call(l, 'access.setUp', TEST_SET_UP);
    l.close();
    writeFileSync(join(dir, 'caseload.keys'), '{ not json');
    const again = launch(dir);
    expect((await call<AppState>(again, 'app.state')).access).toBe('signed-out');
    expect(await again.dispatch('access.signIn', TEST_ADMIN)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/key file .* cannot be read/) },
    });
  });
});

describe('roles kept in the key ring', () => {
  const ringRoles = (dir: string) => {
    const held = readRingRoles(readKeyring(dir)!, dataKeyFor(dir)!);
    return held.state === 'verified' ? Object.fromEntries(held.roles) : held.state;
  };

  it('follow every change of role and of who is active, from set-up on', async () => {
    const dir = tempDir();
    const l = launch(dir);
    const { state } = await call<SecuredCaseload>(l, 'access.setUp', TEST_SET_UP);
    const adminId = state.currentClinician!.id;
    expect(ringRoles(dir)).toEqual({ [adminId]: 'administrator' });

    const jordan = await call<{ id: string }>(l, 'access.addClinician', TEST_CLINICIAN);
    expect(ringRoles(dir)).toEqual({ [adminId]: 'administrator', [jordan.id]: 'clinician' });
    await call(l, 'access.setRole', { clinicianId: jordan.id, role: 'administrator' });
    expect(ringRoles(dir)).toEqual({ [adminId]: 'administrator', [jordan.id]: 'administrator' });
    await call(l, 'access.setRole', { clinicianId: jordan.id, role: 'clinician' });
    expect(ringRoles(dir)).toEqual({ [adminId]: 'administrator', [jordan.id]: 'clinician' });
    await call(l, 'access.setActive', { clinicianId: jordan.id, active: false, reason: 'Left the clinic' });
    expect(ringRoles(dir)).toEqual({ [adminId]: 'administrator' });
    await call(l, 'access.setActive', { clinicianId: jordan.id, active: true, reason: 'Came back' });
    expect(ringRoles(dir)).toEqual({ [adminId]: 'administrator', [jordan.id]: 'clinician' });
    // A refused change (the last administrator demoted) leaves the map as it was.
    await l.dispatch('access.setRole', { clinicianId: adminId, role: 'clinician' });
    expect(ringRoles(dir)).toEqual({ [adminId]: 'administrator', [jordan.id]: 'clinician' });
  });

  it('a ring the previous version wrote gets its map at the next open of the database', async () => {
    const dir = tempDir();
    const l = launch(dir);
    const { state } = await call<SecuredCaseload>(l, 'access.setUp', TEST_SET_UP);
    l.close();
    const { roles: _dropped, ...previous } = readKeyring(dir)!;
    writeFileSync(join(dir, 'caseload.keys'), JSON.stringify(previous));
    expect(readKeyring(dir)!.roles).toBeUndefined();
    const again = launch(dir);
    await call(again, 'access.signIn', TEST_ADMIN);
    expect(ringRoles(dir)).toEqual({ [state.currentClinician!.id]: 'administrator' });
  });

  it('one that never made a backup (no backups folder) is secured too', async () => {
    const dir = tempDir();
    const plain = previousVersionCaseload(dir);
    const adminId = setUpTestClinic(plain.ctx);
    expect((await plain.dispatch('patients.create', patient)).ok).toBe(true);
    plain.close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    const l = launch(dir);
    const secured = await call<SecuredCaseload>(l, 'access.secureExisting', {
      clinicianId: adminId,
      login: 'alex',
      passphrase: TEST_ADMIN.passphrase,
      confirmPassphrase: TEST_ADMIN.passphrase,
    });
    expect(secured.state.access).toBe('signed-in');
    expect((await call<{ total: number }>(l, 'patients.search', {})).total).toBe(1);
    expect(readFileSync(join(dir, 'caseload.db')).includes(Buffer.from('RCH-004512'))).toBe(false);
    l.close();
  });

  it('an earlier version’s unencrypted caseload, once secured, has every active clinician’s role in the ring', async () => {
    const dir = tempDir();
    const plain = previousVersionCaseload(dir);
    const adminId = setUpTestClinic(plain.ctx);
    const other = insertAccount(plain.ctx, { ...TEST_CLINICIAN, registrationNumber: null }, adminId);
    plain.close();
    mkdirSync(join(dir, 'backups'));
    const l = launch(dir);
    await call<SecuredCaseload>(l, 'access.secureExisting', {
      clinicianId: adminId,
      login: 'alex',
      passphrase: TEST_ADMIN.passphrase,
      confirmPassphrase: TEST_ADMIN.passphrase,
    });
    expect(ringRoles(dir)).toEqual({ [adminId]: 'administrator', [other.id]: 'clinician' });
  });
});
