import { conflictsFor, type BoneConflict, type BoneRestriction, type MovementTag } from '../session/boneRestrictions';
import type { BuiltInMeasureKey } from './catalog';

/**
 * What each physical outcome test asks of the body, in the bone-restriction tags, so an assessment
 * is checked against the lesions like a plan is (IBMEWG, Campbell et al., JCO Oncol Pract 2022:
 * choose the test by its goal, after the skeletal risk assessment). Taken from each test's own
 * procedure in the catalogue: the six-minute walk is weight-bearing walking, the chair stands load
 * hip and knee flexion and extension, the SPPB's tandem stance is narrow-base balance.
 */
export interface OutcomeTestDemand {
  tags: readonly MovementTag[];
  /** The demand in a clinician's words, for the warning. */
  what: string;
}

export const outcomeTestDemands: Partial<Record<BuiltInMeasureKey, OutcomeTestDemand>> = {
  six_minute_walk: {
    tags: ['weight_bearing_aerobic', 'standing_lower_limb_load'],
    what: 'six minutes of weight-bearing walking',
  },
  sit_to_stand_30s: {
    tags: ['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance', 'standing_lower_limb_load'],
    what: 'repeated rising from a chair, loading hip and knee flexion and extension',
  },
  five_times_sit_to_stand: {
    tags: ['hip_flexion_extension', 'knee_flexion_extension', 'lower_body_resistance', 'standing_lower_limb_load'],
    what: 'five fast chair rises, loading hip and knee flexion and extension',
  },
  timed_up_and_go: {
    tags: ['hip_flexion_extension', 'knee_flexion_extension', 'standing_lower_limb_load'],
    what: 'rising from a chair, walking 3 m, turning and sitting',
  },
  gait_speed_4m: { tags: ['standing_lower_limb_load'], what: 'a 4 m walk at usual pace' },
  sppb: {
    tags: ['single_leg_balance', 'hip_flexion_extension', 'knee_flexion_extension', 'standing_lower_limb_load'],
    what: 'tandem stance (narrow-base balance), a 4 m walk and five chair rises',
  },
};

export interface OutcomeTestConflict {
  measureKey: string;
  what: string;
  conflicts: BoneConflict[];
}

/**
 * The outcome tests among `measureKeys` that a bone-lesion restriction rules out, with every
 * conflict and its reason and source. Questionnaires and grip strength load nothing and never
 * appear. Pass the restrictions after the patient's movement clearances (as the plan uses them).
 */
export function outcomeTestConflicts(
  measureKeys: readonly string[],
  restrictions: readonly BoneRestriction[],
): OutcomeTestConflict[] {
  const found: OutcomeTestConflict[] = [];
  for (const key of new Set(measureKeys)) {
    const demand = outcomeTestDemands[key as BuiltInMeasureKey];
    if (!demand) continue;
    const conflicts = conflictsFor({ id: key, name: key, tags: demand.tags }, restrictions);
    if (conflicts.length > 0) found.push({ measureKey: key, what: demand.what, conflicts });
  }
  return found;
}
