import { describe, expect, it } from 'vitest';
import {
  describeSignInPolicy,
  passphraseProblem,
  SIGN_IN_MAX_WAIT_SECONDS,
  SIGN_IN_POLICY_DEFAULT,
  signInWaitSeconds,
  spokenDuration,
} from './passphrase';

describe('the sign-in slowdown (clinic policy)', () => {
  it('lets the first failures through, then doubles the wait from the first one, up to the most', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => signInWaitSeconds(SIGN_IN_POLICY_DEFAULT, n));
    expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    expect(signInWaitSeconds({ freeAttempts: 3, firstWaitSeconds: 10 }, 3)).toBe(10);
    expect(signInWaitSeconds(SIGN_IN_POLICY_DEFAULT, 10_000)).toBe(SIGN_IN_MAX_WAIT_SECONDS);
  });

  it('is said in words, naming the policy as the clinic’s', () => {
    expect(describeSignInPolicy(SIGN_IN_POLICY_DEFAULT)).toBe(
      'After 5 failed sign-ins in a row for one sign-in name, each further try waits: 30 seconds at first, twice as long after each failure, at most 15 minutes (clinic policy).',
    );
    expect([1, 60, 90, 125].map(spokenDuration)).toEqual([
      '1 second',
      '1 minute',
      '1 minute 30 seconds',
      '2 minutes 5 seconds',
    ]);
  });
});

describe('passphrase rules', () => {
  it('refuse the sign-in name inside the passphrase, whatever its case', () => {
    expect(passphraseProblem('tide pools with PRIYA', 'priya')).toBe('Passphrase must not contain the sign-in name');
    expect(passphraseProblem('tide pools at low water', 'priya')).toBeNull();
  });
});
