import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ParsedInputOf } from '../../shared/contract';
import type { DeviceSettings } from '../../shared/contract/device';
import type { ServiceContext } from '../context';
import { writeFileAtomic } from '../db/files';
import { KEYRING_FILE } from '../db/keyring';
import { CASELOAD_FILE } from '../db/open';
import {
  DEVICE_CONFIG_FILE,
  defaultDataDirectory,
  readDeviceConfig,
  resolveDataDirectory,
  type DeviceConfig,
} from '../electron/paths';
import { ApiError, fieldError } from '../errors';
import { appendAudit } from './audit';

/*
 * This computer's caseload folder (`device.json` in Electron's userData folder). It is read once,
 * at start-up (electron/paths.ts), so a change here takes effect at the next start: the caseload
 * open now never moves under the clinicians using it, and nothing is copied to the new folder.
 */

const FIELD = 'dataDirectory';
const LABEL = 'Caseload folder';

/** The two settings as stored and audited: every field present, so before and after compare plainly. */
interface DeviceChoice {
  dataDirectory: string | null;
  allowEnvOverride: boolean;
}

const choiceOf = (config: DeviceConfig): DeviceChoice => ({
  dataDirectory: config.dataDirectory ?? null,
  allowEnvOverride: config.allowEnvOverride === true,
});

function holdsCaseload(folder: string): boolean {
  return existsSync(join(folder, KEYRING_FILE)) || existsSync(join(folder, CASELOAD_FILE));
}

/** What the Settings panel shows; `inUse` is the folder this run opened (the launcher's data folder). */
export function readDeviceSettings(userDataDir: string, inUse: string): DeviceSettings {
  const problems: string[] = [];
  const config = readDeviceConfig(userDataDir, (message) => problems.push(message));
  const defaultDir = defaultDataDirectory(userDataDir);
  // As an installed build reads it: the environment variable is a developer's and a test's tool.
  const nextStart = resolveDataDirectory({ packaged: true, env: {}, device: config, defaultDir });
  return {
    inUse,
    ...choiceOf(config),
    defaultDataDirectory: defaultDir,
    nextStart,
    nextStartHoldsCaseload: holdsCaseload(nextStart),
    configFile: join(userDataDir, DEVICE_CONFIG_FILE),
    problems,
  };
}

function whyUnusable(error: unknown, folder: string): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return `${LABEL} cannot be used: part of ${folder} is a file, not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `${LABEL} cannot be used: Pacewise is not allowed to create or write files in ${folder}. Choose another folder, or ask IT for write access`;
    case 'EROFS':
      return `${LABEL} cannot be used: ${folder} is on a disk that cannot be written to`;
    case 'ENOSPC':
      return `${LABEL} cannot be used: the disk holding ${folder} is full`;
    case 'ENOENT':
      return `${LABEL} cannot be used: the drive or shared folder of ${folder} cannot be reached`;
    default:
      return `${LABEL} cannot be used: Pacewise could not create or write to ${folder}`;
  }
}

/**
 * Why `folder` cannot hold the caseload, or null when it can: it must be a full path, and exist or
 * be creatable, and take a file (a probe, written and removed at once). A folder created only for
 * the check is removed again when the check fails, so a refused setting leaves nothing behind.
 */
export function dataFolderProblem(folder: string): string | null {
  if (!isAbsolute(folder)) {
    return `${LABEL} must be a full path on this computer (such as ${process.platform === 'win32' ? 'D:\\Pacewise' : '/srv/pacewise'}), or empty for the default folder`;
  }
  let created: string | undefined;
  try {
    created = mkdirSync(folder, { recursive: true });
  } catch (error) {
    return whyUnusable(error, folder);
  }
  const probe = join(folder, `.pacewise-write-check-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(probe, 'Pacewise checks that it can write here; this file is removed at once.', { flag: 'wx' });
    unlinkSync(probe);
    return null;
  } catch (error) {
    rmSync(probe, { force: true });
    if (created) rmSync(created, { recursive: true, force: true });
    return whyUnusable(error, folder);
  }
}

function requireUserData(ctx: ServiceContext): string {
  if (!ctx.userDataDirectory) {
    throw new ApiError(
      'conflict',
      'This computer’s settings folder is not known here, so its settings cannot be shown.',
    );
  }
  return ctx.userDataDirectory;
}

export function deviceSettings(ctx: ServiceContext): DeviceSettings {
  return readDeviceSettings(requireUserData(ctx), ctx.dataDirectory);
}

/**
 * Saves the caseload folder for this computer, audited with before and after. The file is
 * written inside the audit entry's transaction, last: if it cannot be written, the entry is
 * rolled back and nothing claims a change that did not happen.
 */
export function setDeviceSettings(
  ctx: ServiceContext,
  actorId: string,
  input: ParsedInputOf<'device.setSettings'>,
): DeviceSettings {
  const userDataDir = requireUserData(ctx);
  let folder: string | null = null;
  if (input.dataDirectory !== null) {
    const problem = dataFolderProblem(input.dataDirectory);
    if (problem) throw fieldError(FIELD, problem);
    folder = resolve(input.dataDirectory);
  }
  const before = choiceOf(readDeviceConfig(userDataDir, () => undefined));
  const after: DeviceChoice = { dataDirectory: folder, allowEnvOverride: input.allowEnvOverride };
  if (before.dataDirectory === after.dataDirectory && before.allowEnvOverride === after.allowEnvOverride) {
    return deviceSettings(ctx);
  }
  const stored: DeviceConfig = {
    ...(after.dataDirectory !== null ? { dataDirectory: after.dataDirectory } : {}),
    allowEnvOverride: after.allowEnvOverride,
  };
  ctx.sqlite.transaction(() => {
    appendAudit(ctx.db, ctx, {
      actorId,
      patientId: null,
      entity: 'device',
      entityId: DEVICE_CONFIG_FILE,
      action: 'settings',
      before,
      after,
      reason: `Caseload folder settings for this computer (${join(userDataDir, DEVICE_CONFIG_FILE)}); they take effect at the next start`,
    });
    mkdirSync(userDataDir, { recursive: true });
    writeFileAtomic(join(userDataDir, DEVICE_CONFIG_FILE), `${JSON.stringify(stored, null, 2)}\n`);
  })();
  return deviceSettings(ctx);
}
