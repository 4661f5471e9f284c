import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { whoAndWhen } from './columns';
import { clinician, patient } from './foundation';

/**
 * Sessions (issue 4). A `session` row is born as a booking (a slot, or a place in a group class)
 * and becomes the record of what happened: its screen, its exercise log and its sign-off. Once
 * `signed_at` is set the row never changes again; corrections are `session_amendment` rows.
 */

/** The clinic's exercise library, seeded from the starter set; exercises are retired, never removed. */
export const exercise = sqliteTable(
  'exercise',
  {
    id: text('id').primaryKey(),
    /** The starter-set key for seeded exercises; null for the clinic's own. */
    starterKey: text('starter_key'),
    name: text('name').notNull(),
    modality: text('modality').notNull(),
    position: text('position').notNull(),
    equipmentJson: text('equipment_json').notNull().default('[]'),
    impact: text('impact').notNull(),
    weightBearing: integer('weight_bearing', { mode: 'boolean' }).notNull(),
    chairBased: integer('chair_based', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of MovementTag: what the exercise trains or loads (bone-restriction checks). */
    tagsJson: text('tags_json').notNull().default('[]'),
    description: text('description').notNull(),
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
    ...whoAndWhen,
  },
  (t) => [uniqueIndex('exercise_starter_key').on(t.starterKey), index('exercise_name').on(t.name)],
);

export const groupClass = sqliteTable(
  'group_class',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    ...whoAndWhen,
  },
  (t) => [index('group_class_date').on(t.date, t.startTime)],
);

export const session = sqliteTable(
  'session',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    classId: text('class_id').references(() => groupClass.id),
    /** booked | attended | cancelled | did_not_attend | held_for_safety */
    attendance: text('attendance').notNull().default('booked'),
    attendanceReason: text('attendance_reason'),
    /** The session in progress, exactly as typed, saved on every change until sign-off. */
    draftJson: text('draft_json'),
    draftSavedAt: text('draft_saved_at'),
    /** The pre-session screen: what was entered, the decision, and the rules and thresholds behind it. */
    screenJson: text('screen_json'),
    decision: text('decision'),
    firedRulesJson: text('fired_rules_json'),
    thresholdsJson: text('thresholds_json'),
    clearanceOverrideReason: text('clearance_override_reason'),
    /** After the session: vitals, symptoms, notes. */
    afterJson: text('after_json'),
    notes: text('notes'),
    /** When the session took place (clinician-given) and when it was written up (sign-off). */
    occurredAt: text('occurred_at'),
    signedAt: text('signed_at'),
    signedBy: text('signed_by').references(() => clinician.id),
    ...whoAndWhen,
  },
  (t) => [
    index('session_date_time').on(t.date, t.startTime),
    index('session_patient_date').on(t.patientId, t.date),
    index('session_class').on(t.classId),
    // The last bloods a screen recorded (the platelet alert on the overview and the session header):
    // only screens with a platelet count are indexed, so finding the latest walks those few rows
    // instead of every session the patient has had.
    index('session_platelets')
      .on(t.patientId, t.date, t.startTime)
      .where(sql`json_extract(${t.screenJson}, '$.plateletsX109') is not null`),
  ],
);

/**
 * Each clinician's own working copy of a session not yet signed, so that in a shared clinic room
 * one clinician's unsaved work is never overwritten by the next one's ("Switch clinician"). Drafts
 * are not the record: not audited, removed at sign-off. `session.draft_json` stays the latest draft
 * of anyone (for Today's "draft" badge).
 */
export const sessionDraft = sqliteTable(
  'session_draft',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => session.id),
    clinicianId: text('clinician_id')
      .notNull()
      .references(() => clinician.id),
    draftJson: text('draft_json').notNull(),
    savedAt: text('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.clinicianId] })],
);

export const exerciseEntry = sqliteTable(
  'exercise_entry',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => session.id),
    position: integer('position').notNull(),
    exerciseId: text('exercise_id')
      .notNull()
      .references(() => exercise.id),
    planned: integer('planned', { mode: 'boolean' }).notNull(),
    sets: integer('sets'),
    reps: integer('reps'),
    loadKg: real('load_kg'),
    durationMin: real('duration_min'),
    rpe: integer('rpe'),
    peakHr: integer('peak_hr'),
    spo2: integer('spo2'),
    painChange: integer('pain_change'),
    /** completed | modified | skipped */
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    /** Required when the exercise conflicts with a bone-lesion restriction; the conflicts are kept beside it. */
    overrideNote: text('override_note'),
    conflictsJson: text('conflicts_json'),
    ...whoAndWhen,
  },
  (t) => [index('exercise_entry_session').on(t.sessionId, t.position)],
);

/**
 * The exercises that appear in any logged row ("a used exercise cannot be renamed"), kept by
 * triggers on exercise_entry (migration 0015). It replaced an index on exercise_entry(exercise_id),
 * which every saved session wrote to, eight leaf pages for eight rows (each page re-encrypted and
 * its HMAC computed in the encrypted file): a row here is written once, the first time an exercise
 * is logged. Derived, not the record: no id column, so reconciliation does not look for its trail.
 */
export const exerciseUsage = sqliteTable('exercise_usage', {
  exerciseId: text('exercise_id')
    .primaryKey()
    .references(() => exercise.id),
});

export const sessionAmendment = sqliteTable(
  'session_amendment',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => session.id),
    reason: text('reason').notNull(),
    /** The corrected values (notes, entries) as a JSON object; the signed original is untouched. */
    changesJson: text('changes_json').notNull(),
    ...whoAndWhen,
  },
  (t) => [index('session_amendment_session').on(t.sessionId, t.createdAt)],
);

export const adverseEvent = sqliteTable(
  'adverse_event',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    sessionId: text('session_id').references(() => session.id),
    type: text('type').notNull(),
    redFlag: integer('red_flag', { mode: 'boolean' }).notNull().default(false),
    /** The checklist id (redFlags.ts) of the flag that opened this event; null for events recorded by hand. */
    redFlagId: text('red_flag_id'),
    /** CTCAE-style grade 1–5; null on an incident opened from a red flag until the clinician grades it. */
    severity: integer('severity'),
    occurredAt: text('occurred_at').notNull(),
    description: text('description'),
    actionTaken: text('action_taken'),
    outcome: text('outcome'),
    followUpNeeded: integer('follow_up_needed', { mode: 'boolean' }).notNull().default(true),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    closingNote: text('closing_note'),
    ...whoAndWhen,
  },
  (t) => [index('adverse_event_patient').on(t.patientId, t.closedAt), index('adverse_event_session').on(t.sessionId)],
);

/**
 * A clinician's clearance, for one patient, of movement work that a bone lesion otherwise blocks
 * until cleared (single-leg and balance work: clinic policy, boneRestrictions.ts). Withdrawn, never
 * deleted.
 */
export const movementClearance = sqliteTable(
  'movement_clearance',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    /** A MovementTag, e.g. single_leg_balance. */
    tag: text('tag').notNull(),
    reason: text('reason').notNull(),
    withdrawnAt: text('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
    withdrawnReason: text('withdrawn_reason'),
    ...whoAndWhen,
  },
  (t) => [index('movement_clearance_patient').on(t.patientId, t.withdrawnAt)],
);

/** A written exercise plan; a new version supersedes the last, which stays readable. */
export const exercisePlan = sqliteTable(
  'exercise_plan',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    version: integer('version').notNull(),
    sessionsPerWeek: integer('sessions_per_week').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    cycleAdjustment: text('cycle_adjustment'),
    milestones: text('milestones'),
    notes: text('notes'),
    supersededAt: text('superseded_at'),
    ...whoAndWhen,
  },
  (t) => [uniqueIndex('exercise_plan_patient_version').on(t.patientId, t.version)],
);

export const planItem = sqliteTable(
  'plan_item',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => exercisePlan.id),
    position: integer('position').notNull(),
    exerciseId: text('exercise_id')
      .notNull()
      .references(() => exercise.id),
    sets: integer('sets'),
    reps: integer('reps'),
    durationMin: real('duration_min'),
    loadKg: real('load_kg'),
    rpeMin: integer('rpe_min'),
    rpeMax: integer('rpe_max'),
    hrMin: integer('hr_min'),
    hrMax: integer('hr_max'),
    talkTest: integer('talk_test', { mode: 'boolean' }).notNull().default(false),
    restSeconds: integer('rest_seconds'),
    progression: text('progression'),
    notes: text('notes'),
    overrideNote: text('override_note'),
    ...whoAndWhen,
  },
  (t) => [index('plan_item_plan').on(t.planId, t.position)],
);
