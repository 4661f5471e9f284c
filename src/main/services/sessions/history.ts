import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { adherence, type AttendanceRecord } from '../../../shared/clinical/session';
import type { AttendanceValue, PatientSessionsView, SessionHistoryItem } from '../../../shared/contract/sessions';
import type { ScreenDecision } from '../../../shared/clinical/session';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { exerciseEntry, patient, session, sessionAmendment } from '../../db/schema';
import { notFound, fieldError } from '../../errors';
import { todayLocal } from '../../../shared/dates';
import { adverseEventsForPatient } from './adverseEvents';
import { currentPlan } from './plans';

/** A patient's sessions, newest first, from the (patient_id, date) index; never the whole history. */
export function sessionHistory(ctx: ServiceContext, patientId: string, limit = 50): SessionHistoryItem[] {
  return prepared(ctx, 'sessions.history', () =>
    ctx.db
      .select({
        id: session.id,
        date: session.date,
        startTime: session.startTime,
        attendance: session.attendance,
        decision: session.decision,
        signedAt: session.signedAt,
        // Qualified by hand: inside sql`` drizzle writes a column unqualified, and there "id" would be
        // the subquery's own row id (every count was 0). IS NOT also counts a row with no outcome.
        exercises: sql<number>`(select count(*) from ${exerciseEntry} e where e.session_id = ${session}.id and e.outcome is not 'skipped')`,
        amendments: sql<number>`(select count(*) from ${sessionAmendment} a where a.session_id = ${session}.id)`,
      })
      .from(session)
      .where(eq(session.patientId, sql.placeholder('patientId')))
      .orderBy(desc(session.date), desc(session.startTime))
      .limit(sql.placeholder('limit'))
      .prepare(),
  )
    .all({ patientId, limit })
    .map((r) => ({ ...r, attendance: r.attendance as AttendanceValue, decision: r.decision as ScreenDecision | null }));
}

export function patientSessions(
  ctx: ServiceContext,
  input: { patientId: string; from: string; to: string },
): PatientSessionsView {
  if (input.to < input.from) throw fieldError('to', 'The end of the period must not be before its start');
  if (!ctx.db.select({ id: patient.id }).from(patient).where(eq(patient.id, input.patientId)).get())
    throw notFound('That patient');
  const rows = ctx.db
    .select({ date: session.date, attendance: session.attendance, signedAt: session.signedAt })
    .from(session)
    .where(and(eq(session.patientId, input.patientId), gte(session.date, input.from), lte(session.date, input.to)))
    .all();
  // Attended means the person exercised and the record says so: a session screened Go but never
  // signed is not counted yet, and nor is a past booking with no attendance recorded. Both are
  // reported as not recorded, so the rate is never inflated by a missing record.
  const today = todayLocal(ctx.now());
  const pendingRecord = (r: (typeof rows)[number]) =>
    r.attendance === 'booked' || (r.attendance === 'attended' && r.signedAt === null);
  const records = rows.filter((r) => !pendingRecord(r)) as AttendanceRecord[];
  const notRecorded = rows.filter((r) => pendingRecord(r) && r.date < today).length;
  const plan = currentPlan(ctx, input.patientId);
  return {
    patientId: input.patientId,
    history: sessionHistory(ctx, input.patientId),
    adherence: {
      ...adherence(records, input.from, input.to, plan?.sessionsPerWeek),
      notRecorded,
      from: input.from,
      to: input.to,
    },
    adverseEvents: adverseEventsForPatient(ctx, input.patientId),
  };
}
