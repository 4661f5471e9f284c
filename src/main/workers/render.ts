import { Worker } from 'node:worker_threads';
import type { LetterDocument } from '../../shared/clinical/letters';
import { workerScript } from './entry';

export type RenderJob =
  | { kind: 'pdf'; definition: unknown }
  | { kind: 'letter-pdf'; document: LetterDocument; createdAt: string; draft: boolean }
  | { kind: 'letter-docx'; document: LetterDocument; draft: boolean };

export type RenderReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

function startWorker(): Worker {
  return new Worker(workerScript('renderWorker'), { eval: true });
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.on('message', (reply: RenderReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.ok) waiting.resolve(new Uint8Array(reply.bytes));
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

/** Renders a document in the worker thread; the main process keeps answering the window meanwhile. */
export function render(job: RenderJob): Promise<Uint8Array> {
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
