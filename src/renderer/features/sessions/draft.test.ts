import { describe, expect, it } from 'vitest';
import { screenCompleteness } from '../../../shared/clinical/session';
import { notTakenPayload, screenPayload, vitalBlank, type SessionDraft } from './draft';

function draft(screen: Partial<SessionDraft['screen']>, notTaken?: SessionDraft['notTaken']): SessionDraft {
  const blank = {
    restingHr: '',
    sbp: '',
    dbp: '',
    spo2: '',
    temperatureC: '',
    haemoglobinGL: '',
    plateletsX109: '',
    neutrophilsX109: '',
    glucoseMmol: '',
    fatigue0to10: '',
    pain0to10: '',
    breathlessness0to10: '',
    nausea0to10: '',
    sleepQuality0to10: '',
    energy0to10: '',
    bloodsDate: '',
    painSite: '',
    redFlags: [],
  } as SessionDraft['screen'];
  return {
    version: 1,
    screen: { ...blank, ...screen },
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
