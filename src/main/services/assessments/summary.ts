import type { SummaryContribution } from '../caseloadSummary';
import { scheduleFor } from './schedule';

/**
 * The caseload columns the assessments workflow owns: the last finalised assessment and the date
 * the next one is due (which treatment changes bring forward). Due/overdue is read against today
 * from `reassessmentDueOn`, so the row never goes stale overnight.
 */
export const assessmentsSummary: SummaryContribution = (ctx, patientId, today) => {
  const schedule = scheduleFor(ctx, patientId, today);
  if (!schedule) return {};
  return { lastAssessmentOn: schedule.lastAssessmentOn, reassessmentDueOn: schedule.dueOn };
};
