import { z } from 'zod';
import { channel } from './define';
import { id, integerIn } from './fields';

/** Where an export went; `{ saved: false }` when the save dialog was cancelled (nothing written, nothing audited). */
interface SavedExport {
  saved: true;
  path: string;
  fileName: string;
  sizeBytes: number;
  at: string;
}

/** A patient's record as a FHIR R4 Bundle (issue 24). */
export type FhirExportResult =
  | (SavedExport & {
      resources: number;
      /** How many of each resource type, e.g. { Observation: 14, Encounter: 3 }. */
      resourceTypes: Record<string, number>;
    })
  | { saved: false };

/** The de-identified research set: one CSV per form with a REDCap data dictionary, zipped. */
export type ResearchExportResult =
  | (SavedExport & {
      patients: number;
      /** CSV files of data (the dictionary and the README not counted). */
      forms: number;
      rows: number;
    })
  | { saved: false };

/**
 * How far each patient's dates are moved in the research export: a whole number of days this many
 * earlier, drawn once per patient. A Pacewise choice (no standard fixes the range): enough that a
 * shifted date does not give the real week away, small enough to keep a year-long programme's
 * season roughly in place.
 */
export const RESEARCH_DATE_SHIFT_DAYS = { min: 30, max: 365 } as const;

/** What a clinic may choose instead: at least a week earlier (less gives the real week away), at most ten years. */
export const RESEARCH_DATE_SHIFT_LIMITS = { min: 7, max: 3650 } as const;

/** The research export's clinic policy: the range each new patient's date offset is drawn from. */
export interface ResearchSettings {
  minDays: number;
  maxDays: number;
  defaults: { minDays: number; maxDays: number };
  /** Patients who already have an offset: a new range applies only to patients given one after it. */
  patientsWithOffset: number;
}

const dateShiftInput = z
  .object({
    minDays: integerIn('fewest days dates are moved', RESEARCH_DATE_SHIFT_LIMITS.min, RESEARCH_DATE_SHIFT_LIMITS.max),
    maxDays: integerIn('most days dates are moved', RESEARCH_DATE_SHIFT_LIMITS.min, RESEARCH_DATE_SHIFT_LIMITS.max),
  })
  .strict()
  .superRefine((range, ctx) => {
    if (range.maxDays < range.minDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxDays'],
        message: 'The most days must be at least the fewest days',
      });
    }
  });

/** How far the research export has gone; null when none is running. */
export interface ResearchExportProgress {
  stage: string;
  done: number;
  total: number;
}

/**
 * Exports in the forms other systems read (issue 24): FHIR for a hospital's record, REDCap for a
 * registry or trial. The research export is for administrators only (adminChannels).
 */
export const standardExportChannels = {
  'exports.patientFhir': channel(z.object({ patientId: id('Patient') }).strict()).returns<FhirExportResult>(),
  'exports.research': channel(z.object({}).strict()).returns<ResearchExportResult>(),
  'exports.researchProgress': channel(z.object({}).strict()).returns<ResearchExportProgress | null>(),
  'exports.researchSettings': channel(z.object({}).strict()).returns<ResearchSettings>(),
  /** Administrators only (adminChannels). */
  'exports.setResearchDateShift': channel(dateShiftInput).returns<ResearchSettings>(),
};
