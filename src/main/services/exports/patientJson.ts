import type { ExportResult } from '../../../shared/contract/exports';
import type { ServiceContext } from '../../context';
import { exportPatientRecord } from './recordExport';

/**
 * One patient's complete record as JSON, for a records request or a move to another system: the
 * fields named as the screens name them (patientRecord.ts), read from explicit columns only.
 */
export function exportPatientJson(ctx: ServiceContext, patientId: string): Promise<ExportResult> {
  return exportPatientRecord(ctx, patientId, 'json');
}

/** The same record laid out for the person it is about to read (APP 12, HIPAA's right of access). */
export function exportPatientRecordPdf(ctx: ServiceContext, patientId: string): Promise<ExportResult> {
  return exportPatientRecord(ctx, patientId, 'pdf');
}
