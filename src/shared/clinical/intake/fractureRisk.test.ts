import { describe, expect, it } from 'vitest';
import { boneLesionSites } from '../../domain/vocabulary';
import {
  defaultMirelsSite,
  fractureScoreFor,
  mirelsBandFor,
  mirelsScore,
  mirelsSiteMismatch,
  mirelsSitesFor,
  sinsBandFor,
  sinsLocationMismatch,
  sinsLocationOfLevel,
  sinsLocationsFor,
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

  it('gives every middle answer 2 points (Mirels 1989 table)', () => {
    // Lower limb 2 + mixed 2 + 1/3–2/3 of cortex 2 + moderate pain 2 = 8: the 15% "clinical judgement" band.
    const middle = mirelsScore({ site: 'lower_limb', lesion: 'mixed', size: 'one_to_two_thirds', pain: 'moderate' });
    expect(middle.total).toBe(8);
    expect(middle.band?.key).toBe('borderline');
    // One step down on each item in turn takes exactly one point off.
    expect(
      mirelsScore({ site: 'upper_limb', lesion: 'mixed', size: 'one_to_two_thirds', pain: 'moderate' }).total,
    ).toBe(7);
    expect(
      mirelsScore({ site: 'lower_limb', lesion: 'blastic', size: 'one_to_two_thirds', pain: 'moderate' }).total,
    ).toBe(7);
    expect(mirelsScore({ site: 'lower_limb', lesion: 'mixed', size: 'lt_one_third', pain: 'moderate' }).total).toBe(7);
    expect(mirelsScore({ site: 'lower_limb', lesion: 'mixed', size: 'one_to_two_thirds', pain: 'mild' }).total).toBe(7);
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
      // Issue 20: the tibia is a weight-bearing long bone, scored like the femur (Mirels 1989).
      tibia: 'mirels',
      ribs: null,
      sternum: null,
      scapula: null,
      clavicle: null,
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
    expect(defaultMirelsSite('tibia')).toBe('lower_limb');
    expect(defaultMirelsSite('proximal_femur')).toBe('peritrochanteric');
    expect(defaultMirelsSite('lumbar_spine')).toBeNull();
    expect(defaultMirelsSite('pelvis')).toBeNull();
  });
});

describe('score options that fit the lesion site', () => {
  it('allows the Mirels site item of the bone only', () => {
    expect(mirelsSitesFor('proximal_femur')).toEqual(['peritrochanteric', 'lower_limb']);
    expect(mirelsSitesFor('femoral_shaft')).toEqual(['lower_limb']);
    expect(mirelsSitesFor('proximal_humerus')).toEqual(['upper_limb']);
    expect(mirelsSitesFor('humeral_shaft')).toEqual(['upper_limb']);
    expect(mirelsSitesFor('other')).toHaveLength(3);
    expect(mirelsSiteMismatch('proximal_femur', 'upper_limb')).toBe(
      'A proximal femur lesion is scored as peritrochanteric or lower limb',
    );
    expect(mirelsSiteMismatch('humeral_shaft', 'peritrochanteric')).toBe(
      'A humeral shaft lesion is scored as upper limb',
    );
    expect(mirelsSiteMismatch('femoral_shaft', 'peritrochanteric')).toBe(
      'A femoral shaft lesion is scored as lower limb',
    );
    expect(mirelsSiteMismatch('proximal_femur', 'lower_limb')).toBeNull();
    expect(mirelsSiteMismatch('proximal_femur', null)).toBeNull();
  });

  it('gives each vertebral level its SINS location (Fisher 2010)', () => {
    const table: Array<[Parameters<typeof sinsLocationOfLevel>[0], number, string]> = [
      ['C', 1, 'junctional'],
      ['C', 2, 'junctional'],
      ['C', 3, 'mobile'],
      ['C', 6, 'mobile'],
      ['C', 7, 'junctional'],
      ['T', 1, 'junctional'],
      ['T', 2, 'junctional'],
      ['T', 3, 'semi_rigid'],
      ['T', 10, 'semi_rigid'],
      ['T', 11, 'junctional'],
      ['T', 12, 'junctional'],
      ['L', 1, 'junctional'],
      ['L', 2, 'mobile'],
      ['L', 4, 'mobile'],
      ['L', 5, 'junctional'],
      ['S', 1, 'junctional'],
      ['S', 2, 'rigid'],
      ['S', 5, 'rigid'],
    ];
    for (const [letter, level, location] of table)
      expect(sinsLocationOfLevel(letter, level), `${letter}${level}`).toBe(location);
    expect(sinsLocationOfLevel('L', 6)).toBeNull();
  });

  it('allows the SINS locations of the spinal region, narrowed by a named level', () => {
    expect(sinsLocationsFor('cervical_spine')).toEqual(['junctional', 'mobile']);
    expect(sinsLocationsFor('thoracic_spine')).toEqual(['junctional', 'semi_rigid']);
    expect(sinsLocationsFor('lumbar_spine')).toEqual(['junctional', 'mobile']);
    expect(sinsLocationsFor('sacral_spine')).toEqual(['junctional', 'rigid']);
    expect(sinsLocationsFor('lumbar_spine', 'L3 vertebral body')).toEqual(['mobile']);
    expect(sinsLocationsFor('lumbar_spine', 'L5')).toEqual(['junctional']);
    expect(sinsLocationsFor('thoracic_spine', 'T10–T11')).toEqual(['junctional', 'semi_rigid']);
    expect(sinsLocationsFor('cervical_spine', 'occiput to C2')).toEqual(['junctional']);
    // A level of another region (or an MRI "T2") does not narrow the lesion's own region.
    expect(sinsLocationsFor('cervical_spine', 'C5, T2 bright')).toEqual(['mobile']);
    expect(sinsLocationsFor('lumbar_spine', 'posterior elements')).toEqual(['junctional', 'mobile']);
    expect(sinsLocationsFor('other')).toHaveLength(4);
  });

  it('names the fitting options when the SINS location does not fit', () => {
    expect(sinsLocationMismatch('lumbar_spine', 'L3', 'rigid')).toBe('L3 is scored as mobile spine');
    expect(sinsLocationMismatch('lumbar_spine', null, 'rigid')).toBe(
      'A lumbar spine lesion is scored as junctional or mobile spine',
    );
    expect(sinsLocationMismatch('lumbar_spine', 'L1', 'mobile')).toBe('L1 is scored as junctional');
    expect(sinsLocationMismatch('thoracic_spine', 'T6', 'mobile')).toBe('T6 is scored as semi-rigid');
    expect(sinsLocationMismatch('sacral_spine', 'S3', 'rigid')).toBeNull();
    expect(sinsLocationMismatch('sacral_spine', 'S1', 'junctional')).toBeNull();
    expect(sinsLocationMismatch('lumbar_spine', 'L3', null)).toBeNull();
  });
});
