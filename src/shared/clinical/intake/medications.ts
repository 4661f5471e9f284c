import type { ClinicDate } from '../../dates';
import { medicationFlags, type MedicationFlag } from '../../domain/vocabulary';

export const PRE_EXERCISE_GLUCOSE_MIN_MMOL_L = 5.5;

const cancerExerciseToolkit = 'Cancer Exercise Toolkit (TREK, cancerexercisetoolkit.trekeducation.org)';

/** Generic names only; matched as substrings so salts and combinations (e.g. "oxycodone/naloxone") still match. */
export const medicationGenerics: Record<MedicationFlag, readonly string[]> = {
  beta_blocker: [
    'metoprolol',
    'atenolol',
    'bisoprolol',
    'carvedilol',
    'propranolol',
    'nebivolol',
    'labetalol',
    'sotalol',
    'acebutolol',
    'betaxolol',
    'esmolol',
    'nadolol',
    'pindolol',
    'timolol',
    'oxprenolol',
  ],
  heart_rate_lowering: ['diltiazem', 'verapamil', 'ivabradine', 'digoxin'],
  anticoagulant: [
    'warfarin',
    'apixaban',
    'rivaroxaban',
    'edoxaban',
    'dabigatran',
    'enoxaparin',
    'dalteparin',
    'tinzaparin',
    'heparin',
    'fondaparinux',
    'acenocoumarol',
    'phenprocoumon',
  ],
  glucose_lowering: [
    'insulin',
    'gliclazide',
    'glipizide',
    'glimepiride',
    'glibenclamide',
    'glyburide',
    'tolbutamide',
    // Meglitinides release insulin too, so they carry the same hypoglycaemia risk.
    'repaglinide',
    'nateglinide',
  ],
  corticosteroid: ['dexamethasone', 'prednisolone', 'prednisone', 'hydrocortisone', 'betamethasone', 'deflazacort'],
  opioid: [
    'morphine',
    'oxycodone',
    'hydromorphone',
    'fentanyl',
    'tramadol',
    'codeine',
    'tapentadol',
    'methadone',
    'buprenorphine',
    'hydrocodone',
    'oxymorphone',
    'pethidine',
    'meperidine',
  ],
};

/** A suggestion for the clinician to confirm: brand names and unlisted drugs are not recognised. */
export function suggestMedicationFlags(name: string): MedicationFlag[] {
  const normalised = name.toLowerCase().replace(/[^a-z]/g, '');
  if (normalised.length === 0) return [];
  return medicationFlags.values.filter((flag) =>
    medicationGenerics[flag].some((generic) => normalised.includes(generic)),
  );
}

export interface MedicationAdvice {
  title: string;
  advice: string;
  source?: string;
}

export const medicationFlagAdvice: Record<MedicationFlag, MedicationAdvice> = {
  beta_blocker: {
    title: medicationFlags.labels.beta_blocker,
    advice:
      'Heart-rate response to exercise is blunted, so heart-rate targets are unreliable. ' +
      'Set and monitor intensity with RPE and the talk test.',
    source: 'RPE and talk test: Cancers 2022;14:1528, Tbl 2',
  },
  heart_rate_lowering: {
    title: 'Heart-rate-lowering medicine',
    advice:
      'Diltiazem, verapamil, ivabradine and digoxin slow the heart, so heart-rate targets are unreliable. ' +
      'Set and monitor intensity with RPE and the talk test.',
    source: 'RPE and talk test: Cancers 2022;14:1528, Tbl 2',
  },
  anticoagulant: {
    title: medicationFlags.labels.anticoagulant,
    advice:
      'Bleeding and bruising risk: take care to prevent falls, and avoid impact and contact ' +
      'activities. Report any fall or unusual bruising.',
  },
  glucose_lowering: {
    title: medicationFlags.labels.glucose_lowering,
    advice:
      'Risk of hypoglycaemia. Check blood glucose before exercise; below ' +
      `${PRE_EXERCISE_GLUCOSE_MIN_MMOL_L} mmol/L, give 5–30 g carbohydrate first.`,
    source: cancerExerciseToolkit,
  },
  corticosteroid: {
    title: medicationFlags.labels.corticosteroid,
    advice:
      'Watch for steroid myopathy (proximal weakness, e.g. rising from a chair), bone ' +
      'fragility, and raised blood glucose.',
  },
  opioid: {
    title: medicationFlags.labels.opioid,
    advice:
      'Sedation and dizziness raise falls risk: check alertness and balance before the session. ' +
      'If analgesic use has risen since the last session, reduce the load.',
    source: 'Reduce load when analgesic use rises: PMC9335464',
  },
};

/** A medicine still counts on the day it was stopped. */
export function exerciseFlagsFrom(
  medications: ReadonlyArray<{
    flags: readonly MedicationFlag[];
    startedOn?: ClinicDate | null;
    stoppedOn?: ClinicDate | null;
  }>,
  date: ClinicDate,
): MedicationFlag[] {
  const current = new Set<MedicationFlag>();
  for (const medication of medications) {
    if (medication.stoppedOn && medication.stoppedOn < date) continue;
    if (medication.startedOn && medication.startedOn > date) continue;
    for (const flag of medication.flags) current.add(flag);
  }
  return medicationFlags.values.filter((flag) => current.has(flag));
}
