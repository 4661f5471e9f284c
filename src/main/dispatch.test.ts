import { afterEach, describe, expect, it } from 'vitest';
import { addDays, todayLocal } from '../shared/dates';
import { openTestCaseload } from './testing';

let current: ReturnType<typeof openTestCaseload> | null = null;
afterEach(() => current?.close());

const ruth = {
  givenName: 'Ruth',
  familyName: 'Okafor',
  preferredName: '',
  dateOfBirth: '1958-04-02',
  sex: 'female',
  mrn: 'mrn001',
};

describe('dispatch', () => {
  it('validates input against the contract and names each bad field in plain words', async () => {
    current = openTestCaseload();
    const result = await current.dispatch('patients.create', {
      ...ruth,
      givenName: '   ',
      dateOfBirth: addDays(todayLocal(), 1),
      sex: 'dragon',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.fields).toEqual({
      givenName: 'Enter the given name',
      dateOfBirth: 'Date of birth cannot be in the future',
      sex: 'Choose the sex',
    });
    const count = current.ctx.sqlite.prepare('SELECT count(*) AS n FROM patient').get();
    expect(count).toEqual({ n: 0 });
  });

  it('rejects an impossible date with its own message', async () => {
    current = openTestCaseload();
    const result = await current.dispatch('patients.create', { ...ruth, dateOfBirth: '1958-02-30' });
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { dateOfBirth: 'Date of birth must be a real date (YYYY-MM-DD)' } },
    });
  });

  it('returns plain JSON for a good call and normalises the MRN', async () => {
    current = openTestCaseload();
    const result = await current.dispatch('patients.create', ruth);
    expect(result).toMatchObject({
      ok: true,
      value: { givenName: 'Ruth', mrn: 'MRN001', preferredName: null, status: 'referred' },
    });
  });

  it('refuses a duplicate MRN on the MRN field and writes nothing', async () => {
    current = openTestCaseload();
    await current.dispatch('patients.create', ruth);
    const auditBefore = current.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get();
    const result = await current.dispatch('patients.create', { ...ruth, givenName: 'Other', mrn: 'MRN001' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { mrn: 'Hospital number MRN001 already belongs to Ruth Okafor' } },
    });
    expect(current.ctx.sqlite.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 1 });
    expect(current.ctx.sqlite.prepare('SELECT count(*) AS n FROM audit_event').get()).toEqual(auditBefore);
  });

  it('answers an unknown channel without throwing', async () => {
    current = openTestCaseload();
    expect(await current.dispatch('patients.drop', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('hides internal errors behind a short message', async () => {
    current = openTestCaseload();
    current.ctx.sqlite.exec('DROP TABLE patient');
    const result = await current.dispatch('patients.search', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toMatch(/no such table/);
  });

  it('refuses clinical writes until a clinician is signed in', async () => {
    current = openTestCaseload({ setUp: false });
    expect((await current.dispatch('app.state', {})).ok && (await current.dispatch('app.state', {}))).toMatchObject({
      value: { isSetUp: false },
    });
    expect(await current.dispatch('patients.create', ruth)).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
  });
});
