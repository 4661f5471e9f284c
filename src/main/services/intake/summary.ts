import type { SummaryContribution } from '../caseloadSummary';

/** The caseload columns the intake workflow owns. */
export const intakeSummary: SummaryContribution = () => ({});
