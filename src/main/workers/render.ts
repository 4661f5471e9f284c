import { Worker } from 'node:worker_threads';
import type { LetterDocument } from '../../shared/clinical/letters';
import type { DateDisplay } from '../../shared/dates';
import type { PrintedDocument } from './blocksPdf';
import type { CaseloadFile } from './readCaseload';
import { workerScript } from './entry';

export type RenderJob =
  | { kind: 'pdf'; definition: unknown }
  | { kind: 'letter-pdf'; document: LetterDocument; createdAt: string; draft: boolean }
  | { kind: 'letter-docx'; document: LetterDocument; draft: boolean }
  | PatientRecordJob
  | { kind: 'printed-pdf'; document: PrintedDocument; paper: 'A4' | 'LETTER'; createdAt: string }
  /** The clinic report's figures (JSON), counted through the worker's own connection. */
  | { kind: 'clinic-report'; caseload: CaseloadFile; from: string; to: string; today: string; generatedAt: string };

/**
 * One patient's record, read by the worker through its own read-only connection and written as
 * JSON for machines or laid out as a PDF for people.
 */
export interface PatientRecordJob {
  kind: 'patient-record';
  format: 'json' | 'pdf';
  caseload: CaseloadFile;
  patientId: string;
  appVersion: string;
  exportedAt: string;
  exportedBy: string;
  exportedByName: string;
  clinicName: string;
  paper: 'A4' | 'LETTER';
  dates: DateDisplay;
}

/** What a document held, for the export's note and its audit entry. */
export interface RenderFacts {
  records?: number;
  sections?: number;
  pages?: number;
}

export type RenderReply =
  { id: number; ok: true; bytes: Uint8Array; facts?: RenderFacts } | { id: number; ok: false; message: string };

function startWorker(): Worker {
  return new Worker(workerScript('renderWorker'), { eval: true });
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (r: { bytes: Uint8Array; facts: RenderFacts }) => void; reject: (e: Error) => void }
>();

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.on('message', (reply: RenderReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.ok) waiting.resolve({ bytes: new Uint8Array(reply.bytes), facts: reply.facts ?? {} });
    else waiting.reject(new Error(reply.message));
  });
  const fail = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker = null;
  };
  w.on('error', fail);
  w.on('exit', (code) => {
    if (worker === w) fail(new Error(`The document renderer stopped (exit ${code})`));
  });
  // An idle renderer must not keep a test process or a closing app alive.
  w.unref();
  worker = w;
  return w;
}

/** Starts the worker, idle, so its first document does not also wait for its code to load. */
export function warmRenderer(): void {
  ensureWorker();
}

/** Renders a document in the worker thread; the main process keeps answering the window meanwhile. */
export async function render(job: RenderJob): Promise<Uint8Array> {
  return (await renderWithFacts(job)).bytes;
}

/** As `render`, with what the document held (records, pages). */
export function renderWithFacts(job: RenderJob): Promise<{ bytes: Uint8Array; facts: RenderFacts }> {
  const w = ensureWorker();
  const id = nextId++;
  w.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, job });
  });
}

/** Stops the worker (at app close, or between tests). */
export async function stopRenderer(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
