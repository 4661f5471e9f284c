import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The code a worker thread starts with (`new Worker(code, { eval: true })`): the built entry that
 * electron-vite writes beside the main bundle (`out/main/<name>.js`), or — when the main process
 * runs from source in unit tests, e2e and the bench — the TypeScript file loaded through tsx.
 */
export function workerScript(name: 'renderWorker' | 'maintenanceWorker' | 'exportWorker'): string {
  const built = join(__dirname, `${name}.js`);
  if (existsSync(built)) return `require(${JSON.stringify(built)});`;
  return `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, `${name}.ts`))});`;
}
