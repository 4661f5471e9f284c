import { and, asc, eq, sql } from 'drizzle-orm';
import { guidanceReplyWait } from '../../../shared/clinical/letters/model';
import { replyWaitDays } from '../letters/settings';
import type { ParsedInputOf } from '../../../shared/contract';
import type { AttendanceValue, GroupClass, TodayBooking, TodayView } from '../../../shared/contract/sessions';
import type { ScreenDecision } from '../../../shared/clinical/session';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { caseloadSummary, checkIn, groupClass, patient, session } from '../../db/schema';
import { ApiError, notFound } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
import { reassessmentDisplay } from '../intake/caseload';
import { requireClinician } from '../settings';

const bookingColumns = {
  sessionId: session.id,
  patientId: session.patientId,
  givenName: patient.givenName,
  familyName: patient.familyName,
  preferredName: patient.preferredName,
  mrn: patient.mrn,
  startTime: session.startTime,
  classId: session.classId,
  className: groupClass.name,
  attendance: session.attendance,
  decision: session.decision,
  signedAt: session.signedAt,
  draftSavedAt: session.draftSavedAt,
  checkedInAt: sql<
    string | null
  >`(select max(${checkIn.completedAt}) from ${checkIn} where ${checkIn.sessionId} = ${session.id} and ${checkIn.status} = 'completed')`,
  clearanceState: caseloadSummary.clearanceState,
  clearanceReviewBy: caseloadSummary.clearanceReviewBy,
  hasBoneMets: caseloadSummary.hasBoneMets,
  skeletalRiskLevel: caseloadSummary.skeletalRiskLevel,
  treatmentFrom: caseloadSummary.treatmentFrom,
  treatmentTo: caseloadSummary.treatmentTo,
  openAdverseEvents: caseloadSummary.openAdverseEvents,
  openRedFlags: caseloadSummary.openRedFlags,
  ungradedAdverseEvents: caseloadSummary.ungradedAdverseEvents,
  reassessmentDueOn: caseloadSummary.reassessmentDueOn,
  guidanceAwaitingSince: caseloadSummary.guidanceAwaitingSince,
};

type BookingRow = {
  sessionId: string;
  patientId: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  mrn: string;
  startTime: string;
  classId: string | null;
  className: string | null;
  attendance: string;
  decision: string | null;
  signedAt: string | null;
  draftSavedAt: string | null;
  checkedInAt: string | null;
  clearanceState: string | null;
  clearanceReviewBy: string | null;
  hasBoneMets: boolean | null;
  skeletalRiskLevel: string | null;
  treatmentFrom: string | null;
  treatmentTo: string | null;
  openAdverseEvents: number | null;
  openRedFlags: number | null;
  ungradedAdverseEvents: number | null;
  reassessmentDueOn: string | null;
  guidanceAwaitingSince: string | null;
};

export function displayName(p: { givenName: string; familyName: string; preferredName: string | null }): string {
  return `${p.preferredName ?? p.givenName} ${p.familyName}`;
}

function toBooking(row: BookingRow, date: string, waitDays: number): TodayBooking {
  return {
    sessionId: row.sessionId,
    patientId: row.patientId,
    patientName: displayName(row),
    mrn: row.mrn,
    startTime: row.startTime,
    classId: row.classId,
    className: row.className,
    attendance: row.attendance as AttendanceValue,
    decision: row.decision as ScreenDecision | null,
    signed: row.signedAt !== null,
    hasDraft: row.draftSavedAt !== null && row.signedAt === null,
    checkedInAt: row.checkedInAt,
    badges: {
      clearanceState: row.clearanceState ?? 'missing',
      clearanceReviewBy: row.clearanceReviewBy,
      hasBoneMets: row.hasBoneMets ?? false,
      skeletalRiskLevel: row.skeletalRiskLevel ?? 'none',
      onTreatment:
        row.treatmentFrom !== null &&
        row.treatmentFrom <= date &&
        (row.treatmentTo === null || row.treatmentTo >= date),
      openAdverseEvents: row.openAdverseEvents ?? 0,
      openRedFlags: row.openRedFlags ?? 0,
      ungradedAdverseEvents: row.ungradedAdverseEvents ?? 0,
      // Issue 5 §5: the same due/overdue rule and wording as the caseload (intake's reassessmentDisplay).
      reassessment: reassessmentDisplay(row.reassessmentDueOn, date),
      guidanceReply: guidanceReplyWait(row.guidanceAwaitingSince, date, waitDays),
    },
  };
}

function bookingsQuery(ctx: ServiceContext) {
  return ctx.db
    .select(bookingColumns)
    .from(session)
    .innerJoin(patient, eq(patient.id, session.patientId))
    .leftJoin(caseloadSummary, eq(caseloadSummary.patientId, session.patientId))
    .leftJoin(groupClass, eq(groupClass.id, session.classId));
}

/** Today's bookings: one index range on session(date, start_time), then primary-key lookups. */
export function todayList(ctx: ServiceContext, date: string): TodayView {
  const rows = prepared(ctx, 'today.bookings', () =>
    bookingsQuery(ctx)
      .where(eq(session.date, sql.placeholder('date')))
      // At each start time in the order booked (ULIDs sort by creation), so a class lists its patients as booked.
      .orderBy(asc(session.startTime), asc(session.id))
      .prepare(),
  ).all({ date }) as BookingRow[];
  const classes = prepared(ctx, 'today.classes', () =>
    ctx.db
      .select({ id: groupClass.id, name: groupClass.name, startTime: groupClass.startTime })
      .from(groupClass)
      .where(eq(groupClass.date, sql.placeholder('date')))
      .orderBy(asc(groupClass.startTime))
      .prepare(),
  ).all({ date });
  const waitDays = replyWaitDays(ctx);
  const bookings = rows.map((r) => toBooking(r, date, waitDays));
  return {
    date,
    bookings,
    classes: classes.map((c) => ({ ...c, patients: bookings.filter((b) => b.classId === c.id).length })),
  };
}

export function bookingById(ctx: ServiceContext, sessionId: string): TodayBooking {
  const row = bookingsQuery(ctx).where(eq(session.id, sessionId)).get() as BookingRow | undefined;
  if (!row) throw notFound('That booking');
  const date = ctx.db.select({ date: session.date }).from(session).where(eq(session.id, sessionId)).get()!.date;
  return toBooking(row, date, replyWaitDays(ctx));
}

function insertBooking(
  ctx: ServiceContext,
  actor: string,
  input: { patientId: string; date: string; startTime: string; classId: string | null },
): string {
  const who = ctx.db
    .select({ id: patient.id, status: patient.status })
    .from(patient)
    .where(eq(patient.id, input.patientId))
    .get();
  if (!who) throw notFound('That patient');
  if (who.status === 'discharged' || who.status === 'deceased') {
    throw new ApiError(
      'conflict',
      'This patient is no longer under the clinic’s care: re-open the referral before booking.',
    );
  }
  const clash = ctx.db
    .select({ id: session.id })
    .from(session)
    .where(
      and(eq(session.patientId, input.patientId), eq(session.date, input.date), eq(session.startTime, input.startTime)),
    )
    .get();
  if (clash)
    throw new ApiError('conflict', 'This patient is already booked at that time.', {
      startTime: 'Already booked at this time',
    });
  const row = insertAudited(
    ctx,
    session,
    {
      id: ctx.newId(),
      patientId: input.patientId,
      date: input.date,
      startTime: input.startTime,
      classId: input.classId,
      attendance: 'booked',
    },
    { actorId: actor, patientId: input.patientId, entity: 'session' },
  );
  return row.id;
}

export function createBooking(ctx: ServiceContext, input: ParsedInputOf<'bookings.create'>): TodayBooking {
  const actor = requireClinician(ctx);
  const id = ctx.sqlite.transaction(() => {
    let startTime = input.startTime;
    if (input.classId) {
      const cls = ctx.db.select().from(groupClass).where(eq(groupClass.id, input.classId)).get();
      if (!cls) throw notFound('That class');
      if (cls.date !== input.date)
        throw new ApiError('validation', 'The class is on another day.', { date: 'The class is on another day' });
      startTime = cls.startTime;
    }
    return insertBooking(ctx, actor, { ...input, startTime, classId: input.classId ?? null });
  })();
  return bookingById(ctx, id);
}

export function setAttendance(ctx: ServiceContext, input: ParsedInputOf<'bookings.setAttendance'>): TodayBooking {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const before = ctx.db.select().from(session).where(eq(session.id, input.sessionId)).get();
    if (!before) throw notFound('That booking');
    if (before.signedAt || before.screenJson) {
      throw new ApiError(
        'locked',
        'This session has already been screened; record what happened in the session itself.',
      );
    }
    updateAudited(
      ctx,
      session,
      before,
      { attendance: input.attendance, attendanceReason: input.reason },
      {
        actorId: actor,
        patientId: before.patientId,
        entity: 'session',
        action: 'status',
        before: { attendance: before.attendance },
        after: () => ({ attendance: input.attendance }),
        reason: input.reason,
      },
    );
  })();
  return bookingById(ctx, input.sessionId);
}

export function createClass(ctx: ServiceContext, input: ParsedInputOf<'classes.create'>): GroupClass {
  const actor = requireClinician(ctx);
  const id = ctx.sqlite.transaction(() => {
    const row = insertAudited(
      ctx,
      groupClass,
      { id: ctx.newId(), name: input.name, date: input.date, startTime: input.startTime },
      { actorId: actor, patientId: null, entity: 'group_class' },
    );
    for (const patientId of new Set(input.patientIds)) {
      insertBooking(ctx, actor, { patientId, date: input.date, startTime: input.startTime, classId: row.id });
    }
    return row.id;
  })();
  return getClass(ctx, id);
}

export function getClass(ctx: ServiceContext, classId: string): GroupClass {
  const cls = ctx.db.select().from(groupClass).where(eq(groupClass.id, classId)).get();
  if (!cls) throw notFound('That class');
  // In the order they were booked: session ids are ULIDs from a monotonic factory, so they sort by creation.
  const members = ctx.db
    .select({ id: session.id })
    .from(session)
    .where(eq(session.classId, classId))
    .orderBy(asc(session.id))
    .all();
  return { id: cls.id, name: cls.name, date: cls.date, startTime: cls.startTime, sessionIds: members.map((m) => m.id) };
}
