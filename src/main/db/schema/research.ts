import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { whoAndWhen } from './columns';
import { patient } from './foundation';

/**
 * A patient's place in the de-identified research export (issue 24): a random study id, the same in
 * every export, and the random number of days by which each of their dates is shifted. The offset
 * never leaves the caseload (not in any export, not in the audit entry that records the study id):
 * with it, the shifted dates would give the real ones back.
 */
export const researchSubject = sqliteTable(
  'research_subject',
  {
    patientId: text('patient_id')
      .primaryKey()
      .references(() => patient.id),
    studyId: text('study_id').notNull(),
    dateOffsetDays: integer('date_offset_days').notNull(),
    ...whoAndWhen,
  },
  (t) => [uniqueIndex('research_subject_study_id').on(t.studyId)],
);
