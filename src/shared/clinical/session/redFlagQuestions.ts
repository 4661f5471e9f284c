import { redFlags, type RedFlag, type RedFlagId } from './redFlags';

/**
 * Each red flag of the pre-session screen (redFlags.ts) as the patient is asked it at check-in, in
 * plain words. One line per flag, and the type requires every flag: a new flag does not build until
 * it has its question, or says why a patient is not asked it (null: a finding only the clinician can
 * make), so the patient is never asked less than they could tell.
 */
export const redFlagQuestions = {
  chest_pain: 'Do you have any pain, tightness or pressure in your chest?',
  dizziness_fainting: 'Have you felt dizzy or light-headed, or fainted, today or since your last visit?',
  severe_breathlessness: 'Are you much more out of breath than usual, or out of breath when resting?',
  irregular_heartbeat: 'Is your heart racing, pounding or beating unevenly?',
  suspected_dvt_pe: 'Do you have new pain or swelling in one leg (especially the calf) or in one arm?',
  bone_pain: 'Do you have new pain in a bone, or bone pain that is getting worse?',
  confusion: 'Have you, or people close to you, noticed new confusion, muddled thinking or blurred vision?',
  fever_infection: 'Do you feel feverish, hot and cold or shivery, or think you may have an infection?',
  spinal_cord_compression:
    'Do you have new back or neck pain, new numbness or weakness in your legs or arms, or new trouble controlling your bladder or bowels?',
  difficulty_walking: 'Is walking newly difficult for you, or do your legs feel weak or give way?',
  // Found by pressing or tapping the spine: an examination, not a question.
  spinal_tenderness: null,
  // Raised by the clinician's spinal-pain questions on the screen; the patient's new back or neck pain
  // is asked above, with the cord-compression signs.
  spinal_metastasis_pain: null,
} as const satisfies Record<RedFlagId, string | null>;

export interface RedFlagQuestion {
  flag: RedFlag;
  question: string;
}

/** The check-in's red-flag questions, in the order of the screen's checklist. */
export const patientRedFlagQuestions: readonly RedFlagQuestion[] = redFlags.flatMap((flag) => {
  const question = redFlagQuestions[flag.id];
  return question === null ? [] : [{ flag, question }];
});

export const redFlagAnswers = ['yes', 'no', 'not_sure'] as const;
export type RedFlagAnswer = (typeof redFlagAnswers)[number];
export const redFlagAnswerLabels: Record<RedFlagAnswer, string> = {
  yes: 'Yes',
  no: 'No',
  not_sure: 'Not sure',
};
