import type { ClinicDate } from '../../dates';
import { medicationFlags, type MedicationFlag } from '../../domain/vocabulary';
import { PRE_EXERCISE_GLUCOSE_MIN_MMOL_L } from '../intake/medications';

/**
 * The headings a guidance request lists medicines under: a medicine sits under the heading of what
 * it changes in exercise, not all under "heart-rate or blood-pressure response".
 */
export const medicineGroups = ['heartRate', 'bleeding', 'glucose', 'other'] as const;
export type MedicineGroup = (typeof medicineGroups)[number];

/**
 * Each flag's heading. A flag not listed here (corticosteroids, opioids, and any flag added later)
 * is listed under "other", so no flagged medicine is ever left out of the letter.
 */
const groupOfFlag: Partial<Record<MedicationFlag, MedicineGroup>> = {
  beta_blocker: 'heartRate',
  anticoagulant: 'bleeding',
  glucose_lowering: 'glucose',
};

export function medicineGroupOf(flag: MedicationFlag): MedicineGroup {
  return groupOfFlag[flag] ?? 'other';
}

/** What each group changes in the programme, said once under its list. */
const groupConsequence: Record<MedicineGroup, string | null> = {
  heartRate:
    'Because the heart-rate response to exercise is blunted, we will prescribe intensity by perceived exertion (RPE) and the talk test rather than heart-rate targets; please tell us of any target heart-rate range you advise.',
  bleeding:
    'We take care to prevent falls and avoid impact and contact activities; please tell us of any other bleeding precautions you advise.',
  glucose: `We check blood glucose before each session and give carbohydrate first when it is below ${PRE_EXERCISE_GLUCOSE_MIN_MMOL_L} mmol/L (Cancer Exercise Toolkit, TREK).`,
  other: null,
};

interface Medicine {
  name: string;
  dose: string | null;
  flags: readonly MedicationFlag[];
  startedOn?: ClinicDate | null;
  stoppedOn?: ClinicDate | null;
}

/**
 * The text under each heading: the current flagged medicines that belong there, then what we do
 * about them. Empty for a group with none, except heart rate, which the doctor is always told
 * about (FACTS §6: medicines that change HR or BP are noted on a clearance request).
 */
export function medicinesByGroup(medicines: readonly Medicine[], on: ClinicDate): Record<MedicineGroup, string> {
  const current = medicines.filter(
    (m) => m.flags.length > 0 && !(m.stoppedOn && m.stoppedOn < on) && !(m.startedOn && m.startedOn > on),
  );
  const text = {} as Record<MedicineGroup, string>;
  for (const group of medicineGroups) {
    const inGroup = current.flatMap((m) => {
      const flags = m.flags.filter((f) => medicineGroupOf(f) === group);
      if (flags.length === 0) return [];
      return [`${m.name}${m.dose ? ` ${m.dose}` : ''} (${flags.map((f) => medicationFlags.labels[f]).join(', ')})`];
    });
    const consequence = groupConsequence[group];
    text[group] =
      inGroup.length > 0
        ? `${inGroup.join('; ')}.${consequence ? ` ${consequence}` : ''}`
        : group === 'heartRate'
          ? 'None of the current medicines on record is known to change the heart-rate or blood-pressure response to exercise.'
          : '';
  }
  return text;
}
