import { daysBetween, formatClinicDate, isClinicDate, type ClinicDate } from '../../dates';
import type { MedicationFlag } from '../../domain/vocabulary';
import { cycleAdjustment, defaultCycleRule, heartRateTargetAllowed } from './prescription';
import { findRedFlag } from './redFlags';
import { defaultScreenThresholds, type RuleEffect, type ScreenThresholds, type ThresholdEntry } from './thresholds';

export interface ScreenInput {
  restingHr?: number;
  sbp?: number;
  dbp?: number;
  spo2?: number;
  temperatureC?: number;
  haemoglobinGL?: number;
  plateletsX109?: number;
  neutrophilsX109?: number;
  glucoseMmol?: number;
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

function measured(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function withUnit(value: number, unit: string): string {
  return unit.startsWith('/') ? `${value}${unit}` : `${value} ${unit}`;
}

function limit(symbol: string, entry: ThresholdEntry): string {
  return `${symbol} ${withUnit(entry.value, entry.unit)}`;
}

function worst(rules: readonly FiredRule[]): ScreenDecision {
  if (rules.some((r) => r.effect === 'hold')) return 'hold';
  if (rules.some((r) => r.effect === 'modify')) return 'modify';
  return 'go';
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

  const { sbp, dbp, restingHr, spo2, temperatureC } = input;
  const recheck =
    'Recheck after 5 minutes of seated rest. If still above, no exercise today: seek medical review; if cleared, recheck often.';
  if (measured(sbp) && sbp > t.sbpHoldAbove.value) {
    fire({
      id: 'sbp_high',
      label: 'Systolic blood pressure high',
      effect: 'hold',
      value: withUnit(sbp, 'mmHg'),
      threshold: limit('>', t.sbpHoldAbove),
      source: t.sbpHoldAbove.source,
      advice: recheck,
    });
  }
  if (measured(dbp) && dbp > t.dbpHoldAbove.value) {
    fire({
      id: 'dbp_high',
      label: 'Diastolic blood pressure high',
      effect: 'hold',
      value: withUnit(dbp, 'mmHg'),
      threshold: limit('>', t.dbpHoldAbove),
      source: t.dbpHoldAbove.source,
      advice: recheck,
    });
  }
  if (measured(restingHr) && restingHr > t.restingHrHoldAbove.value) {
    fire({
      id: 'resting_hr_high',
      label: 'Resting heart rate high',
      effect: 'hold',
      value: withUnit(restingHr, 'bpm'),
      threshold: limit('>', t.restingHrHoldAbove),
      source: t.restingHrHoldAbove.source,
      advice: recheck,
    });
  }
  if (measured(spo2) && spo2 < t.spo2HoldBelow.value) {
    fire({
      id: 'spo2_low_hold',
      label: 'SpO₂ low',
      effect: 'hold',
      value: withUnit(spo2, '%'),
      threshold: limit('<', t.spo2HoldBelow),
      source: t.spo2HoldBelow.source,
      advice: 'No exercise today. Recheck at rest; if it stays low, contact the care team.',
    });
  } else if (measured(spo2) && spo2 <= t.spo2ModifyAtOrBelow.value) {
    fire({
      id: 'spo2_low_modify',
      label: 'SpO₂ reduced',
      effect: 'modify',
      value: withUnit(spo2, '%'),
      threshold: `${t.spo2HoldBelow.value}–${t.spo2ModifyAtOrBelow.value} %`,
      source: t.spo2ModifyAtOrBelow.source,
      advice: `Continue as tolerated and recheck SpO₂ during the session; stop if it falls below ${t.spo2HoldBelow.value} %.`,
    });
  }
  if (measured(temperatureC) && temperatureC >= t.temperatureHoldAtOrAbove.value) {
    fire({
      id: 'temperature_fever',
      label: 'Fever',
      effect: 'hold',
      value: withUnit(temperatureC, '°C'),
      threshold: limit('≥', t.temperatureHoldAtOrAbove),
      source: t.temperatureHoldAtOrAbove.source,
      advice:
        'No exercise today. If the person is on chemotherapy, fever may mean neutropenic sepsis: contact the treating team or acute oncology service now.',
    });
  }

  const bloods = bloodsStatus(input, context.date, t);
  const stale = bloods?.stale ? ` (bloods ${bloods.ageDays} days old)` : '';
  if (bloods && bloods.date === null) {
    fire({
      id: 'bloods_undated',
      label: 'Blood results have no valid date',
      effect: 'info',
      value: input.bloodsDate ? `Date "${input.bloodsDate}"` : 'No date',
      threshold: 'Blood results must be dated',
      source: t.bloodsStaleAfterDays.source,
      advice: 'Record the date the blood sample was taken; undated results may be out of date.',
    });
  } else if (bloods?.stale) {
    fire({
      id: 'bloods_stale',
      label: 'Blood results are stale',
      effect: 'info',
      value: `${formatClinicDate(bloods.date)} (${bloods.ageDays} days old)`,
      threshold: `> ${t.bloodsStaleAfterDays.value} days`,
      source: t.bloodsStaleAfterDays.source,
      advice: 'Blood rules below still use these results. Ask the care team for recent results before relying on them.',
    });
  }

  const { plateletsX109: platelets, haemoglobinGL: hb, neutrophilsX109: neutrophils, glucoseMmol: glucose } = input;
  if (measured(platelets) && platelets < t.plateletsHoldBelow.value) {
    fire({
      id: 'platelets_very_low',
      label: 'Platelets very low',
      effect: 'hold',
      value: withUnit(platelets, '×10⁹/L') + stale,
      threshold: limit('<', t.plateletsHoldBelow),
      source: t.plateletsHoldBelow.source,
      advice:
        'No supervised exercise session. Functional mobility only: no fall or impact risk, no Valsalva, watch for bleeding; check the transfusion plan.',
    });
  } else if (measured(platelets) && platelets <= t.plateletsModifyAtOrBelow.value) {
    fire({
      id: 'platelets_low',
      label: 'Platelets low',
      effect: 'modify',
      value: withUnit(platelets, '×10⁹/L') + stale,
      threshold: `${t.plateletsHoldBelow.value}–${t.plateletsModifyAtOrBelow.value} ×10⁹/L`,
      source: t.plateletsModifyAtOrBelow.source,
      advice:
        'Light exercise and walking only: no resistance training, no impact, avoid fall risk; watch for bleeding or bruising.',
    });
  }
  if (measured(hb) && hb < t.haemoglobinModifyBelow.value) {
    fire({
      id: 'haemoglobin_low',
      label: 'Haemoglobin low',
      effect: 'modify',
      value: withUnit(hb, 'g/L') + stale,
      threshold: limit('<', t.haemoglobinModifyBelow),
      source: t.haemoglobinModifyBelow.source,
      advice: 'Low-to-moderate intensity only, in short symptom-limited bouts.',
    });
  }
  if (measured(neutrophils) && neutrophils <= t.neutrophilsHoldAtOrBelow.value) {
    fire({
      id: 'neutrophils_very_low',
      label: 'Neutrophils very low',
      effect: 'hold',
      value: withUnit(neutrophils, '×10⁹/L') + stale,
      threshold: limit('≤', t.neutrophilsHoldAtOrBelow),
      source: t.neutrophilsHoldAtOrBelow.source,
      advice: 'No exercise session today; contact the care team if there are any signs of infection.',
    });
  } else if (measured(neutrophils) && neutrophils < t.neutrophilsModifyBelow.value) {
    fire({
      id: 'neutrophils_low',
      label: 'Neutrophils low',
      effect: 'modify',
      value: withUnit(neutrophils, '×10⁹/L') + stale,
      threshold: limit('<', t.neutrophilsModifyBelow),
      source: t.neutrophilsModifyBelow.source,
      advice: 'Light-to-moderate intensity only, one-to-one rather than in a group, strict hand and equipment hygiene.',
    });
    if (context.groupSession) {
      fire({
        id: 'neutrophils_low_group',
        label: 'Neutrophils low: not in a group session',
        effect: 'hold',
        value: withUnit(neutrophils, '×10⁹/L') + stale,
        threshold: limit('<', t.neutrophilsModifyBelow),
        source: t.neutrophilsModifyBelow.source,
        advice: 'Hold from this group session. Offer a one-to-one session instead (light to moderate, strict hygiene).',
      });
    }
  }
  if (measured(glucose) && glucose < t.glucoseModifyBelow.value) {
    fire({
      id: 'glucose_low',
      label: 'Blood glucose low',
      effect: 'modify',
      value: withUnit(glucose, 'mmol/L') + stale,
      threshold: limit('<', t.glucoseModifyBelow),
      source: t.glucoseModifyBelow.source,
      advice: 'Give 5–30 g of carbohydrate and recheck before starting.',
    });
  }
  if (context.medicationFlags.includes('glucose_lowering') && !measured(glucose)) {
    fire({
      id: 'glucose_unchecked',
      label: 'Glucose not checked (on insulin or a sulfonylurea)',
      effect: 'modify',
      value: 'Not recorded',
      threshold: 'Check before exercise',
      source: `${t.glucoseModifyBelow.source} (glucose threshold); check before exercise is Pacewise practice for insulin or sulfonylurea users`,
      advice: `Check blood glucose before starting; if below ${withUnit(t.glucoseModifyBelow.value, 'mmol/L')}, give 5–30 g of carbohydrate first.`,
    });
  }

  const { pain0to10: pain, fatigue0to10: fatigue, breathlessness0to10: breathlessness, nausea0to10: nausea } = input;
  if (measured(pain) && pain >= t.painModifyAtOrAbove.value) {
    const site = input.painSite?.trim() ? ` (${input.painSite.trim()})` : '';
    fire({
      id: 'pain_high',
      label: 'Severe pain',
      effect: 'modify',
      value: `${pain}/10${site}`,
      threshold: limit('≥', t.painModifyAtOrAbove),
      source: t.painModifyAtOrAbove.source,
      advice: context.hasBoneLesions
        ? 'Reduce the load and guide intensity by symptoms. If this is new or worsening bone pain, treat it as a red flag.'
        : 'Reduce the load and guide intensity by symptoms (RPE, talk test).',
    });
  }
  if (measured(fatigue) && fatigue >= t.fatigueModifyAtOrAbove.value) {
    fire({
      id: 'fatigue_high',
      label: 'Severe fatigue',
      effect: 'modify',
      value: `${fatigue}/10`,
      threshold: limit('≥', t.fatigueModifyAtOrAbove),
      source: t.fatigueModifyAtOrAbove.source,
      advice: 'Lighter session: shorter bouts with rests, guided by RPE and the talk test.',
    });
  }
  if (measured(breathlessness) && breathlessness >= t.breathlessnessPromptAtOrAbove.value) {
    fire({
      id: 'breathlessness_high',
      label: 'Marked breathlessness',
      effect: 'info',
      value: `${breathlessness}/10`,
      threshold: limit('≥', t.breathlessnessPromptAtOrAbove),
      source: t.breathlessnessPromptAtOrAbove.source,
      advice: 'Ask whether this is severe or at rest; if so, tick the severe-breathlessness red flag.',
    });
  }
  if (measured(nausea) && nausea >= t.nauseaPromptAtOrAbove.value) {
    fire({
      id: 'nausea_high',
      label: 'Marked nausea',
      effect: 'info',
      value: `${nausea}/10`,
      threshold: limit('≥', t.nauseaPromptAtOrAbove),
      source: t.nauseaPromptAtOrAbove.source,
      advice: 'Ask about vomiting in the last 24 hours; if so, hold the session.',
    });
  }

  if (context.cycleDay) {
    const rule = {
      lighterFromDay: t.cycleLighterFromDay.value,
      lighterToDay: t.cycleLighterToDay.value,
      note: defaultCycleRule.note,
    };
    if (cycleAdjustment(rule, context.cycleDay.day).lighter) {
      fire({
        id: 'cycle_lighter',
        label: 'Early in the treatment cycle',
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
      label: 'On a beta-blocker',
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
      label: 'Bone metastases: ask about pain and analgesics',
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
