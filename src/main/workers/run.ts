import { Worker } from 'node:worker_threads';
import { workerScript } from './entry';
import { dataKeyForFile } from '../db/keyring';
import type { MaintenanceTask, TaskProgress } from './maintenanceTasks';

/**
 * Runs a maintenance task in a worker thread. The built app ships `maintenanceWorker.js` and
 * `exportWorker.js` beside the main bundle; from source (unit tests, e2e, bench) the TypeScript entry
 * is loaded through tsx.
 */
export function runInWorker<T>(task: MaintenanceTask, onProgress?: (progress: TaskProgress) => void): Promise<T> {
  // A backup must not wait for the exports' code to load: an export has a worker of its own.
  const exporting = task.task === 'fhir-bundle' || task.task === 'research-export';
  const code = workerScript(exporting ? 'exportWorker' : 'maintenanceWorker');
  return new Promise<T>((resolve, reject) => {
    // A worker thread has its own memory: the caseload's key travels in the task, never via a file.
    const path = task.task === 'backup' ? task.source : task.caseloadPath;
    const key = dataKeyForFile(path);
    const workerData: MaintenanceTask = { ...task, keyHex: key ? key.toString('hex') : null };
    const worker = new Worker(code, { eval: true, workerData });
    let settled = false;
    worker.on(
      'message',
      (message: { ok: true; value: T } | { ok: false; message: string } | { progress: TaskProgress }) => {
        if ('progress' in message) {
          onProgress?.(message.progress);
          return;
        }
        if (settled) return;
        settled = true;
        if (message.ok) resolve(message.value);
        else reject(new Error(message.message));
        void worker.terminate();
      },
    );
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The maintenance worker stopped unexpectedly (exit ${code}).`));
    });
  });
}
