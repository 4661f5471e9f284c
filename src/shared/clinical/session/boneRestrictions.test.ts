import { describe, expect, it } from 'vitest';
import { boneLesionSites } from '../../domain/vocabulary';
import { conflictsFor, restrictionsForLesions, type MovementTag } from './boneRestrictions';
import { starterExercises } from './exerciseLibrary';

const avoidFor = (site: (typeof boneLesionSites.values)[number]) =>
  restrictionsForLesions([{ id: 'L1', site }])[0]?.avoid ?? [];

describe('restrictionsForLesions', () => {
  it('follows the site-based scheme', () => {
    // Issue 11: a pelvic lesion also blocks single-leg and balance work until a clinician clears it.
    // Issue 20: and resisted hip abduction (clinic policy: the trochanteric pull).
    expect(avoidFor('pelvis')).toEqual([
      'hip_flexion_extension',
      'weight_bearing_aerobic',
      'hip_abduction',
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
      'hip_abduction',
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
    const [femoralShaft, humeralShaft, sacral, skull, other] = restrictionsForLesions(
      (['femoral_shaft', 'humeral_shaft', 'sacral_spine', 'skull', 'other'] as const).map((site, i) => ({
        id: String(i),
        site,
      })),
    );
    // The trochanteric pull is a proximal-femur matter, not the shaft's.
    expect(femoralShaft?.avoid).toEqual(avoidFor('proximal_femur').filter((t) => t !== 'hip_abduction'));
    expect(humeralShaft?.avoid).toEqual(avoidFor('proximal_humerus'));
    expect(sacral?.avoid).toEqual(avoidFor('pelvis').filter((t) => t !== 'hip_abduction'));
    expect(skull?.avoid).toEqual(['impact', 'heavy_load']);
    expect(other?.avoid).toEqual(['impact', 'heavy_load']);
    for (const r of [femoralShaft, humeralShaft, sacral])
      expect(r?.source).toMatch(/Pacewise conservative extrapolation/);
  });

  it('gives the tibia femur rules, the sternum rib rules, and the scapula and clavicle the shoulder rule (issue 20)', () => {
    const [tibia, sternum, scapula, clavicle] = restrictionsForLesions(
      (['tibia', 'sternum', 'scapula', 'clavicle'] as const).map((site, i) => ({ id: String(i), site })),
    );
    expect(tibia?.avoid).toEqual(avoidFor('femoral_shaft'));
    expect(tibia?.avoid).toContain('weight_bearing_aerobic');
    expect(sternum?.avoid).toEqual(avoidFor('ribs'));
    expect(scapula?.avoid).toEqual(['shoulder_movements', 'impact', 'heavy_load']);
    expect(clavicle?.avoid).toEqual(['shoulder_movements', 'impact', 'heavy_load']);
    for (const r of [tibia, sternum, scapula, clavicle])
      expect(r?.source).toMatch(/Pacewise conservative extrapolation/);
    // Walking and step-ups no longer pass a tibial lesion silently.
    for (const key of ['walking', 'step_ups']) {
      const e = starterExercises.find((x) => x.key === key)!;
      expect(conflictsFor({ id: key, name: e.name, tags: e.tags }, [tibia!]).length, key).toBeGreaterThan(0);
    }
  });

  it('reads the cervical row as the neck: neck movements, not trunk rotation (BMC Pilot Feasib Stud 2020 Tbl 2)', () => {
    expect(avoidFor('cervical_spine')).toEqual([
      'shoulder_movements',
      'trunk_resistance',
      'neck_movements',
      'impact',
      'heavy_load',
    ]);
    expect(restrictionsForLesions([{ id: 'c', site: 'cervical_spine' }])[0]?.source).toMatch(
      /BMC Pilot Feasib Stud 2020/,
    );
    expect(avoidFor('lumbar_spine')).not.toContain('neck_movements');
  });

  it('lets a clinician clear the scheme’s resistance movements, not its aerobic, spinal, impact or load rules (issue 20)', () => {
    const pelvis = restrictionsForLesions([{ id: 'p', site: 'pelvis' }])[0]!;
    const clearable = pelvis.rules.filter((r) => r.clearable).map((r) => r.tag);
    expect(clearable).toEqual(['hip_flexion_extension', 'hip_abduction', 'single_leg_balance']);
    expect(pelvis.rules.find((r) => r.tag === 'hip_flexion_extension')?.clearableBecause).toMatch(
      /PMC9335464 Tbl 2 note a.*start low, go slow/,
    );
    const lumbar = restrictionsForLesions([{ id: 'l', site: 'lumbar_spine' }])[0]!;
    expect(lumbar.rules.filter((r) => r.clearable).map((r) => r.tag)).toEqual(['trunk_resistance']);
    const cleared = restrictionsForLesions(
      [{ id: 'p', site: 'pelvis' }],
      ['hip_flexion_extension', 'weight_bearing_aerobic'],
    )[0]!;
    // Only the clearable rule gives way.
    expect(cleared.avoid).not.toContain('hip_flexion_extension');
    expect(cleared.avoid).toContain('weight_bearing_aerobic');
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
  ];

  it('finds the standing and balance exercises by tag', () => {
    for (const key of standingAndBalance) {
      expect(byKey(key).tags, key).toContain('single_leg_balance');
      expect(byKey(key).tags, key).toContain('standing_lower_limb_load');
    }
    // Issue 20: double-leg calf raises and feet-together stance are not single-leg work.
    for (const key of ['standing_calf_raise', 'supported_standing_balance']) {
      expect(byKey(key).tags, key).not.toContain('single_leg_balance');
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
    expect(conflictTags('seated_knee_extension', femur)).toEqual(['knee_flexion_extension']);
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
