import type { SummaryContribution } from '../caseloadSummary';
import { openEventCounts } from './adverseEvents';

/** The caseload columns the sessions workflow owns: open adverse events and open red flags. */
export const sessionsSummary: SummaryContribution = (ctx, patientId) => {
  const { open, redFlags } = openEventCounts(ctx, patientId);
  return { openAdverseEvents: open, openRedFlags: redFlags };
};
