import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';

/** The device's own settings, in Electron's userData folder, written only by an administrator's action. */
export const DEVICE_CONFIG_FILE = 'device.json';

export interface DeviceConfig {
  /** Where the caseload lives on this computer (a shared drive), instead of the per-user folder. */
  dataDirectory?: string;
  /** Lets `PACEWISE_DATA_DIR` (the caseload folder) and `PACEWISE_EXPORT_DIR` (where exports go) apply in an installed (packaged) build. */
  allowEnvOverride?: boolean;
}

/**
 * Reads `device.json` from `userDataDir`. A missing file is no configuration; an unreadable or
 * malformed one is ignored with a warning, so a damaged file never stops Pacewise starting.
 */
export function readDeviceConfig(userDataDir: string, warn: (message: string) => void): DeviceConfig {
  const path = join(userDataDir, DEVICE_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      warn(`Ignoring ${path}: it could not be read (${String(error)})`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    warn(`Ignoring ${path}: it is not valid JSON`);
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    warn(`Ignoring ${path}: it should hold one JSON object`);
    return {};
  }
  const { dataDirectory, allowEnvOverride } = parsed as Record<string, unknown>;
  const config: DeviceConfig = {};
  if (typeof dataDirectory === 'string' && dataDirectory.trim() !== '') config.dataDirectory = dataDirectory;
  else if (dataDirectory !== undefined) warn(`Ignoring dataDirectory in ${path}: it should be a folder path`);
  if (allowEnvOverride === true) config.allowEnvOverride = true;
  else if (allowEnvOverride !== undefined && allowEnvOverride !== false) {
    warn(`Ignoring allowEnvOverride in ${path}: it should be true or false`);
  }
  return config;
}

/**
 * Where the caseload lives. In development and tests `PACEWISE_DATA_DIR` wins, so scripted runs
 * stay out of the real caseload. In an installed build an environment variable is something any
 * program started before Pacewise can set, so it counts only when the device configuration (an
 * administrator's choice) allows it; otherwise the configured folder, else the per-user default.
 */
export function resolveDataDirectory(options: {
  packaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  device: DeviceConfig;
  defaultDir: string;
}): string {
  const fromEnv = options.env['PACEWISE_DATA_DIR'] || null;
  if (fromEnv && (!options.packaged || options.device.allowEnvOverride === true)) return fromEnv;
  return options.device.dataDirectory ?? options.defaultDir;
}

/**
 * A folder every export is saved into without asking (`PACEWISE_EXPORT_DIR`), or null for the save
 * dialog. For scripted runs (the e2e scenarios under Electron): an installed build honours it only
 * when the device configuration allows the environment to choose, as for PACEWISE_DATA_DIR, since
 * otherwise any program started before Pacewise could send every export somewhere of its choosing.
 */
export function exportDirectoryOverride(options: {
  packaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  device: DeviceConfig;
}): string | null {
  const fromEnv = options.env['PACEWISE_EXPORT_DIR'] || null;
  return fromEnv && (!options.packaged || options.device.allowEnvOverride === true) ? fromEnv : null;
}

/** The per-user folder the caseload lives in when the device configuration names none. */
export function defaultDataDirectory(userDataDir: string): string {
  return join(userDataDir, 'caseload');
}

/** The caseload folder and the export folder override, read once at start-up. */
export function startupFolders(
  app: Pick<App, 'isPackaged' | 'getPath'>,
  warn: (message: string) => void,
): { dataDir: string; exportDir: string | null } {
  const userData = app.getPath('userData');
  const device = readDeviceConfig(userData, warn);
  const options = { packaged: app.isPackaged, env: process.env, device };
  return {
    dataDir: resolveDataDirectory({ ...options, defaultDir: defaultDataDirectory(userData) }),
    exportDir: exportDirectoryOverride(options),
  };
}

/** Migrations ship beside the app (electron-builder extraResources), not inside the asar. */
export function migrationsDirectory(app: Pick<App, 'isPackaged' | 'getAppPath'>): string {
  return app.isPackaged ? join(process.resourcesPath, 'migrations') : join(app.getAppPath(), 'migrations');
}
