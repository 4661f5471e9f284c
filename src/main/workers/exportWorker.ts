import { parentPort, workerData } from 'node:worker_threads';
import { writeFhirBundle } from '../services/exports/fhir/write';
import { writeResearchExport } from '../services/exports/research/write';
import { rememberTaskKey, type ExportTask, type TaskProgress } from './maintenanceTasks';

async function runExportTask(message: ExportTask, report: (progress: TaskProgress) => void): Promise<unknown> {
  rememberTaskKey(message);
  switch (message.task) {
    case 'fhir-bundle':
      return writeFhirBundle(message.caseloadPath, message.patientId, new Date(message.at), message.output);
    case 'research-export':
      return writeResearchExport(message, report);
  }
}

// One export per worker, as maintenanceWorker runs one task: the result (or a message) back to the main process.
runExportTask(workerData as ExportTask, (progress) => parentPort!.postMessage({ progress })).then(
  (value) => parentPort!.postMessage({ ok: true, value }),
  (error: unknown) =>
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
