import type { Sex } from '../../domain/vocabulary';

/**
 * The outcome measures Pacewise knows. Every threshold the screens or letters quote carries the
 * source it came from (FACTS.md §4), so a clinician can see where a number came from.
 */

export const builtInMeasureKeys = [
  'six_minute_walk',
  'sit_to_stand_30s',
  'five_times_sit_to_stand',
  'timed_up_and_go',
  'handgrip',
  'gait_speed_4m',
  'sppb',
  'ecog',
  'esas_r',
  'borg_rpe',
  'facit_fatigue',
  'eortc_qlq_c30_ghs',
  'bfi',
] as const;
export type BuiltInMeasureKey = (typeof builtInMeasureKeys)[number];

/** The nine ESAS-r symptoms that make up the total, in form order. */
export const esasSymptoms = [
  'pain',
  'fatigue',
  'drowsiness',
  'nausea',
  'appetite',
  'shortness_of_breath',
  'depression',
  'anxiety',
  'wellbeing',
] as const;
export type EsasSymptom = (typeof esasSymptoms)[number];

export const esasSymptomLabels: Record<EsasSymptom, string> = {
  pain: 'Pain',
  fatigue: 'Tiredness (fatigue)',
  drowsiness: 'Drowsiness',
  nausea: 'Nausea',
  appetite: 'Lack of appetite',
  shortness_of_breath: 'Shortness of breath',
  depression: 'Depression',
  anxiety: 'Anxiety',
  wellbeing: 'Wellbeing',
};

export type EsasSymptomMeasureKey = `esas_r.${EsasSymptom}`;
export type MeasureKey = BuiltInMeasureKey | EsasSymptomMeasureKey;
/** A measure the clinic defined itself (Settings → Outcome measures); the suffix is its row id. */
export type CustomMeasureKey = `custom.${string}`;

export type ChangeThresholdKind = 'mcid' | 'mdc' | 'small_change' | 'substantial_change' | 'convention';

export interface ChangeThreshold {
  /** Smallest change counted as meaningful; for asymmetric measures, the improvement threshold. */
  value: number;
  /** Set only where worsening needs a different amount of change than improvement. */
  declineValue?: number;
  /**
   * A smaller change the same source also counts as meaningful (Perera 2006: "small" beside
   * "substantial"): the verdict stays on `value`, and the basis names both.
   */
  smallValue?: number;
  kind: ChangeThresholdKind;
  source: string;
  note?: string;
  /**
   * Where the number stands against the fact sheet (FACTS.md §4), shown on screen beside the verdict:
   * `published` — value and source as the fact sheet gives them; `pacewise` — a Pacewise choice
   * (a clinic default inside a published range, or a convention with no publication behind it);
   * `unverified` — a published figure whose paper or citation has not been checked.
   */
  provenance?: ThresholdProvenance;
  /**
   * The threshold's published basis as a letter cites it to the medical team, where `source` is
   * worded for the clinic's own screens (a Pacewise default, a convention, an unchecked citation).
   * Letters fall back to `source`.
   */
  citation?: string;
}

export type ThresholdProvenance = 'published' | 'pacewise' | 'unverified';

export const thresholdProvenanceNotes: Record<ThresholdProvenance, string | null> = {
  published: null,
  pacewise: 'Pacewise choice, not a published MCID',
  unverified: 'Source not verified',
};

export type CutoffOp = '<' | '<=' | '>=' | '>';

export interface CutoffCondition {
  op: CutoffOp;
  value: number;
  /** A sex-specific cut-off is applied only when the recorded sex matches. */
  sex?: Sex;
  /** Inclusive age band in completed years; applied only when an age is known. */
  ageMin?: number;
  ageMax?: number;
  /** A second bound that must also hold, for bands such as "4 to under 7". */
  and?: { op: CutoffOp; value: number };
}

export interface Cutoff {
  id: string;
  label: string;
  when: CutoffCondition;
  meaning: string;
  source: string;
  /** The citation is not on the Pacewise fact sheet (FACTS.md §4): shown on screen as unverified. */
  unverified?: boolean;
}

/** A normal range for an age band and sex (e.g. 25th–75th percentile). */
export interface NormBand {
  sex: 'female' | 'male';
  ageMin: number;
  ageMax: number;
  low: number;
  high: number;
  percentiles: string;
  source: string;
}

export type ComponentKind = 'number' | 'integer' | 'choice' | 'boolean';

export interface MeasureComponent {
  key: string;
  label: string;
  unit?: string;
  kind: ComponentKind;
  min?: number;
  max?: number;
  choices?: Array<{ value: number | string; label: string }>;
  optional: boolean;
}

export interface MeasureDefinition {
  key: MeasureKey | CustomMeasureKey;
  name: string;
  shortName: string;
  unit: string;
  better: 'higher' | 'lower';
  decimals: number;
  range: { min: number; max: number };
  mcid: ChangeThreshold | null;
  /** Why there is no MCID, shown where a verdict would otherwise be. */
  mcidGap: string | null;
  cutoffs: Cutoff[];
  norms: NormBand[];
  loinc: string | null;
  loincNote: string | null;
  instructions: string;
  /** Licensed questionnaires: Pacewise stores scores only, never item wording. */
  licensed: boolean;
  licenceNote: string | null;
  components: MeasureComponent[];
  /** For ESAS-r symptom sub-measures: the measure they are entered on. */
  parent: MeasureKey | null;
}

export const SIX_MINUTE_WALK_MCID_M = 30;
export const ENRIGHT_SHERRILL_SOURCE = 'Enright & Sherrill 1998, Am J Respir Crit Care Med';

const EWGSOP2 = 'EWGSOP2 (Cruz-Jentoft 2019)';
const PERERA = 'Perera 2006, J Am Geriatr Soc';
const RIKLI_JONES = 'Rikli & Jones 1999, J Aging Phys Act';

const walkingAid: MeasureComponent = {
  key: 'walking_aid',
  label: 'Walking aid used',
  kind: 'choice',
  choices: [
    { value: 'none', label: 'None' },
    { value: 'stick', label: 'Stick or cane' },
    { value: 'crutches', label: 'Crutches' },
    { value: 'frame', label: 'Frame or rollator' },
    { value: 'other', label: 'Other' },
  ],
  optional: true,
};

const scoreOnly = (max: number, kind: ComponentKind = 'number'): MeasureComponent[] => [
  { key: 'score', label: 'Score', kind, min: 0, max, optional: false },
];

const sitToStandNorms: NormBand[] = (
  [
    ['female', 60, 64, 12, 17],
    ['female', 65, 69, 11, 16],
    ['female', 70, 74, 10, 15],
    ['female', 75, 79, 10, 15],
    ['female', 80, 84, 9, 14],
    ['female', 85, 89, 8, 13],
    ['female', 90, 94, 4, 11],
    ['male', 60, 64, 14, 19],
    ['male', 65, 69, 12, 18],
    ['male', 70, 74, 12, 17],
    ['male', 75, 79, 11, 17],
    ['male', 80, 84, 10, 15],
    ['male', 85, 89, 8, 14],
    ['male', 90, 94, 7, 12],
  ] as const
).map(([sex, ageMin, ageMax, low, high]) => ({
  sex,
  ageMin,
  ageMax,
  low,
  high,
  percentiles: '25th–75th percentile',
  source: RIKLI_JONES,
}));

const sitToStandNormCutoffs: Cutoff[] = sitToStandNorms.map((band) => ({
  id: `below_norm_${band.sex}_${band.ageMin}_${band.ageMax}`,
  label: 'Below normal range for age',
  when: {
    op: '<',
    value: band.low,
    sex: band.sex,
    ageMin: band.ageMin,
    ageMax: band.ageMax,
  },
  meaning:
    `Fewer stands than the ${band.percentiles} range (${band.low}–${band.high}) for ` +
    `${band.sex === 'female' ? 'women' : 'men'} aged ${band.ageMin}–${band.ageMax}.`,
  source: band.source,
}));

const builtIns: Record<BuiltInMeasureKey, MeasureDefinition> = {
  six_minute_walk: {
    key: 'six_minute_walk',
    name: 'Six-minute walk test',
    shortName: '6MWT',
    unit: 'm',
    better: 'higher',
    decimals: 0,
    range: { min: 0, max: 1000 },
    mcid: {
      value: SIX_MINUTE_WALK_MCID_M,
      // 30 m is not a published MCID: Granger 2015 reported 22–42 m (FACTS.md §4).
      kind: 'convention',
      source: 'Pacewise default within Granger 2015’s 22–42 m',
      provenance: 'pacewise',
      citation: 'inside the MCID of 22–42 m reported in lung cancer, Granger 2015, Chron Respir Dis',
      note:
        'Pacewise clinic default of 30 m, chosen inside the 22–42 m range reported in lung ' +
        'cancer (Granger 2015, Chron Respir Dis). In older adults, about 20 m is a small and ' +
        `about 50 m a substantial change (${PERERA}).`,
    },
    mcidGap: null,
    cutoffs: [],
    norms: [],
    loinc: '64098-7',
    loincNote: 'PhenX 6MWT panel: 62619-2.',
    instructions:
      'Walk to and fro along a measured corridor (30 m where possible) for six minutes, covering ' +
      'as much ground as you safely can at your own pace. Give the standard encouragement each ' +
      'minute. Rests are allowed standing or seated; the clock keeps running. Record the total ' +
      'distance in metres.',
    licensed: false,
    licenceNote: null,
    components: [
      {
        key: 'distance_m',
        label: 'Distance',
        unit: 'm',
        kind: 'number',
        min: 0,
        max: 1000,
        optional: false,
      },
      { key: 'rests', label: 'Rests taken', kind: 'integer', min: 0, max: 20, optional: true },
      {
        key: 'hr_pre',
        label: 'Heart rate before',
        unit: 'bpm',
        kind: 'integer',
        min: 30,
        max: 220,
        optional: true,
      },
      {
        key: 'hr_post',
        label: 'Heart rate after',
        unit: 'bpm',
        kind: 'integer',
        min: 30,
        max: 220,
        optional: true,
      },
      {
        key: 'spo2_pre',
        label: 'SpO₂ before',
        unit: '%',
        kind: 'integer',
        min: 50,
        max: 100,
        optional: true,
      },
      {
        key: 'spo2_post',
        label: 'SpO₂ after',
        unit: '%',
        kind: 'integer',
        min: 50,
        max: 100,
        optional: true,
      },
      {
        key: 'rpe',
        label: 'RPE at the end (6–20)',
        kind: 'integer',
        min: 6,
        max: 20,
        optional: true,
      },
      // Issue 20: what changes the distance besides the person (Holland 2014, ERS/ATS technical standard).
      walkingAid,
      {
        key: 'oxygen_l_min',
        label: 'Supplemental oxygen',
        unit: 'L/min',
        kind: 'number',
        min: 0,
        max: 15,
        optional: true,
      },
      { key: 'practice_walk', label: 'Practice walk done first', kind: 'boolean', optional: true },
    ],
    parent: null,
  },

  sit_to_stand_30s: {
    key: 'sit_to_stand_30s',
    name: '30-second sit-to-stand',
    shortName: '30s STS',
    unit: 'stands',
    better: 'higher',
    decimals: 0,
    range: { min: 0, max: 50 },
    mcid: null,
    mcidGap: 'Gap: no MCID for people with cancer was found.',
    cutoffs: [
      {
        id: 'poor_function',
        label: 'Poor function',
        when: { op: '<', value: 8 },
        meaning: 'Fewer than 8 unassisted stands is linked to lower functional ability.',
        source: RIKLI_JONES,
      },
      ...sitToStandNormCutoffs,
    ],
    norms: sitToStandNorms,
    loinc: '66247-8',
    loincNote: 'The modified version using the arms has its own code, 93125-3.',
    instructions:
      'Chair about 43 cm high, steadied against a wall. Sit in the middle of the seat with arms ' +
      'crossed on the chest. Count full stands in 30 seconds; a stand more than halfway up when ' +
      'time is called counts. Tick "arms used" if the person needed their hands.',
    licensed: false,
    licenceNote: null,
    components: [
      { key: 'stands', label: 'Stands in 30 s', kind: 'integer', min: 0, max: 50, optional: false },
      { key: 'arms_used', label: 'Arms used (modified test)', kind: 'boolean', optional: true },
    ],
    parent: null,
  },

  five_times_sit_to_stand: {
    key: 'five_times_sit_to_stand',
    name: 'Five times sit-to-stand',
    shortName: '5×STS',
    unit: 's',
    better: 'lower',
    // One decimal: stopwatch precision.
    decimals: 1,
    range: { min: 0, max: 120 },
    mcid: {
      value: 1.7,
      kind: 'mcid',
      source: 'Jones 2013, Thorax, in COPD',
      note: 'Derived in COPD; no cancer-specific MCID was found.',
    },
    mcidGap: null,
    cutoffs: [
      {
        id: 'low_strength',
        label: 'Low muscle strength',
        when: { op: '>', value: 15 },
        meaning:
          'More than 15 s for five rises indicates low muscle strength: EWGSOP2 uses the chair stand as a strength measure, not a performance one.',
        source: `${EWGSOP2}, Age Ageing 48:16, Tbl 3`,
      },
    ],
    norms: [],
    loinc: null,
    loincNote: 'No LOINC code found.',
    instructions:
      'Arms folded across the chest. On "go", stand fully and sit down five times as quickly as ' +
      'is safe. Stop the watch when the person sits after the fifth stand.',
    licensed: false,
    licenceNote: null,
    components: [
      {
        key: 'seconds',
        label: 'Time for 5 stands',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 120,
        optional: false,
      },
    ],
    parent: null,
  },

  timed_up_and_go: {
    key: 'timed_up_and_go',
    name: 'Timed Up and Go',
    shortName: 'TUG',
    unit: 's',
    better: 'lower',
    // One decimal: stopwatch precision.
    decimals: 1,
    range: { min: 0, max: 300 },
    mcid: {
      value: 1.1,
      kind: 'mdc',
      source: 'Alghadir 2015, knee OA',
      // FACTS.md gives the 1.1 s knee-OA MDC without naming the paper.
      provenance: 'unverified',
      note:
        'Minimal detectable change in knee osteoarthritis (BMC Musculoskelet Disord 16:174). ' +
        'Gap: no MCID for people with cancer was found.',
    },
    mcidGap: null,
    cutoffs: [
      {
        id: 'fall_risk',
        label: 'Fall risk',
        when: { op: '>=', value: 12 },
        meaning: '12 s or more suggests a raised risk of falling.',
        source: 'CDC STEADI',
      },
      {
        id: 'low_performance',
        label: 'Low performance',
        when: { op: '>=', value: 20 },
        meaning: '20 s or more indicates low physical performance.',
        source: EWGSOP2,
      },
    ],
    norms: [],
    loinc: '89423-8',
    loincNote: 'Panel: 89422-0.',
    instructions:
      'Start seated. On "go", stand, walk 3 m at a usual pace, turn, walk back and sit down. ' +
      'Usual footwear and usual walking aid; record the aid so later tests can match it.',
    licensed: false,
    licenceNote: null,
    components: [
      {
        key: 'seconds',
        label: 'Time',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 300,
        optional: false,
      },
      walkingAid,
    ],
    parent: null,
  },

  handgrip: {
    key: 'handgrip',
    name: 'Handgrip strength',
    shortName: 'Grip',
    unit: 'kg',
    better: 'higher',
    decimals: 1,
    range: { min: 0, max: 100 },
    mcid: {
      value: 5.0,
      kind: 'mcid',
      source: 'lower end of Bohannon 2019’s 5.0–6.5 kg',
      note: 'Lower bound of the reported 5.0–6.5 kg range.',
    },
    mcidGap: null,
    cutoffs: [
      {
        id: 'low_strength_male',
        label: 'Low grip strength',
        when: { op: '<', value: 27, sex: 'male' },
        meaning: 'Below 27 kg in men indicates low muscle strength.',
        source: EWGSOP2,
      },
      {
        id: 'low_strength_female',
        label: 'Low grip strength',
        when: { op: '<', value: 16, sex: 'female' },
        meaning: 'Below 16 kg in women indicates low muscle strength.',
        source: EWGSOP2,
      },
    ],
    norms: [],
    loinc: null,
    loincNote:
      'NIH Toolbox codes 83174-3 (right) and 83173-5 (left) are in lbf, per hand; none fits a ' +
      'best-of-both-hands value in kg.',
    instructions:
      'Seated, elbow bent to 90° at the side, forearm neutral. Squeeze the dynamometer as hard as ' +
      'possible for a few seconds. Alternate hands, up to three trials each. The best trial is kept.',
    licensed: false,
    licenceNote: null,
    components: (['left', 'right'] as const).flatMap((side) =>
      [1, 2, 3].map((trial): MeasureComponent => ({
        key: `${side}_${trial}`,
        label: `${side === 'left' ? 'Left' : 'Right'} hand, trial ${trial}`,
        unit: 'kg',
        kind: 'number',
        min: 0,
        max: 100,
        optional: true,
      })),
    ),
    parent: null,
  },

  gait_speed_4m: {
    key: 'gait_speed_4m',
    name: 'Gait speed (4 m)',
    shortName: 'Gait speed',
    unit: 'm/s',
    better: 'higher',
    decimals: 2,
    range: { min: 0, max: 3 },
    mcid: {
      value: 0.1,
      smallValue: 0.05,
      kind: 'substantial_change',
      source: 'Perera 2006',
      note: `0.10 m/s is a substantial change; 0.05 m/s is a small meaningful change (${PERERA}).`,
    },
    mcidGap: null,
    cutoffs: [
      {
        id: 'low_performance',
        label: 'Low gait speed',
        when: { op: '<=', value: 0.8 },
        meaning: '0.8 m/s or slower indicates low physical performance.',
        source: EWGSOP2,
      },
    ],
    norms: [],
    loinc: '83172-7',
    loincNote: 'NIH Toolbox 4-m walk computed score.',
    instructions:
      'Walk a marked 4 m course at a usual pace. Time two trials; the faster one is kept and ' +
      'converted to metres per second. Record any walking aid.',
    licensed: false,
    licenceNote: null,
    components: [
      {
        key: 'trial_1_s',
        label: 'Trial 1 time',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 120,
        optional: false,
      },
      {
        key: 'trial_2_s',
        label: 'Trial 2 time',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 120,
        optional: true,
      },
      walkingAid,
    ],
    parent: null,
  },

  sppb: {
    key: 'sppb',
    name: 'Short Physical Performance Battery',
    shortName: 'SPPB',
    unit: 'points',
    better: 'higher',
    decimals: 0,
    range: { min: 0, max: 12 },
    mcid: {
      value: 1.0,
      kind: 'substantial_change',
      source: 'Perera 2006',
      note: `1 point is a substantial change; 0.5 point is a small meaningful change (${PERERA}).`,
    },
    mcidGap: null,
    cutoffs: [
      {
        id: 'mobility_limitation',
        label: 'Mobility limitation',
        when: { op: '<', value: 10 },
        meaning: 'Below 10 indicates mobility limitation and predicts higher mortality.',
        // FACTS.md gives the <10 cut-off without a source; this citation was not checked.
        source: 'Pavasini 2016, BMC Med (citation unverified)',
        unverified: true,
      },
      {
        id: 'low_performance',
        label: 'Low performance',
        when: { op: '<=', value: 8 },
        meaning: '8 or below indicates low physical performance.',
        source: `${EWGSOP2}; unverified against the paper`,
        unverified: true,
      },
    ],
    norms: [],
    loinc: '62825-5',
    loincNote: 'PhenX panel code, not a total-score code.',
    instructions:
      'Balance: feet side by side, then semi-tandem, then tandem, up to 10 s each; stop the ' +
      'balance sequence at the first stance not held for 10 s. Gait: two 4 m walks at usual ' +
      'pace, the faster counts. Chair: arms folded, five stands as fast as is safe. Mark a ' +
      'part "unable" rather than leaving it blank.',
    licensed: false,
    licenceNote: null,
    components: [
      {
        key: 'side_by_side_s',
        label: 'Side-by-side stance held',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 10,
        optional: false,
      },
      {
        key: 'semi_tandem_s',
        label: 'Semi-tandem stance held',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 10,
        optional: true,
      },
      {
        key: 'tandem_s',
        label: 'Tandem stance held',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 10,
        optional: true,
      },
      {
        key: 'gait_1_s',
        label: '4 m walk, trial 1',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 120,
        optional: true,
      },
      {
        key: 'gait_2_s',
        label: '4 m walk, trial 2',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 120,
        optional: true,
      },
      { key: 'gait_unable', label: 'Unable to walk 4 m', kind: 'boolean', optional: true },
      {
        key: 'chair_s',
        label: 'Five chair stands',
        unit: 's',
        kind: 'number',
        min: 0,
        max: 300,
        optional: true,
      },
      {
        key: 'chair_unable',
        label: 'Unable to do five chair stands',
        kind: 'boolean',
        optional: true,
      },
    ],
    parent: null,
  },

  ecog: {
    key: 'ecog',
    name: 'ECOG performance status',
    shortName: 'ECOG',
    unit: 'grades',
    better: 'lower',
    decimals: 0,
    range: { min: 0, max: 5 },
    mcid: {
      value: 1,
      kind: 'convention',
      source: 'Pacewise convention',
      provenance: 'pacewise',
      citation: 'the smallest step the scale can show; no published MCID',
      note: 'No published MCID. A one-grade change is the smallest step the scale can show.',
    },
    mcidGap: null,
    cutoffs: [],
    norms: [],
    loinc: '89247-1',
    loincNote: 'Panel: 89246-3.',
    instructions: 'Choose the grade that best describes the person’s usual activity and self-care at present.',
    licensed: false,
    licenceNote: null,
    components: [
      {
        key: 'grade',
        label: 'Grade',
        kind: 'choice',
        // Grade 5 (death) is recorded as a patient status, never as an assessment.
        choices: [
          { value: 0, label: '0: Fully active, no restriction' },
          { value: 1, label: '1: Limited in strenuous activity; can do light work' },
          { value: 2, label: '2: Up more than half the day; self-caring; cannot work' },
          { value: 3, label: '3: Limited self-care; in bed or chair more than half the day' },
          { value: 4, label: '4: Completely disabled; confined to bed or chair' },
        ],
        optional: false,
      },
    ],
    parent: null,
  },

  esas_r: {
    key: 'esas_r',
    name: 'Edmonton Symptom Assessment System (revised)',
    shortName: 'ESAS-r',
    unit: 'points',
    better: 'lower',
    decimals: 0,
    range: { min: 0, max: 90 },
    mcid: {
      value: 3,
      declineValue: 4,
      kind: 'mcid',
      source: 'Hui 2016, J Pain Symptom Manage',
      note:
        'Asymmetric: the total must fall by 3 or more to count as improved, but rise by 4 or ' +
        'more to count as worse.',
    },
    mcidGap: null,
    cutoffs: [],
    norms: [],
    loinc: '112503-8',
    loincNote: 'Panel code from a third-party listing; confirm on loinc.org.',
    instructions:
      'The person rates each symptom as it is now, from 0 (none, or best wellbeing) to 10 ' +
      '(worst possible). The total is the sum of the nine core symptoms; the optional tenth ' +
      'item is not part of it. An item left blank is saved as such: the total is then marked ' +
      'incomplete and is not judged against the MCID.',
    licensed: false,
    licenceNote: null,
    components: [
      ...esasSymptoms.map((symptom): MeasureComponent => ({
        key: symptom,
        label: esasSymptomLabels[symptom],
        kind: 'integer',
        min: 0,
        max: 10,
        // A person may leave an item unrated; the total is then kept but marked incomplete.
        optional: true,
      })),
      {
        key: 'other',
        label: 'Other problem (optional)',
        kind: 'integer',
        min: 0,
        max: 10,
        optional: true,
      },
    ],
    parent: null,
  },

  borg_rpe: {
    key: 'borg_rpe',
    name: 'Borg rating of perceived exertion (6–20)',
    shortName: 'RPE',
    unit: 'points',
    better: 'lower',
    decimals: 0,
    range: { min: 6, max: 20 },
    mcid: null,
    mcidGap: 'RPE rates effort in the moment; it has no MCID as an outcome.',
    cutoffs: [],
    norms: [],
    loinc: null,
    loincNote: '82289-0 is a 0–10 relative-intensity code, not the 6–20 scale.',
    instructions: 'Ask the person how hard the work feels overall, from 6 (no exertion) to 20 (maximal).',
    licensed: false,
    licenceNote: null,
    components: [{ key: 'rating', label: 'Rating', kind: 'integer', min: 6, max: 20, optional: false }],
    parent: null,
  },

  facit_fatigue: {
    key: 'facit_fatigue',
    name: 'FACIT-Fatigue',
    shortName: 'FACIT-F',
    unit: 'points',
    better: 'higher',
    decimals: 1,
    range: { min: 0, max: 52 },
    mcid: { value: 3, kind: 'mcid', source: 'Cella 2002, J Pain Symptom Manage 24:547' },
    mcidGap: null,
    cutoffs: [
      {
        id: 'fatigue',
        label: 'Fatigue',
        when: { op: '<=', value: 34 },
        meaning: '34 or below is commonly used to flag clinically relevant fatigue.',
        source: 'Van Belle 2005, Support Care Cancer (unverified here)',
        unverified: true,
      },
    ],
    norms: [],
    loinc: null,
    loincNote: 'Item codes exist (e.g. 70426-2); no total-score code was found.',
    instructions:
      'Enter the total score (0–52) from the licensed form, scored by the official rules. Higher ' +
      'means less fatigue.',
    licensed: true,
    licenceNote: 'Use needs a FACIT licence (facit.org).',
    components: scoreOnly(52),
    parent: null,
  },

  eortc_qlq_c30_ghs: {
    key: 'eortc_qlq_c30_ghs',
    name: 'EORTC QLQ-C30 global health status / QoL',
    shortName: 'QLQ-C30 GHS',
    unit: 'points',
    better: 'higher',
    decimals: 1,
    range: { min: 0, max: 100 },
    mcid: {
      // The smallest change that counts: 5, the lower end of Osoba's "small" band. A threshold of
      // 10 would call an 8-point change "stable" although Osoba counts 5–10 as a small change, and
      // MCIDs during treatment start at 5.7 (FACTS.md §4).
      value: 5,
      kind: 'small_change',
      source:
        'lower end of a small change; Osoba 1998, unverified: 5–10 small, 10–20 moderate, over 20 large; ' +
        '5.7–11.8 during cancer treatment, BMC Cancer 2013;13:165',
      provenance: 'unverified',
      citation:
        'lower end of a small change, Osoba 1998: 5–10 small, 10–20 moderate, over 20 large; ' +
        'MCIDs of 5.7–11.8 during cancer treatment, BMC Cancer 2013;13:165',
      note:
        '5 points is the smallest change counted. Osoba 1998 (not retrieved): 5–10 small, 10–20 ' +
        'moderate, over 20 large. MCIDs of 5.7–11.8 were reported during cancer treatment ' +
        '(BMC Cancer 2013;13:165).',
    },
    mcidGap: null,
    cutoffs: [],
    norms: [],
    loinc: null,
    loincNote: 'No LOINC code found; SNOMED CT 273446001.',
    instructions:
      'Enter the global health status / QoL score (0–100) calculated from the licensed form by ' +
      'the EORTC scoring manual. Higher is better.',
    licensed: true,
    licenceNote: 'Commercial use needs an EORTC licence (qol.eortc.org).',
    components: scoreOnly(100),
    parent: null,
  },

  bfi: {
    key: 'bfi',
    name: 'Brief Fatigue Inventory',
    shortName: 'BFI',
    unit: 'points',
    better: 'lower',
    decimals: 1,
    range: { min: 0, max: 10 },
    mcid: null,
    mcidGap: 'Gap: no MCID was found.',
    cutoffs: [
      {
        id: 'severe',
        label: 'Severe fatigue',
        when: { op: '>=', value: 7 },
        meaning: '7 or above indicates severe fatigue.',
        source: 'Mendoza 1999, Cancer 85:1186',
      },
      {
        id: 'moderate',
        label: 'Moderate fatigue',
        when: { op: '>=', value: 4, and: { op: '<', value: 7 } },
        meaning: '4 to 6 indicates moderate fatigue.',
        source: 'Mendoza 1999, Cancer 85:1186',
      },
    ],
    norms: [],
    loinc: null,
    loincNote: 'No LOINC code found.',
    instructions:
      'Enter the global score from the licensed form: the mean of the answered items (0–10). ' +
      'Higher means worse fatigue.',
    licensed: true,
    licenceNote: 'Use needs a licence from MD Anderson.',
    components: scoreOnly(10),
    parent: null,
  },
};

function esasSymptomMeasure(symptom: EsasSymptom): MeasureDefinition {
  const label = esasSymptomLabels[symptom];
  const plain = symptom === 'shortness_of_breath' ? 'shortness of breath' : symptom;
  return {
    key: `esas_r.${symptom}`,
    name: `ESAS-r ${label.toLowerCase()}`,
    shortName: `ESAS-r ${plain}`,
    unit: 'points',
    better: 'lower',
    decimals: 0,
    range: { min: 0, max: 10 },
    mcid: {
      value: 1,
      kind: 'mcid',
      source: 'Hui 2015, Cancer',
      // FACTS.md gives ≈1 point per symptom without naming the paper.
      provenance: 'unverified',
      note:
        '1 point for improvement and for worsening, for every symptom. In palliative ' +
        'radiotherapy 1.1–1.8 was reported (Bedard 2013, J Pain Symptom Manage).',
    },
    mcidGap: null,
    cutoffs: [],
    norms: [],
    loinc: null,
    loincNote: null,
    instructions: `Rated as part of the ESAS-r: ${label.toLowerCase()} now, 0 (none) to 10 (worst possible).`,
    licensed: false,
    licenceNote: null,
    components: [{ key: symptom, label, kind: 'integer', min: 0, max: 10, optional: false }],
    parent: 'esas_r',
  };
}

export const measureCatalog: Readonly<Record<MeasureKey, MeasureDefinition>> = {
  ...builtIns,
  ...(Object.fromEntries(esasSymptoms.map((symptom) => [`esas_r.${symptom}`, esasSymptomMeasure(symptom)])) as Record<
    EsasSymptomMeasureKey,
    MeasureDefinition
  >),
};

export const measureKeys = Object.keys(measureCatalog) as MeasureKey[];

export function isMeasureKey(key: string): key is MeasureKey {
  return Object.prototype.hasOwnProperty.call(measureCatalog, key);
}

export function getMeasure(key: string): MeasureDefinition | null {
  return isMeasureKey(key) ? measureCatalog[key] : null;
}

/** The ESAS-r symptom sub-measures, in form order. */
export function esasSymptomMeasures(): MeasureDefinition[] {
  return esasSymptoms.map((symptom) => measureCatalog[`esas_r.${symptom}`]);
}
