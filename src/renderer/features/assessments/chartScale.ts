/**
 * The arithmetic behind the Progress charts: which values the y axis runs between and labels, and
 * which x labels show. Kept apart from the drawing so it is unit-tested.
 */

export type DomainEnd = number | 'auto';

export interface YScale {
  /** The axis runs from min to max; both are on a tick. */
  min: number;
  max: number;
  ticks: number[];
}

/** Rounds away the floating-point dust of adding steps (0.1 + 0.2), so labels read as typed. */
const clean = (v: number) => Number(v.toPrecision(12));

/**
 * A round step at least `raw`: 1, 2, 2.5 or 5 times a power of ten, never finer than `decimals`
 * places (a count or a 0–10 score: 0), so two ticks never print alike at the value's precision;
 * 2.5 only where it needs no more places than that.
 */
export function niceStep(raw: number, decimals = Infinity): number {
  const finest = Number.isFinite(decimals) ? 10 ** -decimals : 0;
  if (!(raw > 0)) return Math.max(1, finest);
  if (raw <= finest) return finest;
  const exponent = Math.floor(Math.log10(raw));
  const power = 10 ** exponent;
  const quarters = exponent >= 1 - decimals;
  const multiples = quarters ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  return clean(multiples.map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power);
}

/**
 * The y axis for `values` (and any reference values that must show, such as a baseline and its
 * MCID band): about `count` ticks at a round step. A fixed end stays where it is set.
 */
export function yScale(
  values: readonly number[],
  {
    domain = ['auto', 'auto'],
    count = 5,
    decimals = Infinity,
  }: {
    domain?: [DomainEnd, DomainEnd];
    count?: number;
    /** The places the values are recorded and labelled to (0 for counts and scores). */
    decimals?: number;
  } = {},
): YScale {
  const finite = values.filter((v) => Number.isFinite(v));
  const [lowEnd, highEnd] = domain;
  let low = lowEnd === 'auto' ? Math.min(...finite) : lowEnd;
  let high = highEnd === 'auto' ? Math.max(...finite) : highEnd;
  if (!Number.isFinite(low) || !Number.isFinite(high)) [low, high] = [0, 1]; // nothing to show yet
  if (high < low) [low, high] = [high, low];
  if (high === low) {
    // One value: give it room above and below (or above only, from a fixed floor).
    const pad = Math.abs(low) > 0 ? niceStep(Math.abs(low) / 10, decimals) : 1;
    if (lowEnd === 'auto') low -= pad;
    if (highEnd === 'auto' || high === low) high += pad;
  }
  const step = niceStep((high - low) / Math.max(1, count - 1), decimals);
  const min = lowEnd === 'auto' ? Math.floor(clean(low / step)) * step : low;
  const max = highEnd === 'auto' ? Math.ceil(clean(high / step)) * step : high;
  const ticks: number[] = [];
  for (let v = Math.ceil(clean(min / step)) * step; v <= max + step * 1e-9; v += step) ticks.push(clean(v));
  return { min: clean(min), max: clean(max), ticks };
}

/**
 * Which of `points` x labels to show so that about `most` do: every k-th from the first. A fixed
 * interval, rather than measuring each label's text to see which fit, costs no layout.
 */
export function labelledIndexes(points: number, most = 5): number[] {
  const every = points <= most ? 1 : Math.ceil(points / most);
  const indexes: number[] = [];
  for (let i = 0; i < points; i += every) indexes.push(i);
  return indexes;
}

/** Where a value falls between `top` (at max) and `bottom` (at min), in pixels. */
export const yPixel = (scale: YScale, top: number, bottom: number) => (v: number) =>
  scale.max === scale.min ? bottom : bottom - ((v - scale.min) / (scale.max - scale.min)) * (bottom - top);

/**
 * An SVG path through the points in pixels. A point with no value breaks the line, unless
 * `connectNulls`; so does more than `breakAfterDays` between two points' days, when they have them.
 */
export function linePath(
  points: ReadonlyArray<{ x: number; y: number | null; day?: number }>,
  { connectNulls = false, breakAfterDays = Infinity }: { connectNulls?: boolean; breakAfterDays?: number } = {},
): string {
  let path = '';
  let previous: { day?: number } | null = null;
  for (const p of points) {
    if (p.y == null) {
      if (!connectNulls) previous = null;
      continue;
    }
    const gap = previous?.day != null && p.day != null ? p.day - previous.day : 0;
    const join = previous != null && gap <= breakAfterDays;
    path += `${join ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
    previous = p;
  }
  return path;
}
