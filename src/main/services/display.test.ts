import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLocalTerms } from '../../shared/clinical/localTerms';
import { openTestCaseload } from '../testing';

let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  t = openTestCaseload();
});
afterEach(() => t.close());

describe('local services (clinic policy)', () => {
  it('starts from the defaults, saves the clinic’s words with an audit entry, refuses a blank, and goes back', async () => {
    expect(await t.dispatch('display.localTerms', {})).toEqual({
      ok: true,
      value: { terms: defaultLocalTerms, saved: null },
    });
    const blank = await t.dispatch('display.setLocalTerms', {
      terms: { spinalCordCompression: '  ', neutropenicSepsis: 'the advice line' },
    });
    expect(blank).toMatchObject({
      ok: false,
      error: { fields: { 'terms.spinalCordCompression': 'Enter the contact for suspected spinal cord compression' } },
    });
    const ours = { spinalCordCompression: 'the oncology registrar on call', neutropenicSepsis: 'the advice line' };
    expect(await t.dispatch('display.setLocalTerms', { terms: ours })).toEqual({
      ok: true,
      value: { terms: ours, saved: ours },
    });
    const audited = t.ctx.sqlite
      .prepare("SELECT count(*) AS n FROM audit_event WHERE after_json LIKE '%oncology registrar on call%'")
      .get() as { n: number };
    expect(audited.n).toBe(1);
    expect(await t.dispatch('display.setLocalTerms', { terms: null })).toEqual({
      ok: true,
      value: { terms: defaultLocalTerms, saved: null },
    });
  });
});
