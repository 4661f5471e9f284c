import { describe, expect, it } from 'vitest';
import { boneLesionSites } from '../../domain/vocabulary';
import { conflictsFor, restrictionsForLesions, type MovementTag } from './boneRestrictions';
import { starterExercises } from './exerciseLibrary';

const avoidFor = (site: (typeof boneLesionSites.values)[number]) =>
  restrictionsForLesions([{ id: 'L1', site }])[0]?.avoid ?? [];

describe('restrictionsForLesions', () => {
  it('follows the site-based scheme', () => {
    // Issue 11: a pelvic lesion also blocks single-leg and balance work until a clinician clears it.
    expect(avoidFor('pelvis')).toEqual([
      'hip_flexion_extension',
      'weight_bearing_aerobic',
      'impact',
      'heavy_load',
      'single_leg_balance',
    ]);
    expect(avoidFor('lumbar_spine')).toEqual([
      'trunk_resistance',
      'weight_bearing_aerobic',
      'spinal_flexion',
      'spinal_extension',
      'spinal_rotation',
      'impact',
      'heavy_load',
    ]);
    expect(avoidFor('thoracic_spine')).toEqual([
      'shoulder_movements',
      'trunk_resistance',
      'spinal_flexion',
      'spinal_extension',
      'spinal_rotation',
      'impact',
      'heavy_load',
    ]);
    expect(avoidFor('ribs')).toEqual(avoidFor('thoracic_spine'));
    expect(avoidFor('proximal_femur')).toEqual([
      'hip_flexion_extension',
      'knee_flexion_extension',
      'weight_bearing_aerobic',
      'impact',
      'heavy_load',
    ]);
    expect(avoidFor('proximal_humerus')).toEqual([
      'shoulder_movements',
      'elbow_flexion_extension',
      'impact',
      'heavy_load',
    ]);
  });

  it('extrapolates the sites the scheme does not name, and says so', () => {
    const [femoralShaft, humeralShaft, cervical, sacral, skull, other] = restrictionsForLesions(
      (['femoral_shaft', 'humeral_shaft', 'cervical_spine', 'sacral_spine', 'skull', 'other'] as const).map(
        (site, i) => ({ id: String(i), site }),
      ),
    );
    expect(femoralShaft?.avoid).toEqual(avoidFor('proximal_femur'));
    expect(humeralShaft?.avoid).toEqual(avoidFor('proximal_humerus'));
    expect(cervical?.avoid).toEqual(avoidFor('thoracic_spine'));
    expect(sacral?.avoid).toEqual(avoidFor('pelvis'));
    expect(skull?.avoid).toEqual(['impact', 'heavy_load']);
    expect(other?.avoid).toEqual(['impact', 'heavy_load']);
    for (const r of [femoralShaft, humeralShaft, cervical, sacral])
      expect(r?.source).toMatch(/Pacewise conservative extrapolation/);
  });

  it('applies the loading rule to every site', () => {
    for (const site of boneLesionSites.values) {
      const [restriction] = restrictionsForLesions([{ id: site, site }]);
      expect(restriction?.avoid, site).toContain('heavy_load');
      expect(restriction?.allowedNote, site).toMatch(/10–12RM/);
      expect(restriction?.rules.find((r) => r.tag === 'heavy_load')?.source, site).toMatch(/PMC9335464/);
    }
  });

  it('notes the higher risk of a lytic lesion', () => {
    const [lytic, blastic] = restrictionsForLesions([
      { id: 'a', site: 'pelvis', lesionType: 'lytic' },
      { id: 'b', site: 'pelvis', lesionType: 'blastic' },
    ]);
    expect(lytic?.allowedNote).toMatch(/Lytic/);
    expect(blastic?.allowedNote).not.toMatch(/Lytic/);
  });
});

describe('conflictsFor', () => {
  const exercise = (tags: MovementTag[]) => ({ id: 'e', name: 'Exercise', tags });

  it('reports each avoided tag per lesion with its reason and source', () => {
    const restrictions = restrictionsForLesions([
      { id: 'lum', site: 'lumbar_spine' },
      { id: 'pel', site: 'pelvis' },
    ]);
    const conflicts = conflictsFor(exercise(['weight_bearing_aerobic', 'spinal_rotation']), restrictions);
    expect(conflicts.map((c) => [c.lesionId, c.tag])).toEqual([
      ['lum', 'weight_bearing_aerobic'],
      ['lum', 'spinal_rotation'],
      ['pel', 'weight_bearing_aerobic'],
    ]);
    expect(conflicts[0]?.source).toMatch(/Galvão 2011/);
  });

  it('finds no conflict for allowed work', () => {
    const restrictions = restrictionsForLesions([{ id: 'th', site: 'thoracic_spine' }]);
    expect(conflictsFor(exercise(['elbow_flexion_extension', 'upper_body_resistance']), restrictions)).toEqual([]);
    expect(conflictsFor(exercise(['weight_bearing_aerobic']), restrictions)).toEqual([]);
    expect(conflictsFor(exercise(['heavy_load']), restrictions)).toHaveLength(1);
    expect(conflictsFor(exercise(['spinal_rotation']), [])).toEqual([]);
  });
});

describe('standing and balance work with a lower-limb or pelvic lesion (issue 11)', () => {
  const library = starterExercises;
  const byKey = (key: string) => library.find((e) => e.key === key)!;
  const conflictTags = (key: string, lesion: Parameters<typeof restrictionsForLesions>[0][number], cleared = []) =>
    conflictsFor(
      { id: key, name: byKey(key).name, tags: byKey(key).tags },
      restrictionsForLesions([lesion], cleared),
    ).map((c) => c.tag);
  const standingAndBalance = [
    'supported_single_leg_stance',
    'tandem_stance',
    'heel_toe_walk',
    'standing_hip_abduction',
    'standing_calf_raise',
  ];

  it('finds the standing and balance exercises by tag', () => {
    for (const key of standingAndBalance) {
      expect(byKey(key).tags, key).toContain('single_leg_balance');
      expect(byKey(key).tags, key).toContain('standing_lower_limb_load');
    }
    expect(byKey('seated_hip_abduction_band').tags).not.toContain('standing_lower_limb_load');
    expect(byKey('stationary_cycle').tags).not.toContain('single_leg_balance');
  });

  it('single-leg stance conflicts for a partial-weight-bearing femur lesion, and every standing exercise does', () => {
    const femur = { id: 'F', site: 'proximal_femur' as const, weightBearing: 'partial' as const };
    expect(conflictTags('supported_single_leg_stance', femur)).toContain('standing_lower_limb_load');
    for (const e of library.filter((x) => x.position === 'standing' && x.weightBearing)) {
      expect(conflictTags(e.key, femur).length, e.key).toBeGreaterThan(0);
    }
    expect(conflictTags('seated_hip_abduction_band', femur)).toEqual([]);
    const reason = restrictionsForLesions([femur])[0]!.rules.find((r) => r.tag === 'standing_lower_limb_load');
    expect(reason?.source).toMatch(/^Clinic policy/);
  });

  it('with full weight-bearing and Mirels below 9, standing balance work on a femur lesion does not conflict', () => {
    const femur = { id: 'F', site: 'proximal_femur' as const, weightBearing: 'full' as const, mirelsPoints: 8 };
    for (const key of ['supported_single_leg_stance', 'tandem_stance', 'standing_calf_raise']) {
      expect(conflictTags(key, femur), key).toEqual([]);
    }
  });

  it('Mirels ≥9 or a pelvic lesion blocks single-leg and balance work until a clinician clears it', () => {
    const femur = { id: 'F', site: 'proximal_femur' as const, weightBearing: 'full' as const, mirelsPoints: 9 };
    const pelvis = { id: 'P', site: 'pelvis' as const, weightBearing: 'full' as const };
    for (const lesion of [femur, pelvis]) {
      for (const key of standingAndBalance) expect(conflictTags(key, lesion), key).toContain('single_leg_balance');
      const rule = restrictionsForLesions([lesion])[0]!.rules.find((r) => r.tag === 'single_leg_balance');
      expect(rule).toMatchObject({ clearable: true });
      expect(conflictTags('tandem_stance', lesion, ['single_leg_balance'] as never)).toEqual([]);
    }
    // A clearance lifts only the clearable rule: partial weight-bearing still blocks standing work.
    const partial = { ...pelvis, weightBearing: 'partial' as const };
    expect(conflictTags('tandem_stance', partial, ['single_leg_balance'] as never)).toEqual([
      'standing_lower_limb_load',
    ]);
  });
});
