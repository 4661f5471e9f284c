import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedInputOf } from '../../../shared/contract';
import { openTestCaseload } from '../../testing';
import { normalScreen, seedPatient } from '../../testSeed';
import { auditTrailFor } from '../audit';
import { saveClearance } from '../intake/sections';
import { listExercises } from './exercises';
import { savePlan } from './plans';
import { getSession, recordScreen, signSession } from './record';
import { createBooking, createClass } from './today';

const DATE = '2026-11-27';
type Screen = ParsedInputOf<'sessions.recordScreen'>['screen'];
const screen: Screen = normalScreen();
const after = { sbp: 124, dbp: 76, restingHr: 80, spo2: 97, rpeOverall: 12, fatigue: 3, pain: 1 };

let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  t = openTestCaseload({ now: () => new Date(`${DATE}T09:30:00`) });
});
afterEach(() => t.close());

const byKey = (key: string) => listExercises(t.ctx, false).find((e) => e.starterKey === key)!.id;
function refusalOf(fn: () => unknown): { message: string; fields?: Record<string, string> } {
  try {
    fn();
  } catch (error) {
    return error as { message: string; fields?: Record<string, string> };
  }
  throw new Error('expected a refusal');
}

function restrictedPatient(): string {
  const patientId = seedPatient(t.ctx, { mrn: 'R1', cleared: false });
  saveClearance(t.ctx, {
    patientId,
    id: null,
    requestedOn: null,
    requestedFromContactId: null,
    requestedFromName: null,
    receivedOn: '2026-11-01',
    receivedFromContactId: null,
    receivedFromName: 'Dr Lee',
    decision: 'with_restrictions',
    restrictions: 'No loaded hip flexion; RPE ≤ 13; one-to-one only',
    rpeCeiling: 13,
    hrCeiling: null,
    avoidTags: ['hip_flexion_extension'],
    noGroupSessions: true,
    reviewBy: '2027-05-01',
    notes: null,
  });
  return patientId;
}

describe("the doctor's structured restrictions", () => {
  it('a logged RPE above the ceiling needs an override note, which is kept', () => {
    const p = restrictedPatient();
    const s = createBooking(t.ctx, { patientId: p, date: DATE, startTime: '09:00', classId: null });
    const curl = {
      exerciseId: byKey('seated_biceps_curl'),
      planned: false,
      sets: 2,
      reps: 10,
      loadKg: 2,
      durationMin: null,
      rpe: 15,
      peakHr: null,
      spo2: null,
      painChange: 0,
      outcome: 'completed' as const,
      reason: null,
      overrideNote: null,
    };
    const base = {
      sessionId: s.sessionId,
      screen,
      clearanceOverrideReason: null,
      after,
      notes: null,
      occurredAt: null,
    };
    const refusal = refusalOf(() => signSession(t.ctx, { ...base, entries: [curl] }));
    expect(refusal.fields?.['entries.0.overrideNote']).toContain("RPE 15 is above the doctor's ceiling of RPE 13");
    expect(getSession(t.ctx, s.sessionId).signedAt).toBeNull();
    const signed = signSession(t.ctx, {
      ...base,
      entries: [{ ...curl, overrideNote: 'Reported 15 on the last set only; stopped there' }],
    });
    expect(signed.entries[0]!.overrideNote).toBe('Reported 15 on the last set only; stopped there');
    expect(signed.safety.clearance.restrictions).toBe('No loaded hip flexion; RPE ≤ 13; one-to-one only');
  });

  it('a plan item with an avoided movement or a target above the ceiling needs an override note', () => {
    const p = restrictedPatient();
    const item = {
      exerciseId: byKey('seated_biceps_curl'),
      sets: 2,
      reps: 10,
      durationMin: null,
      loadKg: null,
      rpeMin: 11,
      rpeMax: 15,
      hrMin: null,
      hrMax: null,
      talkTest: true,
      restSeconds: null,
      progression: null,
      notes: null,
      overrideNote: null,
    };
    const plan = {
      patientId: p,
      sessionsPerWeek: 2,
      sessionMinutes: 45,
      cycleAdjustment: null,
      milestones: null,
      notes: null,
    };
    expect(refusalOf(() => savePlan(t.ctx, { ...plan, items: [item] })).fields?.['items.0.overrideNote']).toContain(
      'Target RPE up to 15',
    );
    expect(savePlan(t.ctx, { ...plan, items: [{ ...item, rpeMax: 13 }] }).items).toHaveLength(1);
  });

  it('a group class needs a recorded reason, kept in the audit trail', () => {
    const p = restrictedPatient();
    const cls = createClass(t.ctx, { name: 'Strength', date: DATE, startTime: '10:00', patientIds: [p] });
    const sessionId = getSessionIdOf(cls.id, p);
    const refusal = refusalOf(() => recordScreen(t.ctx, { sessionId, screen, clearanceOverrideReason: null }));
    expect(refusal.fields?.['clearanceOverrideReason']).toContain('no group sessions');
    recordScreen(t.ctx, { sessionId, screen, clearanceOverrideReason: 'Doctor agreed by phone: seated class only' });
    const trail = auditTrailFor(t.ctx.db, 'session', sessionId);
    expect(trail.some((e) => e.action === 'override' && e.reason === 'Doctor agreed by phone: seated class only')).toBe(
      true,
    );
  });
});

function getSessionIdOf(classId: string, patientId: string): string {
  const row = t.ctx.sqlite
    .prepare('select id from session where class_id = ? and patient_id = ?')
    .get(classId, patientId) as { id: string };
  return row.id;
}
