import { z } from 'zod';
import { channel } from './define';
import { id } from './fields';

/** Where an export went, or that the specialist cancelled the save dialog (nothing written, nothing audited). */
export type ExportResult =
  | {
      saved: true;
      path: string;
      fileName: string;
      sizeBytes: number;
      at: string;
      /** Rows written, over every table. */
      rows: number;
      tables: number;
      /** Pages, for a document laid out to be read (a patient's record, the clinic report). */
      pages?: number;
    }
  | { saved: false };

/** Why a clinician who is not an administrator may not export the whole caseload (shown where the button is). */
export const CASELOAD_EXPORT_REFUSAL =
  'Only a clinic administrator can export the whole caseload: the file holds every patient’s record. ' +
  'Ask your administrator. One patient’s record is exported from their overview.';

/** Getting the data out: for records requests and moving to another system. Every export is audited. */
export const exportsChannels = {
  'exports.caseloadCsv': channel(z.object({}).strict()).returns<ExportResult>(),
  'exports.patientJson': channel(z.object({ patientId: id('Patient') })).returns<ExportResult>(),
  /** The same record laid out for the person it is about to read: the "Patient's record (PDF)". */
  'exports.patientRecordPdf': channel(z.object({ patientId: id('Patient') })).returns<ExportResult>(),
};
