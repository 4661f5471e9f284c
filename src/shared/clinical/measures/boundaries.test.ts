import { describe, expect, it } from 'vitest';
import { measureCatalog } from './catalog';
import { cutoffFlags, verdictFor } from './comparison';
import { customMeasureDefinition, scoreCustomMeasure } from './custom';
import { enrightSherrillPredicted, scoreMeasure } from './scoring';

/** Worked by hand from the published equations and bands, not from the code under test. */
describe('hand-worked values', () => {
  it('Enright & Sherrill for a man and a woman', () => {
    // 7.57·175 − 5.02·60 − 1.76·80 − 309 = 1324.75 − 301.2 − 140.8 − 309
    expect(enrightSherrillPredicted({ sex: 'male', age: 60, heightCm: 175, weightKg: 80 })).toBeCloseTo(573.75, 6);
    // 2.11·165 − 2.29·65 − 5.78·60 + 667 = 348.15 − 148.85 − 346.8 + 667
    expect(enrightSherrillPredicted({ sex: 'female', age: 60, heightCm: 165, weightKg: 65 })).toBeCloseTo(519.5, 6);
  });

  it('SPPB totals 12 and 0 at the extremes and 4+3+2 at band edges', () => {
    const best = scoreMeasure('sppb', {
      side_by_side_s: 10,
      semi_tandem_s: 10,
      tandem_s: 10,
      gait_1_s: 4.81,
      chair_s: 11.19,
    });
    expect(best.value).toBe(12);
    const worst = scoreMeasure('sppb', { side_by_side_s: 0, gait_unable: true, chair_unable: true });
    expect(worst.value).toBe(0);
    const mixed = scoreMeasure('sppb', {
      side_by_side_s: 10,
      semi_tandem_s: 10,
      tandem_s: 10,
      gait_1_s: 6.2,
      gait_2_s: 6.21,
      chair_s: 13.7,
    });
    expect(mixed.derived).toMatchObject({ balance_score: 4, gait_score: 3, chair_score: 2 });
    expect(mixed.value).toBe(9);
  });

  it('gait speed from the faster 4 m time, to 2 places', () => {
    const result = scoreMeasure('gait_speed_4m', { trial_1_s: 5.2, trial_2_s: 4.9 });
    expect(result.value).toBe(0.82); // 4 / 4.9 = 0.816…
    expect(cutoffFlags(measureCatalog.gait_speed_4m, 0.8).map((c) => c.id)).toEqual(['low_performance']);
    expect(cutoffFlags(measureCatalog.gait_speed_4m, 0.81)).toEqual([]);
  });

  it('best-of handgrip across both hands', () => {
    expect(scoreMeasure('handgrip', { left_1: 21, left_2: 23.5, right_1: 22, right_3: 23 }).value).toBe(23.5);
  });

  it('ESAS-r total is the sum of nine symptoms, leaving out the optional tenth', () => {
    const nine = {
      pain: 3,
      fatigue: 7,
      drowsiness: 2,
      nausea: 0,
      appetite: 4,
      shortness_of_breath: 1,
      depression: 2,
      anxiety: 3,
      wellbeing: 5,
    };
    expect(scoreMeasure('esas_r', { ...nine, other: 9 }).value).toBe(27);
  });

  it('ESAS-r symptom: less is better, exactly 1 point either way counts', () => {
    const fatigue = measureCatalog['esas_r.fatigue'];
    expect(verdictFor(fatigue, 7, 6).verdict).toBe('improved');
    expect(verdictFor(fatigue, 7, 8).verdict).toBe('declined');
    expect(verdictFor(fatigue, 7, 7).verdict).toBe('stable');
    expect(verdictFor(fatigue, 7, 4)).toMatchObject({ verdict: 'improved', change: -3 });
  });

  it('handgrip (more is better) at exactly 5 kg and either side', () => {
    const grip = measureCatalog.handgrip;
    expect(verdictFor(grip, 20, 25).verdict).toBe('improved');
    expect(verdictFor(grip, 20, 24.9).verdict).toBe('stable');
    expect(verdictFor(grip, 20, 15).verdict).toBe('declined');
    expect(verdictFor(grip, 20, 15.1).verdict).toBe('stable');
  });
});

describe('clinic-defined measures', () => {
  const stairs = customMeasureDefinition({
    id: '01CUSTOM',
    name: 'Stair climb',
    unit: 's',
    better: 'lower',
    mcid: 2,
    source: 'Clinic audit 2025',
    decimals: 1,
    rangeMin: 0,
    rangeMax: 300,
    instructions: null,
  });

  it('judges change against the clinic’s MCID and quotes its source', () => {
    expect(verdictFor(stairs, 30, 28)).toMatchObject({ verdict: 'improved' });
    expect(verdictFor(stairs, 30, 28).basis).toContain('Clinic audit 2025');
    expect(verdictFor(stairs, 30, 31.9).verdict).toBe('stable');
    expect(verdictFor(stairs, 30, 32).verdict).toBe('declined');
  });

  it('does not judge without an MCID', () => {
    const noMcid = customMeasureDefinition({
      id: '01CUSTOM2',
      name: 'Steps',
      unit: 'steps',
      better: 'higher',
      mcid: null,
      source: null,
      decimals: 0,
      rangeMin: 0,
      rangeMax: 50000,
      instructions: null,
    });
    expect(verdictFor(noMcid, 3000, 6000).verdict).toBe('not_judged');
  });

  it('checks the value against the range', () => {
    expect(scoreCustomMeasure(stairs, { value: 31.5 }).value).toBe(31.5);
    expect(scoreCustomMeasure(stairs, { value: 301 }).errors[0]!.message).toMatch(/0–300 s/);
    expect(scoreCustomMeasure(stairs, {}).errors[0]!.field).toBe('value');
  });
});
