import { describe, expect, it } from 'vitest';
import {
  beyondBound,
  defaultScreenThresholds,
  thresholdKeys,
  thresholdMeta,
  storedThresholds,
  thresholdsWithValues,
  validateThresholds,
  withinBounds,
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

describe('bounds on loosening (issue 11)', () => {
  const refusal = (values: Record<string, number>) => validateThresholds(thresholdsWithValues(values));

  it('refuses an SpO₂ hold setting of 80 %, naming the floor and its source', () => {
    const [problem] = refusal({ spo2HoldBelow: 80 });
    expect(problem?.key).toBe('spo2HoldBelow');
    expect(problem?.message).toMatch(/Never below 85 %/);
    expect(problem?.message).toMatch(/ERJ field-walking-test/);
  });

  it.each([
    ['temperatureHoldAtOrAbove', 39.0, /Never above 38 °C/],
    ['sbpHoldAbove', 240, /Never above 200 mmHg/],
    ['dbpHoldAbove', 130, /Never above 120 mmHg/],
    ['restingHrHoldAbove', 150, /Never above 120 bpm.*Heart Fail Rev/],
    ['plateletsHoldBelow', 5, /Never below 20 ×10⁹\/L.*Maltser/],
    ['neutrophilsHoldAtOrBelow', 0.1, /Never below 0.5 ×10⁹\/L.*AHA CORE/],
    ['haemoglobinModifyBelow', 70, /Never below 80 g\/L/],
  ] as const)('refuses %s = %s past its published bound', (key, value, message) => {
    const problems = refusal({ [key]: value });
    expect(problems.map((p) => p.key)).toEqual([key]);
    expect(problems[0]?.message).toMatch(message);
  });

  it('accepts any tightening and loosening up to the bound itself', () => {
    expect(
      refusal({ spo2HoldBelow: 85, temperatureHoldAtOrAbove: 37.8, sbpHoldAbove: 160, dbpHoldAbove: 120 }),
    ).toEqual([]);
    expect(refusal({ plateletsHoldBelow: 30, neutrophilsHoldAtOrBelow: 1.0, haemoglobinModifyBelow: 100 })).toEqual([]);
  });

  it('every bound sits inside its sane range and on the safe side of the default', () => {
    for (const key of thresholdKeys) {
      const bound = thresholdMeta[key].bound;
      if (!bound) continue;
      expect(beyondBound(key, defaultScreenThresholds[key].value), key).toBe(false);
      expect(bound.source.length, key).toBeGreaterThan(5);
    }
  });

  it('reads a stored value past its bound as the bound', () => {
    const t = withinBounds(thresholdsWithValues({ spo2HoldBelow: 80, sbpHoldAbove: 180 }));
    expect(t.spo2HoldBelow.value).toBe(85);
    expect(t.sbpHoldAbove.value).toBe(180);
  });
});

describe('issue 20 thresholds: sourced, and never loosened past the published figure', () => {
  const refusal = (values: Record<string, number>) => validateThresholds(thresholdsWithValues(values));

  it.each([
    // Freeman 2011: a fall of 20 systolic or 10 diastolic is orthostatic; a clinic may only lower them.
    ['orthostaticSystolicDropAtOrAbove', 21, /Never above 20 mmHg.*Freeman/],
    ['orthostaticDiastolicDropAtOrAbove', 11, /Never above 10 mmHg.*Freeman/],
    // NICE NG51: below 36 °C is a sepsis criterion; a clinic may only raise it.
    ['temperatureHoldBelow', 35.9, /Never below 36 °C.*NICE NG51/],
    // Maltser 2017: moderate exercise above 30 ×10⁹/L.
    ['plateletsLightOnlyBelow', 29, /Never below 30 ×10⁹\/L.*Maltser/],
    // The nadir window may widen, never narrow (Crawford 2004: about days 7–14).
    ['nadirFromDay', 8, /Never above 7 cycle day.*Crawford/],
    ['nadirToDay', 13, /Never below 14 cycle day.*Crawford/],
  ] as const)('refuses %s = %s', (key, value, message) => {
    const problems = refusal({ [key]: value });
    expect(problems.map((p) => p.key)).toEqual([key]);
    expect(problems[0]?.message).toMatch(message);
  });

  it('accepts the bound itself and any tightening', () => {
    expect(
      refusal({
        orthostaticSystolicDropAtOrAbove: 15,
        orthostaticDiastolicDropAtOrAbove: 7,
        temperatureHoldBelow: 36.3,
        plateletsLightOnlyBelow: 40,
        nadirFromDay: 5,
        nadirToDay: 21,
      }),
    ).toEqual([]);
  });

  it('keeps the bands in order', () => {
    expect(refusal({ plateletsLightOnlyBelow: 45, plateletsModifyAtOrBelow: 40 }).map((p) => p.key)).toEqual([
      'plateletsLightOnlyBelow',
    ]);
    expect(refusal({ plateletsHoldBelow: 35 }).map((p) => p.key)).toEqual(['plateletsHoldBelow']);
  });

  it('reads a clinic’s old "systolic drop above" value as the consensus "at or above" one', () => {
    expect(thresholdsWithValues({ orthostaticDropHoldAbove: 15 }).orthostaticSystolicDropAtOrAbove.value).toBe(15);
  });
});
