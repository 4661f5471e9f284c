import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ELECTRON_DIR = resolve(__dirname, '../../node_modules/electron');

/**
 * The Electron binary's path, or null where it was never downloaded (as on the build machines).
 * Reads electron's own path.txt rather than `require('electron')`, which would try to download.
 */
export function electronBinary(): string | null {
  if (process.env['ELECTRON_OVERRIDE_DIST_PATH']) return null;
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
