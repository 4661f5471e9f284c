import { describe, expect, it } from 'vitest';
import { screenCompleteness, unreviewedPrefills } from '../../../shared/clinical/session';
import type { PatientReportView } from '../../../shared/contract/checkIn';
import type { SessionView } from '../../../shared/contract/sessions';
import { draftReducer } from './draftReducer';
import {
  entriesPayload,
  initialDraft,
  notTakenPayload,
  screenPayload,
  vitalBlank,
  withPerformedValue,
  withCheckIn,
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

describe('session draft: a patient check-in prefills the symptoms for the clinician to confirm or correct', () => {
  const report = {
    checkInId: '01CHECKIN0000000000000001',
    prefill: { pain0to10: 7, fatigue0to10: 6, nausea0to10: 0 },
  } as unknown as PatientReportView;

  it('fills only blank symptom fields, once per check-in, and sends nothing confirmed yet', () => {
    const typed = draft({ fatigue0to10: 3 });
    const prefilled = withCheckIn(typed, report);
    expect(prefilled.screen).toMatchObject({ pain0to10: 7, fatigue0to10: 3, nausea0to10: 0, breathlessness0to10: '' });
    expect(screenPayload(prefilled).checkIn).toEqual({ checkInId: report.checkInId, confirmed: [] });
    // Loaded again (the saved draft already knows this check-in): nothing is filled over the clinician.
    const cleared = draftReducer(prefilled, { type: 'screenNumber', field: 'pain0to10', value: '' });
    expect(withCheckIn(cleared, report)).toBe(cleared);
    expect(withCheckIn(typed, null)).toBe(typed);
  });

  it('keeps a confirmation until the value is changed, which makes it a correction', () => {
    let d = withCheckIn(draft({}), report);
    d = draftReducer(d, { type: 'confirmReported', field: 'pain0to10' });
    d = draftReducer(d, { type: 'confirmReported', field: 'fatigue0to10' });
    expect(screenPayload(d).checkIn?.confirmed).toEqual(['pain0to10', 'fatigue0to10']);
    d = draftReducer(d, { type: 'screenNumber', field: 'fatigue0to10', value: 4 });
    expect(screenPayload(d)).toMatchObject({
      fatigue0to10: 4,
      pain0to10: 7,
      checkIn: { confirmed: ['pain0to10'] },
    });
    const payload = screenPayload(d);
    expect(unreviewedPrefills(report.prefill, payload, payload.checkIn!.confirmed!).map((p) => p.field)).toEqual([
      'nausea0to10',
    ]);
  });
});
