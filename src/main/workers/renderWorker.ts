import { parentPort } from 'node:worker_threads';
import type { RenderFacts, RenderJob, RenderReply } from './render';
import { blocksPdfDefinition } from './blocksPdf';
import { letterDocx } from './letterDocx';
import { letterPdfDefinition } from './letterPdf';

/**
 * Lays out PDFs and writes DOCX files away from the main process's event loop: pdfmake lays out
 * synchronously, so run in the main thread a two-page letter would stall every open screen.
 */
interface PdfMake {
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  setFonts(fonts: unknown): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Uint8Array> };
}

let pdfmake: PdfMake | null = null;
async function loadPdfMake(): Promise<PdfMake> {
  if (pdfmake) return pdfmake;
  const loaded = (await import('pdfmake')).default as unknown as PdfMake;
  const { default: roboto } = (await import('pdfmake/fonts/Roboto.js')) as { default: Record<string, unknown> };
  // Never fetch anything: fonts come from pdfmake's own folder, images are data: URLs.
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path: string) => path.includes('pdfmake'));
  loaded.setFonts(roboto);
  pdfmake = loaded;
  return loaded;
}

async function layOut(definition: unknown): Promise<Uint8Array> {
  return (await loadPdfMake()).createPdf(definition).getBuffer();
}

/**
 * What reads the caseload, loaded when a job first needs it: the schema, driver and services take
 * seconds to load, and a letter's first PDF (finalising waits on it) must not wait for them.
 * `require`, not `import()`: the worker also runs from source through tsx's CommonJS hook (e2e),
 * where `import()` of a .ts file without its extension is not found.
 */
function caseloadReaders() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require('./patientRecordTask') as typeof import('./patientRecordTask')),
    ...(require('./readCaseload') as typeof import('./readCaseload')),
    ...(require('../services/reports/clinicReport') as typeof import('../services/reports/clinicReport')),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

async function run(job: RenderJob): Promise<Uint8Array | { bytes: Uint8Array; facts: RenderFacts }> {
  switch (job.kind) {
    case 'pdf':
      return layOut(job.definition);
    case 'letter-pdf':
      return layOut(letterPdfDefinition(job.document, new Date(job.createdAt), job.draft));
    case 'letter-docx':
      return new Uint8Array(await letterDocx(job.document, job.draft));
    case 'patient-record':
      return caseloadReaders().renderPatientRecord(job, layOut);
    case 'clinic-report': {
      const { readCaseload, readOnlyContext, clinicReport } = caseloadReaders();
      const report = readCaseload(job.caseload, (sqlite) =>
        clinicReport(readOnlyContext(sqlite, job.caseload, new Date(job.generatedAt)), job, job.today),
      );
      return new TextEncoder().encode(JSON.stringify(report));
    }
    case 'printed-pdf': {
      let pages = 0;
      const bytes = await layOut(
        blocksPdfDefinition(job.document, {
          paper: job.paper,
          createdAt: new Date(job.createdAt),
          pages: (n) => (pages = n),
        }),
      );
      return { bytes, facts: { pages } };
    }
  }
}

parentPort!.on('message', (message: { id: number; job: RenderJob }) => {
  run(message.job).then(
    (done) => {
      const { bytes, facts } = done instanceof Uint8Array ? { bytes: done, facts: undefined } : done;
      const reply: RenderReply = { id: message.id, ok: true, bytes, ...(facts ? { facts } : {}) };
      parentPort!.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: RenderReply = {
        id: message.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
      parentPort!.postMessage(reply);
    },
  );
});
