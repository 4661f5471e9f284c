import { describe, expect, it } from 'vitest';
import { measureCatalog } from './catalog';
import { NO_MCID_BASIS, compareSeries, cutoffFlags, verdictFor } from './comparison';

const sixMinuteWalk = measureCatalog.six_minute_walk;
const tug = measureCatalog.timed_up_and_go;
const gait = measureCatalog.gait_speed_4m;
const EPS = 1e-6;

describe('verdictFor', () => {
  it('judges 6MWT change against the 30 m default', () => {
    expect(verdictFor(sixMinuteWalk, 300, 345)).toEqual({
      verdict: 'improved',
      change: 45,
      percentChange: 15,
      basis: '+45 m, at or beyond the threshold of 30 m (Pacewise default within Granger 2015’s 22–42 m)',
    });
    expect(verdictFor(sixMinuteWalk, 300, 315)).toMatchObject({
      verdict: 'stable',
      basis: '+15 m, smaller than the threshold of 30 m (Pacewise default within Granger 2015’s 22–42 m)',
    });
    expect(verdictFor(sixMinuteWalk, 345, 300)).toMatchObject({ verdict: 'declined', change: -45 });
    expect(verdictFor(sixMinuteWalk, 300, 329.6).basis).toBe(
      '+29.6 m, smaller than the threshold of 30 m (Pacewise default within Granger 2015’s 22–42 m)',
    );
    expect(verdictFor(sixMinuteWalk, 300, 300).basis).toBe(
      'No change; the threshold is 30 m (Pacewise default within Granger 2015’s 22–42 m)',
    );
    // Review P1 #5: 30 m is Pacewise's default, not Granger's MCID (FACTS.md §4: 22–42 m).
    for (const to of [345, 315, 300]) expect(verdictFor(sixMinuteWalk, 300, to).basis).not.toMatch(/MCID/);
  });

  it('counts exactly the MCID as meaningful when more is better', () => {
    expect(verdictFor(sixMinuteWalk, 300, 330).verdict).toBe('improved');
    expect(verdictFor(sixMinuteWalk, 300, 330 - EPS).verdict).toBe('stable');
    expect(verdictFor(sixMinuteWalk, 300, 330 + EPS).verdict).toBe('improved');
    expect(verdictFor(sixMinuteWalk, 330, 300).verdict).toBe('declined');
    expect(verdictFor(sixMinuteWalk, 330, 300 + EPS).verdict).toBe('stable');
  });

  it('counts exactly the MDC as meaningful when less is better', () => {
    expect(verdictFor(tug, 12.5, 11.4).verdict).toBe('improved');
    expect(verdictFor(tug, 12.5, 11.4 + EPS).verdict).toBe('stable');
    expect(verdictFor(tug, 12.5, 11.4 - EPS).verdict).toBe('improved');
    expect(verdictFor(tug, 11.4, 12.5).verdict).toBe('declined');
    expect(verdictFor(tug, 11.4, 12.5 - EPS).verdict).toBe('stable');
  });

  it('is not fooled by binary error at the boundary', () => {
    // 0.3 − 0.2 is 0.09999999999999998 in floating point.
    expect(verdictFor(gait, 0.2, 0.3).verdict).toBe('improved');
    expect(verdictFor(gait, 0.2, 0.3).change).toBe(0.1);
    expect(verdictFor(gait, 0.7, 0.8).verdict).toBe('improved');
    expect(verdictFor(gait, 0.8, 0.7).verdict).toBe('declined');
    expect(verdictFor(gait, 0.2, 0.1 + 0.2).basis).toBe(
      '+0.10 m/s, at or beyond the substantial meaningful change of 0.10 m/s (Perera 2006); a small meaningful change is 0.05 m/s',
    );
  });

  it('calls a 0.4 s faster TUG stable', () => {
    expect(verdictFor(tug, 14, 13.6)).toMatchObject({
      verdict: 'stable',
      change: -0.4,
      // One decimal, the stopwatch's precision (review P3 #22).
      basis: '\u22120.4 s, smaller than the MDC of 1.1 s (Alghadir 2015, knee OA)',
    });
  });

  it('calls ESAS-r fatigue 7→4 improved', () => {
    expect(verdictFor(measureCatalog['esas_r.fatigue'], 7, 4)).toMatchObject({
      verdict: 'improved',
      change: -3,
      basis: '\u22123 points, at or beyond the MCID of 1 point (Hui 2015, Cancer)',
    });
  });

  it('uses the asymmetric ESAS-r total thresholds', () => {
    const esas = measureCatalog.esas_r;
    expect(verdictFor(esas, 30, 27).verdict).toBe('improved');
    expect(verdictFor(esas, 30, 28).verdict).toBe('stable');
    expect(verdictFor(esas, 30, 33)).toMatchObject({
      verdict: 'stable',
      basis: '+3 points, smaller than the worsening threshold of 4 points (Hui 2016, J Pain Symptom Manage)',
    });
    expect(verdictFor(esas, 30, 34).verdict).toBe('declined');
  });

  it('does not judge measures without an MCID', () => {
    expect(verdictFor(measureCatalog.sit_to_stand_30s, 8, 14)).toEqual({
      verdict: 'not_judged',
      change: 6,
      percentChange: 75,
      basis: NO_MCID_BASIS,
    });
    expect(verdictFor(measureCatalog.bfi, 0, 3).percentChange).toBeNull();
  });

  it('uses the one-grade convention for ECOG', () => {
    expect(verdictFor(measureCatalog.ecog, 2, 1)).toMatchObject({
      verdict: 'improved',
      basis: '\u22121 grade, at or beyond the threshold of 1 grade (Pacewise convention)',
    });
  });
});

describe('cutoffFlags', () => {
  const grip = measureCatalog.handgrip;
  it('flags low grip by sex and skips sex-specific cut-offs when sex is not recorded', () => {
    expect(cutoffFlags(grip, 15, { sex: 'female' }).map((c) => c.id)).toEqual(['low_strength_female']);
    expect(cutoffFlags(grip, 16, { sex: 'female' })).toEqual([]);
    expect(cutoffFlags(grip, 20, { sex: 'male' }).map((c) => c.id)).toEqual(['low_strength_male']);
    expect(cutoffFlags(grip, 15, { sex: 'unknown' })).toEqual([]);
  });
  it('flags TUG fall risk from exactly 12 s', () => {
    expect(cutoffFlags(tug, 12).map((c) => c.id)).toEqual(['fall_risk']);
    expect(cutoffFlags(tug, 11.99)).toEqual([]);
    expect(cutoffFlags(tug, 20).map((c) => c.id)).toEqual(['fall_risk', 'low_performance']);
  });
  it('applies age-banded norms only inside the band', () => {
    const sts = measureCatalog.sit_to_stand_30s;
    expect(cutoffFlags(sts, 11, { sex: 'female', age: 62 }).map((c) => c.id)).toEqual(['below_norm_female_60_64']);
    expect(cutoffFlags(sts, 11, { sex: 'female', age: 66 })).toEqual([]);
    expect(cutoffFlags(sts, 11, { sex: 'female' })).toEqual([]);
    expect(cutoffFlags(sts, 7, { sex: 'male', age: 50 }).map((c) => c.id)).toEqual(['poor_function']);
  });
  it('handles two-sided bands and inclusive bounds', () => {
    const bfi = measureCatalog.bfi;
    expect(cutoffFlags(bfi, 6.9).map((c) => c.id)).toEqual(['moderate']);
    expect(cutoffFlags(bfi, 7).map((c) => c.id)).toEqual(['severe']);
    expect(cutoffFlags(bfi, 3.9)).toEqual([]);
    expect(cutoffFlags(gait, 0.8).map((c) => c.id)).toEqual(['low_performance']);
    expect(cutoffFlags(measureCatalog.five_times_sit_to_stand, 15)).toEqual([]);
    expect(cutoffFlags(measureCatalog.facit_fatigue, 34).map((c) => c.id)).toEqual(['fatigue']);
  });
});

describe('compareSeries', () => {
  it('orders by date and compares baseline, previous and current', () => {
    const result = compareSeries(sixMinuteWalk, [
      { date: '2026-05-01', value: 340, assessmentId: 'c' },
      { date: '2026-01-10', value: 300, assessmentId: 'a' },
      { date: '2026-03-07', value: 320, assessmentId: 'b' },
    ]);
    expect(result.baseline?.assessmentId).toBe('a');
    expect(result.previous?.assessmentId).toBe('b');
    expect(result.current?.assessmentId).toBe('c');
    expect(result.changeFromBaseline).toMatchObject({ verdict: 'improved', change: 40 });
    expect(result.changeFromPrevious).toMatchObject({ verdict: 'stable', change: 20 });
  });
  it('uses age on the current date for norms', () => {
    const result = compareSeries(
      measureCatalog.sit_to_stand_30s,
      [
        { date: '2026-01-10', value: 12, assessmentId: 'a' },
        { date: '2026-06-01', value: 10, assessmentId: 'b' },
      ],
      { sex: 'female', dateOfBirth: '1961-05-20' },
    );
    expect(result.cutoffFlags.map((c) => c.id)).toEqual(['below_norm_female_65_69']);
  });
  it('copes with one point or none', () => {
    const one = compareSeries(tug, [{ date: '2026-01-10', value: 12, assessmentId: 'a' }]);
    expect(one).toMatchObject({
      previous: null,
      changeFromBaseline: null,
      changeFromPrevious: null,
    });
    expect(one.cutoffFlags.map((c) => c.id)).toEqual(['fall_risk']);
    expect(compareSeries(tug, [])).toEqual({
      baseline: null,
      baselineKind: null,
      previous: null,
      current: null,
      changeFromBaseline: null,
      changeFromPrevious: null,
      cutoffFlags: [],
    });
  });
});

describe('thresholds against FACTS.md §4 (review P1 #5, P2 #12, P3 #22, #24)', () => {
  it('never calls a Pacewise choice a published MCID', () => {
    expect(sixMinuteWalk.mcid).toMatchObject({ value: 30, kind: 'convention', provenance: 'pacewise' });
    expect(sixMinuteWalk.mcid?.source).toContain('22–42 m');
    expect(measureCatalog.ecog.mcid?.provenance).toBe('pacewise');
  });

  it('names the population of borrowed thresholds and the range a chosen point comes from', () => {
    expect(verdictFor(measureCatalog.five_times_sit_to_stand, 14, 12).basis).toBe(
      '\u22122.0 s, at or beyond the MCID of 1.7 s (Jones 2013, Thorax, in COPD)',
    );
    expect(verdictFor(measureCatalog.handgrip, 20, 25).basis).toBe(
      '+5.0 kg, at or beyond the MCID of 5.0 kg (lower end of Bohannon 2019’s 5.0–6.5 kg)',
    );
  });

  it('counts a QLQ-C30 global health change of 5 or more as a small change, and says why', () => {
    const ghs = measureCatalog.eortc_qlq_c30_ghs;
    // 50 → 58 is a small change by Osoba's bands: it must not be called stable.
    const small = verdictFor(ghs, 50, 58);
    expect(small.verdict).toBe('improved');
    expect(small.basis).toContain('small meaningful change of 5.0 points');
    expect(small.basis).toContain('5–10 small, 10–20 moderate');
    expect(small.basis).toContain('unverified');
    expect(verdictFor(ghs, 50, 54.9).verdict).toBe('stable');
    expect(verdictFor(ghs, 50, 45).verdict).toBe('declined');
  });

  it('shows TUG and 5×STS to one decimal', () => {
    expect(measureCatalog.timed_up_and_go.decimals).toBe(1);
    expect(measureCatalog.five_times_sit_to_stand.decimals).toBe(1);
  });

  it('marks citations the fact sheet does not carry as unverified', () => {
    const sppb = measureCatalog.sppb.cutoffs.find((c) => c.id === 'mobility_limitation');
    expect(sppb).toMatchObject({ unverified: true });
    expect(sppb?.source).toMatch(/unverified/);
    expect(measureCatalog['esas_r.fatigue'].mcid?.provenance).toBe('unverified');
    expect(measureCatalog.eortc_qlq_c30_ghs.mcid?.provenance).toBe('unverified');
    expect(measureCatalog.facit_fatigue.mcid?.provenance ?? 'published').toBe('published');
  });
});

describe('compareSeries baseline (review P2 #6)', () => {
  it('takes the baseline from the baseline assessment, not the earliest point', () => {
    const result = compareSeries(sixMinuteWalk, [
      { date: '2026-01-03', value: 280, assessmentId: 'early', kind: 'reassessment' },
      { date: '2026-01-10', value: 300, assessmentId: 'base', kind: 'baseline' },
      { date: '2026-03-07', value: 340, assessmentId: 'r1', kind: 'reassessment' },
    ]);
    expect(result.baseline?.assessmentId).toBe('base');
    expect(result.baselineKind).toBe('baseline');
    expect(result.changeFromBaseline).toMatchObject({ change: 40, verdict: 'improved' });
  });

  it('labels a value first recorded after the baseline "first recorded"', () => {
    const result = compareSeries(measureCatalog.sit_to_stand_30s, [
      { date: '2026-03-07', value: 11, assessmentId: 'r1', kind: 'reassessment' },
    ]);
    expect(result.baselineKind).toBe('first_recorded');
    expect(result.changeFromBaseline).toBeNull();
    const two = compareSeries(measureCatalog.sit_to_stand_30s, [
      { date: '2026-03-07', value: 11, assessmentId: 'r1', kind: 'reassessment' },
      { date: '2026-05-07', value: 13, assessmentId: 'r2', kind: 'reassessment' },
    ]);
    expect(two.baselineKind).toBe('first_recorded');
    expect(two.baseline?.assessmentId).toBe('r1');
  });
});

describe('a partial ESAS-r total', () => {
  const esas = measureCatalog.esas_r;
  it('is never judged against the MCID: a 10-point fall with two items blank is "not judged", saying why', () => {
    const compared = compareSeries(esas, [
      { date: '2026-09-01', value: 40, assessmentId: 'a1', kind: 'baseline' },
      { date: '2026-11-01', value: 30, assessmentId: 'a2', kind: 'reassessment', incomplete: { answered: 7, of: 9 } },
    ]);
    expect(compared.changeFromBaseline).toMatchObject({ verdict: 'not_judged', change: -10 });
    expect(compared.changeFromBaseline!.basis).toBe(
      'Not judged against the MCID: a total is incomplete (7 of 9 items), and the MCID applies to complete totals only',
    );
    const complete = compareSeries(esas, [
      { date: '2026-09-01', value: 40, assessmentId: 'a1', kind: 'baseline' },
      { date: '2026-11-01', value: 30, assessmentId: 'a2', kind: 'reassessment' },
    ]);
    expect(complete.changeFromBaseline!.verdict).toBe('improved');
  });
});

describe('measures (issue 20, item 10)', () => {
  const gait = measureCatalog.gait_speed_4m;

  it('gait speed shows the small (0.05 m/s) as well as the substantial (0.10 m/s) change (Perera 2006), at each boundary', () => {
    expect(verdictFor(gait, 0.7, 0.74)).toMatchObject({
      verdict: 'stable',
      basis:
        '+0.04 m/s, smaller than the small meaningful change of 0.05 m/s and the substantial meaningful change of 0.10 m/s (Perera 2006)',
    });
    expect(verdictFor(gait, 0.7, 0.75)).toMatchObject({
      verdict: 'stable',
      basis:
        '+0.05 m/s: a small meaningful change (0.05 m/s or more), smaller than the substantial meaningful change of 0.10 m/s (Perera 2006)',
    });
    expect(verdictFor(gait, 0.8, 0.74).basis).toMatch(/^−0\.06 m\/s: a small meaningful change/);
    expect(verdictFor(gait, 0.7, 0.8).verdict).toBe('improved');
    expect(verdictFor(gait, 0.7, 0.7).basis).toBe(
      'No change; the substantial meaningful change is 0.10 m/s (Perera 2006); a small meaningful change is 0.05 m/s',
    );
  });

  it('five chair rises over 15 s is EWGSOP2 low strength, not performance (Cruz-Jentoft 2019), at the boundary', () => {
    const fiveSts = measureCatalog.five_times_sit_to_stand;
    expect(cutoffFlags(fiveSts, 15)).toEqual([]);
    const [flag] = cutoffFlags(fiveSts, 15.1);
    expect(flag).toMatchObject({ id: 'low_strength', label: 'Low muscle strength' });
    expect(flag?.meaning).toMatch(/strength measure, not a performance one/);
    expect(flag?.source).toMatch(/EWGSOP2 \(Cruz-Jentoft 2019\), Age Ageing 48:16, Tbl 3/);
  });
});
