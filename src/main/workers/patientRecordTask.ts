import { readPatientRecord, type PatientRecord } from '../services/exports/patientRecord';
import { readableRecord } from '../services/exports/readableRecord';
import { blocksPdfDefinition } from './blocksPdf';
import { readCaseload } from './readCaseload';
import type { PatientRecordJob, RenderFacts } from './render';

/** The child rows nested under their parent row (patientRecord.ts). */
const NESTED = ['milestones', 'items', 'exercises', 'amendments', 'results', 'sendings', 'replies'];

/** Every entry of the record (the patient, each row and nested row, each change), for the export's note. */
function countRecords(record: PatientRecord): RenderFacts {
  let records = 1 + (record.details ? 1 : 0);
  let sections = 1;
  const {
    patient: _p,
    details: _d,
    referenced: _r,
    format: _f,
    formatVersion: _v,
    appVersion: _a,
    schemaVersion: _s,
    ...lists
  } = record;
  for (const list of Object.values(lists) as Array<Array<Record<string, unknown>>>) {
    if (list.length > 0) sections += 1;
    for (const row of list) {
      records += 1;
      for (const key of NESTED) if (Array.isArray(row[key])) records += (row[key] as unknown[]).length;
    }
  }
  return { records, sections };
}

/**
 * Reads the patient's record through a read-only connection of this worker's own, then writes it as
 * JSON or lays it out as the readable PDF. `layOut` is pdfmake in the render worker.
 */
export async function renderPatientRecord(
  job: PatientRecordJob,
  layOut: (definition: unknown) => Promise<Uint8Array>,
): Promise<{ bytes: Uint8Array; facts: RenderFacts }> {
  const record = readCaseload(job.caseload, (sqlite) => readPatientRecord(sqlite, job.patientId, job.appVersion));
  const facts = countRecords(record);
  if (job.format === 'json') {
    const { format, formatVersion, ...rest } = record;
    const document = { format, formatVersion, exportedAt: job.exportedAt, exportedBy: job.exportedBy, ...rest };
    return { bytes: new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`), facts };
  }
  const printed = readableRecord(record, {
    clinicName: job.clinicName,
    dates: job.dates,
    exportedAt: job.exportedAt,
    exportedByName: job.exportedByName,
  });
  let pages = 0;
  const bytes = await layOut(
    blocksPdfDefinition(printed, { paper: job.paper, createdAt: new Date(job.exportedAt), pages: (n) => (pages = n) }),
  );
  return { bytes, facts: { ...facts, pages } };
}
