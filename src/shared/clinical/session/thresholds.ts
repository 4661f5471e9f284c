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
  'sbpModifyBelow',
  'orthostaticSystolicDropAtOrAbove',
  'orthostaticDiastolicDropAtOrAbove',
  'restingHrHoldAbove',
  'restingHrModifyBelow',
  'spo2HoldBelow',
  'spo2ModifyAtOrBelow',
  'temperatureHoldAtOrAbove',
  'temperatureHoldBelow',
  'plateletsHoldBelow',
  'plateletsLightOnlyBelow',
  'plateletsModifyAtOrBelow',
  'haemoglobinHoldBelow',
  'haemoglobinHoldSymptomaticBelow',
  'haemoglobinModifyBelow',
  'neutrophilsHoldAtOrBelow',
  'neutrophilsModifyBelow',
  'glucoseHoldBelow',
  'glucoseModifyBelow',
  'glucoseHoldAboveWithSymptoms',
  'bloodsStaleAfterDays',
  'painModifyAtOrAbove',
  'fatigueModifyAtOrAbove',
  'breathlessnessPromptAtOrAbove',
  'nauseaPromptAtOrAbove',
  'cycleLighterFromDay',
  'cycleLighterToDay',
  'nadirFromDay',
  'nadirToDay',
] as const;
export type ThresholdKey = (typeof thresholdKeys)[number];

export type ScreenThresholds = Record<ThresholdKey, ThresholdEntry>;

const TOOLKIT = 'Cancer Exercise Toolkit (TREK)';
/** Defaults no verified source gives (FACTS §3): the UI shows this label, and the clinic may change them. */
export const CLINIC_POLICY = 'Clinic policy';
const AHA_CORE = 'AHA CORE (Gilchrist et al., Circulation 2019;139:e997, Tbl 3)';
const MALTSER = 'Maltser et al., PM&R 2017;9:S415, Tbl 2';
const TURNER = 'Turner et al., Sports Med Open 2019;5:20, citing Riddell 2017';
const HEART_FAIL_REV = 'Heart Fail Rev 2023;28:1285, Tbl 1';
const AUTOREGULATION = 'Campbell et al., MSSE 2019 (autoregulation); Cancers 2022;14:1528 Tbl 2';
/** The consensus definition (checked against its summaries: StatPearls, and the Framingham and Vanderbilt papers citing it). */
const FREEMAN = 'Freeman et al., Clin Auton Res 2011;21:69 (consensus definition of orthostatic hypotension)';
/**
 * The nadir window. Crawford 2004 itself was not retrieved here; the CDC's Preventing Infections in
 * Cancer Patients sheet gives the lowest counts from about 7–12 days after each dose, for 5–7 days.
 */
export const NADIR_SOURCE =
  'Crawford et al., Cancer 2004;100:228 (nadir about days 7–14 of most 3-weekly regimens; paper not retrieved here, the window matches the CDC Preventing Infections in Cancer Patients sheet)';

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
  sbpModifyBelow: {
    value: 90,
    unit: 'mmHg',
    label: 'Systolic BP: modify and recheck below',
    source: `${CLINIC_POLICY} (no verified published figure)`,
    note: 'SBP <90 appears only in unattributed or secondary sources. With dizziness or near-fainting the session is held.',
  },
  orthostaticSystolicDropAtOrAbove: {
    value: 20,
    unit: 'mmHg',
    label: 'Systolic fall on standing: orthostatic at or above',
    source: `${FREEMAN}; ${HEART_FAIL_REV} (with symptoms: absolute contraindication)`,
    note: 'Seated minus standing systolic BP, within 3 minutes of standing. With dizziness or near-fainting the session is held; without, it is a note to change position slowly.',
  },
  orthostaticDiastolicDropAtOrAbove: {
    value: 10,
    unit: 'mmHg',
    label: 'Diastolic fall on standing: orthostatic at or above',
    source: FREEMAN,
    note: 'Seated minus standing diastolic BP, within 3 minutes of standing. Either fall meets the definition.',
  },
  restingHrHoldAbove: {
    value: 120,
    unit: 'bpm',
    label: 'Resting heart rate: hold above',
    source: `${TOOLKIT}; ATS 2002`,
    note: 'Applies to two readings 5 min apart. Some patient leaflets use >100 bpm.',
  },
  restingHrModifyBelow: {
    value: 50,
    unit: 'bpm',
    label: 'Resting heart rate: modify and recheck below',
    source: `${CLINIC_POLICY} (no verified published figure)`,
    note: 'HR <40–50 appears only in unattributed or secondary sources; beta-blockers lower resting HR. With dizziness or near-fainting the session is held.',
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
  temperatureHoldBelow: {
    value: 36.0,
    unit: '°C',
    label: 'Temperature: hold below',
    source:
      'NICE NG51 (sepsis: temperature below 36 °C is a risk criterion; figure not retrieved here); NICE CG151 (suspect neutropenic sepsis in anyone on anticancer treatment who becomes unwell)',
    note: 'A low temperature can be sepsis, as a fever can: on anticancer treatment, contact the acute oncology service.',
  },
  plateletsHoldBelow: {
    value: 20,
    unit: '×10⁹/L',
    label: 'Platelets: hold below',
    source: `${TOOLKIT}; Maltser et al., PM&R 2017`,
    note: 'Toolkit allows functional mobility only below this; Pacewise treats it as Hold for supervised exercise.',
  },
  plateletsLightOnlyBelow: {
    value: 30,
    unit: '×10⁹/L',
    label: 'Platelets: light exercise and walking only below',
    source: `${MALTSER} (>30 ×10⁹/L: moderate exercise; >20: light exercise and walking)`,
    note: 'Between this and the hold level: light exercise and walking only, no resistance training.',
  },
  plateletsModifyAtOrBelow: {
    value: 50,
    unit: '×10⁹/L',
    label: 'Platelets: modify at or below',
    source: 'Maltser et al., PM&R 2017 (PMC5627359)',
    note: 'From the light-only level up to this: moderate exercise, no heavy resistance or impact (Maltser: >30 moderate, >50 progressive resistance). Stricter: medicalalgorithms.com bars resistance at 20–50; AHA CORE requires >50.',
  },
  haemoglobinHoldBelow: {
    value: 70,
    unit: 'g/L',
    label: 'Haemoglobin: hold below',
    source: `${CLINIC_POLICY} (no verified source gives this figure)`,
    note: 'medicalalgorithms.com (unverified) contraindicates below 7 g/dL.',
  },
  haemoglobinHoldSymptomaticBelow: {
    value: 80,
    unit: 'g/L',
    label: 'Haemoglobin: hold below, with symptoms',
    source: `${AHA_CORE}; ${MALTSER}`,
    note: 'Applies with dizziness, chest symptoms or marked breathlessness. AHA CORE: severe anaemia (<8 g/dL) fails the safety check.',
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
  glucoseHoldBelow: {
    value: 4.0,
    unit: 'mmol/L',
    label: 'Blood glucose: hold below',
    source: TURNER,
    note: 'Do not start: treat, recheck, and redo the screen once glucose is at or above the modify level.',
  },
  glucoseModifyBelow: {
    value: 5.5,
    unit: 'mmol/L',
    label: 'Blood glucose: modify below',
    source: TOOLKIT,
    note: 'Give 5–30 g carbohydrate before starting.',
  },
  glucoseHoldAboveWithSymptoms: {
    value: 15.0,
    unit: 'mmol/L',
    label: 'Blood glucose: hold above, with ketones or symptoms',
    source: `${TURNER}; Achttien et al., Neth Heart J 2015;23:6, Tbl 3`,
    note: 'Symptoms: weakness or unusual tiredness. Without ketones or symptoms, ≥15 is a relative contraindication (Achttien).',
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
  nadirFromDay: {
    value: 7,
    unit: 'cycle day',
    label: 'Neutrophil nadir window: from cycle day',
    source: NADIR_SOURCE,
    note: 'Chemotherapy only. Bloods taken before this cycle’s day 1 (or on day 1, once the window has begun) are pre-nadir.',
  },
  nadirToDay: {
    value: 14,
    unit: 'cycle day',
    label: 'Neutrophil nadir window: to cycle day',
    source: NADIR_SOURCE,
  },
};

export type ThresholdGroup = 'vitals' | 'bloods' | 'symptoms' | 'treatment';

export type ThresholdComparison = 'above' | 'atOrAbove' | 'below' | 'atOrBelow' | 'olderThan' | 'fromDay' | 'toDay';

/**
 * How far a clinic may loosen a threshold: the most permissive published figure (FACTS §3). For a
 * "below" threshold it is a floor, for an "above" one a ceiling; tightening is always allowed.
 */
export interface ThresholdBound {
  value: number;
  source: string;
}

export interface ThresholdMeta {
  group: ThresholdGroup;
  /** What the rule built on this threshold does when it fires (safetyScreen.ts reads it). */
  effect: RuleEffect;
  /** Which way the reading is compared with the value (safetyScreen.ts reads it). */
  comparison: ThresholdComparison;
  /** Sane range for the settings screen; a value outside it is almost certainly a typing error. */
  min: number;
  max: number;
  step: number;
  bound?: ThresholdBound;
}

const ERJ = 'ERJ field-walking-test contraindications (nothing accepts SpO₂ <85% on room air)';

export const thresholdMeta: Record<ThresholdKey, ThresholdMeta> = {
  sbpHoldAbove: {
    group: 'vitals',
    effect: 'hold',
    comparison: 'above',
    min: 140,
    max: 240,
    step: 1,
    bound: { value: 200, source: 'ACSM GETP (200/120 mmHg: relative contraindication at most)' },
  },
  dbpHoldAbove: {
    group: 'vitals',
    effect: 'hold',
    comparison: 'above',
    min: 80,
    max: 130,
    step: 1,
    bound: { value: 120, source: 'ACSM GETP (200/120 mmHg: relative contraindication at most)' },
  },
  sbpModifyBelow: { group: 'vitals', effect: 'modify', comparison: 'below', min: 70, max: 110, step: 1 },
  orthostaticSystolicDropAtOrAbove: {
    group: 'vitals',
    effect: 'hold',
    comparison: 'atOrAbove',
    min: 10,
    max: 40,
    step: 1,
    bound: { value: 20, source: FREEMAN },
  },
  orthostaticDiastolicDropAtOrAbove: {
    group: 'vitals',
    effect: 'hold',
    comparison: 'atOrAbove',
    min: 5,
    max: 20,
    step: 1,
    bound: { value: 10, source: FREEMAN },
  },
  restingHrHoldAbove: {
    group: 'vitals',
    effect: 'hold',
    comparison: 'above',
    min: 90,
    max: 150,
    step: 1,
    bound: { value: 120, source: `${HEART_FAIL_REV} (>120 bpm: absolute contraindication)` },
  },
  restingHrModifyBelow: { group: 'vitals', effect: 'modify', comparison: 'below', min: 35, max: 60, step: 1 },
  spo2HoldBelow: {
    group: 'vitals',
    effect: 'hold',
    comparison: 'below',
    min: 80,
    max: 95,
    step: 1,
    bound: { value: 85, source: ERJ },
  },
  spo2ModifyAtOrBelow: { group: 'vitals', effect: 'modify', comparison: 'atOrBelow', min: 85, max: 98, step: 1 },
  temperatureHoldAtOrAbove: {
    group: 'vitals',
    effect: 'hold',
    comparison: 'atOrAbove',
    min: 37.5,
    max: 39,
    step: 0.1,
    bound: { value: 38.0, source: 'No source allows exercise with fever (≥38 °C; Cancer Care Ontario, ACSM GETP)' },
  },
  temperatureHoldBelow: {
    group: 'vitals',
    effect: 'hold',
    comparison: 'below',
    min: 35,
    max: 36.5,
    step: 0.1,
    bound: { value: 36.0, source: 'NICE NG51 (temperature below 36 °C: a sepsis risk criterion)' },
  },
  plateletsHoldBelow: {
    group: 'bloods',
    effect: 'hold',
    comparison: 'below',
    min: 5,
    max: 50,
    step: 1,
    bound: { value: 20, source: `${MALTSER}; ${TOOLKIT}` },
  },
  plateletsLightOnlyBelow: {
    group: 'bloods',
    effect: 'modify',
    comparison: 'below',
    min: 20,
    max: 50,
    step: 1,
    bound: { value: 30, source: `${MALTSER} (moderate exercise above 30 ×10⁹/L)` },
  },
  plateletsModifyAtOrBelow: { group: 'bloods', effect: 'modify', comparison: 'atOrBelow', min: 20, max: 150, step: 1 },
  haemoglobinHoldBelow: { group: 'bloods', effect: 'hold', comparison: 'below', min: 50, max: 100, step: 1 },
  haemoglobinHoldSymptomaticBelow: {
    group: 'bloods',
    effect: 'hold',
    comparison: 'below',
    min: 60,
    max: 120,
    step: 1,
    bound: { value: 80, source: AHA_CORE },
  },
  haemoglobinModifyBelow: {
    group: 'bloods',
    effect: 'modify',
    comparison: 'below',
    min: 60,
    max: 120,
    step: 1,
    bound: { value: 80, source: TOOLKIT },
  },
  neutrophilsHoldAtOrBelow: {
    group: 'bloods',
    effect: 'hold',
    comparison: 'atOrBelow',
    min: 0.1,
    max: 1.5,
    step: 0.1,
    bound: { value: 0.5, source: 'AHA CORE (Gilchrist et al., Circulation 2019): ANC must be above 0.5' },
  },
  neutrophilsModifyBelow: { group: 'bloods', effect: 'modify', comparison: 'below', min: 0.5, max: 3, step: 0.1 },
  glucoseHoldBelow: {
    group: 'bloods',
    effect: 'hold',
    comparison: 'below',
    min: 3,
    max: 6,
    step: 0.1,
    bound: { value: 4.0, source: TURNER },
  },
  glucoseModifyBelow: { group: 'bloods', effect: 'modify', comparison: 'below', min: 3, max: 8, step: 0.1 },
  glucoseHoldAboveWithSymptoms: {
    group: 'bloods',
    effect: 'hold',
    comparison: 'above',
    min: 10,
    max: 20,
    step: 0.1,
    bound: { value: 15.0, source: TURNER },
  },
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
  nadirFromDay: {
    group: 'treatment',
    effect: 'info',
    comparison: 'fromDay',
    min: 1,
    max: 14,
    step: 1,
    bound: { value: 7, source: NADIR_SOURCE },
  },
  nadirToDay: {
    group: 'treatment',
    effect: 'info',
    comparison: 'toDay',
    min: 7,
    max: 28,
    step: 1,
    bound: { value: 14, source: NADIR_SOURCE },
  },
};

/** Whether a reading crosses a threshold the way the threshold's comparison says. */
export function crosses(reading: number, comparison: ThresholdComparison, limit: number): boolean {
  switch (comparison) {
    case 'above':
    case 'olderThan':
      return reading > limit;
    case 'atOrAbove':
    case 'fromDay':
      return reading >= limit;
    case 'below':
      return reading < limit;
    case 'atOrBelow':
    case 'toDay':
      return reading <= limit;
  }
}

/** The symbol a fired rule shows before the threshold (">", "≤", …). */
export const comparisonSymbols: Record<ThresholdComparison, string> = {
  above: '>',
  atOrAbove: '≥',
  below: '<',
  atOrBelow: '≤',
  olderThan: '>',
  fromDay: '≥',
  toDay: '≤',
};

/**
 * Loosening a "below" threshold means lowering it; loosening an "above" one means raising it. A
 * window's last day ("toDay") loosens by coming earlier, so it has a floor; its first day a ceiling.
 */
export function boundKind(key: ThresholdKey): 'floor' | 'ceiling' | null {
  const { bound, comparison } = thresholdMeta[key];
  if (!bound) return null;
  return comparison === 'below' || comparison === 'atOrBelow' || comparison === 'toDay' ? 'floor' : 'ceiling';
}

/** Whether a value loosens its threshold past the most permissive published figure. */
export function beyondBound(key: ThresholdKey, value: number): boolean {
  const kind = boundKind(key);
  const bound = thresholdMeta[key].bound;
  if (!kind || !bound) return false;
  return kind === 'floor' ? value < bound.value : value > bound.value;
}

/** "Never below 85 % (source)": the text shown beside a bounded setting and in its refusal. */
export function boundText(key: ThresholdKey, unit: string): string | null {
  const kind = boundKind(key);
  const bound = thresholdMeta[key].bound;
  if (!kind || !bound) return null;
  return `Never ${kind === 'floor' ? 'below' : 'above'} ${bound.value} ${unit}: the most permissive published figure. Source: ${bound.source}.`;
}

export interface ThresholdProblem {
  key: ThresholdKey;
  message: string;
}

/** Checks each value against its published bound, its sane range and the pairs that must stay in order. */
export function validateThresholds(thresholds: ScreenThresholds): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const key of thresholdKeys) {
    const { value, unit } = thresholds[key];
    const { min, max } = thresholdMeta[key];
    if (!Number.isFinite(value)) {
      problems.push({ key, message: `Must be a number between ${min} and ${max} ${unit}.` });
    } else if (beyondBound(key, value)) {
      problems.push({ key, message: `${boundText(key, unit)} A clinic may tighten it, but not loosen it further.` });
    } else if (value < min || value > max) {
      problems.push({ key, message: `Must be between ${min} and ${max} ${unit}.` });
    }
  }
  const ordered: Array<[ThresholdKey, ThresholdKey, string]> = [
    ['spo2HoldBelow', 'spo2ModifyAtOrBelow', 'The SpO₂ hold level must be below the modify level.'],
    [
      'plateletsHoldBelow',
      'plateletsLightOnlyBelow',
      'The platelet hold level must not be above the light-only level.',
    ],
    [
      'plateletsLightOnlyBelow',
      'plateletsModifyAtOrBelow',
      'The platelet light-only level must not be above the modify level.',
    ],
    ['temperatureHoldBelow', 'temperatureHoldAtOrAbove', 'The low-temperature hold must be below the fever level.'],
    ['neutrophilsHoldAtOrBelow', 'neutrophilsModifyBelow', 'The neutrophil hold level must be below the modify level.'],
    ['glucoseHoldBelow', 'glucoseModifyBelow', 'The low-glucose hold level must be below the modify level.'],
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
  if (thresholds.nadirToDay.value < thresholds.nadirFromDay.value) {
    problems.push({ key: 'nadirToDay', message: 'The nadir window must not end before it starts.' });
  }
  return problems;
}

/**
 * A stored value looser than its published bound (saved before bounds existed) is read as the
 * bound itself, so the screen never runs on a figure no source accepts.
 */
export function withinBounds(thresholds: ScreenThresholds): ScreenThresholds {
  const result = { ...thresholds };
  for (const key of thresholdKeys) {
    const bound = thresholdMeta[key].bound;
    if (bound && beyondBound(key, result[key].value)) result[key] = { ...result[key], value: bound.value };
  }
  return result;
}

/** Stored keys that were renamed: the old key's value still applies when the new one is absent. */
const renamedKeys: Partial<Record<ThresholdKey, string>> = {
  // Was "hold below 0.5"; AHA CORE requires ANC above 0.5, so the comparison is now "at or below".
  neutrophilsHoldAtOrBelow: 'neutrophilsHoldBelow',
  // Was "a systolic drop of more than 20"; Freeman 2011 defines it as 20 or more (a stored value
  // keeps its number, so a clinic's own figure only ever becomes 1 mmHg stricter).
  orthostaticSystolicDropAtOrAbove: 'orthostaticDropHoldAbove',
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
