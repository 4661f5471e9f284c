import type { exportsChannels } from '../../shared/contract/exports';
import { exportCaseloadCsv } from '../services/exports/caseloadCsv';
import { exportPatientJson, exportPatientRecordPdf } from '../services/exports/patientJson';
import type { HandlersFor } from './types';

export const exportsHandlers: HandlersFor<typeof exportsChannels> = {
  'exports.caseloadCsv': (ctx) => exportCaseloadCsv(ctx),
  'exports.patientJson': (ctx, input) => exportPatientJson(ctx, input.patientId),
  'exports.patientRecordPdf': (ctx, input) => exportPatientRecordPdf(ctx, input.patientId),
};
