import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayLocal } from '../../../shared/dates';
import { createDispatch } from '../../dispatch';
import { openTestCaseload } from '../../testing';
import { auditTrailFor } from '../audit';
import { createPatient } from '../patients';
import { getIntakeRecord } from './record';

// Review 3-5: each refusal below was ACCEPTED before the fix.
const NOW = new Date(2026, 3, 15, 12, 0, 0);
let t: ReturnType<typeof openTestCaseload>;
let patientId: string;

beforeEach(() => {
  t = openTestCaseload({ now: () => NOW });
  patientId = createPatient(t.ctx, {
    givenName: 'Ruth',
    familyName: 'Okafor',
    preferredName: null,
    dateOfBirth: '1961-05-02',
    sex: 'female',
    mrn: 'RMH-1',
  }).id;
});
afterEach(() => t.close());

const call = (channel: string, input: unknown) => createDispatch(t.ctx, () => undefined)(channel, input);
const fields = async (channel: string, input: unknown) => {
  const result = (await call(channel, input)) as { ok: boolean; error?: { fields?: Record<string, string> } };
  return result.ok ? null : (result.error?.fields ?? {});
};

describe('Mirels site and SINS location must fit the lesion site (P1 #1)', () => {
  const mirels = { lesion: 'lytic', size: 'one_to_two_thirds', pain: 'moderate' };
  const sins = {
    pain: 'mechanical',
    lesion: 'lytic',
    alignment: 'normal',
    collapse: 'none',
    posterolateral: 'none',
  };

  it('refuses a humeral shaft scored as peritrochanteric', async () => {
    expect(
      await fields('intake.saveBoneLesion', {
        patientId,
        site: 'humeral_shaft',
        lesionType: 'lytic',
        mirels: { ...mirels, site: 'peritrochanteric' },
      }),
    ).toEqual({ 'mirels.site': 'A humeral shaft lesion is scored as upper limb' });
  });

  it('refuses a proximal femur scored as upper limb, and takes lower limb or peritrochanteric', async () => {
    const lesion = { patientId, site: 'proximal_femur', lesionType: 'lytic' };
    expect(await fields('intake.saveBoneLesion', { ...lesion, mirels: { ...mirels, site: 'upper_limb' } })).toEqual({
      'mirels.site': 'A proximal femur lesion is scored as peritrochanteric or lower limb',
    });
    expect(await fields('intake.saveBoneLesion', { ...lesion, mirels: { ...mirels, site: 'lower_limb' } })).toBeNull();
    expect(
      await fields('intake.saveBoneLesion', { ...lesion, mirels: { ...mirels, site: 'peritrochanteric' } }),
    ).toBeNull();
  });

  it('refuses a femoral shaft scored as peritrochanteric', async () => {
    expect(
      await fields('intake.saveBoneLesion', {
        patientId,
        site: 'femoral_shaft',
        mirels: { ...mirels, site: 'peritrochanteric' },
      }),
    ).toEqual({ 'mirels.site': 'A femoral shaft lesion is scored as lower limb' });
  });

  it('refuses L3 scored as rigid (S2–S5), and a lumbar lesion scored semi-rigid', async () => {
    expect(
      await fields('intake.saveBoneLesion', {
        patientId,
        site: 'lumbar_spine',
        location: 'L3',
        sins: { ...sins, location: 'rigid' },
      }),
    ).toEqual({ 'sins.location': 'L3 is scored as mobile spine' });
    expect(
      await fields('intake.saveBoneLesion', {
        patientId,
        site: 'lumbar_spine',
        sins: { ...sins, location: 'semi_rigid' },
      }),
    ).toEqual({ 'sins.location': 'A lumbar spine lesion is scored as junctional or mobile spine' });
  });

  it('takes the junctional levels of each region', async () => {
    const cases: Array<[string, string, string]> = [
      ['cervical_spine', 'C2', 'junctional'],
      ['cervical_spine', 'C7', 'junctional'],
      ['cervical_spine', 'C4', 'mobile'],
      ['thoracic_spine', 'T1', 'junctional'],
      ['thoracic_spine', 'T12', 'junctional'],
      ['thoracic_spine', 'T7', 'semi_rigid'],
      ['lumbar_spine', 'L1', 'junctional'],
      ['lumbar_spine', 'L5', 'junctional'],
      ['sacral_spine', 'S1', 'junctional'],
      ['sacral_spine', 'S3', 'rigid'],
    ];
    for (const [site, location, sinsLocation] of cases) {
      const ok = await fields('intake.saveBoneLesion', { patientId, site, location, sins: { location: sinsLocation } });
      expect(ok, `${location} ${sinsLocation}`).toBeNull();
    }
    expect(
      await fields('intake.saveBoneLesion', {
        patientId,
        site: 'sacral_spine',
        location: 'S1',
        sins: { location: 'rigid' },
      }),
    ).toEqual({ 'sins.location': 'S1 is scored as junctional' });
    expect(
      await fields('intake.saveBoneLesion', {
        patientId,
        site: 'cervical_spine',
        location: 'C7',
        sins: { location: 'mobile' },
      }),
    ).toEqual({ 'sins.location': 'C7 is scored as junctional' });
  });
});

describe('medication flags suggested by the name (P1 #2)', () => {
  const metoprolol = { patientId, name: 'Metoprolol', dose: '50 mg', flags: [] as string[] };

  it('refuses a beta-blocker saved with no flag, on the flags field', async () => {
    expect(await fields('intake.saveMedication', { ...metoprolol, patientId })).toEqual({
      flags: 'Metoprolol suggests Beta-blocker: tick the flag, or record why it does not apply',
    });
    expect(getIntakeRecord(t.ctx, patientId).medications).toHaveLength(0);
  });

  it('saves it with the flag ticked, or unticked with the reason recorded in the audit trail', async () => {
    expect(await fields('intake.saveMedication', { ...metoprolol, patientId, flags: ['beta_blocker'] })).toBeNull();
    expect(
      await fields('intake.saveMedication', {
        ...metoprolol,
        patientId,
        name: 'Timolol eye drops',
        flagOverrideReason: 'Eye drops: no systemic heart-rate effect expected',
      }),
    ).toBeNull();
    const drops = getIntakeRecord(t.ctx, patientId).medications.find((m) => m.name === 'Timolol eye drops')!;
    expect(drops.flags).toEqual([]);
    expect(auditTrailFor(t.ctx.db, 'medication', drops.id)[0]!.reason).toBe(
      'Suggested flag not ticked (Beta-blocker): Eye drops: no systemic heart-rate effect expected',
    );
  });
});

describe('day-1 dates and the cycle length (P2 #10)', () => {
  const chemo = {
    patientId,
    type: 'chemotherapy',
    regimen: 'AC',
    startDate: '2026-03-01',
    cycleLengthDays: 21,
  };

  it('refuses a day 1 sooner than one cycle after the previous one, naming the date', async () => {
    expect(
      await fields('intake.saveTreatment', { ...chemo, patientId, day1Dates: ['2026-03-01', '2026-03-03'] }),
    ).toEqual({
      day1Dates:
        'Day-1 date 2026-03-03 is only 2 days after 2026-03-01: the next cycle cannot start sooner than the 21-day cycle length',
    });
  });

  it('takes a day 1 exactly one cycle later, or a delayed one, in any order', async () => {
    expect(
      await fields('intake.saveTreatment', {
        ...chemo,
        patientId,
        day1Dates: ['2026-04-19', '2026-03-01', '2026-03-22'],
      }),
    ).toBeNull();
  });
});

describe('clearance restrictions (P2 #13)', () => {
  it('refuses restrictions typed with a decision other than "with restrictions" instead of dropping them', async () => {
    const clearance = {
      patientId,
      receivedOn: '2026-04-01',
      receivedFromName: 'Dr Osei',
      restrictions: 'No loaded spinal flexion',
    };
    for (const decision of ['no_restrictions', 'not_cleared']) {
      expect(await fields('intake.saveClearance', { ...clearance, decision })).toEqual({
        restrictions: 'Restrictions apply only to "Cleared with restrictions"',
      });
    }
    expect(await fields('intake.saveClearance', { ...clearance, decision: 'with_restrictions' })).toBeNull();
    expect(getIntakeRecord(t.ctx, patientId).clearances[0]!.restrictions).toBe('No loaded spinal flexion');
  });
});

describe('leaving Deceased (P2 #14)', () => {
  it('is refused on toStatus unless recorded as a correction with a reason', async () => {
    const change = { patientId, effectiveOn: '2026-04-10', reason: 'Death notified by GP' };
    expect(await fields('intake.changeStatus', { ...change, toStatus: 'deceased' })).toBeNull();
    expect(await fields('intake.changeStatus', { ...change, toStatus: 'active', reason: 'Back in clinic' })).toEqual({
      toStatus:
        'A patient recorded as deceased cannot change status. If Deceased was recorded in error, record this as a correction with the reason',
    });
    expect(getIntakeRecord(t.ctx, patientId).patient.status).toBe('deceased');
    expect(
      await fields('intake.changeStatus', { ...change, toStatus: 'active', correction: true, reason: '' }),
    ).toEqual({ reason: 'Enter the reason for the change' });
    expect(
      await fields('intake.changeStatus', {
        ...change,
        toStatus: 'active',
        correction: true,
        reason: 'Recorded against the wrong patient',
      }),
    ).toBeNull();
    const record = getIntakeRecord(t.ctx, patientId);
    expect(record.patient.status).toBe('active');
    expect(record.statusHistory.find((s) => s.fromStatus === 'deceased')!.reason).toBe(
      'Correction: Recorded against the wrong patient',
    );
    const last = auditTrailFor(t.ctx.db, 'patient', patientId).at(-1)!;
    expect(JSON.parse(last.afterJson!)).toMatchObject({ status: 'active', correction: true });
  });
});

describe('date of birth more than 120 years ago (P3 #25)', () => {
  it('is refused when adding a patient and when editing the details', async () => {
    const old = addDays(todayLocal(), -(121 * 366));
    expect(
      await fields('patients.create', {
        givenName: 'A',
        familyName: 'B',
        dateOfBirth: '1850-01-01',
        sex: 'female',
        mrn: 'X-1',
      }),
    ).toEqual({ dateOfBirth: 'Check the date of birth' });
    expect(
      await fields('intake.saveDetails', {
        patientId,
        givenName: 'Ruth',
        familyName: 'Okafor',
        dateOfBirth: old,
        sex: 'female',
        mrn: 'RMH-1',
      }),
    ).toEqual({ dateOfBirth: 'Check the date of birth' });
    expect(
      await fields('patients.create', {
        givenName: 'C',
        familyName: 'D',
        dateOfBirth: addDays(todayLocal(), -(100 * 365)),
        sex: 'male',
        mrn: 'X-2',
      }),
    ).toBeNull();
  });
});
