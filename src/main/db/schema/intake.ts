import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { whoAndWhen } from './columns';
import { clinician, patient } from './foundation';

/**
 * Intake (issue 3). Rows are edited in place only through services that write the before and
 * after values to the audit log in the same transaction; nothing here is ever deleted. Lists that
 * can end (care team, medications, comorbidities) carry an end date or an `active` flag instead.
 */

export const patientDetails = sqliteTable('patient_details', {
  patientId: text('patient_id')
    .primaryKey()
    .references(() => patient.id),
  gender: text('gender'),
  phone: text('phone'),
  email: text('email'),
  address: text('address'),
  preferredLanguage: text('preferred_language'),
  interpreterNeeded: integer('interpreter_needed', { mode: 'boolean' }).notNull().default(false),
  emergencyContactName: text('emergency_contact_name'),
  emergencyContactRelationship: text('emergency_contact_relationship'),
  emergencyContactPhone: text('emergency_contact_phone'),
  /** Weeks between reassessments; FACTS §5 (programmes ran 8–12+ weeks). */
  reassessmentIntervalWeeks: integer('reassessment_interval_weeks').notNull().default(8),
  leadClinicianId: text('lead_clinician_id').references(() => clinician.id),
  /** The last left-ventricular ejection fraction reported, for the cardiotoxic-treatment alert (issue 20). */
  lvefPercent: integer('lvef_percent'),
  lvefMeasuredOn: text('lvef_measured_on'),
  ...whoAndWhen,
});

export const statusChange = sqliteTable(
  'status_change',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    effectiveOn: text('effective_on').notNull(),
    reason: text('reason'),
    ...whoAndWhen,
  },
  (t) => [index('status_change_patient').on(t.patientId, t.effectiveOn)],
);

/** The clinic-wide directory of oncologists, GPs, nurses and others, reused across patients. */
export const contact = sqliteTable(
  'contact',
  {
    id: text('id').primaryKey(),
    fullName: text('full_name').notNull(),
    role: text('role').notNull(),
    practice: text('practice'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    fax: text('fax'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...whoAndWhen,
  },
  (t) => [index('contact_name').on(t.fullName)],
);

export const careTeamMember = sqliteTable(
  'care_team_member',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    contactId: text('contact_id')
      .notNull()
      .references(() => contact.id),
    isMainOncologist: integer('is_main_oncologist', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...whoAndWhen,
  },
  (t) => [index('care_team_patient').on(t.patientId), index('care_team_contact').on(t.contactId)],
);

export const referral = sqliteTable(
  'referral',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    referredOn: text('referred_on').notNull(),
    referrerContactId: text('referrer_contact_id').references(() => contact.id),
    referrerName: text('referrer_name'),
    reason: text('reason'),
    priority: text('priority').notNull().default('routine'),
    ...whoAndWhen,
  },
  (t) => [index('referral_patient').on(t.patientId, t.referredOn)],
);

export const diagnosis = sqliteTable(
  'diagnosis',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    primarySite: text('primary_site').notNull(),
    histology: text('histology'),
    diagnosedOn: text('diagnosed_on'),
    stage: text('stage'),
    /** JSON array of MetastaticSite values. */
    metastaticSitesJson: text('metastatic_sites_json').notNull().default('[]'),
    otherMetastaticSites: text('other_metastatic_sites'),
    notes: text('notes'),
    ...whoAndWhen,
  },
  (t) => [index('diagnosis_patient').on(t.patientId)],
);

export const boneLesion = sqliteTable(
  'bone_lesion',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    site: text('site').notNull(),
    side: text('side'),
    /** Free description of the level or part, e.g. "L3 vertebral body". */
    location: text('location'),
    lesionType: text('lesion_type'),
    radiotherapy: integer('radiotherapy', { mode: 'boolean' }).notNull().default(false),
    radiotherapyOn: text('radiotherapy_on'),
    surgery: integer('surgery', { mode: 'boolean' }).notNull().default(false),
    surgeryOn: text('surgery_on'),
    weightBearing: text('weight_bearing').notNull().default('unknown'),
    /** Score components as entered (MirelsComponents / SinsComponents); totals are recomputed. */
    mirelsJson: text('mirels_json'),
    sinsJson: text('sins_json'),
    notes: text('notes'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...whoAndWhen,
  },
  (t) => [index('bone_lesion_patient').on(t.patientId)],
);

export const treatment = sqliteTable(
  'treatment',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    type: text('type').notNull(),
    regimen: text('regimen'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    cycleLengthDays: integer('cycle_length_days'),
    /** JSON array of day-1 dates (YYYY-MM-DD) for cyclical treatment. */
    day1DatesJson: text('day1_dates_json').notNull().default('[]'),
    notes: text('notes'),
    ...whoAndWhen,
  },
  (t) => [index('treatment_patient').on(t.patientId, t.startDate)],
);

export const comorbidity = sqliteTable(
  'comorbidity',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    kind: text('kind').notNull(),
    detail: text('detail'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...whoAndWhen,
  },
  (t) => [index('comorbidity_patient').on(t.patientId)],
);

export const medication = sqliteTable(
  'medication',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    name: text('name').notNull(),
    dose: text('dose'),
    /** JSON array of MedicationFlag values chosen by the clinician (suggested from the name). */
    flagsJson: text('flags_json').notNull().default('[]'),
    startedOn: text('started_on'),
    stoppedOn: text('stopped_on'),
    notes: text('notes'),
    ...whoAndWhen,
  },
  (t) => [index('medication_patient').on(t.patientId)],
);

export const clearance = sqliteTable(
  'clearance',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    requestedOn: text('requested_on'),
    requestedFromContactId: text('requested_from_contact_id').references(() => contact.id),
    requestedFromName: text('requested_from_name'),
    receivedOn: text('received_on'),
    receivedFromContactId: text('received_from_contact_id').references(() => contact.id),
    receivedFromName: text('received_from_name'),
    decision: text('decision'),
    restrictions: text('restrictions'),
    /** The doctor's restrictions where Pacewise can enforce them; null or empty when none given. */
    rpeCeiling: integer('rpe_ceiling'),
    hrCeiling: integer('hr_ceiling'),
    /** JSON array of movement tags the doctor asked to avoid. */
    avoidTags: text('avoid_tags'),
    noGroupSessions: integer('no_group_sessions', { mode: 'boolean' }).notNull().default(false),
    reviewBy: text('review_by'),
    notes: text('notes'),
    ...whoAndWhen,
  },
  (t) => [index('clearance_patient').on(t.patientId)],
);

export const baselineScreening = sqliteTable(
  'baseline_screening',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    screenedOn: text('screened_on').notNull(),
    fatigue: integer('fatigue'),
    pain: integer('pain'),
    painSite: text('pain_site'),
    breathlessness: integer('breathlessness'),
    nausea: integer('nausea'),
    neuropathy: text('neuropathy'),
    sleepQuality: integer('sleep_quality'),
    energy: integer('energy'),
    ecog: integer('ecog'),
    fallsLast6Months: integer('falls_last_6_months'),
    currentActivity: text('current_activity'),
    exerciseFear: integer('exercise_fear'),
    readiness: text('readiness'),
    priorities: text('priorities'),
    ...whoAndWhen,
  },
  (t) => [index('baseline_screening_patient').on(t.patientId, t.screenedOn)],
);

export const goal = sqliteTable(
  'goal',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    inOwnWords: text('in_own_words').notNull(),
    category: text('category').notNull(),
    measureKey: text('measure_key'),
    targetValue: text('target_value'),
    targetDate: text('target_date'),
    status: text('status').notNull().default('active'),
    achievedOn: text('achieved_on'),
    ...whoAndWhen,
  },
  (t) => [index('goal_patient').on(t.patientId)],
);

export const goalMilestone = sqliteTable(
  'goal_milestone',
  {
    id: text('id').primaryKey(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goal.id),
    description: text('description').notNull(),
    targetDate: text('target_date'),
    achievedOn: text('achieved_on'),
    ...whoAndWhen,
  },
  (t) => [index('goal_milestone_goal').on(t.goalId)],
);

/**
 * What the caseload and Today show about each patient, kept current by every service that changes
 * one of its inputs (in the same transaction). Date-dependent states (expiring, overdue) are worked
 * out at read time from the stored dates, so the row never goes stale overnight.
 */
export const caseloadSummary = sqliteTable(
  'caseload_summary',
  {
    patientId: text('patient_id')
      .primaryKey()
      .references(() => patient.id),
    status: text('status').notNull(),
    leadClinicianId: text('lead_clinician_id'),
    /** missing | requested | valid | not_cleared, from the latest clearance; expiry from reviewBy. */
    clearanceState: text('clearance_state').notNull().default('missing'),
    clearanceReviewBy: text('clearance_review_by'),
    hasBoneMets: integer('has_bone_mets', { mode: 'boolean' }).notNull().default(false),
    /** JSON array of every metastatic site on the diagnoses; which raise an alert is decided at read time. */
    metastaticSitesJson: text('metastatic_sites_json').notNull().default('[]'),
    skeletalRiskLevel: text('skeletal_risk_level').notNull().default('none'),
    /** First and last day of any treatment on record that is not finished, for "on treatment this week". */
    treatmentFrom: text('treatment_from'),
    treatmentTo: text('treatment_to'),
    lastAssessmentOn: text('last_assessment_on'),
    reassessmentDueOn: text('reassessment_due_on'),
    openAdverseEvents: integer('open_adverse_events').notNull().default(0),
    openRedFlags: integer('open_red_flags').notNull().default(0),
    /** Open adverse events with no grade yet (opened from a red flag): shown as "grade needed". */
    ungradedAdverseEvents: integer('ungraded_adverse_events').notNull().default(0),
    /** Date the oldest unanswered guidance request was sent (or finalised); null when none waits. */
    guidanceAwaitingSince: text('guidance_awaiting_since'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('caseload_summary_status').on(t.status),
    index('caseload_summary_due').on(t.reassessmentDueOn),
    index('caseload_summary_clearance').on(t.clearanceState, t.clearanceReviewBy),
    index('caseload_summary_guidance').on(t.guidanceAwaitingSince),
  ],
);
