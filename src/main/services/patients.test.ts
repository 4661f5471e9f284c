import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { saveDetails } from './intake/sections';
import { createPatient, findMatches, searchPatients } from './patients';

let current: ReturnType<typeof openTestCaseload> | null = null;
afterEach(() => current?.close());

function seed() {
  current = openTestCaseload();
  const people: Array<[string, string, string | null, string]> = [
    ['Ruth', 'Okafor', null, 'A100'],
    ['Margaret', 'Smith', 'Peggy', 'B200'],
    ['John', 'Smithers', null, 'C300'],
    ['Aroha', 'Ngata', null, 'D400'],
  ];
  for (const [givenName, familyName, preferredName, mrn] of people) {
    createPatient(current.ctx, { givenName, familyName, preferredName, dateOfBirth: '1955-06-01', sex: 'female', mrn });
  }
  return current.ctx;
}

const names = (page: ReturnType<typeof searchPatients>) => page.patients.map((p) => `${p.givenName} ${p.familyName}`);

describe('caseload search', () => {
  it('finds by family-name prefix, in family-name order', () => {
    const ctx = seed();
    expect(names(searchPatients(ctx, { query: 'smi', offset: 0, limit: 50 }))).toEqual([
      'Margaret Smith',
      'John Smithers',
    ]);
  });
  it('finds by given name, preferred name and MRN, case-insensitively', () => {
    const ctx = seed();
    expect(names(searchPatients(ctx, { query: 'AROHA', offset: 0, limit: 50 }))).toEqual(['Aroha Ngata']);
    expect(names(searchPatients(ctx, { query: 'peggy', offset: 0, limit: 50 }))).toEqual(['Margaret Smith']);
    expect(names(searchPatients(ctx, { query: 'c3', offset: 0, limit: 50 }))).toEqual(['John Smithers']);
  });
  it('matches a full name typed either way round', () => {
    const ctx = seed();
    expect(names(searchPatients(ctx, { query: 'john smi', offset: 0, limit: 50 }))).toEqual(['John Smithers']);
    expect(names(searchPatients(ctx, { query: 'smith, mar', offset: 0, limit: 50 }))).toEqual(['Margaret Smith']);
  });
  it('pages and reports the total', () => {
    const ctx = seed();
    const page = searchPatients(ctx, { query: '', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(names(page)).toEqual(['Ruth Okafor', 'Margaret Smith']);
  });
});

describe('finding people whatever the accents, case or apostrophes', () => {
  function seedAccented() {
    current = openTestCaseload();
    const people: Array<[string, string, string]> = [
      ['Zoë', 'Adams', 'Z1'],
      ['Wanjiru', 'Ngũgĩ', 'N1'],
      ['Siobhán', "O'Brien", 'O1'],
      ['Ruth', 'Okafor', 'R1'],
    ];
    for (const [givenName, familyName, mrn] of people) {
      createPatient(current.ctx, {
        givenName,
        familyName,
        preferredName: null,
        dateOfBirth: '1960-03-02',
        sex: 'female',
        mrn,
      });
    }
    return current;
  }
  const find = (query: string) => names(searchPatients(current!.ctx, { query, offset: 0, limit: 50 }));

  it('finds Zoë by zoe, Ngũgĩ by Ngugi and O’Brien by obrien, in the patient search and the caseload', async () => {
    const running = seedAccented();
    expect(find('zoe')).toEqual(['Zoë Adams']);
    expect(find('ZOË')).toEqual(['Zoë Adams']);
    expect(find('Ngugi')).toEqual(['Wanjiru Ngũgĩ']);
    expect(find('obrien')).toEqual(["Siobhán O'Brien"]);
    expect(find('O’Brien')).toEqual(["Siobhán O'Brien"]);
    expect(find('siobhan obr')).toEqual(["Siobhán O'Brien"]);
    const caseload = await running.dispatch('caseload.list', { query: 'ngugi', statuses: ['referred'] });
    expect(caseload).toMatchObject({ ok: true, value: { rows: [{ familyName: 'Ngũgĩ' }] } });
  });

  it('finds a name of several parts by any of its words, and forgets a word the name no longer has', async () => {
    const running = seedAccented();
    const { id } = createPatient(running.ctx, {
      givenName: 'Mary Ann',
      familyName: "Ó'Brien-Ngũgĩ",
      preferredName: 'Mimi',
      dateOfBirth: '1949-11-20',
      sex: 'female',
      mrn: 'M1',
    });
    const mary = "Mary Ann Ó'Brien-Ngũgĩ";
    expect(find('ngugi')).toEqual(['Wanjiru Ngũgĩ', mary]);
    expect(find('obrien')).toEqual(["Siobhán O'Brien", mary]);
    expect(find('obrien-ng')).toEqual([mary]);
    expect(find('ann')).toEqual([mary]);
    expect(find('ann ngugi')).toEqual([mary]);
    expect(find('ngugi, mimi')).toEqual([mary]);
    const caseload = await running.dispatch('caseload.list', { query: 'ngugi', statuses: ['referred'] });
    expect(caseload).toMatchObject({ ok: true, value: { total: 2 } });

    saveDetails(running.ctx, {
      patientId: id,
      givenName: 'Mary',
      familyName: 'Okonjo',
      preferredName: null,
      dateOfBirth: '1949-11-20',
      sex: 'female',
      mrn: 'M1',
      gender: null,
      phone: null,
      email: null,
      address: null,
      preferredLanguage: null,
      interpreterNeeded: false,
      emergencyContactName: null,
      emergencyContactRelationship: null,
      emergencyContactPhone: null,
      reassessmentIntervalWeeks: 8,
      leadClinicianId: null,
    });
    expect(find('ngugi')).toEqual(['Wanjiru Ngũgĩ']);
    expect(find('ann')).toEqual([]);
    expect(find('okonjo')).toEqual(['Mary Okonjo']);
  });

  it('warns of an existing patient with the same MRN, or the same name and date of birth', () => {
    const { ctx } = seedAccented();
    const match = (input: Parameters<typeof findMatches>[1]) =>
      findMatches(ctx, input).map((m) => `${m.patient.givenName} ${m.patient.familyName}: ${m.reason}`);
    const blank = { givenName: null, familyName: null, dateOfBirth: null, mrn: null };
    expect(match({ ...blank, mrn: 'Z1' })).toEqual(['Zoë Adams: mrn']);
    expect(match({ ...blank, givenName: 'zoe', familyName: 'ADAMS', dateOfBirth: '1960-03-02' })).toEqual([
      'Zoë Adams: name_and_birth',
    ]);
    // Names typed the other way round still match; a different birthday does not.
    expect(match({ ...blank, givenName: 'Ngugi', familyName: 'Wanjiru', dateOfBirth: '1960-03-02' })).toEqual([
      'Wanjiru Ngũgĩ: name_and_birth',
    ]);
    expect(match({ ...blank, givenName: 'Zoe', familyName: 'Adams', dateOfBirth: '1960-03-03' })).toEqual([]);
    expect(match({ ...blank, givenName: 'Zoe', familyName: 'Adams' })).toEqual([]);
  });
});

describe('lead clinician at admission', () => {
  it('records the admitting clinician as lead, in the same write, and refuses an unknown clinician', async () => {
    current = openTestCaseload();
    const ctx = current.ctx;
    const { getIntakeRecord } = await import('./intake/record');
    const lead = ctx.session.clinicianId!;
    const p = createPatient(ctx, {
      givenName: 'Grace',
      familyName: 'Otieno',
      preferredName: null,
      dateOfBirth: '1961-05-09',
      sex: 'female',
      mrn: 'L1',
      leadClinicianId: lead,
    });
    expect(getIntakeRecord(ctx, p.id).leadClinician?.id).toBe(lead);
    expect(() =>
      createPatient(ctx, {
        givenName: 'Ana',
        familyName: 'Lee',
        preferredName: null,
        dateOfBirth: '1961-05-09',
        sex: 'female',
        mrn: 'L2',
        leadClinicianId: '01UNKNOWNCLINICIAN00000000',
      }),
    ).toThrow(/Choose a lead clinician/);
    expect(searchPatients(ctx, { query: 'Lee', offset: 0, limit: 5 }).patients).toEqual([]);
  });
});
