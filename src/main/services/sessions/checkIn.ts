import { and, desc, eq, sql } from 'drizzle-orm';
import { PIN_ATTEMPTS } from '../../../shared/access/passphrase';
import { esasCompletedByLabels, type EsasCompletedBy } from '../../../shared/clinical/measures';
import {
  esasAnswered,
  esasComponentsFrom,
  findRedFlag,
  flagsAwaitingReview,
  patientRedFlagQuestions,
  reportedRedFlags,
  screenPrefill,
  type CheckInAnswers,
  type RedFlagId,
} from '../../../shared/clinical/session';
import type { ParsedInputOf } from '../../../shared/contract';
import {
  CHECK_IN_IDLE,
  type CheckInSettings,
  type FlagReview,
  type PatientReportView,
  type PatientView,
  type ReviewFinding,
} from '../../../shared/contract/checkIn';
import type { AppState } from '../../../shared/contract/setup';
import { todayLocal } from '../../../shared/dates';
import type { OpenCheckIn, ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { assessment, checkIn, checkInReview, clinician, patient, session } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../../errors';
import { passphraseIsRight, pinIsRight, type AccessSession } from '../access';
import { appendAudit, insertAudited, updateAudited } from '../audit';
import { writeResult } from '../assessments/results';
import { refreshCaseloadSummary } from '../caseloadSummary';
import {
  appState,
  CHECK_IN_IDLE_SETTING,
  checkInIdleMinutes,
  patientView,
  requireClinician,
  writeSetting,
} from '../settings';
import { insertAdverseEvent } from './adverseEvents';

/**
 * Patient check-in (issue 23): the clinician hands the device to a booked patient; the window
 * shows only that patient's questions until the clinician takes it back with their PIN or
 * passphrase. The check-in row records who started it and what became of it; the answers of a
 * completed one reach the session's pre-session screen as patient-reported, and its ESAS-r is a
 * `patient_reported` assessment so Progress charts it.
 */

type CheckInRow = typeof checkIn.$inferSelect;

/** A little slack over the patient view's own timer, which reports touches at most every 20 s. */
const IDLE_GRACE_MS = 30_000;

export function checkInSettings(ctx: ServiceContext): CheckInSettings {
  return { idleMinutes: checkInIdleMinutes(ctx), defaultMinutes: CHECK_IN_IDLE.defaultMinutes };
}

export function setCheckInIdleMinutes(
  ctx: ServiceContext,
  input: ParsedInputOf<'checkIn.setIdleMinutes'>,
): CheckInSettings {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, CHECK_IN_IDLE_SETTING, input.minutes, actor))();
  return checkInSettings(ctx);
}

function rowOf(ctx: ServiceContext, id: string): CheckInRow {
  const row = ctx.db.select().from(checkIn).where(eq(checkIn.id, id)).get();
  if (!row) throw notFound('That check-in');
  return row;
}

function requireOpen(ctx: ServiceContext, checkInId?: string): OpenCheckIn {
  const open = ctx.checkInDesk.open;
  if (!open || (checkInId !== undefined && open.id !== checkInId)) {
    throw new ApiError('conflict', 'This check-in has ended. Please hand the device back to staff.');
  }
  return open;
}

function currentView(ctx: ServiceContext): PatientView {
  return patientView(ctx)!;
}

/** A check-in left open when Pacewise last closed (a crash, a power cut): it ended then, unfinished. */
function closeLeftOpen(ctx: ServiceContext): void {
  const left = ctx.db.select().from(checkIn).where(eq(checkIn.status, 'started')).all();
  for (const row of left) {
    updateAudited(
      ctx,
      checkIn,
      row,
      { status: 'abandoned', abandonedAt: ctx.now().toISOString(), abandonReason: 'closed' },
      {
        actorId: row.startedBy,
        patientId: row.patientId,
        entity: 'check_in',
        reason: 'Check-in abandoned: Pacewise closed before it ended; no answers were kept',
      },
    );
  }
}

/**
 * Turns the window into the patient's view for one booking of today whose screen is not yet
 * recorded. Returns the app state, which now carries the patient view and nothing of the caseload.
 */
export function startCheckIn(ctx: ServiceContext, input: ParsedInputOf<'checkIn.start'>): AppState {
  const actor = requireClinician(ctx);
  if (ctx.checkInDesk.open) {
    throw new ApiError('conflict', 'A check-in is already open on this device. Take the device back first.');
  }
  const opened = ctx.sqlite.transaction(() => {
    const row = ctx.db.select().from(session).where(eq(session.id, input.sessionId)).get();
    if (!row) throw notFound('That session');
    if (row.signedAt) throw new ApiError('locked', 'This session is signed: there is nothing left to check in for.');
    if (row.decision) {
      throw new ApiError(
        'conflict',
        'The pre-session screen is already recorded for this session: check-in comes before the screen.',
      );
    }
    if (row.attendance === 'cancelled' || row.attendance === 'did_not_attend') {
      throw new ApiError('conflict', 'This booking is cancelled or marked did not attend.');
    }
    if (row.date !== todayLocal(ctx.now())) {
      throw new ApiError('conflict', 'Check-in is for today’s bookings only.');
    }
    const who = ctx.db
      .select({ given: patient.givenName, preferred: patient.preferredName })
      .from(patient)
      .where(eq(patient.id, row.patientId))
      .get()!;
    closeLeftOpen(ctx);
    const at = ctx.now().toISOString();
    const started = insertAudited(
      ctx,
      checkIn,
      {
        sessionId: row.id,
        patientId: row.patientId,
        startedAt: at,
        startedBy: actor,
        status: 'started',
        completedAt: null,
        completedBy: null,
        answersJson: null,
        assessmentId: null,
        abandonedAt: null,
        abandonReason: null,
        handedBackAt: null,
        handedBackHow: null,
      },
      {
        actorId: actor,
        patientId: row.patientId,
        entity: 'check_in',
        at,
        reason: 'Check-in started: the device was handed to the patient',
      },
    );
    return {
      id: started.id,
      sessionId: row.id,
      patientId: row.patientId,
      preferredName: who.preferred ?? who.given,
      startedBy: actor,
      phase: 'answering' as const,
      lastSeenAt: ctx.now().getTime(),
      sawLock: false,
      failedHandBacks: 0,
    };
  })();
  ctx.checkInDesk.open = opened;
  ctx.host?.patientView?.(true);
  return appState(ctx);
}

function idleTooLong(ctx: ServiceContext, open: OpenCheckIn): boolean {
  return ctx.now().getTime() - open.lastSeenAt > checkInIdleMinutes(ctx) * 60_000 + IDLE_GRACE_MS;
}

type AbandonReason = 'idle' | 'locked' | 'staff' | 'switched';
const abandonReasons: Record<AbandonReason, (minutes: number) => string> = {
  idle: (m) => `no answer for ${m} minute${m === 1 ? '' : 's'} (clinic policy)`,
  locked: () => 'Pacewise locked',
  staff: () => 'staff took the device back before the patient finished',
  switched: () => 'the clinician who started it signed out',
};

/** One audited change of the open check-in's row, in the name of the clinician who started it. */
function updateOpen(
  ctx: ServiceContext,
  open: OpenCheckIn,
  changes: Partial<typeof checkIn.$inferInsert>,
  reason: string,
): void {
  const row = rowOf(ctx, open.id);
  ctx.sqlite.transaction(() =>
    updateAudited(ctx, checkIn, row, changes, {
      actorId: open.startedBy,
      patientId: open.patientId,
      entity: 'check_in',
      reason,
    }),
  )();
}

/** Unfinished answers are discarded (they were never sent here) and the check-in is recorded as abandoned. */
function abandon(ctx: ServiceContext, open: OpenCheckIn, reason: AbandonReason): void {
  if (open.phase !== 'answering') return;
  updateOpen(
    ctx,
    open,
    { status: 'abandoned', abandonedAt: ctx.now().toISOString(), abandonReason: reason },
    `Check-in abandoned: ${abandonReasons[reason](checkInIdleMinutes(ctx))}; unfinished answers discarded`,
  );
  open.phase = 'finished';
}

type HandBackHow = 'pin' | 'passphrase' | 'unlock' | 'switched';
const handBackWords: Record<HandBackHow, string> = {
  pin: 'with the clinician’s PIN',
  passphrase: 'with the clinician’s passphrase',
  unlock: 'when the clinician unlocked Pacewise',
  switched: 'when the clinician who started it signed out',
};

function close(ctx: ServiceContext, open: OpenCheckIn, how: HandBackHow): void {
  updateOpen(
    ctx,
    open,
    { handedBackAt: ctx.now().toISOString(), handedBackHow: how },
    `Device handed back to staff ${handBackWords[how]}`,
  );
  ctx.checkInDesk.open = null;
  ctx.host?.patientView?.(false);
}

/** The patient view reports a touch; after the idle time the main process discards the check-in itself. */
export function stillHere(ctx: ServiceContext): PatientView {
  const open = requireOpen(ctx);
  if (open.phase === 'answering') {
    if (idleTooLong(ctx, open)) abandon(ctx, open, 'idle');
    else open.lastSeenAt = ctx.now().getTime();
  }
  return currentView(ctx);
}

export function abandonCheckIn(ctx: ServiceContext, input: ParsedInputOf<'checkIn.abandon'>): PatientView {
  abandon(ctx, requireOpen(ctx, input.checkInId), input.reason);
  return currentView(ctx);
}

/**
 * The patient's answers, kept exactly as given. The ESAS-r (if any item was rated) is stored as a
 * `patient_reported` assessment, finalised as it arrives: it is the patient's own report and is
 * never edited; the clinician confirms or corrects the screen's fields instead.
 */
export function submitCheckIn(ctx: ServiceContext, input: ParsedInputOf<'checkIn.submit'>): PatientView {
  const open = requireOpen(ctx, input.checkInId);
  if (open.phase !== 'answering') {
    throw new ApiError('conflict', 'These answers were already sent, or the check-in timed out.');
  }
  if (idleTooLong(ctx, open)) {
    abandon(ctx, open, 'idle');
    throw new ApiError('conflict', 'The check-in timed out and the answers were not kept. Please ask staff.');
  }
  const answers: CheckInAnswers = input.answers;
  const at = ctx.now().toISOString();
  ctx.sqlite.transaction(() => {
    const row = rowOf(ctx, open.id);
    let assessmentId: string | null = null;
    if (esasAnswered(answers) > 0) {
      const esas = insertAudited(
        ctx,
        assessment,
        {
          patientId: open.patientId,
          kind: 'patient_reported',
          assessedOn: todayLocal(ctx.now()),
          clinicianId: open.startedBy,
          notes: `ESAS-r from the patient check-in, completed by: ${esasCompletedByLabels[answers.completedBy].toLowerCase()}`,
          heightCm: null,
          weightKg: null,
          plannedMeasuresJson: JSON.stringify(['esas_r']),
          amendsId: null,
          amendmentReason: null,
          finalisedAt: at,
          finalisedBy: open.startedBy,
          discardedAt: null,
          discardedBy: null,
          discardReason: null,
        },
        {
          actorId: open.startedBy,
          patientId: open.patientId,
          entity: 'assessment',
          at,
          reason: 'ESAS-r reported by the patient at check-in',
        },
      );
      writeResult(ctx, esas, 'esas_r', esasComponentsFrom(answers), open.startedBy, true);
      assessmentId = esas.id;
    }
    updateAudited(
      ctx,
      checkIn,
      row,
      {
        status: 'completed',
        completedAt: at,
        completedBy: answers.completedBy,
        answersJson: JSON.stringify(answers),
        assessmentId,
      },
      {
        actorId: open.startedBy,
        patientId: open.patientId,
        entity: 'check_in',
        at,
        reason: `Check-in completed (filled in by: ${esasCompletedByLabels[answers.completedBy].toLowerCase()})`,
      },
    );
  })();
  open.phase = 'finished';
  return currentView(ctx);
}

/** The clinician takes the device back: their PIN (until 5 wrong) or their passphrase. */
export async function handBack(ctx: ServiceContext, input: ParsedInputOf<'checkIn.handBack'>): Promise<AppState> {
  const open = requireOpen(ctx);
  const byPin = 'pin' in input;
  if (byPin && !currentView(ctx).pinAllowed) {
    const message =
      open.failedHandBacks >= PIN_ATTEMPTS
        ? `${PIN_ATTEMPTS} wrong PINs: enter your passphrase instead`
        : 'No PIN is set for this clinician: enter the passphrase';
    throw new ApiError('validation', message, { pin: message });
  }
  const right = byPin
    ? await pinIsRight(ctx, open.startedBy, input.pin)
    : await passphraseIsRight(ctx, open.startedBy, input.passphrase);
  if (!right) {
    open.failedHandBacks += 1;
    ctx.sqlite.transaction(() =>
      appendAudit(ctx.db, ctx, {
        actorId: null,
        patientId: open.patientId,
        entity: 'check_in',
        entityId: open.id,
        action: 'access',
        reason: `Leaving the patient view refused: wrong ${byPin ? 'PIN' : 'passphrase'} (attempt ${open.failedHandBacks})`,
      }),
    )();
    const field = byPin ? 'pin' : 'passphrase';
    const left = PIN_ATTEMPTS - open.failedHandBacks;
    const message = !byPin
      ? 'That passphrase is not right'
      : left > 0
        ? `That PIN is not right (${left} ${left === 1 ? 'try' : 'tries'} left)`
        : `That PIN is not right. After ${PIN_ATTEMPTS} wrong PINs your passphrase is needed`;
    throw new ApiError('validation', message, { [field]: message });
  }
  abandon(ctx, open, 'staff');
  close(ctx, open, byPin ? 'pin' : 'passphrase');
  return appState(ctx);
}

/**
 * Keeps the open check-in in step with who holds the computer, before the launcher answers
 * anything: the app locked (unfinished answers go; the clinician's unlock then takes the device
 * back), the clinician signed out or switched (the check-in ends), or the idle time passed with no
 * word from the patient view. Returns true when it changed anything.
 */
export function settleCheckIn(ctx: ServiceContext, access: AccessSession): boolean {
  const open = ctx.checkInDesk.open;
  if (!open) return false;
  if (access.clinicianId !== open.startedBy) {
    abandon(ctx, open, 'switched');
    close(ctx, open, 'switched');
    return true;
  }
  if (access.locked) {
    const before = open.phase;
    abandon(ctx, open, 'locked');
    const changed = before !== open.phase || !open.sawLock;
    open.sawLock = true;
    return changed;
  }
  if (open.sawLock) {
    close(ctx, open, 'unlock');
    return true;
  }
  if (open.phase === 'answering' && idleTooLong(ctx, open)) {
    abandon(ctx, open, 'idle');
    return true;
  }
  return false;
}

/* ------------------------------------------------------------------ the clinician's side */

function reviewsOf(ctx: ServiceContext, checkInId: string): Map<string, FlagReview> {
  const rows = ctx.db
    .select({ r: checkInReview, byName: clinician.fullName })
    .from(checkInReview)
    .leftJoin(clinician, eq(clinician.id, checkInReview.createdBy))
    .where(eq(checkInReview.checkInId, checkInId))
    .all();
  return new Map(
    rows.map(({ r, byName }) => [
      r.redFlagId,
      {
        finding: r.finding as ReviewFinding,
        note: r.note,
        byName: byName ?? 'Unknown clinician',
        at: r.createdAt,
        adverseEventId: r.adverseEventId,
      },
    ]),
  );
}

function latestCompleted(ctx: ServiceContext, sessionId: string): CheckInRow | undefined {
  return prepared(ctx, 'checkIn.latestCompleted', () =>
    ctx.db
      .select()
      .from(checkIn)
      .where(and(eq(checkIn.sessionId, sql.placeholder('sessionId')), eq(checkIn.status, 'completed')))
      .orderBy(desc(checkIn.completedAt))
      .limit(1)
      .prepare(),
  ).get({ sessionId });
}

/** The session's latest completed check-in as the pre-session screen shows it, or null. */
export function sessionCheckIn(ctx: ServiceContext, sessionId: string): PatientReportView | null {
  const row = latestCompleted(ctx, sessionId);
  if (!row || !row.answersJson || !row.completedAt) return null;
  const answers = JSON.parse(row.answersJson) as CheckInAnswers;
  const reviews = reviewsOf(ctx, row.id);
  const startedByName =
    ctx.db.select({ n: clinician.fullName }).from(clinician).where(eq(clinician.id, row.startedBy)).get()?.n ??
    'Unknown clinician';
  return {
    checkInId: row.id,
    startedByName,
    completedAt: row.completedAt,
    completedBy: row.completedBy as EsasCompletedBy,
    esas: answers.esas,
    esasAnswered: esasAnswered(answers),
    other: answers.other,
    anythingElse: answers.anythingElse,
    prefill: screenPrefill(answers),
    redFlags: patientRedFlagQuestions.map(({ flag, question }) => ({
      id: flag.id,
      label: flag.label,
      question,
      answer: answers.redFlags[flag.id] ?? null,
      review: reviews.get(flag.id) ?? null,
    })),
    awaitingReview: flagsAwaitingReview(answers, reviews.keys()),
  };
}

/**
 * The clinician asked about a flag the patient reported and records what they found. Confirmed,
 * it opens the same incident a red flag ticked at the screen opens (the session stays on Hold until
 * it is closed); not confirmed, the note says why, and the flag no longer holds the screen.
 */
export function reviewPatientFlag(ctx: ServiceContext, input: ParsedInputOf<'checkIn.reviewFlag'>): PatientReportView {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const row = rowOf(ctx, input.checkInId);
    if (row.sessionId !== input.sessionId || row.status !== 'completed' || !row.answersJson) {
      throw notFound('That check-in for this session');
    }
    const sessionRow = ctx.db
      .select({ signedAt: session.signedAt })
      .from(session)
      .where(eq(session.id, row.sessionId))
      .get();
    if (sessionRow?.signedAt) throw new ApiError('locked', 'This session is signed and locked.');
    const answers = JSON.parse(row.answersJson) as CheckInAnswers;
    const flagId = input.redFlagId as RedFlagId;
    if (!reportedRedFlags(answers).includes(flagId)) {
      throw fieldError('redFlagId', 'The patient did not report this red flag at check-in');
    }
    if (reviewsOf(ctx, row.id).has(flagId)) {
      throw new ApiError('conflict', 'This red flag has already been reviewed.');
    }
    const flag = findRedFlag(flagId)!;
    const at = ctx.now().toISOString();
    const event =
      input.finding === 'confirmed'
        ? insertAdverseEvent(ctx, actor, {
            patientId: row.patientId,
            sessionId: row.sessionId,
            type: 'red_flag',
            redFlag: true,
            redFlagId: flagId,
            // Graded by the clinician, as every red-flag incident is; the guideline's actions are a hint.
            severity: null,
            occurredAt: at,
            description: `Red flag reported by the patient at check-in and confirmed: ${flag.label}. Found: ${input.note}`,
            actionTaken: null,
            outcome: null,
            followUpNeeded: true,
          })
        : null;
    insertAudited(
      ctx,
      checkInReview,
      {
        checkInId: row.id,
        sessionId: row.sessionId,
        patientId: row.patientId,
        redFlagId: flagId,
        finding: input.finding,
        note: input.note,
        adverseEventId: event?.id ?? null,
      },
      {
        actorId: actor,
        patientId: row.patientId,
        entity: 'check_in_review',
        at,
        reason:
          input.finding === 'confirmed'
            ? `Patient-reported red flag confirmed on review (${flag.label}): incident opened`
            : `Patient-reported red flag not confirmed on review (${flag.label})`,
      },
    );
    if (event) refreshCaseloadSummary(ctx, row.patientId);
  })();
  return sessionCheckIn(ctx, input.sessionId)!;
}
