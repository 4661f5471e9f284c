import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { whoAndWhen } from './columns';
import { assessment } from './assessments';
import { clinician, patient } from './foundation';
import { adverseEvent, session } from './sessions';

/**
 * Patient check-in (issue 23). One row per hand-over of the device for one booking: started by a
 * clinician, then completed (the answers kept as the patient gave them), or abandoned (nothing the
 * patient typed is kept), and handed back. The ESAS-r of a completed check-in is also stored as a
 * `patient_reported` assessment, so Progress shows it beside reassessments.
 */
export const checkIn = sqliteTable(
  'check_in',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => session.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    startedAt: text('started_at').notNull(),
    startedBy: text('started_by')
      .notNull()
      .references(() => clinician.id),
    /** started | completed | abandoned */
    status: text('status').notNull(),
    completedAt: text('completed_at'),
    /** Who filled in the form, as the ESAS-r asks: patient | family_caregiver | health_professional_caregiver */
    completedBy: text('completed_by'),
    /** The answers exactly as given (CheckInAnswers); null unless completed. */
    answersJson: text('answers_json'),
    assessmentId: text('assessment_id').references(() => assessment.id),
    abandonedAt: text('abandoned_at'),
    abandonReason: text('abandon_reason'),
    handedBackAt: text('handed_back_at'),
    handedBackHow: text('handed_back_how'),
    ...whoAndWhen,
  },
  (t) => [index('check_in_session').on(t.sessionId, t.status)],
);

/**
 * The clinician's review of a red flag the patient reported: what they found. Confirmed, it opened
 * an incident on the session (adverse_event_id); not confirmed, the note is the record of why not.
 */
export const checkInReview = sqliteTable(
  'check_in_review',
  {
    id: text('id').primaryKey(),
    checkInId: text('check_in_id')
      .notNull()
      .references(() => checkIn.id),
    sessionId: text('session_id')
      .notNull()
      .references(() => session.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    redFlagId: text('red_flag_id').notNull(),
    /** confirmed | not_confirmed */
    finding: text('finding').notNull(),
    note: text('note').notNull(),
    adverseEventId: text('adverse_event_id').references(() => adverseEvent.id),
    ...whoAndWhen,
  },
  (t) => [uniqueIndex('check_in_review_flag').on(t.checkInId, t.redFlagId)],
);
