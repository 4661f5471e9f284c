import { join } from 'node:path';
import { app } from 'electron';

/** `PACEWISE_DATA_DIR` overrides the per-user app-data folder (for a shared drive or a test). */
export function dataDirectory(): string {
  return process.env['PACEWISE_DATA_DIR'] || join(app.getPath('userData'), 'caseload');
}

/** Migrations ship beside the app (electron-builder extraResources), not inside the asar. */
export function migrationsDirectory(): string {
  return app.isPackaged ? join(process.resourcesPath, 'migrations') : join(app.getAppPath(), 'migrations');
}
