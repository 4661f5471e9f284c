import { describe, expect, it } from 'vitest';
import { newDataKey, newRecoveryKey, readRingRoles, sealRoles, wrapForRecovery, type Keyring } from './keyring';

const ADMIN_ID = '01JADMIN000000000000000000';
const CLINICIAN_ID = '01JCLINICIAN00000000000000';

function ring(dataKey: Buffer, roles?: unknown): Keyring {
  return {
    format: 'pacewise-keyring',
    version: 1,
    clinicians: [],
    recovery: wrapForRecovery(dataKey, newRecoveryKey().secret),
    auditKey: null,
    pending: [],
    deactivated: [],
    ...(roles === undefined ? {} : { roles: roles as Keyring['roles'] }),
  };
}

describe('the roles kept in the key ring', () => {
  const dataKey = newDataKey();
  const sealed = sealRoles(dataKey, { [CLINICIAN_ID]: 'clinician', [ADMIN_ID]: 'administrator' });

  it('verify under the data key they were sealed with, in whatever order the file lists them', () => {
    const held = readRingRoles(ring(dataKey, sealed), dataKey);
    expect(held.state).toBe('verified');
    expect(held.state === 'verified' && Object.fromEntries(held.roles)).toEqual({
      [ADMIN_ID]: 'administrator',
      [CLINICIAN_ID]: 'clinician',
    });
    const reordered = { map: { [CLINICIAN_ID]: 'clinician', [ADMIN_ID]: 'administrator' }, mac: sealed.mac };
    expect(readRingRoles(ring(dataKey, reordered), dataKey).state).toBe('verified');
  });

  it('a role promoted by editing the file does not verify', () => {
    const promoted = { ...sealed, map: { ...sealed.map, [CLINICIAN_ID]: 'administrator' } };
    expect(readRingRoles(ring(dataKey, promoted), dataKey)).toEqual({ state: 'invalid' });
    const added = { ...sealed, map: { ...sealed.map, '01JSOMEONEELSE000000000000': 'administrator' } };
    expect(readRingRoles(ring(dataKey, added), dataKey)).toEqual({ state: 'invalid' });
  });

  it('a map sealed under another caseload’s key, or malformed, does not verify', () => {
    const otherKey = newDataKey();
    const theirs = sealRoles(otherKey, { [CLINICIAN_ID]: 'administrator' });
    expect(readRingRoles(ring(dataKey, theirs), dataKey)).toEqual({ state: 'invalid' });
    for (const malformed of [
      null,
      'administrator',
      { map: [], mac: sealed.mac },
      { map: sealed.map },
      { map: { [ADMIN_ID]: 'superuser' }, mac: sealed.mac },
      { map: sealed.map, mac: 'not base64 at all' },
    ]) {
      expect(readRingRoles(ring(dataKey, malformed), dataKey), JSON.stringify(malformed)).toEqual({
        state: 'invalid',
      });
    }
  });

  it('a ring from the previous version, with no map, says so rather than passing or failing', () => {
    expect(readRingRoles(ring(dataKey), dataKey)).toEqual({ state: 'absent' });
  });
});
