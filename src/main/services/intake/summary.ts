import { eq, sql } from 'drizzle-orm';
import { clearanceStatusOn, skeletalRiskSummary } from '../../../shared/clinical/intake';
import type { MetastaticSite } from '../../../shared/domain/vocabulary';
import type { SummaryContribution, SummaryColumns } from '../caseloadSummary';
import { prepared } from '../../db/prepared';
import { diagnosis } from '../../db/schema';
import {
  boneLesionRows,
  clearanceRows,
  detailsRow,
  parseJsonArray,
  toClearanceRecord,
  toSkeletalLesion,
  treatmentRows,
} from './facts';

/** The caseload's base clearance state; "expiring" and "expired" are decided at read time from reviewBy. */
export type StoredClearanceState = 'missing' | 'requested' | 'valid' | 'not_cleared';

/**
 * The caseload columns the intake workflow owns. Status is filled by the caller. Everything that
 * depends on the date (expiry, this week's treatment) is stored as dates and judged when read.
 */
export const intakeSummary: SummaryContribution = (ctx, patientId, today) => {
  const status = clearanceStatusOn(clearanceRows(ctx, patientId).map(toClearanceRecord), today);
  const clearanceState: StoredClearanceState =
    status.state === 'expiring' || status.state === 'expired' ? 'valid' : status.state;

  const lesions = boneLesionRows(ctx, patientId).filter((row) => row.active);
  const diagnoses = prepared(ctx, 'intake.summary.diagnoses', () =>
    ctx.db
      .select({ sites: diagnosis.metastaticSitesJson })
      .from(diagnosis)
      .where(eq(diagnosis.patientId, sql.placeholder('patientId')))
      .prepare(),
  ).all({ patientId });
  const sites = [...new Set(diagnoses.flatMap((row) => parseJsonArray<MetastaticSite>(row.sites)))];
  const boneInDiagnosis = sites.includes('bone');

  // "On treatment this week" needs the span of every treatment not yet finished; an open end stays null.
  const current = treatmentRows(ctx, patientId).filter((row) => row.endDate === null || row.endDate >= today);
  let treatmentFrom: string | null = null;
  let treatmentTo: string | null = null;
  if (current.length > 0) {
    treatmentFrom = current.reduce((min, row) => (row.startDate < min ? row.startDate : min), current[0]!.startDate);
    treatmentTo = current.some((row) => row.endDate === null)
      ? null
      : current.reduce((max, row) => (row.endDate! > max ? row.endDate! : max), current[0]!.endDate!);
  }

  const columns: Partial<SummaryColumns> = {
    clearanceState,
    clearanceReviewBy: clearanceState === 'valid' ? status.expiresOn : null,
    hasBoneMets: lesions.length > 0 || boneInDiagnosis,
    metastaticSitesJson: JSON.stringify(sites),
    skeletalRiskLevel: skeletalRiskSummary(lesions.map(toSkeletalLesion)).level,
    treatmentFrom,
    treatmentTo,
    leadClinicianId: detailsRow(ctx, patientId)?.leadClinicianId ?? null,
  };
  return columns;
};
