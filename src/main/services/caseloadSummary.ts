import { eq } from 'drizzle-orm';
import { todayLocal } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { caseloadSummary, patient } from '../db/schema';
import { assessmentsSummary } from './assessments/summary';
import { intakeSummary } from './intake/summary';
import { lettersSummary } from './letters/summary';
import { sessionsSummary } from './sessions/summary';

export type SummaryColumns = Omit<typeof caseloadSummary.$inferInsert, 'patientId' | 'updatedAt' | 'status'>;

/** Each workflow contributes the caseload columns it owns, computed from its own stored facts. */
export type SummaryContribution = (ctx: ServiceContext, patientId: string, today: string) => Partial<SummaryColumns>;

const contributions: SummaryContribution[] = [intakeSummary, sessionsSummary, assessmentsSummary, lettersSummary];

/**
 * Recomputes one patient's caseload row from the stored facts. Every service that changes an input
 * calls this inside its own transaction, so the caseload can never show a flag its records do not
 * support.
 */
export function refreshCaseloadSummary(ctx: ServiceContext, patientId: string): void {
  const today = todayLocal(ctx.now());
  const row = ctx.db.select({ status: patient.status }).from(patient).where(eq(patient.id, patientId)).get();
  if (!row) return;
  const columns = Object.assign(
    {},
    ...contributions.map((contribute) => contribute(ctx, patientId, today)),
  ) as Partial<SummaryColumns>;
  const values = { ...columns, status: row.status, updatedAt: ctx.now().toISOString() };
  ctx.db
    .insert(caseloadSummary)
    .values({ patientId, ...values })
    .onConflictDoUpdate({ target: caseloadSummary.patientId, set: values })
    .run();
}
