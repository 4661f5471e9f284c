import { z } from 'zod';
import { daysBetween, type ClinicDate } from '../dates';
import { channel } from './define';
import { clinicDate } from './fields';
import type { ExportResult } from './exports';

/** The longest period one report covers; longer is almost always a slip in the year. */
export const REPORT_MAX_DAYS = 366 * 5;

export const reportPeriodInput = z
  .object({ from: clinicDate('start of the period'), to: clinicDate('end of the period') })
  .superRefine((v, ctx) => {
    if (v.to < v.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'End of the period cannot be before its start' });
    } else if (daysBetween(v.from, v.to) >= REPORT_MAX_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'A report covers at most five years' });
    }
  });

/** A count and its share of a whole, in percent to one decimal place; null when the whole is zero. */
export interface Share {
  count: number;
  percent: number | null;
}

export const adverseEventGrades = [1, 2, 3, 4, 5] as const;

/**
 * What a clinic reports to a manager or funder for a period (issue 24). Each figure's definition is
 * given beside it on the screen and in the PDF (reportDefinitions), so the numbers can be checked.
 */
export interface ClinicReport {
  from: ClinicDate;
  to: ClinicDate;
  /** The day states such as "overdue" are judged on: the end of the period, or today if that is earlier. */
  asOf: ClinicDate;
  generatedAt: string;
  patientsSeen: number;
  sessions: {
    booked: number;
    attended: number;
    cancelled: number;
    didNotAttend: number;
    heldForSafety: number;
    /** Past or future sessions still only booked: nothing recorded yet. */
    notYetRecorded: number;
  };
  screens: { total: number; go: Share; modify: Share; hold: Share };
  adverseEvents: {
    total: number;
    /** Grades 1–5, then events still waiting for their grade. */
    byGrade: Array<{ grade: number | null; count: number; per100: number | null }>;
    per100: number | null;
    attendedSessions: number;
  };
  reassessments: {
    done: number;
    /** Patients active on `asOf` whose reassessment was overdue then. */
    overdue: number;
    activePatients: number;
  };
  sixMinuteWalk: {
    /** Patients with a starting walk and a later one dated in the period. */
    patients: number;
    improved: Share;
    stable: number;
    declined: number;
    notJudged: number;
    threshold: { value: number; unit: string; source: string; note: string | null; clinicPolicy: boolean };
  };
}

/** How each figure is counted, in the words the screen and the PDF print beside it. */
export const reportDefinitions = {
  patientsSeen: 'Patients with at least one session in the period that they came to: attended, or held for safety.',
  sessions:
    'Every session dated in the period was booked; each ended as attended, cancelled, did not attend or held for safety, or is still only booked.',
  screens: 'Pre-session safety checks recorded for sessions dated in the period, by the decision they gave.',
  adverseEvents:
    'Adverse events that happened in the period (by the clinic’s calendar), per 100 sessions attended in the period, by grade 1–5; events opened from a red flag and not yet graded are counted apart.',
  reassessments:
    'Done: finalised reassessment and discharge assessments dated in the period (a corrected assessment counts once). Overdue: patients active at the end of the period whose reassessment date had passed then, as the caseload flags it.',
  sixMinuteWalk:
    'Patients with a six-minute walk at the start (the baseline assessment, or their first recorded walk) and a later one dated in the period: the latest walk in the period is compared with the start, as on the Progress screen.',
} as const;

export const reportsChannels = {
  'reports.clinic': channel(reportPeriodInput).returns<ClinicReport>(),
  'reports.exportClinicPdf': channel(reportPeriodInput).returns<ExportResult>(),
};
