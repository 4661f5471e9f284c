import { Worker } from 'node:worker_threads';
import { workerScript } from './entry';
import type { MaintenanceTask } from './maintenanceTasks';

/**
 * Runs a maintenance task in a worker thread. The built app ships `maintenanceWorker.js` beside
 * the main bundle; from source (unit tests, e2e, bench) the TypeScript entry is loaded through tsx.
 */
export function runInWorker<T>(task: MaintenanceTask): Promise<T> {
  const code = workerScript('maintenanceWorker');
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: task });
    let settled = false;
    worker.once('message', (message: { ok: true; value: T } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolve(message.value);
      else reject(new Error(message.message));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The maintenance worker stopped unexpectedly (exit ${code}).`));
    });
  });
}
