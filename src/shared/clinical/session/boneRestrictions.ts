import type { BoneLesionSite, LesionType, WeightBearingStatus } from '../../domain/vocabulary';

/**
 * Tags name what an exercise trains or loads, in the terms of the site-based scheme (FACTS §2).
 * The cyclic hip and knee motion of walking or cycling is carried by the two aerobic tags, not by
 * hip_flexion_extension, because the scheme allows cycling with a pelvic or femoral lesion.
 */
export const movementTags = [
  'spinal_flexion',
  'spinal_extension',
  'spinal_rotation',
  'neck_movements',
  'hip_flexion_extension',
  'hip_abduction',
  'knee_flexion_extension',
  'shoulder_movements',
  'elbow_flexion_extension',
  'upper_body_resistance',
  'trunk_resistance',
  'lower_body_resistance',
  'weight_bearing_aerobic',
  'non_weight_bearing_aerobic',
  'flexibility',
  'impact',
  'heavy_load',
  'standing_lower_limb_load',
  'single_leg_balance',
] as const;
export type MovementTag = (typeof movementTags)[number];

export const movementTagLabels: Record<MovementTag, string> = {
  spinal_flexion: 'Spinal flexion',
  spinal_extension: 'Spinal extension',
  spinal_rotation: 'Spinal rotation (trunk)',
  neck_movements: 'Neck flexion/extension/rotation',
  hip_flexion_extension: 'Hip flexion/extension (strengthening or stretching)',
  hip_abduction: 'Resisted hip abduction (side-leg lifts, clams)',
  knee_flexion_extension: 'Knee flexion/extension (strengthening or stretching)',
  shoulder_movements: 'Shoulder flexion/extension/abduction/adduction',
  elbow_flexion_extension: 'Elbow flexion/extension',
  upper_body_resistance: 'Upper-body resistance',
  trunk_resistance: 'Trunk resistance',
  lower_body_resistance: 'Lower-body resistance',
  weight_bearing_aerobic: 'Weight-bearing aerobic',
  non_weight_bearing_aerobic: 'Non-weight-bearing aerobic',
  flexibility: 'Flexibility',
  impact: 'Impact or contact (jogging, jumping, contact sport)',
  heavy_load: 'Heavy load (6–8RM, ≈80–85% 1RM)',
  standing_lower_limb_load: 'Loads the legs standing (weight through the legs)',
  single_leg_balance: 'Single-leg or narrow-base balance standing (one leg loaded, or heel-to-toe)',
};

export interface BoneLesionInput {
  id: string;
  site: BoneLesionSite;
  lesionType?: LesionType | null;
  weightBearing?: WeightBearingStatus | null;
  /** Mirels points entered so far (a floor for the total); null when none are entered. */
  mirelsPoints?: number | null;
}

export interface TagRule {
  tag: MovementTag;
  reason: string;
  source: string;
  /** A clinician may clear this for the patient, with a reason (movement clearance). */
  clearable?: boolean;
  /** Why it may be cleared, with its source: shown where the clearance is offered. */
  clearableBecause?: string;
}

export interface BoneRestriction {
  lesionId: string;
  site: BoneLesionSite;
  avoid: MovementTag[];
  allowedNote: string;
  reason: string;
  source: string;
  /** Why each avoided tag is avoided, with its own source. */
  rules: TagRule[];
}

export interface BoneConflict {
  lesionId: string;
  site: BoneLesionSite;
  tag: MovementTag;
  reason: string;
  source: string;
}

export const SITE_SCHEME_SOURCE =
  'Galvão 2011 / Cormie 2013 site-based modular scheme (Trials 2018 Tbl 4; BMC Pilot Feasib Stud 2020 Tbl 2; PMC9335464 Tbl 2)';
const EXTRAPOLATION = 'Pacewise conservative extrapolation (not in the site scheme)';

export const boneLoadingRule = {
  avoid: 'heavy_load' as MovementTag,
  text: 'Start with light loads and high reps and build toward a 10–12RM. Avoid 6–8RM (≈80–85% of estimated 1RM). Reduce the load if pain rises during a set, or if pain or analgesic use has increased since the last session.',
  source: 'PMC9335464 (loading rules with bone metastases)',
} as const;

const SPINAL: MovementTag[] = ['spinal_flexion', 'spinal_extension', 'spinal_rotation'];

/**
 * PMC9335464 Tbl 2, note a: resistance exercises that load the affected region "can be either
 * omitted … or performed using a 'start low, go slow' approach, depending on patient characteristics
 * and the experience of the involved trainer". So the scheme's resistance movements give way to a
 * clinician's clearance for the patient, with a reason; weight-bearing aerobic work, the spinal
 * flexibility rows, impact, heavy loads and a medical weight-bearing order do not.
 */
export const START_LOW_GO_SLOW =
  'PMC9335464 Tbl 2 note a: resistance exercise loading the affected region may be done "start low, go slow" instead of omitted, by patient and trainer';
export const RESISTANCE_TAGS: readonly MovementTag[] = [
  'shoulder_movements',
  'elbow_flexion_extension',
  'hip_flexion_extension',
  'knee_flexion_extension',
  'trunk_resistance',
  'hip_abduction',
];

interface SiteRule {
  avoid: MovementTag[];
  allowedNote: string;
  reason: string;
  source: string;
}

const pelvisRule: SiteRule = {
  avoid: ['hip_flexion_extension', 'weight_bearing_aerobic'],
  allowedNote:
    'Upper-body and trunk resistance allowed; lower-body resistance without hip flexion/extension (knee work allowed); non-weight-bearing aerobic (e.g. cycling); flexibility.',
  reason: 'Pelvic lesion: no hip flexion/extension work and no weight-bearing aerobic exercise.',
  source: SITE_SCHEME_SOURCE,
};

const thoracicRule: SiteRule = {
  avoid: ['shoulder_movements', 'trunk_resistance', ...SPINAL],
  allowedNote:
    'Upper-body resistance without shoulder flexion/extension/abduction/adduction (elbow work allowed); lower-body resistance; weight-bearing and non-weight-bearing aerobic; flexibility without spinal flexion/extension/rotation.',
  reason:
    'Thoracic spine or rib lesion: no shoulder movements under load, no trunk resistance, no spinal flexion/extension/rotation.',
  source: SITE_SCHEME_SOURCE,
};

const femurRule: SiteRule = {
  avoid: ['hip_flexion_extension', 'knee_flexion_extension', 'weight_bearing_aerobic'],
  allowedNote:
    'Upper-body and trunk resistance; non-weight-bearing aerobic; flexibility. Knee flexion/extension is avoided because one protocol in the scheme excludes it; the clinician may allow it.',
  reason:
    'Femoral lesion: no hip flexion/extension, no weight-bearing aerobic, and (conservatively) no knee flexion/extension.',
  source: SITE_SCHEME_SOURCE,
};

const humerusRule: SiteRule = {
  avoid: ['shoulder_movements', 'elbow_flexion_extension'],
  allowedNote:
    'Trunk and lower-body resistance; weight-bearing and non-weight-bearing aerobic. Elbow work is avoided because one protocol in the scheme excludes it; the clinician may allow it. Flexibility is not addressed by the scheme for this site.',
  reason: 'Humeral lesion: no shoulder movements and (conservatively) no elbow flexion/extension.',
  source: SITE_SCHEME_SOURCE,
};

const SITE_SCHEME_2020 = 'BMC Pilot Feasib Stud 2020 Tbl 2 (cervical spine row of the site-based scheme)';

const siteRules: Record<BoneLesionSite, SiteRule> = {
  pelvis: pelvisRule,
  sacral_spine: {
    ...pelvisRule,
    reason:
      'Sacral lesion, treated like the pelvis: no hip flexion/extension work and no weight-bearing aerobic exercise.',
    source: `${SITE_SCHEME_SOURCE} (pelvis row); applying it to the sacrum is ${EXTRAPOLATION}`,
  },
  lumbar_spine: {
    avoid: ['trunk_resistance', 'weight_bearing_aerobic', ...SPINAL],
    allowedNote:
      'Upper- and lower-body resistance; non-weight-bearing aerobic; flexibility without spinal flexion/extension/rotation.',
    reason: 'Lumbar lesion: no trunk resistance, no weight-bearing aerobic, no spinal flexion/extension/rotation.',
    source: SITE_SCHEME_SOURCE,
  },
  thoracic_spine: thoracicRule,
  ribs: { ...thoracicRule, reason: thoracicRule.reason.replace('Thoracic spine or rib', 'Rib') },
  sternum: {
    ...thoracicRule,
    reason:
      'Sternal lesion, treated like the ribs: no shoulder movements under load, no trunk resistance, no spinal flexion/extension/rotation.',
    source: `${SITE_SCHEME_SOURCE} (thoracic spine/ribs row); applying it to the sternum is ${EXTRAPOLATION}`,
  },
  // The 2020 table has a cervical row; its "spinal flexion/extension/rotation" is read here as the
  // neck, which is why neck movements are a tag of their own (a lumbar lesion does not bar neck turns).
  cervical_spine: {
    avoid: ['shoulder_movements', 'trunk_resistance', 'neck_movements'],
    allowedNote:
      'Upper-body resistance without shoulder flexion/extension/abduction/adduction (elbow work allowed); lower-body resistance; weight-bearing and non-weight-bearing aerobic; flexibility without neck flexion/extension/rotation.',
    reason:
      'Cervical lesion: no shoulder movements under load, no trunk resistance, no neck flexion/extension/rotation.',
    source: `${SITE_SCHEME_2020}; reading its spinal flexion/extension/rotation as the neck is ${EXTRAPOLATION}`,
  },
  proximal_femur: femurRule,
  femoral_shaft: {
    ...femurRule,
    source: `${SITE_SCHEME_SOURCE} (proximal femur row); applying it to the femoral shaft is ${EXTRAPOLATION}`,
  },
  tibia: {
    ...femurRule,
    reason:
      'Tibial lesion, treated like the femur (a weight-bearing long bone): no hip or knee flexion/extension work and no weight-bearing aerobic.',
    source: `${SITE_SCHEME_SOURCE} (proximal femur row); applying it to the tibia is ${EXTRAPOLATION}`,
  },
  proximal_humerus: humerusRule,
  humeral_shaft: {
    ...humerusRule,
    source: `${SITE_SCHEME_SOURCE} (proximal humerus row); applying it to the humeral shaft is ${EXTRAPOLATION}`,
  },
  scapula: {
    avoid: ['shoulder_movements'],
    allowedNote:
      'Elbow work, trunk and lower-body resistance; weight-bearing and non-weight-bearing aerobic. No shoulder movements under load.',
    reason: 'Scapular lesion, treated like the shoulder end of the humerus: no shoulder movements under load.',
    source: `${SITE_SCHEME_SOURCE} (proximal humerus row); applying it to the scapula is ${EXTRAPOLATION}`,
  },
  clavicle: {
    avoid: ['shoulder_movements'],
    allowedNote:
      'Elbow work, trunk and lower-body resistance; weight-bearing and non-weight-bearing aerobic. No shoulder movements under load.',
    reason: 'Clavicle lesion, treated like the shoulder end of the humerus: no shoulder movements under load.',
    source: `${SITE_SCHEME_SOURCE} (proximal humerus row); applying it to the clavicle is ${EXTRAPOLATION}`,
  },
  skull: {
    avoid: [],
    allowedNote: 'No movement restriction from this site.',
    reason: 'Skull lesion: no movement restriction; avoid impact and contact.',
    source: EXTRAPOLATION,
  },
  other: {
    avoid: [],
    allowedNote: 'No movement restriction from the site scheme; check the lesion with the medical team.',
    reason: 'Lesion at a site the scheme does not cover: no movement restriction; avoid impact and contact.',
    source: EXTRAPOLATION,
  },
};

/** Clinic policy: the gluteal pull on the greater trochanter (no source read addresses it). */
export const TROCHANTERIC_PULL_SOURCE =
  'Clinic policy: resisted hip abduction pulls on the greater trochanter (no source read addresses it)';
const TROCHANTERIC_SITES: readonly BoneLesionSite[] = ['proximal_femur', 'pelvis'];

const impactRule: TagRule = {
  tag: 'impact',
  reason: 'Any bone lesion: avoid impact and contact, which put sudden loads through bone.',
  source: EXTRAPOLATION,
};

const heavyLoadTagRule: TagRule = {
  tag: 'heavy_load',
  reason: `Any bone lesion: ${boneLoadingRule.text}`,
  source: boneLoadingRule.source,
};

/** No source addresses single-leg or standing loading with these lesions (FACTS §2): clinic policy. */
export const STANDING_LOAD_SOURCE =
  'Clinic policy: no source addresses single-leg or standing loading of an at-risk limb (FACTS §2; Hart 2018, Trials 19:695, Tbl 4 bans weight-bearing aerobic work only)';
const LOWER_LIMB_SITES: readonly BoneLesionSite[] = ['proximal_femur', 'femoral_shaft', 'tibia'];
const PELVIC_SITES: readonly BoneLesionSite[] = ['pelvis', 'sacral_spine'];
/** Mirels ≥9: about 33% or more fracture risk, prophylactic fixation considered (Mirels 1989). */
export const MIRELS_HIGH_FROM = 9;

/** Standing and single-leg rules for a lower-limb or pelvic lesion (issue 11), before any clearance. */
function standingRules(lesion: BoneLesionInput): TagRule[] {
  const rules: TagRule[] = [];
  if (lesion.weightBearing === 'partial' || lesion.weightBearing === 'non_weight_bearing') {
    rules.push({
      tag: 'standing_lower_limb_load',
      reason: `${lesion.weightBearing === 'partial' ? 'Partial' : 'Non'}-weight-bearing status: no exercise that loads the legs standing.`,
      source: STANDING_LOAD_SOURCE,
    });
  }
  const pelvic = PELVIC_SITES.includes(lesion.site);
  const highMirels = LOWER_LIMB_SITES.includes(lesion.site) && (lesion.mirelsPoints ?? 0) >= MIRELS_HIGH_FROM;
  if (pelvic || highMirels) {
    rules.push({
      tag: 'single_leg_balance',
      reason: `${pelvic ? 'Pelvic lesion' : `Mirels ${lesion.mirelsPoints} (≥${MIRELS_HIGH_FROM})`}: no single-leg or balance work until a clinician clears it for this patient.`,
      source: STANDING_LOAD_SOURCE,
      clearable: true,
      clearableBecause: STANDING_LOAD_SOURCE,
    });
  }
  return rules;
}

/**
 * What each lesion rules out. `cleared` lists the tags a clinician has cleared for this patient:
 * only clearable rules give way to it.
 */
export function restrictionsForLesions(
  lesions: readonly BoneLesionInput[],
  cleared: readonly MovementTag[] = [],
): BoneRestriction[] {
  return lesions.map((lesion) => {
    const site = siteRules[lesion.site];
    const resisted = (tag: MovementTag) => RESISTANCE_TAGS.includes(tag);
    const rules: TagRule[] = [
      ...site.avoid.map((tag) => ({
        tag,
        reason: site.reason,
        source: site.source,
        ...(resisted(tag) ? { clearable: true, clearableBecause: START_LOW_GO_SLOW } : {}),
      })),
      ...(TROCHANTERIC_SITES.includes(lesion.site)
        ? [
            {
              tag: 'hip_abduction' as const,
              reason: `${lesion.site === 'pelvis' ? 'Pelvic' : 'Proximal femur'} lesion: no resisted hip abduction (side-leg lifts, clams), which pulls on the greater trochanter.`,
              source: TROCHANTERIC_PULL_SOURCE,
              clearable: true,
              clearableBecause: START_LOW_GO_SLOW,
            },
          ]
        : []),
      impactRule,
      heavyLoadTagRule,
      ...standingRules(lesion),
    ].filter((rule) => !(rule.clearable && cleared.includes(rule.tag)));
    const lytic =
      lesion.lesionType === 'lytic'
        ? ' Lytic lesion: scores higher fracture risk than blastic (Mirels 1989; SINS, Fisher 2010); seek a stability opinion (Mirels/SINS or orthopaedic).'
        : '';
    return {
      lesionId: lesion.id,
      site: lesion.site,
      avoid: rules.map((r) => r.tag),
      allowedNote: `${site.allowedNote} ${boneLoadingRule.text}${lytic}`,
      reason: site.reason,
      source: site.source,
      rules,
    };
  });
}

/** The clearable rules of the lesions as recorded, before any clearance: what the plan may offer to clear. */
export function clearableRules(lesions: readonly BoneLesionInput[]): TagRule[] {
  const all = restrictionsForLesions(lesions).flatMap((r) => r.rules.filter((rule) => rule.clearable));
  return [...new Map(all.map((rule) => [rule.tag, rule])).values()];
}

export function conflictsFor(
  exercise: { id: string; name: string; tags: readonly MovementTag[] },
  restrictions: readonly BoneRestriction[],
): BoneConflict[] {
  const conflicts: BoneConflict[] = [];
  for (const restriction of restrictions) {
    for (const rule of restriction.rules) {
      if (exercise.tags.includes(rule.tag)) {
        conflicts.push({
          lesionId: restriction.lesionId,
          site: restriction.site,
          tag: rule.tag,
          reason: rule.reason,
          source: rule.source,
        });
      }
    }
  }
  return conflicts;
}
