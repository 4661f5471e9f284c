import { z } from 'zod';
import { esasSymptoms, type EsasSymptom } from '../clinical/measures/catalog';
import { esasCompletedBy, esasFormItems, type EsasCompletedBy } from '../clinical/measures/esasForm';
import type { PrefilledField } from '../clinical/session/checkIn';
import { redFlagAnswers, type RedFlagAnswer } from '../clinical/session/redFlagQuestions';
import { redFlagIds, type RedFlagId } from '../clinical/session/redFlags';
import { enteredPassphrase, pin } from './access';
import { channel } from './define';
import { choice, id, integerIn, optionalText, requiredText } from './fields';
import type { AppState } from './setup';

/**
 * Patient check-in (issue 23): the clinician hands the clinic's device to a booked patient, who
 * answers the ESAS-r and today's red-flag questions; the answers arrive in that session's
 * pre-session screen. While a check-in is open the window is the patient's: the main process
 * answers only `patientViewChannels` (below), whatever the page asks.
 */

/** How long the patient view waits for a touch before discarding unfinished answers (clinic policy). */
export const CHECK_IN_IDLE = { defaultMinutes: 3, min: 1, max: 30 } as const;

export const reviewFindings = ['confirmed', 'not_confirmed'] as const;
export type ReviewFinding = (typeof reviewFindings)[number];
export const reviewFindingLabels: Record<ReviewFinding, string> = {
  confirmed: 'Confirmed: the red flag is present',
  not_confirmed: 'Not confirmed: no red flag on review',
};

/** What the window holds while a check-in is open: nothing of the caseload but the preferred name. */
export interface PatientView {
  checkInId: string;
  preferredName: string;
  /** `answering`: the questions; `finished`: the neutral hand-back screen (done, timed out or locked). */
  phase: 'answering' | 'finished';
  /** Clinic policy: minutes without a touch before unfinished answers are discarded. */
  idleMinutes: number;
  /** Whether the clinician's PIN will do to leave (else their passphrase: no PIN set, or 5 wrong). */
  pinAllowed: boolean;
}

export interface FlagReview {
  finding: ReviewFinding;
  note: string;
  byName: string;
  at: string;
  /** The incident opened when the clinician confirmed the flag. */
  adverseEventId: string | null;
}

export interface ReportedFlag {
  id: RedFlagId;
  label: string;
  /** The question as the patient read it. */
  question: string;
  answer: RedFlagAnswer | null;
  review: FlagReview | null;
}

/** A completed check-in as the pre-session screen shows it: patient-reported, with its time. */
export interface PatientReportView {
  checkInId: string;
  startedByName: string;
  completedAt: string;
  completedBy: EsasCompletedBy;
  esas: Partial<Record<EsasSymptom, number>>;
  /** ESAS-r items answered, of nine: fewer is a partial ESAS-r. */
  esasAnswered: number;
  other: { problem: string; score: number | null } | null;
  anythingElse: string | null;
  /** The screen's symptom fields the answers fill, for the clinician to confirm or correct. */
  prefill: Partial<Record<PrefilledField, number>>;
  redFlags: ReportedFlag[];
  /** Flags answered yes or not sure that nobody has reviewed yet: each holds the screen. */
  awaitingReview: RedFlagId[];
}

export interface CheckInSettings {
  idleMinutes: number;
  defaultMinutes: number;
}

const esasRating = (symptom: EsasSymptom) =>
  integerIn(`${esasFormItems.find((i) => i.symptom === symptom)!.name.toLowerCase()} rating`, 0, 10).optional();

export const checkInAnswersInput = z
  .object({
    completedBy: choice('person who filled in the form', esasCompletedBy),
    esas: z
      .object(
        Object.fromEntries(esasSymptoms.map((s) => [s, esasRating(s)])) as Record<
          EsasSymptom,
          ReturnType<typeof esasRating>
        >,
      )
      .strict(),
    other: z
      .object({
        problem: requiredText('other problem', 80),
        score: integerIn('other problem rating', 0, 10).nullable(),
      })
      .strict()
      .nullable(),
    redFlags: z.partialRecord(
      z.enum(redFlagIds, { error: 'Answer a question from the list' }),
      z.enum(redFlagAnswers, { error: 'Answer yes, no or not sure' }),
    ),
    anythingElse: optionalText('anything else we should know today', 2000),
  })
  .strict();

const unlockSecret = z.union([z.object({ pin }).strict(), z.object({ passphrase: enteredPassphrase }).strict()], {
  error: 'Enter the PIN or the passphrase',
});

export const checkInChannels = {
  /** From Today or the session screen: the window becomes this booked patient's view. */
  'checkIn.start': channel(z.object({ sessionId: id('Session') }).strict()).returns<AppState>(),
  /** The patient view reports touches, so the main process can discard answers after the idle time too. */
  'checkIn.stillHere': channel(z.object({}).strict()).returns<PatientView>(),
  'checkIn.submit': channel(
    z.object({ checkInId: id('Check-in'), answers: checkInAnswersInput }).strict(),
  ).returns<PatientView>(),
  /** The idle time passed: unfinished answers are discarded and the neutral screen shows. */
  'checkIn.abandon': channel(
    z.object({ checkInId: id('Check-in'), reason: z.enum(['idle']) }).strict(),
  ).returns<PatientView>(),
  /** The clinician takes the device back with their PIN or passphrase. */
  'checkIn.handBack': channel(unlockSecret).returns<AppState>(),
  /** The clinician's review of a red flag the patient reported: what they found, and an incident only if confirmed. */
  'checkIn.reviewFlag': channel(
    z
      .object({
        sessionId: id('Session'),
        checkInId: id('Check-in'),
        redFlagId: z.enum(redFlagIds, { error: 'Choose a red flag from the checklist' }),
        finding: choice('finding', reviewFindings),
        note: requiredText('findings', 2000),
      })
      .strict(),
  ).returns<PatientReportView>(),
  'checkIn.settings': channel(z.object({}).strict()).returns<CheckInSettings>(),
  'checkIn.setIdleMinutes': channel(
    z
      .object({
        minutes: integerIn('minutes before unfinished answers are discarded', CHECK_IN_IDLE.min, CHECK_IN_IDLE.max),
      })
      .strict(),
  ).returns<CheckInSettings>(),
};

/**
 * The only channels answered while a check-in is open and Pacewise is not locked: the patient
 * view's own, the app state (which then carries nothing of the caseload) and the app's idle lock.
 * Everything else, every caseload channel included, is refused in the main process (launch.ts).
 * While locked, the lock screen's channels apply as always.
 */
export const patientViewChannels: ReadonlySet<string> = new Set([
  'app.state',
  'access.lock',
  'checkIn.stillHere',
  'checkIn.submit',
  'checkIn.abandon',
  'checkIn.handBack',
]);
