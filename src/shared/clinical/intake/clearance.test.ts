import { describe, expect, it } from 'vitest';
import { addDays } from '../../dates';
import { patientStatuses, type PatientStatus } from '../../domain/vocabulary';
import {
  CLEARANCE_EXPIRING_WITHIN_DAYS,
  clearanceStatusOn,
  mayStartSessions,
  type ClearanceRecord,
  type ClearanceState,
  type SessionStartVerdict,
} from './clearance';

const blank: ClearanceRecord = {
  requestedOn: null,
  requestedFrom: null,
  receivedOn: null,
  receivedFrom: null,
  decision: null,
  restrictions: null,
  reviewBy: null,
};

const reviewBy = '2026-06-30';
const cleared: ClearanceRecord = {
  ...blank,
  requestedOn: '2026-03-01',
  requestedFrom: 'Dr Okafor',
  receivedOn: '2026-03-10',
  receivedFrom: 'Dr Okafor',
  decision: 'no_restrictions',
  reviewBy,
};

describe('clearance status', () => {
  it('is missing with no records', () => {
    const status = clearanceStatusOn([], '2026-03-01');
    expect(status.state).toBe('missing');
    expect(status.daysLeft).toBeNull();
  });

  it('is requested while a request has no reply', () => {
    const status = clearanceStatusOn(
      [{ ...blank, requestedOn: '2026-03-01', requestedFrom: 'Dr Okafor' }],
      '2026-03-05',
    );
    expect(status.state).toBe('requested');
    expect(status.detail).toBe('Requested from Dr Okafor on 1 Mar 2026; no reply recorded.');
    expect(status.pendingRequest).toEqual({
      requestedOn: '2026-03-01',
      requestedFrom: 'Dr Okafor',
    });
  });

  it('ignores entries dated after the date asked about', () => {
    expect(clearanceStatusOn([cleared], '2026-02-28').state).toBe('missing');
    // Requested on 1 March, reply on 10 March: in between it was a pending request.
    expect(clearanceStatusOn([cleared], '2026-03-09').state).toBe('requested');
    expect(clearanceStatusOn([cleared], '2026-03-10').state).toBe('valid');
  });

  it('uses 14 days as the expiring window', () => {
    expect(CLEARANCE_EXPIRING_WITHIN_DAYS).toBe(14);
  });

  it.each([
    [-15, 'valid', 15],
    [-14, 'expiring', 14],
    [-1, 'expiring', 1],
    [0, 'expiring', 0],
    [1, 'expired', -1],
  ] as const)('on review date %i days is %s', (offset, state, daysLeft) => {
    const status = clearanceStatusOn([cleared], addDays(reviewBy, offset));
    expect(status.state).toBe(state);
    expect(status.daysLeft).toBe(daysLeft);
    expect(status.expiresOn).toBe(reviewBy);
  });

  it('labels the review day and the lapse', () => {
    expect(clearanceStatusOn([cleared], reviewBy).label).toBe('Clearance review due today');
    expect(clearanceStatusOn([cleared], addDays(reviewBy, -1)).label).toBe('Clearance review due in 1 day');
    expect(clearanceStatusOn([cleared], addDays(reviewBy, 3)).detail).toMatch(/passed 3 days ago/);
  });

  it('stays valid without a review date', () => {
    const status = clearanceStatusOn([{ ...cleared, reviewBy: null }], '2036-01-01');
    expect(status.state).toBe('valid');
    expect(status.expiresOn).toBeNull();
    expect(status.daysLeft).toBeNull();
    expect(status.label).toBe('Cleared, no restrictions');
  });

  it('carries restrictions', () => {
    const status = clearanceStatusOn(
      [{ ...cleared, decision: 'with_restrictions', restrictions: ' No lifting above shoulder ' }],
      '2026-04-01',
    );
    expect(status.state).toBe('valid');
    expect(status.restrictions).toBe('No lifting above shoulder');
    expect(status.detail).toBe(
      'Cleared with restrictions from Dr Okafor on 10 Mar 2026. Restrictions: No lifting above shoulder. Review by 30 Jun 2026.',
    );
  });

  it('is not cleared when the doctor said no, whatever the review date', () => {
    const refused = { ...cleared, decision: 'not_cleared' as const };
    expect(clearanceStatusOn([refused], '2026-04-01').state).toBe('not_cleared');
    expect(clearanceStatusOn([refused], '2026-12-01').state).toBe('not_cleared');
  });

  it('uses the most recently received decision', () => {
    const later: ClearanceRecord = {
      ...cleared,
      requestedOn: '2026-04-01',
      receivedOn: '2026-04-08',
      decision: 'not_cleared',
      reviewBy: null,
    };
    expect(clearanceStatusOn([later, cleared], '2026-04-10').state).toBe('not_cleared');
    expect(clearanceStatusOn([cleared, later], '2026-04-10').state).toBe('not_cleared');
    expect(clearanceStatusOn([cleared, later], '2026-04-07').state).toBe('valid');
  });

  it('breaks a same-day tie by the latest request', () => {
    const olderRequest: ClearanceRecord = {
      ...cleared,
      requestedOn: '2026-02-01',
      decision: 'not_cleared',
    };
    const newerRequest: ClearanceRecord = { ...cleared, requestedOn: '2026-03-05' };
    expect(clearanceStatusOn([newerRequest, olderRequest], '2026-03-20').state).toBe('valid');
    expect(clearanceStatusOn([olderRequest, newerRequest], '2026-03-20').state).toBe('valid');
  });

  it('keeps an expired clearance expired while a new request is pending, and says so', () => {
    const renewal: ClearanceRecord = {
      ...blank,
      requestedOn: '2026-06-25',
      requestedFrom: 'Dr Okafor',
    };
    const status = clearanceStatusOn([cleared, renewal], '2026-07-02');
    expect(status.state).toBe('expired');
    expect(status.pendingRequest?.requestedOn).toBe('2026-06-25');
    expect(status.detail).toMatch(/A new request was sent from Dr Okafor on 25 Jun 2026\./);
  });

  it('does not report an old unanswered request once a later decision exists', () => {
    const stale: ClearanceRecord = { ...blank, requestedOn: '2026-01-05' };
    expect(clearanceStatusOn([stale, cleared], '2026-04-01').pendingRequest).toBeNull();
  });
});

describe('may sessions start', () => {
  const states: ClearanceState[] = ['missing', 'requested', 'valid', 'expiring', 'expired', 'not_cleared'];
  const expected: Record<PatientStatus, Record<ClearanceState, SessionStartVerdict>> = {
    active: {
      missing: 'override_required',
      requested: 'override_required',
      valid: 'may_start',
      expiring: 'may_start',
      expired: 'override_required',
      not_cleared: 'blocked',
    },
    referred: {
      missing: 'override_required',
      requested: 'override_required',
      valid: 'override_required',
      expiring: 'override_required',
      expired: 'override_required',
      not_cleared: 'blocked',
    },
    on_hold: {
      missing: 'override_required',
      requested: 'override_required',
      valid: 'override_required',
      expiring: 'override_required',
      expired: 'override_required',
      not_cleared: 'blocked',
    },
    discharged: {
      missing: 'blocked',
      requested: 'blocked',
      valid: 'blocked',
      expiring: 'blocked',
      expired: 'blocked',
      not_cleared: 'blocked',
    },
    deceased: {
      missing: 'blocked',
      requested: 'blocked',
      valid: 'blocked',
      expiring: 'blocked',
      expired: 'blocked',
      not_cleared: 'blocked',
    },
  };

  const cases = patientStatuses.values.flatMap((patientStatus) =>
    states.map((state) => [patientStatus, state, expected[patientStatus][state]] as const),
  );

  it.each(cases)('%s patient with %s clearance: %s', (patientStatus, state, verdict) => {
    const decision = mayStartSessions({
      patientStatus,
      clearance: { state, expiresOn: reviewBy, daysLeft: 5, decision: null, restrictions: null },
    });
    expect(decision.verdict).toBe(verdict);
    // Anything short of may_start must say why; may_start carries only the review reminder of an expiring clearance.
    if (verdict !== 'may_start') expect(decision.reasons.length).toBeGreaterThan(0);
    else if (state === 'expiring')
      expect(decision.reasons).toEqual(['Clearance review is due in 5 days: request a review.']);
    else expect(decision.reasons).toEqual([]);
  });

  it('gives no reasons when an active patient has a valid clearance', () => {
    const clearance = clearanceStatusOn([cleared], '2026-04-01');
    expect(mayStartSessions({ patientStatus: 'active', clearance })).toEqual({
      verdict: 'may_start',
      reasons: [],
    });
  });

  it('reminds about an expiring clearance and any restrictions', () => {
    const clearance = clearanceStatusOn(
      [{ ...cleared, decision: 'with_restrictions', restrictions: 'No running' }],
      reviewBy,
    );
    expect(mayStartSessions({ patientStatus: 'active', clearance })).toEqual({
      verdict: 'may_start',
      reasons: ['Clearance review is due today: request a review.', 'Cleared with restrictions: No running'],
    });
  });

  it('puts the blocking reason first', () => {
    const result = mayStartSessions({
      patientStatus: 'on_hold',
      clearance: clearanceStatusOn([{ ...cleared, decision: 'not_cleared' }], '2026-04-01'),
    });
    expect(result.reasons[0]).toBe('The doctor advised that the patient may not take part.');
    expect(result.reasons[1]).toBe('Patient status is On hold.');
  });

  it('works from a status computed at each review boundary', () => {
    const verdicts = [-15, -14, 0, 1].map(
      (offset) =>
        mayStartSessions({
          patientStatus: 'active',
          clearance: clearanceStatusOn([cleared], addDays(reviewBy, offset)),
        }).verdict,
    );
    expect(verdicts).toEqual(['may_start', 'may_start', 'may_start', 'override_required']);
  });
});
