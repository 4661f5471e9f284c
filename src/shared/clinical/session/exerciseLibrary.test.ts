import { describe, expect, it } from 'vitest';
import { conflictsFor, movementTags, restrictionsForLesions } from './boneRestrictions';
import {
  exerciseMatches,
  exerciseModalities,
  findStarterExercise,
  starterExercises,
  starterTagReviews,
  type StarterExercise,
} from './exerciseLibrary';

function exercise(key: string): StarterExercise {
  const found = findStarterExercise(key);
  if (!found) throw new Error(`No starter exercise ${key}`);
  return found;
}
const asExercise = (e: StarterExercise) => ({ id: e.key, name: e.name, tags: e.tags });

describe('starter exercise library', () => {
  it('has at least 48 exercises with unique slug keys and every modality', () => {
    expect(starterExercises.length).toBeGreaterThanOrEqual(48);
    const keys = starterExercises.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    for (const modality of exerciseModalities) {
      expect(
        starterExercises.some((e) => e.modality === modality),
        modality,
      ).toBe(true);
    }
  });

  it('uses only known tags, each at most once, and a handout description for each', () => {
    for (const e of starterExercises) {
      for (const tag of e.tags) expect(movementTags, e.key).toContain(tag);
      expect(new Set(e.tags).size, e.key).toBe(e.tags.length);
      expect(e.description.length, e.key).toBeGreaterThan(20);
    }
  });

  it('keeps the tags consistent with the other fields', () => {
    for (const e of starterExercises) {
      if (e.tags.includes('weight_bearing_aerobic')) expect(e.weightBearing, e.key).toBe(true);
      if (e.chairBased) expect(e.position, e.key).toBe('seated');
      if (e.impact === 'moderate' || e.impact === 'high') expect(e.tags, e.key).toContain('impact');
      if (e.modality === 'aerobic') {
        expect(
          e.tags.some((t) => t === 'weight_bearing_aerobic' || t === 'non_weight_bearing_aerobic'),
          e.key,
        ).toBe(true);
      }
    }
    expect(starterExercises.some((e) => e.chairBased && e.modality === 'aerobic')).toBe(true);
    expect(exercise('seated_trunk_rotation_band').tags).toEqual(
      expect.arrayContaining(['spinal_rotation', 'trunk_resistance']),
    );
    expect(exercise('squat_to_chair').tags).toEqual(
      expect.arrayContaining(['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance']),
    );
    expect(exercise('squat_to_chair').weightBearing).toBe(true);
    expect(exercise('seated_shoulder_press').tags).toEqual(
      expect.arrayContaining(['shoulder_movements', 'upper_body_resistance']),
    );
  });

  it('a lumbar lesion conflicts with trunk exercises but not with a seated biceps curl', () => {
    const lumbar = restrictionsForLesions([{ id: 'L3', site: 'lumbar_spine' }]);
    const trunk = starterExercises.filter((e) => e.tags.includes('trunk_resistance'));
    expect(trunk.length).toBeGreaterThan(2);
    for (const e of trunk) expect(conflictsFor(asExercise(e), lumbar).length, e.key).toBeGreaterThan(0);
    expect(conflictsFor(asExercise(exercise('seated_biceps_curl')), lumbar)).toEqual([]);
  });

  it('a pelvic lesion conflicts with walking but not with stationary cycling', () => {
    const pelvis = restrictionsForLesions([{ id: 'P1', site: 'pelvis' }]);
    expect(conflictsFor(asExercise(exercise('walking')), pelvis).map((c) => c.tag)).toEqual(['weight_bearing_aerobic']);
    expect(conflictsFor(asExercise(exercise('stationary_cycle')), pelvis)).toEqual([]);
    expect(conflictsFor(asExercise(exercise('recumbent_cycle')), pelvis)).toEqual([]);
  });

  it('a skull lesion conflicts only with impact work', () => {
    const skull = restrictionsForLesions([{ id: 'S1', site: 'skull' }]);
    const conflicting = starterExercises.filter((e) => conflictsFor(asExercise(e), skull).length > 0).map((e) => e.key);
    expect(conflicting).toEqual(['walk_jog_intervals']);
  });
});

describe('tag review and search', () => {
  it('knee lifts are hip flexion: seated marching and the band knee lift conflict with a proximal-femur lesion', () => {
    const femur = restrictionsForLesions([{ id: 'l1', site: 'proximal_femur' }]);
    for (const key of ['seated_marching', 'marching_in_place', 'chair_aerobics', 'seated_hip_flexion_band']) {
      expect(
        conflictsFor(asExercise(exercise(key)), femur).some((c) => c.tag === 'hip_flexion_extension'),
        key,
      ).toBe(true);
    }
    // Cycling stays allowed by the scheme with a femoral lesion.
    expect(conflictsFor(asExercise(exercise('stationary_cycle')), femur)).toEqual([]);
  });

  it('finds exercises by name, description or synonym: "bike" finds the stationary cycle', () => {
    const found = (q: string) =>
      starterExercises.filter((e) => exerciseMatches({ ...e, starterKey: e.key }, q)).map((e) => e.key);
    expect(found('bike')).toContain('stationary_cycle');
    expect(found('bike')).toContain('arm_ergometer');
    expect(found('loop band knees')).toContain('seated_hip_abduction_band');
    expect(found('hip flexion')).toContain('seated_hip_flexion_band');
    expect(found('rower')).toEqual(['rowing_machine']);
    expect(found('zzz')).toEqual([]);
  });
});

describe('tag review (issue 20)', () => {
  const conflictTags = (key: string, site: Parameters<typeof restrictionsForLesions>[0][number]['site']) =>
    conflictsFor(asExercise(exercise(key)), restrictionsForLesions([{ id: 'l', site }])).map((c) => c.tag);

  it('resisted hip abduction and clams conflict with proximal-femur and pelvic lesions, as clinic policy', () => {
    for (const key of ['seated_hip_abduction_band', 'side_lying_clam', 'standing_hip_abduction']) {
      for (const site of ['proximal_femur', 'pelvis'] as const)
        expect(conflictTags(key, site), `${key} ${site}`).toContain('hip_abduction');
      expect(conflictTags(key, 'femoral_shaft'), key).not.toContain('hip_abduction');
    }
    const rule = restrictionsForLesions([{ id: 'f', site: 'proximal_femur' }])[0]!.rules.find(
      (r) => r.tag === 'hip_abduction',
    );
    expect(rule?.source).toMatch(/^Clinic policy: resisted hip abduction pulls on the greater trochanter/);
  });

  it('tags seated reaching, the band press-out, seated rows and the leg press for their spinal movement', () => {
    expect(exercise('seated_reach').tags).toEqual(expect.arrayContaining(['spinal_flexion', 'spinal_rotation']));
    expect(exercise('standing_pallof_press').tags).toContain('spinal_rotation');
    expect(exercise('band_seated_row').tags).toContain('spinal_extension');
    expect(exercise('seated_row_machine').tags).toContain('spinal_extension');
    expect(exercise('leg_press_machine').tags).toContain('spinal_flexion');
    for (const key of ['seated_reach', 'standing_pallof_press', 'seated_row_machine', 'leg_press_machine']) {
      expect(conflictTags(key, 'lumbar_spine').length, key).toBeGreaterThan(0);
    }
  });

  it('neck turns are neck movements: barred by a cervical lesion, not by a lumbar one', () => {
    expect(exercise('neck_turns').tags).toEqual(['flexibility', 'neck_movements']);
    expect(conflictTags('neck_turns', 'cervical_spine')).toEqual(['neck_movements']);
    expect(conflictTags('neck_turns', 'lumbar_spine')).toEqual([]);
    expect(conflictTags('seated_trunk_rotation_stretch', 'lumbar_spine')).toEqual(['spinal_rotation']);
  });

  it('lists every corrected exercise with the tags it was seeded with, and each now differs', () => {
    const [, issue20] = starterTagReviews;
    for (const [key, before] of Object.entries(issue20!.before)) {
      expect(exercise(key).tags, key).not.toEqual(before);
    }
  });
});
