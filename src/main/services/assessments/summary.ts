import type { SummaryContribution } from '../caseloadSummary';

/** The caseload columns the assessments workflow owns. */
export const assessmentsSummary: SummaryContribution = () => ({});
