import type { standardExportChannels } from '../../shared/contract/standardExports';
import { exportPatientFhir } from '../services/exports/fhir/export';
import { exportResearch, researchExportProgress } from '../services/exports/research/export';
import type { HandlersFor } from './types';

export const standardExportHandlers: HandlersFor<typeof standardExportChannels> = {
  'exports.patientFhir': (ctx, input) => exportPatientFhir(ctx, input.patientId),
  'exports.research': (ctx) => exportResearch(ctx),
  'exports.researchProgress': (ctx) => researchExportProgress(ctx),
};
