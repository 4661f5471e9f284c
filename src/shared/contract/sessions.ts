import { z } from 'zod';
import type {
  BoneConflict,
  BoneRestriction,
  ExerciseModality,
  ExercisePosition,
  FiredRule,
  HeartRateTargetVerdict,
  ImpactLevel,
  MovementTag,
  RedFlag,
  ScreenDecision,
  ScreenThresholds,
  AdherenceSummary,
} from '../clinical/session';
import type { ClearanceLimits } from '../clinical/intake/clearance';
import { movementTags, prefilledFields, redFlagIds, spinalPainQuestionIds, thresholdKeys } from '../clinical/session';
import type { ClinicDate } from '../dates';
import type { PatientSafetyContext } from '../domain/safetyContext';
import type { CaseloadRow } from './intake';
import type { PatientReportView } from './checkIn';
import { channel } from './define';
import {
  clinicalNote,
  capitalise,
  choice,
  clinicDate,
  id,
  instant,
  integerIn,
  NOTES_MAX,
  optionalInstant,
  optionalIntegerIn,
  optionalNumber,
  optionalPastDate,
  optionalText,
  requiredText,
} from './fields';

/* ------------------------------------------------------------------ vocabulary */

export const attendanceValues = ['booked', 'attended', 'cancelled', 'did_not_attend', 'held_for_safety'] as const;
export type AttendanceValue = (typeof attendanceValues)[number];
export const attendanceLabels: Record<AttendanceValue, string> = {
  booked: 'Booked',
  attended: 'Attended',
  cancelled: 'Cancelled',
  did_not_attend: 'Did not attend',
  held_for_safety: 'Held for safety',
};

export const entryOutcomes = ['completed', 'modified', 'skipped'] as const;
export type EntryOutcome = (typeof entryOutcomes)[number];
export const entryOutcomeLabels: Record<EntryOutcome, string> = {
  completed: 'Completed',
  modified: 'Modified',
  skipped: 'Skipped',
};

/** A logged row from the written plan, or one added on the day: the log's badge, and the history's word. */
export const entryOriginLabel = (planned: boolean) => (planned ? 'Planned' : 'Added');

export const adverseEventTypes = [
  'red_flag',
  'fall',
  'musculoskeletal_injury',
  'cardiovascular',
  'hypoglycaemia',
  'pain_flare',
  'fatigue_collapse',
  'other',
] as const;
export type AdverseEventType = (typeof adverseEventTypes)[number];
export const adverseEventTypeLabels: Record<AdverseEventType, string> = {
  red_flag: 'Red flag at screening',
  fall: 'Fall',
  musculoskeletal_injury: 'Musculoskeletal injury',
  cardiovascular: 'Cardiovascular event',
  hypoglycaemia: 'Hypoglycaemia',
  pain_flare: 'Pain flare',
  fatigue_collapse: 'Severe fatigue or collapse',
  other: 'Other',
};

/* ------------------------------------------------------------------ outputs */

/** Where the patient handout was saved, or null when the specialist cancelled the save dialog. */
export interface SavedHandout {
  fileName: string;
  path: string | null;
}

export interface Exercise {
  id: string;
  starterKey: string | null;
  name: string;
  modality: ExerciseModality;
  position: ExercisePosition;
  equipment: string[];
  impact: ImpactLevel;
  weightBearing: boolean;
  chairBased: boolean;
  tags: MovementTag[];
  description: string;
  retired: boolean;
}

/**
 * Movement work a bone lesion blocks until a clinician clears it for the patient, with a reason
 * (boneRestrictions.ts): single-leg work (clinic policy) and the scheme's resistance movements
 * ("start low, go slow", PMC9335464 Tbl 2 note a).
 */
export const clearableMovementTags = [
  'single_leg_balance',
  'shoulder_movements',
  'elbow_flexion_extension',
  'hip_flexion_extension',
  'knee_flexion_extension',
  'trunk_resistance',
  'hip_abduction',
] as const satisfies readonly MovementTag[];
export type ClearableMovementTag = (typeof clearableMovementTags)[number];

export interface MovementClearanceView {
  id: string;
  tag: ClearableMovementTag;
  reason: string;
  clearedByName: string;
  clearedAt: string;
}

export interface PlanView {
  plan: ExercisePlan | null;
  versions: number;
  /** Restrictions after this patient's movement clearances. */
  restrictions: BoneRestriction[];
  heartRateTargets: HeartRateTargetVerdict;
  movementClearances: MovementClearanceView[];
  /** Clearable movement work that a lesion blocks, cleared or not, with why it may be cleared. */
  clearable: Array<{ tag: ClearableMovementTag; because: string }>;
  /** The doctor's restrictions from the clearance in force: their words and the enforced limits. */
  doctorRestrictions: { text: string | null; limits: ClearanceLimits };
}

export interface ClinicThresholds {
  thresholds: ScreenThresholds;
  /** Keys whose value differs from the published default. */
  changed: string[];
  updatedAt: string | null;
}

/** One line on Today: a booked slot or a place in a class, with the patient's safety badges. */
export interface TodayBooking {
  sessionId: string;
  patientId: string;
  patientName: string;
  mrn: string;
  startTime: string;
  classId: string | null;
  className: string | null;
  attendance: AttendanceValue;
  decision: ScreenDecision | null;
  signed: boolean;
  hasDraft: boolean;
  /** When the patient last completed a check-in for this booking, if they did. */
  checkedInAt: string | null;
  badges: {
    clearanceState: string;
    clearanceReviewBy: string | null;
    hasBoneMets: boolean;
    skeletalRiskLevel: string;
    onTreatment: boolean;
    openAdverseEvents: number;
    openRedFlags: number;
    /** Open events still waiting for their grade (opened from a red flag). */
    ungradedAdverseEvents: number;
    /** From caseload_summary.reassessment_due_on; 'due' within 7 days, as on the caseload. */
    reassessment: CaseloadRow['reassessment'];
    /** An unanswered request for medical guidance (overdue after the clinic's wait, 14 days by default). */
    guidanceReply: CaseloadRow['guidanceReply'];
  };
}

export interface TodayView {
  date: ClinicDate;
  bookings: TodayBooking[];
  classes: Array<{ id: string; name: string; startTime: string; patients: number }>;
}

export interface GroupClass {
  id: string;
  name: string;
  date: ClinicDate;
  startTime: string;
  sessionIds: string[];
}

export interface PlanItem {
  id: string;
  exerciseId: string;
  exerciseName: string;
  sets: number | null;
  reps: number | null;
  durationMin: number | null;
  loadKg: number | null;
  rpeMin: number | null;
  rpeMax: number | null;
  hrMin: number | null;
  hrMax: number | null;
  talkTest: boolean;
  restSeconds: number | null;
  progression: string | null;
  notes: string | null;
  overrideNote: string | null;
}

export interface ExercisePlan {
  id: string;
  patientId: string;
  version: number;
  sessionsPerWeek: number;
  sessionMinutes: number;
  cycleAdjustment: string | null;
  milestones: string | null;
  notes: string | null;
  items: PlanItem[];
  createdAt: string;
  createdByName: string;
  supersededAt: string | null;
}

export interface SessionEntry {
  id: string;
  exerciseId: string;
  exerciseName: string;
  exerciseRetired: boolean;
  planned: boolean;
  sets: number | null;
  reps: number | null;
  loadKg: number | null;
  durationMin: number | null;
  rpe: number | null;
  peakHr: number | null;
  spo2: number | null;
  painChange: number | null;
  outcome: EntryOutcome;
  reason: string | null;
  overrideNote: string | null;
  conflicts: BoneConflict[];
}

export interface AdverseEventRecord {
  id: string;
  patientId: string;
  sessionId: string | null;
  type: AdverseEventType;
  redFlag: boolean;
  /** Null on an incident opened from a red flag until the clinician grades it ("grade needed"). */
  severity: number | null;
  /** The red flag's guideline actions: a hint for "what was done", never the record of it. */
  guidance: string | null;
  occurredAt: string;
  description: string | null;
  actionTaken: string | null;
  outcome: string | null;
  followUpNeeded: boolean;
  closedAt: string | null;
  closingNote: string | null;
  recordedByName: string;
}

export interface SessionAmendmentRecord {
  id: string;
  reason: string;
  notes: string | null;
  entries: SessionEntry[] | null;
  at: string;
  byName: string;
}

export interface SessionAfter {
  sbp: number | null;
  dbp: number | null;
  restingHr: number | null;
  spo2: number | null;
  rpeOverall: number | null;
  fatigue: number | null;
  pain: number | null;
}

/** Everything one session screen needs: the booking, the patient's safety facts, the plan and the record. */
export interface SessionView {
  id: string;
  patientId: string;
  patientName: string;
  date: ClinicDate;
  startTime: string;
  classId: string | null;
  className: string | null;
  attendance: AttendanceValue;
  attendanceReason: string | null;
  safety: PatientSafetyContext;
  restrictions: BoneRestriction[];
  heartRateTargets: HeartRateTargetVerdict;
  plan: ExercisePlan | null;
  thresholds: ScreenThresholds;
  /** The signed-in clinician's own draft; failing that, the latest other clinician's (see draftBy). */
  draft: unknown;
  draftSavedAt: string | null;
  /** Whose draft `draft` is when it is not the signed-in clinician's own; null when it is theirs or there is none. */
  draftBy: string | null;
  screen: ScreenValues | null;
  decision: ScreenDecision | null;
  firedRules: FiredRule[];
  clearanceOverrideReason: string | null;
  entries: SessionEntry[];
  after: SessionAfter | null;
  notes: string | null;
  occurredAt: string | null;
  signedAt: string | null;
  signedByName: string | null;
  lateEntry: boolean;
  amendments: SessionAmendmentRecord[];
  adverseEvents: AdverseEventRecord[];
  /** The patient's latest completed check-in for this session (patient-reported), if any. */
  checkIn: PatientReportView | null;
}

export interface ScreenOutcome {
  decision: ScreenDecision;
  firedRules: FiredRule[];
  redFlags: RedFlag[];
  /** Incidents recorded for red flags on this screen (created once per flag). */
  adverseEventIds: string[];
  careTeam: PatientSafetyContext['careTeam'];
  emergencyContact: PatientSafetyContext['emergencyContact'];
}

export interface SessionHistoryItem {
  id: string;
  date: ClinicDate;
  startTime: string;
  attendance: AttendanceValue;
  decision: ScreenDecision | null;
  signedAt: string | null;
  exercises: number;
  amendments: number;
}

export interface PatientSessionsView {
  patientId: string;
  history: SessionHistoryItem[];
  /** notRecorded: past sessions in the period still booked, or screened but never signed (not counted). */
  adherence: AdherenceSummary & { from: ClinicDate; to: ClinicDate; notRecorded: number };
  adverseEvents: AdverseEventRecord[];
}

/* ------------------------------------------------------------------ inputs */

const time = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${capitalise(label)} must be a time such as 09:30`);

/**
 * Every number a session screen accepts, with its label, unit and range: the single home of these
 * limits. The inputs below validate with them, and the screens show them (SessionRecorder).
 */

export interface NumberRange {
  label: string;
  min: number;
  max: number;
  unit: string;
  /** Decimal places the input accepts. */
  decimals: number;
}
const range = (label: string, min: number, max: number, unit = '', decimals = 0): NumberRange => ({
  label,
  min,
  max,
  unit,
  decimals,
});

export const screenRanges = {
  restingHr: range('resting heart rate', 25, 250, 'bpm'),
  sbp: range('systolic blood pressure', 50, 300, 'mmHg'),
  dbp: range('diastolic blood pressure', 20, 200, 'mmHg'),
  spo2: range('SpO₂', 50, 100, '%'),
  temperatureC: range('temperature', 30, 43, '°C', 1),
  standingSbp: range('standing systolic blood pressure', 50, 300, 'mmHg'),
  standingDbp: range('standing diastolic blood pressure', 20, 200, 'mmHg'),
  haemoglobinGL: range('haemoglobin', 20, 250, 'g/L'),
  plateletsX109: range('platelets', 0, 2000, '×10⁹/L'),
  neutrophilsX109: range('neutrophils', 0, 100, '×10⁹/L', 1),
  glucoseMmol: range('blood glucose', 0.5, 40, 'mmol/L', 1),
} as const satisfies Record<string, NumberRange>;

export const symptomRanges = {
  fatigue0to10: range('fatigue', 0, 10),
  pain0to10: range('pain', 0, 10),
  breathlessness0to10: range('breathlessness', 0, 10),
  nausea0to10: range('nausea', 0, 10),
  sleepQuality0to10: range('sleep quality', 0, 10),
  energy0to10: range('energy', 0, 10),
} as const satisfies Record<string, NumberRange>;

export const entryRanges = {
  sets: range('sets', 0, 50),
  reps: range('reps', 0, 500),
  loadKg: range('load', 0, 500, 'kg', 1),
  durationMin: range('duration', 0, 300, 'min', 1),
  rpe: range('RPE', 6, 20),
  peakHr: range('peak heart rate', 30, 250, 'bpm'),
  spo2: range('SpO₂', 50, 100, '%'),
  painChange: range('pain change', -10, 10),
} as const satisfies Record<string, NumberRange>;

export const afterRanges = {
  sbp: range('systolic blood pressure after', 50, 300, 'mmHg'),
  dbp: range('diastolic blood pressure after', 20, 200, 'mmHg'),
  restingHr: range('heart rate after', 25, 250, 'bpm'),
  spo2: range('SpO₂ after', 50, 100, '%'),
  rpeOverall: range('session RPE', 6, 20),
  fatigue: range('fatigue after', 0, 10),
  pain: range('pain after', 0, 10),
} as const satisfies Record<string, NumberRange>;

const rangedNumber = (r: NumberRange) => optionalNumber(r.label, r.min, r.max, r.unit);
const rangedInteger = (r: NumberRange) => optionalIntegerIn(r.label, r.min, r.max);
const numbersFrom = <K extends string>(ranges: Record<K, NumberRange>, field: (r: NumberRange) => z.ZodType) =>
  Object.fromEntries(Object.entries<NumberRange>(ranges).map(([k, r]) => [k, field(r)])) as Record<
    K,
    ReturnType<typeof rangedNumber>
  >;

// Added after screens were first stored, so absent from older records: optional in the output too.
const { standingSbp, standingDbp, ...screenNumbers } = screenRanges;

const spinalPainInput = z.object({
  isNew: z.boolean({ error: 'Say whether there is new or worse back or neck pain' }),
  answers: z
    .partialRecord(
      z.enum(spinalPainQuestionIds, { error: 'Answer the cord-compression questions from the list' }),
      z.enum(['yes', 'no'], { error: 'Answer each cord-compression question yes or no' }),
    )
    .default({}),
});

export const screenValuesInput = z.object({
  ...numbersFrom(screenNumbers, rangedNumber),
  standingSbp: rangedNumber(standingSbp).optional(),
  standingDbp: rangedNumber(standingDbp).optional(),
  /** New or worse back or neck pain and the cord-compression answers (NICE CG75/NG234); absent on older screens. */
  spinalPain: spinalPainInput.nullish(),
  glucoseKetonesOrSymptoms: z
    .boolean({ error: 'Say whether there are ketones or symptoms with the high glucose' })
    .nullish(),
  // Not after the session's own date either: services/sessions/record.ts checks that against the booking.
  bloodsDate: optionalPastDate('date of the blood results'),
  ...numbersFrom(symptomRanges, rangedInteger),
  painSite: optionalText('pain site', 200),
  redFlags: z.array(z.enum(redFlagIds, { error: 'Choose a red flag from the checklist' })).default([]),
  /** Why a core vital was not taken (screenCompleteness): stored with the screen and shown on the signed record. */
  notTaken: z
    .object({
      restingHr: optionalText('reason the resting heart rate was not taken', 300),
      bloodPressure: optionalText('reason the blood pressure was not taken', 300),
      spo2: optionalText('reason the SpO₂ was not taken', 300),
    })
    .partial()
    .optional(),
  /**
   * The patient's check-in behind the prefilled symptoms, and those the clinician confirmed as
   * reported (a changed value is a correction; the check-in keeps the patient's answer).
   */
  checkIn: z
    .object({
      checkInId: id('Check-in'),
      confirmed: z.array(z.enum(prefilledFields, { error: 'Choose a symptom the check-in filled' })).default([]),
    })
    .optional(),
});
export type ScreenValues = z.output<typeof screenValuesInput>;
export type ScreenValuesInput = z.input<typeof screenValuesInput>;

export const entryInput = z
  .object({
    exerciseId: id('Exercise'),
    planned: z.boolean().default(false),
    sets: rangedInteger(entryRanges.sets),
    reps: rangedInteger(entryRanges.reps),
    loadKg: rangedNumber(entryRanges.loadKg),
    durationMin: rangedNumber(entryRanges.durationMin),
    rpe: rangedInteger(entryRanges.rpe),
    peakHr: rangedInteger(entryRanges.peakHr),
    spo2: rangedInteger(entryRanges.spo2),
    painChange: rangedInteger(entryRanges.painChange),
    /**
     * Null while the row is "Not recorded yet" (a planned row nobody has dealt with). Drafts and
     * saved rows may hold null; sign and amend refuse it, naming the exercise (services/sessions/record.ts).
     */
    outcome: choice('outcome', entryOutcomes).nullable(),
    reason: optionalText('reason', 500),
    overrideNote: optionalText('override note', 1000),
  })
  .superRefine((entry, ctx) => {
    if ((entry.outcome === 'skipped' || entry.outcome === 'modified') && !entry.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `Say why the exercise was ${entry.outcome === 'skipped' ? 'skipped' : 'modified'}`,
      });
    }
  });
export type EntryInput = z.input<typeof entryInput>;

export const afterInput = z.object({
  sbp: rangedNumber(afterRanges.sbp),
  dbp: rangedNumber(afterRanges.dbp),
  restingHr: rangedNumber(afterRanges.restingHr),
  spo2: rangedNumber(afterRanges.spo2),
  rpeOverall: rangedInteger(afterRanges.rpeOverall),
  fatigue: rangedInteger(afterRanges.fatigue),
  pain: rangedInteger(afterRanges.pain),
});

const exerciseInput = z.object({
  name: requiredText('exercise name', 120),
  modality: choice('modality', ['aerobic', 'resistance', 'flexibility', 'balance', 'breathing_relaxation']),
  position: choice('position', ['seated', 'standing', 'supine', 'side_lying', 'prone']),
  equipment: z
    .array(
      z
        .string({ error: 'Each piece of equipment must be text' })
        .trim()
        .min(1, 'Each piece of equipment needs a name')
        .max(80, 'Each piece of equipment must be at most 80 characters'),
    )
    .max(10, 'List at most 10 pieces of equipment')
    .default([]),
  impact: choice('impact level', ['none', 'low', 'moderate', 'high']),
  weightBearing: z.boolean({ error: 'Say whether the exercise is weight-bearing' }),
  chairBased: z.boolean().default(false),
  tags: z.array(z.enum(movementTags, { error: 'Choose movements from the list' })).default([]),
  description: requiredText('plain-words description', 1000),
});

const planItemInput = z
  .object({
    exerciseId: id('Exercise'),
    sets: optionalIntegerIn('sets', 1, 20),
    reps: optionalIntegerIn('reps', 1, 200),
    durationMin: optionalNumber('duration', 0.5, 180, 'min'),
    loadKg: optionalNumber('load', 0, 300, 'kg'),
    rpeMin: optionalIntegerIn('lowest RPE', 6, 20),
    rpeMax: optionalIntegerIn('highest RPE', 6, 20),
    hrMin: optionalIntegerIn('lowest heart rate', 40, 220),
    hrMax: optionalIntegerIn('highest heart rate', 40, 220),
    talkTest: z.boolean().default(false),
    restSeconds: optionalIntegerIn('rest', 0, 900),
    progression: optionalText('progression rule', 500),
    notes: clinicalNote('notes'),
    overrideNote: optionalText('override note', 1000),
  })
  .superRefine((item, ctx) => {
    if (item.rpeMin != null && item.rpeMax != null && item.rpeMin > item.rpeMax) {
      ctx.addIssue({ code: 'custom', path: ['rpeMax'], message: 'Highest RPE must not be below the lowest' });
    }
    if (item.hrMin != null && item.hrMax != null && item.hrMin > item.hrMax) {
      ctx.addIssue({ code: 'custom', path: ['hrMax'], message: 'Highest heart rate must not be below the lowest' });
    }
  });

export const sessionsChannels = {
  'exercises.list': channel(z.object({ includeRetired: z.boolean().default(false) })).returns<Exercise[]>(),
  'exercises.add': channel(exerciseInput).returns<Exercise>(),
  'exercises.update': channel(exerciseInput.extend({ exerciseId: id('Exercise') })).returns<Exercise>(),
  'exercises.retire': channel(
    z.object({ exerciseId: id('Exercise'), retired: z.boolean().default(true) }),
  ).returns<Exercise>(),

  'safety.thresholds': channel(z.object({})).returns<ClinicThresholds>(),
  'safety.setThresholds': channel(
    z.object({
      values: z.partialRecord(z.enum(thresholdKeys), z.number({ error: 'Each threshold must be a number' })),
      reason: requiredText('reason for the change', 500),
    }),
  ).returns<ClinicThresholds>(),

  'today.list': channel(z.object({ date: clinicDate('date') })).returns<TodayView>(),
  'bookings.create': channel(
    z.object({
      patientId: id('Patient'),
      date: clinicDate('session date'),
      startTime: time('start time'),
      classId: id('Class').nullish(),
    }),
  ).returns<TodayBooking>(),
  'bookings.setAttendance': channel(
    z
      .object({
        sessionId: id('Session'),
        attendance: choice('attendance', ['cancelled', 'did_not_attend'] as const),
        reason: optionalText('reason', 500),
      })
      .superRefine((v, ctx) => {
        if (v.attendance === 'cancelled' && !v.reason) {
          ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Enter the reason for cancelling' });
        }
      }),
  ).returns<TodayBooking>(),
  'classes.create': channel(
    z.object({
      name: requiredText('class name', 120),
      date: clinicDate('class date'),
      startTime: time('start time'),
      patientIds: z.array(id('Patient')).max(30, 'A class can hold at most 30 patients').default([]),
    }),
  ).returns<GroupClass>(),
  'classes.get': channel(z.object({ classId: id('Class') })).returns<GroupClass>(),

  'sessions.get': channel(z.object({ sessionId: id('Session') })).returns<SessionView>(),
  'sessions.saveDraft': channel(
    z.object({
      sessionId: id('Session'),
      draft: z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length < 200_000, 'Draft is too large'),
    }),
  ).returns<{ savedAt: string }>(),
  'sessions.recordScreen': channel(
    z.object({
      sessionId: id('Session'),
      screen: screenValuesInput,
      clearanceOverrideReason: optionalText('reason for starting without valid clearance', 1000),
    }),
  ).returns<ScreenOutcome>(),
  'sessions.sign': channel(
    z.object({
      sessionId: id('Session'),
      screen: screenValuesInput,
      clearanceOverrideReason: optionalText('reason for starting without valid clearance', 1000),
      entries: z.array(entryInput).max(60, 'A session can log at most 60 exercises'),
      after: afterInput.prefault({}),
      notes: clinicalNote('session notes'),
      occurredAt: optionalInstant('session time'),
    }),
  ).returns<SessionView>(),
  'sessions.amend': channel(
    z.object({
      sessionId: id('Session'),
      reason: requiredText('reason for the amendment', 1000),
      notes: clinicalNote('corrected notes'),
      entries: z.array(entryInput).max(60, 'A session can log at most 60 exercises').nullish(),
    }),
  ).returns<SessionView>(),
  'sessions.forPatient': channel(
    z.object({
      patientId: id('Patient'),
      from: clinicDate('start of the period'),
      to: clinicDate('end of the period'),
    }),
  ).returns<PatientSessionsView>(),

  'adverseEvents.record': channel(
    z.object({
      patientId: id('Patient'),
      sessionId: id('Session').nullish(),
      type: choice('type of event', adverseEventTypes),
      severity: integerIn('severity grade', 1, 5),
      occurredAt: instant('time it happened', 'Enter when it happened'),
      description: clinicalNote('description'),
      actionTaken: clinicalNote('action taken'),
      outcome: clinicalNote('outcome'),
      followUpNeeded: z.boolean().default(true),
    }),
  ).returns<AdverseEventRecord>(),
  'adverseEvents.grade': channel(
    z.object({
      adverseEventId: id('Adverse event'),
      severity: integerIn('severity grade', 1, 5),
      actionTaken: requiredText('what was done', NOTES_MAX),
    }),
  ).returns<AdverseEventRecord>(),
  'adverseEvents.close': channel(
    z.object({
      adverseEventId: id('Adverse event'),
      outcome: requiredText('outcome', NOTES_MAX),
      closingNote: clinicalNote('closing note'),
      /** Required when the event has no grade yet (one opened from a red flag). */
      severity: integerIn('severity grade', 1, 5).nullish(),
      actionTaken: clinicalNote('what was done'),
    }),
  ).returns<AdverseEventRecord>(),

  'plans.current': channel(z.object({ patientId: id('Patient') })).returns<PlanView>(),
  'plans.clearMovement': channel(
    z.object({
      patientId: id('Patient'),
      tag: choice('movement to clear', clearableMovementTags),
      reason: requiredText('reason for the clearance', 1000),
    }),
  ).returns<PlanView>(),
  'plans.withdrawMovementClearance': channel(
    z.object({
      patientId: id('Patient'),
      clearanceId: id('Clearance'),
      reason: requiredText('reason for withdrawing the clearance', 1000),
    }),
  ).returns<PlanView>(),
  'plans.save': channel(
    z.object({
      patientId: id('Patient'),
      sessionsPerWeek: integerIn('sessions per week', 1, 7),
      sessionMinutes: integerIn('session length', 10, 180),
      cycleAdjustment: optionalText('how the plan bends around treatment', 1000),
      milestones: optionalText('milestones', 2000),
      notes: clinicalNote('notes'),
      items: z.array(planItemInput).max(30, 'A plan can hold at most 30 exercises'),
    }),
  ).returns<ExercisePlan>(),
  /** Saves the current plan's patient handout (PDF) where the specialist chooses; audited. */
  'plans.handout': channel(z.object({ patientId: id('Patient') })).returns<SavedHandout>(),
};
