import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { whoAndWhen } from './columns';
import { clinician, patient } from './foundation';

/**
 * Reassessment (issue 5). An assessment is edited while a draft; once `finalised_at` is set the row
 * and its results never change again. A correction is a new assessment whose `amends_id` points to
 * the original: the original stays readable and stops counting once the correction is finalised.
 * A draft can be discarded (never deleted): `discarded_at` is set and it stops blocking or counting.
 */

/** Measures the clinic defined itself; retired, never removed, so old results keep their meaning. */
export const customMeasure = sqliteTable(
  'custom_measure',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    better: text('better').notNull(),
    mcid: real('mcid'),
    source: text('source'),
    decimals: integer('decimals').notNull().default(0),
    rangeMin: real('range_min').notNull(),
    rangeMax: real('range_max').notNull(),
    instructions: text('instructions'),
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
    ...whoAndWhen,
  },
  (t) => [index('custom_measure_name').on(t.name)],
);

export const assessment = sqliteTable(
  'assessment',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    /** baseline | reassessment | discharge */
    kind: text('kind').notNull(),
    assessedOn: text('assessed_on').notNull(),
    clinicianId: text('clinician_id')
      .notNull()
      .references(() => clinician.id),
    notes: text('notes'),
    /** Kept with the assessment because the 6MWT prediction needs them on the day. */
    heightCm: real('height_cm'),
    weightKg: real('weight_kg'),
    /** The measures listed on the form (JSON array of keys), from the clinic battery or chosen. */
    plannedMeasuresJson: text('planned_measures_json').notNull().default('[]'),
    amendsId: text('amends_id'),
    amendmentReason: text('amendment_reason'),
    finalisedAt: text('finalised_at'),
    finalisedBy: text('finalised_by').references(() => clinician.id),
    /**
     * A draft (or unfinalised correction) abandoned by a clinician: the row and its results are
     * kept for the record, shown as discarded, and excluded from every comparison, chart and check.
     */
    discardedAt: text('discarded_at'),
    discardedBy: text('discarded_by').references(() => clinician.id),
    discardReason: text('discard_reason'),
    ...whoAndWhen,
  },
  (t) => [index('assessment_patient_date').on(t.patientId, t.assessedOn), index('assessment_amends').on(t.amendsId)],
);

/**
 * One measure's result within an assessment. `patient_id` and `assessed_on` are copied from the
 * assessment so a measure's series is one index range. ESAS-r symptoms are stored as their own rows
 * (`esas_r.fatigue`, …) pointing to the ESAS-r row, so each symptom has its own series and verdict.
 */
export const measureResult = sqliteTable(
  'measure_result',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => assessment.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    assessedOn: text('assessed_on').notNull(),
    measureKey: text('measure_key').notNull(),
    parentResultId: text('parent_result_id'),
    value: real('value'),
    componentsJson: text('components_json').notNull().default('{}'),
    derivedJson: text('derived_json').notNull().default('{}'),
    warningsJson: text('warnings_json').notNull().default('[]'),
    /** Why a test a bone-lesion restriction rules out was done anyway (issue 20), as a plan's override note. */
    overrideNote: text('override_note'),
    ...whoAndWhen,
  },
  (t) => [
    uniqueIndex('measure_result_assessment_measure').on(t.assessmentId, t.measureKey),
    index('measure_result_patient_measure').on(t.patientId, t.measureKey, t.assessedOn),
  ],
);
