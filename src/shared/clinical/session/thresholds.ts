/**
 * Pre-session screening thresholds. Published sources disagree (FACTS §3), so each one is a clinic
 * setting that carries its source; the key name says which way the comparison runs.
 */

export type RuleEffect = 'hold' | 'modify' | 'info';

export interface ThresholdEntry {
  value: number;
  unit: string;
  label: string;
  source: string;
  note?: string;
}

export const thresholdKeys = [
  'sbpHoldAbove',
  'dbpHoldAbove',
  'restingHrHoldAbove',
  'spo2HoldBelow',
  'spo2ModifyAtOrBelow',
  'temperatureHoldAtOrAbove',
  'plateletsHoldBelow',
  'plateletsModifyAtOrBelow',
  'haemoglobinModifyBelow',
  'neutrophilsHoldAtOrBelow',
  'neutrophilsModifyBelow',
  'glucoseModifyBelow',
  'bloodsStaleAfterDays',
  'painModifyAtOrAbove',
  'fatigueModifyAtOrAbove',
  'breathlessnessPromptAtOrAbove',
  'nauseaPromptAtOrAbove',
  'cycleLighterFromDay',
  'cycleLighterToDay',
] as const;
export type ThresholdKey = (typeof thresholdKeys)[number];

export type ScreenThresholds = Record<ThresholdKey, ThresholdEntry>;

const TOOLKIT = 'Cancer Exercise Toolkit (TREK)';
const AUTOREGULATION = 'Campbell et al., MSSE 2019 (autoregulation); Cancers 2022;14:1528 Tbl 2';

export const defaultScreenThresholds: ScreenThresholds = {
  sbpHoldAbove: {
    value: 200,
    unit: 'mmHg',
    label: 'Systolic BP: hold above',
    source: `${TOOLKIT}; ACSM GETP (relative contraindication)`,
    note: 'Applies to two readings 5 min apart. Stricter alternatives: >180 (ATS 2002, 6MWT); ≤160/90 before exercise testing (AHA CORE 2019).',
  },
  dbpHoldAbove: {
    value: 110,
    unit: 'mmHg',
    label: 'Diastolic BP: hold above',
    source: `${TOOLKIT}; ACSM GETP (relative contraindication)`,
    note: 'Applies to two readings 5 min apart. Stricter alternative: >100 (ATS 2002, 6MWT).',
  },
  restingHrHoldAbove: {
    value: 120,
    unit: 'bpm',
    label: 'Resting heart rate: hold above',
    source: `${TOOLKIT}; ATS 2002`,
    note: 'Applies to two readings 5 min apart. Some patient leaflets use >100 bpm.',
  },
  spo2HoldBelow: {
    value: 88,
    unit: '%',
    label: 'SpO₂: hold below',
    source: TOOLKIT,
    note: 'Also stop if SpO₂ falls below this during a session.',
  },
  spo2ModifyAtOrBelow: {
    value: 94,
    unit: '%',
    label: 'SpO₂: modify at or below',
    source: TOOLKIT,
    note: 'Toolkit band 88–94%: continue as tolerated and recheck.',
  },
  temperatureHoldAtOrAbove: {
    value: 38.0,
    unit: '°C',
    label: 'Temperature: hold at or above',
    source: 'Cancer Care Ontario fever guideline; ACSM GETP 9th ed. (fever with systemic infection)',
    note: 'The 38 °C figure is the oncology fever definition, not an exercise-specific threshold.',
  },
  plateletsHoldBelow: {
    value: 20,
    unit: '×10⁹/L',
    label: 'Platelets: hold below',
    source: `${TOOLKIT}; Maltser et al., PM&R 2017`,
    note: 'Toolkit allows functional mobility only below this; Pacewise treats it as Hold for supervised exercise.',
  },
  plateletsModifyAtOrBelow: {
    value: 50,
    unit: '×10⁹/L',
    label: 'Platelets: modify at or below',
    source: 'Maltser et al., PM&R 2017 (PMC5627359)',
    note: 'Light exercise and walking; no resistance or impact (medicalalgorithms.com bars resistance at 20–50). AHA CORE requires >50.',
  },
  haemoglobinModifyBelow: {
    value: 80,
    unit: 'g/L',
    label: 'Haemoglobin: modify below',
    source: TOOLKIT,
    note: 'Maltser: short, symptom-limited bouts below 8 g/dL. AHA CORE excludes below 8 g/dL.',
  },
  neutrophilsHoldAtOrBelow: {
    value: 0.5,
    unit: '×10⁹/L',
    label: 'Neutrophils: hold at or below',
    source: 'AHA CORE (Gilchrist et al., Circulation 2019)',
    note: 'AHA CORE: the ANC must be above 0.5 ×10⁹/L, so 0.5 itself holds.',
  },
  neutrophilsModifyBelow: {
    value: 1.5,
    unit: '×10⁹/L',
    label: 'Neutrophils: modify below',
    source: TOOLKIT,
    note: 'Toolkit table is ambiguous between WBC <2.0 and neutrophils <1.5 ×10⁹/L.',
  },
  glucoseModifyBelow: {
    value: 5.5,
    unit: 'mmol/L',
    label: 'Blood glucose: modify below',
    source: TOOLKIT,
    note: 'Give 5–30 g carbohydrate before starting.',
  },
  bloodsStaleAfterDays: {
    value: 14,
    unit: 'days',
    label: 'Blood results: flag as stale when older than',
    source: 'Pacewise clinic default (no published cut-off found)',
  },
  painModifyAtOrAbove: {
    value: 7,
    unit: '/10',
    label: 'Pain: modify at or above',
    source: AUTOREGULATION,
    note: '7/10 marks severe on 0–10 scales; the cut-off is a Pacewise default.',
  },
  fatigueModifyAtOrAbove: {
    value: 7,
    unit: '/10',
    label: 'Fatigue: modify at or above',
    source: `${AUTOREGULATION}; Mendoza et al., Cancer 1999 (BFI ≥7 = severe)`,
  },
  breathlessnessPromptAtOrAbove: {
    value: 7,
    unit: '/10',
    label: 'Breathlessness: prompt red-flag check at or above',
    source: `Pacewise prompt; red flag from ${TOOLKIT}`,
  },
  nauseaPromptAtOrAbove: {
    value: 7,
    unit: '/10',
    label: 'Nausea: prompt vomiting check at or above',
    source: 'Pacewise prompt; vomiting within 24 h from AHA CORE (Gilchrist et al., Circulation 2019)',
  },
  cycleLighterFromDay: {
    value: 1,
    unit: 'cycle day',
    label: 'Lighter session: from cycle day',
    source: 'Kirkham et al., MSSE 2020;52:278',
    note: 'Cycle day 1 is the infusion day.',
  },
  cycleLighterToDay: {
    value: 5,
    unit: 'cycle day',
    label: 'Lighter session: to cycle day',
    source: 'Kirkham et al., MSSE 2020;52:278',
    note: 'Fatigue peaks 3–5 days after infusion. Set to 0 to switch the rule off.',
  },
};

export type ThresholdGroup = 'vitals' | 'bloods' | 'symptoms' | 'treatment';

export interface ThresholdMeta {
  group: ThresholdGroup;
  effect: RuleEffect;
  comparison: 'above' | 'atOrAbove' | 'below' | 'atOrBelow' | 'olderThan' | 'fromDay' | 'toDay';
  min: number;
  max: number;
  step: number;
}

/** Sane ranges for the settings screen; a value outside them is almost certainly a typing error. */
export const thresholdMeta: Record<ThresholdKey, ThresholdMeta> = {
  sbpHoldAbove: { group: 'vitals', effect: 'hold', comparison: 'above', min: 140, max: 240, step: 1 },
  dbpHoldAbove: { group: 'vitals', effect: 'hold', comparison: 'above', min: 80, max: 130, step: 1 },
  restingHrHoldAbove: { group: 'vitals', effect: 'hold', comparison: 'above', min: 90, max: 150, step: 1 },
  spo2HoldBelow: { group: 'vitals', effect: 'hold', comparison: 'below', min: 80, max: 95, step: 1 },
  spo2ModifyAtOrBelow: { group: 'vitals', effect: 'modify', comparison: 'atOrBelow', min: 85, max: 98, step: 1 },
  temperatureHoldAtOrAbove: { group: 'vitals', effect: 'hold', comparison: 'atOrAbove', min: 37.5, max: 39, step: 0.1 },
  plateletsHoldBelow: { group: 'bloods', effect: 'hold', comparison: 'below', min: 5, max: 50, step: 1 },
  plateletsModifyAtOrBelow: { group: 'bloods', effect: 'modify', comparison: 'atOrBelow', min: 20, max: 150, step: 1 },
  haemoglobinModifyBelow: { group: 'bloods', effect: 'modify', comparison: 'below', min: 60, max: 120, step: 1 },
  neutrophilsHoldAtOrBelow: { group: 'bloods', effect: 'hold', comparison: 'atOrBelow', min: 0.1, max: 1.5, step: 0.1 },
  neutrophilsModifyBelow: { group: 'bloods', effect: 'modify', comparison: 'below', min: 0.5, max: 3, step: 0.1 },
  glucoseModifyBelow: { group: 'bloods', effect: 'modify', comparison: 'below', min: 3, max: 8, step: 0.1 },
  bloodsStaleAfterDays: { group: 'bloods', effect: 'info', comparison: 'olderThan', min: 1, max: 90, step: 1 },
  painModifyAtOrAbove: { group: 'symptoms', effect: 'modify', comparison: 'atOrAbove', min: 3, max: 10, step: 1 },
  fatigueModifyAtOrAbove: { group: 'symptoms', effect: 'modify', comparison: 'atOrAbove', min: 3, max: 10, step: 1 },
  breathlessnessPromptAtOrAbove: {
    group: 'symptoms',
    effect: 'info',
    comparison: 'atOrAbove',
    min: 3,
    max: 10,
    step: 1,
  },
  nauseaPromptAtOrAbove: { group: 'symptoms', effect: 'info', comparison: 'atOrAbove', min: 3, max: 10, step: 1 },
  cycleLighterFromDay: { group: 'treatment', effect: 'modify', comparison: 'fromDay', min: 1, max: 28, step: 1 },
  cycleLighterToDay: { group: 'treatment', effect: 'modify', comparison: 'toDay', min: 0, max: 28, step: 1 },
};

export interface ThresholdProblem {
  key: ThresholdKey;
  message: string;
}

/** Checks each value against its sane range and the pairs that must stay in order. */
export function validateThresholds(thresholds: ScreenThresholds): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const key of thresholdKeys) {
    const { value, unit } = thresholds[key];
    const { min, max } = thresholdMeta[key];
    if (!Number.isFinite(value) || value < min || value > max) {
      problems.push({ key, message: `Must be between ${min} and ${max} ${unit}.` });
    }
  }
  const ordered: Array<[ThresholdKey, ThresholdKey, string]> = [
    ['spo2HoldBelow', 'spo2ModifyAtOrBelow', 'The SpO₂ hold level must be below the modify level.'],
    ['plateletsHoldBelow', 'plateletsModifyAtOrBelow', 'The platelet hold level must be below the modify level.'],
    ['neutrophilsHoldAtOrBelow', 'neutrophilsModifyBelow', 'The neutrophil hold level must be below the modify level.'],
  ];
  for (const [lower, upper, message] of ordered) {
    if (thresholds[lower].value > thresholds[upper].value) problems.push({ key: lower, message });
  }
  const to = thresholds.cycleLighterToDay.value;
  if (to !== 0 && to < thresholds.cycleLighterFromDay.value) {
    problems.push({
      key: 'cycleLighterToDay',
      message: 'The last lighter day must not come before the first (or be 0 to switch off).',
    });
  }
  return problems;
}

/** Stored keys that were renamed: the old key's value still applies when the new one is absent. */
const renamedKeys: Partial<Record<ThresholdKey, string>> = {
  // Was "hold below 0.5"; AHA CORE requires ANC above 0.5, so the comparison is now "at or below".
  neutrophilsHoldAtOrBelow: 'neutrophilsHoldBelow',
};

/** Builds thresholds from stored clinic values (numbers only); unknown or non-numeric values are ignored. */
export function thresholdsWithValues(
  stored: Partial<Record<string, unknown>>,
  base: ScreenThresholds = defaultScreenThresholds,
): ScreenThresholds {
  const values: Partial<Record<string, unknown>> = { ...stored };
  for (const [key, old] of Object.entries(renamedKeys)) {
    if (values[key] === undefined && old !== undefined) values[key] = values[old];
  }
  const result = { ...base };
  for (const key of thresholdKeys) {
    const value = values[key];
    if (typeof value === 'number' && Number.isFinite(value)) result[key] = { ...base[key], value };
  }
  return result;
}

/**
 * Thresholds as stored with a screened session (whole entries, as they were then). An entry stored
 * under a renamed key keeps its value under the new key, with the current label and comparison.
 */
export function storedThresholds(
  stored: Partial<Record<string, ThresholdEntry>>,
  base: ScreenThresholds = defaultScreenThresholds,
): ScreenThresholds {
  const result = { ...base };
  for (const key of thresholdKeys) {
    const old = renamedKeys[key];
    const entry = stored[key] ?? (old ? stored[old] : undefined);
    if (!entry || typeof entry.value !== 'number') continue;
    result[key] = stored[key] ? entry : { ...base[key], value: entry.value };
  }
  return result;
}
