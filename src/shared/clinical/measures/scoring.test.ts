import { describe, expect, it } from 'vitest';
import {
  bestHandgrip,
  enrightSherrillPredicted,
  esasTotal,
  incompletenessOf,
  gaitSpeedFromTime,
  percentPredicted,
  scoreMeasure,
  sppbBalanceScore,
  sppbChairScore,
  sppbGaitScore,
  sppbTotal,
} from './scoring';
import { measureCatalog } from './catalog';

describe('SPPB parts (Guralnik 1994 bands)', () => {
  it('scores balance in protocol order', () => {
    expect(sppbBalanceScore({ sideBySideS: null })).toBe(0);
    expect(sppbBalanceScore({ sideBySideS: 9.9, semiTandemS: 10, tandemS: 10 })).toBe(0);
    expect(sppbBalanceScore({ sideBySideS: 10, semiTandemS: 9 })).toBe(1);
    expect(sppbBalanceScore({ sideBySideS: 10, semiTandemS: 9, tandemS: 10 })).toBe(1);
    expect(sppbBalanceScore({ sideBySideS: 10, semiTandemS: 10, tandemS: 2.99 })).toBe(2);
    expect(sppbBalanceScore({ sideBySideS: 10, semiTandemS: 10, tandemS: 3 })).toBe(3);
    expect(sppbBalanceScore({ sideBySideS: 10, semiTandemS: 10, tandemS: 9.99 })).toBe(3);
    expect(sppbBalanceScore({ sideBySideS: 10, semiTandemS: 10, tandemS: 10 })).toBe(4);
  });
  it('scores the 4 m walk at each band edge', () => {
    expect(sppbGaitScore(4.81)).toBe(4);
    expect(sppbGaitScore(4.82)).toBe(3);
    expect(sppbGaitScore(6.2)).toBe(3);
    expect(sppbGaitScore(6.21)).toBe(2);
    expect(sppbGaitScore(8.7)).toBe(2);
    expect(sppbGaitScore(8.71)).toBe(1);
    expect(sppbGaitScore(null)).toBe(0);
  });
  it('scores five chair stands at each band edge', () => {
    expect(sppbChairScore(11.19)).toBe(4);
    expect(sppbChairScore(11.2)).toBe(3);
    expect(sppbChairScore(13.69)).toBe(3);
    expect(sppbChairScore(13.7)).toBe(2);
    expect(sppbChairScore(16.69)).toBe(2);
    expect(sppbChairScore(16.7)).toBe(1);
    expect(sppbChairScore(60)).toBe(1);
    expect(sppbChairScore(60.01)).toBe(0);
    expect(sppbChairScore(null)).toBe(0);
    expect(sppbTotal({ balance: 4, gait: 3, chair: 2 })).toBe(9);
  });
});

describe('calculations', () => {
  it('converts 4 m times to speed', () => {
    expect(gaitSpeedFromTime(5)).toBe(0.8);
    expect(gaitSpeedFromTime(10, 6)).toBe(0.6);
    expect(gaitSpeedFromTime(0)).toBeNull();
  });
  it('predicts 6MWT distance by Enright & Sherrill', () => {
    expect(enrightSherrillPredicted({ sex: 'male', age: 60, heightCm: 175, weightKg: 80 })).toBeCloseTo(
      7.57 * 175 - 5.02 * 60 - 1.76 * 80 - 309,
    );
    expect(enrightSherrillPredicted({ sex: 'female', age: 60, heightCm: 165, weightKg: 65 })).toBeCloseTo(
      2.11 * 165 - 2.29 * 65 - 5.78 * 60 + 667,
    );
    expect(enrightSherrillPredicted({ sex: 'unknown', age: 60, heightCm: 165, weightKg: 65 })).toBeNull();
    expect(percentPredicted(300, 600)).toBe(50);
    expect(percentPredicted(300, 0)).toBeNull();
  });
  it('keeps the best grip and its side', () => {
    expect(bestHandgrip([20, 22], [24, 18])).toEqual({ best: 24, side: 'right' });
    expect(bestHandgrip([26], [])).toEqual({ best: 26, side: 'left' });
    expect(bestHandgrip([25], [25])).toEqual({ best: 25, side: 'both' });
    expect(bestHandgrip([], [])).toBeNull();
  });
  it('totals ESAS-r over the items rated, listing the blank ones; nothing rated is no total', () => {
    const all = {
      pain: 1,
      fatigue: 7,
      drowsiness: 2,
      nausea: 0,
      appetite: 3,
      shortness_of_breath: 1,
      depression: 2,
      anxiety: 2,
      wellbeing: 4,
    };
    expect(esasTotal(all)).toEqual({ total: 22, missing: [] });
    expect(esasTotal({ ...all, nausea: null, wellbeing: undefined })).toEqual({
      total: 18,
      missing: ['nausea', 'wellbeing'],
    });
    expect(esasTotal({}).total).toBeNull();
  });
});

describe('scoreMeasure', () => {
  it('scores a 6MWT with % predicted when the person is known', () => {
    const result = scoreMeasure(
      'six_minute_walk',
      { distance_m: 420, rests: 1 },
      { sex: 'female', age: 60, heightCm: 165, weightKg: 65 },
    );
    expect(result.errors).toEqual([]);
    expect(result.value).toBe(420);
    expect(result.derived.predicted_m).toBe(520); // 2.11·165 − 2.29·65 − 5.78·60 + 667 = 519.5 m
    expect(result.derived.percent_predicted).toBe(81);
  });
  it('says why % predicted is missing', () => {
    const result = scoreMeasure(
      'six_minute_walk',
      { distance_m: 420 },
      { sex: 'unknown', age: 60, heightCm: 165, weightKg: 65 },
    );
    expect(result.value).toBe(420);
    expect(result.derived.predicted_unavailable).toMatch(/sex/);
  });
  it('rejects missing, out-of-range and wrongly typed entries', () => {
    expect(scoreMeasure('six_minute_walk', {}).errors).toEqual([
      { field: 'distance_m', message: 'Distance is required.' },
    ]);
    const bad = scoreMeasure('six_minute_walk', { distance_m: 1200, rests: 1.5, hr_pre: '80' });
    expect(bad.value).toBeNull();
    expect(bad.errors.map((e) => e.field)).toEqual(['distance_m', 'rests', 'hr_pre']);
    expect(scoreMeasure('ecog', { grade: 5 }).errors[0]?.field).toBe('grade');
    expect(scoreMeasure('nonsense', {}).errors[0]?.field).toBe('key');
  });
  it('takes the fastest gait trial', () => {
    const result = scoreMeasure('gait_speed_4m', {
      trial_1_s: 5.2,
      trial_2_s: 4.9,
      walking_aid: 'stick',
    });
    expect(result.value).toBe(0.82);
    expect(result.derived).toMatchObject({
      trial_1_m_s: 0.77,
      trial_2_m_s: 0.82,
      walking_aid: 'stick',
    });
  });
  it('keeps the best handgrip trial and needs at least one', () => {
    expect(scoreMeasure('handgrip', { left_1: 14, left_2: 15.5, right_1: 13 })).toMatchObject({
      value: 15.5,
      derived: { best_side: 'left', left_best: 15.5, right_best: 13 },
    });
    expect(scoreMeasure('handgrip', {}).value).toBeNull();
  });
  it('scores a full SPPB', () => {
    const result = scoreMeasure('sppb', {
      side_by_side_s: 10,
      semi_tandem_s: 10,
      tandem_s: 5,
      gait_1_s: 5.5,
      gait_2_s: 5.1,
      chair_s: 14.2,
    });
    expect(result.errors).toEqual([]);
    expect(result.value).toBe(3 + 3 + 2);
    expect(result.derived).toMatchObject({
      balance_score: 3,
      gait_score: 3,
      chair_score: 2,
      gait_speed_m_s: 0.78,
    });
  });
  it('scores SPPB parts marked unable as 0 but not blanks', () => {
    const unable = scoreMeasure('sppb', {
      side_by_side_s: 4,
      gait_unable: true,
      chair_unable: true,
    });
    expect(unable.value).toBe(0);
    expect(unable.errors).toEqual([]);
    const blank = scoreMeasure('sppb', { side_by_side_s: 10, semi_tandem_s: 3 });
    expect(blank.value).toBeNull();
    expect(blank.errors.map((e) => e.field)).toEqual(['gait_1_s', 'chair_s']);
    const skipped = scoreMeasure('sppb', {
      side_by_side_s: 6,
      semi_tandem_s: 10,
      gait_1_s: 4,
      chair_s: 10,
    });
    expect(skipped.value).toBe(8);
    expect(skipped.warnings[0]).toMatch(/not scored/);
  });
  it('totals ESAS-r and exposes each symptom for comparison', () => {
    const result = scoreMeasure('esas_r', {
      pain: 1,
      fatigue: 7,
      drowsiness: 2,
      nausea: 0,
      appetite: 3,
      shortness_of_breath: 1,
      depression: 2,
      anxiety: 2,
      wellbeing: 4,
      other: 6,
    });
    expect(result.value).toBe(22);
    expect(result.derived['esas_r.fatigue']).toBe(7);
    expect(result.derived['esas_r.other']).toBe(6);
    const partial = scoreMeasure('esas_r', { pain: 5, fatigue: 7 });
    expect(partial.errors).toEqual([]);
    expect(partial.value).toBe(12);
    expect(partial.derived['esas_r.fatigue']).toBe(7);
    expect(partial.derived.missing).toBe('drowsiness,nausea,appetite,shortness_of_breath,depression,anxiety,wellbeing');
    expect(incompletenessOf('esas_r', partial.derived)).toEqual({ answered: 2, of: 9 });
    expect(partial.warnings[0]).toMatch(/^Total incomplete \(2 of 9 items\): it is not judged against the MCID/);
    expect(incompletenessOf('esas_r', result.derived)).toBeNull();
    expect(scoreMeasure('esas_r', { other: 3 }).errors[0]?.message).toBe('Rate at least one symptom.');
    expect(scoreMeasure('esas_r.fatigue', { fatigue: 4 }).value).toBe(4);
  });
  it('warns that norms do not apply when arms were used in the 30 s test', () => {
    const result = scoreMeasure('sit_to_stand_30s', { stands: 9, arms_used: true });
    expect(result.value).toBe(9);
    expect(result.warnings[0]).toMatch(/modified/);
  });
  it('records licensed questionnaire scores only', () => {
    expect(scoreMeasure('facit_fatigue', { score: 30.5 }).value).toBe(30.5);
    expect(scoreMeasure('bfi', { score: 11 }).value).toBeNull();
  });
});

describe('six-minute walk conditions (issue 20, item 10; Holland 2014 ERS/ATS standard)', () => {
  const person = { sex: 'female' as const, age: 60, heightCm: 165, weightKg: 65 };

  it('records walking aid, oxygen and a practice walk, and accepts each', () => {
    const keys = measureCatalog.six_minute_walk.components.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['walking_aid', 'oxygen_l_min', 'practice_walk']));
    const result = scoreMeasure(
      'six_minute_walk',
      { distance_m: 410, walking_aid: 'frame', oxygen_l_min: 2, practice_walk: true },
      person,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(scoreMeasure('six_minute_walk', { distance_m: 410, oxygen_l_min: 16 }, person).errors[0]?.field).toBe(
      'oxygen_l_min',
    );
  });

  it('warns of the ~27 m learning effect when no practice walk was done', () => {
    const [warning] = scoreMeasure('six_minute_walk', { distance_m: 410 }, person).warnings;
    expect(warning).toMatch(/about 27 m longer/);
    expect(warning).toMatch(/Holland 2014/);
    expect(scoreMeasure('six_minute_walk', {}, person).warnings).toEqual([]);
  });
});
