import type { SummaryContribution } from '../caseloadSummary';
import { openEventCounts } from './facts';

/** The caseload columns the sessions workflow owns: open adverse events and open red flags. */
export const sessionsSummary: SummaryContribution = (ctx, patientId) => {
  const { open, redFlags, ungraded } = openEventCounts(ctx, patientId);
  return { openAdverseEvents: open, openRedFlags: redFlags, ungradedAdverseEvents: ungraded };
};
