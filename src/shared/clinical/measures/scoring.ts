import type { Sex } from '../../domain/vocabulary';
import { ENRIGHT_SHERRILL_SOURCE, esasSymptoms, getMeasure, type EsasSymptom, type MeasureDefinition } from './catalog';
import { roundTo } from './numbers';

export const SPPB_SOURCE = 'Guralnik 1994, J Gerontol (NIA SPPB protocol)';

/** Seconds held in each stance; `null` means not attempted or unable. */
export interface SppbBalanceHolds {
  sideBySideS: number | null;
  semiTandemS?: number | null;
  tandemS?: number | null;
}

const HOLD_S = 10;

/**
 * Side-by-side 10 s = 1, semi-tandem 10 s = 1, tandem 10 s = 2 / 3 to <10 s = 1 / <3 s = 0.
 * The protocol stops at the first stance not held for 10 s, so a later stance entered after a
 * failed one does not score.
 */
export function sppbBalanceScore(holds: SppbBalanceHolds): number {
  if (holds.sideBySideS == null || holds.sideBySideS < HOLD_S) return 0;
  if (holds.semiTandemS == null || holds.semiTandemS < HOLD_S) return 1;
  const tandem = holds.tandemS ?? 0;
  if (tandem >= HOLD_S) return 4;
  if (tandem >= 3) return 3;
  return 2;
}

/** 4 m usual-pace walk: <4.82 s = 4, 4.82–6.20 = 3, 6.21–8.70 = 2, >8.70 = 1, unable (null) = 0. */
export function sppbGaitScore(seconds: number | null): number {
  if (seconds == null || !Number.isFinite(seconds) || seconds <= 0) return 0;
  if (seconds < 4.82) return 4;
  if (seconds <= 6.2) return 3;
  if (seconds <= 8.7) return 2;
  return 1;
}

/** Five chair stands: ≤11.19 s = 4, 11.20–13.69 = 3, 13.70–16.69 = 2, 16.70–60 = 1, >60 s or unable = 0. */
export function sppbChairScore(seconds: number | null): number {
  if (seconds == null || !Number.isFinite(seconds) || seconds <= 0) return 0;
  // Upper bounds written as "< next band" so a time between bands (11.195 s) cannot fall through.
  if (seconds < 11.2) return 4;
  if (seconds < 13.7) return 3;
  if (seconds < 16.7) return 2;
  if (seconds <= 60) return 1;
  return 0;
}

export function sppbTotal(parts: { balance: number; gait: number; chair: number }): number {
  return parts.balance + parts.gait + parts.chair;
}

/** Metres per second; `null` when the time is missing or not positive. */
export function gaitSpeedFromTime(seconds: number, metres = 4): number | null {
  if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isFinite(metres) || metres <= 0) {
    return null;
  }
  return metres / seconds;
}

export interface PredictionInput {
  sex: Sex | null | undefined;
  age: number;
  heightCm: number;
  weightKg: number;
}

/**
 * Enright & Sherrill 1998 six-minute walk distance in metres. The equations are sex-specific, so
 * `null` unless sex is recorded as female or male.
 */
export function enrightSherrillPredicted(input: PredictionInput): number | null {
  const { sex, age, heightCm, weightKg } = input;
  if (![age, heightCm, weightKg].every(Number.isFinite)) return null;
  if (sex === 'male') return 7.57 * heightCm - 5.02 * age - 1.76 * weightKg - 309;
  if (sex === 'female') return 2.11 * heightCm - 2.29 * weightKg - 5.78 * age + 667;
  return null;
}

export function percentPredicted(actual: number, predicted: number | null): number | null {
  if (predicted == null || !Number.isFinite(actual) || !Number.isFinite(predicted)) return null;
  if (predicted <= 0) return null;
  return (actual / predicted) * 100;
}

export type GripSide = 'left' | 'right' | 'both';

/** The strongest trial across both hands; `both` when the two hands tie. */
export function bestHandgrip(
  left: readonly number[],
  right: readonly number[],
): { best: number; side: GripSide } | null {
  const best = (trials: readonly number[]) => {
    const valid = trials.filter((kg) => Number.isFinite(kg) && kg >= 0);
    return valid.length > 0 ? Math.max(...valid) : null;
  };
  const l = best(left);
  const r = best(right);
  if (l == null && r == null) return null;
  if (r == null || (l != null && l > r)) return { best: l as number, side: 'left' };
  if (l == null || r > l) return { best: r, side: 'right' };
  return { best: l, side: 'both' };
}

export type EsasScores = Partial<Record<EsasSymptom, number | null | undefined>>;

/**
 * Sum of the nine core symptoms (0–90) over the items rated. With any item blank the sum is a
 * partial total, not comparable with a full one: callers mark it incomplete and never judge it
 * against the MCID (Hui 2016's cut-offs are for the full nine-item total).
 */
export function esasTotal(symptoms: EsasScores): { total: number | null; missing: EsasSymptom[] } {
  const missing = esasSymptoms.filter((symptom) => {
    const score = symptoms[symptom];
    return score == null || !Number.isFinite(score);
  });
  if (missing.length === esasSymptoms.length) return { total: null, missing };
  const total = esasSymptoms.reduce(
    (sum, symptom) => sum + (missing.includes(symptom) ? 0 : (symptoms[symptom] as number)),
    0,
  );
  return { total, missing };
}

/** Items answered out of the whole, when a stored total was summed over fewer items than the measure has. */
export interface Incompleteness {
  answered: number;
  of: number;
}

/** Whether a stored result is a partial total (an ESAS-r with blank items), from its derived values. */
export function incompletenessOf(
  measureKey: string,
  derived: Readonly<Record<string, unknown>>,
): Incompleteness | null {
  if (measureKey !== 'esas_r' || typeof derived.missing !== 'string' || derived.missing === '') return null;
  const missing = derived.missing.split(',').length;
  return { answered: esasSymptoms.length - missing, of: esasSymptoms.length };
}

export function incompleteLabel(incomplete: Incompleteness): string {
  return `incomplete (${incomplete.answered} of ${incomplete.of} items)`;
}

export type ComponentValue = number | string | boolean | null | undefined;
export type ComponentValues = Readonly<Record<string, ComponentValue>>;

/** What scoring may need about the person, taken on the assessment date. */
export interface ScoringContext {
  sex?: Sex | null;
  age?: number | null;
  heightCm?: number | null;
  weightKg?: number | null;
}

export interface ScoreError {
  field: string;
  message: string;
}

export interface ScoreResult {
  value: number | null;
  derived: Record<string, number | string>;
  errors: ScoreError[];
  /** Things the clinician should see beside the score, e.g. norms that do not apply. */
  warnings: string[];
}

type Clean = Map<string, number | string | boolean>;

function validate(def: MeasureDefinition, values: ComponentValues, errors: ScoreError[]): Clean {
  const clean: Clean = new Map();
  for (const component of def.components) {
    const raw = values[component.key];
    const field = component.key;
    if (raw == null || raw === '') {
      if (!component.optional) errors.push({ field, message: `${component.label} is required.` });
      continue;
    }
    if (component.kind === 'boolean') {
      if (typeof raw !== 'boolean') errors.push({ field, message: `${component.label} must be yes or no.` });
      else clean.set(field, raw);
      continue;
    }
    if (component.kind === 'choice') {
      const choice = component.choices?.find((c) => c.value === raw);
      if (!choice) errors.push({ field, message: `${component.label}: choose one of the listed options.` });
      else clean.set(field, choice.value);
      continue;
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      errors.push({ field, message: `${component.label} must be a number.` });
      continue;
    }
    if (component.kind === 'integer' && !Number.isInteger(raw)) {
      errors.push({ field, message: `${component.label} must be a whole number.` });
      continue;
    }
    const unit = component.unit ? ` ${component.unit}` : '';
    if (component.min != null && raw < component.min) {
      errors.push({
        field,
        message: `${component.label} cannot be below ${component.min}${unit}.`,
      });
      continue;
    }
    if (component.max != null && raw > component.max) {
      errors.push({
        field,
        message: `${component.label} cannot be above ${component.max}${unit}.`,
      });
      continue;
    }
    clean.set(field, raw);
  }
  return clean;
}

const num = (clean: Clean, key: string): number | null => {
  const v = clean.get(key);
  return typeof v === 'number' ? v : null;
};

interface Scored {
  value: number | null;
  derived: Record<string, number | string>;
  warnings: string[];
}

type Scorer = (def: MeasureDefinition, clean: Clean, context: ScoringContext, errors: ScoreError[]) => Scored;

const plain =
  (key: string): Scorer =>
  (_def, clean) => ({ value: num(clean, key), derived: {}, warnings: [] });

/**
 * A second walk is on average about 27 m longer (Hernandes 2011, the learning effect the ERS/ATS
 * technical standard, Holland 2014, asks two walks for), close to the 30 m change threshold.
 */
export const SIX_MINUTE_WALK_LEARNING_NOTE =
  'No practice walk recorded: a second walk is on average about 27 m longer (learning effect; Hernandes 2011, in the ERS/ATS standard, Holland 2014), close to the 30 m change threshold. Compare walks done the same way.';

const scoreSixMinuteWalk: Scorer = (_def, clean, context) => {
  const distance = num(clean, 'distance_m');
  const derived: Record<string, number | string> = {};
  const warnings: string[] = [];
  const { sex, age, heightCm, weightKg } = context;
  if (age == null || heightCm == null || weightKg == null || (sex !== 'female' && sex !== 'male')) {
    derived.predicted_unavailable = 'Predicted distance needs sex (female or male), age, height and weight.';
  } else {
    const predicted = enrightSherrillPredicted({ sex, age, heightCm, weightKg });
    if (predicted != null && predicted > 0) {
      derived.predicted_m = roundTo(predicted, 0);
      derived.predicted_source = ENRIGHT_SHERRILL_SOURCE;
      const percent = distance == null ? null : percentPredicted(distance, predicted);
      if (percent != null) derived.percent_predicted = roundTo(percent, 0);
      if (age < 40 || age > 80) {
        warnings.push('The Enright & Sherrill equations come from adults aged 40–80.');
      }
    }
  }
  const aid = clean.get('walking_aid');
  if (typeof aid === 'string') derived.walking_aid = aid;
  if (distance != null && clean.get('practice_walk') !== true) {
    warnings.push(SIX_MINUTE_WALK_LEARNING_NOTE);
  }
  return { value: distance, derived, warnings };
};

const scoreSitToStand: Scorer = (_def, clean) => {
  const armsUsed = clean.get('arms_used') === true;
  const derived: Record<string, number | string> = {};
  if (armsUsed) derived.version = 'modified_arms_used';
  return {
    value: num(clean, 'stands'),
    derived,
    warnings: armsUsed
      ? ['Arms were used: this is the modified test, and the Rikli & Jones norms and cut-offs do not apply.']
      : [],
  };
};

const scoreHandgrip: Scorer = (_def, clean, _context, errors) => {
  const trials = (side: 'left' | 'right') =>
    [1, 2, 3].map((t) => num(clean, `${side}_${t}`)).filter((kg): kg is number => kg != null);
  const left = trials('left');
  const right = trials('right');
  const best = bestHandgrip(left, right);
  if (!best) {
    errors.push({ field: 'left_1', message: 'Enter at least one trial for either hand.' });
    return { value: null, derived: {}, warnings: [] };
  }
  const derived: Record<string, number | string> = { best_side: best.side };
  if (left.length > 0) derived.left_best = Math.max(...left);
  if (right.length > 0) derived.right_best = Math.max(...right);
  return { value: best.best, derived, warnings: [] };
};

const scoreGaitSpeed: Scorer = (def, clean) => {
  const times = ['trial_1_s', 'trial_2_s'].map((key) => num(clean, key)).filter((s): s is number => s != null && s > 0);
  const derived: Record<string, number | string> = {};
  times.forEach((s, i) => {
    const speed = gaitSpeedFromTime(s);
    if (speed != null) derived[`trial_${i + 1}_m_s`] = roundTo(speed, def.decimals);
  });
  const fastest = times.length > 0 ? gaitSpeedFromTime(Math.min(...times)) : null;
  const aid = clean.get('walking_aid');
  if (typeof aid === 'string') derived.walking_aid = aid;
  return { value: fastest == null ? null : roundTo(fastest, def.decimals), derived, warnings: [] };
};

const scoreSppb: Scorer = (_def, clean, _context, errors) => {
  const warnings: string[] = [];
  const sideBySide = num(clean, 'side_by_side_s');
  const semiTandem = num(clean, 'semi_tandem_s');
  const tandem = num(clean, 'tandem_s');
  if (sideBySide != null && sideBySide >= HOLD_S && semiTandem == null) {
    errors.push({ field: 'semi_tandem_s', message: 'Enter the semi-tandem hold (0 if not held).' });
  }
  if (semiTandem != null && semiTandem >= HOLD_S && sideBySide != null && sideBySide >= HOLD_S && tandem == null) {
    errors.push({ field: 'tandem_s', message: 'Enter the tandem hold (0 if not held).' });
  }
  if (sideBySide != null && sideBySide < HOLD_S && (semiTandem != null || tandem != null)) {
    warnings.push('Later balance stances were not scored because side-by-side was not held for 10 s.');
  } else if (semiTandem != null && semiTandem < HOLD_S && tandem != null) {
    warnings.push('Tandem stance was not scored because semi-tandem was not held for 10 s.');
  }

  const gaitUnable = clean.get('gait_unable') === true;
  const gaitTimes = ['gait_1_s', 'gait_2_s']
    .map((key) => num(clean, key))
    .filter((s): s is number => s != null && s > 0);
  if (!gaitUnable && gaitTimes.length === 0) {
    errors.push({
      field: 'gait_1_s',
      message: 'Enter a 4 m walk time, or mark the walk as unable.',
    });
  }
  const chairUnable = clean.get('chair_unable') === true;
  const chairTime = num(clean, 'chair_s');
  if (!chairUnable && (chairTime == null || chairTime <= 0)) {
    errors.push({
      field: 'chair_s',
      message: 'Enter the five-stand time, or mark the chair stands as unable.',
    });
  }

  const bestGait = gaitUnable || gaitTimes.length === 0 ? null : Math.min(...gaitTimes);
  const balance = sppbBalanceScore({
    sideBySideS: sideBySide,
    semiTandemS: semiTandem,
    tandemS: tandem,
  });
  const gait = sppbGaitScore(bestGait);
  const chair = sppbChairScore(chairUnable ? null : chairTime);
  const derived: Record<string, number | string> = {
    balance_score: balance,
    gait_score: gait,
    chair_score: chair,
    scoring_source: SPPB_SOURCE,
  };
  if (bestGait != null) {
    const speed = gaitSpeedFromTime(bestGait);
    if (speed != null) derived.gait_speed_m_s = roundTo(speed, 2);
  }
  return { value: sppbTotal({ balance, gait, chair }), derived, warnings };
};

const scoreEsas: Scorer = (_def, clean, _context, errors) => {
  const scores: EsasScores = {};
  const derived: Record<string, number | string> = {};
  for (const symptom of esasSymptoms) {
    const score = num(clean, symptom);
    scores[symptom] = score;
    if (score != null) derived[`esas_r.${symptom}`] = score;
  }
  const other = num(clean, 'other');
  if (other != null) derived['esas_r.other'] = other;
  const { total, missing } = esasTotal(scores);
  if (total === null) {
    errors.push({ field: esasSymptoms[0], message: 'Rate at least one symptom.' });
    return { value: null, derived, warnings: [] };
  }
  const warnings: string[] = [];
  if (missing.length > 0) {
    derived.missing = missing.join(',');
    warnings.push(
      `Total ${incompleteLabel({ answered: esasSymptoms.length - missing.length, of: esasSymptoms.length })}: it is not judged against the MCID, which applies to the full nine-item total.`,
    );
  }
  return { value: total, derived, warnings };
};

const scorers: Record<string, Scorer> = {
  six_minute_walk: scoreSixMinuteWalk,
  sit_to_stand_30s: scoreSitToStand,
  five_times_sit_to_stand: plain('seconds'),
  timed_up_and_go: (def, clean, context, errors) => {
    const result = plain('seconds')(def, clean, context, errors);
    const aid = clean.get('walking_aid');
    if (typeof aid === 'string') result.derived.walking_aid = aid;
    return result;
  },
  handgrip: scoreHandgrip,
  gait_speed_4m: scoreGaitSpeed,
  sppb: scoreSppb,
  ecog: plain('grade'),
  esas_r: scoreEsas,
  borg_rpe: plain('rating'),
  facit_fatigue: plain('score'),
  eortc_qlq_c30_ghs: plain('score'),
  bfi: plain('score'),
};

/**
 * The one place a measure's stored value is computed from what was entered. `value` is `null`
 * whenever there is any error, so a half-entered form never stores a misleading score; `derived`
 * still carries what could be worked out (e.g. single ESAS-r symptoms).
 */
export function scoreMeasure(key: string, components: ComponentValues, context: ScoringContext = {}): ScoreResult {
  const def = getMeasure(key);
  if (!def) {
    return {
      value: null,
      derived: {},
      errors: [{ field: 'key', message: `Unknown measure: ${key}` }],
      warnings: [],
    };
  }
  const errors: ScoreError[] = [];
  const clean = validate(def, components, errors);
  const scorer = def.parent ? plain(def.components[0]?.key ?? '') : scorers[def.key];
  if (!scorer) {
    return {
      value: null,
      derived: {},
      errors: [{ field: 'key', message: `No scoring rule for ${key}` }],
      warnings: [],
    };
  }
  const scored = scorer(def, clean, context, errors);
  let value = errors.length > 0 ? null : scored.value;
  if (value != null && (value < def.range.min || value > def.range.max)) {
    errors.push({
      field: 'value',
      message: `${def.shortName} of ${value} is outside ${def.range.min}–${def.range.max}.`,
    });
    value = null;
  }
  return { value, derived: scored.derived, errors, warnings: scored.warnings };
}
