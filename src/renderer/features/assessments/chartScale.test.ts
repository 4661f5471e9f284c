import { describe, expect, it } from 'vitest';
import { labelledIndexes, linePath, niceStep, yPixel, yScale } from './chartScale';

describe('the y axis of a Progress chart', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1.3)).toBe(2);
    expect(niceStep(2.2)).toBe(2.5);
    expect(niceStep(37)).toBe(50);
    expect(niceStep(0.03)).toBeCloseTo(0.05);
    expect(niceStep(0.3, 0)).toBe(1); // whole numbers only: never below 1
    expect(niceStep(2.2, 0)).toBe(5); // whole numbers skip 2.5
    expect(niceStep(2, 0)).toBe(2);
  });

  it('runs from a round value below the lowest to one above the highest, every tick labelled', () => {
    // Six-minute walk distances of 309 to 492 m.
    const s = yScale([492, 467, 309]);
    expect(s.min).toBe(300);
    expect(s.max).toBe(500);
    expect(s.ticks).toEqual([300, 350, 400, 450, 500]);
  });

  it('keeps a fixed end where it is set', () => {
    expect(yScale([33, 67, 100], { domain: [0, 100] })).toEqual({ min: 0, max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(yScale([2, 4], { domain: [0, 10] }).ticks).toEqual([0, 2.5, 5, 7.5, 10]);
    // A 0–10 score in whole numbers, six ticks: every second point of the scale.
    expect(yScale([2, 4], { domain: [0, 10], decimals: 0, count: 6 }).ticks).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('reads decimals as typed, without floating-point dust', () => {
    const s = yScale([6.5, 16.8]);
    for (const t of s.ticks) expect(String(t)).toMatch(/^\d+(\.\d)?$/);
    expect(s.min).toBeLessThanOrEqual(6.5);
    expect(s.max).toBeGreaterThanOrEqual(16.8);
  });

  it('gives one value room above and below, so its point is not on the frame', () => {
    const s = yScale([8, 8, 8], { decimals: 0 });
    expect(s.min).toBeLessThan(8);
    expect(s.max).toBeGreaterThan(8);
    expect(s.ticks).toContain(8);
  });

  it('counts whole numbers only, for counts of sessions', () => {
    const s = yScale([0, 3], { domain: [0, 'auto'], decimals: 0 });
    expect(s.ticks.every((t) => Number.isInteger(t))).toBe(true);
    expect(s.max).toBeGreaterThanOrEqual(3);
  });

  it('never steps finer than the measure is recorded, so no two labels read alike', () => {
    // 30-second sit-to-stand counts of 8 to 10: halves would print "8, 9, 9, 10, 10" at 0 decimals.
    const stands = yScale([8, 9, 10], { decimals: 0 });
    expect(stands.ticks.every((t) => Number.isInteger(t))).toBe(true);
    expect(stands.min).toBeLessThanOrEqual(8);
    expect(stands.max).toBeGreaterThanOrEqual(10);
    // A measure kept to one decimal never gets 0.25 steps ("1.3" twice).
    expect(niceStep(0.2, 1)).toBe(0.2);
    expect(niceStep(0.22, 1)).toBeCloseTo(0.5);
    expect(niceStep(0.03, 1)).toBeCloseTo(0.1);
    // Above the recorded precision 2.5 steps are still round: 25 whole repetitions.
    expect(niceStep(22, 0)).toBe(25);
    const spans: Array<[number[], number]> = [
      [[8, 10], 0],
      [[8], 0],
      [[12, 13], 0],
      [[3, 4], 0],
      [[1.1, 1.3], 1],
      [[6.5, 6.9], 1],
      [[0.91, 0.94], 2],
      [[309, 492], 0],
    ];
    for (const [values, decimals] of spans) {
      const labels = yScale(values, { decimals }).ticks.map((t) => t.toFixed(decimals));
      expect(new Set(labels).size, `${values.join('–')} at ${decimals} decimals: ${labels.join(', ')}`).toBe(
        labels.length,
      );
    }
  });

  it('with nothing to show, still draws an axis', () => {
    expect(yScale([]).ticks.length).toBeGreaterThan(1);
  });

  it('puts the lowest value at the bottom and the highest at the top', () => {
    const s = yScale([0, 10], { domain: [0, 10] });
    const y = yPixel(s, 10, 210);
    expect(y(0)).toBe(210);
    expect(y(10)).toBe(10);
    expect(y(5)).toBe(110);
  });
});

describe('the x labels of a Progress chart', () => {
  it('labels every point when there are few', () => {
    expect(labelledIndexes(4)).toEqual([0, 1, 2, 3]);
  });

  it('labels every k-th point from the first so about five show: 26 weeks gives five labels', () => {
    expect(labelledIndexes(26)).toEqual([0, 6, 12, 18, 24]);
    expect(labelledIndexes(300).length).toBe(5);
  });
});

describe('the line through a Progress chart’s points', () => {
  const at = (x: number, y: number | null, day?: number) => ({ x, y, day });

  it('joins consecutive points', () => {
    expect(linePath([at(0, 10), at(5, 20), at(10, 15)])).toBe('M0.0 10.0L5.0 20.0L10.0 15.0');
  });

  it('breaks at a point with no value, or joins across it when asked', () => {
    const points = [at(0, 10), at(5, null), at(10, 15)];
    expect(linePath(points)).toBe('M0.0 10.0M10.0 15.0');
    expect(linePath(points, { connectNulls: true })).toBe('M0.0 10.0L10.0 15.0');
  });

  it('breaks where more than the given days passed between two sessions', () => {
    const sessions = [at(0, 3, 0), at(1, 4, 7), at(50, 2, 700), at(51, 3, 707)];
    expect(linePath(sessions, { breakAfterDays: 28 })).toBe('M0.0 3.0L1.0 4.0M50.0 2.0L51.0 3.0');
    // 28 days apart exactly still joins: "more than four weeks" breaks.
    expect(linePath([at(0, 1, 0), at(1, 1, 28)], { breakAfterDays: 28 })).toBe('M0.0 1.0L1.0 1.0');
  });
});
