import { describe, expect, it } from 'vitest';
import type { MirelsComponents, SinsComponents } from './fractureRisk';
import { skeletalRiskNote, skeletalRiskSummary, type SkeletalLesion } from './skeletalRisk';

const sins9: SinsComponents = {
  location: 'mobile', // 2
  pain: 'mechanical', // 3
  lesion: 'lytic', // 2
  alignment: 'normal', // 0
  collapse: 'lt_50', // 2
  posterolateral: 'none', // 0
};
const sins4: SinsComponents = {
  ...sins9,
  pain: 'none',
  collapse: 'none',
  location: 'semi_rigid',
  lesion: 'lytic',
  posterolateral: 'unilateral',
};
const sins13: SinsComponents = { ...sins9, alignment: 'subluxation' };
const mirels = (total: 7 | 8 | 9): MirelsComponents => ({
  site: 'lower_limb', // 2
  lesion: 'lytic', // 3
  size: total === 7 ? 'lt_one_third' : 'one_to_two_thirds', // 1 or 2
  pain: total === 9 ? 'moderate' : 'mild', // 1 or 2
});

function lesion(partial: Partial<SkeletalLesion> & Pick<SkeletalLesion, 'site'>): SkeletalLesion {
  return { id: partial.site, lesionType: 'lytic', weightBearing: 'full', ...partial };
}

describe('skeletal risk summary', () => {
  it('is none with no lesions', () => {
    const summary = skeletalRiskSummary([]);
    expect(summary.level).toBe('none');
    expect(summary.reasons).toEqual([]);
    expect(summary.lines).toEqual([]);
  });

  it('writes the reason in clinical words', () => {
    const summary = skeletalRiskSummary([lesion({ site: 'lumbar_spine', sins: sins9 })]);
    expect(summary.level).toBe('moderate');
    expect(summary.reasons).toEqual(['Lytic lesion, lumbar spine, SINS 9 potentially unstable']);
    expect(summary.lines[0]?.scoreText).toBe('SINS 9 potentially unstable');
    expect(summary.flags.anySpinal).toBe(true);
    expect(summary.flags.surgicalOpinionWarranted).toBe(true);
  });

  it('is high for Mirels 9 or more, SINS 13 or more, or non-weight-bearing', () => {
    const femur = skeletalRiskSummary([lesion({ site: 'femoral_shaft', mirels: mirels(9) })]);
    expect(femur.level).toBe('high');
    expect(femur.flags.anyLongBoneHigh).toBe(true);
    expect(femur.reasons[0]).toBe('Lytic lesion, femoral shaft, Mirels 9 high risk');

    const spine = skeletalRiskSummary([lesion({ site: 'thoracic_spine', sins: sins13 })]);
    expect(spine.level).toBe('high');
    expect(spine.flags.anyLongBoneHigh).toBe(false);

    const nwb = skeletalRiskSummary([
      lesion({ site: 'pelvis', lesionType: 'blastic', weightBearing: 'non_weight_bearing' }),
    ]);
    expect(nwb.level).toBe('high');
    expect(nwb.flags.nonWeightBearing).toBe(true);
    expect(nwb.reasons[0]).toMatch(/non-weight-bearing/);
  });

  it('is moderate for Mirels 8, SINS 7–12, or an unscored lytic lesion at a loaded site', () => {
    expect(skeletalRiskSummary([lesion({ site: 'proximal_femur', mirels: mirels(8) })]).level).toBe('moderate');
    for (const site of ['lumbar_spine', 'proximal_femur', 'humeral_shaft', 'pelvis'] as const) {
      const summary = skeletalRiskSummary([lesion({ site })]);
      expect(summary.level, site).toBe('moderate');
    }
    const pelvis = skeletalRiskSummary([lesion({ site: 'pelvis' })]);
    expect(pelvis.lines[0]?.scoreText).toBe('no validated fracture score for this site');
  });

  it('is low when every lesion scores low or has no score to give', () => {
    const summary = skeletalRiskSummary([
      lesion({ site: 'femoral_shaft', mirels: mirels(7) }),
      lesion({ site: 'thoracic_spine', sins: sins4 }),
      lesion({ site: 'ribs', lesionType: 'blastic' }),
      lesion({ site: 'pelvis', lesionType: 'blastic' }),
    ]);
    expect(summary.level).toBe('low');
    expect(summary.reasons).toHaveLength(4);
    expect(summary.lines[1]?.scoreText).toBe('SINS 4 stable');
    expect(summary.flags.surgicalOpinionWarranted).toBe(false);
  });

  it('marks a blastic lesion awaiting its score as unscored, not low', () => {
    const summary = skeletalRiskSummary([
      lesion({ site: 'femoral_shaft', mirels: mirels(7) }),
      lesion({ id: 'b', site: 'proximal_humerus', lesionType: 'blastic' }),
    ]);
    expect(summary.level).toBe('unscored');
    expect(summary.reasons).toEqual(['Blastic lesion, proximal humerus, Mirels not scored']);
    expect(summary.flags.anyUnscored).toBe(true);
  });

  it('treats an unrecorded lesion type as possibly lytic, unless a score says otherwise', () => {
    expect(skeletalRiskSummary([lesion({ site: 'lumbar_spine', lesionType: null })]).level).toBe('moderate');
    const fromScore = skeletalRiskSummary([
      lesion({ site: 'thoracic_spine', lesionType: null, sins: { ...sins4, lesion: 'blastic' } }),
    ]);
    expect(fromScore.level).toBe('low');
    expect(fromScore.lines[0]?.lesionType).toBe('blastic');
    expect(fromScore.reasons[0]).toMatch(/^Blastic lesion, thoracic spine, SINS 2 stable$/);
  });

  it('uses a partial score as a floor', () => {
    const partial = skeletalRiskSummary([
      lesion({
        site: 'cervical_spine',
        lesionType: 'blastic',
        sins: {
          location: 'junctional',
          alignment: 'subluxation',
          collapse: 'gt_50',
          posterolateral: 'bilateral',
        },
      }),
    ]);
    expect(partial.level).toBe('high');
    expect(partial.lines[0]?.scoreText).toBe('SINS incomplete (at least 13; missing pain, bone lesion)');
    const mirelsPartial = skeletalRiskSummary([
      lesion({
        site: 'humeral_shaft',
        lesionType: 'blastic',
        mirels: { site: 'upper_limb', size: 'lt_one_third' },
      }),
    ]);
    expect(mirelsPartial.level).toBe('unscored');
    expect(mirelsPartial.flags.anyUnscored).toBe(true);
  });

  it('takes the worst lesion and lists only the lesions at that level', () => {
    const summary = skeletalRiskSummary([
      lesion({ site: 'ribs', lesionType: 'lytic' }),
      lesion({ site: 'lumbar_spine', sins: sins9 }),
      lesion({ site: 'proximal_femur', mirels: mirels(9), radiotherapy: true, surgery: true }),
    ]);
    expect(summary.level).toBe('high');
    expect(summary.lines.map((line) => line.level)).toEqual(['unscored', 'moderate', 'high']);
    expect(summary.reasons).toEqual([
      'Lytic lesion, proximal femur, Mirels 9 high risk, radiotherapy given, surgically treated',
    ]);
  });

  it('scores an "other" site with whichever score was entered', () => {
    const tibia = skeletalRiskSummary([lesion({ site: 'other', mirels: mirels(9) })]);
    expect(tibia.level).toBe('high');
    expect(tibia.flags.anyLongBoneHigh).toBe(true);
    expect(skeletalRiskSummary([lesion({ site: 'other' })]).level).toBe('unscored');
    expect(skeletalRiskSummary([lesion({ site: 'other', lesionType: 'blastic' })]).level).toBe('low');
  });

  it('never calls a lytic or mixed lesion at a site with no validated score "low"', () => {
    for (const site of ['ribs', 'skull', 'other'] as const) {
      for (const lesionType of ['lytic', 'mixed', null] as const) {
        const summary = skeletalRiskSummary([lesion({ site, lesionType })]);
        expect(summary.level, `${site} ${lesionType}`).toBe('unscored');
        expect(summary.label).toBe('Not scored: clinical judgement');
        expect(summary.lines[0]?.scoreText).toBe('no validated score: clinical judgement');
      }
    }
    const pelvis = skeletalRiskSummary([lesion({ site: 'pelvis', lesionType: 'mixed' })]);
    expect(pelvis.level).toBe('unscored');
    expect(pelvis.reasons).toEqual(['Mixed lesion, pelvis, no validated score: clinical judgement']);
    // A lytic pelvic lesion stays at the higher "moderate" it already had.
    expect(skeletalRiskSummary([lesion({ site: 'pelvis' })]).level).toBe('moderate');
  });

  it('counts partial weight-bearing as moderate', () => {
    const summary = skeletalRiskSummary([
      lesion({ site: 'femoral_shaft', mirels: mirels(7), weightBearing: 'partial' }),
    ]);
    expect(summary.level).toBe('moderate');
    expect(summary.flags.partialWeightBearing).toBe(true);
  });

  it('says it is not the IBMEWG classification', () => {
    expect(skeletalRiskSummary([]).note).toBe(skeletalRiskNote.text);
    expect(skeletalRiskNote.text).toMatch(/not the IBMEWG/);
  });
});
