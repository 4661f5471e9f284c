import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from './db/connection';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState, BackupSummary, ReconciliationReport, RestoreResult } from '../shared/contract/setup';
import { readAnchor } from './db/anchor';
import { readAuditKey } from './db/auditKey';
import { migrate, readMigrations } from './db/migrate';
import { launchCaseload, type LaunchedCaseload } from './launch';
import { appendAudit, verifyAuditChain } from './services/audit';
import { dailyBackupIfDue, rotateBackups } from './services/backups';
import { hasKeyring, readKeyring, writeKeyring } from './db/keyring';
import { ONLY_ADMINISTRATORS_RECOVER } from './accessGate';
import {
  holdTestKey,
  MIGRATIONS_DIR,
  ownPassphrasesChosen,
  TEST_ADMIN,
  TEST_CLINICIAN,
  TEST_CLINICIAN_SIGN_IN,
  TEST_KDF,
  TEST_SET_UP,
  tempDir,
} from './testing';

const SET_UP = TEST_SET_UP;
const usb = tempDir('pacewise-usb-');
const open: LaunchedCaseload[] = [];
afterEach(() => {
  for (const launched of open.splice(0)) launched.close();
});

/** Launches on the folder and, when it is already secured, signs the test administrator in. */
async function launch(
  dataDir: string,
  extra: {
    pick?: string;
    idleCheckpointMs?: number;
    reconcileAtStart?: boolean;
    dailyBackup?: boolean;
    checkAfterOpen?: boolean;
  } = {},
): Promise<LaunchedCaseload> {
  const launched = launchCaseload({
    passphraseKdf: TEST_KDF,
    ...(extra.checkAfterOpen ? { checkAfterOpen: true } : {}),
    ...(extra.dailyBackup ? { dailyBackup: true } : {}),
    ...(extra.reconcileAtStart ? { reconcileAtStart: true } : {}),
    ...(extra.idleCheckpointMs ? { idleCheckpointMs: extra.idleCheckpointMs } : {}),
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    appVersion: 'test',
    log: () => undefined,
    dialogs: { chooseBackupFolder: async () => usb, chooseBackupFile: async () => extra.pick ?? null },
  });
  open.push(launched);
  if (hasKeyring(dataDir)) await launched.dispatch('access.signIn', TEST_ADMIN);
  return launched;
}

async function call<T>(launched: LaunchedCaseload, channel: string, input: unknown = {}): Promise<T> {
  const result = await launched.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

async function caseloadWithPatients(dataDir: string, n: number): Promise<LaunchedCaseload> {
  const launched = await launch(dataDir);
  await call(launched, 'access.setUp', SET_UP);
  for (let i = 0; i < n; i++) {
    await call(launched, 'patients.create', {
      givenName: `Given${i}`,
      familyName: 'Family',
      preferredName: null,
      dateOfBirth: '1960-01-01',
      sex: 'female',
      mrn: `MRN${i}`,
    });
  }
  return launched;
}

const state = (launched: LaunchedCaseload) => call<AppState>(launched, 'app.state');

function counts(path: string, key?: Buffer): Record<string, number> {
  const sqlite = openSqlite(path, { readonly: true, ...(key ? { key } : {}) });
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const result = Object.fromEntries(
    tables.map(({ name }) => [name, (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
  sqlite.close();
  return result;
}

describe('start-up tells the truth', () => {
  it('a WAL deleted after a crash opens the recovery screen naming the missing changes', async () => {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 5);
    // Part of the caseload reached the main file (an idle checkpoint); the rest lives only in the WAL.
    first.running()!.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const inMainFile = readAnchor(dir)!.seq;
    for (let i = 0; i < 4; i++) {
      await call(first, 'patients.create', {
        givenName: `Late${i}`,
        familyName: 'Family',
        preferredName: null,
        dateOfBirth: '1960-01-01',
        sex: 'female',
        mrn: `LATE${i}`,
      });
    }
    const head = readAnchor(dir)!.seq;
    // A crash: nothing closed, nothing checkpointed. Copy what a disk would hold, minus the -wal.
    const crashed = tempDir();
    copyFileSync(join(dir, 'caseload.db'), join(crashed, 'caseload.db'));
    for (const file of ['caseload.anchor', 'caseload.keys']) copyFileSync(join(dir, file), join(crashed, file));
    first.close();

    const after = await launch(crashed);
    const problem = (await state(after)).startup!;
    expect(problem.kind).toBe('behind');
    expect(problem.missingChanges).toBe(head - inMainFile);
    expect(problem.missingChanges).toBe(4);
    expect(problem.title).toMatch(/saved changes are missing/);
    expect(problem.canContinue).toBe(true);
    // Nothing but the recovery channels answers until it is resolved.
    const refused = await after.dispatch('patients.search', {});
    expect(refused.ok).toBe(false);
    // Carrying on is explicit, and audited.
    const opened = await call<AppState>(after, 'recovery.continue');
    expect(opened.startup).toBeNull();
    const trail = after
      .running()!
      .ctx.sqlite.prepare("SELECT after_json FROM audit_event WHERE entity_id = 'recovery'")
      .get() as { after_json: string };
    expect(JSON.parse(trail.after_json)).toEqual({ missingChanges: problem.missingChanges });
  });

  it('a flipped bit in the WAL after a crash is caught: the recovery screen, not a quietly shorter caseload', async () => {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 2);
    first.running()!.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < 6; i++) {
      await call(first, 'patients.create', {
        givenName: `Wal${i}`,
        familyName: 'Family',
        preferredName: null,
        dateOfBirth: '1960-01-01',
        sex: 'female',
        mrn: `WAL${i}`,
      });
    }
    const crashed = tempDir();
    for (const file of ['caseload.db', 'caseload.db-wal', 'caseload.anchor', 'caseload.keys']) {
      copyFileSync(join(dir, file), join(crashed, file));
    }
    first.close();
    const wal = readFileSync(join(crashed, 'caseload.db-wal'));
    const frame = 24 + wal.readUInt32BE(8);
    const frames = Math.floor((wal.length - 32) / frame);
    // One bit in the page data of a frame halfway through: SQLite drops it and every later frame.
    const at = 32 + frame * Math.floor(frames / 2) + 24 + 100;
    wal[at] = wal[at]! ^ 0x01;
    writeFileSync(join(crashed, 'caseload.db-wal'), wal);
    const problem = (await state(await launch(crashed))).startup!;
    expect(problem.kind).toBe('behind');
    expect(problem.missingChanges).toBeGreaterThan(0);
  });

  it('a zero-length or missing file where backups exist is recovery, never set-up; restore brings it back', async () => {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 3);
    await call(first, 'maintenance.backUp');
    first.close();
    writeFileSync(join(dir, 'caseload.db'), '');
    rmSync(join(dir, 'caseload.db-wal'), { force: true });
    const empty = await launch(dir);
    const problem = (await state(empty)).startup!;
    expect(problem).toMatchObject({ kind: 'missing', title: 'The caseload file is empty', canContinue: false });
    expect(problem.backups).toHaveLength(1);
    expect(problem.backups[0]).toMatchObject({ patients: 3, holdsMissingChanges: true, problem: null });
    expect(problem.recommendedBackup).toBe(problem.backups[0]!.fileName);
    const restored = await call<AppState>(empty, 'recovery.restore', { fileName: problem.recommendedBackup });
    expect(restored).toMatchObject({ isSetUp: true, startup: null });
    expect((await call<{ total: number }>(empty, 'patients.search', {})).total).toBe(3);
    // The empty file was kept aside, not deleted.
    expect(readdirSync(join(dir, 'replaced'))).toHaveLength(1);
    empty.close();

    rmSync(join(dir, 'caseload.db'));
    expect((await state(await launch(dir))).startup).toMatchObject({
      kind: 'missing',
      title: 'The caseload file is missing',
    });
    expect(existsSync(join(dir, 'caseload.db'))).toBe(false);
  });

  it('a file SQLite rejects gets the damaged-caseload advice, not SQLite’s text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'caseload.db'), 'SQLite format 3\0'.padEnd(4096, '\u0001'));
    const problem = (await state(await launch(dir))).startup!;
    expect(problem.kind).toBe('damaged');
    expect(problem.message).toMatch(/Restore the most recent backup/);
    expect(problem.message).not.toMatch(/SQLITE|malformed|not a database/i);
  });

  it('a damaged page found by the check after sign-in closes the caseload and opens the recovery screen', async () => {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 12);
    // A leaf page early in the audit trail: sign-in reads only the trail's last entries, so only
    // the full page check reads this one.
    const page = first
      .running()!
      .ctx.sqlite.prepare(
        "SELECT pageno FROM dbstat WHERE name = 'audit_event' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 1",
      )
      .pluck()
      .get() as number;
    first.close();
    const fd = openSync(join(dir, 'caseload.db'), 'r+');
    writeSync(fd, Buffer.from([0x5a, 0xa5, 0x5a, 0xa5]), 0, 4, (page - 1) * 4096 + 2000);
    closeSync(fd);

    // As the app does it: sign-in opens at once, and the check in the worker right after finds it.
    const launched = await launch(dir, { checkAfterOpen: true });
    expect(launched.running()).not.toBeNull();
    await launched.settled();
    expect(launched.running()).toBeNull();
    const problem = (await state(launched)).startup!;
    expect(problem).toMatchObject({ kind: 'damaged', title: 'The caseload file is damaged' });
    expect(problem.message).toMatch(/Restore the most recent backup/);
    expect(await launched.dispatch('patients.search', {})).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
  });

  it('a sound caseload passes the check after sign-in and stays open', async () => {
    const dir = tempDir();
    (await caseloadWithPatients(dir, 3)).close();
    const launched = await launch(dir, { checkAfterOpen: true });
    await launched.settled();
    expect(launched.running()).not.toBeNull();
    expect((await state(launched)).startup).toBeNull();
    expect(await call<{ total: number }>(launched, 'patients.search', {})).toMatchObject({ total: 3 });
  });

  it('a changed byte in the encrypted caseload is caught as damage, never read', async () => {
    const dir = tempDir();
    (await caseloadWithPatients(dir, 1)).close();
    const path = join(dir, 'caseload.db');
    // Byte 18 of a plain file is its write version; here it lies in page 1's encrypted, authenticated body.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from([3]), 0, 1, 18);
    closeSync(fd);
    const problem = (await state(await launch(dir))).startup!;
    expect(problem.kind).toBe('damaged');
    expect(problem.message).toMatch(/Restore the most recent backup/);
  });

  it('a read-only folder gets its own message and no restore advice', async () => {
    const dir = tempDir();
    (await caseloadWithPatients(dir, 1)).close();
    const readOnly = makeReadOnly(dir);
    if (!readOnly) return;
    try {
      const problem = (await state(await launch(dir))).startup!;
      expect(problem.kind).toBe('folder-read-only');
      expect(problem.message).toMatch(/cannot write to the caseload folder/);
      expect(problem.message).not.toMatch(/restore|backup/i);
      expect(problem.backups).toEqual([]);
    } finally {
      readOnly();
    }
  });
});

describe('who may restore at the recovery screen', () => {
  /** A clinic with an administrator, a clinician and a backup, whose caseload file is then found empty. */
  async function emptiedClinic(): Promise<string> {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 2);
    await call(first, 'access.addClinician', TEST_CLINICIAN);
    ownPassphrasesChosen(dir);
    await call(first, 'maintenance.backUp');
    first.close();
    writeFileSync(join(dir, 'caseload.db'), '');
    rmSync(join(dir, 'caseload.db-wal'), { force: true });
    return dir;
  }

  function launchSignedOut(dir: string): LaunchedCaseload {
    const launched = launchCaseload({
      passphraseKdf: TEST_KDF,
      dataDir: dir,
      migrationsDir: MIGRATIONS_DIR,
      appVersion: 'test',
      log: () => undefined,
      dialogs: { chooseBackupFolder: async () => usb, chooseBackupFile: async () => null },
    });
    open.push(launched);
    return launched;
  }

  const untouched = (dir: string) => {
    expect(statSync(join(dir, 'caseload.db')).size).toBe(0);
    expect(existsSync(join(dir, 'replaced'))).toBe(false);
  };

  it('refuses a clinician (roles come from the key ring, the database being closed); an administrator who signs in after them restores', async () => {
    const dir = await emptiedClinic();
    const launched = launchSignedOut(dir);
    // Nothing of what went wrong, nor the backups, is shown before someone signs in.
    expect((await state(launched)).startup).toBeNull();
    await call(launched, 'access.signIn', TEST_CLINICIAN_SIGN_IN);
    const problem = (await state(launched)).startup!;
    expect(problem).toMatchObject({ kind: 'missing', recoveryRefusal: ONLY_ADMINISTRATORS_RECOVER });
    expect(problem.backups).toHaveLength(1);
    const refused = await launched.dispatch('recovery.restore', { fileName: problem.backups[0]!.fileName });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'forbidden', message: ONLY_ADMINISTRATORS_RECOVER, fields: {} },
    });
    untouched(dir);

    // Switch clinician: the sign-in screen (nothing of the problem shown), then the administrator.
    expect(await call<AppState>(launched, 'access.switchClinician')).toMatchObject({
      access: 'signed-out',
      startup: null,
    });
    expect(await launched.dispatch('recovery.restore', { fileName: problem.backups[0]!.fileName })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    untouched(dir);
    await call(launched, 'access.signIn', TEST_ADMIN);
    expect((await state(launched)).startup).toMatchObject({ kind: 'missing', recoveryRefusal: null });
    const restored = await call<AppState>(launched, 'recovery.restore', { fileName: problem.backups[0]!.fileName });
    expect(restored).toMatchObject({ startup: null, currentClinician: { login: 'alex' } });
    expect((await call<{ total: number }>(launched, 'patients.search', {})).total).toBe(2);
  });

  it("opening the caseload without its missing changes is an administrator's decision too", async () => {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 2);
    await call(first, 'access.addClinician', TEST_CLINICIAN);
    ownPassphrasesChosen(dir);
    first.running()!.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await call(first, 'patients.create', {
      givenName: 'Late',
      familyName: 'Family',
      preferredName: null,
      dateOfBirth: '1960-01-01',
      sex: 'female',
      mrn: 'LATE1',
    });
    // A crash that lost the WAL: the last change is gone.
    const crashed = tempDir();
    for (const file of ['caseload.db', 'caseload.anchor', 'caseload.keys'])
      copyFileSync(join(dir, file), join(crashed, file));
    first.close();

    const launched = launchSignedOut(crashed);
    await call(launched, 'access.signIn', TEST_CLINICIAN_SIGN_IN);
    const problem = (await state(launched)).startup!;
    expect(problem).toMatchObject({ kind: 'behind', canContinue: true, recoveryRefusal: ONLY_ADMINISTRATORS_RECOVER });
    expect(await launched.dispatch('recovery.continue', {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: ONLY_ADMINISTRATORS_RECOVER, fields: {} },
    });
    // Still at the recovery screen, nothing opened.
    expect(launched.running()).toBeNull();
    expect((await state(launched)).startup).toMatchObject({ kind: 'behind' });

    await call(launched, 'access.switchClinician');
    await call(launched, 'access.signIn', TEST_ADMIN);
    expect((await call<AppState>(launched, 'recovery.continue')).startup).toBeNull();
    expect((await call<{ total: number }>(launched, 'patients.search', {})).total).toBe(2);
  });

  it('a role promoted by editing the key file is not believed: no one may restore, and the screen says why', async () => {
    const dir = await emptiedClinic();
    const ring = readKeyring(dir)!;
    const promoted = Object.fromEntries(Object.keys(ring.roles!.map).map((id) => [id, 'administrator'] as const));
    writeKeyring(dir, { ...ring, roles: { ...ring.roles!, map: promoted } });
    const launched = launchSignedOut(dir);
    await call(launched, 'access.signIn', TEST_CLINICIAN_SIGN_IN);
    const problem = (await state(launched)).startup!;
    expect(problem.recoveryRefusal).toMatch(/changed outside Pacewise/);
    expect(await launched.dispatch('recovery.restore', { fileName: problem.backups[0]!.fileName })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/changed outside Pacewise/) },
    });
    untouched(dir);
  });

  it('a key ring from the previous version (no roles in it) lets a clinician restore as before, and gets its roles at that open', async () => {
    const dir = await emptiedClinic();
    const { roles: _dropped, ...previous } = readKeyring(dir)!;
    writeFileSync(join(dir, 'caseload.keys'), JSON.stringify(previous));
    const launched = launchSignedOut(dir);
    await call(launched, 'access.signIn', TEST_CLINICIAN_SIGN_IN);
    const problem = (await state(launched)).startup!;
    expect(problem.recoveryRefusal).toBeNull();
    await call<AppState>(launched, 'recovery.restore', { fileName: problem.backups[0]!.fileName });
    expect(readKeyring(dir)!.roles).toBeDefined();
    expect(Object.values(readKeyring(dir)!.roles!.map).sort()).toEqual(['administrator', 'clinician']);
  });
});

/** Root ignores permissions, so there a read-only mount stands in for a read-only folder. */
function makeReadOnly(dir: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'ignore' });
    return () => execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
}

describe('backups and restore', () => {
  it('backs up to a chosen folder; restored into a fresh folder, every table has the same rows and the chain verifies', async () => {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 4);
    const result = await call<{ path: string }>(first, 'maintenance.backUpTo');
    expect(result.path.startsWith(usb)).toBe(true);
    const original = counts(result.path, await holdTestKey(dir));
    first.close();

    // A new computer: the backup (and the key ring its manifest carries) becomes the caseload,
    // readable only once someone signs in with a passphrase from that ring.
    const fresh = tempDir();
    const second = await launch(fresh, { pick: result.path });
    expect((await call<AppState>(second, 'access.adoptBackup')).access).toBe('signed-out');
    expect((await second.dispatch('patients.search', {})).ok).toBe(false);
    const signedIn = await call<AppState>(second, 'access.signIn', TEST_ADMIN);
    expect(signedIn).toMatchObject({ access: 'signed-in', startup: null, isSetUp: true });
    const now = counts(join(fresh, 'caseload.db'));
    // Adopting and signing in are two more audited changes; everything else is row for row the backup.
    expect({ ...now, audit_event: now['audit_event']! - 2 }).toEqual(original);
    const sqlite = second.running()!.ctx.sqlite;
    const chain = verifyAuditChain(sqlite, { auditKey: readAuditKey(fresh), expectedHead: readAnchor(fresh) });
    expect(chain).toMatchObject({ ok: true, breakCount: 0 });
    const events = sqlite
      .prepare(
        "SELECT json_extract(after_json, '$.event') AS event FROM audit_event WHERE entity = 'access' ORDER BY seq DESC LIMIT 2",
      )
      .all();
    expect(events).toEqual([{ event: 'sign-in' }, { event: 'adopted-backup' }]);
  });

  it('a backup from a file joins the list only when restored, and a restore says what it put in place and where the replaced file is kept', async () => {
    const dir = tempDir();
    const launched = await caseloadWithPatients(dir, 2);
    const onStick = await call<{ path: string }>(launched, 'maintenance.backUpTo');
    await call(launched, 'patients.create', {
      givenName: 'Later',
      familyName: 'Patient',
      preferredName: null,
      dateOfBirth: '1960-01-01',
      sex: 'female',
      mrn: 'LATER1',
    });
    launched.close();
    const again = await launch(dir, { pick: onStick.path });
    const listed = async () => (await call<BackupSummary[]>(again, 'maintenance.listBackups')).map((b) => b.fileName);
    const before = await listed();

    // Chosen, looked at, and not restored: the list is as it was.
    const chosen = await call<BackupSummary>(again, 'maintenance.importBackup');
    expect(chosen).toMatchObject({ kind: 'imported', patients: 2, problem: null });
    expect(await listed()).toEqual(before);

    const result = await call<RestoreResult>(again, 'maintenance.restore', { fileName: chosen.fileName });
    expect(result.backup).toMatchObject({ fileName: chosen.fileName, patients: 2, changes: chosen.changes });
    expect(result.replacedFile).toMatch(/replaced.+caseload\.db$/);
    expect(existsSync(result.replacedFile!)).toBe(true);
    expect(result.state).toMatchObject({ access: 'signed-in', startup: null });
    expect(await listed()).toEqual(expect.arrayContaining([...before, chosen.fileName]));
    expect((await call<{ total: number }>(again, 'patients.search', {})).total).toBe(2);
  });

  it('refuses a file that is not a Pacewise caseload, and one from a newer Pacewise', async () => {
    const dir = tempDir();
    const other = join(usb, 'other.db');
    const foreign = openSqlite(other);
    foreign.exec('CREATE TABLE notes (id TEXT PRIMARY KEY)');
    foreign.close();
    const launched = await launch(dir, { pick: other });
    await call(launched, 'access.setUp', SET_UP);
    const refused = await launched.dispatch('maintenance.importBackup', {});
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a Pacewise caseload/) } });

    const newer = join(usb, 'newer.db');
    launched.running()!.ctx.sqlite.prepare('VACUUM INTO ?').run(newer);
    const edit = openSqlite(newer, { key: await holdTestKey(dir) });
    edit
      .prepare(
        "INSERT INTO pacewise_migration (idx, tag, checksum, applied_at) VALUES (999, '9999_future', 'x', 'now')",
      )
      .run();
    edit.close();
    const picked = { path: newer };
    const launched2 = launchCaseload({
      passphraseKdf: TEST_KDF,
      dataDir: dir,
      migrationsDir: MIGRATIONS_DIR,
      appVersion: 'test',
      log: () => undefined,
      dialogs: { chooseBackupFolder: async () => usb, chooseBackupFile: async () => picked.path },
    });
    launched.close();
    open.push(launched2);
    await call(launched2, 'access.signIn', TEST_ADMIN);
    expect(await launched2.dispatch('maintenance.importBackup', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/newer version of Pacewise/) },
    });

    // Another clinic's backup is encrypted under another key: refused, not misread.
    const elsewhere = tempDir();
    const third = await caseloadWithPatients(elsewhere, 1);
    const theirs = await call<{ path: string }>(third, 'maintenance.backUpTo');
    picked.path = theirs.path;
    expect(await launched2.dispatch('maintenance.importBackup', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/another caseload|cannot be read/) },
    });
  });

  it('the first start of the day backs up in the background; a new, empty caseload is not backed up', async () => {
    const dir = tempDir();
    const empty = await launch(dir, { dailyBackup: true });
    await empty.settled();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    await call(empty, 'access.setUp', SET_UP);
    empty.close();
    const second = await launch(dir, { dailyBackup: true });
    await second.settled();
    const made = readdirSync(join(dir, 'backups'));
    expect(made.filter((n) => n.startsWith('caseload-daily-') && n.endsWith('.db'))).toHaveLength(1);
    expect(made.filter((n) => n.endsWith('.db.json'))).toHaveLength(1);
  });

  it('takes one checked daily backup a day and keeps 14 daily and 8 weekly', async () => {
    const dir = tempDir();
    (await caseloadWithPatients(dir, 1)).close();
    const launched = await launch(dir);
    const today = new Date('2026-11-29T08:00:00');
    expect(await dailyBackupIfDue(dir, today)).toMatch(/caseload-daily-2026-11-29\.db$/);
    expect(await dailyBackupIfDue(dir, today)).toBeNull();
    launched.close();
    const backups = join(dir, 'backups');
    // 80 more days of daily copies, as if Pacewise had been opened every day.
    for (let d = 1; d <= 80; d++) {
      const day = new Date(today.getTime() - d * 86_400_000);
      copyFileSync(
        join(backups, 'caseload-daily-2026-11-29.db'),
        join(backups, `caseload-daily-${day.toISOString().slice(0, 10)}.db`),
      );
    }
    rotateBackups(dir, { daily: 14, weekly: 8 });
    const left = readdirSync(backups).filter((n) => n.startsWith('caseload-daily-') && n.endsWith('.db'));
    expect(left).toHaveLength(22);
    expect(left).toContain('caseload-daily-2026-11-29.db');
  });
});

describe('the audit-trail key', () => {
  it('a lost audit key comes back (sealed) from a backup that carries the same key; with none, start-up refuses', async () => {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 2);
    await call(first, 'maintenance.backUp');
    const original = readAuditKey(dir)!;
    first.close();
    // The manifest carries the key sealed under the data key, never in the clear.
    const manifest = readdirSync(join(dir, 'backups')).find((n) => n.endsWith('.db.json'))!;
    const manifestText = readFileSync(join(dir, 'backups', manifest), 'utf8');
    expect(manifestText).not.toContain(original.key.toString('base64'));
    const dropAuditKey = () => writeKeyring(dir, { ...readKeyring(dir)!, auditKey: null });
    dropAuditKey();
    const again = await launch(dir);
    expect((await state(again)).startup).toBeNull();
    expect(readAuditKey(dir)!.key.equals(original.key)).toBe(true);
    expect(verifyAuditChain(again.running()!.ctx.sqlite)).toMatchObject({ ok: true });
    again.close();

    dropAuditKey();
    rmSync(join(dir, 'backups'), { recursive: true });
    const problem = (await state(await launch(dir))).startup!;
    expect(problem).toMatchObject({ kind: 'key-unreadable', title: 'The audit-trail key is missing' });
    expect(readKeyring(dir)!.auditKey).toBeNull();
  });

  it('a restore that is refused leaves the recovery screen up, never set-up', async () => {
    const dir = tempDir();
    const first = await caseloadWithPatients(dir, 1);
    await call(first, 'maintenance.backUp');
    const newer = join(dir, 'backups', 'caseload-newer.db');
    first.running()!.ctx.sqlite.prepare('VACUUM INTO ?').run(newer);
    first.close();
    await holdTestKey(dir);
    const edit = openSqlite(newer);
    edit
      .prepare(
        "INSERT INTO pacewise_migration (idx, tag, checksum, applied_at) VALUES (999, '9999_future', 'x', 'now')",
      )
      .run();
    edit.close();
    writeFileSync(join(dir, 'caseload.db'), '');
    const launched = await launch(dir);
    expect((await state(launched)).startup!.backups.map((b) => b.fileName)).not.toContain('caseload-newer.db');
    const refused = await launched.dispatch('recovery.restore', { fileName: 'caseload-newer.db' });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/newer version of Pacewise/) },
    });
    expect((await state(launched)).startup).toMatchObject({ kind: 'missing' });
  });
});

describe('reconciliation at start-up', () => {
  it('runs in the background without holding up the window, and its findings are there for Settings', async () => {
    const dir = tempDir();
    (await caseloadWithPatients(dir, 2)).close();
    await holdTestKey(dir);
    const edit = openSqlite(join(dir, 'caseload.db'));
    edit.prepare("UPDATE patient SET family_name = 'Edited' WHERE mrn = 'MRN1'").run();
    edit.close();
    const launched = await launch(dir, { reconcileAtStart: true });
    let reconciled = false;
    const report = call<ReconciliationReport>(launched, 'maintenance.reconcile', { fresh: false }).then((r) => {
      reconciled = true;
      return r;
    });
    // The window is answered while the worker is still checking.
    expect((await call<{ total: number }>(launched, 'patients.search', {})).total).toBe(2);
    expect(reconciled).toBe(false);
    const result = await report;
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => [f.entity, f.field, f.audited, f.stored])).toEqual([
      ['patient', 'family_name', 'Family', 'Edited'],
    ]);
  });
});

describe('the write-ahead log', () => {
  it('is folded into the main file once the caseload is idle, and at close', async () => {
    const dir = tempDir();
    const launched = await launch(dir, { idleCheckpointMs: 30 });
    await call(launched, 'access.setUp', SET_UP);
    const wal = join(dir, 'caseload.db-wal');
    expect(statSync(wal).size).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(statSync(wal).size).toBe(0);
    await call(launched, 'patients.create', {
      givenName: 'A',
      familyName: 'B',
      preferredName: null,
      dateOfBirth: '1960-01-01',
      sex: 'female',
      mrn: 'W1',
    });
    expect(statSync(wal).size).toBeGreaterThan(0);
    launched.close();
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  });
});

describe('backup policy', () => {
  it('is clinic policy, audited, and the rotation follows it', async () => {
    const dir = tempDir();
    const launched = await caseloadWithPatients(dir, 1);
    expect(await call(launched, 'maintenance.backupPolicy')).toEqual({ keepDaily: 14, keepWeekly: 8 });
    const refused = await launched.dispatch('maintenance.setBackupPolicy', { keepDaily: 0, keepWeekly: 8 });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { keepDaily: 'Daily backups to keep must be 1 to 365' } },
    });
    const backups = join(dir, 'backups');
    mkdirSync(backups, { recursive: true });
    for (let d = 1; d <= 5; d++) writeFileSync(join(backups, `caseload-daily-2026-11-0${d}.db`), '');
    await call(launched, 'maintenance.setBackupPolicy', { keepDaily: 2, keepWeekly: 0 });
    expect(readdirSync(backups).sort()).toEqual(['caseload-daily-2026-11-04.db', 'caseload-daily-2026-11-05.db']);
    const entry = launched
      .running()!
      .ctx.sqlite.prepare("SELECT after_json FROM audit_event WHERE entity_id = 'backup.policy'")
      .get();
    expect(entry).toEqual({ after_json: JSON.stringify({ keepDaily: 2, keepWeekly: 0 }) });
  });
});

describe('the previous release’s caseload', () => {
  it('upgrades cleanly: its unkeyed chain still verifies and new entries are keyed', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    // What the previous release left: a migrated database with an unkeyed chain, no key, no anchor.
    const old = openSqlite(join(dir, 'caseload.db'));
    old.pragma('journal_mode = WAL');
    migrate(old, readMigrations(MIGRATIONS_DIR), { backupDir: join(dir, 'backups'), now: () => new Date() });
    let n = 0;
    const ctx = { now: () => new Date(), newId: () => `01OLD${String(++n).padStart(21, '0')}` };
    for (let i = 0; i < 3; i++) {
      old.transaction(() =>
        appendAudit({ $client: old }, ctx, {
          actorId: null,
          patientId: null,
          entity: 'setting',
          entityId: `k${i}`,
          action: 'settings',
          after: i,
        }),
      )();
    }
    old.close();

    const launched = await caseloadWithPatients(dir, 1);
    const key = readAuditKey(dir)!;
    expect(key.keyedFromSeq).toBe(4);
    const sqlite = launched.running()!.ctx.sqlite;
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, breakCount: 0 });
    // Without the key, the new entries do not verify: they really are keyed.
    const unkeyed = verifyAuditChain(sqlite, { auditKey: null });
    expect(unkeyed.ok).toBe(false);
    expect(unkeyed.breaks[0]!.seq).toBe(4);
  });
});
