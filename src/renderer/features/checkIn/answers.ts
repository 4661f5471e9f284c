import {
  esasFormItems,
  esasSymptoms,
  type EsasCompletedBy,
  type EsasFormItem,
  type EsasSymptom,
} from '../../../shared/clinical/measures';
import {
  patientRedFlagQuestions,
  type RedFlagAnswer,
  type RedFlagId,
  type RedFlagQuestion,
} from '../../../shared/clinical/session';
import type { InputOf } from '../../../shared/contract';

/** What the patient has answered so far; it lives only in this view and goes when the view closes. */
export interface AnswerDraft {
  completedBy: EsasCompletedBy | null;
  esas: Partial<Record<EsasSymptom, number>>;
  otherProblem: string;
  otherScore: number | null;
  redFlags: Partial<Record<RedFlagId, RedFlagAnswer>>;
  anythingElse: string;
}

export const emptyAnswers = (): AnswerDraft => ({
  completedBy: null,
  esas: {},
  otherProblem: '',
  otherScore: null,
  redFlags: {},
  anythingElse: '',
});

export type Step =
  | { kind: 'welcome' }
  | { kind: 'completedBy' }
  | { kind: 'esas'; item: EsasFormItem }
  | { kind: 'other' }
  | { kind: 'redFlags'; questions: RedFlagQuestion[] }
  | { kind: 'anythingElse' }
  | { kind: 'review' };

/** Red-flag questions per screen: three keep every answer button on a 1024 × 768 tablet without scrolling. */
const FLAGS_PER_SCREEN = 3;

function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One question per screen (the red flags three to a screen), then "Check answers". */
export const steps: readonly Step[] = [
  { kind: 'welcome' },
  { kind: 'completedBy' },
  ...esasFormItems.map((item): Step => ({ kind: 'esas', item })),
  { kind: 'other' },
  ...pages(patientRedFlagQuestions, FLAGS_PER_SCREEN).map((questions): Step => ({ kind: 'redFlags', questions })),
  { kind: 'anythingElse' },
  { kind: 'review' },
];

/** Screens that ask something (all but the welcome and "Check answers"), for the progress line. */
export const questionCount = steps.length - 2;

export function toAnswers(draft: AnswerDraft): InputOf<'checkIn.submit'>['answers'] {
  const problem = draft.otherProblem.trim();
  return {
    completedBy: draft.completedBy!,
    esas: Object.fromEntries(esasSymptoms.filter((s) => draft.esas[s] !== undefined).map((s) => [s, draft.esas[s]])),
    other: problem ? { problem, score: draft.otherScore } : null,
    redFlags: draft.redFlags,
    anythingElse: draft.anythingElse.trim() || null,
  };
}
