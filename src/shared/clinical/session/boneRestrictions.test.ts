import { describe, expect, it } from 'vitest';
import { boneLesionSites } from '../../domain/vocabulary';
import { conflictsFor, restrictionsForLesions, type MovementTag } from './boneRestrictions';

const avoidFor = (site: (typeof boneLesionSites.values)[number]) =>
  restrictionsForLesions([{ id: 'L1', site }])[0]?.avoid ?? [];

describe('restrictionsForLesions', () => {
  it('follows the site-based scheme', () => {
    expect(avoidFor('pelvis')).toEqual(['hip_flexion_extension', 'weight_bearing_aerobic', 'impact', 'heavy_load']);
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
