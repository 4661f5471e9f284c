import { addDays, addWeeks, daysBetween, formatClinicDate, type ClinicDate } from '../../dates';

/** Campbell 2019: the programmes behind the guideline doses ran 8–12+ weeks. */
export const DEFAULT_REASSESSMENT_WEEKS = 8;
export const REASSESSMENT_SOURCE = 'Campbell 2019, Med Sci Sports Exerc';
/** A reassessment shows as due this many days before its date. */
export const REASSESSMENT_DUE_WINDOW_DAYS = 7;

export type TreatmentChangeKind = 'started' | 'changed' | 'stopped';

export interface TreatmentChange {
  date: ClinicDate;
  change: TreatmentChangeKind;
  /** e.g. "chemotherapy"; shown in the reason. */
  treatment?: string;
}

export interface ReassessmentInput {
  lastAssessmentDate: ClinicDate | null;
  intakeDate: ClinicDate;
  intervalWeeks?: number;
  /** A bare date means a treatment started, changed or stopped on that day. */
  treatmentChanges?: ReadonlyArray<ClinicDate | TreatmentChange>;
}

export type ReassessmentState = 'not_due' | 'due' | 'overdue';

export interface ReassessmentDue {
  dueOn: ClinicDate;
  state: ReassessmentState;
  reason: string;
  trigger: 'interval' | 'treatment_change';
  /** Negative once overdue. */
  daysUntilDue: number;
}

function describeChange(change: TreatmentChange): string {
  const what = change.treatment ? `${change.treatment} ` : 'treatment ';
  const verb = { started: 'started', changed: 'changed', stopped: 'stopped' }[change.change];
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}${verb} on ${formatClinicDate(change.date)}`;
}

/**
 * The regular date is the last assessment (or intake, before any) plus the interval. A treatment
 * that starts, changes or stops after that reference date brings it forward, because results from
 * before the change no longer describe the person being trained.
 */
export function reassessmentDue(input: ReassessmentInput, today: ClinicDate): ReassessmentDue {
  const weeks = input.intervalWeeks ?? DEFAULT_REASSESSMENT_WEEKS;
  if (!Number.isInteger(weeks) || weeks <= 0) {
    throw new RangeError(`Reassessment interval must be a whole number of weeks: ${weeks}`);
  }
  const reference = input.lastAssessmentDate ?? input.intakeDate;
  const referenceText = input.lastAssessmentDate
    ? `the last assessment on ${formatClinicDate(reference)}`
    : `intake on ${formatClinicDate(reference)}`;
  const regular = addWeeks(reference, weeks);

  const changes = (input.treatmentChanges ?? [])
    .map((c) => (typeof c === 'string' ? { date: c, detail: null } : { date: c.date, detail: c }))
    // daysBetween throws on a malformed date: better a visible error than a silently lost change.
    .filter((c) => daysBetween(reference, c.date) > 0)
    .sort((a, b) => daysBetween(b.date, a.date));
  const earliest = changes[0];

  let dueOn = regular;
  let trigger: ReassessmentDue['trigger'] = 'interval';
  let reason = `Regular ${weeks}-week reassessment after ${referenceText}.`;
  if (earliest && daysBetween(earliest.date, regular) > 0) {
    dueOn = earliest.date;
    trigger = 'treatment_change';
    const what = earliest.detail
      ? describeChange(earliest.detail)
      : `Treatment started, changed or stopped on ${formatClinicDate(earliest.date)}`;
    reason = `${what}, after ${referenceText}; brought forward from ${formatClinicDate(regular)}.`;
  }

  const daysUntilDue = daysBetween(today, dueOn);
  const state: ReassessmentState =
    daysUntilDue < 0 ? 'overdue' : daysUntilDue <= REASSESSMENT_DUE_WINDOW_DAYS ? 'due' : 'not_due';
  return { dueOn, state, reason, trigger, daysUntilDue };
}

/** First day the reassessment shows as due. */
export function reassessmentWindowOpens(dueOn: ClinicDate): ClinicDate {
  return addDays(dueOn, -REASSESSMENT_DUE_WINDOW_DAYS);
}
