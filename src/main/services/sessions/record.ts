import type { ClearanceLimits } from '../../../shared/clinical/intake/clearance';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  conflictsFor,
  decisionLabels,
  entryLimitProblems,
  entrySpo2Problem,
  evaluateScreen,
  findRedFlag,
  heartRateTargetAllowed,
  screenCompleteness,
  screenContextFor,
  screenInputFrom,
  spinalPainRedFlags,
  storedThresholds,
  type BoneConflict,
  type BoneRestriction,
  type FiredRule,
  type RedFlag,
  type ScreenContext,
  type ScreenDecision,
  type ScreenResult,
  type ScreenThresholds,
  type ThresholdEntry,
  unreviewedPrefills,
} from '../../../shared/clinical/session';
import type { PatientReportView } from '../../../shared/contract/checkIn';
import type { ParsedInputOf } from '../../../shared/contract';
import type {
  AttendanceValue,
  Exercise,
  ScreenOutcome,
  ScreenValues,
  SessionAfter,
  SessionAmendmentRecord,
  SessionEntry,
  SessionView,
} from '../../../shared/contract/sessions';
import { formatClinicDate, todayLocal } from '../../../shared/dates';
import type { PatientSafetyContext } from '../../../shared/domain/safetyContext';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import {
  adverseEvent,
  clinician,
  exercise,
  exerciseEntry,
  groupClass,
  patient,
  session,
  sessionAmendment,
} from '../../db/schema';
import { ApiError, fieldError, notFound } from '../../errors';
import { appendAudit, insertAudited, updateAudited } from '../audit';
import { refreshCaseloadSummary } from '../caseloadSummary';
import { requireClinician } from '../settings';
import { adverseEventsForSession, insertAdverseEvent } from './adverseEvents';
import { sessionCheckIn } from './checkIn';
import { restrictionsFor } from './movementClearance';
import { exercisesById } from './exercises';
import { currentPlan } from './plans';
import { clinicThresholds, safetyContextFor } from './safety';
import { displayName } from './today';

type SessionRow = typeof session.$inferSelect;
type EntryInput = ParsedInputOf<'sessions.sign'>['entries'][number];

function sessionRow(ctx: ServiceContext, sessionId: string): SessionRow {
  const row = prepared(ctx, 'sessions.row', () =>
    ctx.db
      .select()
      .from(session)
      .where(eq(session.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id: sessionId });
  if (!row) throw notFound('That session');
  return row;
}

function clinicianName(ctx: ServiceContext, id: string | null): string | null {
  if (!id) return null;
  return ctx.db.select({ n: clinician.fullName }).from(clinician).where(eq(clinician.id, id)).get()?.n ?? null;
}

function assertNotSigned(ctx: ServiceContext, row: SessionRow): void {
  if (row.signedAt) {
    const by = clinicianName(ctx, row.signedBy) ?? 'a clinician';
    const when = new Date(row.signedAt);
    throw new ApiError(
      'locked',
      `This session was signed by ${by} on ${formatClinicDate(todayLocal(when))} at ${when.toTimeString().slice(0, 5)} and is locked. ` +
        'To correct it, add an amendment with a reason; the signed record stays as it was.',
    );
  }
}

interface Evaluated {
  safety: PatientSafetyContext;
  context: ScreenContext;
  thresholds: ScreenThresholds;
  result: ScreenResult;
  /** The screen as recorded: the red flags raised by the spinal-pain answers are ticked in it. */
  values: ScreenValues;
  reported: PatientReportView | null;
}

function evaluate(ctx: ServiceContext, row: SessionRow, typed: ScreenValues): Evaluated {
  if (typed.bloodsDate !== null && typed.bloodsDate > row.date) {
    throw fieldError(
      'screen.bloodsDate',
      `The date of the blood results cannot be after the session (${formatClinicDate(row.date)})`,
    );
  }
  const safety = safetyContextFor(ctx, row.patientId, row.date);
  const thresholds = clinicThresholds(ctx);
  const context = screenContextFor(safety, row.classId !== null);
  const raised = spinalPainRedFlags(typed.spinalPain, context.hasSpinalLesion);
  const values = { ...typed, redFlags: [...new Set([...typed.redFlags, ...raised])] };
  const reported = sessionCheckIn(ctx, row.id);
  const result = evaluateScreen(
    { ...screenInputFrom(values), patientFlagsToReview: reported?.awaitingReview ?? [] },
    context,
    thresholds,
  );
  return { safety, context, thresholds, result, values, reported };
}

/**
 * The symptoms a check-in prefilled must each be confirmed or corrected by the clinician before the
 * screen goes ahead: a number the patient gave is not taken as the clinician's without a look. A
 * Hold never waits for it (the stored screen then shows which answers nobody reviewed).
 */
function enforcePrefillReviewed(
  values: ScreenValues,
  reported: PatientReportView | null,
  decision: ScreenResult['decision'],
): void {
  if (!reported || decision === 'hold') return;
  if (values.checkIn && values.checkIn.checkInId !== reported.checkInId) {
    throw fieldError(
      'screen.checkIn',
      'The patient completed a newer check-in: reload the session to see its answers before recording the screen',
    );
  }
  const confirmed = values.checkIn?.confirmed ?? [];
  const problems = unreviewedPrefills(reported.prefill, values, confirmed);
  if (problems.length === 0) return;
  const fields = Object.fromEntries(problems.map((p) => [`screen.${p.field}`, p.message]));
  throw new ApiError('validation', problems.map((p) => `${p.message}.`).join(' '), fields);
}

/** Clearance is enforced in main whatever the screen showed: a block stands, an override needs its reason. */
function enforceClearance(
  safety: PatientSafetyContext,
  decision: string,
  overrideReason: string | null,
  groupSession: boolean,
): void {
  if (decision === 'hold') return;
  const { verdict, reasons } = safety.mayStart;
  if (verdict === 'blocked') {
    throw new ApiError('forbidden', `This session cannot start: ${reasons.join(' ')}`);
  }
  if (groupSession && safety.clearance.limits.noGroupSessions && !overrideReason) {
    throw fieldError(
      'clearanceOverrideReason',
      'The doctor’s clearance says no group sessions: record why this patient joins a group session today',
    );
  }
  if (verdict === 'override_required' && !overrideReason) {
    throw fieldError(
      'clearanceOverrideReason',
      `Record why this session goes ahead without valid clearance (${reasons.join(' ')})`,
    );
  }
}

/**
 * A red flag reported at this session's screen holds it until its incident is closed with an outcome
 * (reviewed and cleared, or ticked in error): unticking the box alone cannot turn the screen to Go.
 */
/** A signed session is the record: its incidents must carry the clinician's grade by then. */
function enforceGraded(ctx: ServiceContext, row: SessionRow): void {
  const ungraded = prepared(ctx, 'sessions.ungradedEvents', () =>
    ctx.db
      .select({ d: adverseEvent.description })
      .from(adverseEvent)
      .where(and(eq(adverseEvent.sessionId, sql.placeholder('id')), isNull(adverseEvent.severity)))
      .prepare(),
  ).all({ id: row.id });
  if (ungraded.length === 0) return;
  throw fieldError(
    'adverseEvents',
    `Grade the incident before signing (${ungraded.map((e) => e.d ?? 'incident').join('; ')}): choose its grade and write what was done, under the recorded screen.`,
  );
}

/**
 * What is signed is the decision the clinician recorded and acted on: a screen changed on the form
 * since (a corrected SpO₂, a red flag unticked) must be recorded again, so its new decision is seen
 * before the session is locked.
 */
function enforceAsRecorded(row: SessionRow, decision: ScreenDecision): void {
  const recorded = row.decision as ScreenDecision | null;
  if (recorded === null || recorded === decision) return;
  throw fieldError(
    'screen',
    `The screen was recorded as ${decisionLabels[recorded]} but now reads ${decisionLabels[decision]}: record the screen again, then sign`,
  );
}

function enforceRedFlagsClosed(ctx: ServiceContext, row: SessionRow, decision: ScreenResult['decision']): void {
  if (decision === 'hold') return;
  const open = prepared(ctx, 'sessions.openRedFlags', () =>
    ctx.db
      .select({ d: adverseEvent.description, flagId: adverseEvent.redFlagId })
      .from(adverseEvent)
      .where(
        and(
          eq(adverseEvent.sessionId, sql.placeholder('id')),
          eq(adverseEvent.redFlag, true),
          isNull(adverseEvent.closedAt),
        ),
      )
      .prepare(),
  ).all({ id: row.id });
  if (open.length === 0) return;
  const flags = open
    .map(
      (e) => findRedFlag(e.flagId ?? '')?.label ?? (e.d ?? 'red flag').replace('Red flag at pre-session screen: ', ''),
    )
    .join('; ');
  throw fieldError(
    'screen.redFlags',
    `A red flag was reported at this screen (${flags}): the session stays on Hold until that incident is closed with its outcome, under Sessions and adherence → Adverse events.`,
  );
}

/**
 * Go or Go with modifications needs the core resting vitals, each measured or recorded as not taken
 * with a reason (shared rule: screenCompleteness). A Hold never waits for a vital.
 */
function enforceComplete({ values, context, result }: Evaluated): void {
  const { complete, missing } = screenCompleteness(values, values.notTaken, result.decision, {
    temperatureRequired: context.chemotherapyActive,
    spinalPain: values.spinalPain,
  });
  if (complete) return;
  const fields = Object.fromEntries(missing.map((m) => [`screen.${m.field}`, m.message]));
  throw new ApiError('validation', missing.map((m) => `${m.message}.`).join(' '), fields);
}

/** Writes the screen onto the session and opens one incident per red flag not yet recorded. */
function writeScreen(
  ctx: ServiceContext,
  actor: string,
  row: SessionRow,
  values: ScreenValues,
  overrideReason: string | null,
  evaluated: Evaluated,
  auditScreen = true,
): {
  adverseEventIds: string[];
  redFlags: RedFlag[];
  attendance: AttendanceValue;
  attendanceReason: string | null;
} {
  const { result, thresholds } = evaluated;
  const at = ctx.now().toISOString();
  const attendance: AttendanceValue = result.decision === 'hold' ? 'held_for_safety' : 'attended';
  const changes = {
    screenJson: JSON.stringify(values),
    decision: result.decision,
    firedRulesJson: JSON.stringify(result.firedRules),
    thresholdsJson: JSON.stringify(thresholds),
    clearanceOverrideReason: overrideReason,
    attendance,
    attendanceReason:
      result.decision === 'hold'
        ? result.firedRules
            .filter((r) => r.effect === 'hold')
            .map((r) => r.label)
            .join('; ')
        : null,
  };
  updateAudited(ctx, session, row, changes, {
    actorId: actor,
    patientId: row.patientId,
    entity: 'session',
    prepared: 'sessions.writeScreen',
    at,
    // When signing, the sign-off's own audit entry carries the screen, so it is not logged twice.
    ownEntry: auditScreen,
    before: row.screenJson ? { screen: JSON.parse(row.screenJson) as unknown, decision: row.decision } : undefined,
    after: () => ({
      screen: values,
      decision: result.decision,
      firedRules: result.firedRules.map((r) => r.id),
      attendance: changes.attendance,
      attendanceReason: changes.attendanceReason,
    }),
  });
  const againstNoGroup = row.classId !== null && evaluated.safety.clearance.limits.noGroupSessions;
  if (
    overrideReason &&
    (evaluated.safety.mayStart.verdict === 'override_required' || againstNoGroup) &&
    result.decision !== 'hold'
  ) {
    appendAudit(ctx.db, ctx, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'session',
      entityId: row.id,
      action: 'override',
      after: {
        clearance: [
          ...evaluated.safety.mayStart.reasons,
          ...(againstNoGroup ? ['The doctor’s clearance says no group sessions.'] : []),
        ],
      },
      reason: overrideReason,
    });
  }

  const redFlags = values.redFlags.map((id) => findRedFlag(id)).filter((f): f is RedFlag => f !== undefined);
  // Matched by the flag's id, so rewording a checklist label never opens a second incident.
  const existing = new Set(
    redFlags.length === 0
      ? []
      : ctx.db
          .select({ flagId: adverseEvent.redFlagId })
          .from(adverseEvent)
          .where(eq(adverseEvent.sessionId, row.id))
          .all()
          .map((e) => e.flagId),
  );
  const adverseEventIds: string[] = [];
  for (const flag of redFlags) {
    const description = `Red flag at pre-session screen: ${flag.label}`;
    if (existing.has(flag.id)) continue;
    const event = insertAdverseEvent(ctx, actor, {
      patientId: row.patientId,
      sessionId: row.id,
      type: 'red_flag',
      redFlag: true,
      redFlagId: flag.id,
      // The clinician grades it and writes what was done; the guideline's actions are only a hint.
      severity: null,
      occurredAt: at,
      description,
      actionTaken: null,
      outcome: null,
      followUpNeeded: true,
    });
    adverseEventIds.push(event.id);
  }
  if (redFlags.length > 0) refreshCaseloadSummary(ctx, row.patientId);
  return { adverseEventIds, redFlags, attendance, attendanceReason: changes.attendanceReason };
}

export function recordScreen(ctx: ServiceContext, input: ParsedInputOf<'sessions.recordScreen'>): ScreenOutcome {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const row = sessionRow(ctx, input.sessionId);
    assertNotSigned(ctx, row);
    const evaluated = evaluate(ctx, row, input.screen);
    enforcePrefillReviewed(input.screen, evaluated.reported, evaluated.result.decision);
    enforceRedFlagsClosed(ctx, row, evaluated.result.decision);
    enforceComplete(evaluated);
    enforceClearance(evaluated.safety, evaluated.result.decision, input.clearanceOverrideReason, row.classId !== null);
    const written = writeScreen(ctx, actor, row, evaluated.values, input.clearanceOverrideReason, evaluated);
    return {
      decision: evaluated.result.decision,
      firedRules: evaluated.result.firedRules,
      redFlags: written.redFlags,
      adverseEventIds: written.adverseEventIds,
      careTeam: evaluated.safety.careTeam,
      emergencyContact: evaluated.safety.emergencyContact,
    };
  })();
}

export const unrecordedMessage = (exerciseName: string) =>
  `Record whether ${exerciseName} was completed, modified or skipped`;

function checkEntries(
  entries: readonly EntryInput[],
  library: Map<string, Exercise>,
  restrictions: readonly BoneRestriction[],
  prefix: string,
  thresholds: ScreenThresholds,
  limits: ClearanceLimits,
): BoneConflict[][] {
  const fields: Record<string, string> = {};
  const conflicts = entries.map((entry, i) => {
    const spo2 = entrySpo2Problem(entry.spo2, entry.outcome, thresholds);
    if (spo2) fields[`${prefix}.${i}.spo2`] = spo2;
    const ex = library.get(entry.exerciseId);
    if (!ex) {
      fields[`${prefix}.${i}.exerciseId`] = 'Choose an exercise from the library';
      return [];
    }
    // A row nobody recorded is not evidence the exercise happened: the specialist says which it was.
    if (entry.outcome == null) {
      fields[`${prefix}.${i}.outcome`] = unrecordedMessage(ex.name);
    }
    const found = entry.outcome === 'skipped' ? [] : conflictsFor(ex, restrictions);
    const beyond = entryLimitProblems(entry, ex, limits);
    if (found.length > 0 && !entry.overrideNote) {
      fields[`${prefix}.${i}.overrideNote`] =
        `${ex.name} conflicts with a bone-lesion restriction (${found[0]!.reason}). Record an override note to log it.`;
    } else if (beyond.length > 0 && !entry.overrideNote) {
      fields[`${prefix}.${i}.overrideNote`] =
        `${ex.name}: ${beyond.map((p) => p.message).join('; ')} (clearance restrictions). Record an override note to log it.`;
    }
    return found;
  });
  if (Object.keys(fields).length > 0) throw new ApiError('validation', Object.values(fields).join(' '), fields);
  return conflicts;
}

/** `{ a: 1 }` → `{ a: sql.placeholder('a') }`, so an update of fixed shape is prepared once. */
function localInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00`).toISOString();
}

/**
 * Records the whole session in one transaction: the screen (re-evaluated here, whatever the screen
 * showed), every exercise row, the after-session values and the sign-off. After this the row is locked.
 */
export function signSession(ctx: ServiceContext, input: ParsedInputOf<'sessions.sign'>): SessionView {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => signInTransaction(ctx, actor, input))();
  return getSession(ctx, input.sessionId);
}

export function signInTransaction(ctx: ServiceContext, actor: string, input: ParsedInputOf<'sessions.sign'>): void {
  const row = sessionRow(ctx, input.sessionId);
  assertNotSigned(ctx, row);
  const evaluated = evaluate(ctx, row, input.screen);
  enforcePrefillReviewed(input.screen, evaluated.reported, evaluated.result.decision);
  enforceAsRecorded(row, evaluated.result.decision);
  enforceRedFlagsClosed(ctx, row, evaluated.result.decision);
  enforceGraded(ctx, row);
  enforceComplete(evaluated);
  enforceClearance(evaluated.safety, evaluated.result.decision, input.clearanceOverrideReason, row.classId !== null);
  const logged = input.entries.filter((e) => e.outcome !== 'skipped');
  if (evaluated.result.decision === 'hold' && logged.length > 0) {
    throw fieldError(
      'entries',
      'The screen says Hold: no exercise can be logged for this session. Mark the exercises skipped.',
    );
  }
  const restrictions = restrictionsFor(ctx, evaluated.safety);
  const library = exercisesById(
    ctx,
    input.entries.map((e) => e.exerciseId),
  );
  const conflicts = checkEntries(
    input.entries,
    library,
    restrictions,
    'entries',
    evaluated.thresholds,
    evaluated.safety.clearance.limits,
  );

  const screened = writeScreen(ctx, actor, row, evaluated.values, input.clearanceOverrideReason, evaluated, false);
  const at = ctx.now().toISOString();
  // Prepared once with who/when as placeholders (the sign-off's hot path); logged inside the sign entry.
  const insert = prepared(ctx, 'sessions.insertEntry', () =>
    ctx.db
      .insert(exerciseEntry)
      .values({
        id: sql.placeholder('id'),
        sessionId: sql.placeholder('sessionId'),
        position: sql.placeholder('position'),
        exerciseId: sql.placeholder('exerciseId'),
        planned: sql.placeholder('planned'),
        sets: sql.placeholder('sets'),
        reps: sql.placeholder('reps'),
        loadKg: sql.placeholder('loadKg'),
        durationMin: sql.placeholder('durationMin'),
        rpe: sql.placeholder('rpe'),
        peakHr: sql.placeholder('peakHr'),
        spo2: sql.placeholder('spo2'),
        painChange: sql.placeholder('painChange'),
        outcome: sql.placeholder('outcome'),
        reason: sql.placeholder('reason'),
        overrideNote: sql.placeholder('overrideNote'),
        conflictsJson: sql.placeholder('conflictsJson'),
        createdAt: sql.placeholder('at'),
        createdBy: sql.placeholder('actor'),
        updatedAt: sql.placeholder('at'),
        updatedBy: sql.placeholder('actor'),
      })
      .prepare(),
  );
  const entryRows = input.entries.map((e, position) => ({
    id: ctx.newId(),
    sessionId: row.id,
    position,
    ...e,
    planned: e.planned ? 1 : 0,
    conflictsJson: conflicts[position]!.length > 0 ? JSON.stringify(conflicts[position]) : null,
    at,
    actor,
  }));
  for (const entry of entryRows) insert.run(entry);
  const occurredAt = input.occurredAt
    ? new Date(input.occurredAt).toISOString()
    : localInstant(row.date, row.startTime);
  // A late entry is written after the session; a session time on a later day is a typing error.
  if (todayLocal(new Date(occurredAt)) > todayLocal(ctx.now())) {
    throw fieldError('occurredAt', 'The session time cannot be on a later day than today');
  }
  const signed = {
    afterJson: JSON.stringify(input.after),
    notes: input.notes,
    occurredAt,
    signedAt: at,
    signedBy: actor,
    draftJson: null,
    draftSavedAt: null,
  };
  updateAudited(ctx, session, row, signed, {
    actorId: actor,
    patientId: row.patientId,
    entity: 'session',
    action: 'sign',
    prepared: 'sessions.writeSignOff',
    at,
    before: undefined,
    after: ({ updatedAt, updatedBy }) => ({
      screen: evaluated.values,
      decision: evaluated.result.decision,
      firedRules: evaluated.result.firedRules.map((r) => r.id),
      // Written by the screen step above; stated here so the record reconciles with its trail.
      attendance: screened.attendance,
      attendanceReason: screened.attendanceReason,
      ...signed,
      updatedAt,
      updatedBy,
      draftJson: undefined,
      entries: entryRows.map(({ at: _a, actor: _b, ...e }) => e),
    }),
  });
  // Signed: every clinician's working copy has served its purpose.
  prepared(ctx, 'sessions.clearDrafts', () => ctx.sqlite.prepare('DELETE FROM session_draft WHERE session_id = ?')).run(
    row.id,
  );
}

export function saveDraft(ctx: ServiceContext, input: ParsedInputOf<'sessions.saveDraft'>): { savedAt: string } {
  const actor = requireClinician(ctx);
  const row = sessionRow(ctx, input.sessionId);
  assertNotSigned(ctx, row);
  const savedAt = ctx.now().toISOString();
  const draft = JSON.stringify(input.draft);
  // Drafts are working copies, not the record: they are overwritten on every keystroke and not audited.
  // Each clinician keeps their own; the session row carries the latest of anyone's for Today's badge.
  ctx.sqlite.transaction(() => {
    prepared(ctx, 'sessions.saveDraft', () =>
      ctx.db
        .update(session)
        .set({ draftJson: sql.placeholder('draft'), draftSavedAt: sql.placeholder('at') } as never)
        .where(eq(session.id, sql.placeholder('id')))
        .prepare(),
    ).run({ draft, at: savedAt, id: input.sessionId });
    prepared(ctx, 'sessions.saveOwnDraft', () =>
      ctx.sqlite.prepare(
        `INSERT INTO session_draft (session_id, clinician_id, draft_json, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, clinician_id) DO UPDATE SET draft_json = excluded.draft_json, saved_at = excluded.saved_at`,
      ),
    ).run(input.sessionId, actor, draft, savedAt);
  })();
  return { savedAt };
}

function draftView(
  ctx: ServiceContext,
  row: typeof session.$inferSelect,
): Pick<SessionView, 'draft' | 'draftSavedAt' | 'draftBy'> {
  if (row.signedAt) return { draft: null, draftSavedAt: null, draftBy: null };
  const drafts = draftFor(ctx, row.id);
  if (drafts) return { draft: drafts.draft, draftSavedAt: drafts.savedAt, draftBy: drafts.by };
  // A draft from before drafts were kept per clinician (or written by the upgrade's backfill).
  return {
    draft: row.draftJson ? (JSON.parse(row.draftJson) as unknown) : null,
    draftSavedAt: row.draftSavedAt,
    draftBy: null,
  };
}

/** The signed-in clinician's own draft of a session, else the latest other clinician's, named. */
function draftFor(
  ctx: ServiceContext,
  sessionId: string,
): { draft: unknown; savedAt: string; by: string | null } | null {
  const rows = prepared(ctx, 'sessions.drafts', () =>
    ctx.sqlite.prepare(
      `SELECT d.clinician_id AS clinicianId, d.draft_json AS draftJson, d.saved_at AS savedAt, c.full_name AS fullName
         FROM session_draft d JOIN clinician c ON c.id = d.clinician_id
        WHERE d.session_id = ? ORDER BY d.saved_at DESC`,
    ),
  ).all(sessionId) as Array<{ clinicianId: string; draftJson: string; savedAt: string; fullName: string }>;
  const own = rows.find((r) => r.clinicianId === ctx.session.clinicianId);
  const chosen = own ?? rows[0];
  if (!chosen) return null;
  return { draft: JSON.parse(chosen.draftJson) as unknown, savedAt: chosen.savedAt, by: own ? null : chosen.fullName };
}

export function amendSession(ctx: ServiceContext, input: ParsedInputOf<'sessions.amend'>): SessionView {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const row = sessionRow(ctx, input.sessionId);
    if (!row.signedAt) {
      throw new ApiError('conflict', 'This session is not signed yet: change it directly, then sign it.');
    }
    let entries: Array<EntryInput & { conflicts: BoneConflict[] }> | null = null;
    if (input.entries) {
      // A correction cannot turn a session held for safety (or for missing clearance) into one with exercise.
      if (row.decision === 'hold' && input.entries.some((e) => e.outcome !== 'skipped')) {
        throw fieldError(
          'entries',
          'This session was signed as Hold: an amendment cannot log exercise for it. Mark the exercises skipped, or record the exercise in a new session.',
        );
      }
      const safety = safetyContextFor(ctx, row.patientId, row.date);
      const library = exercisesById(
        ctx,
        input.entries.map((e) => e.exerciseId),
      );
      const thresholds = row.thresholdsJson
        ? storedThresholds(JSON.parse(row.thresholdsJson) as Record<string, ThresholdEntry>)
        : clinicThresholds(ctx);
      const conflicts = checkEntries(
        input.entries,
        library,
        restrictionsFor(ctx, safety),
        'entries',
        thresholds,
        safety.clearance.limits,
      );
      entries = input.entries.map((e, i) => ({ ...e, conflicts: conflicts[i]! }));
    }
    insertAudited(
      ctx,
      sessionAmendment,
      { sessionId: row.id, reason: input.reason, changesJson: JSON.stringify({ notes: input.notes, entries }) },
      {
        actorId: actor,
        patientId: row.patientId,
        // The correction is logged on the session it corrects, which stays as signed.
        entity: 'session',
        entityId: row.id,
        action: 'amend',
        before: { notes: row.notes },
        after: (amendment) => ({ amendmentId: amendment.id, notes: input.notes, entries }),
        reason: input.reason,
      },
    );
  })();
  return getSession(ctx, input.sessionId);
}

function entriesOf(ctx: ServiceContext, sessionId: string): SessionEntry[] {
  return prepared(ctx, 'sessions.entries', () =>
    ctx.db
      .select({ e: exerciseEntry, name: exercise.name, retired: exercise.retired })
      .from(exerciseEntry)
      .innerJoin(exercise, eq(exercise.id, exerciseEntry.exerciseId))
      .where(eq(exerciseEntry.sessionId, sql.placeholder('sessionId')))
      .orderBy(asc(exerciseEntry.position))
      .prepare(),
  )
    .all({ sessionId })
    .map(({ e, name, retired }) =>
      toSessionEntry(
        e.id,
        e,
        { name, retired },
        e.conflictsJson ? (JSON.parse(e.conflictsJson) as BoneConflict[]) : [],
      ),
    );
}

/** One logged row as the screens show it, from a stored entry or an amendment's corrected row. */
function toSessionEntry(
  id: string,
  row: Omit<EntryInput, 'outcome'> & { outcome: string | null },
  exercise: { name: string; retired: boolean } | undefined,
  conflicts: BoneConflict[],
): SessionEntry {
  return {
    id,
    exerciseId: row.exerciseId,
    exerciseName: exercise?.name ?? 'Unknown exercise',
    exerciseRetired: exercise?.retired ?? false,
    planned: row.planned,
    sets: row.sets,
    reps: row.reps,
    loadKg: row.loadKg,
    durationMin: row.durationMin,
    rpe: row.rpe,
    peakHr: row.peakHr,
    spo2: row.spo2,
    painChange: row.painChange,
    // Stored rows and amendments pass checkEntries first, which refuses a row without an outcome.
    outcome: row.outcome as SessionEntry['outcome'],
    reason: row.reason,
    overrideNote: row.overrideNote,
    conflicts,
  };
}

function amendmentsOf(ctx: ServiceContext, sessionId: string): SessionAmendmentRecord[] {
  const rows = ctx.db
    .select({ a: sessionAmendment, byName: clinician.fullName })
    .from(sessionAmendment)
    .leftJoin(clinician, eq(clinician.id, sessionAmendment.createdBy))
    .where(eq(sessionAmendment.sessionId, sessionId))
    .orderBy(asc(sessionAmendment.createdAt), asc(sessionAmendment.id))
    .all();
  const names = new Map<string, Exercise>();
  return rows.map(({ a, byName }) => {
    const changes = JSON.parse(a.changesJson) as {
      notes: string | null;
      entries: Array<EntryInput & { conflicts: BoneConflict[] }> | null;
    };
    let entries: SessionEntry[] | null = null;
    if (changes.entries) {
      for (const [k, v] of exercisesById(
        ctx,
        changes.entries.map((e) => e.exerciseId),
      ))
        names.set(k, v);
      entries = changes.entries.map((e, i) => toSessionEntry(`${a.id}:${i}`, e, names.get(e.exerciseId), e.conflicts));
    }
    return {
      id: a.id,
      reason: a.reason,
      notes: changes.notes,
      entries,
      at: a.createdAt,
      byName: byName ?? 'Unknown clinician',
    };
  });
}

export function getSession(ctx: ServiceContext, sessionId: string): SessionView {
  const row = sessionRow(ctx, sessionId);
  const who = ctx.db.select().from(patient).where(eq(patient.id, row.patientId)).get()!;
  const className = row.classId
    ? (ctx.db.select({ name: groupClass.name }).from(groupClass).where(eq(groupClass.id, row.classId)).get()?.name ??
      null)
    : null;
  const safety = safetyContextFor(ctx, row.patientId, row.date);
  const thresholds = row.thresholdsJson
    ? storedThresholds(JSON.parse(row.thresholdsJson) as Record<string, ThresholdEntry>)
    : clinicThresholds(ctx);
  const lateEntry =
    row.signedAt !== null &&
    row.occurredAt !== null &&
    todayLocal(new Date(row.signedAt)) > todayLocal(new Date(row.occurredAt));
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: displayName(who),
    date: row.date,
    startTime: row.startTime,
    classId: row.classId,
    className,
    attendance: row.attendance as AttendanceValue,
    attendanceReason: row.attendanceReason,
    safety,
    restrictions: restrictionsFor(ctx, safety),
    heartRateTargets: heartRateTargetAllowed(safety.medicationFlags),
    plan: currentPlan(ctx, row.patientId),
    thresholds,
    ...draftView(ctx, row),
    screen: row.screenJson ? (JSON.parse(row.screenJson) as ScreenValues) : null,
    decision: row.decision as SessionView['decision'],
    firedRules: row.firedRulesJson ? (JSON.parse(row.firedRulesJson) as FiredRule[]) : [],
    clearanceOverrideReason: row.clearanceOverrideReason,
    entries: entriesOf(ctx, row.id),
    after: row.afterJson ? (JSON.parse(row.afterJson) as SessionAfter) : null,
    notes: row.notes,
    occurredAt: row.occurredAt,
    signedAt: row.signedAt,
    signedByName: clinicianName(ctx, row.signedBy),
    lateEntry,
    amendments: amendmentsOf(ctx, row.id),
    adverseEvents: adverseEventsForSession(ctx, row.id),
    checkIn: sessionCheckIn(ctx, row.id),
  };
}
