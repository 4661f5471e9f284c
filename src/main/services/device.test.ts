import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceSettings } from '../../shared/contract/device';
import { DEVICE_CONFIG_FILE, readDeviceConfig } from '../electron/paths';
import { launchCaseload, type LaunchedCaseload } from '../launch';
import {
  MIGRATIONS_DIR,
  TEST_CLINICIAN,
  TEST_CLINICIAN_SIGN_IN,
  ownPassphrasesChosen,
  TEST_KDF,
  TEST_SET_UP,
  openTestCaseload,
  tempDir,
} from '../testing';
import { dataFolderProblem, readDeviceSettings } from './device';

const folders: string[] = [];
const launched: LaunchedCaseload[] = [];
afterEach(() => {
  for (const l of launched.splice(0)) l.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(prefix: string): string {
  const dir = tempDir(prefix);
  folders.push(dir);
  return dir;
}

/** A set-up clinic (administrator signed in) whose computer keeps its settings in a folder of its own. */
async function clinic(): Promise<{ l: LaunchedCaseload; dataDir: string; userDataDir: string }> {
  const dataDir = folder('pacewise-device-data-');
  const userDataDir = folder('pacewise-device-userdata-');
  const l = launchCaseload({
    dataDir,
    userDataDir,
    migrationsDir: MIGRATIONS_DIR,
    appVersion: 'test',
    log: () => undefined,
    passphraseKdf: TEST_KDF,
    dialogs: { chooseBackupFolder: async () => null, chooseBackupFile: async () => null },
  });
  launched.push(l);
  const setUp = await l.dispatch('access.setUp', TEST_SET_UP);
  if (!setUp.ok) throw new Error(setUp.error.message);
  return { l, dataDir, userDataDir };
}

function deviceAudit(l: LaunchedCaseload) {
  return (
    l
      .running()!
      .ctx.sqlite.prepare(
        "SELECT actor_id AS actor, action, before_json AS before, after_json AS after, reason FROM audit_event WHERE entity = 'device' ORDER BY seq",
      )
      .all() as Array<{ actor: string; action: string; before: string; after: string; reason: string }>
  ).map((row) => ({ ...row, before: JSON.parse(row.before) as unknown, after: JSON.parse(row.after) as unknown }));
}

describe('the caseload folder setting (device.json)', () => {
  it('an administrator saves a folder: the file is written whole, audited with before and after, and the open caseload stays where it is', async () => {
    const { l, dataDir, userDataDir } = await clinic();
    const shared = join(folder('pacewise-device-share-'), 'clinic', 'caseload');
    const result = await l.dispatch('device.setSettings', { dataDirectory: `  ${shared}  `, allowEnvOverride: false });
    expect(result.ok).toBe(true);
    const settings = (result as { value: DeviceSettings }).value;
    expect(settings).toMatchObject({
      inUse: dataDir,
      dataDirectory: shared,
      allowEnvOverride: false,
      nextStart: shared,
      nextStartHoldsCaseload: false,
      defaultDataDirectory: join(userDataDir, 'caseload'),
      configFile: join(userDataDir, DEVICE_CONFIG_FILE),
      problems: [],
    });
    expect(JSON.parse(readFileSync(join(userDataDir, DEVICE_CONFIG_FILE), 'utf8'))).toEqual({
      dataDirectory: shared,
      allowEnvOverride: false,
    });
    // The same file start-up reads; no temporary sibling left behind; the folder exists, empty.
    expect(readDeviceConfig(userDataDir, () => undefined)).toEqual({ dataDirectory: shared });
    expect(readdirSync(userDataDir)).toEqual([DEVICE_CONFIG_FILE]);
    expect(readdirSync(shared)).toEqual([]);
    expect(l.running()!.ctx.dataDirectory).toBe(dataDir);

    const admin = (await l.dispatch('app.state', {})) as { value: { currentClinician: { id: string } } };
    expect(deviceAudit(l)).toEqual([
      {
        actor: admin.value.currentClinician.id,
        action: 'settings',
        before: { dataDirectory: null, allowEnvOverride: false },
        after: { dataDirectory: shared, allowEnvOverride: false },
        reason: expect.stringMatching(/take effect at the next start/),
      },
    ]);

    // Back to the default folder, with the variable allowed: one more entry, the folder key gone.
    await l.dispatch('device.setSettings', { dataDirectory: '', allowEnvOverride: true });
    expect(JSON.parse(readFileSync(join(userDataDir, DEVICE_CONFIG_FILE), 'utf8'))).toEqual({ allowEnvOverride: true });
    expect(deviceAudit(l).at(-1)).toMatchObject({
      before: { dataDirectory: shared, allowEnvOverride: false },
      after: { dataDirectory: null, allowEnvOverride: true },
    });
    // Saving the same again changes nothing and writes no entry.
    await l.dispatch('device.setSettings', { dataDirectory: '', allowEnvOverride: true });
    expect(deviceAudit(l)).toHaveLength(2);
  });

  it('refuses a relative path, naming the field, and writes nothing', async () => {
    const { l, userDataDir } = await clinic();
    for (const relative of ['caseload', './clinic/caseload', '..\\caseload']) {
      const refused = await l.dispatch('device.setSettings', { dataDirectory: relative, allowEnvOverride: false });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'validation',
          fields: { dataDirectory: expect.stringMatching(/^Caseload folder must be a full path/) },
        },
      });
    }
    expect(existsSync(join(userDataDir, DEVICE_CONFIG_FILE))).toBe(false);
    expect(existsSync(join(process.cwd(), 'caseload'))).toBe(false);
    expect(deviceAudit(l)).toEqual([]);
  });

  it('refuses a folder that cannot be created or written (a path under a file), removing anything made to check it', async () => {
    const { l, userDataDir } = await clinic();
    const base = folder('pacewise-device-file-');
    writeFileSync(join(base, 'notes.txt'), 'a file, not a folder');
    const underFile = join(base, 'notes.txt', 'caseload');
    const refused = await l.dispatch('device.setSettings', { dataDirectory: underFile, allowEnvOverride: false });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        fields: { dataDirectory: `Caseload folder cannot be used: part of ${underFile} is a file, not a folder` },
      },
    });
    expect(existsSync(join(userDataDir, DEVICE_CONFIG_FILE))).toBe(false);
    expect(deviceAudit(l)).toEqual([]);
    expect(readdirSync(base)).toEqual(['notes.txt']);
  });

  it('refuses a clinician at the dispatch (forbidden), leaving the file as it was; they may still read it', async () => {
    const { l, dataDir, userDataDir } = await clinic();
    const shared = folder('pacewise-device-share-');
    await l.dispatch('device.setSettings', { dataDirectory: shared, allowEnvOverride: false });
    const before = readFileSync(join(userDataDir, DEVICE_CONFIG_FILE), 'utf8');
    expect((await l.dispatch('access.addClinician', TEST_CLINICIAN)).ok).toBe(true);
    ownPassphrasesChosen(dataDir);
    await l.dispatch('access.switchClinician', {});
    expect((await l.dispatch('access.signIn', TEST_CLINICIAN_SIGN_IN)).ok).toBe(true);

    const refused = await l.dispatch('device.setSettings', { dataDirectory: '', allowEnvOverride: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(readFileSync(join(userDataDir, DEVICE_CONFIG_FILE), 'utf8')).toBe(before);
    expect(deviceAudit(l)).toHaveLength(1);
    expect(await l.dispatch('device.settings', {})).toMatchObject({ ok: true, value: { dataDirectory: shared } });
  });

  it('refuses a payload of the wrong shape by field, before any check touches the disk', async () => {
    const { l, userDataDir } = await clinic();
    expect(await l.dispatch('device.setSettings', { dataDirectory: 42, allowEnvOverride: 'yes' })).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        fields: {
          dataDirectory: expect.stringMatching(/^Caseload folder must be text/),
          allowEnvOverride: expect.stringMatching(/PACEWISE_DATA_DIR/),
        },
      },
    });
    expect(existsSync(join(userDataDir, DEVICE_CONFIG_FILE))).toBe(false);
  });

  it('is refused, not guessed, where no settings folder is known (a plain service context)', async () => {
    const running = openTestCaseload();
    try {
      expect(await running.dispatch('device.settings', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      running.close();
    }
  });
});

describe('checking a folder can hold the caseload', () => {
  it('accepts an existing writable folder and a creatable one, leaving no probe file', () => {
    const base = folder('pacewise-device-probe-');
    expect(dataFolderProblem(base)).toBeNull();
    expect(dataFolderProblem(join(base, 'new', 'caseload'))).toBeNull();
    expect(readdirSync(base)).toEqual(['new']);
    expect(readdirSync(join(base, 'new', 'caseload'))).toEqual([]);
  });

  it('reports a damaged device.json in the view, with the default folder for the next start', () => {
    const userDataDir = folder('pacewise-device-userdata-');
    writeFileSync(join(userDataDir, DEVICE_CONFIG_FILE), '{ "dataDirectory": ');
    const view = readDeviceSettings(userDataDir, '/somewhere/now');
    expect(view).toMatchObject({ dataDirectory: null, nextStart: join(userDataDir, 'caseload') });
    expect(view.problems).toEqual([expect.stringMatching(/not valid JSON/)]);
  });

  it('says when the folder for the next start already holds a caseload', () => {
    const userDataDir = folder('pacewise-device-userdata-');
    mkdirSync(join(userDataDir, 'caseload'));
    writeFileSync(join(userDataDir, 'caseload', 'caseload.keys'), '{}');
    expect(readDeviceSettings(userDataDir, '/somewhere/now').nextStartHoldsCaseload).toBe(true);
  });
});
