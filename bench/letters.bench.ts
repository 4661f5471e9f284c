import type { LetterDocument } from '../src/shared/clinical/letters';
import { saveCareTeamMember } from '../src/main/services/intake/sections';
import { saveContact } from '../src/main/services/intake/contacts';
import { createLetter, getLetter, renderLetter } from '../src/main/services/letters/records';
import { letterPdfDefinition } from '../src/main/workers/letterPdf';
import { compareAsync, type BenchRow } from './harness';
import type { BenchContext, BenchSuite } from './suite';

let letterId = '';

interface PdfMake {
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  setFonts(fonts: unknown): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Uint8Array> };
}

/** pdfmake in this thread: what the main process would do without the worker, for comparison. */
async function inThreadPdf(): Promise<(doc: LetterDocument) => Promise<Uint8Array>> {
  const pdfmake = (await import('pdfmake')).default as unknown as PdfMake;
  const { default: roboto } = (await import('pdfmake/fonts/Roboto.js')) as { default: Record<string, unknown> };
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => path.includes('pdfmake'));
  pdfmake.setFonts(roboto);
  return (doc) => pdfmake.createPdf(letterPdfDefinition(doc, new Date(), false)).getBuffer();
}

/**
 * The longest gap between ticks of a 1 ms timer while `work` runs: how long a message from the
 * window would have waited. perf_hooks.monitorEventLoopDelay records nothing when the work runs
 * entirely on microtasks (in-thread pdfmake never yields to timers), so the gaps are measured here.
 */
async function stalls(work: () => Promise<unknown>, rounds: number): Promise<{ mean: number; max: number }> {
  const gaps: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  for (let i = 0; i < rounds; i++) await work();
  clearInterval(ticker);
  gaps.push(performance.now() - last);
  return { mean: gaps.reduce((a, b) => a + b, 0) / gaps.length, max: Math.max(...gaps) };
}

/**
 * Letters (issue 8): drafting a reassessment letter for the patient with 12 assessments and 300
 * sessions, and rendering it in the worker. The raw column is the floor: rendering an already
 * assembled document, with no database work.
 */
export const lettersSuite: BenchSuite = {
  name: 'letters',
  async run({ running, patientIds }: BenchContext): Promise<BenchRow[]> {
    const { ctx } = running;
    const patientId = patientIds[Math.floor(patientIds.length / 2)]!;
    const oncologist = saveContact(ctx, {
      id: null,
      fullName: 'Dr Bench Oncologist',
      role: 'oncologist',
      practice: 'Bench Cancer Centre',
      address: '1 Bench Road\nBenchville',
      phone: null,
      email: null,
      fax: null,
      active: true,
    });
    saveCareTeamMember(ctx, {
      patientId,
      id: null,
      contactId: oncologist.id,
      isMainOncologist: true,
      note: null,
      active: true,
    });
    letterId = createLetter(ctx, { patientId, type: 'reassessment', adverseEventId: null, sessionId: null }).id;
    const document = getLetter(ctx, letterId).document;
    const pages = await renderLetter(document, 'pdf', new Date(), true);
    console.log(
      `Bench letter: ${
        Buffer.from(pages)
          .toString('latin1')
          .match(/\/Type \/Page\b/g)?.length ?? '?'
      } pages`,
    );

    const rows = [
      await compareAsync(
        'reassessment letter: assemble + PDF in worker (raw: render only)',
        300,
        () => renderLetter(getLetter(ctx, letterId).document, 'pdf', new Date(), true),
        () => renderLetter(document, 'pdf', new Date(), true),
      ),
      await compareAsync(
        'reassessment letter: assemble + DOCX in worker (raw: render only)',
        200,
        () => renderLetter(getLetter(ctx, letterId).document, 'docx', new Date(), true),
        () => renderLetter(document, 'docx', new Date(), true),
      ),
    ];
    const inThread = await inThreadPdf();
    const worker = await stalls(() => renderLetter(getLetter(ctx, letterId).document, 'pdf', new Date(), true), 10);
    const main = await stalls(() => inThread(getLetter(ctx, letterId).document), 10);
    rows.push({
      operation: 'longest event-loop stall while a letter renders (raw: pdfmake in main)',
      serviceMedianMs: worker.mean,
      serviceP95Ms: worker.max,
      rawMedianMs: main.mean,
      rawP95Ms: main.max,
      targetP95Ms: 50,
    });
    return rows;
  },
};
