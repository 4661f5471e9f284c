import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../dispatch';
import { openTestCaseload } from '../../testing';
import { auditTrailFor } from '../audit';
import { createPatient } from '../patients';
import { listCaseload } from './caseload';
import { saveContact } from './contacts';
import { getIntakeRecord } from './record';
import { getSafetyContext } from './safetyContext';
import * as sections from './sections';

// 2026-04-15 is a Wednesday; local noon keeps todayLocal() on that date in any zone.
const NOW = new Date(2026, 3, 15, 12, 0, 0);
let t: ReturnType<typeof openTestCaseload>;
let patientId: string;

beforeEach(() => {
  t = openTestCaseload({ now: () => NOW });
  patientId = createPatient(t.ctx, {
    givenName: 'Ruth',
    familyName: 'Okafor',
    preferredName: 'Ru',
    dateOfBirth: '1961-05-02',
    sex: 'female',
    mrn: 'RMH-1',
  }).id;
});
afterEach(() => t.close());

const call = (channel: string, input: unknown) => createDispatch(t.ctx, () => undefined)(channel, input);
const countRows = (table: string) =>
  (t.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function fullIntake() {
  const oncologist = saveContact(t.ctx, {
    id: null,
    fullName: 'Dr Amara Osei',
    role: 'oncologist',
    practice: 'Riverside Hospital',
    address: null,
    phone: '03 9000 1111',
    email: null,
    fax: null,
    active: true,
  });
  sections.saveCareTeamMember(t.ctx, {
    patientId,
    id: null,
    contactId: oncologist.id,
    isMainOncologist: true,
    note: null,
    active: true,
  });
  sections.saveBoneLesion(t.ctx, {
    patientId,
    id: null,
    site: 'lumbar_spine',
    side: null,
    location: 'L3',
    lesionType: 'lytic',
    radiotherapy: false,
    radiotherapyOn: null,
    surgery: false,
    surgeryOn: null,
    weightBearing: 'full',
    mirels: null,
    sins: {
      location: 'mobile',
      pain: 'mechanical',
      lesion: 'lytic',
      alignment: 'normal',
      collapse: 'none',
      posterolateral: 'none',
    },
    notes: null,
    active: true,
  });
  sections.saveTreatment(t.ctx, {
    patientId,
    id: null,
    type: 'chemotherapy',
    regimen: 'Paclitaxel',
    startDate: '2026-03-04',
    endDate: null,
    cycleLengthDays: 21,
    day1Dates: ['2026-03-04', '2026-03-25'],
    notes: null,
  });
  sections.saveMedication(t.ctx, {
    patientId,
    id: null,
    name: 'Metoprolol',
    dose: '50 mg',
    flags: ['beta_blocker'],
    startedOn: null,
    stoppedOn: null,
    notes: null,
  });
  sections.saveClearance(t.ctx, {
    patientId,
    id: null,
    requestedOn: '2026-03-01',
    requestedFromContactId: oncologist.id,
    requestedFromName: null,
    receivedOn: '2026-03-10',
    receivedFromContactId: oncologist.id,
    receivedFromName: null,
    decision: 'with_restrictions',
    restrictions: 'No spinal flexion under load',
    rpeCeiling: 13,
    hrCeiling: null,
    avoidTags: ['spinal_flexion'],
    noGroupSessions: true,
    reviewBy: '2026-04-25',
    notes: null,
  });
  return oncologist;
}

describe('safety context', () => {
  it('assembles clearance, may-start, lesions, medicines, cycle day and care team', () => {
    fullIntake();
    const context = getSafetyContext(t.ctx, patientId, '2026-04-15');
    expect(context.displayName).toBe('Ru Okafor');
    expect(context.clearance.state).toBe('expiring');
    expect(context.clearance.restrictions).toBe('No spinal flexion under load');
    expect(context.clearance.limits).toEqual({
      rpeCeiling: 13,
      hrCeiling: null,
      avoidTags: ['spinal_flexion'],
      noGroupSessions: true,
    });
    // Referred, not yet active: sessions need an override.
    expect(context.mayStart.verdict).toBe('override_required');
    expect(context.boneLesions).toHaveLength(1);
    expect(context.skeletalRisk.level).toBe('moderate'); // SINS 2+3+2 = 7, potentially unstable
    expect(context.medicationFlags).toEqual(['beta_blocker']);
    expect(context.activeTreatments[0]!.cycleDay).toMatchObject({ cycleNumber: 3, day: 1, projected: true });
    expect(context.careTeam[0]).toMatchObject({ fullName: 'Dr Amara Osei', isMainOncologist: true });
  });

  it('judges a past date as things stood then', () => {
    fullIntake();
    expect(getSafetyContext(t.ctx, patientId, '2026-03-05').clearance.state).toBe('requested');
    expect(getSafetyContext(t.ctx, patientId, '2026-03-05').activeTreatments[0]!.cycleDay?.day).toBe(2);
  });

  it('is served on its channel, and refuses an unknown patient', async () => {
    const ok = await call('intake.safetyContext', { patientId, date: '2026-04-15' });
    expect(ok.ok).toBe(true);
    const missing = await call('intake.safetyContext', { patientId: '01JUNKJUNKJUNKJUNK', date: '2026-04-15' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('intake writes', () => {
  it('keeps the caseload row current and shows the flags', () => {
    fullIntake();
    sections.changeStatus(t.ctx, {
      patientId,
      toStatus: 'active',
      effectiveOn: '2026-04-14',
      reason: 'Cleared, first session booked',
    });
    const page = listCaseload(t.ctx, {
      query: '',
      statuses: ['active'],
      flag: null,
      clinicianId: null,
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: 25,
    });
    expect(page.total).toBe(1);
    const row = page.rows[0]!;
    expect(row.status).toBe('active');
    expect(row.clearance).toEqual({ state: 'expiring', reviewBy: '2026-04-25', daysLeft: 10 });
    expect(row.hasBoneMets).toBe(true);
    expect(row.treatments[0]!.cycleDay).toMatchObject({ cycleNumber: 3, day: 1 });
    const flagged = (flag: 'clearance_expiring' | 'clearance_missing' | 'bone_mets' | 'on_treatment') =>
      listCaseload(t.ctx, {
        query: 'okaf',
        statuses: ['active'],
        flag,
        clinicianId: null,
        sort: 'clearance',
        direction: 'desc',
        offset: 0,
        limit: 25,
      }).total;
    expect(flagged('clearance_expiring')).toBe(1);
    expect(flagged('clearance_missing')).toBe(0);
    expect(flagged('bone_mets')).toBe(1);
    expect(flagged('on_treatment')).toBe(1);
  });

  it('pages the name-sorted caseload in name order, either direction, with statuses, search and clinician', () => {
    const families = ['Ngata', 'becker', 'Ngata', 'Chen', 'Okafor', 'Abbott', 'Ngata', 'Zhou'];
    families.forEach((familyName, i) =>
      createPatient(t.ctx, {
        givenName: ['Tom', 'Ana', 'Ana', 'Mei', 'Raj', 'Liam', 'Tom', 'Ana'][i]!,
        familyName,
        preferredName: null,
        dateOfBirth: '1970-01-01',
        sex: 'male',
        mrn: `RMH-${100 + i}`,
      }),
    );
    const byName = (direction: 'asc' | 'desc', query = '') => {
      const seen: string[] = [];
      for (let offset = 0; offset < 20; offset += 3) {
        const page = listCaseload(t.ctx, {
          query,
          statuses: ['referred'],
          flag: null,
          clinicianId: null,
          sort: 'name',
          direction,
          offset,
          limit: 3,
        });
        seen.push(...page.rows.map((r) => `${r.familyName} ${r.givenName}`));
        expect(page.total).toBe(query ? 3 : 9);
      }
      return seen;
    };
    const asc = byName('asc');
    expect(asc).toEqual([
      'Abbott Liam',
      'becker Ana',
      'Chen Mei',
      'Ngata Ana',
      'Ngata Tom',
      'Ngata Tom',
      'Okafor Raj',
      'Okafor Ruth',
      'Zhou Ana',
    ]);
    expect(byName('desc')).toEqual([...asc].reverse());
    expect(byName('asc', 'ngata')).toEqual(['Ngata Ana', 'Ngata Tom', 'Ngata Tom']);
    const other = (statuses: Array<'active' | 'referred'>, clinicianId: string | null) =>
      listCaseload(t.ctx, {
        query: '',
        statuses,
        flag: null,
        clinicianId,
        sort: 'name',
        direction: 'asc',
        offset: 0,
        limit: 25,
      }).total;
    expect(other(['active'], null)).toBe(0);
    expect(other(['active', 'referred'], null)).toBe(9);
    expect(other(['referred'], t.ctx.session.clinicianId!)).toBe(0);
  });

  it('records a status change with its date and reason, and audits before and after', () => {
    sections.changeStatus(t.ctx, {
      patientId,
      toStatus: 'on_hold',
      effectiveOn: '2026-04-10',
      reason: 'Admitted to hospital',
    });
    const record = getIntakeRecord(t.ctx, patientId);
    expect(record.patient.status).toBe('on_hold');
    expect(record.statusHistory[0]).toMatchObject({
      fromStatus: 'referred',
      toStatus: 'on_hold',
      reason: 'Admitted to hospital',
    });
    const trail = auditTrailFor(t.ctx.db, 'patient', patientId);
    const last = trail.at(-1)!;
    expect(last.action).toBe('status');
    expect(JSON.parse(last.beforeJson!)).toEqual({ status: 'referred' });
    expect(last.reason).toBe('Admitted to hospital');
    expect(() =>
      sections.changeStatus(t.ctx, { patientId, toStatus: 'active', effectiveOn: '2026-04-01', reason: 'x' }),
    ).toThrow(/before the last change/);
  });

  it('audits an edit with the previous value', () => {
    const base = {
      patientId,
      id: null,
      name: 'Dexamethasone',
      dose: '4 mg',
      flags: ['corticosteroid' as const],
      startedOn: null,
      stoppedOn: null,
      notes: null,
    };
    sections.saveMedication(t.ctx, base);
    const id = getIntakeRecord(t.ctx, patientId).medications[0]!.id;
    sections.saveMedication(t.ctx, { ...base, id, dose: '2 mg' });
    const trail = auditTrailFor(t.ctx.db, 'medication', id);
    expect(trail.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.parse(trail[1]!.beforeJson!).dose).toBe('4 mg');
    expect(JSON.parse(trail[1]!.afterJson!).dose).toBe('2 mg');
  });

  it('refuses bad input with a field message and writes nothing', async () => {
    const before = { lesions: countRows('bone_lesion'), audit: countRows('audit_event') };
    const lesion = await call('intake.saveBoneLesion', {
      patientId,
      site: 'proximal_femur',
      sins: { location: 'mobile' },
    });
    expect(lesion).toMatchObject({
      ok: false,
      error: { fields: { 'sins.location': 'SINS applies to spinal lesions only' } },
    });
    const clearance = await call('intake.saveClearance', {
      patientId,
      receivedOn: '2026-04-01',
      receivedFromName: 'Dr Osei',
      decision: 'with_restrictions',
    });
    expect(clearance).toMatchObject({ ok: false, error: { fields: { restrictions: 'Enter the restrictions' } } });
    const treatment = await call('intake.saveTreatment', {
      patientId,
      type: 'chemotherapy',
      regimen: 'AC',
      startDate: '2026-03-01',
      day1Dates: ['2026-03-01'],
    });
    expect(treatment).toMatchObject({
      ok: false,
      error: { fields: { cycleLengthDays: 'Enter the cycle length for cyclical treatment' } },
    });
    // A refusal found inside the transaction (main oncologist who is not an oncologist) leaves nothing.
    const gp = saveContact(t.ctx, {
      id: null,
      fullName: 'Dr Lee',
      role: 'gp',
      practice: null,
      address: null,
      phone: null,
      email: null,
      fax: null,
      active: true,
    });
    const audited = countRows('audit_event');
    const careTeam = await call('intake.saveCareTeamMember', { patientId, contactId: gp.id, isMainOncologist: true });
    expect(careTeam).toMatchObject({
      ok: false,
      error: { fields: { isMainOncologist: expect.stringMatching(/not an oncologist/) } },
    });
    expect(countRows('care_team_member')).toBe(0);
    expect(countRows('audit_event')).toBe(audited);
    expect(countRows('bone_lesion')).toBe(before.lesions);
    expect(audited).toBe(before.audit + 1);
  });

  it('keeps only one main oncologist', () => {
    const a = fullIntake();
    const b = saveContact(t.ctx, { ...a, id: null, fullName: 'Dr Ben Ito' });
    sections.saveCareTeamMember(t.ctx, {
      patientId,
      id: null,
      contactId: b.id,
      isMainOncologist: true,
      note: null,
      active: true,
    });
    const team = getIntakeRecord(t.ctx, patientId).careTeam;
    expect(team.filter((m) => m.isMainOncologist).map((m) => m.fullName)).toEqual(['Dr Ben Ito']);
    expect(team).toHaveLength(2);
  });
});
