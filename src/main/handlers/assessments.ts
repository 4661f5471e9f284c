import type { assessmentsChannels } from '../../shared/contract/assessments';
import * as measures from '../services/assessments/measures';
import * as progress from '../services/assessments/progress';
import * as records from '../services/assessments/records';
import type { HandlersFor } from './types';

export const assessmentsHandlers: HandlersFor<typeof assessmentsChannels> = {
  'assessments.list': (ctx, input) => records.listAssessments(ctx, input.patientId),
  'assessments.get': (ctx, input) => records.getAssessment(ctx, input.assessmentId),
  'assessments.create': (ctx, input) => records.createAssessment(ctx, input),
  'assessments.update': (ctx, input) => records.updateAssessment(ctx, input),
  'assessments.recordMeasure': (ctx, input) => records.recordMeasure(ctx, input),
  'assessments.clearMeasure': (ctx, input) => records.clearMeasure(ctx, input),
  'assessments.finalise': (ctx, input) => records.finaliseAssessment(ctx, input.assessmentId),
  'assessments.amend': (ctx, input) => records.amendAssessment(ctx, input),
  'assessments.discard': (ctx, input) => records.discardAssessment(ctx, input),
  'measures.listCustom': (ctx, input) => measures.listCustomMeasures(ctx, input.includeRetired),
  'measures.createCustom': (ctx, input) => measures.createCustomMeasure(ctx, input),
  'measures.retireCustom': (ctx, input) => measures.retireCustomMeasure(ctx, input.measureId),
  'measures.defaultBattery': (ctx) => measures.defaultBattery(ctx),
  'measures.setDefaultBattery': (ctx, input) => measures.setDefaultBattery(ctx, input.measureKeys),
  'progress.comparison': (ctx, input) => progress.progressComparison(ctx, input.patientId),
  'progress.charts': (ctx, input) => progress.progressCharts(ctx, input.patientId),
  'progress.overview': (ctx, input) => progress.progressOverview(ctx, input.patientId),
  'progress.caseloadFlag': (ctx, input) => progress.caseloadFlag(ctx, input.patientId),
};
