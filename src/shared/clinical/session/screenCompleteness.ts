import { unansweredSpinalPainQuestions, type SpinalPainReport } from './redFlags';
import type { ScreenDecision } from './safetyScreen';

/**
 * The core resting vitals a pre-session screen needs before anyone may exercise. Without them a
 * screen that found nothing would read as "Go" although nothing was checked. FACTS.md §3: the
 * resting HR, BP and SpO₂ thresholds (Cancer Exercise Toolkit) can only be applied to a value.
 * Temperature is needed while chemotherapy is active (NICE CG151: neutropenic sepsis can look like
 * nothing more than feeling unwell) and has no "not taken"; otherwise it and the bloods are optional.
 */
export const coreVitals = ['restingHr', 'bloodPressure', 'spo2'] as const;
export type CoreVital = (typeof coreVitals)[number];

export const coreVitalLabels: Record<CoreVital, string> = {
  restingHr: 'Resting heart rate',
  bloodPressure: 'Blood pressure',
  spo2: 'SpO₂',
};

/** Why a core vital was not taken, as the clinician wrote it (e.g. "Oximeter unavailable"). */
export type NotTaken = Partial<Record<CoreVital, string | null>>;

export interface MissingVital {
  vital: CoreVital | 'temperature' | 'spinalPain';
  label: string;
  /** The screen field the message belongs under. */
  field: 'restingHr' | 'sbp' | 'dbp' | 'spo2' | 'temperatureC' | 'spinalPain';
  message: string;
}

export interface CompletenessNeeds {
  /** Chemotherapy is active on the screen's date (screenContextFor). */
  temperatureRequired?: boolean;
  /** The new-spinal-pain report, whose questions must all be answered before a Go. */
  spinalPain?: SpinalPainReport | null;
}

export const TEMPERATURE_REQUIRED_MESSAGE =
  'Enter the temperature: it is needed while chemotherapy is active (NICE CG151, neutropenic sepsis)';

export interface ScreenCompleteness {
  /** True when a screen with this decision may be recorded. */
  complete: boolean;
  /** Core vitals neither measured nor recorded as not taken (listed even on a Hold, for the record). */
  missing: MissingVital[];
  /** Vitals recorded as not taken, with the reason; only those without a value. */
  notTaken: Array<{ vital: CoreVital; label: string; reason: string }>;
}

function measured(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The screen-completeness rule, shared by the screen (live) and main (on save): Go or Go with
 * modifications needs resting HR, both blood pressures and SpO₂, each measured or recorded as not
 * taken with a reason. A Hold can always be recorded: a red flag must never wait for a cuff.
 */
export function screenCompleteness(
  input: Partial<Record<'restingHr' | 'sbp' | 'dbp' | 'spo2' | 'temperatureC', number | null>>,
  notTaken: NotTaken | null | undefined,
  decision: ScreenDecision,
  needs: CompletenessNeeds = {},
): ScreenCompleteness {
  const reasons = notTaken ?? {};
  const missing: MissingVital[] = [];
  const skipped: ScreenCompleteness['notTaken'] = [];
  const check = (vital: CoreVital, field: MissingVital['field'], has: boolean, what: string) => {
    if (has) return;
    const reason = reasons[vital]?.trim();
    if (reason) {
      skipped.push({ vital, label: coreVitalLabels[vital], reason });
      return;
    }
    missing.push({
      vital,
      label: coreVitalLabels[vital],
      field,
      message: `Enter the ${what}, or record why it was not taken`,
    });
  };
  check('restingHr', 'restingHr', measured(input.restingHr), 'resting heart rate');
  const sbp = measured(input.sbp);
  const dbp = measured(input.dbp);
  const bpWhat = !sbp && !dbp ? 'blood pressure' : !sbp ? 'systolic blood pressure' : 'diastolic blood pressure';
  check('bloodPressure', !sbp ? 'sbp' : 'dbp', sbp && dbp, bpWhat);
  check('spo2', 'spo2', measured(input.spo2), 'SpO₂');
  if (needs.temperatureRequired && !measured(input.temperatureC)) {
    missing.push({
      vital: 'temperature',
      label: 'Temperature (chemotherapy active)',
      field: 'temperatureC',
      message: TEMPERATURE_REQUIRED_MESSAGE,
    });
  }
  const unanswered = unansweredSpinalPainQuestions(needs.spinalPain);
  if (unanswered.length > 0) {
    missing.push({
      vital: 'spinalPain',
      label: `Cord-compression questions (${unanswered.length} unanswered)`,
      field: 'spinalPain',
      message: 'New spinal pain: answer every cord-compression question yes or no (NICE NG234)',
    });
  }
  return { complete: decision === 'hold' || missing.length === 0, missing, notTaken: skipped };
}
