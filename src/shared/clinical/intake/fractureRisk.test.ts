import { describe, expect, it } from 'vitest';
import { boneLesionSites } from '../../domain/vocabulary';
import {
  defaultMirelsSite,
  fractureScoreFor,
  mirelsBandFor,
  mirelsScore,
  sinsBandFor,
  sinsScore,
  type MirelsComponents,
  type SinsComponents,
} from './fractureRisk';

describe('Mirels score', () => {
  it('adds the four items from 4 to 12', () => {
    const lowest = mirelsScore({
      site: 'upper_limb',
      lesion: 'blastic',
      size: 'lt_one_third',
      pain: 'mild',
    });
    expect(lowest.total).toBe(4);
    expect(lowest.missing).toEqual([]);
    const highest = mirelsScore({
      site: 'peritrochanteric',
      lesion: 'lytic',
      size: 'gt_two_thirds',
      pain: 'functional',
    });
    expect(highest.total).toBe(12);
    expect(highest.band?.key).toBe('high');
    expect(highest.source).toMatch(/Mirels 1989/);
  });

  it('withholds the total and lists what is missing while incomplete', () => {
    const partial = mirelsScore({ site: 'lower_limb', lesion: 'lytic', size: null });
    expect(partial.total).toBeNull();
    expect(partial.band).toBeNull();
    expect(partial.subtotal).toBe(5);
    expect(partial.missing).toEqual(['size', 'pain']);
    expect(mirelsScore(null).missing).toEqual(['site', 'lesion', 'size', 'pain']);
    expect(mirelsScore({}).subtotal).toBe(0);
  });

  it('treats an unknown stored value as not entered', () => {
    const stale = { site: 'toString', lesion: 'lytic' } as unknown as MirelsComponents;
    expect(mirelsScore(stale).missing).toContain('site');
  });

  it('bands at 7, 8 and 9', () => {
    expect(mirelsBandFor(4).key).toBe('low');
    expect(mirelsBandFor(7).key).toBe('low');
    expect(mirelsBandFor(8).key).toBe('borderline');
    expect(mirelsBandFor(9).key).toBe('high');
    expect(mirelsBandFor(9).meaning).toMatch(/prophylactic fixation/);
    expect(mirelsBandFor(7).meaning).toMatch(/0–4%/);
    expect(mirelsBandFor(8).meaning).toMatch(/15%/);
  });

  it('always carries the accuracy note, and the humerus note at 8 in the upper limb', () => {
    const upper7 = mirelsScore({
      site: 'upper_limb',
      lesion: 'lytic',
      size: 'one_to_two_thirds',
      pain: 'mild',
    });
    expect(upper7.total).toBe(7);
    expect(upper7.notes).toHaveLength(1);
    expect(upper7.notes[0]).toMatch(/91%.*35%/);
    const upper8 = mirelsScore({
      site: 'upper_limb',
      lesion: 'lytic',
      size: 'one_to_two_thirds',
      pain: 'moderate',
    });
    expect(upper8.total).toBe(8);
    expect(upper8.notes).toHaveLength(2);
    expect(upper8.notes[1]).toMatch(/humerus/);
  });
});

describe('SINS', () => {
  const worst: SinsComponents = {
    location: 'junctional',
    pain: 'mechanical',
    lesion: 'lytic',
    alignment: 'subluxation',
    collapse: 'gt_50',
    posterolateral: 'bilateral',
  };
  const best: SinsComponents = {
    location: 'rigid',
    pain: 'none',
    lesion: 'blastic',
    alignment: 'normal',
    collapse: 'none',
    posterolateral: 'none',
  };

  it("scores Fisher's points from 0 to 18", () => {
    expect(sinsScore(worst).total).toBe(18);
    expect(sinsScore(best).total).toBe(0);
    expect(sinsScore({ ...best, pain: 'occasional_non_mechanical' }).total).toBe(1);
    expect(sinsScore({ ...best, collapse: 'none_gt_50_involved' }).total).toBe(1);
    expect(sinsScore({ ...best, collapse: 'lt_50' }).total).toBe(2);
    expect(sinsScore({ ...best, alignment: 'de_novo_deformity' }).total).toBe(2);
    expect(sinsScore({ ...best, posterolateral: 'unilateral' }).total).toBe(1);
    expect(sinsScore({ ...best, location: 'semi_rigid', lesion: 'mixed' }).total).toBe(2);
    expect(sinsScore({ ...best, location: 'mobile' }).total).toBe(2);
  });

  it('bands at 6/7 and 12/13', () => {
    expect(sinsBandFor(0).key).toBe('stable');
    expect(sinsBandFor(6).key).toBe('stable');
    expect(sinsBandFor(7).key).toBe('potentially_unstable');
    expect(sinsBandFor(12).key).toBe('potentially_unstable');
    expect(sinsBandFor(13).key).toBe('unstable');
    expect(sinsBandFor(18).key).toBe('unstable');
  });

  it('flags a surgical opinion at 7 or more, even before the score is complete', () => {
    expect(sinsScore({ ...best, location: 'junctional', pain: 'mechanical' }).surgicalOpinionWarranted).toBe(false);
    expect(
      sinsScore({
        ...best,
        location: 'junctional',
        pain: 'mechanical',
        posterolateral: 'unilateral',
      }).surgicalOpinionWarranted,
    ).toBe(true);
    const partial = sinsScore({ location: 'junctional', alignment: 'subluxation' });
    expect(partial.total).toBeNull();
    expect(partial.band).toBeNull();
    expect(partial.surgicalOpinionWarranted).toBe(true);
    expect(partial.missing).toEqual(['pain', 'lesion', 'collapse', 'posterolateral']);
    expect(sinsScore({ location: 'mobile' }).surgicalOpinionWarranted).toBeNull();
  });
});

describe('which score fits a lesion site', () => {
  it('uses SINS for the spine, Mirels for femur and humerus, nothing elsewhere', () => {
    const expected = {
      cervical_spine: 'sins',
      thoracic_spine: 'sins',
      lumbar_spine: 'sins',
      sacral_spine: 'sins',
      pelvis: null,
      proximal_femur: 'mirels',
      femoral_shaft: 'mirels',
      proximal_humerus: 'mirels',
      humeral_shaft: 'mirels',
      ribs: null,
      skull: null,
      other: null,
    } as const;
    for (const site of boneLesionSites.values) {
      expect(fractureScoreFor(site)).toBe(expected[site]);
    }
  });

  it('suggests the Mirels site item', () => {
    expect(defaultMirelsSite('proximal_humerus')).toBe('upper_limb');
    expect(defaultMirelsSite('humeral_shaft')).toBe('upper_limb');
    expect(defaultMirelsSite('femoral_shaft')).toBe('lower_limb');
    expect(defaultMirelsSite('proximal_femur')).toBe('peritrochanteric');
    expect(defaultMirelsSite('lumbar_spine')).toBeNull();
    expect(defaultMirelsSite('pelvis')).toBeNull();
  });
});
