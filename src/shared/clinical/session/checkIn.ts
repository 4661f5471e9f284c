import { esasSymptoms, type EsasSymptom } from '../measures/catalog';
import type { EsasCompletedBy } from '../measures/esasForm';
import { redFlagIds, type RedFlagId } from './redFlags';
import type { RedFlagAnswer } from './redFlagQuestions';

/**
 * What a patient answers at check-in on the clinic's device, and how those answers reach the
 * pre-session screen: the ESAS-r items that the screen also asks prefill its fields (for the
 * clinician to confirm or correct), and a red flag answered "yes" or "not sure" holds the screen
 * until the clinician has asked about it and recorded what they found.
 */
export interface CheckInAnswers {
  completedBy: EsasCompletedBy;
  /** ESAS-r items rated 0–10 "now"; an item skipped is absent (a partial ESAS-r). */
  esas: Partial<Record<EsasSymptom, number>>;
  /** The optional tenth item: the problem in the person's words and its rating. */
  other: { problem: string; score: number | null } | null;
  /** Each red-flag question answered; a question left unanswered is absent. */
  redFlags: Partial<Record<RedFlagId, RedFlagAnswer>>;
  anythingElse: string | null;
}

/** The ESAS-r items that have a field on the pre-session screen, and that field. */
export const esasScreenFields = {
  pain: 'pain0to10',
  fatigue: 'fatigue0to10',
  nausea: 'nausea0to10',
  shortness_of_breath: 'breathlessness0to10',
} as const satisfies Partial<Record<EsasSymptom, string>>;

export type PrefilledField = (typeof esasScreenFields)[keyof typeof esasScreenFields];
/** The same fields as a list (the contract's enum); a test keeps it equal to esasScreenFields. */
export const prefilledFields = [
  'pain0to10',
  'fatigue0to10',
  'nausea0to10',
  'breathlessness0to10',
] as const satisfies readonly PrefilledField[];
export const prefilledFieldLabels: Record<PrefilledField, string> = {
  pain0to10: 'pain',
  fatigue0to10: 'fatigue',
  nausea0to10: 'nausea',
  breathlessness0to10: 'breathlessness',
};

/** The screen's symptom values from the patient's answers: only items answered, only fields the screen has. */
export function screenPrefill(answers: Pick<CheckInAnswers, 'esas'>): Partial<Record<PrefilledField, number>> {
  const prefill: Partial<Record<PrefilledField, number>> = {};
  for (const [symptom, field] of Object.entries(esasScreenFields) as Array<[EsasSymptom, PrefilledField]>) {
    const score = answers.esas[symptom];
    if (typeof score === 'number') prefill[field] = score;
  }
  return prefill;
}

/** Red flags the patient reported ("yes" or "not sure": either needs the clinician), in checklist order. */
export function reportedRedFlags(answers: Pick<CheckInAnswers, 'redFlags'>): RedFlagId[] {
  return redFlagIds.filter((id) => answers.redFlags[id] === 'yes' || answers.redFlags[id] === 'not_sure');
}

/** Reported flags the clinician has not yet reviewed: each holds the screen. */
export function flagsAwaitingReview(
  answers: Pick<CheckInAnswers, 'redFlags'>,
  reviewed: Iterable<string>,
): RedFlagId[] {
  const done = new Set(reviewed);
  return reportedRedFlags(answers).filter((id) => !done.has(id));
}

/** The ESAS-r components as the measure is scored (measures/scoring.ts): blanks as null. */
export function esasComponentsFrom(
  answers: Pick<CheckInAnswers, 'esas' | 'other'>,
): Record<EsasSymptom | 'other', number | null> {
  const components = Object.fromEntries(esasSymptoms.map((s) => [s, answers.esas[s] ?? null])) as Record<
    EsasSymptom | 'other',
    number | null
  >;
  components.other = answers.other?.score ?? null;
  return components;
}

export function esasAnswered(answers: Pick<CheckInAnswers, 'esas'>): number {
  return esasSymptoms.filter((s) => typeof answers.esas[s] === 'number').length;
}

export interface UnreviewedPrefill {
  field: PrefilledField;
  reported: number;
  message: string;
}

/**
 * Prefilled values the clinician has neither confirmed nor changed. A value still equal to what the
 * patient reported needs the clinician's confirmation; a changed value is a correction (the patient's
 * answer stays on the check-in, the clinician's on the screen). A blanked field is a correction too.
 */
export function unreviewedPrefills(
  prefill: Partial<Record<PrefilledField, number>>,
  values: Partial<Record<PrefilledField, number | null | undefined>>,
  confirmed: readonly string[],
): UnreviewedPrefill[] {
  const problems: UnreviewedPrefill[] = [];
  for (const field of prefilledFields) {
    const reported = prefill[field];
    if (reported === undefined || confirmed.includes(field)) continue;
    if (values[field] === reported) {
      problems.push({
        field,
        reported,
        message: `Confirm the patient’s ${prefilledFieldLabels[field]} (${reported}) or correct it`,
      });
    }
  }
  return problems;
}
