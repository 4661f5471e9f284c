import type { FiredRule, ScreenContext, ScreenInput } from './safetyScreen';
import {
  comparisonSymbols,
  crosses,
  thresholdMeta,
  type RuleEffect,
  type ScreenThresholds,
  type ThresholdKey,
} from './thresholds';

/**
 * The screen's numeric rules, one line per rule, each built on one threshold: the threshold's
 * comparison decides when it fires and its effect what it does (thresholds.ts), so a threshold and
 * its rule cannot drift apart.
 */
export interface ThresholdRule {
  id: string;
  key: ThresholdKey;
  label: string;
  reading(input: ScreenInput): number | undefined;
  /** Only fires when this also holds (symptoms reported, a group session). */
  when?(input: ScreenInput, context: ScreenContext, t: ScreenThresholds): boolean;
  /** Replaces the threshold's own effect: a symptom escalation, or a prompt to ask. */
  effect?: RuleEffect;
  /** Not fired when one of these already fired: the worse band wins. */
  unlessFired?: readonly string[];
  /** Shown as a band from this lower threshold ("88–94 %") instead of "≤ 94 %". */
  bandFrom?: ThresholdKey;
  value?(reading: number, input: ScreenInput): string;
  advice: string | ((t: ScreenThresholds, context: ScreenContext) => string);
}

export function measured(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function withUnit(value: number, unit: string): string {
  return unit.startsWith('/') ? `${value}${unit}` : `${value} ${unit}`;
}

const flagged = (input: ScreenInput, ...ids: string[]) => input.redFlags.some((id) => ids.includes(id));
/** Dizziness or near-fainting is itself a red flag; these rules say why it matters with the reading. */
const dizzy = (input: ScreenInput) => flagged(input, 'dizziness_fainting');
const anaemiaSymptoms = (input: ScreenInput, _c: ScreenContext, t: ScreenThresholds) =>
  flagged(input, 'dizziness_fainting', 'chest_pain', 'severe_breathlessness') ||
  (measured(input.breathlessness0to10) && input.breathlessness0to10 >= t.breathlessnessPromptAtOrAbove.value);

const recheck =
  'Recheck after 5 minutes of seated rest. If still above, no exercise today: seek medical review; if cleared, recheck often.';
const recheckLow =
  'Recheck after 5 minutes of seated rest and ask about dizziness or near-fainting (if present, tick the red flag: Hold). Lighter session, no rapid changes of position; recheck during the session.';

/**
 * Orthostatic hypotension by its consensus definition (Freeman 2011): a systolic fall of 20 or more,
 * or a diastolic fall of 10 or more, on standing. With dizziness it holds; without, it is a note.
 */
function orthostaticRules(
  which: 'systolic' | 'diastolic',
  key: ThresholdKey,
  pair: (input: ScreenInput) => [number | undefined, number | undefined],
): ThresholdRule[] {
  const [symptomatic, plain] =
    which === 'systolic'
      ? ['orthostatic_drop_symptomatic', 'orthostatic_drop']
      : ['orthostatic_diastolic_drop_symptomatic', 'orthostatic_diastolic_drop'];
  const drop = (input: ScreenInput) => {
    const [seated, standing] = pair(input);
    return measured(seated) && measured(standing) ? seated - standing : undefined;
  };
  const value = (fall: number, input: ScreenInput) => {
    const [seated, standing] = pair(input);
    return `${which === 'systolic' ? 'Systolic' : 'Diastolic'} fall of ${fall} mmHg (${seated} → ${standing} mmHg standing)`;
  };
  // One line is enough when both pressures fall: the systolic one is shown.
  const shown = which === 'diastolic' ? ['orthostatic_drop_symptomatic', 'orthostatic_drop'] : [];
  return [
    {
      id: symptomatic,
      key,
      label: 'Blood pressure falls on standing, with symptoms',
      reading: drop,
      when: dizzy,
      unlessFired: shown,
      value,
      advice: 'No exercise today. Sit or lie the person down and contact the care team for medical review.',
    },
    {
      id: plain,
      key,
      label: 'Blood pressure falls on standing (orthostatic hypotension)',
      reading: drop,
      effect: 'info',
      unlessFired: [symptomatic, ...shown],
      value,
      advice:
        'Ask about dizziness or near-fainting on standing; if present, tick the red flag (Hold). Otherwise change position slowly.',
    },
  ];
}

export const vitalRules: readonly ThresholdRule[] = [
  {
    id: 'sbp_high',
    key: 'sbpHoldAbove',
    label: 'Systolic blood pressure high',
    reading: (i) => i.sbp,
    advice: recheck,
  },
  {
    id: 'dbp_high',
    key: 'dbpHoldAbove',
    label: 'Diastolic blood pressure high',
    reading: (i) => i.dbp,
    advice: recheck,
  },
  {
    id: 'resting_hr_high',
    key: 'restingHrHoldAbove',
    label: 'Resting heart rate high',
    reading: (i) => i.restingHr,
    advice: recheck,
  },
  {
    id: 'spo2_low_hold',
    key: 'spo2HoldBelow',
    label: 'SpO₂ low',
    reading: (i) => i.spo2,
    advice: 'No exercise today. Recheck at rest; if it stays low, contact the care team.',
  },
  {
    id: 'spo2_low_modify',
    key: 'spo2ModifyAtOrBelow',
    label: 'SpO₂ reduced',
    reading: (i) => i.spo2,
    unlessFired: ['spo2_low_hold'],
    bandFrom: 'spo2HoldBelow',
    advice: (t) =>
      `Continue as tolerated and recheck SpO₂ during the session; stop if it falls below ${t.spo2HoldBelow.value} %.`,
  },
  {
    id: 'temperature_fever',
    key: 'temperatureHoldAtOrAbove',
    label: 'Fever',
    reading: (i) => i.temperatureC,
    advice:
      'No exercise today. If the person is on chemotherapy, fever may mean neutropenic sepsis: contact the treating team or acute oncology service now.',
  },
  {
    id: 'temperature_low',
    key: 'temperatureHoldBelow',
    label: 'Temperature low',
    reading: (i) => i.temperatureC,
    advice: (_t, context) =>
      context.chemotherapyActive
        ? 'No exercise today. On chemotherapy a low temperature, like a fever, may mean neutropenic sepsis: contact the treating team or acute oncology service now.'
        : 'No exercise today. Recheck; a low temperature can be a sign of sepsis: if the person feels unwell, contact the care team now.',
  },
  {
    id: 'sbp_low_symptomatic',
    key: 'sbpModifyBelow',
    label: 'Low blood pressure with dizziness or near-fainting',
    reading: (i) => i.sbp,
    when: dizzy,
    effect: 'hold',
    advice: 'No exercise today. Lie or sit the person down, recheck, and contact the care team.',
  },
  {
    id: 'sbp_low',
    key: 'sbpModifyBelow',
    label: 'Systolic blood pressure low',
    reading: (i) => i.sbp,
    unlessFired: ['sbp_low_symptomatic'],
    advice: recheckLow,
  },
  {
    id: 'resting_hr_low_symptomatic',
    key: 'restingHrModifyBelow',
    label: 'Slow heart rate with dizziness or near-fainting',
    reading: (i) => i.restingHr,
    when: dizzy,
    effect: 'hold',
    advice: 'No exercise today. Sit the person down, check pulse rhythm and blood pressure, and contact the care team.',
  },
  {
    id: 'resting_hr_low',
    key: 'restingHrModifyBelow',
    label: 'Resting heart rate low',
    reading: (i) => i.restingHr,
    unlessFired: ['resting_hr_low_symptomatic'],
    advice: `${recheckLow} Beta-blockers lower resting heart rate: use RPE.`,
  },
  ...orthostaticRules('systolic', 'orthostaticSystolicDropAtOrAbove', (i) => [i.sbp, i.standingSbp]),
  ...orthostaticRules('diastolic', 'orthostaticDiastolicDropAtOrAbove', (i) => [i.dbp, i.standingDbp]),
];

export const bloodRules: readonly ThresholdRule[] = [
  {
    id: 'platelets_very_low',
    key: 'plateletsHoldBelow',
    label: 'Platelets very low',
    reading: (i) => i.plateletsX109,
    advice:
      'No supervised exercise session. Functional mobility only: no fall or impact risk, no Valsalva, watch for bleeding; check the transfusion plan.',
  },
  {
    id: 'platelets_light',
    key: 'plateletsLightOnlyBelow',
    label: 'Platelets low: light exercise only',
    reading: (i) => i.plateletsX109,
    unlessFired: ['platelets_very_low'],
    bandFrom: 'plateletsHoldBelow',
    advice:
      'Light exercise and walking only: no resistance training, no impact, avoid fall risk; watch for bleeding or bruising.',
  },
  {
    id: 'platelets_low',
    key: 'plateletsModifyAtOrBelow',
    label: 'Platelets low',
    reading: (i) => i.plateletsX109,
    unlessFired: ['platelets_very_low', 'platelets_light'],
    bandFrom: 'plateletsLightOnlyBelow',
    advice:
      'Moderate exercise is acceptable: no heavy resistance, no impact or contact, avoid fall risk and straining; watch for bleeding or bruising.',
  },
  {
    id: 'haemoglobin_very_low',
    key: 'haemoglobinHoldBelow',
    label: 'Haemoglobin very low',
    reading: (i) => i.haemoglobinGL,
    advice: 'No exercise session today. Tell the care team (the person may need a transfusion review).',
  },
  {
    id: 'haemoglobin_low_symptomatic',
    key: 'haemoglobinHoldSymptomaticBelow',
    label: 'Haemoglobin low with dizziness, breathlessness or chest symptoms',
    reading: (i) => i.haemoglobinGL,
    when: anaemiaSymptoms,
    unlessFired: ['haemoglobin_very_low'],
    advice: 'No exercise session today: severe anaemia with symptoms fails the safety check. Contact the care team.',
  },
  {
    id: 'haemoglobin_low',
    key: 'haemoglobinModifyBelow',
    label: 'Haemoglobin low',
    reading: (i) => i.haemoglobinGL,
    unlessFired: ['haemoglobin_very_low', 'haemoglobin_low_symptomatic'],
    advice: 'Low-to-moderate intensity only, in short symptom-limited bouts.',
  },
  {
    id: 'neutrophils_very_low',
    key: 'neutrophilsHoldAtOrBelow',
    label: 'Neutrophils very low',
    reading: (i) => i.neutrophilsX109,
    advice: 'No exercise session today; contact the care team if there are any signs of infection.',
  },
  {
    id: 'neutrophils_low',
    key: 'neutrophilsModifyBelow',
    label: 'Neutrophils low',
    reading: (i) => i.neutrophilsX109,
    unlessFired: ['neutrophils_very_low'],
    advice: 'Light-to-moderate intensity only, one-to-one rather than in a group, strict hand and equipment hygiene.',
  },
  {
    id: 'neutrophils_low_group',
    key: 'neutrophilsModifyBelow',
    label: 'Neutrophils low: not in a group session',
    reading: (i) => i.neutrophilsX109,
    when: (_i, context) => context.groupSession,
    effect: 'hold',
    unlessFired: ['neutrophils_very_low'],
    advice: 'Hold from this group session. Offer a one-to-one session instead (light to moderate, strict hygiene).',
  },
  {
    id: 'glucose_very_low',
    key: 'glucoseHoldBelow',
    label: 'Blood glucose too low to start',
    reading: (i) => i.glucoseMmol,
    advice: (t) =>
      `Do not start. Treat the low glucose with fast-acting carbohydrate and recheck; redo the screen once glucose is at least ${t.glucoseModifyBelow.value} mmol/L.`,
  },
  {
    id: 'glucose_low',
    key: 'glucoseModifyBelow',
    label: 'Blood glucose low for someone on glucose-lowering medicine',
    reading: (i) => i.glucoseMmol,
    // The carbohydrate prompt is for people whose medicine can drive glucose down during exercise.
    when: (_i, context) => context.medicationFlags.includes('glucose_lowering'),
    unlessFired: ['glucose_very_low'],
    advice: 'Give 5–30 g of carbohydrate and recheck before starting.',
  },
  {
    id: 'glucose_high_symptomatic',
    key: 'glucoseHoldAboveWithSymptoms',
    label: 'Blood glucose high with ketones or symptoms',
    reading: (i) => i.glucoseMmol,
    when: (i) => i.glucoseKetonesOrSymptoms === true,
    advice: 'No exercise today. Contact the care team or the person’s diabetes team.',
  },
  {
    id: 'glucose_high',
    key: 'glucoseHoldAboveWithSymptoms',
    label: 'Blood glucose high',
    reading: (i) => i.glucoseMmol,
    effect: 'modify',
    unlessFired: ['glucose_high_symptomatic'],
    advice:
      'Check ketones and ask about weakness or unusual tiredness; if either is present, hold the session. Otherwise keep the intensity light to moderate and recheck afterwards.',
  },
];

export const symptomRules: readonly ThresholdRule[] = [
  {
    id: 'pain_high',
    key: 'painModifyAtOrAbove',
    label: 'Severe pain',
    reading: (i) => i.pain0to10,
    value: (pain, i) => `${pain}/10${i.painSite?.trim() ? ` (${i.painSite.trim()})` : ''}`,
    advice: (_t, context) =>
      context.hasBoneLesions
        ? 'Reduce the load and guide intensity by symptoms. If this is new or worsening bone pain, treat it as a red flag.'
        : 'Reduce the load and guide intensity by symptoms (RPE, talk test).',
  },
  {
    id: 'fatigue_high',
    key: 'fatigueModifyAtOrAbove',
    label: 'Severe fatigue',
    reading: (i) => i.fatigue0to10,
    advice: 'Lighter session: shorter bouts with rests, guided by RPE and the talk test.',
  },
  {
    id: 'breathlessness_high',
    key: 'breathlessnessPromptAtOrAbove',
    label: 'Marked breathlessness',
    reading: (i) => i.breathlessness0to10,
    advice: 'Ask whether this is severe or at rest; if so, tick the severe-breathlessness red flag.',
  },
  {
    id: 'nausea_high',
    key: 'nauseaPromptAtOrAbove',
    label: 'Marked nausea',
    reading: (i) => i.nausea0to10,
    advice: 'Ask about vomiting in the last 24 hours; if so, hold the session.',
  },
];

/** Fires every rule in the table whose threshold the reading crosses, in table order. */
export function fireThresholdRules(
  rules: readonly ThresholdRule[],
  input: ScreenInput,
  context: ScreenContext,
  t: ScreenThresholds,
  fired: FiredRule[],
  valueSuffix: string,
): void {
  for (const rule of rules) {
    const reading = rule.reading(input);
    if (!measured(reading)) continue;
    const meta = thresholdMeta[rule.key];
    const entry = t[rule.key];
    if (!crosses(reading, meta.comparison, entry.value)) continue;
    if (rule.when && !rule.when(input, context, t)) continue;
    if (rule.unlessFired && fired.some((r) => rule.unlessFired!.includes(r.id))) continue;
    const band = rule.bandFrom ? t[rule.bandFrom] : null;
    fired.push({
      id: rule.id,
      label: rule.label,
      effect: rule.effect ?? meta.effect,
      value: (rule.value ? rule.value(reading, input) : withUnit(reading, entry.unit)) + valueSuffix,
      threshold: band
        ? `${band.value}–${withUnit(entry.value, entry.unit)}`
        : `${comparisonSymbols[meta.comparison]} ${withUnit(entry.value, entry.unit)}`,
      source: entry.source,
      advice: typeof rule.advice === 'string' ? rule.advice : rule.advice(t, context),
    });
  }
}
