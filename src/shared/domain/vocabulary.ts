/**
 * The controlled vocabulary Pacewise stores. Each list is the single source for its zod enum,
 * its database values and the labels the screens show, so a new value is added in one place.
 */

function labelled<const T extends readonly string[]>(values: T, labels: Record<T[number], string>) {
  return { values, labels } as const;
}

export const professions = labelled(
  ['exercise_physiologist', 'physiotherapist', 'cancer_exercise_trainer', 'other'] as const,
  {
    exercise_physiologist: 'Clinical exercise physiologist',
    physiotherapist: 'Physiotherapist',
    cancer_exercise_trainer: 'Certified cancer exercise trainer',
    other: 'Other',
  },
);
export type Profession = (typeof professions.values)[number];

export const sexes = labelled(['female', 'male', 'intersex', 'unknown'] as const, {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Not recorded',
});
export type Sex = (typeof sexes.values)[number];

export const patientStatuses = labelled(['referred', 'active', 'on_hold', 'discharged', 'deceased'] as const, {
  referred: 'Referred',
  active: 'Active',
  on_hold: 'On hold',
  discharged: 'Discharged',
  deceased: 'Deceased',
});
export type PatientStatus = (typeof patientStatuses.values)[number];

export const referralPriorities = labelled(['routine', 'soon', 'urgent'] as const, {
  routine: 'Routine',
  soon: 'Soon',
  urgent: 'Urgent',
});
export type ReferralPriority = (typeof referralPriorities.values)[number];

export const contactRoles = labelled(
  ['oncologist', 'gp', 'specialist_nurse', 'dietitian', 'psychologist', 'other'] as const,
  {
    oncologist: 'Oncologist',
    gp: 'GP / primary-care physician',
    specialist_nurse: 'Specialist nurse',
    dietitian: 'Dietitian',
    psychologist: 'Psychologist',
    other: 'Other',
  },
);
export type ContactRole = (typeof contactRoles.values)[number];

export const metastaticSites = labelled(['bone', 'brain', 'lung', 'liver', 'lymph_nodes', 'other'] as const, {
  bone: 'Bone',
  brain: 'Brain',
  lung: 'Lung',
  liver: 'Liver',
  lymph_nodes: 'Lymph nodes',
  other: 'Other',
});
export type MetastaticSite = (typeof metastaticSites.values)[number];

export const boneLesionSites = labelled(
  [
    'cervical_spine',
    'thoracic_spine',
    'lumbar_spine',
    'sacral_spine',
    'pelvis',
    'proximal_femur',
    'femoral_shaft',
    'proximal_humerus',
    'humeral_shaft',
    'tibia',
    'ribs',
    'sternum',
    'scapula',
    'clavicle',
    'skull',
    'other',
  ] as const,
  {
    cervical_spine: 'Cervical spine',
    thoracic_spine: 'Thoracic spine',
    lumbar_spine: 'Lumbar spine',
    sacral_spine: 'Sacral spine',
    pelvis: 'Pelvis',
    proximal_femur: 'Proximal femur',
    femoral_shaft: 'Femoral shaft',
    proximal_humerus: 'Proximal humerus',
    humeral_shaft: 'Humeral shaft',
    tibia: 'Tibia',
    ribs: 'Ribs',
    sternum: 'Sternum',
    scapula: 'Scapula',
    clavicle: 'Clavicle',
    skull: 'Skull',
    other: 'Other',
  },
);
export type BoneLesionSite = (typeof boneLesionSites.values)[number];

export const lesionTypes = labelled(['lytic', 'blastic', 'mixed'] as const, {
  lytic: 'Lytic',
  blastic: 'Blastic',
  mixed: 'Mixed',
});
export type LesionType = (typeof lesionTypes.values)[number];

export const weightBearingStatuses = labelled(
  ['full', 'as_tolerated', 'partial', 'non_weight_bearing', 'unknown'] as const,
  {
    full: 'Full weight-bearing',
    as_tolerated: 'Weight-bearing as tolerated',
    partial: 'Partial weight-bearing',
    non_weight_bearing: 'Non-weight-bearing',
    unknown: 'Not stated',
  },
);
export type WeightBearingStatus = (typeof weightBearingStatuses.values)[number];

export const treatmentTypes = labelled(
  ['chemotherapy', 'radiotherapy', 'surgery', 'hormone', 'immunotherapy', 'targeted', 'bone_targeted'] as const,
  {
    chemotherapy: 'Chemotherapy',
    radiotherapy: 'Radiotherapy',
    surgery: 'Surgery',
    hormone: 'Hormone therapy',
    immunotherapy: 'Immunotherapy',
    targeted: 'Targeted therapy',
    bone_targeted: 'Bone-targeted agent',
  },
);
export type TreatmentType = (typeof treatmentTypes.values)[number];

/** Conditions, and the devices that change how a person may exercise (a line, a port, a stoma). */
export const comorbidityKinds = labelled(
  [
    'cardiac',
    'diabetes',
    'lymphoedema',
    'peripheral_neuropathy',
    'osteoporosis',
    'anaemia',
    'hypercalcaemia',
    'picc_line',
    'implanted_port',
    'stoma',
    'other',
  ] as const,
  {
    cardiac: 'Cardiac disease',
    diabetes: 'Diabetes',
    lymphoedema: 'Lymphoedema',
    peripheral_neuropathy: 'Peripheral neuropathy',
    osteoporosis: 'Osteoporosis',
    anaemia: 'Anaemia',
    hypercalcaemia: 'Hypercalcaemia (past or current)',
    picc_line: 'PICC line (say which arm)',
    implanted_port: 'Implanted port (say which side)',
    stoma: 'Stoma',
    other: 'Other',
  },
);
export type ComorbidityKind = (typeof comorbidityKinds.values)[number];

/** Medication classes that change how a person may exercise (issue 3 §5). */
export const medicationFlags = labelled(
  ['beta_blocker', 'heart_rate_lowering', 'anticoagulant', 'glucose_lowering', 'corticosteroid', 'opioid'] as const,
  {
    beta_blocker: 'Beta-blocker',
    heart_rate_lowering: 'Other heart-rate-lowering drug (diltiazem, verapamil, ivabradine, digoxin)',
    anticoagulant: 'Anticoagulant',
    glucose_lowering: 'Insulin, sulfonylurea or meglitinide',
    corticosteroid: 'Corticosteroid',
    opioid: 'Opioid',
  },
);
export type MedicationFlag = (typeof medicationFlags.values)[number];

export const clearanceDecisions = labelled(['no_restrictions', 'with_restrictions', 'not_cleared'] as const, {
  no_restrictions: 'Cleared, no restrictions',
  with_restrictions: 'Cleared with restrictions',
  not_cleared: 'Not cleared',
});
export type ClearanceDecision = (typeof clearanceDecisions.values)[number];

export const goalCategories = labelled(
  ['fatigue', 'mobility', 'independence', 'strength', 'mood', 'return_to_activity', 'other'] as const,
  {
    fatigue: 'Fatigue',
    mobility: 'Mobility',
    independence: 'Independence',
    strength: 'Strength',
    mood: 'Mood',
    return_to_activity: 'Return to an activity',
    other: 'Other',
  },
);
export type GoalCategory = (typeof goalCategories.values)[number];

export const goalStatuses = labelled(['active', 'achieved', 'partly_achieved', 'not_achieved', 'withdrawn'] as const, {
  active: 'Working on it',
  achieved: 'Achieved',
  partly_achieved: 'Partly achieved',
  not_achieved: 'Not achieved',
  withdrawn: 'No longer relevant',
});
export type GoalStatus = (typeof goalStatuses.values)[number];
