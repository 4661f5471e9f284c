import { desc, eq, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../shared/contract';
import type { AdverseEventRecord, AdverseEventType } from '../../../shared/contract/sessions';
import { findRedFlag } from '../../../shared/clinical/session/redFlags';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { adverseEvent, clinician, patient, session } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
import { refreshCaseloadSummary } from '../caseloadSummary';
import { requireClinician } from '../settings';

type Row = typeof adverseEvent.$inferSelect;

export function toAdverseEvent(row: Row, byName: string | null): AdverseEventRecord {
  return {
    id: row.id,
    patientId: row.patientId,
    sessionId: row.sessionId,
    type: row.type as AdverseEventType,
    redFlag: row.redFlag,
    severity: row.severity,
    guidance: row.redFlagId ? guidanceFor(row.redFlagId) : null,
    occurredAt: row.occurredAt,
    description: row.description,
    actionTaken: row.actionTaken,
    outcome: row.outcome,
    followUpNeeded: row.followUpNeeded,
    closedAt: row.closedAt,
    closingNote: row.closingNote,
    recordedByName: byName ?? 'Unknown clinician',
  };
}

function guidanceFor(flagId: string): string | null {
  const flag = findRedFlag(flagId);
  return flag ? `Session held. ${flag.urgentActions.join(' ')}` : null;
}

const withName = (ctx: ServiceContext) =>
  ctx.db
    .select({ event: adverseEvent, byName: clinician.fullName })
    .from(adverseEvent)
    .leftJoin(clinician, eq(clinician.id, adverseEvent.createdBy));

export function adverseEventsForPatient(ctx: ServiceContext, patientId: string): AdverseEventRecord[] {
  return prepared(ctx, 'adverseEvents.forPatient', () =>
    withName(ctx)
      .where(eq(adverseEvent.patientId, sql.placeholder('patientId')))
      .orderBy(desc(adverseEvent.occurredAt))
      .limit(100)
      .prepare(),
  )
    .all({ patientId })
    .map((r) => toAdverseEvent(r.event, r.byName));
}

export function adverseEventsForSession(ctx: ServiceContext, sessionId: string): AdverseEventRecord[] {
  return prepared(ctx, 'adverseEvents.forSession', () =>
    withName(ctx)
      .where(eq(adverseEvent.sessionId, sql.placeholder('sessionId')))
      .orderBy(adverseEvent.occurredAt)
      .prepare(),
  )
    .all({ sessionId })
    .map((r) => toAdverseEvent(r.event, r.byName));
}

/** Inserts an event; call inside the caller's transaction, then refresh the caseload row. */
export function insertAdverseEvent(
  ctx: ServiceContext,
  actor: string,
  input: Omit<
    Row,
    'id' | 'closedAt' | 'closedBy' | 'closingNote' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'
  >,
): Row {
  return insertAudited(
    ctx,
    adverseEvent,
    { id: ctx.newId(), ...input, closedAt: null, closedBy: null, closingNote: null },
    { actorId: actor, patientId: input.patientId, entity: 'adverse_event' },
  );
}

export function recordAdverseEvent(
  ctx: ServiceContext,
  input: ParsedInputOf<'adverseEvents.record'>,
): AdverseEventRecord {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    if (!ctx.db.select({ id: patient.id }).from(patient).where(eq(patient.id, input.patientId)).get())
      throw notFound('That patient');
    // Five minutes' grace for a clock read at the bedside; later than that is a typing error.
    if (Date.parse(input.occurredAt) > ctx.now().getTime() + 5 * 60_000) {
      throw fieldError('occurredAt', 'The time it happened cannot be in the future');
    }
    if (input.sessionId) {
      const s = ctx.db
        .select({ patientId: session.patientId })
        .from(session)
        .where(eq(session.id, input.sessionId))
        .get();
      if (!s || s.patientId !== input.patientId) throw notFound('That session');
    }
    const row = insertAdverseEvent(ctx, actor, {
      patientId: input.patientId,
      sessionId: input.sessionId ?? null,
      type: input.type,
      redFlag: input.type === 'red_flag',
      redFlagId: null,
      severity: input.severity,
      occurredAt: new Date(input.occurredAt).toISOString(),
      description: input.description,
      actionTaken: input.actionTaken,
      outcome: input.outcome,
      followUpNeeded: input.followUpNeeded,
    });
    refreshCaseloadSummary(ctx, input.patientId);
    return toAdverseEvent(row, null);
  })();
}

/** The clinician's grade and what was done, for an open event (one opened from a red flag has neither). */
export function gradeAdverseEvent(
  ctx: ServiceContext,
  input: ParsedInputOf<'adverseEvents.grade'>,
): AdverseEventRecord {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const before = ctx.db.select().from(adverseEvent).where(eq(adverseEvent.id, input.adverseEventId)).get();
    if (!before) throw notFound('That adverse event');
    if (before.closedAt) throw new ApiError('conflict', 'This event is closed: its grade can no longer change.');
    const after = updateAudited(
      ctx,
      adverseEvent,
      before,
      { severity: input.severity, actionTaken: input.actionTaken },
      { actorId: actor, patientId: before.patientId, entity: 'adverse_event' },
    );
    refreshCaseloadSummary(ctx, before.patientId);
    return toAdverseEvent(after, null);
  })();
}

export function closeAdverseEvent(
  ctx: ServiceContext,
  input: ParsedInputOf<'adverseEvents.close'>,
): AdverseEventRecord {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const before = ctx.db.select().from(adverseEvent).where(eq(adverseEvent.id, input.adverseEventId)).get();
    if (!before) throw notFound('That adverse event');
    if (before.closedAt) throw new ApiError('conflict', 'This event is already closed.');
    const severity = input.severity ?? before.severity;
    if (severity === null) throw fieldError('severity', 'Choose the grade (1–5) before closing this event');
    const actionTaken = input.actionTaken ?? before.actionTaken;
    if (!actionTaken) throw fieldError('actionTaken', 'Write what was done before closing this event');
    const at = ctx.now().toISOString();
    const after = updateAudited(
      ctx,
      adverseEvent,
      before,
      { severity, actionTaken, outcome: input.outcome, closingNote: input.closingNote, closedAt: at, closedBy: actor },
      { actorId: actor, patientId: before.patientId, entity: 'adverse_event', action: 'status', at },
    );
    refreshCaseloadSummary(ctx, before.patientId);
    return toAdverseEvent(after, null);
  })();
}
