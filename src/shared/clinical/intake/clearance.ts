import { daysBetween, formatClinicDate, type ClinicDate } from '../../dates';
import type { MovementTag } from '../session/boneRestrictions';
import {
  clearanceDecisions,
  patientStatuses,
  type ClearanceDecision,
  type PatientStatus,
} from '../../domain/vocabulary';

export const CLEARANCE_EXPIRING_WITHIN_DAYS = 14;

/**
 * The parts of a doctor's restrictions Pacewise can enforce: an RPE (6–20) ceiling, a heart-rate
 * ceiling, movement tags to avoid, and no group sessions. The free text stays the doctor's words.
 */
export interface ClearanceLimits {
  rpeCeiling: number | null;
  hrCeiling: number | null;
  avoidTags: MovementTag[];
  noGroupSessions: boolean;
}

export const noClearanceLimits: ClearanceLimits = {
  rpeCeiling: null,
  hrCeiling: null,
  avoidTags: [],
  noGroupSessions: false,
};

export function hasLimits(limits: ClearanceLimits | null | undefined): limits is ClearanceLimits {
  return (
    !!limits &&
    (limits.rpeCeiling !== null || limits.hrCeiling !== null || limits.avoidTags.length > 0 || limits.noGroupSessions)
  );
}

export interface ClearanceRecord {
  requestedOn: ClinicDate | null;
  requestedFrom: string | null;
  receivedOn: ClinicDate | null;
  receivedFrom: string | null;
  decision: ClearanceDecision | null;
  restrictions: string | null;
  /** Structured restrictions recorded with a "with restrictions" decision. */
  limits?: ClearanceLimits | null;
  /** The date the doctor asked to review by; the clearance lapses after it. */
  reviewBy: ClinicDate | null;
}

export type ClearanceState = 'missing' | 'requested' | 'valid' | 'expiring' | 'expired' | 'not_cleared';

export const clearanceStateLabels: Record<ClearanceState, string> = {
  missing: 'No medical clearance',
  requested: 'Clearance requested',
  valid: 'Cleared',
  expiring: 'Clearance due for review',
  expired: 'Clearance expired',
  not_cleared: 'Not cleared to exercise',
};

export interface ClearanceStatus {
  state: ClearanceState;
  decision: ClearanceDecision | null;
  restrictions: string | null;
  /** Enforced restrictions of the clearance in force (none unless cleared with restrictions). */
  limits: ClearanceLimits;
  expiresOn: ClinicDate | null;
  /** Days from the asked-about date to the review date; 0 on the review date, negative once expired. */
  daysLeft: number | null;
  label: string;
  detail: string;
  receivedOn: ClinicDate | null;
  receivedFrom: string | null;
  /** A request still awaiting a reply, newer than the decision in force. */
  pendingRequest: { requestedOn: ClinicDate | null; requestedFrom: string | null } | null;
}

function latestFirst(a: string | null, b: string | null): number {
  return (b ?? '').localeCompare(a ?? '');
}

function fromWhom(name: string | null): string {
  return name ? ` from ${name}` : '';
}

function onDate(date: ClinicDate | null): string {
  return date ? ` on ${formatClinicDate(date)}` : '';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function clearanceStatusOn(records: readonly ClearanceRecord[], date: ClinicDate): ClearanceStatus {
  // Entries dated after `date` were not known yet; this lets past sessions be judged as they stood.
  // One stored entry may hold both the request and the reply: before the reply arrived it was a pending request.
  const known = records
    .map((record, order) => ({ record, order }))
    .filter(({ record }) => !record.requestedOn || record.requestedOn <= date)
    .flatMap(({ record, order }) => {
      if (!record.receivedOn || record.receivedOn <= date) return [{ record, order }];
      if (!record.requestedOn) return [];
      const requestOnly: ClearanceRecord = {
        ...record,
        receivedOn: null,
        receivedFrom: null,
        decision: null,
        restrictions: null,
        limits: null,
        reviewBy: null,
      };
      return [{ record: requestOnly, order }];
    });

  const decided = known
    .filter(({ record }) => record.decision !== null)
    .sort(
      (a, b) =>
        latestFirst(a.record.receivedOn, b.record.receivedOn) ||
        latestFirst(a.record.requestedOn, b.record.requestedOn) ||
        b.order - a.order,
    );
  const awaiting = known
    .filter(({ record }) => record.decision === null)
    .sort((a, b) => latestFirst(a.record.requestedOn, b.record.requestedOn) || b.order - a.order);

  const current = decided[0]?.record;
  const newestRequest = awaiting[0]?.record;

  if (!current) {
    if (!newestRequest) {
      return {
        state: 'missing',
        decision: null,
        restrictions: null,
        limits: noClearanceLimits,
        expiresOn: null,
        daysLeft: null,
        label: clearanceStateLabels.missing,
        detail: 'No clearance has been requested or received.',
        receivedOn: null,
        receivedFrom: null,
        pendingRequest: null,
      };
    }
    return {
      state: 'requested',
      decision: null,
      restrictions: null,
      limits: noClearanceLimits,
      expiresOn: null,
      daysLeft: null,
      label: clearanceStateLabels.requested,
      detail: `Requested${fromWhom(newestRequest.requestedFrom)}${onDate(newestRequest.requestedOn)}; no reply recorded.`,
      receivedOn: null,
      receivedFrom: null,
      pendingRequest: {
        requestedOn: newestRequest.requestedOn,
        requestedFrom: newestRequest.requestedFrom,
      },
    };
  }

  const decidedOn = current.receivedOn ?? current.requestedOn;
  const pending =
    newestRequest?.requestedOn && (!decidedOn || newestRequest.requestedOn >= decidedOn)
      ? { requestedOn: newestRequest.requestedOn, requestedFrom: newestRequest.requestedFrom }
      : null;
  const daysLeft = current.reviewBy ? daysBetween(date, current.reviewBy) : null;
  const decision = current.decision!;
  const received = `${clearanceDecisions.labels[decision]}${fromWhom(current.receivedFrom)}${onDate(current.receivedOn)}.`;
  const pendingNote = pending
    ? ` A new request was sent${fromWhom(pending.requestedFrom)}${onDate(pending.requestedOn)}.`
    : '';

  let state: ClearanceState;
  let label: string;
  let review: string;
  if (decision === 'not_cleared') {
    state = 'not_cleared';
    label = clearanceStateLabels.not_cleared;
    review = current.reviewBy ? ` Review by ${formatClinicDate(current.reviewBy)}.` : '';
  } else if (daysLeft === null) {
    state = 'valid';
    label = clearanceDecisions.labels[decision];
    review = ' No review date set.';
  } else if (daysLeft < 0) {
    state = 'expired';
    label = clearanceStateLabels.expired;
    review = ` Review date ${formatClinicDate(current.reviewBy)} passed ${plural(-daysLeft, 'day')} ago.`;
  } else if (daysLeft <= CLEARANCE_EXPIRING_WITHIN_DAYS) {
    state = 'expiring';
    label = daysLeft === 0 ? 'Clearance review due today' : `Clearance review due in ${plural(daysLeft, 'day')}`;
    review = ` Review by ${formatClinicDate(current.reviewBy)}.`;
  } else {
    state = 'valid';
    label = clearanceDecisions.labels[decision];
    review = ` Review by ${formatClinicDate(current.reviewBy)}.`;
  }
  const restrictions = current.restrictions?.trim() ? current.restrictions.trim() : null;
  const limits = decision === 'with_restrictions' && current.limits ? current.limits : noClearanceLimits;

  return {
    state,
    decision,
    restrictions,
    limits,
    expiresOn: current.reviewBy,
    daysLeft,
    label,
    detail: `${received}${restrictions ? ` Restrictions: ${restrictions}.` : ''}${review}${pendingNote}`,
    receivedOn: current.receivedOn,
    receivedFrom: current.receivedFrom,
    pendingRequest: pending,
  };
}

export type SessionStartVerdict = 'may_start' | 'override_required' | 'blocked';

export interface SessionStartDecision {
  verdict: SessionStartVerdict;
  reasons: string[];
}

/**
 * The single rule for whether sessions may begin. An override needs a recorded reason; a block
 * cannot be overridden, because the doctor said no or the person is no longer under our care.
 */
export function mayStartSessions(input: {
  patientStatus: PatientStatus;
  clearance: Pick<ClearanceStatus, 'state' | 'expiresOn' | 'daysLeft' | 'decision' | 'restrictions'>;
}): SessionStartDecision {
  const { patientStatus, clearance } = input;
  const blocking: string[] = [];
  const overridable: string[] = [];
  const reminders: string[] = [];
  const statusLabel = patientStatuses.labels[patientStatus];

  switch (patientStatus) {
    case 'discharged':
      blocking.push(`Patient status is ${statusLabel}: re-open the referral before booking sessions.`);
      break;
    case 'deceased':
      blocking.push(`Patient status is ${statusLabel}.`);
      break;
    case 'on_hold':
      overridable.push(`Patient status is ${statusLabel}.`);
      break;
    case 'referred':
      overridable.push(`Patient status is ${statusLabel}, not yet Active.`);
      break;
    case 'active':
      break;
  }

  switch (clearance.state) {
    case 'not_cleared':
      blocking.push('The doctor advised that the patient may not take part.');
      break;
    case 'missing':
      overridable.push('No medical clearance is recorded.');
      break;
    case 'requested':
      overridable.push('Clearance was requested but no reply is recorded.');
      break;
    case 'expired':
      overridable.push(
        `Clearance passed its review date${clearance.expiresOn ? ` (${formatClinicDate(clearance.expiresOn)})` : ''}.`,
      );
      break;
    case 'expiring':
      reminders.push(
        clearance.daysLeft === 0
          ? 'Clearance review is due today: request a review.'
          : `Clearance review is due in ${plural(clearance.daysLeft ?? 0, 'day')}: request a review.`,
      );
      break;
    case 'valid':
      break;
  }

  if (clearance.decision === 'with_restrictions' && clearance.state !== 'not_cleared') {
    reminders.push(
      clearance.restrictions
        ? `Cleared with restrictions: ${clearance.restrictions}`
        : 'Cleared with restrictions: check the clearance letter.',
    );
  }

  const reasons = [...blocking, ...overridable, ...reminders];
  if (blocking.length > 0) return { verdict: 'blocked', reasons };
  if (overridable.length > 0) return { verdict: 'override_required', reasons };
  return { verdict: 'may_start', reasons };
}
