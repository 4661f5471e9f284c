import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { adverseEvent } from '../../db/schema';

/**
 * Read-only facts of the sessions workflow that other modules derive from (the caseload summary).
 * Nothing here writes, so reading it never pulls in the write paths that refresh the summary.
 */

export function openEventCounts(
  ctx: ServiceContext,
  patientId: string,
): { open: number; redFlags: number; ungraded: number } {
  const row = prepared(ctx, 'adverseEvents.openCounts', () =>
    ctx.db
      .select({
        open: sql<number>`count(*)`,
        redFlags: sql<number>`coalesce(sum(${adverseEvent.redFlag}), 0)`,
        ungraded: sql<number>`coalesce(sum(${adverseEvent.severity} is null), 0)`,
      })
      .from(adverseEvent)
      .where(and(eq(adverseEvent.patientId, sql.placeholder('patientId')), isNull(adverseEvent.closedAt)))
      .prepare(),
  ).get({ patientId });
  return { open: row?.open ?? 0, redFlags: row?.redFlags ?? 0, ungraded: row?.ungraded ?? 0 };
}
