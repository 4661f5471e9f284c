import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { changedFields, entityLabel, fieldLabel, patientHistory } from './auditHistory';
import { saveDetails } from './intake/sections';
import { createPatient } from './patients';

let current: ReturnType<typeof openTestCaseload> | null = null;
afterEach(() => {
  current?.close();
  current = null;
});

const details = {
  givenName: 'Ruth',
  familyName: 'Okafor',
  preferredName: 'Ruthie',
  dateOfBirth: '1958-04-02',
  sex: 'female' as const,
  mrn: 'MRN001',
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
};

function setUp() {
  current = openTestCaseload();
  const created = createPatient(current.ctx, {
    givenName: 'Ruth',
    familyName: 'Okafor',
    preferredName: 'Ruthie',
    dateOfBirth: '1958-04-02',
    sex: 'female',
    mrn: 'MRN001',
  });
  return { ctx: current.ctx, patientId: created.id };
}

describe('patient change history', () => {
  it('lists the creation and a change, newest first, with before → after and the clinician', () => {
    const { ctx, patientId } = setUp();
    saveDetails(ctx, { patientId, ...details, preferredName: 'Ru' });

    const page = patientHistory(ctx, { patientId, limit: 50 });
    const patientEntries = page.entries.filter((e) => e.entity === 'patient');
    expect(patientEntries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(page.nextBeforeSeq).toBeNull();
    for (const e of page.entries) expect(e.actorName).toBe('Alex Morgan');
    // Newest first across every entity.
    const seqs = page.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const [update, create] = patientEntries;
    expect(update).toMatchObject({ entityLabel: 'Patient', actionLabel: 'Changed' });
    // Only the field that changed; the derived search keys and who/when columns stay out.
    expect(update?.changes).toEqual([
      { field: 'preferredName', label: 'Preferred name', before: 'Ruthie', after: 'Ru' },
    ]);
    expect(create?.actionLabel).toBe('Recorded');
    expect(create?.changes).toContainEqual({
      field: 'mrn',
      label: 'Hospital number (MRN)',
      before: null,
      after: 'MRN001',
    });
    expect(create?.changes.map((c) => c.field)).not.toContain('familyKey');
    expect(create?.changes.map((c) => c.field)).not.toContain('createdAt');
  });

  it('pages backwards with beforeSeq until nothing older is left', () => {
    const { ctx, patientId } = setUp();
    saveDetails(ctx, { patientId, ...details, preferredName: 'Ru' });
    saveDetails(ctx, { patientId, ...details, preferredName: 'Ruth O' });
    const all = patientHistory(ctx, { patientId, limit: 200 }).entries.map((e) => e.seq);
    expect(all.length).toBeGreaterThanOrEqual(4);

    const seen: number[] = [];
    let beforeSeq: number | null = null;
    for (let i = 0; i < 10; i++) {
      const page = patientHistory(ctx, { patientId, limit: 2, beforeSeq });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((e) => e.seq));
      if (page.nextBeforeSeq === null) break;
      expect(page.nextBeforeSeq).toBe(page.entries[1]?.seq);
      beforeSeq = page.nextBeforeSeq;
    }
    expect(seen).toEqual(all);
  });

  it('leaves out saves that changed nothing', () => {
    const { ctx, patientId } = setUp();
    saveDetails(ctx, { patientId, ...details });
    const before = patientHistory(ctx, { patientId, limit: 50 }).entries.length;
    saveDetails(ctx, { patientId, ...details });
    saveDetails(ctx, { patientId, ...details });
    const page = patientHistory(ctx, { patientId, limit: 50 });
    expect(page.entries).toHaveLength(before);
    expect(page.entries.every((e) => e.changes.length > 0)).toBe(true);
  });

  it('fills a page past unchanged saves and pages on from the last entry shown', () => {
    const { ctx, patientId } = setUp();
    saveDetails(ctx, { patientId, ...details, preferredName: 'Ru' });
    for (let i = 0; i < 5; i++) saveDetails(ctx, { patientId, ...details, preferredName: 'Ru' });
    const first = patientHistory(ctx, { patientId, limit: 2 });
    expect(first.entries.map((e) => `${e.entity}:${e.action}`)).toEqual(['patient_details:create', 'patient:update']);
    expect(first.nextBeforeSeq).toBe(first.entries[1]?.seq);
    const second = patientHistory(ctx, { patientId, limit: 2, beforeSeq: first.nextBeforeSeq });
    expect(second.entries.map((e) => `${e.entity}:${e.action}`)).toEqual(['patient:create']);
    expect(second.nextBeforeSeq).toBeNull();
  });

  it('shows only this patient and refuses an unknown one', () => {
    const { ctx, patientId } = setUp();
    const other = createPatient(ctx, {
      givenName: 'Sam',
      familyName: 'Lee',
      preferredName: null,
      dateOfBirth: '1970-01-01',
      sex: 'male',
      mrn: 'MRN002',
    });
    const mine = patientHistory(ctx, { patientId, limit: 50 });
    expect(mine.entries).toHaveLength(1);
    expect(patientHistory(ctx, { patientId: other.id, limit: 50 }).entries).toHaveLength(1);
    expect(() => patientHistory(ctx, { patientId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', limit: 50 })).toThrow(/not found/);
  });
});

describe('readable changes', () => {
  it('names entities and fields in plain words', () => {
    expect(entityLabel('bone_lesion')).toBe('Bone lesion');
    expect(fieldLabel('weightBearingStatus')).toBe('Weight bearing status');
    expect(fieldLabel('flagsJson')).toBe('Flags');
  });

  it('compares *Json columns as values and reads codes, booleans and clinician ids', () => {
    const names = new Map([['01CLINICIAN0000000000000000', 'Jo Park']]);
    const changes = changedFields(
      JSON.stringify({ flagsJson: '["a","b"]', status: 'on_hold', interpreterNeeded: false, leadClinicianId: null }),
      JSON.stringify({
        flagsJson: '[ "a", "b" ]',
        status: 'active',
        interpreterNeeded: true,
        leadClinicianId: '01CLINICIAN0000000000000000',
      }),
      names,
    );
    expect(changes).toEqual([
      { field: 'status', label: 'Status', before: 'On hold', after: 'Active' },
      { field: 'interpreterNeeded', label: 'Interpreter needed', before: 'No', after: 'Yes' },
      { field: 'leadClinicianId', label: 'Lead clinician', before: null, after: 'Jo Park' },
    ]);
  });

  it('opens a nested record into labelled fields, names ids, and never shows raw JSON', () => {
    const names = new Map([['01EXERCISE0000000000000000', 'Stationary cycle']]);
    const changes = changedFields(
      JSON.stringify({ screen: { restingHr: 70, redFlags: [] }, decision: null }),
      JSON.stringify({
        screen: { restingHr: 72, redFlags: ['chest_pain'] },
        decision: 'go',
        entries: [{ exerciseId: '01EXERCISE0000000000000000', rpe: 13 }],
        sessionRef: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      }),
      names,
    );
    expect(changes).toEqual([
      { field: 'screen.restingHr', label: 'Screen · Resting heart rate', before: '70', after: '72' },
      { field: 'screen.redFlags', label: 'Screen · Red flags', before: null, after: 'chest pain' },
      { field: 'decision', label: 'Decision', before: null, after: 'go' },
      { field: 'entries', label: 'Entries', before: null, after: 'Exercise: Stationary cycle; RPE: 13' },
      { field: 'sessionRef', label: 'Session ref', before: null, after: 'another record' },
    ]);
    for (const c of changes) expect(`${c.before} ${c.after}`).not.toMatch(/[{}"]/);
  });
});
