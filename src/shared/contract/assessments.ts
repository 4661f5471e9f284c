import { z } from 'zod';
import type {
  ChangeThresholdKind,
  ChangeVerdict,
  ReassessmentState,
  StartKind,
  ThresholdProvenance,
} from '../clinical/measures';
import type { OutcomeTestConflict } from '../clinical/measures/testingRestrictions';
import type { ClinicDate } from '../dates';
import type { GoalCategory, GoalStatus, Sex } from '../domain/vocabulary';
import { channel } from './define';
import { choice, clinicalNote, id, optionalNumber, optionalText, pastOrTodayDate, requiredText } from './fields';

/** The kinds a clinician records; a check-in's ESAS-r is stored as `patient_reported` (never chosen on the form). */
export const assessmentKinds = ['baseline', 'reassessment', 'discharge'] as const;
export type RecordedAssessmentKind = (typeof assessmentKinds)[number];
export type AssessmentKind = RecordedAssessmentKind | 'patient_reported';
export const assessmentKindLabels: Record<AssessmentKind, string> = {
  baseline: 'Baseline',
  reassessment: 'Reassessment',
  discharge: 'Discharge',
  patient_reported: 'Patient check-in',
};

/** A discarded draft is kept for the record but counts nowhere. */
export type AssessmentStatus = 'draft' | 'finalised' | 'discarded';

export interface MeasureResultView {
  id: string;
  measureKey: string;
  name: string;
  shortName: string;
  unit: string;
  decimals: number;
  /** The stored score, computed in the main process from the components on save. */
  value: number | null;
  components: Record<string, number | string | boolean | null>;
  derived: Record<string, number | string>;
  warnings: string[];
  /** Why a test a bone-lesion restriction rules out was done anyway; null when none was needed. */
  overrideNote: string | null;
}

export interface AssessmentSummary {
  id: string;
  patientId: string;
  kind: AssessmentKind;
  assessedOn: ClinicDate;
  clinicianId: string;
  clinicianName: string;
  status: AssessmentStatus;
  finalisedAt: string | null;
  /** This row corrects that (earlier, finalised) assessment. */
  amendsId: string | null;
  amendmentReason: string | null;
  /** A finalised correction has replaced this assessment; it stays readable but no longer counts. */
  supersededById: string | null;
  discardedAt: string | null;
  discardReason: string | null;
  measureNames: string[];
}

export interface AssessmentDetail extends AssessmentSummary {
  notes: string | null;
  heightCm: number | null;
  weightKg: number | null;
  finalisedByName: string | null;
  results: MeasureResultView[];
  /** The measures the form lists (the clinic battery when it was started, or those chosen). */
  plannedMeasureKeys: string[];
  /** Person facts used in scoring (age on the assessment date, sex from the patient record). */
  person: { sex: Sex; ageOnDate: number };
  /**
   * The listed or recorded tests that a bone-lesion restriction rules out on the assessment date,
   * after the patient's movement clearances (issue 20): each needs an override note to be recorded.
   */
  testConflicts: OutcomeTestConflict[];
}

export interface ScheduleView {
  lastAssessmentOn: ClinicDate | null;
  intervalWeeks: number;
  dueOn: ClinicDate;
  state: ReassessmentState;
  reason: string;
  daysUntilDue: number;
  source: string;
}

export interface AssessmentList {
  assessments: AssessmentSummary[];
  schedule: ScheduleView;
}

export interface CustomMeasure {
  id: string;
  key: string;
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  mcid: number | null;
  source: string | null;
  decimals: number;
  rangeMin: number;
  rangeMax: number;
  instructions: string | null;
  retired: boolean;
}

export interface SeriesPointView {
  date: ClinicDate;
  value: number;
  assessmentId: string;
  kind: AssessmentKind;
  /** A partial total (an ESAS-r with blank items): shown marked, never judged against an MCID. */
  incomplete?: { answered: number; of: number } | null;
}

export interface ThresholdView {
  value: number;
  declineValue: number | null;
  kind: ChangeThresholdKind;
  source: string;
  note: string | null;
  /** `pacewise` or `unverified` thresholds are marked on screen (FACTS.md §4 does not back them as given). */
  provenance: ThresholdProvenance;
  /** How letters cite the threshold to the medical team: value's published basis, no internal labels. */
  citation: string;
}

export interface CutoffFlagView {
  id: string;
  label: string;
  meaning: string;
  source: string;
  unverified: boolean;
}

export interface ComparisonRow {
  measureKey: string;
  name: string;
  shortName: string;
  unit: string;
  decimals: number;
  better: 'higher' | 'lower';
  parent: string | null;
  /** The value at the finalised baseline or, when the measure was not taken then, the first recorded value. */
  baseline: SeriesPointView | null;
  baselineKind: StartKind | null;
  previous: SeriesPointView | null;
  current: SeriesPointView | null;
  changeFromBaseline: ChangeVerdict | null;
  changeFromPrevious: ChangeVerdict | null;
  cutoffFlags: CutoffFlagView[];
  mcid: ThresholdView | null;
  mcidGap: string | null;
}

export interface ProgressComparison {
  patientId: string;
  rows: ComparisonRow[];
}

export interface MeasureSeries {
  measureKey: string;
  name: string;
  shortName: string;
  unit: string;
  decimals: number;
  better: 'higher' | 'lower';
  points: SeriesPointView[];
  /** The starting value drawn as a line; `baselineKind` says whether it is the baseline or only the first recorded. */
  baseline: number | null;
  baselineKind: StartKind | null;
  mcid: ThresholdView | null;
}

export interface WeekAttendance {
  /** Monday of the week. */
  weekOf: ClinicDate;
  attended: number;
  didNotAttend: number;
  cancelled: number;
  heldForSafety: number;
  /** Sessions a week in the plan in force that week, when there is one. */
  planned: number | null;
  /** Attended as a share of planned (or of all booked sessions when no plan). */
  adherencePercent: number | null;
}

export interface SessionScorePoint {
  date: ClinicDate;
  rpe: number | null;
  fatigue: number | null;
  pain: number | null;
}

export interface GoalProgressView {
  id: string;
  inOwnWords: string;
  category: GoalCategory;
  status: GoalStatus;
  targetDate: ClinicDate | null;
  achievedOn: ClinicDate | null;
  measureKey: string | null;
  measureName: string | null;
  targetValue: string | null;
  baselineValue: number | null;
  latestValue: number | null;
  /** How far from baseline toward the target the latest value is, 0–100, when both are numbers. */
  percentToTarget: number | null;
  milestonesTotal: number;
  milestonesAchieved: number;
}

export interface ProgressCharts {
  patientId: string;
  measures: MeasureSeries[];
  attendance: WeekAttendance[];
  sessionScores: SessionScorePoint[];
  goals: GoalProgressView[];
}

export interface ProgressOverview {
  comparison: ProgressComparison;
  charts: ProgressCharts;
}

export interface CaseloadReassessmentFlag {
  lastAssessmentOn: ClinicDate | null;
  reassessmentDueOn: ClinicDate | null;
  state: ReassessmentState | null;
}

const patientRef = z.object({ patientId: id('Patient') });
const assessmentRef = z.object({ assessmentId: id('Assessment') });
const measureKey = z
  .string({ error: 'Choose a measure' })
  .trim()
  .min(1, 'Choose a measure')
  .max(80, 'Measure is not recognised');

const assessmentHeader = {
  kind: choice('type of assessment', assessmentKinds),
  assessedOn: pastOrTodayDate('assessment date'),
  clinicianId: id('Clinician').nullish(),
  notes: clinicalNote('notes'),
  heightCm: optionalNumber('height', 100, 230, 'cm'),
  weightKg: optionalNumber('weight', 25, 250, 'kg'),
};

const componentValue = z.union([z.number(), z.string().max(100), z.boolean(), z.null()]);

export const customMeasureInput = z
  .object({
    name: requiredText('measure name', 80),
    unit: requiredText('unit', 20),
    better: choice('direction that is better', ['higher', 'lower'] as const),
    mcid: optionalNumber('MCID', 0, 100000),
    source: optionalText('source of the MCID', 300),
    decimals: z
      .number({ error: 'Enter the number of decimal places' })
      .int('Decimal places must be a whole number')
      .min(0, 'Decimal places must be 0 to 3')
      .max(3, 'Decimal places must be 0 to 3'),
    rangeMin: z.number({ error: 'Enter the lowest possible value' }),
    rangeMax: z.number({ error: 'Enter the highest possible value' }),
    instructions: optionalText('instructions', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.rangeMax <= v.rangeMin) {
      ctx.addIssue({ code: 'custom', path: ['rangeMax'], message: 'Highest value must be above the lowest value' });
    }
    if (v.mcid != null && v.mcid <= 0) {
      ctx.addIssue({ code: 'custom', path: ['mcid'], message: 'MCID must be above 0, or left blank' });
    }
    if (v.mcid != null && !v.source) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'Enter where the MCID comes from' });
    }
  });

export const assessmentsChannels = {
  'assessments.list': channel(patientRef).returns<AssessmentList>(),
  'assessments.get': channel(assessmentRef).returns<AssessmentDetail>(),
  'assessments.create': channel(
    z.object({
      patientId: id('Patient'),
      ...assessmentHeader,
      /** Measures to list on the new form; the clinic default battery when omitted. */
      measureKeys: z.array(measureKey).max(60).optional(),
    }),
  ).returns<AssessmentDetail>(),
  'assessments.update': channel(
    z.object({ assessmentId: id('Assessment'), ...assessmentHeader }),
  ).returns<AssessmentDetail>(),
  'assessments.recordMeasure': channel(
    z.object({
      assessmentId: id('Assessment'),
      measureKey,
      components: z.record(z.string().max(60), componentValue, { error: 'Enter the measure’s results' }),
      /** Needed when a bone-lesion restriction rules the test out (AssessmentDetail.testConflicts). */
      overrideNote: optionalText('reason for doing this test despite the restriction', 1000).optional(),
    }),
  ).returns<AssessmentDetail>(),
  'assessments.clearMeasure': channel(
    z.object({ assessmentId: id('Assessment'), measureKey }),
  ).returns<AssessmentDetail>(),
  'assessments.finalise': channel(assessmentRef).returns<AssessmentDetail>(),
  'assessments.amend': channel(
    z.object({ assessmentId: id('Assessment'), reason: requiredText('reason for the correction', 500) }),
  ).returns<AssessmentDetail>(),
  'assessments.discard': channel(
    z.object({ assessmentId: id('Assessment'), reason: requiredText('reason for discarding the draft', 500) }),
  ).returns<AssessmentDetail>(),
  'measures.listCustom': channel(z.object({ includeRetired: z.boolean().default(false) })).returns<CustomMeasure[]>(),
  'measures.createCustom': channel(customMeasureInput).returns<CustomMeasure>(),
  'measures.retireCustom': channel(z.object({ measureId: id('Measure') })).returns<CustomMeasure>(),
  'measures.defaultBattery': channel(z.object({})).returns<string[]>(),
  'measures.setDefaultBattery': channel(
    z.object({ measureKeys: z.array(measureKey).max(60, 'The battery can hold at most 60 measures') }),
  ).returns<string[]>(),
  'progress.comparison': channel(patientRef).returns<ProgressComparison>(),
  'progress.charts': channel(patientRef).returns<ProgressCharts>(),
  /** The progress screen: comparison and charts from one read. */
  'progress.overview': channel(patientRef).returns<ProgressOverview>(),
  'progress.caseloadFlag': channel(patientRef).returns<CaseloadReassessmentFlag>(),
};
