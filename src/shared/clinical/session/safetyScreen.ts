import { daysBetween, formatClinicDate, isClinicDate, type ClinicDate } from '../../dates';
import type { MedicationFlag, TreatmentType } from '../../domain/vocabulary';
import { cycleAdjustment, cycleLighterNote, heartRateTargetAllowed } from './prescription';
import { findRedFlag, spinalPainRedFlags, type SpinalPainReport } from './redFlags';
import { bloodRules, fireThresholdRules, measured, symptomRules, vitalRules, withUnit } from './screenRules';
import { defaultScreenThresholds, NADIR_SOURCE, type RuleEffect, type ScreenThresholds } from './thresholds';

export interface ScreenInput {
  restingHr?: number;
  sbp?: number;
  dbp?: number;
  spo2?: number;
  temperatureC?: number;
  /** Systolic BP after standing; the drop from the seated reading is the orthostatic change. */
  standingSbp?: number;
  /** Diastolic BP after standing (Freeman 2011: a fall of 10 or more is orthostatic too). */
  standingDbp?: number;
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
  /** New or worse back or neck pain, with the answers to the cord-compression questions. */
  spinalPain?: SpinalPainReport | null;
  redFlags: string[];
  /** Red flags the patient reported at check-in that the clinician has not yet reviewed (checkIn.ts). */
  patientFlagsToReview?: readonly string[];
}

/** One active cyclic treatment on the screen's date. */
export interface TreatmentCycleOnDate {
  type: TreatmentType;
  treatmentLabel: string;
  cycleNumber: number;
  /** Day 1 is the infusion day, or the first dose of the cycle for an oral agent. */
  day: number;
  lastDay1: ClinicDate;
  /** Counted forward by cycle length because this cycle's day 1 was not recorded. */
  projected: boolean;
  oral: boolean;
  zoledronate: boolean;
}

export interface ScreenContext {
  date: ClinicDate;
  /** Every active cyclic treatment: each counts, none hides another. */
  cycles: TreatmentCycleOnDate[];
  /** Chemotherapy active on the date (cyclic or not): the screen then needs a temperature. */
  chemotherapyActive: boolean;
  medicationFlags: MedicationFlag[];
  hasBoneLesions: boolean;
  /** A recorded lesion of the spine: new spinal pain there is new bone pain. */
  hasSpinalLesion: boolean;
  groupSession: boolean;
}

export type ScreenDecision = 'go' | 'modify' | 'hold';

/** How a decision is named on the screens, the signed record, the change history and the clinic report. */
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
  bloods_pre_nadir: 'Blood results from before this cycle’s nadir',
  glucose_unchecked: 'Glucose not checked (on glucose-lowering medicine)',
  cycle_lighter: 'Early in the chemotherapy cycle',
  nadir_window: 'Expected neutrophil nadir',
  zoledronate_reaction: 'Within 3 days of a zoledronate infusion',
  spinal_pain_new: 'New or worse spinal pain',
  beta_blocker: 'On a beta-blocker',
  heart_rate_lowering: 'On a heart-rate-lowering medicine',
  bone_lesion_check: 'Bone metastases: ask about pain and analgesics',
} as const;

/**
 * A fired rule's name as the screen shows it, from its id alone (what the audit trail keeps): the
 * same labels evaluateScreen gives, so the change history reads as the screen did. An id no rule
 * has (one retired since) reads as its words.
 */
export function ruleLabel(id: string): string {
  const flagLabel = (flagId: string) => findRedFlag(flagId)?.label ?? flagId.replace(/_/g, ' ');
  if (id.startsWith('red_flag:')) return `Red flag: ${flagLabel(id.slice('red_flag:'.length))}`;
  if (id.startsWith('patient_flag:')) return `Patient reported: ${flagLabel(id.slice('patient_flag:'.length))}`;
  // A second active treatment's cycle rule carries its place (cycle_lighter:2).
  const base = id.replace(/:\d+$/, '');
  const known =
    (contextRuleLabels as Record<string, string>)[base] ??
    [...vitalRules, ...bloodRules, ...symptomRules].find((rule) => rule.id === base)?.label;
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

  const flagIds = [...new Set([...input.redFlags, ...spinalPainRedFlags(input.spinalPain, context.hasSpinalLesion)])];
  for (const id of flagIds) {
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

  for (const id of input.patientFlagsToReview ?? []) {
    const flag = findRedFlag(id);
    fire({
      id: `patient_flag:${id}`,
      label: `Patient reported: ${flag?.label ?? id} (not yet reviewed)`,
      effect: 'hold',
      value: 'Reported at check-in',
      threshold: 'Any red flag the patient reports',
      source: flag?.source ?? 'Pacewise red-flag checklist',
      advice: `Ask about it now and record what you found under “Patient-reported at check-in”; an incident is opened only if you confirm it. If it is present: ${flag ? flag.urgentActions.join(' ') : 'stop, no exercise today, contact the care team.'}`,
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

  const preNadir = bloods?.date ? preNadirCycle(bloods.date, context, t) : null;
  if (preNadir && bloods?.date) {
    const onDay1 = bloods.date === preNadir.lastDay1;
    fire({
      id: 'bloods_pre_nadir',
      label: contextRuleLabels.bloods_pre_nadir,
      effect: 'modify',
      value: `Taken ${formatClinicDate(bloods.date)}, ${onDay1 ? 'on' : 'before'} day 1 of cycle ${preNadir.cycleNumber} of ${preNadir.treatmentLabel} (${formatClinicDate(preNadir.lastDay1)}); today is day ${preNadir.day}`,
      threshold: `Bloods before day 1, or on day 1 once in days ${t.nadirFromDay.value}–${t.nadirToDay.value}`,
      source: `${NADIR_SOURCE}; NICE CG151 (neutropenic sepsis)`,
      advice:
        'These counts do not show today’s neutrophils or platelets, which fall towards the nadir: they do not reassure. Keep to light-to-moderate intensity, one-to-one, strict hygiene. Any fever, low temperature, shivering or feeling unwell: no exercise, contact the acute oncology service now.',
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
      source: `${t.glucoseModifyBelow.source} (glucose threshold); check before exercise is Pacewise practice for insulin, sulfonylurea or meglitinide users`,
      advice: `Check blood glucose before starting; if below ${withUnit(t.glucoseModifyBelow.value, 'mmol/L')}, give 5–30 g of carbohydrate first.`,
    });
  }

  fireThresholdRules(symptomRules, input, context, t, fired, '');

  fireCycleRules(context, t, fire);
  fireSpinalPainRules(input, context, fire);

  const hr = heartRateTargetAllowed(context.medicationFlags);
  if (!hr.allowed) {
    const beta = context.medicationFlags.includes('beta_blocker');
    fire({
      id: beta ? 'beta_blocker' : 'heart_rate_lowering',
      label: beta ? contextRuleLabels.beta_blocker : contextRuleLabels.heart_rate_lowering,
      effect: 'info',
      value: hr.medicines,
      threshold: 'Any heart-rate-lowering medicine',
      source: hr.source ?? '',
      advice: `${hr.reason}.`,
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

/**
 * The chemotherapy cycle whose nadir the bloods come before: taken before this cycle's day 1, or on
 * day 1 when today is already in the nadir window (Crawford 2004: about days 7–14).
 */
function preNadirCycle(bloodsDate: ClinicDate, context: ScreenContext, t: ScreenThresholds) {
  return (
    context.cycles.find((cycle) => {
      if (cycle.type !== 'chemotherapy') return false;
      if (bloodsDate < cycle.lastDay1) return true;
      const inWindow = cycle.day >= t.nadirFromDay.value && cycle.day <= t.nadirToDay.value;
      return bloodsDate === cycle.lastDay1 && inWindow;
    }) ?? null
  );
}

const cycleText = (cycle: TreatmentCycleOnDate) =>
  `Day ${cycle.day} of ${cycle.treatmentLabel} (cycle ${cycle.cycleNumber}${cycle.projected ? ', projected: this cycle’s day 1 was not recorded' : ''})`;

/**
 * Each active cyclic treatment, by what it is: the early-cycle rule (Kirkham 2020, a study of IV
 * chemotherapy) and the nadir window apply to chemotherapy only; zoledronate has its own note.
 */
function fireCycleRules(context: ScreenContext, t: ScreenThresholds, fire: (rule: FiredRule) => void): void {
  const chemo = context.cycles.filter((cycle) => cycle.type === 'chemotherapy');
  const suffix = (i: number) => (i === 0 ? '' : `:${i + 1}`);
  chemo.forEach((cycle, i) => {
    const rule = { lighterFromDay: t.cycleLighterFromDay.value, lighterToDay: t.cycleLighterToDay.value, note: '' };
    if (!cycleAdjustment(rule, cycle.day).lighter) return;
    fire({
      id: `cycle_lighter${suffix(i)}`,
      label: contextRuleLabels.cycle_lighter,
      effect: 'modify',
      value: cycleText(cycle),
      threshold: `Days ${rule.lighterFromDay}–${rule.lighterToDay} from day 1 of the cycle`,
      source: t.cycleLighterToDay.source,
      advice: cycleLighterNote(cycle.oral),
    });
  });
  chemo.forEach((cycle, i) => {
    if (cycle.day < t.nadirFromDay.value || cycle.day > t.nadirToDay.value) return;
    fire({
      id: `nadir_window${suffix(i)}`,
      label: contextRuleLabels.nadir_window,
      effect: 'info',
      value: cycleText(cycle),
      threshold: `Days ${t.nadirFromDay.value}–${t.nadirToDay.value} of the cycle`,
      source: `${NADIR_SOURCE}; NICE CG151`,
      advice:
        'Neutrophils are likely at their lowest this week: ask about fever, shivering and feeling unwell, prefer one-to-one to a group, and keep strict hand and equipment hygiene.',
    });
  });
  context.cycles
    .filter((cycle) => cycle.zoledronate && cycle.day <= 3)
    .forEach((cycle, i) => {
      fire({
        id: `zoledronate_reaction${suffix(i)}`,
        label: contextRuleLabels.zoledronate_reaction,
        effect: 'info',
        value: cycleText(cycle),
        threshold: 'Days 1–3 after the infusion',
        source:
          'Zoledronic acid product information (acute-phase reaction); most marked 1–2 days after the infusion, gone 2–3 days later',
        advice:
          'A flu-like reaction (fever, aches, tiredness) is common for up to 3 days: ask about it and ease the session if present. A temperature at the fever level still holds.',
      });
    });
}

/** New spinal pain: the questions' red flags hold; with every answer "no" it is still a lighter day. */
function fireSpinalPainRules(input: ScreenInput, context: ScreenContext, fire: (rule: FiredRule) => void): void {
  if (!input.spinalPain?.isNew || spinalPainRedFlags(input.spinalPain, context.hasSpinalLesion).length > 0) return;
  fire({
    id: 'spinal_pain_new',
    label: contextRuleLabels.spinal_pain_new,
    effect: 'modify',
    value: 'Reported today; no cord-compression sign so far',
    threshold: 'Any new spinal pain',
    source:
      'NICE CG75/NG234 (new spinal pain in anyone with cancer: ask the cord-compression questions); avoiding spinal loading today is clinic policy',
    advice:
      'Avoid loading the spine today and tell the care team about the new pain; ask the questions again at the next session, and stop at once if any sign appears.',
  });
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
