import { parentPort, workerData } from 'node:worker_threads';
import { runMaintenanceTask, type FileTask } from './maintenanceTasks';

// One task per worker: run it and report the result (or a message) back to the main process.
runMaintenanceTask(workerData as FileTask).then(
  (value) => parentPort!.postMessage({ ok: true, value }),
  (error: unknown) =>
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
