import type { standardExportChannels } from '../../shared/contract/standardExports';
import { exportPatientFhir } from '../services/exports/fhir/export';
import { exportResearch, researchExportProgress } from '../services/exports/research/export';
import { researchSettings, setResearchDateShift } from '../services/exports/research/settings';
import type { HandlersFor } from './types';

export const standardExportHandlers: HandlersFor<typeof standardExportChannels> = {
  'exports.patientFhir': (ctx, input) => exportPatientFhir(ctx, input.patientId),
  'exports.research': (ctx) => exportResearch(ctx),
  'exports.researchProgress': (ctx) => researchExportProgress(ctx),
  'exports.researchSettings': (ctx) => researchSettings(ctx),
  'exports.setResearchDateShift': (ctx, input) => setResearchDateShift(ctx, input),
};
