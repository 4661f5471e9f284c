import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import type { HistoryFieldChange } from '../../shared/contract/audit';
import { changedFields, entityLabel, fieldLabel, patientHistory, plainText } from './auditHistory';
import { saveDetails } from './intake/sections';
import { createPatient } from './patients';
import { seedLetterCase, type Call } from '../testCases';
import { nullScreen } from '../testSeed';

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

/** Changes with their dates as stored, to compare as words. */
const plain = (changes: HistoryFieldChange[] | undefined) =>
  changes?.map((c) => ({ ...c, before: plainText(c.before), after: plainText(c.after) }));

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
    expect(plain(update?.changes)).toEqual([
      { field: 'preferredName', label: 'Preferred name', before: 'Ruthie', after: 'Ru' },
    ]);
    expect(create?.actionLabel).toBe('Recorded');
    expect(plain(create?.changes)).toContainEqual({
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
    expect(plain(changes)).toEqual([
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
    expect(plain(changes)).toEqual([
      { field: 'screen.restingHr', label: 'Screen · Resting heart rate', before: '70', after: '72' },
      { field: 'screen.redFlags', label: 'Screen · Red flags', before: null, after: 'Chest pain or pressure' },
      { field: 'decision', label: 'Decision', before: null, after: 'Go' },
      { field: 'entries', label: 'Entries', before: null, after: 'Exercise: Stationary cycle; RPE: 13' },
      { field: 'sessionRef', label: 'Session ref', before: null, after: 'another record' },
    ]);
    for (const c of plain(changes)!) expect(`${c.before} ${c.after}`).not.toMatch(/[{}"]/);
  });
});

describe('every value reads as its screen writes it (issue 25 item 5)', () => {
  it('a signed session, its exercises and an incident: decisions, rule names, planned rows and times in words', async () => {
    const t = openTestCaseload({ now: () => new Date('2026-11-27T09:30:00') });
    current = t;
    const call = (async (channel: string, input: unknown) => {
      const result = await t.dispatch(channel as never, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
      return result.value;
    }) as unknown as Call;
    const { patientId } = await seedLetterCase(call, {
      mrn: 'M1',
      givenName: 'Ruth',
      familyName: 'Okafor',
      baselineOn: '2026-09-01',
      reassessedOn: '2026-11-20',
      lesions: true,
      assessments: true,
    });
    const library = await call('exercises.list', {});
    const cycle = library.find((e) => e.starterKey === 'stationary_cycle')!.id;
    const sitToStand = library.find((e) => e.starterKey === 'sit_to_stand')!.id;
    const booking = await call('bookings.create', { patientId, date: '2026-11-27', startTime: '09:00', classId: null });
    const screen = { ...nullScreen(), restingHr: 72, sbp: 124, dbp: 78, spo2: 97, temperatureC: 36.6 };
    await call('sessions.sign', {
      sessionId: booking.sessionId,
      screen,
      clearanceOverrideReason: 'Oncologist cleared her by phone; letter to follow',
      entries: [
        { exerciseId: cycle, planned: true, durationMin: 10, rpe: 12, outcome: 'completed' },
        { exerciseId: sitToStand, planned: false, sets: 2, reps: 8, rpe: 12, outcome: 'skipped', reason: 'Sore knee' },
      ],
      after: { sbp: 120 },
      notes: 'Went well',
      occurredAt: null,
    } as never);
    await call('adverseEvents.record', {
      patientId,
      type: 'fall',
      severity: 2,
      occurredAt: '2026-11-26T16:00:00.000Z',
      description: 'Slipped on the mat',
    } as never);

    const changes = patientHistory(t.ctx, { patientId, limit: 200 }).entries.flatMap((e) => e.changes);
    const valueOf = (field: string) => changes.find((c) => c.field === field)?.after ?? null;
    // The session's rules fired on its context (bone lesions at least) read as the screen names them.
    const fired = plainText(valueOf('firedRules'));
    expect(fired).toContain('Bone metastases: ask about pain and analgesics');
    expect(fired).not.toMatch(/_|bone lesion check/);
    expect(plainText(valueOf('decision'))).toMatch(/^(Go|Go with modifications|Hold)$/);
    const entries = plainText(valueOf('entries'))!;
    expect(entries).toContain('Planned: Planned');
    expect(entries).toContain('Planned: Added');
    expect(entries).toContain('Outcome: Completed');
    expect(entries).toContain('Outcome: Skipped');
    expect(entries).not.toMatch(/Planned: [01]|Planned: (Yes|No)/);
    // The incident's time is an instant for the window to write in the clinic's format, never the stored text.
    expect(valueOf('occurredAt')).toContainEqual({ at: '2026-11-26T16:00:00.000Z' });
    expect(plainText(valueOf('type'))).toBe('Fall');
    for (const c of changes) {
      for (const part of [...(c.before ?? []), ...(c.after ?? [])]) {
        if (typeof part === 'string') expect(part, c.field).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
    }
  });
});
