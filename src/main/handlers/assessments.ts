import type { assessmentsChannels } from '../../shared/contract/assessments';
import * as measures from '../services/assessments/measures';
import * as progress from '../services/assessments/progress';
import * as lifecycle from '../services/assessments/lifecycle';
import * as results from '../services/assessments/results';
import * as view from '../services/assessments/view';
import type { HandlersFor } from './types';

export const assessmentsHandlers: HandlersFor<typeof assessmentsChannels> = {
  'assessments.list': (ctx, input) => view.listAssessments(ctx, input.patientId),
  'assessments.get': (ctx, input) => view.getAssessment(ctx, input.assessmentId),
  'assessments.create': (ctx, input) => lifecycle.createAssessment(ctx, input),
  'assessments.update': (ctx, input) => lifecycle.updateAssessment(ctx, input),
  'assessments.recordMeasure': (ctx, input) => results.recordMeasure(ctx, input),
  'assessments.clearMeasure': (ctx, input) => results.clearMeasure(ctx, input),
  'assessments.finalise': (ctx, input) => lifecycle.finaliseAssessment(ctx, input.assessmentId),
  'assessments.amend': (ctx, input) => lifecycle.amendAssessment(ctx, input),
  'assessments.discard': (ctx, input) => lifecycle.discardAssessment(ctx, input),
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
