import type { SummaryContribution } from '../caseloadSummary';

/** The caseload columns the sessions workflow owns. */
export const sessionsSummary: SummaryContribution = () => ({});
