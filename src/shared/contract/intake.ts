import { z } from 'zod';
import type { GuidanceReplyWait } from '../clinical/letters/model';
import {
  fractureScoreFor,
  mirelsItems,
  mirelsSiteMismatch,
  sinsItems,
  sinsLocationMismatch,
} from '../clinical/intake/fractureRisk';
import { suggestMedicationFlags } from '../clinical/intake/medications';
import { movementTags, type MovementTag } from '../clinical/session/boneRestrictions';
import {
  alertableSites,
  type AlertableSite,
  type PatientAlert,
  type SiteAlertPolicy,
} from '../clinical/intake/patientAlerts';
import type { ClearanceStatus, SessionStartDecision } from '../clinical/intake/clearance';
import {
  policyPrecautions,
  RECENT_SURGERY_WEEKS_RANGE,
  type PolicyPrecaution,
  type PrecautionPolicy,
} from '../clinical/intake/precautions';
import type { SkeletalRiskLevel, SkeletalRiskSummary } from '../clinical/intake/skeletalRisk';
import type { CycleDay } from '../clinical/intake/treatmentCycle';
import type { MirelsResult, SinsResult } from '../clinical/intake/fractureRisk';
import { daysBetween, todayLocal, type ClinicDate } from '../dates';
import type { PatientSafetyContext } from '../domain/safetyContext';
import {
  boneLesionSites,
  clearanceDecisions,
  comorbidityKinds,
  contactRoles,
  goalCategories,
  goalStatuses,
  lesionTypes,
  medicationFlags,
  metastaticSites,
  patientStatuses,
  referralPriorities,
  sexes,
  treatmentTypes,
  weightBearingStatuses,
  type BoneLesionSite,
  type ClearanceDecision,
  type ComorbidityKind,
  type ContactRole,
  type GoalCategory,
  type GoalStatus,
  type LesionType,
  type MedicationFlag,
  type MetastaticSite,
  type PatientStatus,
  type ReferralPriority,
  type TreatmentType,
  type WeightBearingStatus,
} from '../domain/vocabulary';
import { channel } from './define';
import {
  clinicalNote,
  choice,
  clinicDate,
  email,
  id,
  integerIn,
  optionalChoice,
  optionalClinicDate,
  optionalIntegerIn,
  optionalText,
  pastOrTodayDate,
  requiredText,
} from './fields';
import { dateOfBirthField, type PatientSummary } from './patients';

/* ------------------------------------------------------------------ helpers */

const patientId = id('Patient');
const optionalId = (label: string) =>
  id(label)
    .nullish()
    .transform((v) => v ?? null);
const flag = (label: string) => z.boolean({ error: `${label} must be yes or no` });
const optionalPastDate = (label: string) =>
  optionalClinicDate(label).refine((v) => v === null || v <= todayLocal(), `${cap(label)} cannot be in the future`);

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
const optionKeys = <T extends Record<string, unknown>>(options: T) =>
  Object.keys(options) as [keyof T & string, ...Array<keyof T & string>];
const scoreItem = <T extends Record<string, unknown>>(label: string, options: T) =>
  z
    .enum(optionKeys(options), { error: `Choose a valid ${label.toLowerCase()}` })
    .nullish()
    .transform((v) => v ?? null);

/* ------------------------------------------------------------------ patient record */

export const patientDetailsInput = z.object({
  patientId,
  givenName: requiredText('given name', 100),
  familyName: requiredText('family name', 100),
  preferredName: optionalText('preferred name', 100),
  dateOfBirth: dateOfBirthField,
  sex: choice('sex', sexes.values),
  mrn: requiredText('hospital number (MRN)', 40).transform((v) => v.toUpperCase()),
  gender: optionalText('gender', 60),
  phone: optionalText('phone', 40),
  email: email('email'),
  address: optionalText('address', 400),
  preferredLanguage: optionalText('preferred language', 60),
  interpreterNeeded: flag('Interpreter needed').default(false),
  emergencyContactName: optionalText('emergency contact or carer name', 120),
  emergencyContactRelationship: optionalText('relationship', 60),
  emergencyContactPhone: optionalText('emergency contact phone', 40),
  reassessmentIntervalWeeks: integerIn('reassessment interval in weeks', 1, 52).default(8),
  leadClinicianId: optionalId('Lead clinician'),
});

export const statusChangeInput = z.object({
  patientId,
  toStatus: choice('new status', patientStatuses.values),
  effectiveOn: pastOrTodayDate('date of the change'),
  reason: requiredText('reason for the change', 500),
  /** Marks a change that corrects a wrongly recorded status (the only way out of Deceased). */
  correction: flag('Correction of a wrongly recorded status').default(false),
});

/* ------------------------------------------------------------------ contacts and care team */

export const contactInput = z.object({
  id: optionalId('Contact'),
  fullName: requiredText('name', 120),
  role: choice('role', contactRoles.values),
  practice: optionalText('practice or hospital', 200),
  address: optionalText('address', 400),
  phone: optionalText('phone', 40),
  email: email('email'),
  fax: optionalText('fax', 40),
  active: flag('Active').default(true),
});

export const careTeamInput = z.object({
  patientId,
  id: optionalId('Care team member'),
  contactId: z.string({ error: 'Choose the team member' }).min(1, 'Choose the team member'),
  isMainOncologist: flag('Main oncologist').default(false),
  note: optionalText('note', 500),
  active: flag('On the care team').default(true),
});

/* ------------------------------------------------------------------ referral and diagnosis */

export const referralInput = z.object({
  patientId,
  id: optionalId('Referral'),
  referredOn: pastOrTodayDate('referral date'),
  referrerContactId: optionalId('Referrer'),
  referrerName: optionalText('referrer name', 120),
  reason: optionalText('reason for referral', 2000),
  priority: choice('priority', referralPriorities.values).default('routine'),
});

export const diagnosisInput = z
  .object({
    patientId,
    id: optionalId('Diagnosis'),
    primarySite: requiredText('primary cancer site', 120),
    histology: optionalText('histology', 200),
    diagnosedOn: optionalPastDate('date of diagnosis'),
    stage: optionalText('stage', 60),
    metastaticSites: z.array(choice('metastatic site', metastaticSites.values)).max(6).default([]),
    otherMetastaticSites: optionalText('other metastatic sites', 300),
    notes: clinicalNote('notes'),
  })
  .superRefine((v, ctx) => {
    if (v.metastaticSites.includes('other') && !v.otherMetastaticSites) {
      ctx.addIssue({ code: 'custom', path: ['otherMetastaticSites'], message: 'Name the other metastatic sites' });
    }
  });

/* ------------------------------------------------------------------ bone lesions */

export const mirelsInput = z
  .object({
    site: scoreItem(mirelsItems.site.label, mirelsItems.site.options),
    lesion: scoreItem(mirelsItems.lesion.label, mirelsItems.lesion.options),
    size: scoreItem(mirelsItems.size.label, mirelsItems.size.options),
    pain: scoreItem(mirelsItems.pain.label, mirelsItems.pain.options),
  })
  .nullish()
  .transform((v) => v ?? null);

export const sinsInput = z
  .object({
    location: scoreItem(sinsItems.location.label, sinsItems.location.options),
    pain: scoreItem(sinsItems.pain.label, sinsItems.pain.options),
    lesion: scoreItem(sinsItems.lesion.label, sinsItems.lesion.options),
    alignment: scoreItem(sinsItems.alignment.label, sinsItems.alignment.options),
    collapse: scoreItem(sinsItems.collapse.label, sinsItems.collapse.options),
    posterolateral: scoreItem(sinsItems.posterolateral.label, sinsItems.posterolateral.options),
  })
  .nullish()
  .transform((v) => v ?? null);

const anyScored = (components: Record<string, unknown> | null) =>
  !!components && Object.values(components).some((value) => value != null);

export const boneLesionInput = z
  .object({
    patientId,
    id: optionalId('Bone lesion'),
    site: choice('lesion site', boneLesionSites.values),
    side: optionalChoice('side', ['left', 'right', 'midline', 'bilateral'] as const),
    location: optionalText('level or part of the bone', 120),
    lesionType: optionalChoice('lesion type', lesionTypes.values),
    radiotherapy: flag('Radiotherapy to this lesion').default(false),
    radiotherapyOn: optionalPastDate('radiotherapy date'),
    surgery: flag('Surgery to this lesion').default(false),
    surgeryOn: optionalPastDate('surgery date'),
    weightBearing: choice('weight-bearing status', weightBearingStatuses.values).default('unknown'),
    mirels: mirelsInput,
    sins: sinsInput,
    notes: clinicalNote('notes'),
    active: flag('Active').default(true),
  })
  .superRefine((v, ctx) => {
    const kind = fractureScoreFor(v.site);
    if (anyScored(v.mirels) && kind !== 'mirels' && v.site !== 'other') {
      ctx.addIssue({
        code: 'custom',
        path: ['mirels.site'],
        message: 'Mirels applies to long bones (femur, tibia, humerus) only',
      });
    }
    if (anyScored(v.sins) && kind !== 'sins' && v.site !== 'other') {
      ctx.addIssue({ code: 'custom', path: ['sins.location'], message: 'SINS applies to spinal lesions only' });
    }
    // A site item that does not fit the lesion's own site would make the score wrongly low (or high).
    const mirelsSiteProblem = anyScored(v.mirels) ? mirelsSiteMismatch(v.site, v.mirels?.site) : null;
    if (mirelsSiteProblem && (kind === 'mirels' || v.site === 'other')) {
      ctx.addIssue({ code: 'custom', path: ['mirels.site'], message: mirelsSiteProblem });
    }
    const sinsLocationProblem = anyScored(v.sins) ? sinsLocationMismatch(v.site, v.location, v.sins?.location) : null;
    if (sinsLocationProblem && (kind === 'sins' || v.site === 'other')) {
      ctx.addIssue({ code: 'custom', path: ['sins.location'], message: sinsLocationProblem });
    }
    if (v.lesionType && v.mirels?.lesion && v.mirels.lesion !== v.lesionType && kind === 'mirels') {
      ctx.addIssue({
        code: 'custom',
        path: ['mirels.lesion'],
        message: 'Mirels lesion type must match the lesion type',
      });
    }
    if (v.lesionType && v.sins?.lesion && v.sins.lesion !== v.lesionType && kind === 'sins') {
      ctx.addIssue({ code: 'custom', path: ['sins.lesion'], message: 'SINS bone lesion must match the lesion type' });
    }
    if (v.radiotherapyOn && !v.radiotherapy) {
      ctx.addIssue({
        code: 'custom',
        path: ['radiotherapy'],
        message: 'Tick radiotherapy if a radiotherapy date is given',
      });
    }
    if (v.surgeryOn && !v.surgery) {
      ctx.addIssue({ code: 'custom', path: ['surgery'], message: 'Tick surgery if a surgery date is given' });
    }
  });

/* ------------------------------------------------------------------ treatments */

export const treatmentInput = z
  .object({
    patientId,
    id: optionalId('Treatment'),
    type: choice('treatment type', treatmentTypes.values),
    regimen: requiredText('regimen', 200),
    startDate: clinicDate('start date'),
    endDate: optionalClinicDate('end date'),
    cycleLengthDays: optionalIntegerIn('cycle length', 7, 90),
    day1Dates: z.array(clinicDate('day-1 date')).max(200, 'Record at most 200 day-1 dates').default([]),
    notes: clinicalNote('notes'),
  })
  .superRefine((v, ctx) => {
    if (v.endDate && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'End date cannot be before the start date' });
    }
    if (v.day1Dates.length > 0 && v.cycleLengthDays === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['cycleLengthDays'],
        message: 'Enter the cycle length for cyclical treatment',
      });
    }
    v.day1Dates.forEach((d, i) => {
      if (d < v.startDate) {
        ctx.addIssue({ code: 'custom', path: ['day1Dates', i], message: `Day-1 date ${d} is before the start date` });
      } else if (v.endDate && d > v.endDate) {
        ctx.addIssue({ code: 'custom', path: ['day1Dates', i], message: `Day-1 date ${d} is after the end date` });
      }
    });
    if (v.cycleLengthDays !== null) {
      // A delayed cycle is common; a day 1 sooner than one cycle after the last would give a false "day 1".
      const sorted = [...new Set(v.day1Dates)].sort();
      for (let i = 1; i < sorted.length; i++) {
        const gap = daysBetween(sorted[i - 1]!, sorted[i]!);
        if (gap < v.cycleLengthDays) {
          ctx.addIssue({
            code: 'custom',
            path: ['day1Dates'],
            message:
              `Day-1 date ${sorted[i]} is only ${gap} day${gap === 1 ? '' : 's'} after ${sorted[i - 1]}: ` +
              `the next cycle cannot start sooner than the ${v.cycleLengthDays}-day cycle length`,
          });
        }
      }
    }
    if (new Set(v.day1Dates).size !== v.day1Dates.length) {
      ctx.addIssue({ code: 'custom', path: ['day1Dates'], message: 'Each day-1 date may be entered only once' });
    }
  });

/* ------------------------------------------------------------------ comorbidities and medications */

export const comorbidityInput = z
  .object({
    patientId,
    id: optionalId('Comorbidity'),
    kind: choice('condition', comorbidityKinds.values),
    detail: optionalText('details', 500),
    active: flag('Current').default(true),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'other' && !v.detail) {
      ctx.addIssue({ code: 'custom', path: ['detail'], message: 'Name the condition' });
    }
  });

export const medicationInput = z
  .object({
    patientId,
    id: optionalId('Medication'),
    name: requiredText('medicine name', 120),
    dose: optionalText('dose', 120),
    flags: z.array(choice('exercise flag', medicationFlags.values)).max(medicationFlags.values.length).default([]),
    /** Why a flag suggested by the medicine's name is left unticked (e.g. eye drops); recorded in the audit trail. */
    flagOverrideReason: optionalText('reason for leaving a suggested flag unticked', 500),
    startedOn: optionalClinicDate('start date'),
    stoppedOn: optionalClinicDate('stop date'),
    notes: clinicalNote('notes'),
  })
  .superRefine((v, ctx) => {
    const unticked = suggestMedicationFlags(v.name).filter((f) => !v.flags.includes(f));
    if (unticked.length > 0 && !v.flagOverrideReason) {
      const names = unticked.map((f) => medicationFlags.labels[f]).join(' and ');
      ctx.addIssue({
        code: 'custom',
        path: ['flags'],
        message: `${v.name} suggests ${names}: tick the flag, or record why it does not apply`,
      });
    }
    if (v.startedOn && v.stoppedOn && v.stoppedOn < v.startedOn) {
      ctx.addIssue({ code: 'custom', path: ['stoppedOn'], message: 'Stop date cannot be before the start date' });
    }
  });

/* ------------------------------------------------------------------ clearance */

export const clearanceInput = z
  .object({
    patientId,
    id: optionalId('Clearance'),
    requestedOn: optionalPastDate('date requested'),
    requestedFromContactId: optionalId('Requested from'),
    requestedFromName: optionalText('requested from', 120),
    receivedOn: optionalPastDate('date received'),
    receivedFromContactId: optionalId('Received from'),
    receivedFromName: optionalText('received from', 120),
    decision: optionalChoice('decision', clearanceDecisions.values),
    restrictions: optionalText('restrictions', 2000),
    rpeCeiling: optionalIntegerIn('RPE ceiling (6–20)', 6, 20),
    hrCeiling: optionalIntegerIn('heart-rate ceiling', 60, 220),
    avoidTags: z.array(z.enum(movementTags, { error: 'Choose movements from the list' })).default([]),
    noGroupSessions: z.boolean().default(false),
    reviewBy: optionalClinicDate('review or expiry date'),
    notes: clinicalNote('notes'),
  })
  .superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.decision !== 'with_restrictions') {
      const only = 'applies only to "Cleared with restrictions"';
      if (v.rpeCeiling !== null) add('rpeCeiling', `An RPE ceiling ${only}`);
      if (v.hrCeiling !== null) add('hrCeiling', `A heart-rate ceiling ${only}`);
      if (v.avoidTags.length > 0) add('avoidTags', `Movements to avoid apply only to "Cleared with restrictions"`);
      if (v.noGroupSessions) add('noGroupSessions', `"No group sessions" ${only}`);
    }
    if (!v.requestedOn && !v.receivedOn) add('requestedOn', 'Enter the date requested or the date received');
    if (v.requestedOn && !v.requestedFromContactId && !v.requestedFromName) {
      add(
        'requestedFromName',
        'Say whom clearance was requested from: type the name, or choose them from the directory',
      );
    }
    if (v.decision && !v.receivedOn) add('receivedOn', 'Enter the date the decision was received');
    if (v.receivedOn && !v.decision) add('decision', 'Choose the decision received');
    if (v.receivedOn && !v.receivedFromContactId && !v.receivedFromName) {
      add('receivedFromName', 'Say whom the decision came from: type the name, or choose them from the directory');
    }
    if (v.decision === 'with_restrictions' && !v.restrictions) add('restrictions', 'Enter the restrictions');
    if (v.restrictions && v.decision !== 'with_restrictions') {
      add('restrictions', 'Restrictions apply only to "Cleared with restrictions"');
    }
    if (v.requestedOn && v.receivedOn && v.receivedOn < v.requestedOn) {
      add('receivedOn', 'Date received cannot be before the date requested');
    }
    if (v.reviewBy && v.receivedOn && v.reviewBy < v.receivedOn) {
      add('reviewBy', 'Review date cannot be before the date received');
    }
  });

/* ------------------------------------------------------------------ baseline screening */

const score10 = (label: string) => optionalIntegerIn(label, 0, 10);

export const neuropathyGrades = ['none', 'mild', 'moderate', 'severe'] as const;
export const readinessStages = ['not_ready', 'thinking', 'ready', 'already_active'] as const;
export const readinessLabels: Record<(typeof readinessStages)[number], string> = {
  not_ready: 'Not ready yet',
  thinking: 'Thinking about it',
  ready: 'Ready to start',
  already_active: 'Already active',
};

export const screeningInput = z
  .object({
    patientId,
    id: optionalId('Screening'),
    screenedOn: pastOrTodayDate('screening date'),
    fatigue: score10('fatigue'),
    pain: score10('pain'),
    painSite: optionalText('pain site', 200),
    breathlessness: score10('breathlessness'),
    nausea: score10('nausea'),
    neuropathy: optionalChoice('neuropathy', neuropathyGrades),
    sleepQuality: score10('sleep quality'),
    energy: score10('energy'),
    ecog: optionalIntegerIn('ECOG performance status', 0, 4),
    fallsLast6Months: optionalIntegerIn('falls in the last 6 months', 0, 99),
    currentActivity: optionalText('current activity', 1000),
    exerciseFear: score10('fear or anxiety about exercise'),
    readiness: optionalChoice('readiness to start', readinessStages),
    priorities: optionalText("patient's own priorities", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.pain !== null && v.pain > 0 && !v.painSite) {
      ctx.addIssue({ code: 'custom', path: ['painSite'], message: 'Enter where the pain is' });
    }
  });

/* ------------------------------------------------------------------ goals */

export const milestoneInput = z.object({
  id: optionalId('Milestone'),
  description: requiredText('milestone', 300),
  targetDate: optionalClinicDate('milestone target date'),
  achievedOn: optionalPastDate('date milestone achieved'),
});

export const goalInput = z
  .object({
    patientId,
    id: optionalId('Goal'),
    inOwnWords: requiredText("goal in the patient's own words", 500),
    category: choice('goal category', goalCategories.values),
    measureKey: optionalText('measure', 120),
    targetValue: optionalText('target', 120),
    targetDate: optionalClinicDate('target date'),
    status: choice('goal status', goalStatuses.values).default('active'),
    achievedOn: optionalPastDate('date achieved'),
    milestones: z.array(milestoneInput).max(20, 'Record at most 20 milestones').default([]),
  })
  .superRefine((v, ctx) => {
    if ((v.status === 'achieved' || v.status === 'partly_achieved') && !v.achievedOn) {
      ctx.addIssue({ code: 'custom', path: ['achievedOn'], message: 'Enter the date the goal was achieved' });
    }
    if (v.targetValue && !v.measureKey) {
      ctx.addIssue({ code: 'custom', path: ['measureKey'], message: 'Name the measure the target refers to' });
    }
  });

/* ------------------------------------------------------------------ caseload */

export const caseloadFlags = [
  'clearance_missing',
  'clearance_expiring',
  'clearance_expired',
  'not_cleared',
  'reassessment_due',
  'reassessment_overdue',
  'open_problem',
  'on_treatment',
  'bone_mets',
  'reply_overdue',
] as const;
export type CaseloadFlag = (typeof caseloadFlags)[number];
export const caseloadFlagLabels: Record<CaseloadFlag, string> = {
  clearance_missing: 'Clearance missing',
  clearance_expiring: 'Clearance review due (14 days)',
  clearance_expired: 'Clearance expired',
  not_cleared: 'Not cleared',
  reassessment_due: 'Reassessment due (7 days)',
  reassessment_overdue: 'Reassessment overdue',
  open_problem: 'Open adverse event or red flag',
  on_treatment: 'On treatment this week',
  bone_mets: 'Bone metastases',
  reply_overdue: 'Guidance reply overdue',
};

export const caseloadSorts = [
  'name',
  'mrn',
  'status',
  'clearance',
  'reassessment',
  'problems',
  'treatment',
  'bone',
  'clinician',
] as const;
export type CaseloadSort = (typeof caseloadSorts)[number];
export const DEFAULT_CASELOAD_STATUSES: PatientStatus[] = ['referred', 'active', 'on_hold'];
export const REASSESSMENT_DUE_WITHIN_DAYS = 7;

export const caseloadListInput = z.object({
  query: z.string().trim().max(100, 'Search must be 100 characters or fewer').default(''),
  statuses: z
    .array(z.enum(patientStatuses.values, { error: 'Choose a valid status' }))
    .default(DEFAULT_CASELOAD_STATUSES),
  flag: optionalChoice('flag', caseloadFlags),
  clinicianId: optionalId('Clinician'),
  sort: z.enum(caseloadSorts, { error: 'Choose a column to sort by' }).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(25),
});

export type ClearanceDisplayState = ClearanceStatus['state'];

export interface CaseloadRow {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  mrn: string;
  dateOfBirth: ClinicDate;
  status: PatientStatus;
  leadClinician: { id: string; fullName: string } | null;
  clearance: { state: ClearanceDisplayState; reviewBy: ClinicDate | null; daysLeft: number | null };
  reassessment: { dueOn: ClinicDate; state: 'due' | 'overdue' | 'scheduled'; days: number } | null;
  openAdverseEvents: number;
  openRedFlags: number;
  hasBoneMets: boolean;
  /** Metastatic sites the clinic's policy raises an alert for (Settings). */
  alertSites: AlertableSite[];
  skeletalRiskLevel: SkeletalRiskLevel;
  treatments: Array<{ type: TreatmentType; regimen: string | null; cycleDay: CycleDay | null }>;
  /** An unanswered request for medical guidance, from the letters register. */
  guidanceReply: GuidanceReplyWait | null;
}

export interface CaseloadPage {
  rows: CaseloadRow[];
  total: number;
  offset: number;
  limit: number;
  today: ClinicDate;
}

/* ------------------------------------------------------------------ outputs */

export interface ContactView {
  id: string;
  fullName: string;
  role: ContactRole;
  practice: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  fax: string | null;
  active: boolean;
}

export interface PatientDetailsView {
  gender: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredLanguage: string | null;
  interpreterNeeded: boolean;
  emergencyContactName: string | null;
  emergencyContactRelationship: string | null;
  emergencyContactPhone: string | null;
  reassessmentIntervalWeeks: number;
  leadClinicianId: string | null;
  /** The last ejection fraction reported (for the cardiotoxic-treatment alert); null when none is recorded. */
  lvefPercent: number | null;
  lvefMeasuredOn: ClinicDate | null;
}

export interface StatusChangeView {
  id: string;
  fromStatus: PatientStatus | null;
  toStatus: PatientStatus;
  effectiveOn: ClinicDate;
  reason: string | null;
  recordedAt: string;
}

export interface ReferralView {
  id: string;
  referredOn: ClinicDate;
  referrerContactId: string | null;
  referrerName: string | null;
  reason: string | null;
  priority: ReferralPriority;
}

export interface DiagnosisView {
  id: string;
  primarySite: string;
  histology: string | null;
  diagnosedOn: ClinicDate | null;
  stage: string | null;
  metastaticSites: MetastaticSite[];
  otherMetastaticSites: string | null;
  notes: string | null;
}

export interface BoneLesionView {
  id: string;
  site: BoneLesionSite;
  side: string | null;
  location: string | null;
  lesionType: LesionType | null;
  radiotherapy: boolean;
  radiotherapyOn: ClinicDate | null;
  surgery: boolean;
  surgeryOn: ClinicDate | null;
  weightBearing: WeightBearingStatus;
  mirels: z.output<typeof mirelsInput>;
  sins: z.output<typeof sinsInput>;
  notes: string | null;
  active: boolean;
  score: { kind: 'mirels'; result: MirelsResult } | { kind: 'sins'; result: SinsResult } | null;
}

export interface TreatmentView {
  id: string;
  type: TreatmentType;
  regimen: string | null;
  startDate: ClinicDate;
  endDate: ClinicDate | null;
  cycleLengthDays: number | null;
  day1Dates: ClinicDate[];
  notes: string | null;
  cycleDayToday: CycleDay | null;
  activeToday: boolean;
}

export interface ComorbidityView {
  id: string;
  kind: ComorbidityKind;
  detail: string | null;
  active: boolean;
}

export interface MedicationView {
  id: string;
  name: string;
  dose: string | null;
  flags: MedicationFlag[];
  startedOn: ClinicDate | null;
  stoppedOn: ClinicDate | null;
  notes: string | null;
}

export interface ClearanceView {
  id: string;
  requestedOn: ClinicDate | null;
  requestedFromContactId: string | null;
  requestedFromName: string | null;
  receivedOn: ClinicDate | null;
  receivedFromContactId: string | null;
  receivedFromName: string | null;
  decision: ClearanceDecision | null;
  restrictions: string | null;
  rpeCeiling: number | null;
  hrCeiling: number | null;
  avoidTags: MovementTag[];
  noGroupSessions: boolean;
  reviewBy: ClinicDate | null;
  notes: string | null;
}

export type ScreeningView = Omit<z.output<typeof screeningInput>, 'patientId' | 'id'> & { id: string };

export interface GoalView {
  id: string;
  inOwnWords: string;
  category: GoalCategory;
  measureKey: string | null;
  targetValue: string | null;
  targetDate: ClinicDate | null;
  status: GoalStatus;
  achievedOn: ClinicDate | null;
  milestones: Array<{ id: string; description: string; targetDate: ClinicDate | null; achievedOn: ClinicDate | null }>;
}

export interface CareTeamView {
  id: string;
  contactId: string;
  fullName: string;
  role: ContactRole;
  practice: string | null;
  phone: string | null;
  email: string | null;
  fax: string | null;
  isMainOncologist: boolean;
  note: string | null;
  active: boolean;
}

/** A patient's whole intake record and what is derived from it today: the overview and every section read this. */
export interface IntakeRecord {
  today: ClinicDate;
  patient: PatientSummary;
  details: PatientDetailsView;
  leadClinician: { id: string; fullName: string } | null;
  statusHistory: StatusChangeView[];
  referrals: ReferralView[];
  diagnoses: DiagnosisView[];
  boneLesions: BoneLesionView[];
  treatments: TreatmentView[];
  comorbidities: ComorbidityView[];
  medications: MedicationView[];
  clearances: ClearanceView[];
  screenings: ScreeningView[];
  goals: GoalView[];
  careTeam: CareTeamView[];
  clearance: ClearanceStatus;
  mayStart: SessionStartDecision;
  skeletalRisk: SkeletalRiskSummary;
  medicationFlags: MedicationFlag[];
  reassessmentDueOn: ClinicDate | null;
  openAdverseEvents: number;
  openRedFlags: number;
  /** Open adverse events still waiting for their grade (opened from a red flag). */
  ungradedAdverseEvents: number;
  /** Standing safety alerts (patientAlerts), the same list the session header shows. */
  alerts: PatientAlert[];
}

/* ------------------------------------------------------------------ metastatic-site alerts */

const siteAlertRule = z.object({
  enabled: z.boolean(),
  precautions: z
    .array(
      z.string().trim().min(1, 'A precaution cannot be empty').max(200, 'Keep each precaution under 200 characters'),
    )
    .max(10, 'At most 10 precautions per site'),
});
export const siteAlertPolicyInput = z.object({
  policy: z.object(
    Object.fromEntries(alertableSites.map((s) => [s, siteAlertRule])) as Record<AlertableSite, typeof siteAlertRule>,
  ),
});

/* ------------------------------------------------------------------ precautions (issue 20) */

const precautionRule = z.object({
  enabled: z.boolean(),
  precautions: z
    .array(
      z.string().trim().min(1, 'A precaution cannot be empty').max(200, 'Keep each precaution under 200 characters'),
    )
    .max(10, 'At most 10 precautions each'),
});
export const precautionPolicyInput = z.object({
  policy: z.object({
    ...(Object.fromEntries(policyPrecautions.map((p) => [p, precautionRule])) as Record<
      PolicyPrecaution,
      typeof precautionRule
    >),
    recentSurgeryWeeks: integerIn(
      'weeks after surgery',
      RECENT_SURGERY_WEEKS_RANGE.min,
      RECENT_SURGERY_WEEKS_RANGE.max,
    ),
  }),
});

export const heartFunctionInput = z
  .object({
    patientId,
    lvefPercent: optionalIntegerIn('ejection fraction', 5, 90),
    lvefMeasuredOn: optionalPastDate('date of the ejection fraction'),
  })
  .superRefine((v, ctx) => {
    if ((v.lvefPercent == null) !== (v.lvefMeasuredOn == null)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.lvefPercent == null ? 'lvefPercent' : 'lvefMeasuredOn'],
        message: 'Enter the ejection fraction and the date it was measured together',
      });
    }
  });

/* ------------------------------------------------------------------ channels */

export const intakeChannels = {
  'intake.safetyContext': channel(z.object({ patientId, date: clinicDate('date') })).returns<PatientSafetyContext>(),
  'intake.record': channel(z.object({ patientId })).returns<IntakeRecord>(),
  'intake.saveDetails': channel(patientDetailsInput).returns<IntakeRecord>(),
  'intake.changeStatus': channel(statusChangeInput).returns<IntakeRecord>(),
  'intake.saveCareTeamMember': channel(careTeamInput).returns<IntakeRecord>(),
  'intake.saveReferral': channel(referralInput).returns<IntakeRecord>(),
  'intake.saveDiagnosis': channel(diagnosisInput).returns<IntakeRecord>(),
  'intake.saveBoneLesion': channel(boneLesionInput).returns<IntakeRecord>(),
  'intake.saveTreatment': channel(treatmentInput).returns<IntakeRecord>(),
  'intake.saveComorbidity': channel(comorbidityInput).returns<IntakeRecord>(),
  'intake.saveMedication': channel(medicationInput).returns<IntakeRecord>(),
  'intake.saveClearance': channel(clearanceInput).returns<IntakeRecord>(),
  'intake.saveScreening': channel(screeningInput).returns<IntakeRecord>(),
  'intake.saveGoal': channel(goalInput).returns<IntakeRecord>(),
  'contacts.list': channel(
    z.object({
      query: z.string().trim().max(100, 'Search must be 100 characters or fewer').default(''),
      includeInactive: z.boolean().default(false),
    }),
  ).returns<ContactView[]>(),
  'contacts.save': channel(contactInput).returns<ContactView>(),
  'caseload.list': channel(caseloadListInput).returns<CaseloadPage>(),
  'intake.siteAlertPolicy': channel(z.object({})).returns<SiteAlertPolicy>(),
  'intake.saveSiteAlertPolicy': channel(siteAlertPolicyInput).returns<SiteAlertPolicy>(),
  'intake.precautionPolicy': channel(z.object({})).returns<PrecautionPolicy>(),
  'intake.savePrecautionPolicy': channel(precautionPolicyInput).returns<PrecautionPolicy>(),
  'intake.saveHeartFunction': channel(heartFunctionInput).returns<IntakeRecord>(),
};
