import { describe, expect, it } from 'vitest';
import {
  defaultScreenThresholds,
  thresholdKeys,
  thresholdMeta,
  storedThresholds,
  thresholdsWithValues,
  validateThresholds,
} from './thresholds';

describe('screen thresholds', () => {
  it('has the published default values', () => {
    const t = defaultScreenThresholds;
    expect(t.sbpHoldAbove.value).toBe(200);
    expect(t.dbpHoldAbove.value).toBe(110);
    expect(t.restingHrHoldAbove.value).toBe(120);
    expect(t.spo2HoldBelow.value).toBe(88);
    expect(t.spo2ModifyAtOrBelow.value).toBe(94);
    expect(t.temperatureHoldAtOrAbove.value).toBe(38);
    expect(t.plateletsHoldBelow.value).toBe(20);
    expect(t.plateletsModifyAtOrBelow.value).toBe(50);
    expect(t.haemoglobinModifyBelow.value).toBe(80);
    expect(t.neutrophilsHoldAtOrBelow.value).toBe(0.5);
    expect(t.neutrophilsModifyBelow.value).toBe(1.5);
    expect(t.glucoseModifyBelow.value).toBe(5.5);
    expect(t.bloodsStaleAfterDays.value).toBe(14);
    expect(t.painModifyAtOrAbove.value).toBe(7);
    expect(t.fatigueModifyAtOrAbove.value).toBe(7);
  });

  it('gives every threshold a source, unit, label and metadata, and marks the fever cut-off as not exercise-specific', () => {
    for (const key of thresholdKeys) {
      const entry = defaultScreenThresholds[key];
      expect(entry.source.length, key).toBeGreaterThan(5);
      expect(entry.unit.length, key).toBeGreaterThan(0);
      expect(entry.label.length, key).toBeGreaterThan(0);
      expect(thresholdMeta[key].min, key).toBeLessThan(thresholdMeta[key].max);
    }
    expect(Object.keys(defaultScreenThresholds).sort()).toEqual([...thresholdKeys].sort());
    expect(defaultScreenThresholds.temperatureHoldAtOrAbove.note).toMatch(/not an exercise-specific/);
  });

  it('accepts the defaults and rejects out-of-range or crossed values', () => {
    expect(validateThresholds(defaultScreenThresholds)).toEqual([]);
    const bad = thresholdsWithValues({ sbpHoldAbove: 400, spo2HoldBelow: 95, spo2ModifyAtOrBelow: 90 });
    const keys = validateThresholds(bad).map((p) => p.key);
    expect(keys).toContain('sbpHoldAbove');
    expect(keys).toContain('spo2HoldBelow');
    expect(validateThresholds(thresholdsWithValues({ cycleLighterFromDay: 3, cycleLighterToDay: 2 }))).toHaveLength(1);
    expect(validateThresholds(thresholdsWithValues({ cycleLighterToDay: 0 }))).toEqual([]);
  });

  it('applies stored numbers and ignores anything else', () => {
    const t = thresholdsWithValues({ sbpHoldAbove: 180, dbpHoldAbove: '100', unknown: 3, restingHrHoldAbove: NaN });
    expect(t.sbpHoldAbove.value).toBe(180);
    expect(t.sbpHoldAbove.source).toBe(defaultScreenThresholds.sbpHoldAbove.source);
    expect(t.dbpHoldAbove.value).toBe(110);
    expect(t.restingHrHoldAbove.value).toBe(120);
    expect(defaultScreenThresholds.sbpHoldAbove.value).toBe(200);
  });

  it('reads a value stored under the old neutrophil key, as a setting and inside a screened session', () => {
    expect(thresholdsWithValues({ neutrophilsHoldBelow: 0.8 }).neutrophilsHoldAtOrBelow.value).toBe(0.8);
    expect(
      thresholdsWithValues({ neutrophilsHoldBelow: 0.8, neutrophilsHoldAtOrBelow: 0.6 }).neutrophilsHoldAtOrBelow.value,
    ).toBe(0.6);
    const { neutrophilsHoldAtOrBelow: _n, ...rest } = defaultScreenThresholds;
    const old = { ...rest, neutrophilsHoldBelow: { ...defaultScreenThresholds.neutrophilsHoldAtOrBelow, value: 0.7 } };
    const t = storedThresholds(old);
    expect(t.neutrophilsHoldAtOrBelow).toMatchObject({ value: 0.7, label: 'Neutrophils: hold at or below' });
    expect(t.sbpHoldAbove).toEqual(defaultScreenThresholds.sbpHoldAbove);
  });
});
