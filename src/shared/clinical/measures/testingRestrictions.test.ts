import { describe, expect, it } from 'vitest';
import { restrictionsForLesions } from '../session/boneRestrictions';
import { builtInMeasureKeys } from './catalog';
import { outcomeTestConflicts, outcomeTestDemands } from './testingRestrictions';

const battery = ['six_minute_walk', 'sit_to_stand_30s', 'five_times_sit_to_stand', 'sppb', 'handgrip', 'facit_fatigue'];
const keysFor = (site: Parameters<typeof restrictionsForLesions>[0][number]['site'], extra = {}) =>
  outcomeTestConflicts(battery, restrictionsForLesions([{ id: 'l', site, ...extra }])).map((c) => c.measureKey);

describe('outcome tests checked against the lesions (issue 20, item 6)', () => {
  it('a Mirels 8 proximal-femur lesion rules out the walk and the chair stands, not grip or questionnaires', () => {
    const conflicts = outcomeTestConflicts(
      battery,
      restrictionsForLesions([{ id: 'f', site: 'proximal_femur', weightBearing: 'full', mirelsPoints: 8 }]),
    );
    expect(conflicts.map((c) => c.measureKey)).toEqual([
      'six_minute_walk',
      'sit_to_stand_30s',
      'five_times_sit_to_stand',
      'sppb',
    ]);
    const walk = conflicts[0]!;
    expect(walk.what).toBe('six minutes of weight-bearing walking');
    expect(walk.conflicts.map((c) => c.tag)).toEqual(['weight_bearing_aerobic']);
    expect(walk.conflicts[0]?.source).toMatch(/Galvão 2011/);
    expect(conflicts[1]!.conflicts.map((c) => c.tag)).toEqual(['hip_flexion_extension', 'knee_flexion_extension']);
  });

  it('tandem stance (SPPB) is narrow-base balance: it conflicts where single-leg work is blocked', () => {
    const mirels9 = outcomeTestConflicts(
      ['sppb'],
      restrictionsForLesions([{ id: 'f', site: 'femoral_shaft', weightBearing: 'full', mirelsPoints: 9 }]),
    );
    expect(mirels9[0]?.conflicts.map((c) => c.tag)).toContain('single_leg_balance');
    expect(outcomeTestDemands.sppb?.what).toMatch(/tandem stance \(narrow-base balance\)/);
  });

  it('follows the site: a lumbar lesion rules out the walk, a humeral lesion none of the battery', () => {
    expect(keysFor('lumbar_spine')).toEqual(['six_minute_walk']);
    expect(keysFor('proximal_humerus')).toEqual([]);
    // Partial weight-bearing: every standing test.
    expect(keysFor('humeral_shaft', { weightBearing: 'partial' })).toEqual([
      'six_minute_walk',
      'sit_to_stand_30s',
      'five_times_sit_to_stand',
      'sppb',
    ]);
  });

  it('gives way to a clinician’s clearance for the patient', () => {
    const cleared = restrictionsForLesions([{ id: 'p', site: 'pelvis' }], ['hip_flexion_extension']);
    expect(outcomeTestConflicts(['sit_to_stand_30s'], cleared)).toEqual([]);
  });

  it('names only built-in measures, and none twice', () => {
    for (const key of Object.keys(outcomeTestDemands)) expect(builtInMeasureKeys).toContain(key);
    expect(
      outcomeTestConflicts(
        ['six_minute_walk', 'six_minute_walk'],
        restrictionsForLesions([{ id: 'p', site: 'pelvis' }]),
      ),
    ).toHaveLength(1);
  });
});
