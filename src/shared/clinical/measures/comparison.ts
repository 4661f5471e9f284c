import { ageOn, type ClinicDate } from '../../dates';
import type { Sex } from '../../domain/vocabulary';
import type { ChangeThresholdKind, Cutoff, CutoffOp, MeasureDefinition } from './catalog';
import { formatNumber, formatSigned, roundTo } from './numbers';
import { incompleteLabel, type Incompleteness } from './scoring';

export type Verdict = 'improved' | 'stable' | 'declined' | 'not_judged';

export interface ChangeVerdict {
  verdict: Verdict;
  change: number;
  percentChange: number | null;
  basis: string;
}

/** How a verdict is named on the Progress screen and in letters alike. */
export const verdictLabels: Record<Verdict, string> = {
  improved: 'Improved',
  stable: 'Stable',
  declined: 'Declined',
  not_judged: 'Not judged',
};

export const NO_MCID_BASIS = 'No published MCID; change shown only';

/**
 * Changes are rounded to 9 places before comparing, which removes binary error such as
 * 0.3 − 0.2 = 0.0999… without moving any real measurement across an MCID.
 */
const CHANGE_PLACES = 9;

const kindLabels: Record<ChangeThresholdKind, string> = {
  mcid: 'MCID',
  mdc: 'MDC',
  small_change: 'small meaningful change',
  substantial_change: 'substantial meaningful change',
  convention: 'threshold',
};

const singularUnits: Record<string, string> = { points: 'point', stands: 'stand', grades: 'grade' };

/** "1 point", "3 points": the unit after a number, singular where the number is one. */
export function withUnit(text: string, value: number, unit: string): string {
  const shown = Math.abs(value) === 1 ? (singularUnits[unit] ?? unit) : unit;
  return `${text} ${shown}`;
}

/**
 * Decimal places to print a change judged smaller than its threshold: 29.6 m must not print as
 * "+30 m, smaller than the MCID of 30 m", so places are added (up to three) until the two differ.
 */
export function placesBelow(change: number, threshold: number, decimals: number): number {
  let places = decimals;
  while (places < decimals + 3 && formatNumber(Math.abs(change), places) === formatNumber(threshold, places)) {
    places += 1;
  }
  return places;
}

export function verdictFor(def: MeasureDefinition, from: number, to: number): ChangeVerdict {
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    return {
      verdict: 'not_judged',
      change: NaN,
      percentChange: null,
      basis: 'A value is missing.',
    };
  }
  const change = roundTo(to - from, CHANGE_PLACES);
  const percentChange = from === 0 ? null : roundTo((change / Math.abs(from)) * 100, 1);
  const mcid = def.mcid;
  if (!mcid) return { verdict: 'not_judged', change, percentChange, basis: NO_MCID_BASIS };

  const towardBetter = def.better === 'higher' ? change > 0 : change < 0;
  const asymmetric = mcid.declineValue != null && mcid.declineValue !== mcid.value;
  const threshold = towardBetter ? mcid.value : (mcid.declineValue ?? mcid.value);
  let label = kindLabels[mcid.kind];
  if (asymmetric) label = towardBetter ? 'improvement threshold' : 'worsening threshold';
  const thresholdText = withUnit(formatNumber(threshold, def.decimals), threshold, def.unit);
  const reference = `the ${label} of ${thresholdText} (${mcid.source})`;

  if (change === 0) {
    const smallNote =
      mcid.smallValue != null
        ? `; a small meaningful change is ${withUnit(formatNumber(mcid.smallValue, def.decimals), mcid.smallValue, def.unit)}`
        : '';
    const basis = `No change; the ${label} is ${thresholdText} (${mcid.source})${smallNote}`;
    return { verdict: 'stable', change, percentChange, basis };
  }
  const meaningful = Math.abs(change) >= threshold;
  const verdict: Verdict = !meaningful ? 'stable' : towardBetter ? 'improved' : 'declined';
  const relation = meaningful ? 'at or beyond' : 'smaller than';
  const places = meaningful ? def.decimals : placesBelow(change, threshold, def.decimals);
  const changeText = withUnit(formatSigned(change, places), change, def.unit);
  const small = mcid.smallValue;
  if (small != null && !asymmetric) {
    const smallText = withUnit(formatNumber(small, def.decimals), small, def.unit);
    const basis = meaningful
      ? `${changeText}, at or beyond ${reference}; a small meaningful change is ${smallText}`
      : Math.abs(change) >= small
        ? `${changeText}: a small meaningful change (${smallText} or more), smaller than ${reference}`
        : `${changeText}, smaller than the small meaningful change of ${smallText} and ${reference}`;
    return { verdict, change, percentChange, basis };
  }
  return { verdict, change, percentChange, basis: `${changeText}, ${relation} ${reference}` };
}

function compare(value: number, op: CutoffOp, bound: number): boolean {
  switch (op) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>=':
      return value >= bound;
    case '>':
      return value > bound;
  }
}

export interface PersonForCutoffs {
  sex?: Sex | null;
  age?: number | null;
}

/**
 * The cut-offs this value meets. A sex- or age-specific cut-off is skipped, never guessed, when
 * the person's sex or age is unknown or outside its band.
 */
export function cutoffFlags(def: MeasureDefinition, value: number, person: PersonForCutoffs = {}): Cutoff[] {
  if (!Number.isFinite(value)) return [];
  return def.cutoffs.filter(({ when }) => {
    if (when.sex && person.sex !== when.sex) return false;
    if (when.ageMin != null || when.ageMax != null) {
      if (person.age == null) return false;
      if (when.ageMin != null && person.age < when.ageMin) return false;
      if (when.ageMax != null && person.age > when.ageMax) return false;
    }
    if (!compare(value, when.op, when.value)) return false;
    return !when.and || compare(value, when.and.op, when.and.value);
  });
}

export interface SeriesPoint {
  date: ClinicDate;
  value: number;
  assessmentId: string;
  /** The assessment's type: only a point from the baseline assessment is the baseline. */
  kind?: string;
  /** Set when the value is a partial total (an ESAS-r with blank items). */
  incomplete?: Incompleteness | null;
}

/**
 * A change between two totals is judged against the MCID only when both are complete: a partial
 * total is lower for the missing items, not for the person, so it would read as improvement.
 */
function changeBetween(def: MeasureDefinition, from: SeriesPoint, to: SeriesPoint): ChangeVerdict {
  const verdict = verdictFor(def, from.value, to.value);
  const partial = [from, to].map((p) => p.incomplete).filter((i): i is Incompleteness => i != null);
  if (partial.length === 0 || verdict.verdict === 'not_judged') return verdict;
  const which = partial.map(incompleteLabel).join(' and ');
  return {
    ...verdict,
    verdict: 'not_judged',
    basis: `Not judged against the MCID: a total is ${which}, and the MCID applies to complete totals only`,
  };
}

/**
 * What the starting value is: the value at the finalised baseline assessment, or, for a measure
 * first recorded at a later assessment, that first value, which must never be called "Baseline".
 */
export type StartKind = 'baseline' | 'first_recorded';

export const startKindLabels: Record<StartKind, string> = {
  baseline: 'Baseline',
  first_recorded: 'First recorded',
};

export interface SeriesComparison {
  /** The starting value the change is measured from (see `baselineKind`). */
  baseline: SeriesPoint | null;
  baselineKind: StartKind | null;
  previous: SeriesPoint | null;
  current: SeriesPoint | null;
  changeFromBaseline: ChangeVerdict | null;
  changeFromPrevious: ChangeVerdict | null;
  cutoffFlags: Cutoff[];
}

export interface PersonForSeries {
  sex?: Sex | null;
  /** Age for age-banded norms is taken on the current point's date. */
  dateOfBirth?: ClinicDate | null;
}

/**
 * The starting point is the point from the baseline assessment; when the measure was not taken at
 * the baseline, it is the earliest point, labelled "first recorded". Current is the latest point,
 * previous the one before it. Points on the same date keep the order they were given in.
 */
export function compareSeries(
  def: MeasureDefinition,
  points: readonly SeriesPoint[],
  person: PersonForSeries = {},
): SeriesComparison {
  const sorted = points
    .filter((p) => Number.isFinite(p.value))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i))
    .map(({ p }) => p);
  const fromBaseline = sorted.find((p) => p.kind === 'baseline') ?? null;
  const baseline = fromBaseline ?? sorted[0] ?? null;
  const baselineKind: StartKind | null = baseline ? (fromBaseline ? 'baseline' : 'first_recorded') : null;
  const current = sorted.length > 0 ? (sorted[sorted.length - 1] ?? null) : null;
  const previous = sorted.length > 1 ? (sorted[sorted.length - 2] ?? null) : null;
  const age = current && person.dateOfBirth ? ageOn(person.dateOfBirth, current.date) : null;
  return {
    baseline,
    baselineKind,
    previous,
    current,
    changeFromBaseline: baseline && current && current !== baseline ? changeBetween(def, baseline, current) : null,
    changeFromPrevious: previous && current ? changeBetween(def, previous, current) : null,
    cutoffFlags: current ? cutoffFlags(def, current.value, { sex: person.sex ?? null, age }) : [],
  };
}
