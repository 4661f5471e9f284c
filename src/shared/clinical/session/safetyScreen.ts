import { daysBetween, formatClinicDate, isClinicDate, type ClinicDate } from '../../dates';
import type { MedicationFlag } from '../../domain/vocabulary';
import { cycleAdjustment, defaultCycleRule, heartRateTargetAllowed } from './prescription';
import { findRedFlag } from './redFlags';
import { bloodRules, fireThresholdRules, measured, symptomRules, vitalRules, withUnit } from './screenRules';
import { defaultScreenThresholds, type RuleEffect, type ScreenThresholds } from './thresholds';

export interface ScreenInput {
  restingHr?: number;
  sbp?: number;
  dbp?: number;
  spo2?: number;
  temperatureC?: number;
  /** Systolic BP after standing; the drop from the seated reading is the orthostatic change. */
  standingSbp?: number;
  haemoglobinGL?: number;
  plateletsX109?: number;
  neutrophilsX109?: number;
  glucoseMmol?: number;
  /** Ketones present, or weakness or unusual tiredness, with a high glucose. */
  glucoseKetonesOrSymptoms?: boolean;
  bloodsDate?: ClinicDate;
  fatigue0to10?: number;
  pain0to10?: number;
  painSite?: string;
  breathlessness0to10?: number;
  nausea0to10?: number;
  sleepQuality0to10?: number;
  energy0to10?: number;
  redFlags: string[];
}

export interface ScreenContext {
  date: ClinicDate;
  /** Day of the current treatment cycle; day 1 is the infusion day. */
  cycleDay: { day: number; treatmentLabel: string } | null;
  medicationFlags: MedicationFlag[];
  hasBoneLesions: boolean;
  groupSession: boolean;
}

export type ScreenDecision = 'go' | 'modify' | 'hold';

/** The decision as every screen, the signed record and the change history write it. */
export const decisionLabels: Record<ScreenDecision, string> = {
  go: 'Go',
  modify: 'Go with modifications',
  hold: 'Hold',
};

export interface FiredRule {
  id: string;
  label: string;
  effect: RuleEffect;
  value: string;
  threshold: string;
  source: string;
  advice: string;
}

export const vitalKeys = ['restingHr', 'sbp', 'dbp', 'spo2', 'temperatureC'] as const;
export type VitalKey = (typeof vitalKeys)[number];

export const vitalLabels: Record<VitalKey, string> = {
  restingHr: 'Resting heart rate',
  sbp: 'Systolic blood pressure',
  dbp: 'Diastolic blood pressure',
  spo2: 'SpO₂',
  temperatureC: 'Temperature',
};

export interface BloodsStatus {
  date: ClinicDate | null;
  ageDays: number | null;
  stale: boolean;
}

export interface ScreenResult {
  decision: ScreenDecision;
  firedRules: FiredRule[];
  missing: VitalKey[];
  /** Null when no blood values were entered. */
  bloods: BloodsStatus | null;
}

const bloodKeys = ['haemoglobinGL', 'plateletsX109', 'neutrophilsX109', 'glucoseMmol'] as const;

function worst(rules: readonly FiredRule[]): ScreenDecision {
  if (rules.some((r) => r.effect === 'hold')) return 'hold';
  if (rules.some((r) => r.effect === 'modify')) return 'modify';
  return 'go';
}

/** The rules that read the patient's context rather than one threshold: their names as the screen shows them. */
const contextRuleLabels = {
  bloods_undated: 'Blood results have no valid date',
  bloods_stale: 'Blood results are stale',
  glucose_unchecked: 'Glucose not checked (on insulin or a sulfonylurea)',
  cycle_lighter: 'Early in the treatment cycle',
  beta_blocker: 'On a beta-blocker',
  bone_lesion_check: 'Bone metastases: ask about pain and analgesics',
} as const;

/**
 * A fired rule's name as the screen shows it, from its id alone (what the audit trail keeps): the
 * same labels evaluateScreen gives, so the change history reads as the screen did. An id no rule
 * has (one retired since) reads as its words.
 */
export function ruleLabel(id: string): string {
  if (id.startsWith('red_flag:')) {
    const flag = findRedFlag(id.slice('red_flag:'.length));
    return `Red flag: ${flag?.label ?? id.slice('red_flag:'.length).replace(/_/g, ' ')}`;
  }
  const known =
    (contextRuleLabels as Record<string, string>)[id] ??
    [...vitalRules, ...bloodRules, ...symptomRules].find((rule) => rule.id === id)?.label;
  return known ?? id.replace(/_/g, ' ');
}

export function evaluateScreen(
  input: ScreenInput,
  context: ScreenContext,
  thresholds: ScreenThresholds = defaultScreenThresholds,
): ScreenResult {
  const t = thresholds;
  const fired: FiredRule[] = [];
  const fire = (rule: FiredRule) => fired.push(rule);

  for (const id of input.redFlags) {
    const flag = findRedFlag(id);
    // An unknown id still holds: a flag the app cannot name must never be read as "no flag".
    fire({
      id: `red_flag:${id}`,
      label: flag ? `Red flag: ${flag.label}` : `Red flag: ${id}`,
      effect: 'hold',
      value: 'Reported',
      threshold: 'Any red flag',
      source: flag?.source ?? 'Pacewise red-flag checklist',
      advice: flag ? flag.urgentActions.join(' ') : 'Stop. No exercise today. Contact the care team.',
    });
  }

  fireThresholdRules(vitalRules, input, context, t, fired, '');

  const bloods = bloodsStatus(input, context.date, t);
  const stale = bloods?.stale ? ` (bloods ${bloods.ageDays} days old)` : '';
  if (bloods && bloods.date === null) {
    fire({
      id: 'bloods_undated',
      label: contextRuleLabels.bloods_undated,
      effect: 'info',
      value: input.bloodsDate ? `Date "${input.bloodsDate}"` : 'No date',
      threshold: 'Blood results must be dated',
      source: t.bloodsStaleAfterDays.source,
      advice: 'Record the date the blood sample was taken; undated results may be out of date.',
    });
  } else if (bloods?.stale) {
    fire({
      id: 'bloods_stale',
      label: contextRuleLabels.bloods_stale,
      effect: 'info',
      value: `${formatClinicDate(bloods.date)} (${bloods.ageDays} days old)`,
      threshold: `> ${t.bloodsStaleAfterDays.value} days`,
      source: t.bloodsStaleAfterDays.source,
      advice: 'Blood rules below still use these results. Ask the care team for recent results before relying on them.',
    });
  }

  fireThresholdRules(bloodRules, input, context, t, fired, stale);
  if (context.medicationFlags.includes('glucose_lowering') && !measured(input.glucoseMmol)) {
    fire({
      id: 'glucose_unchecked',
      label: contextRuleLabels.glucose_unchecked,
      effect: 'modify',
      value: 'Not recorded',
      threshold: 'Check before exercise',
      source: `${t.glucoseModifyBelow.source} (glucose threshold); check before exercise is Pacewise practice for insulin or sulfonylurea users`,
      advice: `Check blood glucose before starting; if below ${withUnit(t.glucoseModifyBelow.value, 'mmol/L')}, give 5–30 g of carbohydrate first.`,
    });
  }

  fireThresholdRules(symptomRules, input, context, t, fired, '');

  if (context.cycleDay) {
    const rule = {
      lighterFromDay: t.cycleLighterFromDay.value,
      lighterToDay: t.cycleLighterToDay.value,
      note: defaultCycleRule.note,
    };
    if (cycleAdjustment(rule, context.cycleDay.day).lighter) {
      fire({
        id: 'cycle_lighter',
        label: contextRuleLabels.cycle_lighter,
        effect: 'modify',
        value: `Day ${context.cycleDay.day} of ${context.cycleDay.treatmentLabel}`,
        threshold: `Days ${rule.lighterFromDay}–${rule.lighterToDay}`,
        source: t.cycleLighterToDay.source,
        advice: rule.note,
      });
    }
  }

  const hr = heartRateTargetAllowed(context.medicationFlags);
  if (!hr.allowed) {
    fire({
      id: 'beta_blocker',
      label: contextRuleLabels.beta_blocker,
      effect: 'info',
      value: 'Beta-blocker',
      threshold: 'Any beta-blocker',
      source: hr.source ?? '',
      advice: 'Use RPE, not heart rate: HR targets are unreliable on beta-blockers (RPE 11–13 / talk test).',
    });
  }
  if (context.hasBoneLesions) {
    fire({
      id: 'bone_lesion_check',
      label: contextRuleLabels.bone_lesion_check,
      effect: 'info',
      value: 'Bone lesions recorded',
      threshold: 'Every session',
      source: 'PMC9335464 (loading rules with bone metastases)',
      advice: 'Ask whether pain or analgesic use has increased since the last session; if so, reduce the load.',
    });
  }

  const missing = vitalKeys.filter((key) => !measured(input[key]));
  return { decision: worst(fired), firedRules: fired, missing, bloods };
}

function bloodsStatus(input: ScreenInput, today: ClinicDate, t: ScreenThresholds): BloodsStatus | null {
  if (!bloodKeys.some((key) => measured(input[key]))) return null;
  const date = input.bloodsDate;
  if (!date || !isClinicDate(date)) return { date: null, ageDays: null, stale: false };
  if (!isClinicDate(today)) return { date, ageDays: null, stale: false };
  const ageDays = daysBetween(date, today);
  // Results dated after the screen are a typing slip; counting them as fresh would hide stale bloods.
  if (ageDays < 0) return { date: null, ageDays: null, stale: false };
  return { date, ageDays, stale: ageDays > t.bloodsStaleAfterDays.value };
}
