import { describe, expect, it } from 'vitest';
import { screenCompleteness } from '../../../shared/clinical/session';
import type { SessionView } from '../../../shared/contract/sessions';
import {
  entriesPayload,
  initialDraft,
  notTakenPayload,
  screenPayload,
  vitalBlank,
  withPerformedValue,
  blankScreen,
  type SessionDraft,
} from './draft';

function draft(screen: Partial<SessionDraft['screen']>, notTaken?: SessionDraft['notTaken']): SessionDraft {
  return {
    version: 1,
    screen: { ...blankScreen(), ...screen },
    overrideReason: '',
    ...(notTaken ? { notTaken } : {}),
    entries: [],
    after: { restingHr: '', sbp: '', dbp: '', spo2: '', rpeOverall: '', fatigue: '', pain: '' },
    notes: '',
    occurredAt: '',
  };
}

describe('session draft: vitals not taken', () => {
  it('blood pressure is blank while either pressure is blank', () => {
    expect(vitalBlank(draft({ sbp: 120 }), 'bloodPressure')).toBe(true);
    expect(vitalBlank(draft({ dbp: 80 }), 'bloodPressure')).toBe(true);
    expect(vitalBlank(draft({}), 'bloodPressure')).toBe(true);
    expect(vitalBlank(draft({ sbp: 120, dbp: 80 }), 'bloodPressure')).toBe(false);
  });

  it('sends a not-taken reason only for a vital still blank: a typed value wins', () => {
    const d = draft({ restingHr: 70, sbp: 120, dbp: 80 }, { spo2: 'Oximeter unavailable', restingHr: 'ignored' });
    expect(notTakenPayload(d)).toEqual({ spo2: 'Oximeter unavailable' });
    expect(screenPayload(d).notTaken).toEqual({ spo2: 'Oximeter unavailable' });
    expect(screenPayload(draft({ spo2: 97 })).notTaken).toBeUndefined();
  });

  it('a draft saved before "not taken" existed still loads as complete-or-not by the shared rule', () => {
    const old = draft({ restingHr: 70, sbp: 120, dbp: 80 });
    expect(notTakenPayload(old)).toEqual({});
    const payload = screenPayload(old);
    expect(screenCompleteness(payload, payload.notTaken, 'go').missing.map((m) => m.vital)).toEqual(['spo2']);
  });
});

describe('session draft: a planned row is not recorded until the specialist says so', () => {
  const view = {
    date: '2026-11-27',
    startTime: '09:00',
    draft: null,
    screen: null,
    clearanceOverrideReason: null,
    plan: {
      items: [
        { exerciseId: 'x1', exerciseName: 'Stationary cycle', sets: null, reps: null, loadKg: null, durationMin: 10 },
      ],
    },
  } as unknown as SessionView;

  it('starts with no outcome, and is sent to main as not recorded', () => {
    const [row] = initialDraft(view).entries;
    expect(row).toMatchObject({ exerciseName: 'Stationary cycle', durationMin: 10, outcome: null });
    expect(entriesPayload([row!])[0]!.outcome).toBeNull();
  });

  it('any performed value marks it completed, but never overrides Modified or Skipped', () => {
    const [row] = initialDraft(view).entries;
    expect(withPerformedValue(row!, 'rpe', 12).outcome).toBe('completed');
    expect(withPerformedValue(row!, 'rpe', '').outcome).toBeNull();
    expect(withPerformedValue({ ...row!, outcome: 'skipped' }, 'painChange', 2).outcome).toBe('skipped');
    expect(withPerformedValue({ ...row!, outcome: 'modified' }, 'sets', 1)).toMatchObject({
      outcome: 'modified',
      sets: 1,
    });
  });

  it('a draft saved before this change, with rows already Completed, loads unchanged', () => {
    const saved = { ...initialDraft(view), entries: [{ ...initialDraft(view).entries[0]!, outcome: 'completed' }] };
    const restored = initialDraft({ ...view, draft: saved } as SessionView);
    expect(restored.entries[0]!.outcome).toBe('completed');
  });
});
