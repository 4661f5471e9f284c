import { describe, expect, it } from 'vitest';
import { restrictionsForLesions } from '../session/boneRestrictions';
import { proposedTesting, proposedTraining } from './proposal';

const battery = [
  { key: 'six_minute_walk', name: 'Six-minute walk test' },
  { key: 'timed_up_and_go', name: 'Timed Up and Go' },
  { key: 'sit_to_stand_30s', name: '30-second sit-to-stand' },
  { key: 'handgrip', name: 'Handgrip strength' },
  { key: 'esas_r', name: 'Edmonton Symptom Assessment System (revised)' },
];

// A Mirels 8 proximal-femur lesion and a T8 lesion: the case the senior clinician's review read.
const femurAndSpine = restrictionsForLesions([
  { id: 'l1', site: 'proximal_femur', lesionType: 'lytic', weightBearing: 'as_tolerated', mirelsPoints: 8 },
  { id: 'l2', site: 'thoracic_spine', lesionType: 'blastic', weightBearing: 'full' },
]);

describe('the testing a guidance request proposes (IBMEWG: chosen for the person, not a fixed battery)', () => {
  it('proposes the whole battery when no lesion restricts it', () => {
    expect(proposedTesting(battery, [])).toBe(
      'Testing at baseline, once resting heart rate, blood pressure and oxygen saturation are checked: Six-minute walk test, Timed Up and Go, 30-second sit-to-stand, Handgrip strength and Edmonton Symptom Assessment System (revised).',
    );
  });

  it('holds back the walk and the chair stands for a proximal-femur lesion, naming why', () => {
    const text = proposedTesting(battery, femurAndSpine);
    expect(text).toMatch(/checked: Handgrip strength and Edmonton Symptom Assessment System \(revised\)\. Held back/);
    expect(text).toContain(
      'Held back unless you advise that they are safe: Six-minute walk test (weight-bearing aerobic: restricted with the proximal femur lesion);',
    );
    expect(text).toContain(
      '30-second sit-to-stand (hip flexion/extension; knee flexion/extension: restricted with the proximal femur lesion)',
    );
    expect(text).toContain('Timed Up and Go (hip flexion/extension: restricted with the proximal femur lesion)');
  });

  it('holds back standing tests for a non-weight-bearing lesion, and a pelvic lesion’s balance work', () => {
    const pelvis = restrictionsForLesions([{ id: 'p', site: 'pelvis', weightBearing: 'non_weight_bearing' }]);
    const text = proposedTesting([...battery, { key: 'sppb', name: 'Short Physical Performance Battery' }], pelvis);
    expect(text).toContain(
      'Short Physical Performance Battery (hip flexion/extension; loads the legs standing; single-leg or narrow-base balance standing: restricted with the pelvis lesion)',
    );
    expect(text).toMatch(/checked: Handgrip strength and Edmonton/);
  });
});

describe('the training a guidance request proposes', () => {
  it('before any plan, shapes the guideline programme by the restrictions, each with its source', () => {
    const text = proposedTraining(null, femurAndSpine);
    expect(text).toContain(
      'Training: supervised non-weight-bearing aerobic exercise such as cycling (no weight-bearing aerobic exercise with the proximal femur lesion)',
    );
    expect(text).toMatch(
      /leaving out hip flexion\/extension, knee flexion\/extension, resisted hip abduction, shoulder flexion/,
    );
    expect(text).toContain('Campbell et al., MSSE 2019');
    expect(text).toContain('Until we hear from you we keep to these restrictions for the bone lesions.');
    expect(text).toContain(
      'Femoral lesion: no hip flexion/extension, no weight-bearing aerobic, and (conservatively) no knee flexion/extension. Thoracic spine or rib lesion:',
    );
    expect(text).toContain('Source: Galvão 2011 / Cormie 2013 site-based modular scheme');
    expect(text).toContain('Avoid 6–8RM');
    expect(text).not.toContain('IBMEWG');
  });

  it('cites the app’s own extrapolations as the clinic’s, never by the app’s name', () => {
    const text = proposedTraining(null, restrictionsForLesions([{ id: 'c', site: 'cervical_spine' }]));
    expect(text).toContain('Any bone lesion: no impact or contact. Source: our own conservative extrapolation');
    expect(text).not.toContain('Pacewise');
  });

  it('with a plan, proposes the plan itself and any exercise kept despite a restriction', () => {
    const text = proposedTraining(
      {
        sessionsPerWeek: 2,
        sessionMinutes: 40,
        items: [
          { exerciseName: 'Recumbent bike', rpeMin: 11, rpeMax: 13, overrideNote: null },
          { exerciseName: 'Seated knee extension', rpeMin: 12, rpeMax: 13, overrideNote: 'Orthopaedics agreed, 1 Dec' },
        ],
      },
      femurAndSpine,
    );
    expect(text).toMatch(
      /^Training, as in the current written plan: Frequency: 2 supervised sessions a week\. Intensity: RPE 11–13 on the 6–20 Borg scale\. Time: about 40 minutes\. Type: Recumbent bike and Seated knee extension\./,
    );
    expect(text).toContain(
      'Kept despite a restriction, with the clinician’s note: Seated knee extension (“Orthopaedics agreed, 1 Dec”).',
    );
    expect(text).not.toContain('ACSM roundtable');
  });

  it('without lesions, proposes the guideline programme unchanged', () => {
    const text = proposedTraining(null, []);
    expect(text).toBe(
      'Training: supervised aerobic exercise such as walking or cycling at moderate intensity (RPE 11–13 of 20, able to talk in sentences) and resistance exercise for the major muscle groups (2 sets of 8–12 at a moderate effort), 2–3 sessions a week of about 45 minutes, in line with the ACSM roundtable guidelines (Campbell et al., MSSE 2019).',
    );
  });
});
